//! Methods of `dict` and its views, and the set operators of the keys and items views.
//!
//! Every method checks that `self` is a dict (or wraps one, for subclasses): the methods are
//! reachable through the class with any value (`dict.get(5, 1)`).

use crate::bytecode::opcode::BinaryOp;
use crate::native_fn;
use crate::obj::iter::{iter_of, IterKind};
use crate::obj::types::*;
use crate::obj::{self, dict, table, tuple, Attr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// `self` of a dict method: the dict, or the dict inside an instance of a subclass.
fn this(cx: &mut Cx, v: Value, name: &str) -> PyResult<Value> {
    let b = ops::instance_base(v).unwrap_or(v);
    if obj::kind_of(b) == Kind::Dict && b.is_ptr() {
        return Ok(b);
    }
    Err(super::list::descriptor_error(cx, name, "dict", v))
}

/// The dict and which view (0 keys, 1 values, 2 items) of a dict view value.
pub(crate) fn view_of(v: Value) -> Option<(Value, usize)> {
    iter_of(v)
        .filter(|it| it.kind == IterKind::DictView)
        .map(|it| (it.a, it.i))
}

fn view(cx: &mut Cx, d: Value, which: usize, ty: &'static crate::obj::TypeObj) -> PyResult<Value> {
    let v = obj::iter::new(cx, ty, IterKind::DictView, d, Value::NULL)?;
    if let Some(it) = iter_of(v) {
        it.i = which;
    }
    Ok(v)
}

fn keys(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "keys")?;
    view(cx, d, 0, &DICT_KEYS_TYPE)
}
fn values(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "values")?;
    view(cx, d, 1, &DICT_VALUES_TYPE)
}
fn items(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "items")?;
    view(cx, d, 2, &DICT_ITEMS_TYPE)
}

fn get(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "get")?;
    Ok(dict::get(cx, d, a[1])?.unwrap_or(a.get(2).copied().unwrap_or(Value::NONE)))
}

fn pop(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "pop")?;
    match table::remove(cx, d, a[1])? {
        Some((_, v)) => Ok(v),
        None => match a.get(2) {
            Some(&dv) => Ok(dv),
            None => Err(cx.raise_with_arg(&KEY_ERROR_TYPE, a[1])),
        },
    }
}

fn popitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "popitem")?;
    let last = table::table_of(d)
        .entries()
        .iter()
        .rposition(|e| !e.key.is_null());
    let Some(i) = last else {
        return Err(cx.raise_msg(&KEY_ERROR_TYPE, crate::flavour::msg::POPITEM_EMPTY));
    };
    let (k, v) = {
        let e = table::table_of(d).entries()[i];
        (e.key, e.value)
    };
    let r = tuple::new(cx, &[k, v])?;
    // The allocation runs no Python: the entry is still where it was.
    table::remove_entry(d, i);
    Ok(r)
}

fn setdefault(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "setdefault")?;
    if let Some(v) = dict::get(cx, d, a[1])? {
        return Ok(v);
    }
    let dv = a.get(2).copied().unwrap_or(Value::NONE);
    dict::set(cx, d, a[1], dv)?;
    Ok(dv)
}

/// `d.update(other)` with a mapping (a dict, or anything with `keys()`) or an iterable of
/// pairs.
pub fn update_from(cx: &mut Cx, d: Value, other: Value) -> PyResult<()> {
    let d = ops::instance_base(d).unwrap_or(d);
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
        if table::table_of(d).len == 0 && d != other {
            return table::copy_into(cx, d, other);
        }
        let mut i = 0;
        while let Some((next, k, v)) = table::next_entry(other, i) {
            dict::set(cx, d, k, v)?;
            i = next;
        }
        return Ok(());
    }
    let mark = cx.roots_mark();
    if ops::is_user_object(other) || view_of(other).is_some() {
        if let Some(keys) = ops::getattr_opt(cx, other, q::keys.value())? {
            let ks = cx.call(keys, &[], &[])?;
            cx.root(ks)?;
            let it = ops::get_iter(cx, ks)?;
            cx.root(it)?;
            while let Some(k) = ops::iter_next(cx, it)? {
                cx.root(k)?;
                let v = ops::getitem(cx, other, k)?;
                cx.root(v)?;
                dict::set(cx, d, k, v)?;
            }
            cx.roots_truncate(mark);
            return Ok(());
        }
    }
    let it = ops::get_iter(cx, other)?;
    cx.root(it)?;
    let at = cx.roots_mark();
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
        cx.roots_truncate(at);
    }
    cx.roots_truncate(mark);
    Ok(())
}

