//! Exception objects: args, a traceback, and a dict for subclasses' attributes.

use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The layout of every exception (builtin ones and instances of Python subclasses).
#[repr(C)]
pub struct ExceptionObj {
    /// The exception's class.
    pub header: ObjHeader,
    /// The arguments (a tuple).
    pub args: Value,
    /// Traceback entries: a heap buffer of `(file, line, name)` value triples, or NULL.
    pub tb: *mut Value,
    /// Number of values used in `tb` (3 per entry).
    pub tb_len: u32,
    /// Capacity of `tb` in values.
    pub tb_cap: u32,
    /// Attributes set on the instance (subclasses, `errno`...), or NULL.
    pub dict: Value,
    /// `__cause__` (circuitpython flavour) or NULL.
    pub cause: Value,
    /// `__context__` (circuitpython flavour) or NULL.
    pub context: Value,
    /// `__suppress_context__`.
    pub suppress_context: bool,
}

impl PyObj for ExceptionObj {
    const KIND: Kind = Kind::Exception;
}

/// A new exception of type `ty` with `args` (a tuple).
pub fn new(cx: &mut Cx, ty: *const super::TypeObj, args: Value) -> PyResult<Value> {
    let mark = cx.roots_mark();
    cx.root(args)?;
    let p: PyResult<*mut ExceptionObj> = cx.alloc_obj(ty, 0);
    cx.roots_truncate(mark);
    let p = p?;
    crate::gc::write_barrier(cx, args);
    // SAFETY: fresh object.
    unsafe { (*p).args = args };
    Ok(Value::from_ptr(p))
}

/// The exception's fields.
pub(crate) fn exc_of<'a>(v: Value) -> Option<&'a mut ExceptionObj> {
    if super::is::<ExceptionObj>(v) {
        // SAFETY: kind-checked live exception; rooting rule governs the lifetime.
        Some(unsafe { &mut *(v.raw() as *mut ExceptionObj) })
    } else {
        None
    }
}

/// Append a traceback entry. If memory is short the entry is dropped: the exception being
/// raised is never replaced by a MemoryError.
pub fn add_traceback(cx: &mut Cx, exc: Value, file: Value, line: usize, name: Value) {
    let Some(e) = exc_of(exc) else { return };
    if e.tb_len + 3 > e.tb_cap {
        let new_cap = (e.tb_cap * 2).max(12);
        let bytes = new_cap as usize * core::mem::size_of::<Value>();
        // Use the heap directly: no collection here (we are unwinding, the exception is only
        // held by the VM's pending slot), and no MemoryError on failure.
        let Some(p) = (if e.tb.is_null() {
            cx.heap.alloc(bytes, crate::gc::heap::AllocKind::Buffer)
        } else {
            cx.heap.realloc(e.tb as *mut u8, bytes)
        }) else {
            return;
        };
        e.tb = p.as_ptr() as *mut Value;
        e.tb_cap = new_cap;
    }
    crate::gc::write_barrier(cx, file);
    crate::gc::write_barrier(cx, name);
    // SAFETY: tb has room for tb_len + 3 values.
    unsafe {
        let t = e.tb.add(e.tb_len as usize);
        *t = file;
        *t.add(1) = Value::small_int_unchecked(line.min(1 << 30) as isize);
        *t.add(2) = name;
    }
    e.tb_len += 3;
}

/// Forget the traceback (when an exception object is raised afresh).
pub fn clear_traceback(exc: Value) {
    if let Some(e) = exc_of(exc) {
        e.tb_len = 0;
    }
}

/// The traceback entries as `(file, line, name)`.
pub(crate) fn traceback_of<'a>(exc: Value) -> &'a [Value] {
    match exc_of(exc) {
        Some(e) if !e.tb.is_null() => {
            // SAFETY: tb holds tb_len values.
            unsafe { core::slice::from_raw_parts(e.tb, e.tb_len as usize) }
        }
        _ => &[],
    }
}
