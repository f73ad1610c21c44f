//! Methods and operators of `set` and `frozenset`.

use crate::bytecode::opcode::BinaryOp;
use crate::native_fn;
use crate::obj::types::*;
use crate::obj::{self, set, table, Attr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// A new set (or frozenset, like `like`) with the members of `src` (any iterable).
fn new_like(cx: &mut Cx, like: Value, src: Value) -> PyResult<Value> {
    let s = if obj::kind_of(like) == Kind::FrozenSet {
        set::new_frozen(cx)?
    } else {
        set::new(cx)?
    };
    let mark = cx.roots_mark();
    cx.root(s)?;
    add_all(cx, s, src)?;
    cx.roots_truncate(mark);
    Ok(s)
}

/// Add every item of an iterable.
pub fn add_all(cx: &mut Cx, s: Value, src: Value) -> PyResult<()> {
    if set::is_anyset(src) || obj::kind_of(src) == Kind::Dict {
        let mut i = 0;
        while let Some((next, k, _)) = table::next_entry(src, i) {
            set::add(cx, s, k)?;
            i = next;
        }
        return Ok(());
    }
    let it = ops::get_iter(cx, src)?;
    let mark = cx.roots_mark();
    cx.root(it)?;
    while let Some(v) = ops::iter_next(cx, it)? {
        set::add(cx, s, v)?;
    }
    cx.roots_truncate(mark);
    Ok(())
}

/// A set view of any iterable (sets themselves, else a new set), rooted by the caller's mark.
fn as_set(cx: &mut Cx, v: Value) -> PyResult<Value> {
    if set::is_anyset(v) {
        return Ok(v);
    }
    let s = set::new(cx)?;
    cx.root(s)?;
    add_all(cx, s, v)?;
    Ok(s)
}

fn members_in(cx: &mut Cx, a: Value, b: Value, want: bool, out: Value) -> PyResult<()> {
    let mut i = 0;
    while let Some((next, k, _)) = table::next_entry(a, i) {
        if table::get(cx, b, k)?.is_some() == want {
            set::add(cx, out, k)?;
        }
        i = next;
    }
    Ok(())
}

fn is_subset(cx: &mut Cx, a: Value, b: Value) -> PyResult<bool> {
    if table::table_of(a).len > table::table_of(b).len {
        return Ok(false);
    }
    let mut i = 0;
    while let Some((next, k, _)) = table::next_entry(a, i) {
        if table::get(cx, b, k)?.is_none() {
            return Ok(false);
        }
        i = next;
    }
    Ok(true)
}

/// `a == b` for sets.
pub fn set_eq(cx: &mut Cx, a: Value, b: Value) -> PyResult<bool> {
    Ok(table::table_of(a).len == table::table_of(b).len && is_subset(cx, a, b)?)
}

fn empty_like(cx: &mut Cx, like: Value) -> PyResult<Value> {
    if obj::kind_of(like) == Kind::FrozenSet {
        set::new_frozen(cx)
    } else {
        set::new(cx)
    }
}

/// Set operators between two sets; `None` for operators sets don't have.
pub fn set_binop(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    use BinaryOp::*;
    let inplace = (op as u8) >= InplaceOr as u8
        && (op as u8) <= InplacePower as u8
        && obj::kind_of(a) == Kind::Set;
    let mark = cx.roots_mark();
    let r = match op.non_inplace() {
        Or => {
            let out = if inplace { a } else { new_like(cx, a, a)? };
            cx.root(out)?;
            add_all(cx, out, b)?;
            out
        }
        And => {
            let out = empty_like(cx, a)?;
            cx.root(out)?;
            members_in(cx, a, b, true, out)?;
            if inplace {
                table::clear(cx, a);
                add_all(cx, a, out)?;
                a
            } else {
                out
            }
        }
        Subtract => {
            let out = empty_like(cx, a)?;
            cx.root(out)?;
            members_in(cx, a, b, false, out)?;
            if inplace {
                table::clear(cx, a);
                add_all(cx, a, out)?;
                a
            } else {
                out
            }
        }
        Xor => {
            let out = empty_like(cx, a)?;
            cx.root(out)?;
            members_in(cx, a, b, false, out)?;
            members_in(cx, b, a, false, out)?;
            if inplace {
                table::clear(cx, a);
                add_all(cx, a, out)?;
                a
            } else {
                out
            }
        }
        Less => {
            Value::bool(table::table_of(a).len < table::table_of(b).len && is_subset(cx, a, b)?)
        }
        LessEqual => Value::bool(is_subset(cx, a, b)?),
        More => {
            Value::bool(table::table_of(b).len < table::table_of(a).len && is_subset(cx, b, a)?)
        }
        MoreEqual => Value::bool(is_subset(cx, b, a)?),
        _ => {
            cx.roots_truncate(mark);
            return Ok(None);
        }
    };
    cx.roots_truncate(mark);
    Ok(Some(r))
}

/// `self` of a set method: the set, or the set inside an instance of a subclass. `frozen`
/// allows frozensets too (for the methods they share).
fn this(cx: &mut Cx, v: Value, name: &str, frozen: bool) -> PyResult<Value> {
    let b = ops::instance_base(v).unwrap_or(v);
    match obj::kind_of(b) {
        Kind::Set if b.is_ptr() => Ok(b),
        Kind::FrozenSet if b.is_ptr() && frozen => Ok(b),
        _ => Err(super::list::descriptor_error(cx, name, "set", v)),
    }
}

/// A key to look up in a set: a set argument stands for the frozenset with its members
/// (CPython lets `s.remove({1})` find `frozenset({1})`).
fn lookup_key(cx: &mut Cx, k: Value) -> PyResult<Value> {
    if obj::kind_of(k) == Kind::Set && k.is_ptr() {
        let f = set::new_frozen(cx)?;
        cx.root(f)?;
        add_all(cx, f, k)?;
        return Ok(f);
    }
    Ok(k)
}

/// `item in s` for a set or frozenset `s` (a set item is looked up as a frozenset).
pub fn contains(cx: &mut Cx, s: Value, item: Value) -> PyResult<bool> {
    let mark = cx.roots_mark();
    let k = lookup_key(cx, item)?;
    let r = table::get(cx, s, k);
    cx.roots_truncate(mark);
    Ok(r?.is_some())
}

fn add(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(cx, a[0], "add", false)?;
    set::add(cx, s, a[1])?;
    Ok(Value::NONE)
}

fn discard(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(cx, a[0], "discard", false)?;
    let k = lookup_key(cx, a[1])?;
    table::remove(cx, s, k)?;
    Ok(Value::NONE)
}

fn remove(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(cx, a[0], "remove", false)?;
    let k = lookup_key(cx, a[1])?;
    match table::remove(cx, s, k)? {
        Some(_) => Ok(Value::NONE),
        None => Err(cx.raise_with_arg(&KEY_ERROR_TYPE, a[1])),
    }
}

fn pop(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(cx, a[0], "pop", false)?;
    match table::next_entry(s, 0) {
        Some((next, k, _)) => {
            table::remove_entry(s, next - 1);
            Ok(k)
        }
        None => Err(cx.raise_msg(&KEY_ERROR_TYPE, crate::flavour::msg::SET_POP_EMPTY)),
    }
}

fn clear(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(cx, a[0], "clear", false)?;
    table::clear(cx, s);
    Ok(Value::NONE)
}

fn copy(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(cx, a[0], "copy", true)?;
    new_like(cx, s, s)
}

fn s_contains(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(cx, a[0], "__contains__", true)?;
    let k = lookup_key(cx, a[1])?;
    Ok(Value::bool(table::get(cx, s, k)?.is_some()))
}

fn s_len(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(cx, a[0], "__len__", true)?;
    Ok(Value::small_int_unchecked(table::table_of(s).len as isize))
}

fn s_iter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(cx, a[0], "__iter__", true)?;
    table::iter_new(cx, s, crate::obj::iter::IterKind::Set)
}

