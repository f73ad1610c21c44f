//! `collections`: `namedtuple`, `OrderedDict`, `deque`.
//!
//! * `namedtuple(name, fields)` makes a class deriving from `tuple` whose fields are
//!   properties; `_fields`, `_make`, `_asdict` and `_replace` as in CPython.
//! * `OrderedDict` derives from `dict` (whose order is already insertion order); its repr is
//!   MicroPython's `OrderedDict({...})`. `move_to_end` and `popitem(last=...)` are CPython's.
//! * `deque(iterable=(), maxlen=None)` has CPython's semantics (an optional `maxlen` that
//!   discards from the other end) and repr; the items live in a list. Errors on an empty
//!   deque are MicroPython's `IndexError: empty`.

use super::native::{self, ClassDef, Member};
use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, dict, list, str as pystr, table, tuple, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

// ---------------------------------------------------------------------------------------
// deque: an instance whose base is a record (items list, maxlen or None).

fn deque_rec(cx: &mut Cx, v: Value) -> PyResult<(Value, Option<usize>)> {
    let r = native::record_of(cx, v, 2, "deque")?;
    let l = native::field(r, 0);
    if obj::kind_of(l) != Kind::List {
        return Err(cx.type_error("'deque' object required"));
    }
    let m = native::field(r, 1)
        .as_small_int()
        .map(|m| m.max(0) as usize);
    Ok((l, m))
}

fn items(l: Value) -> &'static [Value] {
    list::items_of(l).unwrap_or(&[])
}

fn set_len(cx: &mut Cx, l: Value, n: usize) {
    if let Some(lo) = obj::get_mut::<list::ListObj>(cx, l) {
        if n <= lo.len {
            lo.len = n;
        }
    }
}

/// Remove item `i` of list `l` (in range), returning it.
fn remove_at(cx: &mut Cx, l: Value, i: usize) -> Value {
    let Some(lo) = obj::get_mut::<list::ListObj>(cx, l) else {
        return Value::NONE;
    };
    let n = lo.len;
    if i >= n {
        return Value::NONE;
    }
    let s = lo.items_mut();
    let v = s[i];
    s.copy_within(i + 1..n, i);
    lo.len = n - 1;
    v
}

/// Insert `v` at `i` (clamped) in list `l`.
fn insert_at(cx: &mut Cx, l: Value, i: usize, v: Value) -> PyResult<()> {
    list::append(cx, l, v)?;
    let Some(lo) = obj::get_mut::<list::ListObj>(cx, l) else {
        return Ok(());
    };
    let n = lo.len;
    let i = i.min(n - 1);
    let s = lo.items_mut();
    s.copy_within(i..n - 1, i + 1);
    s[i] = v;
    Ok(())
}

fn push_right(cx: &mut Cx, l: Value, max: Option<usize>, v: Value) -> PyResult<()> {
    if max == Some(0) {
        return Ok(());
    }
    list::append(cx, l, v)?;
    if let Some(m) = max {
        while items(l).len() > m {
            remove_at(cx, l, 0);
        }
    }
    Ok(())
}

fn push_left(cx: &mut Cx, l: Value, max: Option<usize>, v: Value) -> PyResult<()> {
    if max == Some(0) {
        return Ok(());
    }
    insert_at(cx, l, 0, v)?;
    if let Some(m) = max {
        if items(l).len() > m {
            set_len(cx, l, m);
        }
    }
    Ok(())
}

/// Feed every item of `it` to `push`.
fn each(cx: &mut Cx, it: Value, mut f: impl FnMut(&mut Cx, Value) -> PyResult<()>) -> PyResult<()> {
    let iter = ops::get_iter(cx, it)?;
    let mark = cx.roots_mark();
    cx.root(iter)?;
    let r = (|| {
        while let Some(v) = ops::iter_next(cx, iter)? {
            let m2 = cx.roots_mark();
            cx.root(v)?;
            f(cx, v)?;
            cx.roots_truncate(m2);
        }
        Ok(())
    })();
    cx.roots_truncate(mark);
    r
}

