//! Containers: subscription, slices, iteration, membership and unpacking.

use super::{Cx, PyResult};
use crate::obj::bytes::ByteArrayObj;
use crate::obj::iter::{IterKind, IterObj};
use crate::obj::list::ListObj;
use crate::obj::slice::SliceObj;
use crate::obj::types::*;
use crate::obj::{self, dict, int, list, str as pystr, tuple, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::frame::Frame;

/// An int-like value (int, bool, or an object with `__index__`) as a machine integer;
/// `None` when the value is not int-like.
fn machine_int(cx: &mut Cx, v: Value) -> PyResult<Option<isize>> {
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Some(b as isize));
    }
    if obj::kind_of(v) == Kind::Int && v.is_ptr() {
        return match int::to_i64(v).and_then(|i| isize::try_from(i).ok()) {
            Some(i) => Ok(Some(i)),
            None => Err(cx.overflow_error("overflow converting long int to machine word")),
        };
    }
    if super::ops::is_user_object(v) {
        if let Some(r) = super::dunder::to_index(cx, v)? {
            return machine_int(cx, r);
        }
    }
    Ok(None)
}

/// An index value as a machine integer (ints, bools, `__index__`).
pub fn index_value(cx: &mut Cx, v: Value, what: &str) -> PyResult<isize> {
    if let Some(i) = machine_int(cx, v)? {
        return Ok(i);
    }
    let tn = super::ops::alloc_free_name(cx.type_name(v));
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("{what} indices must be integers, not {tn}"),
    ))
}

/// An int argument as a machine integer (for builtins): `can't convert X to int`.
pub fn int_arg(cx: &mut Cx, v: Value) -> PyResult<isize> {
    if let Some(i) = machine_int(cx, v)? {
        return Ok(i);
    }
    let tn = super::ops::alloc_free_name(cx.type_name(v));
    Err(cx.raise_fmt(&TYPE_ERROR_TYPE, format_args!("can't convert {tn} to int")))
}

/// Normalise index `i` for a sequence of length `len`: `None` when out of range.
#[inline]
pub fn norm_index(i: isize, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as isize } else { i };
    if j >= 0 && (j as usize) < len {
        Some(j as usize)
    } else {
        None
    }
}

/// `(start, stop, step, count)` of a slice applied to a sequence of `len` items, as
/// `slice.indices()` computes them.
pub fn slice_indices(cx: &mut Cx, s: Value, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    // SAFETY: callers pass slice objects.
    let (start, stop, step) = unsafe {
        let so = &*(s.raw() as *const SliceObj);
        (so.start, so.stop, so.step)
    };
    slice_indices_of(cx, start, stop, step, len)
}

/// `slice_indices` of the slice `start:stop:step` (None for a missing part).
pub fn slice_indices_of(
    cx: &mut Cx,
    start: Value,
    stop: Value,
    step: Value,
    len: usize,
) -> PyResult<(isize, isize, isize, usize)> {
    let step = if step.is_none() {
        1
    } else {
        slice_int(cx, step)?
    };
    if step == 0 {
        return Err(cx.value_error(crate::flavour::msg::SLICE_ZERO_STEP));
    }
    let len = len as isize;
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |cx: &mut Cx, v: Value, default: isize| -> PyResult<isize> {
        if v.is_none() {
            return Ok(default);
        }
        let mut i = slice_int(cx, v)?;
        if i < 0 {
            i += len;
            if i < lo {
                i = lo;
            }
        } else if i > hi {
            i = hi;
        }
        Ok(i)
    };
    let start = fix(cx, start, if step < 0 { hi } else { lo })?;
    let stop = fix(cx, stop, if step < 0 { lo } else { hi })?;
    let count = if step > 0 {
        if stop > start {
            ((stop - start - 1) / step + 1) as usize
        } else {
            0
        }
    } else if start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

fn slice_int(cx: &mut Cx, v: Value) -> PyResult<isize> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    if let Some(b) = v.as_bool() {
        return Ok(b as isize);
    }
    if obj::kind_of(v) == Kind::Int && v.is_ptr() {
        // Huge bounds clamp.
        return Ok(match int::big_of(v) {
            Some((true, _)) => isize::MIN / 2,
            _ => isize::MAX / 2,
        });
    }
    if super::ops::is_user_object(v) {
        if let Some(r) = super::dunder::to_index(cx, v)? {
            return slice_int(cx, r);
        }
    }
    let tn = super::ops::alloc_free_name(cx.type_name(v));
    Err(cx.raise_fmt(&TYPE_ERROR_TYPE, format_args!("can't convert {tn} to int")))
}