fn multi(cx: &mut Cx, a: &[Value], op: BinaryOp, name: &str) -> PyResult<Value> {
    let inplace = matches!(
        op,
        BinaryOp::InplaceOr
            | BinaryOp::InplaceAnd
            | BinaryOp::InplaceSubtract
            | BinaryOp::InplaceXor
    );
    let first = this(cx, a[0], name, !inplace)?;
    let mark = cx.roots_mark();
    let mut acc = if inplace {
        first
    } else {
        new_like(cx, first, first)?
    };
    cx.root(acc)?;
    for &o in &a[1..] {
        let s = as_set(cx, o)?;
        acc = set_binop(cx, op, acc, s)?.unwrap_or(acc);
        cx.root(acc)?;
    }
    cx.roots_truncate(mark);
    if inplace {
        return Ok(Value::NONE);
    }
    Ok(acc)
}

fn union(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    multi(cx, a, BinaryOp::Or, "union")
}
fn intersection(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    multi(cx, a, BinaryOp::And, "intersection")
}
fn difference(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    multi(cx, a, BinaryOp::Subtract, "difference")
}
fn symmetric_difference(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    multi(cx, a, BinaryOp::Xor, "symmetric_difference")
}
fn update(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(cx, a[0], "update", false)?;
    for &o in &a[1..] {
        add_all(cx, s, o)?;
    }
    Ok(Value::NONE)
}
fn intersection_update(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    multi(cx, a, BinaryOp::InplaceAnd, "intersection_update")
}
fn difference_update(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    multi(cx, a, BinaryOp::InplaceSubtract, "difference_update")
}
fn symmetric_difference_update(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    multi(cx, a, BinaryOp::InplaceXor, "symmetric_difference_update")
}