fn deque_new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [it, maxlen, _flags] =
        crate::builtins::args::parse(cx, &a[1..], k, ["iterable", "maxlen", "flags"], 3)?;
    let max = if maxlen.is_null() || maxlen.is_none() {
        Value::NONE
    } else {
        let m = crate::vm::seq::int_arg(cx, maxlen)?;
        if m < 0 {
            return Err(cx.value_error("maxlen must be non-negative"));
        }
        Value::small_int_unchecked(m)
    };
    let l = list::with_capacity(cx, 0)?;
    let mark = cx.roots_mark();
    cx.root(l)?;
    let r = (|| {
        let rec = native::new_record(cx, &[l, max])?;
        cx.root(rec)?;
        let d = native::new_instance(cx, a[0], rec)?;
        cx.root(d)?;
        if !it.is_null() {
            let m = max.as_small_int().map(|m| m as usize);
            each(cx, it, |cx, v| push_right(cx, l, m, v))?;
        }
        Ok(d)
    })();
    cx.roots_truncate(mark);
    r
}

fn deque_append(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, m) = deque_rec(cx, a[0])?;
    push_right(cx, l, m, a[1])?;
    Ok(Value::NONE)
}

fn deque_appendleft(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, m) = deque_rec(cx, a[0])?;
    push_left(cx, l, m, a[1])?;
    Ok(Value::NONE)
}

fn deque_extend(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, m) = deque_rec(cx, a[0])?;
    // Extending a deque by itself iterates over a snapshot.
    let src = if native::is_instance_of(a[1], Value::from_ptr(obj::type_of(a[0]))) && a[1] == a[0] {
        list::new(cx, items(l))?
    } else {
        a[1]
    };
    let mark = cx.roots_mark();
    cx.root(src)?;
    let r = each(cx, src, |cx, v| push_right(cx, l, m, v));
    cx.roots_truncate(mark);
    r?;
    Ok(Value::NONE)
}

fn deque_extendleft(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, m) = deque_rec(cx, a[0])?;
    let src = if a[1] == a[0] {
        list::new(cx, items(l))?
    } else {
        a[1]
    };
    let mark = cx.roots_mark();
    cx.root(src)?;
    let r = each(cx, src, |cx, v| push_left(cx, l, m, v));
    cx.roots_truncate(mark);
    r?;
    Ok(Value::NONE)
}

fn deque_pop(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    let n = items(l).len();
    if n == 0 {
        return Err(cx.index_error("empty"));
    }
    Ok(remove_at(cx, l, n - 1))
}

fn deque_popleft(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    if items(l).is_empty() {
        return Err(cx.index_error("empty"));
    }
    Ok(remove_at(cx, l, 0))
}

fn deque_clear(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    set_len(cx, l, 0);
    Ok(Value::NONE)
}

fn deque_len(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    Ok(Value::small_int_unchecked(items(l).len() as isize))
}

fn deque_bool(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    Ok(Value::bool(!items(l).is_empty()))
}

fn deque_iter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    ops::get_iter(cx, l)
}

fn deque_index_of(cx: &mut Cx, l: Value, i: Value) -> PyResult<usize> {
    let idx = crate::vm::seq::index_value(cx, i, "deque")?;
    match crate::vm::seq::norm_index(idx, items(l).len()) {
        Some(j) => Ok(j),
        None => Err(cx.index_error("deque index out of range")),
    }
}

fn deque_getitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    let j = deque_index_of(cx, l, a[1])?;
    Ok(items(l).get(j).copied().unwrap_or(Value::NONE))
}

fn deque_setitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    let j = deque_index_of(cx, l, a[1])?;
    crate::gc::write_barrier(cx, a[2]);
    if let Some(lo) = obj::get_mut::<list::ListObj>(cx, l) {
        if let Some(s) = lo.items_mut().get_mut(j) {
            *s = a[2];
        }
    }
    Ok(Value::NONE)
}

fn deque_delitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    let j = deque_index_of(cx, l, a[1])?;
    remove_at(cx, l, j);
    Ok(Value::NONE)
}

fn deque_contains(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    let mut i = 0;
    while let Some(&x) = items(l).get(i) {
        if ops::eq(cx, x, a[1])? {
            return Ok(Value::TRUE);
        }
        i += 1;
    }
    Ok(Value::FALSE)
}

