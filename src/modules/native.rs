//! What the builtin modules share: their classes and the buffers they read and write.
//!
//! A module's class (`array.array`, `collections.deque`, the regex and hash objects) is made
//! per interpreter when the module is imported: a heap class whose dict holds native functions,
//! so the VM's protocol for special methods (`__len__`, `__getitem__`, `__iter__`, `__repr__`,
//! operators) applies to it exactly as to a class written in Python, and Python code can
//! subclass it. An instance keeps its state in the instance's `base` slot: a builtin object
//! (a list for a deque, a memoryview over a bytearray for an array) or a tuple used as a
//! record of fields.
//!
//! Module functions that need the module's classes are bound to a tuple of them (the
//! module's *state*), so `args[0]` of such a function is that tuple.

use crate::obj::bytes::{ByteArrayObj, MemoryViewObj};
use crate::obj::func::NativeFnObj;
use crate::obj::str::StrObj;
use crate::obj::types::*;
use crate::obj::{self, dict, instance, module, tuple, Kind, TypeObj};
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// A member of a module class.
#[derive(Clone, Copy)]
pub enum Member {
    /// A method (binds `self`); also `__new__`, which receives the class.
    Method(&'static NativeFnObj),
    /// A read-only property computed by a native function of `self`.
    Getter(&'static NativeFnObj),
    /// An int constant.
    Int(isize),
}

/// A class of a builtin module.
pub struct ClassDef {
    /// Its name.
    pub name: &'static StrObj,
    /// Its builtin base (`object`, or `Exception` for an error class).
    pub base: &'static TypeObj,
    /// Its members.
    pub members: &'static [(&'static StrObj, Member)],
}

// SAFETY: the tables are immutable statics.
unsafe impl Sync for ClassDef {}

/// Make the class `def` describes.
pub fn make_class(cx: &mut Cx, def: &'static ClassDef) -> PyResult<Value> {
    let mark = cx.roots_mark();
    let r = (|| {
        let ns = dict::new(cx)?;
        cx.root(ns)?;
        for &(name, m) in def.members {
            let v = match m {
                Member::Method(f) => Value::from_static(f),
                Member::Int(i) => Value::small_int_unchecked(i),
                Member::Getter(f) => obj::func::new_descr(
                    cx,
                    &PROPERTY_TYPE,
                    Value::from_static(f),
                    Value::NONE,
                    Value::NONE,
                )?,
            };
            dict::set_static(cx, ns, name, v)?;
        }
        let bases = tuple::new(cx, &[Value::from_static(def.base)])?;
        cx.root(bases)?;
        crate::vm::ops::make_type(cx, def.name.value(), bases, ns)
    })();
    cx.roots_truncate(mark);
    r
}