fn issubset(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(cx, a[0], "issubset", true)?;
    let mark = cx.roots_mark();
    let b = as_set(cx, a[1])?;
    let r = is_subset(cx, s, b)?;
    cx.roots_truncate(mark);
    Ok(Value::bool(r))
}
fn issuperset(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(cx, a[0], "issuperset", true)?;
    let mark = cx.roots_mark();
    let b = as_set(cx, a[1])?;
    let r = is_subset(cx, b, s)?;
    cx.roots_truncate(mark);
    Ok(Value::bool(r))
}
fn isdisjoint(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(cx, a[0], "isdisjoint", true)?;
    let mark = cx.roots_mark();
    let b = as_set(cx, a[1])?;
    let mut i = 0;
    let mut r = true;
    while let Some((next, k, _)) = table::next_entry(s, i) {
        if table::get(cx, b, k)?.is_some() {
            r = false;
            break;
        }
        i = next;
    }
    cx.roots_truncate(mark);
    Ok(Value::bool(r))
}

native_fn!(SET_CONTAINS, q::__contains__, 2, 2, false, s_contains);
native_fn!(SET_LEN, q::__len__, 1, 1, false, s_len);
native_fn!(SET_ITER, q::__iter__, 1, 1, false, s_iter);
native_fn!(SET_ADD, q::add, 2, 2, false, add);
native_fn!(SET_DISCARD, q::discard, 2, 2, false, discard);
native_fn!(SET_REMOVE, q::remove, 2, 2, false, remove);
native_fn!(SET_POP, q::pop, 1, 1, false, pop);
native_fn!(SET_CLEAR, q::clear, 1, 1, false, clear);
native_fn!(SET_COPY, q::copy, 1, 1, false, copy);
native_fn!(
    SET_UNION,
    q::union,
    1,
    crate::obj::func::VARARGS,
    false,
    union
);
native_fn!(
    SET_INTERSECTION,
    q::intersection,
    1,
    crate::obj::func::VARARGS,
    false,
    intersection
);
native_fn!(
    SET_DIFFERENCE,
    q::difference,
    1,
    crate::obj::func::VARARGS,
    false,
    difference
);
native_fn!(
    SET_SYMDIFF,
    q::symmetric_difference,
    2,
    2,
    false,
    symmetric_difference
);
native_fn!(
    SET_UPDATE,
    q::update,
    1,
    crate::obj::func::VARARGS,
    false,
    update
);
native_fn!(
    SET_INTERSECTION_UPDATE,
    q::intersection_update,
    1,
    crate::obj::func::VARARGS,
    false,
    intersection_update
);
native_fn!(
    SET_DIFFERENCE_UPDATE,
    q::difference_update,
    1,
    crate::obj::func::VARARGS,
    false,
    difference_update
);
native_fn!(
    SET_SYMDIFF_UPDATE,
    q::symmetric_difference_update,
    2,
    2,
    false,
    symmetric_difference_update
);
native_fn!(SET_ISSUBSET, q::issubset, 2, 2, false, issubset);
native_fn!(SET_ISSUPERSET, q::issuperset, 2, 2, false, issuperset);
native_fn!(SET_ISDISJOINT, q::isdisjoint, 2, 2, false, isdisjoint);

/// `set`'s attributes.
pub const SET_ATTRS: &[Attr] = &[
    crate::method!(q::add, SET_ADD),
    crate::method!(q::discard, SET_DISCARD),
    crate::method!(q::remove, SET_REMOVE),
    crate::method!(q::pop, SET_POP),
    crate::method!(q::clear, SET_CLEAR),
    crate::method!(q::copy, SET_COPY),
    crate::method!(q::union, SET_UNION),
    crate::method!(q::intersection, SET_INTERSECTION),
    crate::method!(q::difference, SET_DIFFERENCE),
    crate::method!(q::symmetric_difference, SET_SYMDIFF),
    crate::method!(q::update, SET_UPDATE),
    crate::method!(q::intersection_update, SET_INTERSECTION_UPDATE),
    crate::method!(q::difference_update, SET_DIFFERENCE_UPDATE),
    crate::method!(q::symmetric_difference_update, SET_SYMDIFF_UPDATE),
    crate::method!(q::issubset, SET_ISSUBSET),
    crate::method!(q::issuperset, SET_ISSUPERSET),
    crate::method!(q::isdisjoint, SET_ISDISJOINT),
    crate::method!(q::__contains__, SET_CONTAINS),
    crate::method!(q::__len__, SET_LEN),
    crate::method!(q::__iter__, SET_ITER),
];

/// `frozenset`'s attributes.
pub const FROZENSET_ATTRS: &[Attr] = &[
    crate::method!(q::copy, SET_COPY),
    crate::method!(q::union, SET_UNION),
    crate::method!(q::intersection, SET_INTERSECTION),
    crate::method!(q::difference, SET_DIFFERENCE),
    crate::method!(q::symmetric_difference, SET_SYMDIFF),
    crate::method!(q::issubset, SET_ISSUBSET),
    crate::method!(q::issuperset, SET_ISSUPERSET),
    crate::method!(q::isdisjoint, SET_ISDISJOINT),
    crate::method!(q::__contains__, SET_CONTAINS),
    crate::method!(q::__len__, SET_LEN),
    crate::method!(q::__iter__, SET_ITER),
];
