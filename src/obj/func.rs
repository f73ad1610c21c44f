//! Functions: bytecode functions (with closures), native functions, bound methods and cells.

use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// A function written in Python.
#[repr(C)]
pub struct FunctionObj {
    /// `function`.
    pub header: ObjHeader,
    /// Its code (a `CodeObj`).
    pub code: Value,
    /// The module globals it runs with (a dict).
    pub globals: Value,
    /// Positional defaults (a tuple) or NULL.
    pub defaults: Value,
    /// Keyword-only defaults (a dict) or NULL.
    pub kwdefaults: Value,
    /// Captured cells (a tuple of cells) or NULL; passed as hidden leading arguments.
    pub closure: Value,
}

impl PyObj for FunctionObj {
    const KIND: Kind = Kind::Function;
}

/// How a native function receives its arguments: positional values, then keyword pairs
/// `(name, value, name, value, ...)`. For methods, `args[0]` is `self`.
pub type NativeFn = fn(cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value>;

/// A function written in Rust (a static object).
#[repr(C)]
pub struct NativeFnObj {
    /// `builtin_function_or_method`.
    pub header: ObjHeader,
    /// Its name.
    pub name: &'static super::str::StrObj,
    /// Fewest positional arguments (including self for methods).
    pub min_args: u16,
    /// Most positional arguments (`u16::MAX`: any number).
    pub max_args: u16,
    /// Whether it accepts keyword arguments.
    pub takes_kw: bool,
    /// The code.
    pub func: NativeFn,
}

impl PyObj for NativeFnObj {
    const KIND: Kind = Kind::NativeFn;
}

/// Any number of arguments.
pub const VARARGS: u16 = u16::MAX;

impl NativeFnObj {
    /// A native function object.
    pub const fn new(
        name: &'static super::str::StrObj,
        min_args: u16,
        max_args: u16,
        takes_kw: bool,
        func: NativeFn,
    ) -> NativeFnObj {
        NativeFnObj {
            header: ObjHeader::new(&super::types::NATIVE_FN_TYPE),
            name,
            min_args,
            max_args,
            takes_kw,
            func,
        }
    }
}

/// Define a static native function: `native_fn!(NAME, q::name, min, max, kw, func)`.
#[macro_export]
macro_rules! native_fn {
    ($vis:vis $id:ident, $name:expr, $min:expr, $max:expr, $kw:expr, $f:expr) => {
        #[allow(missing_docs)]
        $vis static $id: $crate::obj::func::NativeFnObj =
            $crate::obj::func::NativeFnObj::new(&$name, $min, $max, $kw, $f);
    };
}

/// A method bound to an object.
#[repr(C)]
pub struct BoundMethodObj {
    /// `bound_method`.
    pub header: ObjHeader,
    /// The function.
    pub func: Value,
    /// The object it is bound to.
    pub self_: Value,
}

impl PyObj for BoundMethodObj {
    const KIND: Kind = Kind::BoundMethod;
}

/// A new bound method.
pub fn new_bound(cx: &mut Cx, func: Value, self_: Value) -> PyResult<Value> {
    let p: *mut BoundMethodObj = cx.alloc_obj(&super::types::BOUND_METHOD_TYPE, 0)?;
    crate::gc::write_barrier_values(cx, &[func, self_]);
    // SAFETY: fresh object; func and self_ are reachable from the caller (they were rooted
    // across the allocation by being on the VM stack or rooted).
    unsafe {
        (*p).func = func;
        (*p).self_ = self_;
    }
    Ok(Value::from_ptr(p))
}

/// A cell: a variable shared between a function and the closures it makes.
#[repr(C)]
pub struct CellObj {
    /// `cell`.
    pub header: ObjHeader,
    /// The contents (NULL when unbound).
    pub value: Value,
}

impl PyObj for CellObj {
    const KIND: Kind = Kind::Cell;
}

/// A new cell holding `v` (which must be reachable across the allocation).
pub fn new_cell(cx: &mut Cx, v: Value) -> PyResult<Value> {
    let p: *mut CellObj = cx.alloc_obj(&super::types::CELL_TYPE, 0)?;
    crate::gc::write_barrier(cx, v);
    // SAFETY: fresh object.
    unsafe { (*p).value = v };
    Ok(Value::from_ptr(p))
}

/// `property`, `classmethod`, `staticmethod` share this layout (up to three values).
#[repr(C)]
pub struct DescrObj {
    /// `property`, `classmethod` or `staticmethod`.
    pub header: ObjHeader,
    /// fget / the wrapped function.
    pub a: Value,
    /// fset.
    pub b: Value,
    /// fdel.
    pub c: Value,
    /// The doc string (properties).
    pub d: Value,
}

/// Marker kinds for the descriptor objects sharing `DescrObj`.
pub struct PropertyKind;
impl PyObj for PropertyKind {
    const KIND: Kind = Kind::Property;
}

/// A new descriptor object of type `ty`.
pub fn new_descr(
    cx: &mut Cx,
    ty: &'static super::TypeObj,
    a: Value,
    b: Value,
    c: Value,
) -> PyResult<Value> {
    let p: *mut DescrObj = cx.alloc_obj(ty, 0)?;
    crate::gc::write_barrier_values(cx, &[a, b, c]);
    // SAFETY: fresh object.
    unsafe {
        (*p).a = a;
        (*p).b = b;
        (*p).c = c;
        (*p).d = Value::NONE;
    }
    Ok(Value::from_ptr(p))
}

/// The fields of a descriptor-layout value (property/classmethod/staticmethod/super).
pub(crate) fn descr_of<'a>(v: Value) -> Option<&'a DescrObj> {
    match super::kind_of(v) {
        Kind::Property | Kind::ClassMethod | Kind::StaticMethod | Kind::Super if v.is_ptr() => {
            // SAFETY: these kinds share the DescrObj layout.
            Some(unsafe { &*(v.raw() as *const DescrObj) })
        }
        _ => None,
    }
}
