//! Classes of the hardware modules, described by static tables.
//!
//! A class is made per interpreter when its module is imported: a heap class (so Python
//! code can subclass it) whose methods are native functions. An instance keeps its Rust
//! state as a native payload ([`Cx::set_native`]); constructors are `__new__` functions, so
//! they can return an existing object (`machine.Pin(5) is machine.Pin(5)`, as on the rp2
//! port) and take keyword arguments.

use crate::embed::native;
use crate::obj::types::*;
use crate::obj::{self, dict, func, instance, module, str_intern, tuple, Kind, TypeObj};
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// A native function: positional arguments (the instance or class first), then keyword
/// `(name, value)` pairs.
pub type RawFn = fn(&mut Cx, &[Value], &[Value]) -> PyResult<Value>;

/// A member of a class.
#[derive(Clone, Copy)]
pub enum Member {
    /// A method (also `__new__`, which receives the class).
    Method(RawFn),
    /// A read-only property.
    Getter(RawFn),
    /// A read-write property: getter, setter.
    Property(RawFn, RawFn),
    /// An int constant.
    Int(isize),
}

/// A class: its name and members.
pub struct ClassSpec {
    /// The class name.
    pub name: &'static str,
    /// Its members.
    pub members: &'static [(&'static str, Member)],
}

/// Store `v` as attribute `name` of `o` (a module, class or instance).
pub fn set_attr(cx: &mut Cx, o: Value, name: &str, v: Value) -> PyResult<()> {
    let mark = cx.roots_mark();
    cx.root(v)?;
    let r = str_intern::intern(cx, name.as_bytes()).and_then(|n| {
        cx.root(n)?;
        match module::dict_of(o) {
            Some(d) => dict::set(cx, d, n, v),
            None => ops::setattr(cx, o, n, v),
        }
    });
    cx.roots_truncate(mark);
    r
}

/// Attribute `name` of `o`.
pub fn get_attr(cx: &mut Cx, o: Value, name: &str) -> PyResult<Value> {
    let n = str_intern::intern(cx, name.as_bytes())?;
    let mark = cx.roots_mark();
    cx.root(n)?;
    let r = crate::vm::attr::getattr(cx, o, n);
    cx.roots_truncate(mark);
    r
}

/// A native function for member `f`: methods need their instance (`Pin.on()` without one
/// raises instead of reaching for `args[0]`).
fn method(cx: &mut Cx, name: &str, f: RawFn) -> PyResult<Value> {
    native::new_function(cx, name, move |cx: &mut Cx, a: &[Value], k: &[Value]| {
        if a.is_empty() {
            return Err(cx.type_error("function missing 1 required positional arguments"));
        }
        f(cx, a, k)
    })
}

/// Make the class `spec` describes and store it in module `m` (when given).
pub fn make_class(cx: &mut Cx, m: Option<Value>, spec: &ClassSpec) -> PyResult<Value> {
    let mark = cx.roots_mark();
    let r = (|| {
        let n = str_intern::intern(cx, spec.name.as_bytes())?;
        cx.root(n)?;
        let ns = dict::new(cx)?;
        cx.root(ns)?;
        for &(name, member) in spec.members {
            let k = str_intern::intern(cx, name.as_bytes())?;
            cx.root(k)?;
            let v = match member {
                Member::Method(f) => method(cx, name, f)?,
                Member::Int(i) => Value::small_int_unchecked(i),
                Member::Getter(g) => {
                    let g = method(cx, name, g)?;
                    cx.root(g)?;
                    func::new_descr(cx, &PROPERTY_TYPE, g, Value::NONE, Value::NONE)?
                }
                Member::Property(g, s) => {
                    let g = method(cx, name, g)?;
                    cx.root(g)?;
                    let s = method(cx, name, s)?;
                    cx.root(s)?;
                    func::new_descr(cx, &PROPERTY_TYPE, g, s, Value::NONE)?
                }
            };
            cx.root(v)?;
            dict::set(cx, ns, k, v)?;
        }
        if let Some(m) = m {
            if let Some(mn) =
                module::dict_of(m).and_then(|d| dict::get_str(d, crate::qstrs::q::__name__.value()))
            {
                dict::set(cx, ns, crate::qstrs::q::__module__.value(), mn)?;
            }
        }
        let bases = tuple::new(cx, &[Value::from_static(&OBJECT_TYPE)])?;
        cx.root(bases)?;
        let cls = ops::make_type(cx, n, bases, ns)?;
        if let Some(m) = m {
            set_attr(cx, m, spec.name, cls)?;
        }
        Ok(cls)
    })();
    cx.roots_truncate(mark);
    r
}

