//! Frozen modules: `.mpy` images built into the firmware image and imported without a
//! filesystem or a compiler. Their bytecode runs in place, from flash: the code objects point
//! into the static bytes (only the qstr and constant tables are made in the heap).
//!
//! Build the table with the [`frozen_modules!`](crate::frozen_modules) macro from `.mpy`
//! files (written by `mpy-cross` or `pyrite --compile`), or generate it from `.py` sources in
//! a build script with the `pyrite-freeze` crate, then hand it to
//! [`Interpreter::add_frozen`](crate::Interpreter::add_frozen).
//!
//! As in MicroPython, a frozen module is found where `sys.path` has the entry `.frozen`, or
//! after every other entry when `sys.path` has none.

use crate::obj::{dict, module, str as pystr};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The `sys.path` entry that stands for the frozen modules.
pub const PATH_ENTRY: &str = ".frozen";

/// One frozen module.
#[derive(Clone, Copy, Debug)]
pub struct FrozenModule {
    /// The full dotted module name (`"drivers.led"`).
    pub name: &'static str,
    /// The `.mpy` image (version 6, bytecode only).
    pub mpy: &'static [u8],
    /// Whether it is a package (`pkg/__init__.py`): it then gets a `__path__`, so relative
    /// imports and submodules (`"pkg.sub"`) work.
    pub is_package: bool,
}

/// Build a `&'static [FrozenModule]` from `.mpy` files, included with `include_bytes!`
/// (paths are relative to the file that uses the macro):
///
/// ```ignore
/// static FROZEN: &[pyrite::FrozenModule] = pyrite::frozen_modules! {
///     "main" => "../py/main.mpy",
///     "drivers" => package "../py/drivers/__init__.mpy",
///     "drivers.led" => "../py/drivers/led.mpy",
/// };
/// ```
#[macro_export]
macro_rules! frozen_modules {
    (@one $name:literal => package $path:literal) => {
        $crate::FrozenModule { name: $name, mpy: include_bytes!($path), is_package: true }
    };
    (@one $name:literal => $path:literal) => {
        $crate::FrozenModule { name: $name, mpy: include_bytes!($path), is_package: false }
    };
    ($($name:literal => $($kw:ident)? $path:literal),* $(,)?) => {
        &[$($crate::frozen_modules!(@one $name => $($kw)? $path)),*]
    };
}

/// Import the frozen module named `full`, if there is one.
pub(crate) fn import(cx: &mut Cx, full: Value) -> PyResult<Option<Value>> {
    let name = pystr::bytes_of(full).unwrap_or(&[]);
    // The embedder's modules first, then the core's own (`asyncio`).
    let found = cx
        .host
        .frozen
        .iter()
        .chain(crate::modules::FROZEN.iter())
        .find(|m| m.name.as_bytes() == name);
    let Some(fm) = found else {
        return Ok(None);
    };
    let fm = *fm;
    let m = module::new(cx, full)?;
    let mark = cx.roots_mark();
    cx.root(m)?;
    let r = (|| {
        let md = module::dict_of(m).unwrap_or(Value::NULL);
        if fm.is_package {
            let p = pystr::new_from(cx, PATH_ENTRY)?;
            cx.root(p)?;
            dict::set_static(cx, md, &q::__path__, p)?;
        }
        dict::set(cx, cx.modules, full, m)?;
        let code = crate::bytecode::loader::load_mpy_static(cx, fm.mpy)?;
        cx.root(code)?;
        cx.exec_code(code, md, Value::NULL)
    })();
    cx.roots_truncate(mark);
    match r {
        Ok(_) => Ok(Some(m)),
        Err(e) => {
            let _ = crate::obj::table::remove(cx, cx.modules, full);
            Err(e)
        }
    }
}