/// Store keyword arguments (name, value pairs) in a dict.
pub fn update_kw(cx: &mut Cx, d: Value, kw: &[Value]) -> PyResult<()> {
    let mut i = 0;
    while i + 1 < kw.len() {
        dict::set(cx, d, kw[i], kw[i + 1])?;
        i += 2;
    }
    Ok(())
}

fn update(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "update")?;
    if let Some(&o) = a.get(1) {
        update_from(cx, d, o)?;
    }
    update_kw(cx, d, kw)?;
    Ok(Value::NONE)
}

fn clear(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "clear")?;
    table::clear(cx, d);
    Ok(Value::NONE)
}

fn copy(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let src = this(cx, a[0], "copy")?;
    let d = dict::new(cx)?;
    let mark = cx.roots_mark();
    cx.root(d)?;
    table::copy_into(cx, d, src)?;
    cx.roots_truncate(mark);
    Ok(d)
}

fn fromkeys(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (cls, src) = (a[0], a[1]);
    let v = a.get(2).copied().unwrap_or(Value::NONE);
    let mark = cx.roots_mark();
    let d = if cls == Value::from_static(&DICT_TYPE) || obj::kind_of(cls) != Kind::Type {
        dict::new(cx)?
    } else {
        cx.call(cls, &[], &[])?
    };
    cx.root(d)?;
    let it = ops::get_iter(cx, src)?;
    cx.root(it)?;
    while let Some(k) = ops::iter_next(cx, it)? {
        cx.root(k)?;
        if obj::kind_of(d) == Kind::Dict {
            dict::set(cx, d, k, v)?;
        } else {
            ops::setitem(cx, d, k, v)?;
        }
    }
    cx.roots_truncate(mark);
    Ok(d)
}

fn d_getitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "__getitem__")?;
    match dict::get(cx, d, a[1])? {
        Some(v) => Ok(v),
        None => Err(cx.raise_with_arg(&KEY_ERROR_TYPE, a[1])),
    }
}

fn d_setitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "__setitem__")?;
    dict::set(cx, d, a[1], a[2])?;
    Ok(Value::NONE)
}

fn d_delitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "__delitem__")?;
    match table::remove(cx, d, a[1])? {
        Some(_) => Ok(Value::NONE),
        None => Err(cx.raise_with_arg(&KEY_ERROR_TYPE, a[1])),
    }
}

fn d_contains(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "__contains__")?;
    Ok(Value::bool(dict::get(cx, d, a[1])?.is_some()))
}

fn d_len(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "__len__")?;
    Ok(Value::small_int_unchecked(table::table_of(d).len as isize))
}

fn d_iter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = this(cx, a[0], "__iter__")?;
    table::iter_new(cx, d, IterKind::DictKeys)
}

/// `a == b` for dicts: same keys, and values equal (or identical).
pub fn dict_eq(cx: &mut Cx, a: Value, b: Value) -> PyResult<bool> {
    if table::table_of(a).len != table::table_of(b).len {
        return Ok(false);
    }
    let mut i = 0;
    while let Some((next, k, v)) = table::next_entry(a, i) {
        let mark = cx.roots_mark();
        cx.root(k)?;
        cx.root(v)?;
        let w = dict::get(cx, b, k)?;
        let same = match w {
            Some(w) => ops::eq_or_same(cx, v, w)?,
            None => false,
        };
        cx.roots_truncate(mark);
        if !same {
            return Ok(false);
        }
        i = next;
    }
    Ok(true)
}

/// `a | b` (a new dict; `b` must be a dict) or `a |= b` (`b` any mapping or iterable of
/// pairs).
pub fn dict_or(cx: &mut Cx, a: Value, b: Value, inplace: bool) -> PyResult<Value> {
    let mark = cx.roots_mark();
    let d = if inplace {
        a
    } else {
        let d = dict::new(cx)?;
        cx.root(d)?;
        table::copy_into(cx, d, a)?;
        d
    };
    cx.root(d)?;
    update_from(cx, d, b)?;
    cx.roots_truncate(mark);
    Ok(d)
}

