//! Native objects: embedder-defined objects that own resources outside Python (a file handle,
//! a peripheral, a DMA buffer) and must release them when they are collected.
//!
//! A native object is a [`NativeObj`] header followed by a payload of bytes the embedder
//! lays out. Its [`NativeClass`] tells the collector what the payload holds (`trace`) and how
//! to release it (`finalise`). An object whose class has a finaliser is allocated with the
//! heap's FIN bit: the sweep runs the finaliser exactly once, just before the memory is
//! freed, and when the interpreter is dropped the finalisers of all live objects run.
//!
//! The type of a native object is a `TypeObj` whose kind is [`Kind::Native`].

use super::{Kind, ObjHeader, PyObj, TypeObj};
use crate::gc::Tracer;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// What the collector needs to know about a kind of native object.
pub struct NativeClass {
    /// Report every value (and buffer) the payload holds. `None`: it holds none.
    pub trace: Option<fn(&mut dyn Tracer, *mut u8)>,
    /// Release the resource the payload owns. Called at most once, with the payload, when the
    /// object is freed or the interpreter dropped. It must not allocate or run Python.
    pub finalise: Option<fn(*mut u8)>,
}

/// The layout every native object starts with; the payload follows it.
#[repr(C)]
pub struct NativeObj {
    /// The object's type (kind `Native`).
    pub header: ObjHeader,
    /// Its collector hooks.
    pub class: &'static NativeClass,
}

impl PyObj for NativeObj {
    const KIND: Kind = Kind::Native;
}

/// A new native object of type `ty` (whose kind must be `Native`) with `payload` zeroed bytes.
/// Values stored into the payload later must go through [`crate::gc::write_barrier`].
pub fn new(
    cx: &mut Cx,
    ty: &'static TypeObj,
    class: &'static NativeClass,
    payload: usize,
) -> PyResult<Value> {
    if ty.kind != Kind::Native {
        return Err(cx.type_error("not a native type"));
    }
    let size = core::mem::size_of::<NativeObj>().saturating_add(payload);
    let kind = if class.finalise.is_some() {
        crate::gc::heap::AllocKind::ObjectWithFinaliser
    } else {
        crate::gc::heap::AllocKind::Object
    };
    let p = cx.alloc_raw(size, kind)?.as_ptr() as *mut NativeObj;
    // SAFETY: p is a fresh zeroed allocation of at least size_of::<NativeObj>() bytes.
    unsafe {
        (*p).header.ty = ty;
        core::ptr::write(core::ptr::addr_of_mut!((*p).class), class);
    }
    Ok(Value::from_ptr(p))
}

/// The payload of a native object (valid until the object is collected; the rooting rule
/// applies as to any object).
pub fn payload(v: Value) -> Option<*mut u8> {
    if super::is::<NativeObj>(v) {
        // SAFETY: kind-checked native object; the payload follows the header.
        Some(unsafe { (v.raw() as *mut NativeObj).add(1) as *mut u8 })
    } else {
        None
    }
}

/// Trace a native object through its class.
pub(crate) fn trace<T: Tracer>(m: &mut T, p: *mut u8) {
    // SAFETY: p is a live native object (kind checked by the caller), whose class was set at
    // creation (a zeroed class pointer cannot be observed: it is written before any
    // allocation can trace the object).
    let o = unsafe { &*(p as *const NativeObj) };
    if let Some(t) = o.class.trace {
        // SAFETY: the payload follows the header in the same allocation.
        t(m, unsafe { p.add(core::mem::size_of::<NativeObj>()) });
    }
}

/// Run a native object's finaliser.
pub(crate) fn finalise(p: *mut u8) {
    // SAFETY: p is a live native object with the FIN flag, whose class was set at creation.
    let o = unsafe { &*(p as *const NativeObj) };
    if let Some(f) = o.class.finalise {
        // SAFETY: the payload follows the header in the same allocation.
        f(unsafe { p.add(core::mem::size_of::<NativeObj>()) });
    }
}