/// A new instance of `cls` (a class made by `make_class`, or a Python subclass of it)
/// holding `state`.
pub fn new_object<T: Send + 'static>(cx: &mut Cx, cls: Value, state: T) -> PyResult<Value> {
    // SAFETY: a kind-checked live type object.
    let is_instance_class = obj::kind_of(cls) == Kind::Type
        && cls.is_ptr()
        && unsafe { (*(cls.raw() as *const TypeObj)).kind } == Kind::Instance;
    if !is_instance_class {
        return Err(cx.type_error("argument has wrong type"));
    }
    let o = instance::new(cx, cls.raw() as *const TypeObj)?;
    let mark = cx.roots_mark();
    cx.root(o)?;
    let r = cx.set_native(o, state);
    cx.roots_truncate(mark);
    r.map(|_| o)
}

/// A copy of the state of type `T` of `v`, or `TypeError`.
pub fn state<T: Copy + 'static>(cx: &mut Cx, v: Value) -> PyResult<T> {
    match cx.native_mut::<T>(v) {
        Some(s) => Ok(*s),
        None => Err(cx.type_error("argument has wrong type")),
    }
}

/// Replace the state of type `T` of `v`.
pub fn set_state<T: 'static>(cx: &mut Cx, v: Value, s: T) {
    if let Some(p) = cx.native_mut::<T>(v) {
        *p = s;
    }
}

/// A constant of an enumeration class (`digitalio.Direction.OUTPUT`): printed as
/// `module.Class.NAME`.
#[derive(Clone, Copy)]
pub struct EnumValue {
    /// `module.Class.`.
    pub prefix: &'static str,
    /// `NAME`.
    pub name: &'static str,
    /// Its code.
    pub code: u8,
}

fn enum_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let e = state::<EnumValue>(cx, a[0])?;
    let mut b = crate::obj::str::StrBuilder::new(cx);
    b.push_str(e.prefix);
    b.push_str(e.name);
    b.finish(cx)
}

static ENUM_MEMBERS: [(&str, Member); 1] = [("__repr__", Member::Method(enum_repr))];

/// Make an enumeration class `name` in module `m` whose constants are `values` (name, code),
/// printed as `prefix + name`.
pub fn make_enum(
    cx: &mut Cx,
    m: Value,
    name: &'static str,
    prefix: &'static str,
    values: &[(&'static str, u8)],
) -> PyResult<Value> {
    let spec = ClassSpec {
        name,
        members: &ENUM_MEMBERS,
    };
    let cls = make_class(cx, Some(m), &spec)?;
    let mark = cx.roots_mark();
    cx.root(cls)?;
    for &(n, code) in values {
        let o = new_object(
            cx,
            cls,
            EnumValue {
                prefix,
                name: n,
                code,
            },
        )?;
        set_attr(cx, cls, n, o)?;
    }
    cx.roots_truncate(mark);
    Ok(cls)
}

/// The code of an enumeration constant, if `v` is one of the class printed with `prefix`.
pub fn enum_code(cx: &mut Cx, v: Value, prefix: &str) -> Option<u8> {
    cx.native_mut::<EnumValue>(v)
        .filter(|e| e.prefix == prefix)
        .map(|e| e.code)
}

/// The constant `NAME` of enumeration class `class` of the imported module `module`.
pub fn enum_const(cx: &mut Cx, module: &str, class: &str, name: &str) -> PyResult<Value> {
    let m = super::import(cx, module)?;
    let mark = cx.roots_mark();
    cx.root(m)?;
    let r = get_attr(cx, m, class).and_then(|c| {
        cx.root(c)?;
        get_attr(cx, c, name)
    });
    cx.roots_truncate(mark);
    r
}