/// `o[i]`.
pub fn getitem(cx: &mut Cx, o: Value, i: Value) -> PyResult<Value> {
    with_resolved_slice(cx, i, |cx, i| getitem_resolved(cx, o, i))
}

/// Run `f` with subscript `i`, a slice with `__index__` bounds replaced by `resolved_slice`'s
/// (rooted while `f` runs).
fn with_resolved_slice<T>(
    cx: &mut Cx,
    i: Value,
    f: impl FnOnce(&mut Cx, Value) -> PyResult<T>,
) -> PyResult<T> {
    let Some(r) = resolved_slice(cx, i)? else {
        return f(cx, i);
    };
    let mark = cx.roots_mark();
    cx.root(r)?;
    let v = f(cx, r);
    cx.roots_truncate(mark);
    v
}

/// Replace the slice bounds that are objects with `__index__` by their int values, rooted
/// (the caller truncates the roots to a mark taken before).
fn resolve_bounds(cx: &mut Cx, parts: &mut [Value; 3]) -> PyResult<()> {
    for p in parts.iter_mut() {
        if super::ops::is_user_object(*p) {
            if let Some(r) = super::dunder::to_index(cx, *p)? {
                *p = r;
                cx.root(r)?;
            }
        }
    }
    Ok(())
}

/// A slice whose bounds are objects with `__index__` (Python code that may change the very
/// container being subscripted) as a new slice of their int values, computed before the
/// container's length or data are read; None for anything else.
fn resolved_slice(cx: &mut Cx, i: Value) -> PyResult<Option<Value>> {
    if obj::kind_of(i) != Kind::Slice || !i.is_ptr() {
        return Ok(None);
    }
    // SAFETY: kind-checked slice.
    let parts = unsafe {
        let so = &*(i.raw() as *const SliceObj);
        [so.start, so.stop, so.step]
    };
    if !parts.iter().any(|&p| super::ops::is_user_object(p)) {
        return Ok(None);
    }
    let mark = cx.roots_mark();
    let mut out = parts;
    resolve_bounds(cx, &mut out)?;
    let r = obj::slice::new(cx, out[0], out[1], out[2]);
    cx.roots_truncate(mark);
    r.map(Some)
}

fn getitem_resolved(cx: &mut Cx, o: Value, i: Value) -> PyResult<Value> {
    let is_slice = obj::kind_of(i) == Kind::Slice && i.is_ptr();
    match obj::kind_of(o) {
        Kind::List | Kind::Tuple if o.is_ptr() => {
            let is_list = obj::kind_of(o) == Kind::List;
            let len = super::ops::seq_items(o).len();
            if is_slice {
                let (start, _, step, n) = slice_indices(cx, i, len)?;
                return copy_slice(cx, o, is_list, start, step, n);
            }
            let what = if is_list { "list" } else { "tuple" };
            let idx = index_value(cx, i, what)?;
            match norm_index(idx, len) {
                Some(j) => Ok(super::ops::seq_items(o)[j]),
                None => Err(cx.index_error(if is_list {
                    crate::flavour::msg::LIST_INDEX
                } else {
                    crate::flavour::msg::TUPLE_INDEX
                })),
            }
        }
        _ => getitem_other(cx, o, i, is_slice),
    }
}

/// `o[start:stop:step]` of an exact list or tuple, without a slice object (BUILD_SLICE
/// followed by LOAD_SUBSCR).
pub(crate) fn slice_seq(
    cx: &mut Cx,
    o: Value,
    start: Value,
    stop: Value,
    step: Value,
) -> PyResult<Value> {
    let is_list = obj::kind_of(o) == Kind::List;
    let mut parts = [start, stop, step];
    let mark = cx.roots_mark();
    resolve_bounds(cx, &mut parts)?;
    // The length is read after any `__index__` ran.
    let len = super::ops::seq_items(o).len();
    let r = slice_indices_of(cx, parts[0], parts[1], parts[2], len);
    cx.roots_truncate(mark);
    let (start, _, step, n) = r?;
    copy_slice(cx, o, is_list, start, step, n)
}

