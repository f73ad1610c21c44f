//! Methods of `dict` and its views.

use crate::native_fn;
use crate::obj::iter::IterKind;
use crate::obj::types::*;
use crate::obj::{self, dict, table, tuple, Attr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// The dict inside `v` (itself, or the base of an instance of a dict subclass).
fn the_dict(v: Value) -> Value {
    ops::instance_base(v).unwrap_or(v)
}

fn view(cx: &mut Cx, d: Value, which: usize, ty: &'static crate::obj::TypeObj) -> PyResult<Value> {
    let v = obj::iter::new(cx, ty, IterKind::DictView, the_dict(d), Value::NULL)?;
    if let Some(it) = obj::iter::iter_of(v) {
        it.i = which;
    }
    Ok(v)
}

fn keys(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    view(cx, a[0], 0, &DICT_KEYS_TYPE)
}
fn values(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    view(cx, a[0], 1, &DICT_VALUES_TYPE)
}
fn items(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    view(cx, a[0], 2, &DICT_ITEMS_TYPE)
}

fn get(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(dict::get(cx, the_dict(a[0]), a[1])?.unwrap_or(a.get(2).copied().unwrap_or(Value::NONE)))
}

fn pop(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    match table::remove(cx, the_dict(a[0]), a[1])? {
        Some((_, v)) => Ok(v),
        None => match a.get(2) {
            Some(&d) => Ok(d),
            None => Err(cx.raise_with_arg(&KEY_ERROR_TYPE, a[1])),
        },
    }
}

fn popitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = the_dict(a[0]);
    let t = table::table_of(d);
    let mut last = None;
    for (i, e) in t.entries().iter().enumerate().rev() {
        if !e.key.is_null() {
            last = Some(i);
            break;
        }
    }
    let Some(i) = last else {
        return Err(cx.raise_msg(&KEY_ERROR_TYPE, crate::flavour::msg::POPITEM_EMPTY));
    };
    let (k, v) = {
        let e = table::table_of(d).entries()[i];
        (e.key, e.value)
    };
    let r = tuple::new(cx, &[k, v])?;
    table::remove_entry(d, i);
    Ok(r)
}

fn setdefault(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = the_dict(a[0]);
    if let Some(v) = dict::get(cx, d, a[1])? {
        return Ok(v);
    }
    let dv = a.get(2).copied().unwrap_or(Value::NONE);
    dict::set(cx, d, a[1], dv)?;
    Ok(dv)
}

/// `d.update(other)` with a mapping or an iterable of pairs.
pub fn update_from(cx: &mut Cx, d: Value, other: Value) -> PyResult<()> {
    let d = the_dict(d);
    // A dict subclass that does not override `keys` copies its items directly (CPython).
    let other = match ops::instance_base(other) {
        Some(b)
            if obj::kind_of(b) == Kind::Dict
                && ops::lookup_special(cx, other, &q::keys).is_none() =>
        {
            b
        }
        _ => other,
    };
    if obj::kind_of(other) == Kind::Dict && other.is_ptr() {
        let mut i = 0;
        while let Some((next, k, v)) = table::next_entry(other, i) {
            dict::set(cx, d, k, v)?;
            i = next;
        }
        return Ok(());
    }
    if ops::is_user_object(other) {
        if let Some(keys) = ops::getattr_opt(cx, other, q::keys.value())? {
            let mark = cx.roots_mark();
            let ks = cx.call(keys, &[], &[])?;
            cx.root(ks)?;
            let kl = crate::vm::seq::list_from_iter(cx, ks)?;
            cx.root(kl)?;
            let n = ops::seq_items(kl).len();
            for j in 0..n {
                let k = ops::seq_items(kl)[j];
                let v = ops::getitem(cx, other, k)?;
                cx.root(v)?;
                dict::set(cx, d, k, v)?;
            }
            cx.roots_truncate(mark);
            return Ok(());
        }
    }
    let it = ops::get_iter(cx, other)?;
    let mark = cx.roots_mark();
    cx.root(it)?;
    while let Some(pair) = ops::iter_next(cx, it)? {
        cx.root(pair)?;
        let p = crate::vm::seq::seq_or_collect(cx, pair)?;
        let items = ops::seq_items(p);
        if items.len() != 2 {
            cx.roots_truncate(mark);
            return Err(cx.value_error("dict update sequence has wrong length"));
        }
        let (k, v) = (items[0], items[1]);
        dict::set(cx, d, k, v)?;
    }
    cx.roots_truncate(mark);
    Ok(())
}