fn deque_count(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    let (mut i, mut n) = (0, 0);
    while let Some(&x) = items(l).get(i) {
        if ops::eq(cx, x, a[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::small_int_unchecked(n))
}

fn deque_remove(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    let mut i = 0;
    while let Some(&x) = items(l).get(i) {
        if ops::eq(cx, x, a[1])? {
            remove_at(cx, l, i);
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(cx.value_error("deque.remove(x): x not in deque"))
}

fn deque_reverse(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    if let Some(lo) = obj::get_mut::<list::ListObj>(cx, l) {
        lo.items_mut().reverse();
    }
    Ok(Value::NONE)
}

fn deque_rotate(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    let n = match a.get(1) {
        Some(&v) => crate::vm::seq::int_arg(cx, v)?,
        None => 1,
    };
    if let Some(lo) = obj::get_mut::<list::ListObj>(cx, l) {
        let len = lo.len;
        if len > 0 {
            let k = n.rem_euclid(len as isize) as usize;
            lo.items_mut().rotate_right(k);
        }
    }
    Ok(Value::NONE)
}

fn deque_copy(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, m) = deque_rec(cx, a[0])?;
    let l2 = list::new(cx, items(l))?;
    let mark = cx.roots_mark();
    cx.root(l2)?;
    let max = m.map_or(Value::NONE, |m| Value::small_int_unchecked(m as isize));
    let r = native::new_record(cx, &[l2, max]).and_then(|rec| {
        cx.root(rec)?;
        native::new_instance(cx, Value::from_ptr(obj::type_of(a[0])), rec)
    });
    cx.roots_truncate(mark);
    r
}

fn deque_maxlen(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (_, m) = deque_rec(cx, a[0])?;
    Ok(m.map_or(Value::NONE, |m| Value::small_int_unchecked(m as isize)))
}

fn deque_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, m) = deque_rec(cx, a[0])?;
    let mut b = StrBuilder::new(cx);
    b.push(b"deque(");
    crate::obj::methods::repr::write_repr(cx, &mut b, l, 1)?;
    if let Some(m) = m {
        let _ = core::fmt::Write::write_fmt(&mut b, format_args!(", maxlen={m}"));
    }
    b.push_byte(b')');
    b.finish(cx)
}

fn deque_eq(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (l, _) = deque_rec(cx, a[0])?;
    if !native::is_instance_of(a[1], Value::from_ptr(obj::type_of(a[0]))) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (l2, _) = deque_rec(cx, a[1])?;
    Ok(Value::bool(ops::eq(cx, l, l2)?))
}

native_fn!(DEQUE_NEW, q::__new__, 1, 4, true, deque_new);
native_fn!(DEQUE_APPEND, q::append, 2, 2, false, deque_append);
native_fn!(
    DEQUE_APPENDLEFT,
    q::appendleft,
    2,
    2,
    false,
    deque_appendleft
);
native_fn!(DEQUE_EXTEND, q::extend, 2, 2, false, deque_extend);
native_fn!(
    DEQUE_EXTENDLEFT,
    q::extendleft,
    2,
    2,
    false,
    deque_extendleft
);
native_fn!(DEQUE_POP, q::pop, 1, 1, false, deque_pop);
native_fn!(DEQUE_POPLEFT, q::popleft, 1, 1, false, deque_popleft);
native_fn!(DEQUE_CLEAR, q::clear, 1, 1, false, deque_clear);
native_fn!(DEQUE_LEN, q::__len__, 1, 1, false, deque_len);
native_fn!(DEQUE_BOOL, q::__bool__, 1, 1, false, deque_bool);
native_fn!(DEQUE_ITER, q::__iter__, 1, 1, false, deque_iter);
native_fn!(DEQUE_GETITEM, q::__getitem__, 2, 2, false, deque_getitem);
native_fn!(DEQUE_SETITEM, q::__setitem__, 3, 3, false, deque_setitem);
native_fn!(DEQUE_DELITEM, q::__delitem__, 2, 2, false, deque_delitem);
native_fn!(DEQUE_CONTAINS, q::__contains__, 2, 2, false, deque_contains);
native_fn!(DEQUE_COUNT, q::count, 2, 2, false, deque_count);
native_fn!(DEQUE_REMOVE, q::remove, 2, 2, false, deque_remove);
native_fn!(DEQUE_REVERSE, q::reverse, 1, 1, false, deque_reverse);
native_fn!(DEQUE_ROTATE, q::rotate, 1, 2, false, deque_rotate);
native_fn!(DEQUE_COPY, q::copy, 1, 1, false, deque_copy);
native_fn!(DEQUE_MAXLEN, q::maxlen, 1, 1, false, deque_maxlen);
native_fn!(DEQUE_REPR, q::__repr__, 1, 1, false, deque_repr);
native_fn!(DEQUE_EQ, q::__eq__, 2, 2, false, deque_eq);

static DEQUE_CLASS: ClassDef = ClassDef {
    name: &q::deque,
    base: &OBJECT_TYPE,
    members: &[
        (&q::__new__, Member::Method(&DEQUE_NEW)),
        (&q::append, Member::Method(&DEQUE_APPEND)),
        (&q::appendleft, Member::Method(&DEQUE_APPENDLEFT)),
        (&q::extend, Member::Method(&DEQUE_EXTEND)),
        (&q::extendleft, Member::Method(&DEQUE_EXTENDLEFT)),
        (&q::pop, Member::Method(&DEQUE_POP)),
        (&q::popleft, Member::Method(&DEQUE_POPLEFT)),
        (&q::clear, Member::Method(&DEQUE_CLEAR)),
        (&q::__len__, Member::Method(&DEQUE_LEN)),
        (&q::__bool__, Member::Method(&DEQUE_BOOL)),
        (&q::__iter__, Member::Method(&DEQUE_ITER)),
        (&q::__getitem__, Member::Method(&DEQUE_GETITEM)),
        (&q::__setitem__, Member::Method(&DEQUE_SETITEM)),
        (&q::__delitem__, Member::Method(&DEQUE_DELITEM)),
        (&q::__contains__, Member::Method(&DEQUE_CONTAINS)),
        (&q::count, Member::Method(&DEQUE_COUNT)),
        (&q::remove, Member::Method(&DEQUE_REMOVE)),
        (&q::reverse, Member::Method(&DEQUE_REVERSE)),
        (&q::rotate, Member::Method(&DEQUE_ROTATE)),
        (&q::copy, Member::Method(&DEQUE_COPY)),
        (&q::maxlen, Member::Getter(&DEQUE_MAXLEN)),
        (&q::__repr__, Member::Method(&DEQUE_REPR)),
        (&q::__eq__, Member::Method(&DEQUE_EQ)),
    ],
};

// ---------------------------------------------------------------------------------------
// OrderedDict: a dict subclass.

fn od_dict(cx: &mut Cx, v: Value) -> PyResult<Value> {
    native::state_of(cx, v, Kind::Dict, "OrderedDict")
}

fn od_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = od_dict(cx, a[0])?;
    let mut b = StrBuilder::new(cx);
    let name = ops::alloc_free_name(cx.type_name(a[0]));
    let _ = core::fmt::Write::write_fmt(&mut b, format_args!("{name}("));
    crate::obj::methods::repr::write_repr(cx, &mut b, d, 1)?;
    b.push_byte(b')');
    b.finish(cx)
}

