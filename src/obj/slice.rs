//! `slice` objects and index normalisation.

use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The layout of a slice.
#[repr(C)]
pub struct SliceObj {
    /// `slice`.
    pub header: ObjHeader,
    /// Start (None when omitted).
    pub start: Value,
    /// Stop.
    pub stop: Value,
    /// Step.
    pub step: Value,
}

impl PyObj for SliceObj {
    const KIND: Kind = Kind::Slice;
}

/// A new slice (the parts must be reachable across the allocation).
pub fn new(cx: &mut Cx, start: Value, stop: Value, step: Value) -> PyResult<Value> {
    let p: *mut SliceObj = cx.alloc_obj(&super::types::SLICE_TYPE, 0)?;
    crate::gc::write_barrier_values(cx, &[start, stop, step]);
    // SAFETY: fresh object.
    unsafe {
        (*p).start = start;
        (*p).stop = stop;
        (*p).step = step;
    }
    Ok(Value::from_ptr(p))
}
