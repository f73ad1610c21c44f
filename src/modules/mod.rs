//! Builtin modules, one file each. A module object is made from its static table the first
//! time it is imported. Which modules exist depends on the flavour (FLAVOURS.md): `cmath`,
//! `platform` and `select` only in micropython, `traceback`, `warnings` and `atexit` only in
//! circuitpython; the `u`-prefixed aliases (`utime`, `uselect`, `uasyncio`, ...) of the
//! extensible modules only in micropython (not `umath`, `ucmath`, `ugc`, ...). Modules
//! that go through the port (`io` files, `time`, `os`, `platform`) use the `Hal`; the hardware
//! modules go through the port's board (`hw`): `machine` (micropython); `board`,
//! `microcontroller`, `digitalio`, `busio`, `analogio`, `pwmio`, `supervisor` (circuitpython).
//! The classes modules define (`array.array`, `collections.deque`, ...) are made per
//! interpreter (`native.rs`). `asyncio` is Python frozen into the core (`frozen.rs`).

#[cfg(feature = "circuitpython")]
pub mod analogio;
pub mod array;
#[cfg(feature = "circuitpython")]
pub mod atexit;
pub mod binascii;
#[cfg(feature = "circuitpython")]
pub mod board;
#[cfg(feature = "circuitpython")]
pub mod busio;
#[cfg(not(feature = "circuitpython"))]
pub mod cmath;
pub mod collections;
#[cfg(feature = "circuitpython")]
pub mod digitalio;
pub mod errno;
mod frozen;
pub mod gc;
pub mod hashlib;
pub mod heapq;
pub mod hw;
pub mod io;
pub mod json;
#[cfg(not(feature = "circuitpython"))]
pub mod machine;
pub mod math;
#[cfg(feature = "circuitpython")]
pub mod microcontroller;
pub mod micropython;
pub mod native;
pub mod os;
pub mod platform;
#[cfg(feature = "circuitpython")]
pub mod pwmio;
pub mod random;
pub mod re;
pub mod re_engine;
#[cfg(not(feature = "circuitpython"))]
pub mod select;
pub mod struct_;
#[cfg(feature = "circuitpython")]
pub mod supervisor;
pub mod sys;
pub mod time;
#[cfg(feature = "circuitpython")]
pub mod traceback;
#[cfg(feature = "circuitpython")]
pub mod warnings;

use crate::obj::str::StrObj;
use crate::obj::{dict, module, str as pystr, ObjHeader};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// A module-level constant in a static table.
#[derive(Clone, Copy)]
pub enum Item {
    /// An object (function, type, str).
    Obj(*const ObjHeader),
    /// A small int.
    Int(isize),
    /// A float.
    Float(f64),
}

/// A builtin module's definition.
pub struct ModuleDef {
    /// Its name.
    pub name: &'static StrObj,
    /// Its globals.
    pub items: &'static [(&'static StrObj, Item)],
    /// Extra set-up run after the table is loaded.
    pub init: Option<fn(&mut Cx, Value) -> PyResult<()>>,
}

pub(crate) use frozen::FROZEN;

// SAFETY: the tables are immutable statics.
unsafe impl Sync for ModuleDef {}