fn od_move_to_end(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [key, last] = crate::builtins::args::parse(cx, &a[1..], k, ["key", "last"], 2)?;
    let d = od_dict(cx, a[0])?;
    let Some((key, v)) = table::remove(cx, d, key)? else {
        return Err(cx.raise_with_arg(&KEY_ERROR_TYPE, key));
    };
    let mark = cx.roots_mark();
    cx.root(key)?;
    cx.root(v)?;
    let at_end = last.is_null() || ops::truthy(cx, last)?;
    let r = if at_end {
        dict::set(cx, d, key, v)
    } else {
        // Rebuild with the key first.
        (|| {
            let old = dict::new(cx)?;
            cx.root(old)?;
            table::copy_into(cx, old, d)?;
            table::clear(cx, d);
            dict::set(cx, d, key, v)?;
            table::copy_into(cx, d, old)
        })()
    };
    cx.roots_truncate(mark);
    r?;
    Ok(Value::NONE)
}

fn od_popitem(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [last] = crate::builtins::args::parse(cx, &a[1..], k, ["last"], 1)?;
    let d = od_dict(cx, a[0])?;
    let at_end = last.is_null() || ops::truthy(cx, last)?;
    // The first or last live entry.
    let mut i = 0;
    let mut pick = None;
    while let Some((next, key, _)) = table::next_entry(d, i) {
        pick = Some(key);
        i = next;
        if !at_end {
            break;
        }
    }
    let Some(key) = pick else {
        return Err(cx.raise_msg(&KEY_ERROR_TYPE, crate::flavour::msg::POPITEM_EMPTY));
    };
    let Some((key, v)) = table::remove(cx, d, key)? else {
        return Err(cx.raise_with_arg(&KEY_ERROR_TYPE, key));
    };
    let mark = cx.roots_mark();
    cx.root(key)?;
    cx.root(v)?;
    let t = tuple::new(cx, &[key, v]);
    cx.roots_truncate(mark);
    t
}

