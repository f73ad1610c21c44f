//! `tuple`: an immutable array of values stored inline.

use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The layout of a tuple: the items follow the struct.
#[repr(C)]
pub struct TupleObj {
    /// `tuple` (or a subclass's base object).
    pub header: ObjHeader,
    /// Number of items.
    pub len: usize,
}

impl PyObj for TupleObj {
    const KIND: Kind = Kind::Tuple;
}

impl TupleObj {
    /// The items.
    #[inline]
    pub fn items(&self) -> &[Value] {
        // SAFETY: a tuple allocation holds len values right after the struct.
        unsafe {
            core::slice::from_raw_parts((self as *const TupleObj).add(1) as *const Value, self.len)
        }
    }

    /// The items, mutably (only while the tuple is being built).
    #[inline]
    pub fn items_mut(&mut self) -> &mut [Value] {
        // SAFETY: as items.
        unsafe {
            core::slice::from_raw_parts_mut((self as *mut TupleObj).add(1) as *mut Value, self.len)
        }
    }
}

/// The shared empty tuple.
pub static EMPTY: TupleObj = TupleObj {
    header: ObjHeader::new(&super::types::TUPLE_TYPE),
    len: 0,
};

/// The empty tuple as a value.
pub fn empty() -> Value {
    Value::from_static(&EMPTY)
}

/// A new tuple of `n` NULL items, to be filled in by the caller before anything can collect.
pub fn new_uninit(cx: &mut Cx, n: usize) -> PyResult<Value> {
    if n == 0 {
        return Ok(empty());
    }
    let extra = n
        .checked_mul(core::mem::size_of::<Value>())
        .unwrap_or(usize::MAX / 2);
    let p: *mut TupleObj = cx.alloc_obj(&super::types::TUPLE_TYPE, extra)?;
    // SAFETY: fresh allocation with room for n items (zeroed = NULL).
    unsafe { (*p).len = n };
    Ok(Value::from_ptr(p))
}

/// A new tuple holding copies of `items`. The items must be rooted or otherwise reachable,
/// since the allocation may collect (they are copied after it).
pub fn new(cx: &mut Cx, items: &[Value]) -> PyResult<Value> {
    let (src, n) = (items.as_ptr(), items.len());
    let t = new_uninit(cx, n)?;
    if n > 0 {
        // SAFETY: src still points at n live values (see below).
        crate::gc::write_barrier_values(cx, unsafe { core::slice::from_raw_parts(src, n) });
        // SAFETY: t is a fresh tuple of n items; src still points at n values (the caller's
        // slice lives in a rooted place that allocation does not move).
        unsafe {
            core::ptr::copy_nonoverlapping(src, (t.raw() as *mut TupleObj).add(1) as *mut Value, n)
        };
    }
    Ok(t)
}

/// The items of a tuple value (crate-internal: do not hold across anything that collects).
#[inline]
pub(crate) fn items_of<'a>(v: Value) -> Option<&'a [Value]> {
    if super::is::<TupleObj>(v) {
        // SAFETY: kind-checked live tuple; the rooting rule governs the lifetime.
        Some(unsafe { (*(v.raw() as *const TupleObj)).items() })
    } else {
        None
    }
}