/// A new list or tuple of the `n` items of `o` from `start` by `step`.
fn copy_slice(
    cx: &mut Cx,
    o: Value,
    is_list: bool,
    start: isize,
    step: isize,
    n: usize,
) -> PyResult<Value> {
    let out = if is_list {
        list::with_capacity(cx, n)?
    } else {
        tuple::new_uninit(cx, n)?
    };
    // An `__index__` run while the bounds were computed may have shrunk a list: items past
    // its end read as None rather than out of bounds.
    let src = super::ops::seq_items(o);
    let item = |k: usize| {
        src.get((start + k as isize * step) as usize)
            .copied()
            .unwrap_or(Value::NONE)
    };
    if crate::gc::marking(cx) {
        for k in 0..n {
            crate::gc::write_barrier(cx, item(k));
        }
    }
    let dst: &mut [Value] = if is_list {
        let Some(lo) = obj::get_mut::<ListObj>(cx, out) else {
            return Ok(out);
        };
        lo.len = n;
        lo.items_mut()
    } else if n > 0 {
        match obj::get_mut::<tuple::TupleObj>(cx, out) {
            Some(t) => t.items_mut(),
            None => return Ok(out),
        }
    } else {
        &mut []
    };
    for (k, d) in dst.iter_mut().enumerate() {
        *d = item(k);
    }
    Ok(out)
}

/// `getitem` of everything but lists and tuples.
fn getitem_other(cx: &mut Cx, o: Value, i: Value, is_slice: bool) -> PyResult<Value> {
    match obj::kind_of(o) {
        Kind::Str | Kind::Bytes if o.is_ptr() => crate::obj::methods::str::subscr(cx, o, i),
        Kind::ByteArray if o.is_ptr() => {
            if is_slice {
                let b = obj::get::<ByteArrayObj>(cx, o).map_or(0, |b| b.len);
                let (start, _, step, n) = slice_indices(cx, i, b)?;
                let out = crate::obj::bytes::new_bytearray(cx, &[])?;
                let mark = cx.roots_mark();
                cx.root(out)?;
                let r = crate::obj::bytes::resize(cx, out, n);
                cx.roots_truncate(mark);
                r?;
                let src = obj::get::<ByteArrayObj>(cx, o)
                    .map(|b| b.as_bytes().as_ptr())
                    .unwrap_or(core::ptr::null());
                let dst = obj::get_mut::<ByteArrayObj>(cx, out).expect("bytearray");
                for (k, d) in dst.as_bytes_mut().iter_mut().enumerate() {
                    // SAFETY: indices from slice_indices are within the source length.
                    *d = unsafe { *src.offset(start + k as isize * step) };
                }
                return Ok(out);
            }
            let idx = index_value(cx, i, "bytearray")?;
            let b = obj::get::<ByteArrayObj>(cx, o)
                .map(|b| b.as_bytes())
                .unwrap_or(&[]);
            match norm_index(idx, b.len()) {
                Some(j) => Ok(Value::small_int_unchecked(b[j] as isize)),
                None => Err(cx.index_error(crate::flavour::msg::BYTEARRAY_INDEX)),
            }
        }
        Kind::Range if o.is_ptr() => obj::range::getitem(cx, o, i),
        Kind::Dict if o.is_ptr() => match dict::get(cx, o, i)? {
            Some(v) => Ok(v),
            None => Err(cx.raise_with_arg(&KEY_ERROR_TYPE, i)),
        },
        Kind::MemoryView if o.is_ptr() => crate::obj::methods::bytes::memoryview_getitem(cx, o, i),
        Kind::Type if o.is_ptr() => {
            // `list[int]` and friends: typing generics are accepted and ignored.
            if let Some(m) = super::ops::getattr_opt(cx, o, q::__class_getitem__.value())? {
                return cx.call(m, &[i], &[]);
            }
            Err(cx.type_error_obj(o, "isn't subscriptable"))
        }
        _ => {
            if super::ops::is_user_object(o) {
                if let Some(m) = super::ops::lookup_special(cx, o, &q::__getitem__) {
                    return cx.call_with_self(m, o, &[i], &[]);
                }
                if let Some(b) = super::ops::instance_base(o) {
                    if obj::kind_of(b) == Kind::Dict {
                        if let Some(v) = dict::get(cx, b, i)? {
                            return Ok(v);
                        }
                        if let Some(m) = super::ops::lookup_special(cx, o, &q::__missing__) {
                            return cx.call_with_self(m, o, &[i], &[]);
                        }
                        return Err(cx.raise_with_arg(&KEY_ERROR_TYPE, i));
                    }
                    return getitem(cx, b, i);
                }
            }
            Err(cx.type_error_obj(o, "isn't subscriptable"))
        }
    }
}