native_fn!(OD_REPR, q::__repr__, 1, 1, false, od_repr);
native_fn!(OD_MOVE_TO_END, q::move_to_end, 2, 3, true, od_move_to_end);
native_fn!(OD_POPITEM, q::popitem, 1, 2, true, od_popitem);

static ORDERED_DICT_CLASS: ClassDef = ClassDef {
    name: &q::OrderedDict,
    base: &DICT_TYPE,
    members: &[
        (&q::__repr__, Member::Method(&OD_REPR)),
        (&q::move_to_end, Member::Method(&OD_MOVE_TO_END)),
        (&q::popitem, Member::Method(&OD_POPITEM)),
    ],
};

// ---------------------------------------------------------------------------------------
// namedtuple: classes deriving from tuple, made at run time.

/// The `_fields` tuple of a namedtuple class (or of the class of an instance).
fn fields_of(cx: &mut Cx, cls: Value) -> PyResult<Value> {
    let f = match crate::vm::attr::type_lookup(
        cls.raw() as *const crate::obj::TypeObj,
        q::_fields.value(),
    ) {
        Some(crate::vm::attr::Found::Value(f)) => f,
        _ => Value::NULL,
    };
    if tuple::items_of(f).is_none() || obj::kind_of(f) != Kind::Tuple {
        return Err(cx.type_error("namedtuple class without _fields"));
    }
    Ok(f)
}

fn nt_values(cx: &mut Cx, v: Value) -> PyResult<Value> {
    native::state_of(cx, v, Kind::Tuple, "namedtuple")
}

/// `cls(*args, **kw)`: bind the fields by position and by name.
fn nt_new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let cls = a[0];
    if obj::kind_of(cls) != Kind::Type {
        return Err(cx.type_error("namedtuple.__new__(X): X is not a type"));
    }
    let fields = fields_of(cx, cls)?;
    let n = tuple::items_of(fields).map_or(0, |f| f.len());
    let args = &a[1..];
    // SAFETY: a kind-checked live type.
    let name = unsafe { (*(cls.raw() as *const crate::obj::TypeObj)).name_bytes() };
    let name = ops::alloc_free_name(core::str::from_utf8(name).unwrap_or("?"));
    if args.len() > n {
        let (want, got) = (n + 1, args.len() + 1);
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("{name}.__new__() takes {want} positional arguments but {got} were given"),
        ));
    }
    let t = tuple::new_uninit(cx, n)?;
    let mark = cx.roots_mark();
    cx.root(t)?;
    for (i, &v) in args.iter().enumerate() {
        native::set_field(cx, t, i, v);
    }
    let r = (|| {
        let mut i = 0;
        while i + 1 < k.len() {
            let kn = pystr::bytes_of(k[i]).unwrap_or(&[]);
            let fs = tuple::items_of(fields).unwrap_or(&[]);
            let Some(j) = fs.iter().position(|&f| pystr::bytes_of(f) == Some(kn)) else {
                let kn = ops::alloc_free_name(pystr::str_of(k[i]).unwrap_or("?"));
                return Err(cx.raise_fmt(
                    &TYPE_ERROR_TYPE,
                    format_args!("unexpected keyword argument '{kn}'"),
                ));
            };
            if !tuple::items_of(t).is_some_and(|s| s[j].is_null()) {
                let kn = ops::alloc_free_name(pystr::str_of(k[i]).unwrap_or("?"));
                return Err(cx.raise_fmt(
                    &TYPE_ERROR_TYPE,
                    format_args!("{name}.__new__() got multiple values for argument '{kn}'"),
                ));
            }
            native::set_field(cx, t, j, k[i + 1]);
            i += 2;
        }
        // Defaults for the rest.
        let defaults = match crate::vm::attr::type_lookup(
            cls.raw() as *const crate::obj::TypeObj,
            q::_field_defaults.value(),
        ) {
            Some(crate::vm::attr::Found::Value(d)) if obj::kind_of(d) == Kind::Dict => d,
            _ => Value::NULL,
        };
        for j in 0..n {
            if tuple::items_of(t).is_some_and(|s| s[j].is_null()) {
                let f = tuple::items_of(fields).and_then(|s| s.get(j).copied());
                let dv = match (f, defaults.is_null()) {
                    (Some(f), false) => dict::get(cx, defaults, f)?,
                    _ => None,
                };
                match dv {
                    Some(d) => native::set_field(cx, t, j, d),
                    None => {
                        let fname = ops::alloc_free_name(f.and_then(pystr::str_of).unwrap_or("?"));
                        return Err(cx.raise_fmt(
                            &TYPE_ERROR_TYPE,
                            format_args!("{name}.__new__() missing required argument: '{fname}'"),
                        ));
                    }
                }
            }
        }
        native::new_instance(cx, cls, t)
    })();
    cx.roots_truncate(mark);
    r
}

