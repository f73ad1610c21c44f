//! `range`: machine-word bounds in the common case, Python ints when a bound or the length
//! does not fit (`range(10 ** 20)`), with all of CPython's sequence behaviour either way.

use super::{int, tuple, Kind, ObjHeader, PyObj};
use crate::bytecode::opcode::BinaryOp;
use crate::obj::types::*;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// The layout of a range.
#[repr(C)]
pub struct RangeObj {
    /// `range`.
    pub header: ObjHeader,
    /// Start (unused when `big` is set).
    pub start: isize,
    /// Stop (unused when `big` is set).
    pub stop: isize,
    /// Step, never 0 (unused when `big` is set).
    pub step: isize,
    /// NULL, or a tuple `(start, stop, step)` of ints when a bound or the length does not fit
    /// in a machine word.
    pub big: Value,
}

impl PyObj for RangeObj {
    const KIND: Kind = Kind::Range;
}

impl RangeObj {
    /// Number of items (for a big range, only when it fits in a machine word; else 0).
    pub fn len(&self) -> usize {
        if !self.big.is_null() {
            return big_len_usize(self.big).unwrap_or(0);
        }
        range_len(self.start, self.stop, self.step)
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Length of range(start, stop, step) for machine-word bounds.
pub fn range_len(start: isize, stop: isize, step: isize) -> usize {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as usize
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as usize
    } else {
        0
    }
}

/// A new range over machine-word bounds (`step` must not be 0).
pub fn new(cx: &mut Cx, start: isize, stop: isize, step: isize) -> PyResult<Value> {
    if (range_len(start, stop, step) as u128) > isize::MAX as u128 {
        let a = int::from_i64(cx, start as i64)?;
        let mark = cx.roots_mark();
        cx.root(a)?;
        let z = int::from_i64(cx, stop as i64)?;
        cx.root(z)?;
        let s = int::from_i64(cx, step as i64)?;
        cx.root(s)?;
        let r = new_big(cx, a, z, s);
        cx.roots_truncate(mark);
        return r;
    }
    let p: *mut RangeObj = cx.alloc_obj(&RANGE_TYPE, 0)?;
    // SAFETY: fresh object.
    unsafe {
        (*p).start = start;
        (*p).stop = stop;
        (*p).step = step;
        (*p).big = Value::NULL;
    }
    Ok(Value::from_ptr(p))
}

/// A new range over int bounds (reachable across allocation; `step` must not be 0): machine
/// words when everything fits.
pub fn new_values(cx: &mut Cx, start: Value, stop: Value, step: Value) -> PyResult<Value> {
    if let (Some(a), Some(b), Some(c)) = (word(start), word(stop), word(step)) {
        if (range_len(a, b, c) as u128) <= isize::MAX as u128 {
            return new(cx, a, b, c);
        }
    }
    new_big(cx, start, stop, step)
}

fn new_big(cx: &mut Cx, start: Value, stop: Value, step: Value) -> PyResult<Value> {
    let t = tuple::new(cx, &[start, stop, step])?;
    let mark = cx.roots_mark();
    cx.root(t)?;
    let p: PyResult<*mut RangeObj> = cx.alloc_obj(&RANGE_TYPE, 0);
    cx.roots_truncate(mark);
    let p = p?;
    // SAFETY: fresh object; t is kept alive by the store (the object is new and unreachable
    // only until it is returned).
    unsafe {
        (*p).start = 0;
        (*p).stop = 0;
        (*p).step = 1;
        (*p).big = t;
    }
    Ok(Value::from_ptr(p))
}

/// An int value as a machine word.
fn word(v: Value) -> Option<isize> {
    int::to_i64(v).and_then(|i| isize::try_from(i).ok())
}

fn obj_of<'a>(r: Value) -> &'a RangeObj {
    // SAFETY: callers pass range values; read before anything may collect.
    unsafe { &*(r.raw() as *const RangeObj) }
}

/// The bounds of a range as int values (allocating for machine-word ranges with big parts).
pub fn parts(cx: &mut Cx, r: Value) -> PyResult<(Value, Value, Value)> {
    let o = obj_of(r);
    if let Some(t) = tuple::items_of(o.big) {
        return Ok((t[0], t[1], t[2]));
    }
    let (a, b, c) = (o.start, o.stop, o.step);
    let mark = cx.roots_mark();
    let va = int::from_i64(cx, a as i64)?;
    cx.root(va)?;
    let vb = int::from_i64(cx, b as i64)?;
    cx.root(vb)?;
    let vc = int::from_i64(cx, c as i64)?;
    cx.roots_truncate(mark);
    Ok((va, vb, vc))
}

fn big_len_usize(big: Value) -> Option<usize> {
    let t = tuple::items_of(big)?;
    let (a, b, c) = (
        int::to_i128(t[0])?,
        int::to_i128(t[1])?,
        int::to_i128(t[2])?,
    );
    let n = if c > 0 && a < b {
        (b - a - 1) / c + 1
    } else if c < 0 && a > b {
        (a - b - 1) / (-c) + 1
    } else {
        0
    };
    usize::try_from(n).ok()
}

fn bin(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Value> {
    ops::binary(cx, op, a, b)
}

fn lt(cx: &mut Cx, a: Value, b: Value) -> PyResult<bool> {
    let r = ops::binary(cx, BinaryOp::Less, a, b)?;
    Ok(r == Value::TRUE)
}

fn is_neg(v: Value) -> bool {
    crate::vm::num::int_arg(v).is_some_and(|x| x.as_ref().is_negative())
}

/// The length as an int value.
pub fn len_value(cx: &mut Cx, r: Value) -> PyResult<Value> {
    let o = obj_of(r);
    if o.big.is_null() {
        return int::from_i64(cx, o.len() as i64);
    }
    let (a, b, c) = parts(cx, r)?;
    let mark = cx.roots_mark();
    let (lo, hi, step) = if is_neg(c) {
        let nc = ops::unary(cx, crate::bytecode::opcode::UnaryOp::Negative, c)?;
        (b, a, nc)
    } else {
        (a, b, c)
    };
    cx.root(step)?;
    if !lt(cx, lo, hi)? {
        cx.roots_truncate(mark);
        return Ok(Value::small_int_unchecked(0));
    }
    // (hi - lo - 1) // step + 1
    let d = bin(cx, BinaryOp::Subtract, hi, lo)?;
    cx.root(d)?;
    let d = bin(cx, BinaryOp::Subtract, d, Value::small_int_unchecked(1))?;
    cx.root(d)?;
    let q = bin(cx, BinaryOp::FloorDivide, d, step)?;
    cx.root(q)?;
    let n = bin(cx, BinaryOp::Add, q, Value::small_int_unchecked(1));
    cx.roots_truncate(mark);
    n
}

/// `len(r)`: `OverflowError` when it does not fit in a machine word.
pub fn len(cx: &mut Cx, r: Value) -> PyResult<usize> {
    let o = obj_of(r);
    if o.big.is_null() {
        return Ok(o.len());
    }
    let n = len_value(cx, r)?;
    match int::to_i64(n).and_then(|i| usize::try_from(i).ok()) {
        Some(n) if n <= isize::MAX as usize => Ok(n),
        _ => Err(cx.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// Whether the range is non-empty.
pub fn truthy(cx: &mut Cx, r: Value) -> PyResult<bool> {
    let n = len_value(cx, r)?;
    Ok(n != Value::small_int_unchecked(0))
}

/// `r[i]` for an int index `i` (any size): `start + i * step`.
fn item(cx: &mut Cx, r: Value, i: Value) -> PyResult<Value> {
    let o = obj_of(r);
    if o.big.is_null() {
        let (start, stop, step) = (o.start, o.stop, o.step);
        let len = range_len(start, stop, step);
        return match int::to_i64(i)
            .and_then(|i| isize::try_from(i).ok())
            .and_then(|i| crate::vm::seq::norm_index(i, len))
        {
            Some(j) => int::from_i128(cx, start as i128 + j as i128 * step as i128),
            None => Err(cx.index_error(crate::flavour::msg::RANGE_INDEX)),
        };
    }
    let mark = cx.roots_mark();
    let n = len_value(cx, r)?;
    cx.root(n)?;
    let i = if is_neg(i) {
        bin(cx, BinaryOp::Add, i, n)?
    } else {
        i
    };
    cx.root(i)?;
    if is_neg(i) || !lt(cx, i, n)? {
        cx.roots_truncate(mark);
        return Err(cx.index_error(crate::flavour::msg::RANGE_INDEX));
    }
    let (a, _, c) = parts(cx, r)?;
    let off = bin(cx, BinaryOp::Multiply, i, c)?;
    cx.root(off)?;
    let v = bin(cx, BinaryOp::Add, a, off);
    cx.roots_truncate(mark);
    v
}

/// `r[i]` and `r[slice]`.
pub fn getitem(cx: &mut Cx, r: Value, i: Value) -> PyResult<Value> {
    if super::kind_of(i) == Kind::Slice && i.is_ptr() {
        return slice(cx, r, i);
    }
    let iv = if crate::vm::num::is_intlike(i) && !ops::is_user_object(i) {
        i
    } else if ops::is_user_object(i) {
        let n = crate::vm::seq::index_value(cx, i, "range")?;
        let v = int::from_i64(cx, n as i64)?;
        cx.root(v)?;
        v
    } else {
        let tn = ops::alloc_free_name(cx.type_name(i));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("range indices must be integers, not {tn}"),
        ));
    };
    let iv = if let Some(b) = iv.as_bool() {
        Value::small_int_unchecked(b as isize)
    } else {
        iv
    };
    item(cx, r, iv)
}

fn slice(cx: &mut Cx, r: Value, s: Value) -> PyResult<Value> {
    let o = obj_of(r);
    if o.big.is_null() {
        let (start, stop, step) = (o.start, o.stop, o.step);
        let len = range_len(start, stop, step);
        let (s0, s1, ss, _) = crate::vm::seq::slice_indices(cx, s, len)?;
        let ns = start as i128 + s0 as i128 * step as i128;
        let ne = start as i128 + s1 as i128 * step as i128;
        let nst = step as i128 * ss as i128;
        if let (Ok(a), Ok(b), Ok(c)) = (
            isize::try_from(ns),
            isize::try_from(ne),
            isize::try_from(nst),
        ) {
            return new(cx, a, b, c);
        }
        let mark = cx.roots_mark();
        let a = int::from_i128(cx, ns)?;
        cx.root(a)?;
        let b = int::from_i128(cx, ne)?;
        cx.root(b)?;
        let c = int::from_i128(cx, nst)?;
        cx.root(c)?;
        let r = new_values(cx, a, b, c);
        cx.roots_truncate(mark);
        return r;
    }
    // Big: slice the index range [0, len) with Python ints, as CPython's compute_slice.
    let mark = cx.roots_mark();
    let n = len_value(cx, r)?;
    cx.root(n)?;
    let (ss_start, ss_stop, ss_step) = {
        // SAFETY: kind-checked slice (the caller checked).
        let so = unsafe { &*(s.raw() as *const super::slice::SliceObj) };
        (so.start, so.stop, so.step)
    };
    let step = if ss_step.is_none() {
        Value::small_int_unchecked(1)
    } else {
        index_int(cx, ss_step)?
    };
    cx.root(step)?;
    if step == Value::small_int_unchecked(0) {
        cx.roots_truncate(mark);
        return Err(cx.value_error(crate::flavour::msg::SLICE_ZERO_STEP));
    }
    let neg = is_neg(step);
    let lower = if neg {
        Value::small_int_unchecked(-1)
    } else {
        Value::small_int_unchecked(0)
    };
    let upper = if neg {
        bin(cx, BinaryOp::Subtract, n, Value::small_int_unchecked(1))?
    } else {
        n
    };
    cx.root(upper)?;
    let fix = |cx: &mut Cx, v: Value, default: Value| -> PyResult<Value> {
        if v.is_none() {
            return Ok(default);
        }
        let mut x = index_int(cx, v)?;
        cx.root(x)?;
        if is_neg(x) {
            x = bin(cx, BinaryOp::Add, x, n)?;
            if lt(cx, x, lower)? {
                x = lower;
            }
        } else if lt(cx, upper, x)? {
            x = upper;
        }
        Ok(x)
    };
    let i0 = fix(cx, ss_start, if neg { upper } else { lower })?;
    cx.root(i0)?;
    let i1 = fix(cx, ss_stop, if neg { lower } else { upper })?;
    cx.root(i1)?;
    let (a, _, c) = parts(cx, r)?;
    cx.root(a)?;
    cx.root(c)?;
    let t = bin(cx, BinaryOp::Multiply, i0, c)?;
    cx.root(t)?;
    let ns = bin(cx, BinaryOp::Add, a, t)?;
    cx.root(ns)?;
    let t = bin(cx, BinaryOp::Multiply, i1, c)?;
    cx.root(t)?;
    let ne = bin(cx, BinaryOp::Add, a, t)?;
    cx.root(ne)?;
    let nst = bin(cx, BinaryOp::Multiply, c, step)?;
    cx.root(nst)?;
    let r = new_values(cx, ns, ne, nst);
    cx.roots_truncate(mark);
    r
}

/// A slice bound as an int value (ints, bools, `__index__`).
fn index_int(cx: &mut Cx, v: Value) -> PyResult<Value> {
    if let Some(b) = v.as_bool() {
        return Ok(Value::small_int_unchecked(b as isize));
    }
    if int::is_int(v) {
        return Ok(v);
    }
    let i = crate::vm::seq::index_value(cx, v, "slice")?;
    int::from_i64(cx, i as i64)
}

/// Whether the int `x` is one of the range's values; `None` when `x` is not an int.
fn contains_int(cx: &mut Cx, r: Value, x: Value) -> PyResult<Option<bool>> {
    if !(int::is_int(x) || x.as_bool().is_some()) {
        return Ok(None);
    }
    let o = obj_of(r);
    if o.big.is_null() {
        let Some(x) = int::to_i128(x).or_else(|| x.as_bool().map(|b| b as i128)) else {
            return Ok(Some(false));
        };
        let (s, e, st) = (o.start as i128, o.stop as i128, o.step as i128);
        let inside = if st > 0 {
            x >= s && x < e
        } else {
            x <= s && x > e
        };
        return Ok(Some(inside && (x - s) % st == 0));
    }
    let (a, b, c) = parts(cx, r)?;
    let mark = cx.roots_mark();
    cx.root(a)?;
    cx.root(b)?;
    cx.root(c)?;
    let inside = if is_neg(c) {
        !lt(cx, a, x)? && lt(cx, b, x)?
    } else {
        !lt(cx, x, a)? && lt(cx, x, b)?
    };
    let r = if inside {
        let d = bin(cx, BinaryOp::Subtract, x, a)?;
        cx.root(d)?;
        let m = bin(cx, BinaryOp::Modulo, d, c)?;
        m == Value::small_int_unchecked(0)
    } else {
        false
    };
    cx.roots_truncate(mark);
    Ok(Some(r))
}

/// Iterate `r` comparing each value with `x`: the count of equal values (or the first index
/// when `first`).
fn search(cx: &mut Cx, r: Value, x: Value, first: bool) -> PyResult<Option<usize>> {
    let it = iter(cx, r)?;
    let mark = cx.roots_mark();
    cx.root(it)?;
    let mut n = 0;
    let mut k = 0;
    while let Some(v) = ops::iter_next(cx, it)? {
        let at = cx.roots_mark();
        cx.root(v)?;
        let same = ops::eq(cx, v, x)?;
        cx.roots_truncate(at);
        if same {
            if first {
                cx.roots_truncate(mark);
                return Ok(Some(k));
            }
            n += 1;
        }
        k += 1;
    }
    cx.roots_truncate(mark);
    Ok(if first { None } else { Some(n) })
}

/// `x in r`: arithmetic for ints, equality with each item for anything else (as CPython).
pub fn contains(cx: &mut Cx, r: Value, x: Value) -> PyResult<bool> {
    if let Some(b) = contains_int(cx, r, x)? {
        return Ok(b);
    }
    Ok(search(cx, r, x, true)?.is_some())
}

/// `r.index(x)`.
pub fn index(cx: &mut Cx, r: Value, x: Value) -> PyResult<Value> {
    match contains_int(cx, r, x)? {
        Some(true) => {
            let (a, _, c) = parts(cx, r)?;
            let mark = cx.roots_mark();
            cx.root(a)?;
            cx.root(c)?;
            let d = bin(cx, BinaryOp::Subtract, x, a)?;
            cx.root(d)?;
            let q = bin(cx, BinaryOp::FloorDivide, d, c);
            cx.roots_truncate(mark);
            q
        }
        Some(false) => Err(cx.value_error("object not in sequence")),
        None => match search(cx, r, x, true)? {
            Some(k) => int::from_i64(cx, k as i64),
            None => Err(cx.value_error("object not in sequence")),
        },
    }
}

/// `r.count(x)`.
pub fn count(cx: &mut Cx, r: Value, x: Value) -> PyResult<Value> {
    match contains_int(cx, r, x)? {
        Some(b) => Ok(Value::small_int_unchecked(b as isize)),
        None => {
            let n = search(cx, r, x, false)?.unwrap_or(0);
            int::from_i64(cx, n as i64)
        }
    }
}

/// `iter(r)`.
pub fn iter(cx: &mut Cx, r: Value) -> PyResult<Value> {
    use super::iter::IterKind;
    let o = obj_of(r);
    if o.big.is_null() {
        let (start, stop, step) = (o.start, o.stop, o.step);
        let it = super::iter::new(
            cx,
            &ITERATOR_TYPE,
            IterKind::Range,
            Value::NULL,
            Value::NULL,
        )?;
        if let Some(io) = super::iter::iter_of(it) {
            io.i = start as usize;
            io.j = range_len(start, stop, step);
            io.n = step;
        }
        return Ok(it);
    }
    let (a, _, _) = parts(cx, r)?;
    super::iter::new(cx, &ITERATOR_TYPE, IterKind::BigRange, a, r)
}

/// `reversed(r)`: a range iterator from the last value down.
pub fn reversed(cx: &mut Cx, r: Value) -> PyResult<Value> {
    let o = obj_of(r);
    if o.big.is_null() {
        let (start, stop, step) = (o.start, o.stop, o.step);
        let n = range_len(start, stop, step) as i128;
        let last = start as i128 + (n - 1) * step as i128;
        let first = start as i128 - step as i128;
        if let (Ok(l), Ok(f), Some(ns)) = (
            isize::try_from(last),
            isize::try_from(first),
            step.checked_neg(),
        ) {
            if n > 0 {
                let rr = new(cx, l, f, ns)?;
                let mark = cx.roots_mark();
                cx.root(rr)?;
                let it = iter(cx, rr);
                cx.roots_truncate(mark);
                return it;
            }
            let rr = new(cx, 0, 0, 1)?;
            let mark = cx.roots_mark();
            cx.root(rr)?;
            let it = iter(cx, rr);
            cx.roots_truncate(mark);
            return it;
        }
    }
    // General: range(start + (n - 1) * step, start - step, -step).
    let mark = cx.roots_mark();
    let (a, _, c) = parts(cx, r)?;
    cx.root(a)?;
    cx.root(c)?;
    let n = len_value(cx, r)?;
    cx.root(n)?;
    let n1 = bin(cx, BinaryOp::Subtract, n, Value::small_int_unchecked(1))?;
    cx.root(n1)?;
    let t = bin(cx, BinaryOp::Multiply, n1, c)?;
    cx.root(t)?;
    let last = bin(cx, BinaryOp::Add, a, t)?;
    cx.root(last)?;
    let stop = bin(cx, BinaryOp::Subtract, a, c)?;
    cx.root(stop)?;
    let nc = ops::unary(cx, crate::bytecode::opcode::UnaryOp::Negative, c)?;
    cx.root(nc)?;
    let rr = if n == Value::small_int_unchecked(0) {
        new(cx, 0, 0, 1)?
    } else {
        new_values(cx, last, stop, nc)?
    };
    cx.root(rr)?;
    let it = iter(cx, rr);
    cx.roots_truncate(mark);
    it
}

/// The next value of a big range iterator (`a` = next value, `b` = the range).
pub fn big_iter_next(cx: &mut Cx, it: Value) -> PyResult<Option<Value>> {
    let Some(io) = super::iter::iter_of(it) else {
        return Ok(None);
    };
    let (cur, r) = (io.a, io.b);
    let (_, stop, step) = parts(cx, r)?;
    let more = if is_neg(step) {
        lt(cx, stop, cur)?
    } else {
        lt(cx, cur, stop)?
    };
    if !more {
        return Ok(None);
    }
    let next = bin(cx, BinaryOp::Add, cur, step)?;
    crate::gc::write_barrier(cx, next);
    if let Some(io) = super::iter::iter_of(it) {
        io.a = next;
    }
    Ok(Some(cur))
}

/// `a == b` for ranges: equal as sequences (same length, and same first value and step
/// where they matter).
pub fn eq(cx: &mut Cx, a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    let mark = cx.roots_mark();
    let na = len_value(cx, a)?;
    cx.root(na)?;
    let nb = len_value(cx, b)?;
    cx.root(nb)?;
    let r = (|| {
        if !ops::eq(cx, na, nb)? {
            return Ok(false);
        }
        if na == Value::small_int_unchecked(0) {
            return Ok(true);
        }
        let (sa, _, ca) = parts(cx, a)?;
        cx.root(sa)?;
        cx.root(ca)?;
        let (sb, _, cb) = parts(cx, b)?;
        cx.root(sb)?;
        cx.root(cb)?;
        if !ops::eq(cx, sa, sb)? {
            return Ok(false);
        }
        if na == Value::small_int_unchecked(1) {
            return Ok(true);
        }
        ops::eq(cx, ca, cb)
    })();
    cx.roots_truncate(mark);
    r
}

/// `hash(r)`, consistent with `eq`: the hash of `(len, start, step)` with the parts that do
/// not matter replaced by None.
pub fn hash(cx: &mut Cx, r: Value) -> PyResult<usize> {
    let mark = cx.roots_mark();
    let n = len_value(cx, r)?;
    cx.root(n)?;
    let (s, _, c) = parts(cx, r)?;
    cx.root(s)?;
    cx.root(c)?;
    let key = if n == Value::small_int_unchecked(0) {
        [n, Value::NONE, Value::NONE]
    } else if n == Value::small_int_unchecked(1) {
        [n, s, Value::NONE]
    } else {
        [n, s, c]
    };
    let t = tuple::new(cx, &key)?;
    cx.root(t)?;
    let h = ops::hash(cx, t);
    cx.roots_truncate(mark);
    h
}

/// Append the repr: `range(0, 5)` or `range(0, 10, 3)`.
pub fn write_repr(cx: &mut Cx, b: &mut super::str::StrBuilder, r: Value) -> PyResult<()> {
    let mark = cx.roots_mark();
    let (s, e, st) = parts(cx, r)?;
    cx.root(s)?;
    cx.root(e)?;
    cx.root(st)?;
    b.push_str("range(");
    crate::obj::methods::repr::write_repr(cx, b, s, 0)?;
    b.push_str(", ");
    crate::obj::methods::repr::write_repr(cx, b, e, 0)?;
    if st != Value::small_int_unchecked(1) {
        b.push_str(", ");
        crate::obj::methods::repr::write_repr(cx, b, st, 0)?;
    }
    b.push_byte(b')');
    cx.roots_truncate(mark);
    Ok(())
}
