//! Methods of `list` and `tuple`, slice assignment, and a stable merge sort.
//!
//! Every method first checks that `self` is a list (or a tuple, for the shared `index` and
//! `count`): `list.append(5, 1)` reaches the method through the class with any value.
//! Nothing here holds a slice of the items across a call that may run Python: `__eq__` or a
//! `key=` function may change the very list being worked on.

use crate::bytecode::opcode::BinaryOp;
use crate::native_fn;
use crate::obj::list::ListObj;
use crate::obj::types::*;
use crate::obj::{self, int, list, tuple, Attr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

fn items<'a>(l: Value) -> &'a [Value] {
    list::items_of(l).unwrap_or(&[])
}

fn lo<'a>(l: Value) -> &'a mut ListObj {
    // SAFETY: callers pass values checked by `this` (list layout); the rooting rule governs
    // the lifetime.
    unsafe { &mut *(l.raw() as *mut ListObj) }
}

/// `self` of a list method: the list itself, or the list inside an instance of a subclass.
fn this(cx: &mut Cx, v: Value, name: &str) -> PyResult<Value> {
    let b = ops::instance_base(v).unwrap_or(v);
    if obj::is::<ListObj>(b) {
        return Ok(b);
    }
    Err(descriptor_error(cx, name, "list", v))
}

/// `self` of a method that lists and tuples both have: `want` is the one it was looked up on.
fn this_seq(cx: &mut Cx, v: Value, name: &str, want: Kind) -> PyResult<Value> {
    let b = ops::instance_base(v).unwrap_or(v);
    if obj::kind_of(b) == want && b.is_ptr() {
        return Ok(b);
    }
    let tn = if want == Kind::List { "list" } else { "tuple" };
    Err(descriptor_error(cx, name, tn, v))
}

/// `TypeError: argument should be a 'list' not a 'int'` (MicroPython's checked methods).
pub(crate) fn descriptor_error(
    cx: &mut Cx,
    _name: &str,
    want: &str,
    got: Value,
) -> crate::vm::Raised {
    let tn = ops::alloc_free_name(cx.type_name(got));
    cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("argument should be a '{want}' not a '{tn}'"),
    )
}

fn append(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = this(cx, a[0], "append")?;
    list::append(cx, l, a[1])?;
    Ok(Value::NONE)
}

fn extend(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = this(cx, a[0], "extend")?;
    crate::vm::seq::extend_list_from_iter(cx, l, a[1])?;
    Ok(Value::NONE)
}

fn pop(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = this(cx, a[0], "pop")?;
    let i = match a.get(1) {
        Some(&v) => crate::vm::seq::index_value(cx, v, "list")?,
        None => -1,
    };
    let n = items(l).len();
    if n == 0 {
        return Err(cx.index_error("pop from empty list"));
    }
    let Some(j) = crate::vm::seq::norm_index(i, n) else {
        return Err(cx.index_error(crate::flavour::msg::LIST_INDEX));
    };
    // Values moving down may land below where a chunked trace of the list has got to.
    crate::gc::write_barrier_values(cx, &items(l)[j + 1..]);
    let o = lo(l);
    let v = o.items_mut()[j];
    o.items_mut().copy_within(j + 1.., j);
    o.len -= 1;
    Ok(v)
}

fn insert(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, v) = (this(cx, a[0], "insert")?, a[2]);
    let i = clamp_index(cx, a[1], "list")?;
    list::append(cx, l, v)?;
    // Re-read the length: the list grew by one.
    let o = lo(l);
    let len = o.len;
    let n = (len - 1) as isize;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    o.items_mut().copy_within(j..len - 1, j + 1);
    o.items_mut()[j] = v;
    Ok(Value::NONE)
}

/// An index argument that may be any int: big values clamp (as CPython's slice indices do).
fn clamp_index(cx: &mut Cx, v: Value, what: &str) -> PyResult<isize> {
    if let Some((neg, _)) = int::big_of(v) {
        return Ok(if neg { isize::MIN / 2 } else { isize::MAX / 2 });
    }
    crate::vm::seq::index_value(cx, v, what)
}