fn update(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    if let Some(&o) = a.get(1) {
        update_from(cx, a[0], o)?;
    }
    let d = the_dict(a[0]);
    let mut i = 0;
    while i + 1 < kw.len() {
        dict::set(cx, d, kw[i], kw[i + 1])?;
        i += 2;
    }
    Ok(Value::NONE)
}

fn clear(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    table::clear(cx, the_dict(a[0]));
    Ok(Value::NONE)
}

fn copy(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let src = the_dict(a[0]);
    let d = dict::new(cx)?;
    let mark = cx.roots_mark();
    cx.root(d)?;
    table::copy_into(cx, d, src)?;
    cx.roots_truncate(mark);
    Ok(d)
}

fn fromkeys(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let v = a.get(2).copied().unwrap_or(Value::NONE);
    let d = dict::new(cx)?;
    let mark = cx.roots_mark();
    cx.root(d)?;
    let ks = crate::vm::seq::seq_or_collect(cx, a[1])?;
    let n = ops::seq_items(ks).len();
    for j in 0..n {
        let k = ops::seq_items(ks)[j];
        dict::set(cx, d, k, v)?;
    }
    cx.roots_truncate(mark);
    Ok(d)
}

/// `a == b` for dicts.
pub fn dict_eq(cx: &mut Cx, a: Value, b: Value) -> PyResult<bool> {
    if table::table_of(a).len != table::table_of(b).len {
        return Ok(false);
    }
    let mut i = 0;
    while let Some((next, k, v)) = table::next_entry(a, i) {
        match dict::get(cx, b, k)? {
            Some(w) => {
                if !ops::eq(cx, v, w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
        i = next;
    }
    Ok(true)
}

/// `a | b` (new dict) or `a |= b`.
pub fn dict_or(cx: &mut Cx, a: Value, b: Value, inplace: bool) -> PyResult<Value> {
    let d = if inplace {
        a
    } else {
        let d = dict::new(cx)?;
        let mark = cx.roots_mark();
        cx.root(d)?;
        table::copy_into(cx, d, a)?;
        cx.roots_truncate(mark);
        d
    };
    let mark = cx.roots_mark();
    cx.root(d)?;
    update_from(cx, d, b)?;
    cx.roots_truncate(mark);
    Ok(d)
}

native_fn!(D_KEYS, q::keys, 1, 1, false, keys);
native_fn!(D_VALUES, q::values, 1, 1, false, values);
native_fn!(D_ITEMS, q::items, 1, 1, false, items);
native_fn!(D_GET, q::get, 2, 3, false, get);
native_fn!(D_POP, q::pop, 2, 3, false, pop);
native_fn!(D_POPITEM, q::popitem, 1, 1, false, popitem);
native_fn!(D_SETDEFAULT, q::setdefault, 2, 3, false, setdefault);
native_fn!(D_UPDATE, q::update, 1, 2, true, update);
native_fn!(D_CLEAR, q::clear, 1, 1, false, clear);
native_fn!(D_COPY, q::copy, 1, 1, false, copy);
native_fn!(D_FROMKEYS, q::fromkeys, 2, 3, false, fromkeys);

/// `dict`'s attributes.
pub const DICT_ATTRS: &[Attr] = &[
    crate::method!(q::keys, D_KEYS),
    crate::method!(q::values, D_VALUES),
    crate::method!(q::items, D_ITEMS),
    crate::method!(q::get, D_GET),
    crate::method!(q::pop, D_POP),
    crate::method!(q::popitem, D_POPITEM),
    crate::method!(q::setdefault, D_SETDEFAULT),
    crate::method!(q::update, D_UPDATE),
    crate::method!(q::clear, D_CLEAR),
    crate::method!(q::copy, D_COPY),
    crate::classmethod!(q::fromkeys, D_FROMKEYS),
];

/// Attributes of the views.
pub const DICT_VIEW_ATTRS: &[Attr] = &[];