/// `o[i] = v`.
pub fn setitem(cx: &mut Cx, o: Value, i: Value, v: Value) -> PyResult<()> {
    with_resolved_slice(cx, i, |cx, i| setitem_resolved(cx, o, i, v))
}

fn setitem_resolved(cx: &mut Cx, o: Value, i: Value, v: Value) -> PyResult<()> {
    match obj::kind_of(o) {
        Kind::List if o.is_ptr() => {
            if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
                return crate::obj::methods::list::set_slice(cx, o, i, v);
            }
            let len = list::items_of(o).map_or(0, |l| l.len());
            let idx = index_value(cx, i, "list")?;
            match norm_index(idx, len) {
                Some(j) => {
                    crate::gc::write_barrier(cx, v);
                    if let Some(lo) = obj::get_mut::<ListObj>(cx, o) {
                        lo.items_mut()[j] = v;
                    }
                    Ok(())
                }
                None => Err(cx.index_error(crate::flavour::msg::LIST_INDEX)),
            }
        }
        Kind::Dict if o.is_ptr() => dict::set(cx, o, i, v),
        Kind::ByteArray if o.is_ptr() => crate::obj::methods::bytes::bytearray_setitem(cx, o, i, v),
        Kind::MemoryView if o.is_ptr() => {
            crate::obj::methods::bytes::memoryview_setitem(cx, o, i, v)
        }
        _ => {
            if super::ops::is_user_object(o) {
                if let Some(m) = super::ops::lookup_special(cx, o, &q::__setitem__) {
                    cx.call_with_self(m, o, &[i, v], &[])?;
                    return Ok(());
                }
                if let Some(b) = super::ops::instance_base(o) {
                    return setitem(cx, b, i, v);
                }
            }
            Err(cx.type_error_obj(o, "doesn't support item assignment"))
        }
    }
}

/// `del o[i]`.
pub fn delitem(cx: &mut Cx, o: Value, i: Value) -> PyResult<()> {
    with_resolved_slice(cx, i, |cx, i| delitem_resolved(cx, o, i))
}

fn delitem_resolved(cx: &mut Cx, o: Value, i: Value) -> PyResult<()> {
    match obj::kind_of(o) {
        Kind::List if o.is_ptr() => crate::obj::methods::list::del_item(cx, o, i),
        Kind::Dict if o.is_ptr() => match obj::table::remove(cx, o, i)? {
            Some(_) => Ok(()),
            None => Err(cx.raise_with_arg(&KEY_ERROR_TYPE, i)),
        },
        Kind::ByteArray if o.is_ptr() => crate::obj::methods::bytes::bytearray_delitem(cx, o, i),
        _ => {
            if super::ops::is_user_object(o) {
                if let Some(m) = super::ops::lookup_special(cx, o, &q::__delitem__) {
                    cx.call_with_self(m, o, &[i], &[])?;
                    return Ok(());
                }
                if let Some(b) = super::ops::instance_base(o) {
                    return delitem(cx, b, i);
                }
            }
            Err(cx.type_error_obj(o, "doesn't support item deletion"))
        }
    }
}