/// The first index in `start..stop` whose item equals `x`.
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
        if ops::eq_or_same(cx, y, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn remove(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = this(cx, a[0], "remove")?;
    match find_index(cx, l, a[1], 0, usize::MAX)? {
        Some(j) => {
            crate::gc::write_barrier_values(cx, &items(l)[j + 1..]);
            let o = lo(l);
            let len = o.len;
            if j < len {
                o.items_mut().copy_within(j + 1..len, j);
                o.len -= 1;
            }
            Ok(Value::NONE)
        }
        None => Err(cx.value_error("object not in sequence")),
    }
}

fn index(cx: &mut Cx, a: &[Value], want: Kind) -> PyResult<Value> {
    let s = this_seq(cx, a[0], "index", want)?;
    let what = if obj::kind_of(s) == Kind::List {
        "list"
    } else {
        "tuple"
    };
    let fix = |cx: &mut Cx, v: Option<&Value>, d: usize, n: usize| -> PyResult<usize> {
        match v {
            Some(&v) => {
                let i = clamp_index(cx, v, what)?;
                Ok(if i < 0 {
                    (i + n as isize).max(0) as usize
                } else {
                    i as usize
                })
            }
            None => Ok(d),
        }
    };
    let n = ops::seq_items(s).len();
    let start = fix(cx, a.get(2), 0, n)?;
    let stop = fix(cx, a.get(3), usize::MAX, n)?;
    match find_index(cx, s, a[1], start, stop)? {
        Some(j) => Ok(Value::small_int_unchecked(j as isize)),
        None => Err(cx.value_error("object not in sequence")),
    }
}

fn count(cx: &mut Cx, a: &[Value], want: Kind) -> PyResult<Value> {
    let s = this_seq(cx, a[0], "count", want)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(&y) = ops::seq_items(s).get(i) {
        if ops::eq_or_same(cx, y, a[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::small_int_unchecked(n))
}

fn reverse(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = this(cx, a[0], "reverse")?;
    crate::gc::write_barrier_values(cx, items(l));
    lo(l).items_mut().reverse();
    Ok(Value::NONE)
}

fn clear(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = this(cx, a[0], "clear")?;
    lo(l).len = 0;
    Ok(Value::NONE)
}

fn copy(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = this(cx, a[0], "copy")?;
    list::new(cx, items(l))
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

/// `a < b` where `a` comes after `b` in the list: MicroPython names the types in list order
/// when builtin values can't be ordered (`unsupported types for __lt__: 'int', 'str'` for
/// `[1, 'a'].sort()`).
fn less_swapped_message(cx: &mut Cx, a: Value, b: Value) -> PyResult<bool> {
    match less(cx, a, b) {
        Ok(r) => Ok(r),
        Err(e) => {
            let plain = |v: Value| {
                !ops::is_user_object(v) && !matches!(obj::kind_of(v), Kind::List | Kind::Tuple)
            };
            if plain(a) && plain(b) && obj::isinstance(cx.pending(), &TYPE_ERROR_TYPE) {
                cx.take_pending();
                return Err(cx.unsupported_binop("__lt__", b, a));
            }
            Err(e)
        }
    }
}

/// Sort `l` in place: a stable merge sort over a rooted copy, with an optional key function.
///
/// As in CPython, the list is empty while the keys and comparisons run; if they add to it,
/// the additions are dropped and `ValueError: list modified during sort` is raised. On any
/// error the list gets its original items back.
pub fn sort_list(cx: &mut Cx, l: Value, key: Value, rev: bool) -> PyResult<()> {
    let n = items(l).len();
    // A key function runs even for one item (its errors show), as in CPython.
    if n == 0 || (n == 1 && (key.is_null() || key.is_none())) {
        return Ok(());
    }
    let mark = cx.roots_mark();
    let vals = tuple::new(cx, items(l))?;
    cx.root(vals)?;
    lo(l).len = 0;
    let r = sort_perm(cx, vals, key, rev, n);
    // Put the items back, sorted when everything went well.
    let modified = !items(l).is_empty();
    let restore = list::reserve(cx, l, n);
    cx.roots_truncate(mark);
    restore?;
    let src = tuple::items_of(vals).unwrap_or(&[]);
    for &v in &src[..n] {
        crate::gc::write_barrier(cx, v);
    }
    let o = lo(l);
    o.len = 0;
    // SAFETY: the list has capacity for n items (reserved above, with len 0).
    let dst = unsafe { core::slice::from_raw_parts_mut(o.items, n) };
    match &r {
        Ok(perm) if !modified => {
            for (d, &p) in dst.iter_mut().zip(perm.iter()) {
                *d = src[p];
            }
        }
        _ => dst.copy_from_slice(&src[..n]),
    }
    o.len = n;
    match r {
        Ok(_) if modified => Err(cx.value_error("list modified during sort")),
        Ok(_) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The sorted order of `vals` (a rooted tuple of `n` items) as a permutation.
fn sort_perm(
    cx: &mut Cx,
    vals: Value,
    key: Value,
    rev: bool,
    n: usize,
) -> PyResult<allocator_api2::vec::Vec<usize, crate::gc::heap::TempAlloc>> {
    let keys = if key.is_null() || key.is_none() {
        vals
    } else {
        let k = tuple::new_uninit(cx, n)?;
        cx.root(k)?;
        for i in 0..n {
            let v = tuple::items_of(vals).map_or(Value::NONE, |t| t[i]);
            let kv = cx.call(key, &[v], &[])?;
            crate::gc::write_barrier(cx, kv);
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
                    less(cx, ki, kj)?
                } else {
                    less_swapped_message(cx, kj, ki)?
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
    Ok(perm)
}

fn sort(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [l, key, rev] = crate::builtins::args::parse(cx, a, kw, ["self", "key", "reverse"], 1)?;
    let l = this(cx, l, "sort")?;
    let rev = !rev.is_null() && ops::truthy(cx, rev)?;
    sort_list(cx, l, key, rev)?;
    Ok(Value::NONE)
}

/// `l *= n`.
pub fn imul(cx: &mut Cx, l: Value, n: i64) -> PyResult<()> {
    let len = items(l).len();
    if n <= 0 || len == 0 {
        lo(l).len = 0;
        return Ok(());
    }
    if len == 0 {
        // Nothing to repeat, however many times.
        return Ok(());
    }
    let Some(total) = len.checked_mul(n as usize) else {
        return Err(cx.raise_memory_error(usize::MAX));
    };
    list::reserve(cx, l, total - len)?;
    crate::gc::write_barrier_values(cx, items(l));
    let o = lo(l);
    for k in 1..n as usize {
        // SAFETY: capacity >= total = len * n.
        unsafe { core::ptr::copy_nonoverlapping(o.items, o.items.add(k * len), len) };
    }
    o.len = total;
    Ok(())
}

/// `l[slice] = v`.
pub fn set_slice(cx: &mut Cx, l: Value, s: Value, v: Value) -> PyResult<()> {
    if !matches!(obj::kind_of(v), Kind::List | Kind::Tuple) || !v.is_ptr() {
        let iterable = ops::is_user_object(v)
            || matches!(
                obj::kind_of(v),
                Kind::Iter
                    | Kind::Generator
                    | Kind::Range
                    | Kind::Str
                    | Kind::Bytes
                    | Kind::ByteArray
                    | Kind::Dict
                    | Kind::Set
                    | Kind::FrozenSet
            );
        if iterable {
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
    // The slice's bounds may run `__index__`: take the length afterwards.
    let n0 = items(l).len();
    let (start, stop, step, count) = crate::vm::seq::slice_indices(cx, s, n0)?;
    // An `__index__` may have changed the list meanwhile: keep every index in bounds.
    let n = items(l).len();
    let (start, stop) = if n == n0 {
        (start, stop)
    } else {
        (start.clamp(-1, n as isize), stop.clamp(-1, n as isize))
    };
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
        for &x in sv {
            crate::gc::write_barrier(cx, x);
        }
        let o = lo(l);
        for (k, &x) in sv.iter().enumerate().take(m) {
            let j = start + k as isize * step;
            if let Some(d) = usize::try_from(j)
                .ok()
                .and_then(|j| o.items_mut().get_mut(j))
            {
                *d = x;
            }
        }
        cx.roots_truncate(mark);
        return Ok(());
    }
    let start = start.max(0) as usize;
    let stop = (stop.max(start as isize)) as usize;
    let new_len = n - (stop - start) + m;
    if new_len > n {
        list::reserve(cx, l, new_len - n)?;
    }
    let sv = tuple::items_of(src).unwrap_or(&[]);
    for &x in sv {
        crate::gc::write_barrier(cx, x);
    }
    crate::gc::write_barrier_values(cx, &items(l)[stop.min(n)..]);
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
    if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let n0 = items(l).len();
        let (start, _, step, count) = crate::vm::seq::slice_indices(cx, i, n0)?;
        crate::gc::write_barrier_values(cx, items(l));
        let o = lo(l);
        let n = o.len.min(n0);
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
        it.copy_within(n.., keep);
        o.len -= n - keep;
        return Ok(());
    }
    let idx = crate::vm::seq::index_value(cx, i, "list")?;
    let n = items(l).len();
    match crate::vm::seq::norm_index(idx, n) {
        Some(j) => {
            crate::gc::write_barrier_values(cx, &items(l)[j + 1..]);
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
fn l_index(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    index(cx, a, Kind::List)
}
fn t_index(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    index(cx, a, Kind::Tuple)
}
fn l_count(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    count(cx, a, Kind::List)
}
fn t_count(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    count(cx, a, Kind::Tuple)
}

native_fn!(L_INDEX, q::index, 2, 4, false, l_index);
native_fn!(L_COUNT, q::count, 2, 2, false, l_count);
native_fn!(T_INDEX, q::index, 2, 4, false, t_index);
native_fn!(T_COUNT, q::count, 2, 2, false, t_count);
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
    crate::method!(q::index, T_INDEX),
    crate::method!(q::count, T_COUNT),
];