/// Make a module's classes (stored in the module under their names) and bind its functions
/// `fns` to the tuple of those classes (the state they receive as `args[0]`).
pub fn install(
    cx: &mut Cx,
    m: Value,
    classes: &[&'static ClassDef],
    fns: &[(&'static StrObj, &'static NativeFnObj)],
) -> PyResult<()> {
    install_with(cx, m, classes, fns, true)
}

/// `install`, storing the classes in the module only when `expose` (the regex and match
/// classes of `re` are reached only through its functions).
pub fn install_with(
    cx: &mut Cx,
    m: Value,
    classes: &[&'static ClassDef],
    fns: &[(&'static StrObj, &'static NativeFnObj)],
    expose: bool,
) -> PyResult<()> {
    let d = module::dict_of(m).unwrap_or(Value::NULL);
    let mark = cx.roots_mark();
    let state = tuple::new_uninit(cx, classes.len())?;
    cx.root(state)?;
    for (i, &c) in classes.iter().enumerate() {
        let cls = make_class(cx, c)?;
        set_field(cx, state, i, cls);
        if expose {
            dict::set_static(cx, d, c.name, cls)?;
        }
    }
    bind(cx, m, state, fns)?;
    cx.roots_truncate(mark);
    Ok(())
}

/// Store functions `fns` in module `m` bound to `state` (which the caller keeps rooted): each
/// receives `state` as `args[0]`.
pub fn bind(
    cx: &mut Cx,
    m: Value,
    state: Value,
    fns: &[(&'static StrObj, &'static NativeFnObj)],
) -> PyResult<()> {
    let d = module::dict_of(m).unwrap_or(Value::NULL);
    for &(name, f) in fns {
        let b = obj::func::new_bound(cx, Value::from_static(f), state)?;
        dict::set_static(cx, d, name, b)?;
    }
    Ok(())
}

/// Store int constants under names made at run time (for long tables such as errno's).
pub fn set_ints(cx: &mut Cx, m: Value, items: &[(&str, isize)]) -> PyResult<()> {
    let d = module::dict_of(m).unwrap_or(Value::NULL);
    for &(name, v) in items {
        let k = crate::obj::str_intern::intern(cx, name.as_bytes())?;
        let mark = cx.roots_mark();
        cx.root(k)?;
        let r = dict::set(cx, d, k, Value::small_int_unchecked(v));
        cx.roots_truncate(mark);
        r?;
    }
    Ok(())
}

/// Class `i` of a module state tuple (`args[0]` of a bound module function).
pub fn state_class(cx: &mut Cx, state: Value, i: usize) -> PyResult<Value> {
    match tuple::items_of(state).and_then(|t| t.get(i)) {
        Some(&c) if obj::kind_of(c) == Kind::Type => Ok(c),
        _ => Err(cx.type_error("bad module state")),
    }
}

/// A new instance of module class `cls` (or a subclass of it) holding `base`, which the
/// caller keeps rooted.
pub fn new_instance(cx: &mut Cx, cls: Value, base: Value) -> PyResult<Value> {
    // SAFETY: a kind-checked live type.
    let ok = obj::kind_of(cls) == Kind::Type
        && cls.is_ptr()
        && unsafe { (*(cls.raw() as *const TypeObj)).kind } == Kind::Instance;
    if !ok {
        return Err(cx.type_error("bad class"));
    }
    let i = instance::new(cx, cls.raw() as *const TypeObj)?;
    crate::gc::write_barrier(cx, base);
    if let Some(io) = instance::inst_of(i) {
        io.base = base;
    }
    Ok(i)
}

/// Whether `v` is an instance of module class `cls` (or a subclass).
pub fn is_instance_of(v: Value, cls: Value) -> bool {
    obj::kind_of(cls) == Kind::Type && obj::is_subtype(obj::type_of(v), cls.raw() as *const TypeObj)
}

/// The state a module object keeps in its instance: `base` if it has layout `kind`, else a
/// TypeError naming the expected class.
pub fn state_of(cx: &mut Cx, v: Value, kind: Kind, what: &str) -> PyResult<Value> {
    match ops::instance_base(v) {
        Some(b) if obj::kind_of(b) == kind && b.is_ptr() => Ok(b),
        _ => Err(cx.raise_fmt(&TYPE_ERROR_TYPE, format_args!("'{what}' object required"))),
    }
}

/// The record tuple (of `n` fields) of a module object.
pub fn record_of(cx: &mut Cx, v: Value, n: usize, what: &str) -> PyResult<Value> {
    let r = state_of(cx, v, Kind::Tuple, what)?;
    if tuple::items_of(r).map_or(0, |t| t.len()) != n {
        return Err(cx.raise_fmt(&TYPE_ERROR_TYPE, format_args!("'{what}' object required")));
    }
    Ok(r)
}

/// Field `i` of a record tuple (NONE when out of range).
pub fn field(rec: Value, i: usize) -> Value {
    tuple::items_of(rec)
        .and_then(|t| t.get(i).copied())
        .unwrap_or(Value::NONE)
}

/// Store field `i` of a record tuple (records are tuples owned by native code).
pub fn set_field(cx: &mut Cx, rec: Value, i: usize, v: Value) {
    crate::gc::write_barrier(cx, v);
    if let Some(t) = obj::get_mut::<tuple::TupleObj>(cx, rec) {
        if let Some(slot) = t.items_mut().get_mut(i) {
            *slot = v;
        }
    }
}

/// A new record tuple holding `items`.
pub fn new_record(cx: &mut Cx, items: &[Value]) -> PyResult<Value> {
    tuple::new(cx, items)
}

/// The bytes of a readable buffer (bytes, bytearray, memoryview, array, or an instance
/// wrapping one). Do not hold across anything that allocates or runs Python.
pub fn readable<'a>(cx: &mut Cx, v: Value) -> PyResult<&'a [u8]> {
    let mut b = v;
    for _ in 0..4 {
        match obj::kind_of(b) {
            Kind::Bytes | Kind::ByteArray | Kind::MemoryView if b.is_ptr() => {
                return crate::obj::methods::bytes::buffer_bytes(cx, v)
            }
            _ => match ops::instance_base(b) {
                Some(x) => b = x,
                None => break,
            },
        }
    }
    Err(cx.type_error("object with buffer protocol required"))
}

/// The bytes of a writable buffer (bytearray, a writable memoryview, an array), or a
/// TypeError. Do not hold across anything that allocates or runs Python.
pub fn writable<'a>(cx: &mut Cx, v: Value) -> PyResult<&'a mut [u8]> {
    match writable_opt(v, 0) {
        Some(b) => Ok(b),
        None => Err(cx.type_error("object with buffer protocol required")),
    }
}

fn writable_opt<'a>(v: Value, depth: u32) -> Option<&'a mut [u8]> {
    if depth > 4 || !v.is_ptr() {
        return None;
    }
    match obj::kind_of(v) {
        Kind::ByteArray => {
            // SAFETY: kind-checked bytearray; the caller's lifetime rule applies.
            Some(unsafe { (*(v.raw() as *mut ByteArrayObj)).as_bytes_mut() })
        }
        Kind::MemoryView => {
            // SAFETY: kind-checked memoryview.
            let m = unsafe { &*(v.raw() as *const MemoryViewObj) };
            if m.readonly || m.released {
                return None;
            }
            let size =
                crate::obj::bytes::format_itemsize(if m.format == 0 { b'B' } else { m.format })
                    .unwrap_or(1);
            let (start, n) = (m.start, m.len.checked_mul(size)?);
            let b = writable_opt(m.obj, depth + 1)?;
            b.get_mut(start..start.checked_add(n)?)
        }
        _ => writable_opt(ops::instance_base(v)?, depth + 1),
    }
}