/// `iter(o)`.
pub fn get_iter(cx: &mut Cx, o: Value) -> PyResult<Value> {
    match obj::kind_of(o) {
        Kind::List | Kind::Tuple | Kind::Str | Kind::Bytes | Kind::ByteArray if o.is_ptr() => {
            obj::iter::new(cx, &ITERATOR_TYPE, IterKind::Seq, o, Value::NULL)
        }
        Kind::Range if o.is_ptr() => obj::range::iter(cx, o),
        Kind::Dict if o.is_ptr() => obj::table::iter_new(cx, o, IterKind::DictKeys),
        Kind::Set | Kind::FrozenSet if o.is_ptr() => obj::table::iter_new(cx, o, IterKind::Set),
        Kind::Iter if o.is_ptr() => {
            let it = obj::iter::iter_of(o).expect("iter");
            if it.kind == IterKind::DictView {
                let k = match it.i {
                    0 => IterKind::DictKeys,
                    1 => IterKind::DictValues,
                    _ => IterKind::DictItems,
                };
                let d = it.a;
                return obj::table::iter_new(cx, d, k);
            }
            Ok(o)
        }
        Kind::Generator => Ok(o),
        Kind::MemoryView if o.is_ptr() => {
            obj::iter::new(cx, &ITERATOR_TYPE, IterKind::Seq, o, Value::NULL)
        }
        _ if crate::modules::io::is_iterable_stream(o) => Ok(o),
        _ => {
            if super::ops::is_user_object(o) {
                if let Some(m) = super::ops::lookup_special(cx, o, &q::__iter__) {
                    let it = cx.call_with_self(m, o, &[], &[])?;
                    return super::dunder::iter_result(cx, it);
                }
                if let Some(b) = super::ops::instance_base(o) {
                    return get_iter(cx, b);
                }
                if super::ops::lookup_special(cx, o, &q::__getitem__).is_some() {
                    // The sequence protocol: index from 0 until IndexError.
                    return obj::iter::new(cx, &ITERATOR_TYPE, IterKind::Seq, o, Value::NULL);
                }
            }
            Err(cx.type_error_obj(o, "isn't iterable"))
        }
    }
}

/// The next item of an iterator, or `None` when it is exhausted.
pub fn iter_next(cx: &mut Cx, it: Value) -> PyResult<Option<Value>> {
    if cx.host.active {
        // Native loops over iterators are poll points too (fuel, interrupts).
        crate::embed::poll::poll_item(cx)?;
    }
    match obj::kind_of(it) {
        Kind::Iter if it.is_ptr() => native_next(cx, it),
        Kind::Generator => {
            let (v, done) = cx.resume_generator(it, Value::NONE, None)?;
            Ok(if done { None } else { Some(v) })
        }
        _ if crate::modules::io::is_iterable_stream(it) => crate::modules::io::next_line(cx, it),
        _ => {
            if super::ops::is_user_object(it) {
                if let Some(m) = super::ops::lookup_special(cx, it, &q::__next__) {
                    return match cx.call_with_self(m, it, &[], &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) => {
                            if obj::isinstance(cx.exc, &STOP_ITERATION_TYPE) {
                                cx.exc = Value::NULL;
                                Ok(None)
                            } else {
                                Err(e)
                            }
                        }
                    };
                }
            }
            Err(cx.type_error_obj(it, "isn't an iterator"))
        }
    }
}

