//! Methods of `list` and `tuple`, slice assignment, and a stable merge sort.

use crate::bytecode::opcode::BinaryOp;
use crate::native_fn;
use crate::obj::list::ListObj;
use crate::obj::types::*;
use crate::obj::{self, list, tuple, Attr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

fn items<'a>(l: Value) -> &'a [Value] {
    list::items_of(l).unwrap_or(&[])
}

fn lo<'a>(l: Value) -> &'a mut ListObj {
    // SAFETY: callers pass list values; rooting rule governs the lifetime.
    unsafe { &mut *(l.raw() as *mut ListObj) }
}

fn append(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    list::append(cx, a[0], a[1])?;
    Ok(Value::NONE)
}

fn extend(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    crate::vm::seq::extend_list_from_iter(cx, a[0], a[1])?;
    Ok(Value::NONE)
}

fn pop(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = a[0];
    let n = items(l).len();
    if n == 0 {
        return Err(cx.index_error("pop from empty list"));
    }
    let i = match a.get(1) {
        Some(&v) => crate::vm::seq::int_arg(cx, v)?,
        None => -1,
    };
    let Some(j) = crate::vm::seq::norm_index(i, n) else {
        return Err(cx.index_error(crate::flavour::msg::LIST_INDEX));
    };
    let o = lo(l);
    let v = o.items_mut()[j];
    o.items_mut().copy_within(j + 1.., j);
    o.len -= 1;
    Ok(v)
}

fn insert(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, v) = (a[0], a[2]);
    let i = crate::vm::seq::int_arg(cx, a[1])?;
    let n = items(l).len() as isize;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    list::append(cx, l, v)?;
    let o = lo(l);
    let len = o.len;
    o.items_mut().copy_within(j..len - 1, j + 1);
    o.items_mut()[j] = v;
    Ok(Value::NONE)
}

