//! `range` and `slice` objects.

use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The layout of a range.
#[repr(C)]
pub struct RangeObj {
    /// `range`.
    pub header: ObjHeader,
    /// Start.
    pub start: isize,
    /// Stop.
    pub stop: isize,
    /// Step (never 0).
    pub step: isize,
}

impl PyObj for RangeObj {
    const KIND: Kind = Kind::Range;
}

impl RangeObj {
    /// Number of items.
    pub fn len(&self) -> usize {
        range_len(self.start, self.stop, self.step)
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Length of range(start, stop, step).
pub fn range_len(start: isize, stop: isize, step: isize) -> usize {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as usize
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as usize
    } else {
        0
    }
}

/// A new range.
pub fn new(cx: &mut Cx, start: isize, stop: isize, step: isize) -> PyResult<Value> {
    let p: *mut RangeObj = cx.alloc_obj(&super::types::RANGE_TYPE, 0)?;
    // SAFETY: fresh object.
    unsafe {
        (*p).start = start;
        (*p).stop = stop;
        (*p).step = step;
    }
    Ok(Value::from_ptr(p))
}