fn native_next(cx: &mut Cx, it: Value) -> PyResult<Option<Value>> {
    let io: &mut IterObj = obj::iter::iter_of(it).expect("iter");
    match io.kind {
        IterKind::Seq => {
            let s = io.a;
            let i = io.i;
            match obj::kind_of(s) {
                Kind::List | Kind::Tuple => {
                    let items = super::ops::seq_items(s);
                    if i < items.len() {
                        io.i += 1;
                        Ok(Some(items[i]))
                    } else {
                        io.kind = IterKind::Exhausted;
                        Ok(None)
                    }
                }
                Kind::Str => {
                    let b = pystr::bytes_of(s).unwrap_or(&[]);
                    if i >= b.len() {
                        io.kind = IterKind::Exhausted;
                        return Ok(None);
                    }
                    let mut e = i + 1;
                    while e < b.len() && (b[e] & 0xc0) == 0x80 {
                        e += 1;
                    }
                    io.i = e;
                    let (p, n) = (b[i..e].as_ptr(), e - i);
                    // SAFETY: p..p+n lies in the str, kept alive by the iterator (on the stack).
                    let ch = unsafe { core::slice::from_raw_parts(p, n) };
                    crate::obj::methods::str::char_str(cx, ch).map(Some)
                }
                Kind::Bytes | Kind::ByteArray => {
                    let b = pystr::bytes_of(s)
                        .or_else(|| obj::get::<ByteArrayObj>(cx, s).map(|b| b.as_bytes()))
                        .unwrap_or(&[]);
                    if i < b.len() {
                        let v = b[i];
                        obj::iter::iter_of(it).expect("iter").i += 1;
                        Ok(Some(Value::small_int_unchecked(v as isize)))
                    } else {
                        Ok(None)
                    }
                }
                Kind::MemoryView => {
                    let r = crate::obj::methods::bytes::memoryview_getitem(
                        cx,
                        s,
                        Value::small_int_unchecked(i as isize),
                    );
                    match r {
                        Ok(v) => {
                            obj::iter::iter_of(it).expect("iter").i += 1;
                            Ok(Some(v))
                        }
                        Err(_) => {
                            cx.exc = Value::NULL;
                            Ok(None)
                        }
                    }
                }
                _ => {
                    // The __getitem__ protocol.
                    let idx = Value::small_int_unchecked(i as isize);
                    match getitem(cx, s, idx) {
                        Ok(v) => {
                            obj::iter::iter_of(it).expect("iter").i += 1;
                            Ok(Some(v))
                        }
                        Err(e) => {
                            if obj::isinstance(cx.exc, &INDEX_ERROR_TYPE)
                                || obj::isinstance(cx.exc, &STOP_ITERATION_TYPE)
                            {
                                cx.exc = Value::NULL;
                                Ok(None)
                            } else {
                                Err(e)
                            }
                        }
                    }
                }
            }
        }
        IterKind::Range => {
            if io.j == 0 {
                return Ok(None);
            }
            let v = io.i as isize;
            io.j -= 1;
            io.i = v.wrapping_add(io.n) as usize;
            int::from_i128(cx, v as i128).map(Some)
        }
        IterKind::BigRange => obj::range::big_iter_next(cx, it),
        IterKind::DictKeys
        | IterKind::DictValues
        | IterKind::DictItems
        | IterKind::Set
        | IterKind::DictReversed => obj::table::iter_next(cx, it),
        IterKind::Exhausted => Ok(None),
        _ => crate::builtins::iterators::next(cx, it),
    }
}

/// `item in container`.
pub fn contains(cx: &mut Cx, container: Value, item: Value) -> PyResult<bool> {
    match obj::kind_of(container) {
        Kind::Str if container.is_ptr() => {
            let Some(needle) = pystr::str_of(super::ops::instance_base(item).unwrap_or(item))
            else {
                let tn = super::ops::alloc_free_name(cx.type_name(item));
                return Err(cx.raise_fmt(
                    &TYPE_ERROR_TYPE,
                    format_args!("can't convert '{tn}' object to str implicitly"),
                ));
            };
            let hay = pystr::str_of(container).unwrap_or("");
            Ok(hay.contains(needle))
        }
        Kind::Bytes | Kind::ByteArray if container.is_ptr() => {
            crate::obj::methods::bytes::bytes_contains(cx, container, item)
        }
        Kind::List | Kind::Tuple if container.is_ptr() => {
            let mut i = 0;
            loop {
                let Some(&x) = super::ops::seq_items(container).get(i) else {
                    return Ok(false);
                };
                if super::ops::eq_or_same(cx, x, item)? {
                    return Ok(true);
                }
                i += 1;
            }
        }
        Kind::Dict if container.is_ptr() => Ok(obj::table::get(cx, container, item)?.is_some()),
        Kind::Set | Kind::FrozenSet if container.is_ptr() => {
            crate::obj::methods::set::contains(cx, container, item)
        }
        Kind::Range if container.is_ptr() => obj::range::contains(cx, container, item),
        Kind::Iter
            if container.is_ptr()
                && obj::iter::iter_of(container).is_some_and(|i| i.kind == IterKind::DictView) =>
        {
            let (d, which) = {
                let v = obj::iter::iter_of(container).expect("iter");
                (v.a, v.i)
            };
            match which {
                0 => Ok(obj::table::get(cx, d, item)?.is_some()),
                1 => {
                    let mut i = 0;
                    while let Some((next, _, v)) = obj::table::next_entry(d, i) {
                        if super::ops::eq_or_same(cx, v, item)? {
                            return Ok(true);
                        }
                        i = next;
                    }
                    Ok(false)
                }
                _ => {
                    let Some(kv) = tuple::items_of(item).filter(|t| t.len() == 2) else {
                        return Ok(false);
                    };
                    let (k, v) = (kv[0], kv[1]);
                    match obj::table::get(cx, d, k)? {
                        Some(x) => super::ops::eq_or_same(cx, x, v),
                        None => Ok(false),
                    }
                }
            }
        }
        _ => {
            if super::ops::is_user_object(container) {
                if let Some(m) = super::ops::lookup_special(cx, container, &q::__contains__) {
                    let r = cx.call_with_self(m, container, &[item], &[])?;
                    return super::ops::truthy(cx, r);
                }
                if let Some(b) = super::ops::instance_base(container) {
                    return contains(cx, b, item);
                }
            }
            let int_like = |v: Value| v.is_small_int() || v.as_bool().is_some();
            if int_like(container) && int_like(item) {
                // MicroPython's int operator reports `1 in 1` before trying to iterate.
                return Err(cx.unsupported_binop("", container, item));
            }
            let it = get_iter(cx, container)?;
            let mark = cx.roots_mark();
            cx.root(it)?;
            let r = loop {
                match iter_next(cx, it) {
                    Ok(Some(x)) => match super::ops::eq_or_same(cx, x, item) {
                        Ok(true) => break Ok(true),
                        Ok(false) => {}
                        Err(e) => break Err(e),
                    },
                    Ok(None) => break Ok(false),
                    Err(e) => break Err(e),
                }
            };
            cx.roots_truncate(mark);
            r
        }
    }
}