fn find_index(
    cx: &mut Cx,
    seq: Value,
    x: Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        let s = ops::seq_items(seq);
        if i >= s.len().min(stop) {
            return Ok(None);
        }
        let y = s[i];
        if ops::eq(cx, y, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn remove(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    match find_index(cx, a[0], a[1], 0, usize::MAX)? {
        Some(j) => {
            let o = lo(a[0]);
            let len = o.len;
            o.items_mut().copy_within(j + 1..len, j);
            o.len -= 1;
            Ok(Value::NONE)
        }
        None => Err(cx.value_error("object not in sequence")),
    }
}

fn bounds(cx: &mut Cx, a: &[Value], n: usize) -> PyResult<(usize, usize)> {
    let fix = |cx: &mut Cx, v: Option<&Value>, d: usize| -> PyResult<usize> {
        match v {
            Some(&v) => {
                let i = crate::vm::seq::int_arg(cx, v)?;
                Ok(if i < 0 {
                    (i + n as isize).max(0) as usize
                } else {
                    (i as usize).min(n)
                })
            }
            None => Ok(d),
        }
    };
    Ok((fix(cx, a.get(2), 0)?, fix(cx, a.get(3), n)?))
}

fn index(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = ops::seq_items(a[0]).len();
    let (s, e) = bounds(cx, a, n)?;
    match find_index(cx, a[0], a[1], s, e)? {
        Some(j) => Ok(Value::small_int_unchecked(j as isize)),
        None => Err(cx.value_error("object not in sequence")),
    }
}

fn count(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut n = 0;
    let mut i = 0;
    while let Some(&y) = ops::seq_items(a[0]).get(i) {
        if ops::eq(cx, y, a[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::small_int_unchecked(n))
}

fn reverse(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    lo(a[0]).items_mut().reverse();
    Ok(Value::NONE)
}

fn clear(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    lo(a[0]).len = 0;
    Ok(Value::NONE)
}

fn copy(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    list::new(cx, items(a[0]))
}

/// `a < b` for sorting, with fast paths that run no Python.
fn less(cx: &mut Cx, a: Value, b: Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(x < y);
    }
    if obj::kind_of(a) == Kind::Str && obj::kind_of(b) == Kind::Str {
        return Ok(crate::obj::str::bytes_of(a) < crate::obj::str::bytes_of(b));
    }
    let r = ops::binary(cx, BinaryOp::Less, a, b)?;
    ops::truthy(cx, r)
}

/// Sort `l` in place: stable merge sort over a rooted copy, with an optional key function.
/// Raises `ValueError` if the list is modified while a key or comparison runs.
pub fn sort_list(cx: &mut Cx, l: Value, key: Value, rev: bool) -> PyResult<()> {
    let n = items(l).len();
    if n < 2 {
        return Ok(());
    }
    let mark = cx.roots_mark();
    let vals = tuple::new(cx, items(l))?;
    cx.root(vals)?;
    let keys = if key.is_null() || key.is_none() {
        vals
    } else {
        let k = tuple::new_uninit(cx, n)?;
        cx.root(k)?;
        for i in 0..n {
            let v = tuple::items_of(vals).map_or(Value::NONE, |t| t[i]);
            let kv = cx.call(key, &[v], &[])?;
            if let Some(t) = obj::get_mut::<tuple::TupleObj>(cx, k) {
                t.items_mut()[i] = kv;
            }
        }
        k
    };
    let al = cx.temp_alloc();
    let mut perm = allocator_api2::vec::Vec::new_in(al);
    let mut tmp = allocator_api2::vec::Vec::new_in(al);
    if perm.try_reserve(n).is_err() || tmp.try_reserve(n).is_err() {
        cx.roots_truncate(mark);
        return Err(cx.raise_memory_error(n * 16));
    }
    perm.extend(0..n);
    tmp.resize(n, 0usize);
    // Bottom-up merge sort.
    let mut width = 1;
    while width < n {
        let mut lo_i = 0;
        while lo_i < n {
            let mid = (lo_i + width).min(n);
            let hi = (lo_i + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo_i, mid, lo_i);
            while i < mid && j < hi {
                let (ki, kj) = {
                    let ks = tuple::items_of(keys).unwrap_or(&[]);
                    (ks[perm[i]], ks[perm[j]])
                };
                // Take from the right only when it is strictly first.
                let take_right = if rev {
                    less(cx, ki, kj)
                } else {
                    less(cx, kj, ki)
                };
                let take_right = match take_right {
                    Ok(b) => b,
                    Err(e) => {
                        cx.roots_truncate(mark);
                        return Err(e);
                    }
                };
                if take_right {
                    tmp[k] = perm[j];
                    j += 1;
                } else {
                    tmp[k] = perm[i];
                    i += 1;
                }
                k += 1;
            }
            while i < mid {
                tmp[k] = perm[i];
                i += 1;
                k += 1;
            }
            while j < hi {
                tmp[k] = perm[j];
                j += 1;
                k += 1;
            }
            lo_i = hi;
        }
        core::mem::swap(&mut perm, &mut tmp);
        width *= 2;
    }
    if items(l).len() != n {
        cx.roots_truncate(mark);
        return Err(cx.value_error("list modified during sort"));
    }
    let src = tuple::items_of(vals).unwrap_or(&[]);
    let dst = lo(l).items_mut();
    for (d, &p) in dst.iter_mut().zip(perm.iter()) {
        *d = src[p];
    }
    cx.roots_truncate(mark);
    Ok(())
}

fn sort(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [l, key, rev] = crate::builtins::args::parse(cx, a, kw, ["self", "key", "reverse"], 1)?;
    let rev = !rev.is_null() && ops::truthy(cx, rev)?;
    sort_list(cx, l, key, rev)?;
    Ok(Value::NONE)
}

/// `l *= n`.
pub fn imul(cx: &mut Cx, l: Value, n: i64) -> PyResult<()> {
    let len = items(l).len();
    if n <= 0 {
        lo(l).len = 0;
        return Ok(());
    }
    if len == 0 {
        // Nothing to repeat, however many times.
        return Ok(());
    }
    let total = len.saturating_mul(n as usize);
    list::reserve(cx, l, total.saturating_sub(len))?;
    let o = lo(l);
    for k in 1..n as usize {
        // SAFETY: capacity >= total.
        unsafe { core::ptr::copy_nonoverlapping(o.items, o.items.add(k * len), len) };
    }
    o.len = total;
    Ok(())
}

/// `l[slice] = v`.
pub fn set_slice(cx: &mut Cx, l: Value, s: Value, v: Value) -> PyResult<()> {
    let n = items(l).len();
    let (start, stop, step, count) = crate::vm::seq::slice_indices(cx, s, n)?;
    if !matches!(obj::kind_of(v), Kind::List | Kind::Tuple) || !v.is_ptr() {
        if ops::is_user_object(v)
            || matches!(
                obj::kind_of(v),
                Kind::Iter | Kind::Generator | Kind::Range | Kind::Str | Kind::Dict | Kind::Set
            )
        {
            let mark = cx.roots_mark();
            let c = crate::vm::seq::list_from_iter(cx, v)?;
            cx.root(c)?;
            let r = set_slice(cx, l, s, c);
            cx.roots_truncate(mark);
            return r;
        }
        let tn = ops::alloc_free_name(cx.type_name(v));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("object '{tn}' isn't a tuple or list"),
        ));
    }
    // Copy the source first (it may be l itself).
    let mark = cx.roots_mark();
    let src = tuple::new(cx, ops::seq_items(v))?;
    cx.root(src)?;
    let m = tuple::items_of(src).map_or(0, |t| t.len());
    if step != 1 {
        if m != count {
            cx.roots_truncate(mark);
            return Err(cx.raise_fmt(
                &VALUE_ERROR_TYPE,
                format_args!(
                    "attempt to assign sequence of size {m} to extended slice of size {count}"
                ),
            ));
        }
        let sv = tuple::items_of(src).unwrap_or(&[]);
        let o = lo(l);
        for (k, &x) in sv.iter().enumerate().take(m) {
            o.items_mut()[(start + k as isize * step) as usize] = x;
        }
        cx.roots_truncate(mark);
        return Ok(());
    }
    let start = start as usize;
    let stop = (stop.max(start as isize)) as usize;
    let new_len = n - (stop - start) + m;
    if new_len > n {
        list::reserve(cx, l, new_len - n)?;
    }
    let sv = tuple::items_of(src).unwrap_or(&[]);
    let o = lo(l);
    // SAFETY: capacity >= max(n, new_len); ranges are within it.
    unsafe {
        core::ptr::copy(o.items.add(stop), o.items.add(start + m), n - stop);
        core::ptr::copy_nonoverlapping(sv.as_ptr(), o.items.add(start), m);
    }
    o.len = new_len;
    cx.roots_truncate(mark);
    Ok(())
}

/// `del l[i]` and `del l[slice]`.
pub fn del_item(cx: &mut Cx, l: Value, i: Value) -> PyResult<()> {
    let n = items(l).len();
    if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let (start, _, step, count) = crate::vm::seq::slice_indices(cx, i, n)?;
        let o = lo(l);
        let mut keep = 0;
        let it = o.items_mut();
        for k in 0..n {
            let k_i = k as isize;
            let in_slice = count > 0 && {
                let off = k_i - start;
                off % step == 0 && {
                    let idx = off / step;
                    idx >= 0 && (idx as usize) < count
                }
            };
            if !in_slice {
                it[keep] = it[k];
                keep += 1;
            }
        }
        o.len = keep;
        return Ok(());
    }
    let idx = crate::vm::seq::index_value(cx, i, "list")?;
    match crate::vm::seq::norm_index(idx, n) {
        Some(j) => {
            let o = lo(l);
            o.items_mut().copy_within(j + 1..n, j);
            o.len -= 1;
            Ok(())
        }
        None => Err(cx.index_error(crate::flavour::msg::LIST_INDEX)),
    }
}