static DEFS: &[&ModuleDef] = &[
    &sys::DEF,
    &gc::DEF,
    &micropython::DEF,
    &math::DEF,
    &io::DEF,
    // Modules that go through the port.
    &time::DEF,
    &os::DEF,
    &struct_::DEF,
    &binascii::DEF,
    &hashlib::DEF,
    &errno::DEF,
    &heapq::DEF,
    &random::DEF,
    &json::DEF,
    &collections::DEF,
    &array::DEF,
    &re::DEF,
    #[cfg(not(feature = "circuitpython"))]
    &cmath::DEF,
    #[cfg(feature = "circuitpython")]
    &traceback::DEF,
    #[cfg(feature = "circuitpython")]
    &warnings::DEF,
    #[cfg(feature = "circuitpython")]
    &atexit::DEF,
    // The board (FLAVOURS.md row 43).
    #[cfg(not(feature = "circuitpython"))]
    &machine::DEF,
    #[cfg(feature = "circuitpython")]
    &board::DEF,
    #[cfg(feature = "circuitpython")]
    &microcontroller::DEF,
    #[cfg(feature = "circuitpython")]
    &digitalio::DEF,
    #[cfg(feature = "circuitpython")]
    &busio::DEF,
    #[cfg(feature = "circuitpython")]
    &analogio::DEF,
    #[cfg(feature = "circuitpython")]
    &pwmio::DEF,
    #[cfg(feature = "circuitpython")]
    &supervisor::DEF,
];

/// Modules only the micropython flavour has.
#[cfg(not(feature = "circuitpython"))]
static MP_DEFS: &[&ModuleDef] = &[&platform::DEF, &select::DEF];
#[cfg(feature = "circuitpython")]
static MP_DEFS: &[&ModuleDef] = &[&platform::DEF];

/// Builtins MicroPython registers as plain (not extensible) modules: no `u` alias for them
/// (`import umath` is an ImportError; `usys` is a special case).
const NOT_EXTENSIBLE: &[&[u8]] = &[
    b"math",
    b"cmath",
    b"gc",
    b"micropython",
    b"sys",
    b"builtins",
];

/// Every builtin module of this flavour.
fn defs() -> impl Iterator<Item = &'static &'static ModuleDef> {
    let extra: &'static [&'static ModuleDef] = if crate::flavour::CIRCUITPYTHON {
        &[]
    } else {
        MP_DEFS
    };
    DEFS.iter().chain(extra.iter())
}

/// The names of this flavour's builtin modules (`help('modules')`).
pub(crate) fn builtin_names() -> impl Iterator<Item = &'static str> {
    defs().map(|d| crate::vm::raise::as_str(d.name.as_bytes()))
}

/// Make a module object from its definition.
pub(crate) fn make(cx: &mut Cx, def: &'static ModuleDef) -> PyResult<Value> {
    let m = module::new(cx, def.name.value())?;
    let mark = cx.roots_mark();
    cx.root(m)?;
    let d = module::dict_of(m).unwrap_or(Value::NULL);
    crate::obj::table::reserve(cx, d, def.items.len())?;
    for &(name, item) in def.items {
        let v = match item {
            Item::Obj(p) => Value::from_ptr(p),
            Item::Int(i) => Value::small_int_unchecked(i),
            Item::Float(f) => crate::obj::float::new(cx, f)?,
        };
        dict::set_static(cx, d, name, v)?;
    }
    if let Some(init) = def.init {
        init(cx, m)?;
    }
    // Module globals are mostly read: no room for growth (it would be up to half the table).
    crate::obj::table::shrink_to_fit(cx, d)?;
    cx.roots_truncate(mark);
    Ok(m)
}