/// A new set holding the members of a dict view (keys, or `(key, value)` items).
fn view_set(cx: &mut Cx, v: Value) -> PyResult<Value> {
    let s = crate::obj::set::new(cx)?;
    let mark = cx.roots_mark();
    cx.root(s)?;
    super::set::add_all(cx, s, v)?;
    cx.roots_truncate(mark);
    Ok(s)
}

/// Whether `v` is a keys or items view (the views that act as sets).
fn is_set_view(v: Value) -> bool {
    view_of(v).is_some_and(|(_, which)| which != 1)
}

/// The set operators and comparisons of keys and items views (either operand may be the
/// view; the other may be any iterable for `& | - ^`, and must be a set or view to
/// compare). `None` when they do not apply.
pub fn view_binop(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    use BinaryOp::*;
    let plain = op.non_inplace();
    let (va, vb) = (is_set_view(a), is_set_view(b));
    if !va && !vb {
        return Ok(None);
    }
    let setlike = |v: Value| {
        is_set_view(v) || matches!(obj::kind_of(v), Kind::Set | Kind::FrozenSet) && v.is_ptr()
    };
    match plain {
        And | Or | Subtract | Xor => {}
        Less | LessEqual | More | MoreEqual if setlike(a) && setlike(b) => {}
        _ => return Ok(None),
    }
    let mark = cx.roots_mark();
    let sa = view_set(cx, a)?;
    cx.root(sa)?;
    let sb = if crate::obj::set::is_anyset(b) {
        b
    } else {
        view_set(cx, b)?
    };
    cx.root(sb)?;
    let r = super::set::set_binop(cx, plain, sa, sb);
    cx.roots_truncate(mark);
    r
}

/// `a == b` where one side is a dict view: keys and items views compare as sets, values
/// views only by identity.
pub fn view_eq(cx: &mut Cx, a: Value, b: Value) -> PyResult<Option<bool>> {
    let setlike = |v: Value| {
        is_set_view(v) || matches!(obj::kind_of(v), Kind::Set | Kind::FrozenSet) && v.is_ptr()
    };
    if !(is_set_view(a) || is_set_view(b)) {
        return Ok(None);
    }
    if !(setlike(a) && setlike(b)) {
        return Ok(Some(false));
    }
    let mark = cx.roots_mark();
    let sa = view_set(cx, a)?;
    cx.root(sa)?;
    let sb = view_set(cx, b)?;
    cx.root(sb)?;
    let r = super::set::set_eq(cx, sa, sb);
    cx.roots_truncate(mark);
    r.map(Some)
}

fn view_isdisjoint(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if !is_set_view(a[0]) {
        return Err(super::list::descriptor_error(
            cx,
            "isdisjoint",
            "dict_keys",
            a[0],
        ));
    }
    let mark = cx.roots_mark();
    let s = view_set(cx, a[0])?;
    cx.root(s)?;
    let it = ops::get_iter(cx, a[1])?;
    cx.root(it)?;
    let mut r = true;
    while let Some(x) = ops::iter_next(cx, it)? {
        cx.root(x)?;
        if table::get(cx, s, x)?.is_some() {
            r = false;
            break;
        }
    }
    cx.roots_truncate(mark);
    Ok(Value::bool(r))
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
native_fn!(D_GETITEM, q::__getitem__, 2, 2, false, d_getitem);
native_fn!(D_SETITEM, q::__setitem__, 3, 3, false, d_setitem);
native_fn!(D_DELITEM, q::__delitem__, 2, 2, false, d_delitem);
native_fn!(D_CONTAINS, q::__contains__, 2, 2, false, d_contains);
native_fn!(D_LEN, q::__len__, 1, 1, false, d_len);
native_fn!(D_ITER, q::__iter__, 1, 1, false, d_iter);
native_fn!(V_ISDISJOINT, q::isdisjoint, 2, 2, false, view_isdisjoint);

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
    crate::method!(q::__getitem__, D_GETITEM),
    crate::method!(q::__setitem__, D_SETITEM),
    crate::method!(q::__delitem__, D_DELITEM),
    crate::method!(q::__contains__, D_CONTAINS),
    crate::method!(q::__len__, D_LEN),
    crate::method!(q::__iter__, D_ITER),
];

/// Attributes of the views.
pub const DICT_VIEW_ATTRS: &[Attr] = &[crate::method!(q::isdisjoint, V_ISDISJOINT)];
