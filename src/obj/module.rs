//! Modules: a name and a dict of globals.

use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The layout of a module.
#[repr(C)]
pub struct ModuleObj {
    /// `module`.
    pub header: ObjHeader,
    /// Its globals.
    pub dict: Value,
}

impl PyObj for ModuleObj {
    const KIND: Kind = Kind::Module;
}

/// A new module named `name` (a str) with a fresh dict holding `__name__`.
pub fn new(cx: &mut Cx, name: Value) -> PyResult<Value> {
    let mark = cx.roots_mark();
    cx.root(name)?;
    let d = super::dict::new(cx)?;
    cx.root(d)?;
    super::dict::set_static(cx, d, &crate::qstrs::q::__name__, name)?;
    let m: *mut ModuleObj = cx.alloc_obj(&super::types::MODULE_TYPE, 0)?;
    crate::gc::write_barrier(cx, d);
    // SAFETY: fresh object.
    unsafe { (*m).dict = d };
    cx.roots_truncate(mark);
    Ok(Value::from_ptr(m))
}

/// A module's dict.
pub fn dict_of(m: Value) -> Option<Value> {
    if super::is::<ModuleObj>(m) {
        // SAFETY: kind-checked live module.
        Some(unsafe { (*(m.raw() as *const ModuleObj)).dict })
    } else {
        None
    }
}
