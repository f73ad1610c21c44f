//! Instances of classes defined in Python.
//!
//! An instance has a `__dict__` and, when its class derives from a builtin other than
//! `object` (list, dict, ...), the builtin object it wraps (`base`), to which the builtin's
//! methods apply.

use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The layout of an instance.
#[repr(C)]
pub struct InstanceObj {
    /// The class.
    pub header: ObjHeader,
    /// The attribute dict (NULL until the first attribute is set).
    pub dict: Value,
    /// The wrapped builtin object, or NULL.
    pub base: Value,
}

impl PyObj for InstanceObj {
    const KIND: Kind = Kind::Instance;
}

/// A new instance of class `ty`.
pub fn new(cx: &mut Cx, ty: *const super::TypeObj) -> PyResult<Value> {
    let p: *mut InstanceObj = cx.alloc_obj(ty, 0)?;
    Ok(Value::from_ptr(p))
}

/// The instance's fields.
pub(crate) fn inst_of<'a>(v: Value) -> Option<&'a mut InstanceObj> {
    if super::is::<InstanceObj>(v) {
        // SAFETY: kind-checked live instance; rooting rule governs the lifetime.
        Some(unsafe { &mut *(v.raw() as *mut InstanceObj) })
    } else {
        None
    }
}
