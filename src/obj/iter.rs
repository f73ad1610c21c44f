//! Native iterators: one layout for every iterator implemented in Rust.

use super::{Kind, ObjHeader, PyObj, TypeObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// Which iterator an `IterObj` is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum IterKind {
    /// Over a list / tuple / str / bytes / bytearray by index: `a` = sequence.
    Seq,
    /// Over a range: `i` = next value, `j` = items left, `n` = step.
    Range,
    /// Over a range with big-int bounds: `a` = next value (an int), `b` = the range.
    BigRange,
    /// Dict keys / values / items: `a` = dict, `i` = entry position, `j` = size when made
    /// (see `table::iter_new`).
    DictKeys,
    /// Dict values.
    DictValues,
    /// Dict items.
    DictItems,
    /// Set members: `a` = set, `i` = entry position.
    Set,
    /// `enumerate`: `a` = iterator, `b` = next count (an int).
    Enumerate,
    /// `zip`: `a` = tuple of iterators; `i` = 1 for strict.
    Zip,
    /// `map`: `a` = function, `b` = tuple of iterators.
    Map,
    /// `filter`: `a` = function or None, `b` = iterator.
    Filter,
    /// `reversed` over a sequence: `a` = sequence, `i` = next index + 1.
    Reversed,
    /// `iter(callable, sentinel)`: `a` = callable, `b` = sentinel.
    Callable,
    /// A dict view (not an iterator itself): `a` = dict; `i` = 0 keys, 1 values, 2 items.
    DictView,
    /// `reversed()` of a dict or dict view: `a` = dict, `i` = entry position + 1 counting
    /// down, `j` = size when made, `n` = 0 keys, 1 values, 2 items.
    DictReversed,
    /// Done: always exhausted.
    Exhausted,
}

/// The layout of a native iterator.
#[repr(C)]
pub struct IterObj {
    /// The iterator's type (`iterator`, `enumerate`, `zip`, ...).
    pub header: ObjHeader,
    /// Which iterator.
    pub kind: IterKind,
    /// First value field.
    pub a: Value,
    /// Second value field.
    pub b: Value,
    /// Position.
    pub i: usize,
    /// Second counter.
    pub j: usize,
    /// Step or third counter.
    pub n: isize,
}

impl PyObj for IterObj {
    const KIND: Kind = Kind::Iter;
}

/// A new native iterator (`a` and `b` must stay reachable across the allocation).
pub fn new(
    cx: &mut Cx,
    ty: &'static TypeObj,
    kind: IterKind,
    a: Value,
    b: Value,
) -> PyResult<Value> {
    let p: *mut IterObj = cx.alloc_obj(ty, 0)?;
    crate::gc::write_barrier_values(cx, &[a, b]);
    // SAFETY: fresh object.
    unsafe {
        (*p).kind = kind;
        (*p).a = a;
        (*p).b = b;
    }
    Ok(Value::from_ptr(p))
}

/// The iterator's fields.
pub(crate) fn iter_of<'a>(v: Value) -> Option<&'a mut IterObj> {
    if super::is::<IterObj>(v) {
        // SAFETY: kind-checked live IterObj.
        Some(unsafe { &mut *(v.raw() as *mut IterObj) })
    } else {
        None
    }
}
