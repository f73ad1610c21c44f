//! `float` and `complex`: boxed doubles.

use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The layout of a float.
#[repr(C)]
pub struct FloatObj {
    /// `float`.
    pub header: ObjHeader,
    /// The value.
    pub value: f64,
}

impl PyObj for FloatObj {
    const KIND: Kind = Kind::Float;
}

/// The layout of a complex number.
#[repr(C)]
pub struct ComplexObj {
    /// `complex`.
    pub header: ObjHeader,
    /// Real part.
    pub re: f64,
    /// Imaginary part.
    pub im: f64,
}

impl PyObj for ComplexObj {
    const KIND: Kind = Kind::Complex;
}

/// A new float.
#[inline]
pub fn new(cx: &mut Cx, f: f64) -> PyResult<Value> {
    // Every float operation makes one: the heap's bump run first, without a call.
    const BLOCKS: usize = core::mem::size_of::<FloatObj>().div_ceil(crate::gc::heap::BLOCK);
    let p = match cx
        .heap
        .alloc_bump(BLOCKS, crate::gc::heap::AllocKind::Object)
    {
        Some(p) => {
            let p = p.as_ptr() as *mut FloatObj;
            // SAFETY: a fresh zeroed allocation of FloatObj's size, 16-aligned.
            unsafe { (*p).header.ty = &super::types::FLOAT_TYPE };
            p
        }
        None => new_slow(cx)?,
    };
    // SAFETY: fresh FloatObj.
    unsafe { (*p).value = f };
    Ok(Value::from_ptr(p))
}

#[inline(never)]
fn new_slow(cx: &mut Cx) -> PyResult<*mut FloatObj> {
    cx.alloc_obj(&super::types::FLOAT_TYPE, 0)
}

/// A new complex.
pub fn new_complex(cx: &mut Cx, re: f64, im: f64) -> PyResult<Value> {
    let p: *mut ComplexObj = cx.alloc_obj(&super::types::COMPLEX_TYPE, 0)?;
    // SAFETY: fresh ComplexObj.
    unsafe {
        (*p).re = re;
        (*p).im = im;
    }
    Ok(Value::from_ptr(p))
}

/// The f64 of a float value.
#[inline]
pub fn value_of(v: Value) -> Option<f64> {
    if v.is_ptr() && super::kind_of(v) == Kind::Float {
        // SAFETY: kind-checked live FloatObj.
        Some(unsafe { (*(v.raw() as *const FloatObj)).value })
    } else {
        None
    }
}

/// The parts of a complex value.
#[inline]
pub fn complex_of(v: Value) -> Option<(f64, f64)> {
    if v.is_ptr() && super::kind_of(v) == Kind::Complex {
        // SAFETY: kind-checked live ComplexObj.
        let c = unsafe { &*(v.raw() as *const ComplexObj) };
        Some((c.re, c.im))
    } else {
        None
    }
}