fn nt_field(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    // Bound to the field index: args[0] is the index, args[1] the instance.
    let t = nt_values(cx, a[1])?;
    let i = a[0].as_small_int().unwrap_or(-1);
    match tuple::items_of(t).and_then(|s| s.get(i as usize)) {
        Some(&v) if i >= 0 => Ok(v),
        _ => Err(cx.index_error("tuple index out of range")),
    }
}

fn nt_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let t = nt_values(cx, a[0])?;
    let cls = Value::from_ptr(obj::type_of(a[0]));
    let fields = fields_of(cx, cls)?;
    let mut b = StrBuilder::new(cx);
    let name = ops::alloc_free_name(cx.type_name(a[0]));
    let _ = core::fmt::Write::write_fmt(&mut b, format_args!("{name}("));
    let mut i = 0;
    while let (Some(&f), Some(&v)) = (
        tuple::items_of(fields).and_then(|s| s.get(i)),
        tuple::items_of(t).and_then(|s| s.get(i)),
    ) {
        if i > 0 {
            b.push(b", ");
        }
        b.push(pystr::bytes_of(f).unwrap_or(&[]));
        b.push_byte(b'=');
        crate::obj::methods::repr::write_repr(cx, &mut b, v, 1)?;
        i += 1;
    }
    b.push_byte(b')');
    b.finish(cx)
}

fn nt_asdict(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let t = nt_values(cx, a[0])?;
    let fields = fields_of(cx, Value::from_ptr(obj::type_of(a[0])))?;
    let d = dict::new(cx)?;
    let mark = cx.roots_mark();
    cx.root(d)?;
    let mut i = 0;
    let r = (|| {
        while let (Some(&f), Some(&v)) = (
            tuple::items_of(fields).and_then(|s| s.get(i)),
            tuple::items_of(t).and_then(|s| s.get(i)),
        ) {
            dict::set(cx, d, f, v)?;
            i += 1;
        }
        Ok(d)
    })();
    cx.roots_truncate(mark);
    r
}

fn nt_replace(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let t = nt_values(cx, a[0])?;
    let cls = Value::from_ptr(obj::type_of(a[0]));
    let fields = fields_of(cx, cls)?;
    let n = tuple::items_of(t).map_or(0, |s| s.len());
    let t2 = tuple::new(cx, tuple::items_of(t).unwrap_or(&[]))?;
    let mark = cx.roots_mark();
    cx.root(t2)?;
    let r = (|| {
        let mut i = 0;
        while i + 1 < k.len() {
            let kn = pystr::bytes_of(k[i]).unwrap_or(&[]);
            let fs = tuple::items_of(fields).unwrap_or(&[]);
            match fs.iter().position(|&f| pystr::bytes_of(f) == Some(kn)) {
                Some(j) if j < n => native::set_field(cx, t2, j, k[i + 1]),
                _ => {
                    let kn = ops::alloc_free_name(pystr::str_of(k[i]).unwrap_or("?"));
                    return Err(cx.raise_fmt(
                        &VALUE_ERROR_TYPE,
                        format_args!("Got unexpected field names: ['{kn}']"),
                    ));
                }
            }
            i += 2;
        }
        native::new_instance(cx, cls, t2)
    })();
    cx.roots_truncate(mark);
    r
}