native_fn!(L_APPEND, q::append, 2, 2, false, append);
native_fn!(L_EXTEND, q::extend, 2, 2, false, extend);
native_fn!(L_POP, q::pop, 1, 2, false, pop);
native_fn!(L_INSERT, q::insert, 3, 3, false, insert);
native_fn!(L_REMOVE, q::remove, 2, 2, false, remove);
native_fn!(L_INDEX, q::index, 2, 4, false, index);
native_fn!(L_COUNT, q::count, 2, 2, false, count);
native_fn!(L_REVERSE, q::reverse, 1, 1, false, reverse);
native_fn!(L_CLEAR, q::clear, 1, 1, false, clear);
native_fn!(L_COPY, q::copy, 1, 1, false, copy);
native_fn!(L_SORT, q::sort, 1, 1, true, sort);

/// `list`'s attributes.
pub const LIST_ATTRS: &[Attr] = &[
    crate::method!(q::append, L_APPEND),
    crate::method!(q::extend, L_EXTEND),
    crate::method!(q::pop, L_POP),
    crate::method!(q::insert, L_INSERT),
    crate::method!(q::remove, L_REMOVE),
    crate::method!(q::index, L_INDEX),
    crate::method!(q::count, L_COUNT),
    crate::method!(q::reverse, L_REVERSE),
    crate::method!(q::clear, L_CLEAR),
    crate::method!(q::copy, L_COPY),
    crate::method!(q::sort, L_SORT),
];

/// `tuple`'s attributes.
pub const TUPLE_ATTRS: &[Attr] = &[
    crate::method!(q::index, L_INDEX),
    crate::method!(q::count, L_COUNT),
];