/// Import a builtin module by name (with MicroPython's `u` prefix fallback), registering it
/// in `sys.modules`. `None` when there is no such builtin.
pub(crate) fn import_builtin(cx: &mut Cx, name: Value) -> PyResult<Option<Value>> {
    let nb = pystr::bytes_of(name).unwrap_or(&[]);
    let mut found = defs().find(|d| d.name.as_bytes() == nb);
    if found.is_none() && !crate::flavour::CIRCUITPYTHON && nb.first() == Some(&b'u') {
        let base = &nb[1..];
        if !NOT_EXTENSIBLE.contains(&base) {
            found = defs().find(|d| d.name.as_bytes() == base);
        }
        // `uasyncio`: the frozen `asyncio` package under its old name.
        if base == b"asyncio" {
            let a = pystr::intern(cx, base)?;
            let m = crate::vm::import::import_name(
                cx,
                a,
                Value::NONE,
                Value::small_int_unchecked(0),
                Value::NULL,
            )?;
            let mark = cx.roots_mark();
            cx.root(m)?;
            dict::set(cx, cx.modules, name, m)?;
            cx.roots_truncate(mark);
            return Ok(Some(m));
        }
    }
    if found.is_none() && nb == b"usys" {
        found = defs().find(|d| d.name.as_bytes() == b"sys");
    }
    if found.is_none() && nb == b"builtins" {
        let m = module::new(cx, q::builtins.value())?;
        let mark = cx.roots_mark();
        cx.root(m)?;
        // The builtins module shares the interpreter's builtins dict.
        if let Some(mo) = crate::obj::get_mut::<module::ModuleObj>(cx, m) {
            mo.dict = Value::NULL;
        }
        let bd = cx.builtins_dict;
        crate::gc::write_barrier(cx, bd);
        if let Some(mo) = crate::obj::get_mut::<module::ModuleObj>(cx, m) {
            mo.dict = bd;
        }
        dict::set(cx, cx.modules, name, m)?;
        cx.roots_truncate(mark);
        return Ok(Some(m));
    }
    let Some(def) = found else { return Ok(None) };
    // The canonical name may already be loaded (import usys after sys).
    if let Some(m) = dict::get_str(cx.modules, def.name.value()) {
        return Ok(Some(m));
    }
    let m = make(cx, def)?;
    let mark = cx.roots_mark();
    cx.root(m)?;
    dict::set(cx, cx.modules, def.name.value(), m)?;
    cx.roots_truncate(mark);
    Ok(Some(m))
}

/// A tuple subclass named `name` whose items are also readable as the attributes `fields`
/// and whose repr is `name(field=value, ...)`: CircuitPython's `struct_time`, MicroPython's
/// attrtuples (`os.uname()`). Instances are made by calling it with a tuple.
pub(crate) fn attr_tuple_class(
    cx: &mut Cx,
    name: &'static str,
    fields: &'static [&'static str],
) -> PyResult<Value> {
    use crate::obj::types::{PROPERTY_TYPE, TUPLE_TYPE, TYPE_TYPE};
    let mark = cx.roots_mark();
    let d = dict::new(cx)?;
    cx.root(d)?;
    for (i, field) in fields.iter().enumerate() {
        let get = crate::embed::native::new_function(cx, field, move |cx, a, _k| {
            crate::vm::seq::getitem(cx, a[0], Value::small_int_unchecked(i as isize))
        })?;
        cx.root(get)?;
        let prop = cx.call(Value::from_ptr(&PROPERTY_TYPE.header), &[get], &[])?;
        cx.root(prop)?;
        let n = pystr::intern(cx, field.as_bytes())?;
        dict::set(cx, d, n, prop)?;
    }
    let repr = crate::embed::native::new_function(cx, "__repr__", move |cx, a, _k| {
        let mut b = pystr::StrBuilder::new(cx);
        b.push_str(name);
        b.push_byte(b'(');
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                b.push_str(", ");
            }
            b.push_str(field);
            b.push_byte(b'=');
            let v = crate::vm::seq::getitem(cx, a[0], Value::small_int_unchecked(i as isize))?;
            crate::obj::methods::repr::write_repr(cx, &mut b, v, 0)?;
        }
        b.push_byte(b')');
        b.finish(cx)
    })?;
    cx.root(repr)?;
    dict::set(cx, d, q::__repr__.value(), repr)?;
    let n = pystr::intern(cx, name.as_bytes())?;
    cx.root(n)?;
    let bases = crate::obj::tuple::new(cx, &[Value::from_ptr(&TUPLE_TYPE.header)])?;
    cx.root(bases)?;
    let cls = cx.call(Value::from_ptr(&TYPE_TYPE.header), &[n, bases, d], &[]);
    cx.roots_truncate(mark);
    cls
}