/// `cls._make(iterable)` (a classmethod: args[0] is the class).
fn nt_make(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let cls = a[0];
    let t = crate::builtins::ctors::construct(cx, &TUPLE_TYPE, &a[1..2], &[])?;
    let mark = cx.roots_mark();
    cx.root(t)?;
    let items = tuple::items_of(t).unwrap_or(&[]);
    let mut args: [Value; 17] = [Value::NULL; 17];
    let r = if items.len() <= 16 {
        args[0] = cls;
        args[1..=items.len()].copy_from_slice(items);
        nt_new(cx, &args[..=items.len()], &[])
    } else {
        let fields = fields_of(cx, cls)?;
        if tuple::items_of(fields).map_or(0, |f| f.len()) != items.len() {
            Err(cx.type_error("wrong number of arguments"))
        } else {
            native::new_instance(cx, cls, t)
        }
    };
    cx.roots_truncate(mark);
    r
}

native_fn!(
    NT_NEW,
    q::__new__,
    1,
    crate::obj::func::VARARGS,
    true,
    nt_new
);
native_fn!(NT_FIELD, q::_field, 2, 2, false, nt_field);
native_fn!(NT_REPR, q::__repr__, 1, 1, false, nt_repr);
native_fn!(NT_ASDICT, q::_asdict, 1, 1, false, nt_asdict);
native_fn!(NT_REPLACE, q::_replace, 1, 1, true, nt_replace);
native_fn!(NT_MAKE, q::_make, 2, 2, false, nt_make);

fn is_identifier(b: &[u8]) -> bool {
    match core::str::from_utf8(b).ok() {
        Some(s) => {
            let mut cs = s.chars();
            cs.next().is_some_and(|c| c == '_' || c.is_alphabetic())
                && cs.all(|c| c == '_' || c.is_alphanumeric())
        }
        None => false,
    }
}

fn is_keyword(b: &[u8]) -> bool {
    const KW: &[&[u8]] = &[
        b"False",
        b"None",
        b"True",
        b"and",
        b"as",
        b"assert",
        b"async",
        b"await",
        b"break",
        b"class",
        b"continue",
        b"def",
        b"del",
        b"elif",
        b"else",
        b"except",
        b"finally",
        b"for",
        b"from",
        b"global",
        b"if",
        b"import",
        b"in",
        b"is",
        b"lambda",
        b"nonlocal",
        b"not",
        b"or",
        b"pass",
        b"raise",
        b"return",
        b"try",
        b"while",
        b"with",
        b"yield",
    ];
    KW.contains(&b)
}

/// The field names of `namedtuple(name, fields)`: a str split on commas and spaces, or an
/// iterable of str. Returns a new tuple of interned names.
fn field_names(cx: &mut Cx, spec: Value) -> PyResult<Value> {
    let l = list::with_capacity(cx, 0)?;
    let mark = cx.roots_mark();
    cx.root(l)?;
    let r = (|| {
        if obj::kind_of(spec) == Kind::Str && spec.is_ptr() {
            let mut start = 0;
            loop {
                let b = pystr::bytes_of(spec).unwrap_or(&[]);
                while start < b.len() && (b[start] == b',' || b[start].is_ascii_whitespace()) {
                    start += 1;
                }
                if start >= b.len() {
                    break;
                }
                let mut end = start;
                while end < b.len() && b[end] != b',' && !b[end].is_ascii_whitespace() {
                    end += 1;
                }
                let s = crate::obj::str_intern::intern(cx, &b[start..end])?;
                list::append(cx, l, s)?;
                start = end;
            }
        } else {
            each(cx, spec, |cx, v| {
                if obj::kind_of(v) != Kind::Str {
                    return Err(cx.type_error("Type names and field names must be strings"));
                }
                let s = crate::obj::str_intern::intern_value(cx, v)?;
                list::append(cx, l, s)
            })?;
        }
        let names = list::items_of(l).unwrap_or(&[]);
        for (i, &n) in names.iter().enumerate() {
            let b = pystr::bytes_of(n).unwrap_or(&[]);
            let nm = ops::alloc_free_name(pystr::str_of(n).unwrap_or("?"));
            if !is_identifier(b) || is_keyword(b) {
                return Err(cx.raise_fmt(
                    &VALUE_ERROR_TYPE,
                    format_args!("Type names and field names must be valid identifiers: '{nm}'"),
                ));
            }
            if b.first() == Some(&b'_') {
                return Err(cx.raise_fmt(
                    &VALUE_ERROR_TYPE,
                    format_args!("Field names cannot start with an underscore: '{nm}'"),
                ));
            }
            if names[..i].iter().any(|&m| pystr::bytes_of(m) == Some(b)) {
                return Err(cx.raise_fmt(
                    &VALUE_ERROR_TYPE,
                    format_args!("Encountered duplicate field name: '{nm}'"),
                ));
            }
        }
        tuple::new(cx, list::items_of(l).unwrap_or(&[]))
    })();
    cx.roots_truncate(mark);
    r
}