/// Collect an iterable into a new list.
pub fn list_from_iter(cx: &mut Cx, o: Value) -> PyResult<Value> {
    let l = list::with_capacity(cx, 0)?;
    let mark = cx.roots_mark();
    cx.root(l)?;
    let r = extend_list_from_iter(cx, l, o);
    cx.roots_truncate(mark);
    r.map(|_| l)
}

/// `l.extend(o)`.
pub fn extend_list_from_iter(cx: &mut Cx, l: Value, o: Value) -> PyResult<()> {
    if matches!(obj::kind_of(o), Kind::List | Kind::Tuple) && o.is_ptr() {
        let n = super::ops::seq_items(o).len();
        list::reserve(cx, l, n)?;
        // Re-read: reserving may have moved l's buffer (o may be l itself).
        let n = n.min(super::ops::seq_items(o).len());
        for k in 0..n {
            let v = super::ops::seq_items(o)[k];
            list::append(cx, l, v)?;
        }
        return Ok(());
    }
    let it = get_iter(cx, o)?;
    let mark = cx.roots_mark();
    cx.root(it)?;
    let r = loop {
        match iter_next(cx, it) {
            Ok(Some(v)) => {
                if let Err(e) = list::append(cx, l, v) {
                    break Err(e);
                }
            }
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    cx.roots_truncate(mark);
    r
}

/// Append `(key, value)` pairs of a `**mapping` argument to a keyword list.
pub fn extend_kw_from_mapping(cx: &mut Cx, kws: Value, m: Value) -> PyResult<()> {
    if obj::kind_of(m) == Kind::Dict && m.is_ptr() {
        let mut i = 0;
        while let Some((next, k, v)) = obj::table::next_entry(m, i) {
            if !obj::is::<pystr::StrObj>(k) {
                let tn = super::ops::alloc_free_name(cx.type_name(k));
                return Err(cx.raise_fmt(
                    &TYPE_ERROR_TYPE,
                    format_args!("can't convert '{tn}' object to str implicitly"),
                ));
            }
            let k = pystr::intern_value(cx, k)?;
            list::append(cx, kws, k)?;
            list::append(cx, kws, v)?;
            i = next;
        }
        return Ok(());
    }
    let keys = super::ops::getattr(cx, m, q::keys.value())?;
    let keys = cx.call(keys, &[], &[])?;
    let mark = cx.roots_mark();
    cx.root(keys)?;
    let kl = list_from_iter(cx, keys)?;
    cx.root(kl)?;
    let n = list::items_of(kl).map_or(0, |l| l.len());
    for j in 0..n {
        let k = list::items_of(kl).map_or(Value::NONE, |l| l[j]);
        let v = getitem(cx, m, k)?;
        cx.root(v)?;
        let k = pystr::intern_value(cx, k)?;
        list::append(cx, kws, k)?;
        list::append(cx, kws, v)?;
    }
    cx.roots_truncate(mark);
    Ok(())
}

/// The items of an iterable as a slice of a rooted sequence: tuples and lists directly, other
/// iterables collected into a new (rooted) list.
pub(crate) fn seq_or_collect(cx: &mut Cx, o: Value) -> PyResult<Value> {
    if matches!(obj::kind_of(o), Kind::List | Kind::Tuple) && o.is_ptr() {
        return Ok(o);
    }
    let l = list_from_iter(cx, o)?;
    cx.root(l)?;
    Ok(l)
}

/// UNPACK_SEQUENCE: write the `n` items of `seq` into frame slots `at..at+n`, last item at
/// the bottom, so item 0 is on top.
pub(crate) fn unpack_sequence(
    cx: &mut Cx,
    seq: Value,
    n: usize,
    f: *mut Frame,
    at: usize,
) -> PyResult<()> {
    let mark = cx.roots_mark();
    let s = seq_or_collect(cx, seq)?;
    let items = super::ops::seq_items(s);
    let r = if items.len() < n {
        let k = items.len();
        Err(cx.raise_fmt(
            &VALUE_ERROR_TYPE,
            format_args!("need more than {k} values to unpack"),
        ))
    } else if items.len() > n {
        Err(cx.raise_fmt(
            &VALUE_ERROR_TYPE,
            format_args!("too many values to unpack (expected {n})"),
        ))
    } else {
        // SAFETY: f is the live running frame with room for n values at `at` (the compiler
        // budgets the unpacked items).
        let st = unsafe { (*f).state() };
        for (i, &v) in items.iter().enumerate() {
            // SAFETY: as above.
            unsafe { *st.add(at + n - 1 - i) = v };
        }
        Ok(())
    };
    cx.roots_truncate(mark);
    r
}

/// UNPACK_EX: `left` leading items, a list of the middle, `right` trailing items.
pub(crate) fn unpack_ex(
    cx: &mut Cx,
    seq: Value,
    left: usize,
    right: usize,
    f: *mut Frame,
    at: usize,
) -> PyResult<()> {
    let mark = cx.roots_mark();
    let s = seq_or_collect(cx, seq)?;
    let len = super::ops::seq_items(s).len();
    if len < left + right {
        cx.roots_truncate(mark);
        return Err(cx.raise_fmt(
            &VALUE_ERROR_TYPE,
            format_args!("need more than {len} values to unpack"),
        ));
    }
    let mid_n = len - left - right;
    let mid = list::with_capacity(cx, mid_n);
    let mid = match mid {
        Ok(m) => m,
        Err(e) => {
            cx.roots_truncate(mark);
            return Err(e);
        }
    };
    let items = super::ops::seq_items(s);
    crate::gc::write_barrier_values(cx, &items[left..left + mid_n]);
    if let Some(lo) = obj::get_mut::<ListObj>(cx, mid) {
        lo.len = mid_n;
        lo.items_mut().copy_from_slice(&items[left..left + mid_n]);
    }
    // SAFETY: f is the live running frame; the compiler budgets left + right + 1 slots.
    let st = unsafe { (*f).state() };
    let total = left + 1 + right;
    // From the top: item 0 ... item left-1, the list, then the trailing items.
    let mut slot = at + total - 1;
    for &v in items.iter().take(left) {
        // SAFETY: as above.
        unsafe { *st.add(slot) = v };
        slot = slot.wrapping_sub(1);
    }
    // SAFETY: as above.
    unsafe { *st.add(slot) = mid };
    slot = slot.wrapping_sub(1);
    for &v in items.iter().skip(left + mid_n) {
        // SAFETY: as above.
        unsafe { *st.add(slot) = v };
        slot = slot.wrapping_sub(1);
    }
    cx.roots_truncate(mark);
    Ok(())
}