/// `namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`.
fn namedtuple(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [name, spec, _rename, defaults, _module] = crate::builtins::args::parse(
        cx,
        a,
        k,
        ["typename", "field_names", "rename", "defaults", "module"],
        2,
    )?;
    if name.is_null() || spec.is_null() {
        return Err(cx.type_error("function missing 2 required positional arguments"));
    }
    if obj::kind_of(name) != Kind::Str || !is_identifier(pystr::bytes_of(name).unwrap_or(&[])) {
        return Err(cx.value_error("Type names and field names must be valid identifiers"));
    }
    let mark = cx.roots_mark();
    let r = (|| {
        let fields = field_names(cx, spec)?;
        cx.root(fields)?;
        let ns = dict::new(cx)?;
        cx.root(ns)?;
        dict::set_static(cx, ns, &q::_fields, fields)?;
        dict::set_static(cx, ns, &q::__new__, Value::from_static(&NT_NEW))?;
        dict::set_static(cx, ns, &q::__repr__, Value::from_static(&NT_REPR))?;
        dict::set_static(cx, ns, &q::_asdict, Value::from_static(&NT_ASDICT))?;
        dict::set_static(cx, ns, &q::_replace, Value::from_static(&NT_REPLACE))?;
        let make = obj::func::new_descr(
            cx,
            &CLASSMETHOD_TYPE,
            Value::from_static(&NT_MAKE),
            Value::NONE,
            Value::NONE,
        )?;
        dict::set_static(cx, ns, &q::_make, make)?;
        // Defaults apply to the rightmost fields.
        let fd = dict::new(cx)?;
        cx.root(fd)?;
        if !defaults.is_null() && !defaults.is_none() {
            let dt = crate::builtins::ctors::construct(cx, &TUPLE_TYPE, &[defaults], &[])?;
            cx.root(dt)?;
            let fs = tuple::items_of(fields).unwrap_or(&[]);
            let ds = tuple::items_of(dt).unwrap_or(&[]);
            if ds.len() > fs.len() {
                return Err(cx.type_error("Got more default values than field names"));
            }
            let off = fs.len() - ds.len();
            for i in 0..ds.len() {
                let (f, d) = (
                    tuple::items_of(fields).map_or(Value::NONE, |s| s[off + i]),
                    tuple::items_of(dt).map_or(Value::NONE, |s| s[i]),
                );
                dict::set(cx, fd, f, d)?;
            }
        }
        dict::set_static(cx, ns, &q::_field_defaults, fd)?;
        let n = tuple::items_of(fields).map_or(0, |f| f.len());
        for i in 0..n {
            let f = tuple::items_of(fields).map_or(Value::NONE, |s| s[i]);
            let getter = obj::func::new_bound(
                cx,
                Value::from_static(&NT_FIELD),
                Value::small_int_unchecked(i as isize),
            )?;
            cx.root(getter)?;
            let p = obj::func::new_descr(cx, &PROPERTY_TYPE, getter, Value::NONE, Value::NONE)?;
            cx.root(p)?;
            dict::set(cx, ns, f, p)?;
        }
        let bases = tuple::new(cx, &[Value::from_static(&TUPLE_TYPE)])?;
        cx.root(bases)?;
        ops::make_type(cx, name, bases, ns)
    })();
    cx.roots_truncate(mark);
    r
}

native_fn!(NAMEDTUPLE, q::namedtuple, 0, 2, true, namedtuple);

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    native::install(cx, m, &[&DEQUE_CLASS, &ORDERED_DICT_CLASS], &[])
}

/// The `collections` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::collections,
    items: &[(&q::namedtuple, Item::Obj(&NAMEDTUPLE.header))],
    init: Some(init),
};
