//! Attribute access: lookup along the method resolution order, descriptors, binding, instance
//! dicts, `__getattr__`/`__setattr__`/`__delattr__`, and `super()`.

use super::{Cx, PyResult, Raised};
use crate::obj::func::{BoundMethodObj, DescrObj, FunctionObj, NativeFnObj};
use crate::obj::types::*;
use crate::obj::{self, dict, exception, instance, str as pystr, tuple, AttrValue, Kind, TypeObj};
use crate::qstrs::q;
use crate::value::Value;

/// A class attribute found along the MRO.
#[derive(Clone, Copy)]
pub(crate) enum Found {
    /// A value stored in a class dict (functions, descriptors, plain values).
    Value(Value),
    /// A native method of a builtin type (binds `self`).
    Method(Value),
    /// A native classmethod (binds the type).
    ClassMethod(Value),
    /// A native static function.
    Static(Value),
    /// A native computed attribute.
    Getter(fn(&mut Cx, Value) -> PyResult<Value>),
}

fn static_attr(t: &TypeObj, name: Value, name_b: &[u8]) -> Option<Found> {
    for a in t.attrs {
        if core::ptr::eq(a.name, name.raw() as *const pystr::StrObj) || a.name.as_bytes() == name_b
        {
            return Some(match a.value {
                AttrValue::Method(f) => Found::Method(Value::from_static(f)),
                AttrValue::ClassMethod(f) => Found::ClassMethod(Value::from_static(f)),
                AttrValue::Static(f) => Found::Static(Value::from_static(f)),
                AttrValue::Getter(g) => Found::Getter(g),
                AttrValue::Int(i) => Found::Value(Value::small_int_unchecked(i)),
                AttrValue::Obj(o) => Found::Value(Value::from_static(o)),
            });
        }
    }
    None
}

/// Look `name` up in type `ty` and its bases (C3 order for classes).
pub(crate) fn type_lookup(ty: *const TypeObj, name: Value) -> Option<Found> {
    let name_b = pystr::bytes_of(name).unwrap_or(&[]);
    // SAFETY: ty is a live type.
    let t = unsafe { &*ty };
    if t.is_heap() {
        if let Some(mro) = tuple::items_of(t.mro) {
            for &m in mro {
                // SAFETY: MRO entries are live types.
                let mt = unsafe { &*(m.raw() as *const TypeObj) };
                if mt.is_heap() {
                    if let Some(v) = dict::get_str(mt.dict, name) {
                        return Some(Found::Value(v));
                    }
                } else if let Some(f) = static_builtin_lookup(mt, name, name_b) {
                    return Some(f);
                }
            }
            return None;
        }
    }
    static_builtin_lookup(t, name, name_b)
}

fn static_builtin_lookup(t: &TypeObj, name: Value, name_b: &[u8]) -> Option<Found> {
    let mut cur: *const TypeObj = t;
    // `object` ends every lookup that misses and has only special methods (a test checks):
    // ordinary names skip it.
    let dunder = name_b.starts_with(b"__");
    while !cur.is_null() {
        if !dunder && core::ptr::eq(cur, &crate::obj::types::OBJECT_TYPE) {
            break;
        }
        // SAFETY: base links of builtin types are static types or NULL.
        let c = unsafe { &*cur };
        if let Some(f) = static_attr(c, name, name_b) {
            return Some(f);
        }
        // The type's operators as special methods (`list.__len__`, `int.__add__`, ...).
        if let Some(f) = crate::obj::methods::slots::lookup(c, name_b) {
            let f = Value::from_static(f);
            return Some(if name_b == b"__new__" {
                Found::Static(f)
            } else {
                Found::Method(f)
            });
        }
        cur = c.base;
    }
    None
}

/// The builtin type along `ty`'s MRO whose static table gave native method `f` for `name`.
fn static_method_owner(ty: *const TypeObj, f: Value, name: Value) -> Option<*const TypeObj> {
    let name_b = pystr::bytes_of(name).unwrap_or(&[]);
    let is_f = |c: &TypeObj| match static_attr(c, name, name_b) {
        Some(Found::Method(g)) => Some(g == f),
        Some(_) => Some(false),
        None => crate::obj::methods::slots::lookup(c, name_b).map(|g| Value::from_static(g) == f),
    };
    let walk = |mut cur: *const TypeObj| {
        while !cur.is_null() {
            // SAFETY: base links of builtin types are static types or NULL.
            let c = unsafe { &*cur };
            match is_f(c) {
                Some(true) => return Some(cur),
                Some(false) => return None,
                None => cur = c.base,
            }
        }
        None
    };
    // SAFETY: ty is a live type.
    let t = unsafe { &*ty };
    if t.is_heap() {
        for &m in tuple::items_of(t.mro).unwrap_or(&[]) {
            // SAFETY: MRO entries are live types.
            let mt = unsafe { &*(m.raw() as *const TypeObj) };
            if !mt.is_heap() {
                if let Some(o) = walk(mt) {
                    return Some(o);
                }
            }
        }
        return None;
    }
    walk(ty)
}

/// The name of a native function (a str), or NULL.
pub(crate) fn native_name(f: Value) -> Value {
    if obj::kind_of(f) == Kind::NativeFn && f.is_ptr() {
        // SAFETY: kind-checked native function (static).
        return unsafe { (*(f.raw() as *const NativeFnObj)).name.value() };
    }
    Value::NULL
}

/// Find a special method for `v` on its class (only classes made in Python can define them).
/// The result is called with `v` as the first argument.
pub(crate) fn lookup_special(cx: &mut Cx, v: Value, name: &'static pystr::StrObj) -> Option<Value> {
    match lookup_special_raw(cx, v, name) {
        Some(m) if !m.is_none() => Some(m),
        _ => None,
    }
}

/// Like `lookup_special` but reports a class attribute set to None (e.g. `__hash__ = None`).
pub(crate) fn lookup_special_raw(
    cx: &mut Cx,
    v: Value,
    name: &'static pystr::StrObj,
) -> Option<Value> {
    let ty = obj::type_of(v);
    // SAFETY: live type.
    if !unsafe { (*ty).is_heap() } {
        return None;
    }
    match cx.type_lookup(ty, name.value())? {
        Found::Value(f) => {
            if obj::kind_of(f) == Kind::StaticMethod {
                return obj::func::descr_of(f).map(|d| d.a);
            }
            Some(f)
        }
        // Native methods of builtin bases (object.__eq__, ...) are not special methods of
        // the class: the operators handle builtin behaviour themselves.
        Found::Method(_) | Found::Static(_) | Found::ClassMethod(_) | Found::Getter(_) => None,
    }
}

fn attr_error(cx: &mut Cx, o: Value, name: Value) -> Raised {
    let n = pystr::str_of(name).unwrap_or("?");
    let n = super::ops::alloc_free_name(n);
    if obj::kind_of(o) == Kind::Type && o.is_ptr() {
        // SAFETY: kind-checked type.
        let tn = super::ops::alloc_free_name(super::raise::as_str(unsafe {
            (*(o.raw() as *const TypeObj)).name_bytes()
        }));
        return cx.raise_fmt(
            &ATTRIBUTE_ERROR_TYPE,
            format_args!("type object '{tn}' has no attribute '{n}'"),
        );
    }
    if obj::kind_of(o) == Kind::Module && o.is_ptr() {
        let mn = obj::module::dict_of(o)
            .and_then(|d| dict::get_str(d, q::__name__.value()))
            .and_then(pystr::str_of)
            .unwrap_or("?");
        let mn = super::ops::alloc_free_name(mn);
        return cx.raise_fmt(
            &ATTRIBUTE_ERROR_TYPE,
            format_args!("module '{mn}' has no attribute '{n}'"),
        );
    }
    let tn = super::ops::alloc_free_name(cx.type_name(o));
    cx.raise_fmt(
        &ATTRIBUTE_ERROR_TYPE,
        format_args!("'{tn}' object has no attribute '{n}'"),
    )
}

/// The attribute dict of an object, if it has one (instances, exceptions, modules, classes).
pub(crate) fn instance_dict(v: Value) -> Option<Value> {
    match obj::kind_of(v) {
        Kind::Instance => instance::inst_of(v)
            .map(|i| i.dict)
            .filter(|d| !d.is_null()),
        Kind::Exception => exception::exc_of(v)
            .map(|e| e.dict)
            .filter(|d| !d.is_null()),
        Kind::Module => obj::module::dict_of(v),
        _ => None,
    }
}

/// Whether a class attribute is a data descriptor (takes precedence over the instance dict).
fn is_data_descriptor(cx: &mut Cx, f: Value) -> bool {
    match obj::kind_of(f) {
        Kind::Property => true,
        _ if super::ops::is_user_object(f) => {
            lookup_special(cx, f, &q::__set__).is_some()
                || lookup_special(cx, f, &q::__delete__).is_some()
        }
        _ => false,
    }
}

/// Apply a class attribute found for instance `o`: bind methods, call descriptors.
fn bind(cx: &mut Cx, o: Value, found: Found) -> PyResult<Value> {
    match found {
        Found::Method(f) => {
            let target = super::ops::instance_base(o).unwrap_or(o);
            obj::func::new_bound(cx, f, target)
        }
        Found::ClassMethod(f) => obj::func::new_bound(cx, f, Value::from_ptr(obj::type_of(o))),
        Found::Static(f) => Ok(f),
        Found::Getter(g) => g(cx, super::ops::instance_base(o).unwrap_or(o)),
        Found::Value(f) => bind_value(cx, o, f),
    }
}

fn bind_value(cx: &mut Cx, o: Value, f: Value) -> PyResult<Value> {
    match obj::kind_of(f) {
        Kind::Function | Kind::NativeFn if f.is_ptr() => obj::func::new_bound(cx, f, o),
        Kind::Native if crate::embed::native::is_function(f) => obj::func::new_bound(cx, f, o),
        Kind::ClassMethod => {
            let func = obj::func::descr_of(f).map_or(Value::NONE, |d| d.a);
            obj::func::new_bound(cx, func, Value::from_ptr(obj::type_of(o)))
        }
        Kind::StaticMethod => Ok(obj::func::descr_of(f).map_or(Value::NONE, |d| d.a)),
        Kind::Property => {
            let fget = obj::func::descr_of(f).map_or(Value::NONE, |d| d.a);
            if fget.is_none() || fget.is_null() {
                return Err(cx.raise_msg(&ATTRIBUTE_ERROR_TYPE, "unreadable attribute"));
            }
            cx.call(fget, &[o], &[])
        }
        _ if super::ops::is_user_object(f) => {
            if let Some(get) = lookup_special(cx, f, &q::__get__) {
                let ty = Value::from_ptr(obj::type_of(o));
                return cx.call(get, &[f, o, ty], &[]);
            }
            Ok(f)
        }
        _ => Ok(f),
    }
}

/// Attributes every object of some kind has, computed.
fn builtin_attr(cx: &mut Cx, o: Value, name: Value) -> PyResult<Option<Value>> {
    let nb = pystr::bytes_of(name).unwrap_or(&[]);
    if nb == b"__class__" {
        return Ok(Some(Value::from_ptr(obj::type_of(o))));
    }
    match obj::kind_of(o) {
        Kind::Function if o.is_ptr() => {
            // SAFETY: kind-checked function with a live code object.
            let code = unsafe {
                &*((*(o.raw() as *const FunctionObj)).code.raw() as *const obj::code::CodeObj)
            };
            match nb {
                b"__name__" | b"__qualname__" => return Ok(Some(code.name)),
                b"__globals__" => {
                    // SAFETY: as above.
                    return Ok(Some(unsafe { (*(o.raw() as *const FunctionObj)).globals }));
                }
                _ => {}
            }
        }
        Kind::NativeFn if o.is_ptr() && nb == b"__name__" => {
            // SAFETY: kind-checked native function (static).
            return Ok(Some(unsafe {
                (*(o.raw() as *const NativeFnObj)).name.value()
            }));
        }
        Kind::Native if nb == b"__name__" && crate::embed::native::is_function(o) => {
            let n = crate::embed::native::name_of(o);
            if !n.is_null() {
                return Ok(Some(n));
            }
        }
        Kind::BoundMethod if o.is_ptr() => {
            // SAFETY: kind-checked bound method.
            let b = unsafe { &*(o.raw() as *const BoundMethodObj) };
            match nb {
                b"__self__" => return Ok(Some(b.self_)),
                b"__func__" => return Ok(Some(b.func)),
                b"__name__" => {
                    let f = b.func;
                    return getattr(cx, f, name).map(Some);
                }
                _ => {}
            }
        }
        Kind::Exception => {
            if let Some(v) = crate::obj::methods::exception::exc_attr(cx, o, nb)? {
                return Ok(Some(v));
            }
        }
        Kind::Property | Kind::ClassMethod | Kind::StaticMethod => {
            let d: &DescrObj = match obj::func::descr_of(o) {
                Some(d) => d,
                None => return Ok(None),
            };
            match nb {
                b"fget" | b"__func__" => return Ok(Some(d.a)),
                b"fset" => return Ok(Some(d.b)),
                b"fdel" => return Ok(Some(d.c)),
                b"__doc__" => return Ok(Some(d.d)),
                _ => {}
            }
        }
        Kind::Instance | Kind::Module if nb == b"__dict__" => {
            return Ok(Some(ensure_dict(cx, o)?));
        }
        _ => {}
    }
    Ok(None)
}

/// The instance dict, created on first use.
pub(crate) fn ensure_dict(cx: &mut Cx, o: Value) -> PyResult<Value> {
    if let Some(d) = instance_dict(o) {
        return Ok(d);
    }
    let mark = cx.roots_mark();
    cx.root(o)?;
    // SAFETY: a live object's type is live.
    let hint = unsafe { (*obj::type_of(o)).flags } >> obj::tflags::DICT_HINT_SHIFT;
    let d = dict::with_capacity(cx, hint as usize);
    cx.roots_truncate(mark);
    let d = d?;
    crate::gc::write_barrier(cx, d);
    match obj::kind_of(o) {
        Kind::Instance => {
            if let Some(i) = instance::inst_of(o) {
                i.dict = d;
            }
        }
        Kind::Exception => {
            if let Some(e) = exception::exc_of(o) {
                e.dict = d;
            }
        }
        _ => {}
    }
    Ok(d)
}

/// Attribute lookup on a class object.
fn type_getattr(cx: &mut Cx, cls: Value, name: Value) -> PyResult<Value> {
    let t = cls.raw() as *const TypeObj;
    if let Some(found) = cx.type_lookup(t, name) {
        return match found {
            Found::Method(f) => match static_method_owner(t, f, name) {
                Some(owner) => crate::obj::methods::unbound::checked(cx, owner, f),
                None => Ok(f),
            },
            Found::Static(f) => Ok(f),
            Found::ClassMethod(f) => obj::func::new_bound(cx, f, cls),
            Found::Getter(_) => Err(attr_error(cx, cls, name)),
            Found::Value(f) => match obj::kind_of(f) {
                Kind::ClassMethod => {
                    let func = obj::func::descr_of(f).map_or(Value::NONE, |d| d.a);
                    obj::func::new_bound(cx, func, cls)
                }
                Kind::StaticMethod => Ok(obj::func::descr_of(f).map_or(Value::NONE, |d| d.a)),
                _ if super::ops::is_user_object(f) => {
                    if let Some(get) = lookup_special(cx, f, &q::__get__) {
                        return cx.call(get, &[f, Value::NONE, cls], &[]);
                    }
                    Ok(f)
                }
                _ => Ok(f),
            },
        };
    }
    if let Some(v) = crate::obj::methods::type_::type_attr(cx, cls, name)? {
        return Ok(v);
    }
    // The metaclass's attributes (`type`'s `mro()`, or a Python metaclass's methods).
    let meta = obj::type_of(cls);
    if let Some(f) = cx.type_lookup(meta, name) {
        return bind(cx, cls, f);
    }
    if pystr::bytes_of(name) == Some(b"__class__") {
        return Ok(Value::from_ptr(meta));
    }
    Err(attr_error(cx, cls, name))
}

/// `getattr(o, name)`, raising `AttributeError` when missing (or what `__getattr__` raised).
pub fn getattr(cx: &mut Cx, o: Value, name: Value) -> PyResult<Value> {
    match getattr_inner(cx, o, name)? {
        Some(v) => Ok(v),
        None => Err(attr_error(cx, o, name)),
    }
}

/// `getattr(o, name)`, or `None` when missing: an `AttributeError` (also one raised by a
/// property or `__getattr__`) counts as missing; other errors propagate.
pub fn getattr_opt(cx: &mut Cx, o: Value, name: Value) -> PyResult<Option<Value>> {
    match getattr_inner(cx, o, name) {
        Ok(v) => Ok(v),
        Err(e) => {
            if obj::isinstance(cx.exc, &ATTRIBUTE_ERROR_TYPE) {
                cx.exc = Value::NULL;
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// Attribute lookup: `None` when the attribute is missing and there is no `__getattr__`.
fn getattr_inner(cx: &mut Cx, o: Value, name: Value) -> PyResult<Option<Value>> {
    match obj::kind_of(o) {
        Kind::Super if o.is_ptr() => return super_getattr(cx, o, name),
        Kind::Type if o.is_ptr() => {
            return match type_getattr(cx, o, name) {
                Ok(v) => Ok(Some(v)),
                Err(e) => {
                    if obj::isinstance(cx.exc, &ATTRIBUTE_ERROR_TYPE) {
                        cx.exc = Value::NULL;
                        Ok(None)
                    } else {
                        Err(e)
                    }
                }
            };
        }
        Kind::Module if o.is_ptr() => {
            let d = obj::module::dict_of(o).unwrap_or(Value::NULL);
            if let Some(v) = dict::get_str(d, name) {
                return Ok(Some(v));
            }
            // The `builtins` module: its dict holds only assignments; the rest is static.
            if d == cx.builtins_dict {
                if let Some(v) = crate::builtins::static_lookup(name) {
                    return Ok(Some(v));
                }
            }
            if let Some(v) = builtin_attr(cx, o, name)? {
                return Ok(Some(v));
            }
            return Ok(None);
        }
        _ => {}
    }
    let ty = obj::type_of(o);
    // SAFETY: live type.
    if unsafe { (*ty).flags } & obj::tflags::HAS_GETATTRIBUTE != 0 {
        if let Some(Found::Value(ga)) = cx.type_lookup(ty, q::__getattribute__.value()) {
            return match cx.call(ga, &[o, name], &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) => {
                    // On AttributeError, `__getattr__` gets its turn.
                    if !obj::isinstance(cx.exc, &ATTRIBUTE_ERROR_TYPE) {
                        return Err(e);
                    }
                    match lookup_special(cx, o, &q::__getattr__) {
                        Some(g) => {
                            cx.exc = Value::NULL;
                            cx.call(g, &[o, name], &[]).map(Some)
                        }
                        None => Err(e),
                    }
                }
            };
        }
    }
    getattr_generic(cx, o, name, true)
}

/// `object.__getattribute__(o, name)` followed by `__getattr__`: descriptors, the instance
/// dict, class attributes.
fn getattr_generic(cx: &mut Cx, o: Value, name: Value, hook: bool) -> PyResult<Option<Value>> {
    let found = cx.type_lookup(obj::type_of(o), name);
    getattr_found(cx, o, name, found, hook)
}

/// `getattr_generic` with the class attribute already looked up.
fn getattr_found(
    cx: &mut Cx,
    o: Value,
    name: Value,
    found: Option<Found>,
    hook: bool,
) -> PyResult<Option<Value>> {
    let ty = obj::type_of(o);
    if let Some(Found::Value(f)) = found {
        if is_data_descriptor(cx, f) {
            if obj::kind_of(f) == Kind::Property {
                return bind_value(cx, o, f).map(Some);
            }
            if let Some(get) = lookup_special(cx, f, &q::__get__) {
                let t = Value::from_ptr(ty);
                return cx.call(get, &[f, o, t], &[]).map(Some);
            }
        }
    }
    if let Some(d) = instance_dict(o) {
        if let Some(v) = dict::get_str(d, name) {
            return Ok(Some(v));
        }
    }
    if let Some(found) = found {
        return bind(cx, o, found).map(Some);
    }
    if let Some(v) = builtin_attr(cx, o, name)? {
        return Ok(Some(v));
    }
    // __getattr__ of a class.
    // SAFETY: live type.
    if hook && unsafe { (*ty).is_heap() } {
        if let Some(ga) = lookup_special(cx, o, &q::__getattr__) {
            return cx.call(ga, &[o, name], &[]).map(Some);
        }
    }
    Ok(None)
}

/// LOAD_METHOD: `(function, self)` for a method, `(value, NULL)` for anything else.
pub fn load_method(cx: &mut Cx, o: Value, name: Value) -> PyResult<(Value, Value)> {
    if let Some(r) = method_fast(cx, o, name) {
        return Ok(r);
    }
    let v = getattr(cx, o, name)?;
    Ok((v, Value::NULL))
}

/// How LOAD_METHOD gets a method of an instance of a Python class.
pub(crate) enum MethodPlan {
    /// `(function, self)` or `(value, NULL)`.
    Method(Value, Value),
    /// A computed attribute: see `AttrPlan::Call`.
    Call(Value, bool),
}

/// LOAD_METHOD on an instance of a Python class: a method, or a property getter /
/// `__getattr__` the VM calls stacklessly.
pub(crate) fn load_method_plan(cx: &mut Cx, o: Value, name: Value) -> PyResult<MethodPlan> {
    if let Some((m, s)) = method_fast(cx, o, name) {
        return Ok(MethodPlan::Method(m, s));
    }
    Ok(match getattr_plan(cx, o, name)? {
        AttrPlan::Value(v) => MethodPlan::Method(v, Value::NULL),
        AttrPlan::Call(f, with_name) => MethodPlan::Call(f, with_name),
    })
}

/// A function found on the class (not shadowed in the instance dict) or a native method:
/// `(function, self)` without binding.
fn method_fast(cx: &mut Cx, o: Value, name: Value) -> Option<(Value, Value)> {
    let ty = obj::type_of(o);
    // SAFETY: live type.
    let hooked = unsafe { (*ty).flags } & obj::tflags::HAS_GETATTRIBUTE != 0;
    if !(obj::kind_of(o) == Kind::Type || obj::kind_of(o) == Kind::Module || hooked) || !o.is_ptr()
    {
        if let Some(found) = cx.type_lookup(ty, name) {
            match found {
                Found::Method(f) => {
                    return Some((f, super::ops::instance_base(o).unwrap_or(o)));
                }
                Found::Value(f)
                    if matches!(obj::kind_of(f), Kind::Function)
                        && f.is_ptr()
                        && instance_dict(o)
                            .and_then(|d| dict::get_str(d, name))
                            .is_none() =>
                {
                    return Some((f, o));
                }
                _ => {}
            }
        }
    }
    None
}

/// `super(cls, self).name` as LOAD_METHOD does it.
pub fn super_method(
    cx: &mut Cx,
    cls: Value,
    self_: Value,
    name: Value,
) -> PyResult<(Value, Value)> {
    check_super_args(cx, cls, self_)?;
    let on_class = super_on_class(cls, self_);
    match super_lookup(cx, cls, self_, name)? {
        Some(Found::Value(f))
            if !on_class && matches!(obj::kind_of(f), Kind::Function) && f.is_ptr() =>
        {
            Ok((f, self_))
        }
        Some(Found::Method(f)) if !on_class => {
            Ok((f, super::ops::instance_base(self_).unwrap_or(self_)))
        }
        Some(found) => Ok((bind_super(cx, self_, on_class, found)?, Value::NULL)),
        None => Err(super_attr_error(cx, name)),
    }
}

/// `super(cls, x)` with `x` a class (as in a classmethod): methods are looked up on the class.
fn super_on_class(cls: Value, self_: Value) -> bool {
    obj::kind_of(self_) == Kind::Type
        && self_.is_ptr()
        && obj::kind_of(cls) == Kind::Type
        && obj::is_subtype(self_.raw() as *const TypeObj, cls.raw() as *const TypeObj)
}

/// `super(type, obj)`: obj must be an instance or subtype of type (MicroPython raises an
/// empty TypeError).
pub(crate) fn check_super_args(cx: &mut Cx, cls: Value, self_: Value) -> PyResult<()> {
    if obj::kind_of(cls) != Kind::Type || !cls.is_ptr() {
        return Err(cx.raise_empty(&TYPE_ERROR_TYPE));
    }
    let t = cls.raw() as *const TypeObj;
    if obj::is_subtype(obj::type_of(self_), t) || super_on_class(cls, self_) {
        return Ok(());
    }
    Err(cx.raise_empty(&TYPE_ERROR_TYPE))
}

fn super_attr_error(cx: &mut Cx, name: Value) -> Raised {
    let n = super::ops::alloc_free_name(pystr::str_of(name).unwrap_or("?"));
    cx.raise_fmt(
        &ATTRIBUTE_ERROR_TYPE,
        format_args!("'super' object has no attribute '{n}'"),
    )
}

/// Bind what `super_lookup` found to `self_` (an instance, or a class when `on_class`).
fn bind_super(cx: &mut Cx, self_: Value, on_class: bool, found: Found) -> PyResult<Value> {
    if !on_class {
        return bind(cx, self_, found);
    }
    match found {
        Found::Method(f) | Found::Static(f) => Ok(f),
        Found::ClassMethod(f) => obj::func::new_bound(cx, f, self_),
        Found::Getter(_) => Err(cx.raise_empty(&ATTRIBUTE_ERROR_TYPE)),
        Found::Value(f) => match obj::kind_of(f) {
            Kind::ClassMethod => {
                let func = obj::func::descr_of(f).map_or(Value::NONE, |d| d.a);
                obj::func::new_bound(cx, func, self_)
            }
            Kind::StaticMethod => Ok(obj::func::descr_of(f).map_or(Value::NONE, |d| d.a)),
            _ if super::ops::is_user_object(f) => {
                if let Some(get) = lookup_special(cx, f, &q::__get__) {
                    return cx.call(get, &[f, Value::NONE, self_], &[]);
                }
                Ok(f)
            }
            _ => Ok(f),
        },
    }
}

/// Attribute access on a `super(cls, obj)` object.
fn super_getattr(cx: &mut Cx, sup: Value, name: Value) -> PyResult<Option<Value>> {
    let (cls, self_) = match obj::func::descr_of(sup) {
        Some(d) => (d.a, d.b),
        None => return Ok(None),
    };
    check_super_args(cx, cls, self_)?;
    let on_class = super_on_class(cls, self_);
    match super_lookup(cx, cls, self_, name)? {
        Some(found) => bind_super(cx, self_, on_class, found).map(Some),
        None => match pystr::bytes_of(name) {
            Some(b"__self__") => Ok(Some(self_)),
            Some(b"__thisclass__") => Ok(Some(cls)),
            Some(b"__class__") => Ok(Some(Value::from_static(&SUPER_TYPE))),
            _ => Err(super_attr_error(cx, name)),
        },
    }
}

/// Look `name` up in the MRO of `self_`'s type (or `self_` itself when it is a class),
/// starting after `cls`.
pub(crate) fn super_lookup(
    cx: &mut Cx,
    cls: Value,
    self_: Value,
    name: Value,
) -> PyResult<Option<Found>> {
    let _ = cx;
    let start_ty = if obj::kind_of(self_) == Kind::Type
        && self_.is_ptr()
        && obj::is_subtype(self_.raw() as *const TypeObj, cls.raw() as *const TypeObj)
    {
        self_.raw() as *const TypeObj
    } else {
        obj::type_of(self_)
    };
    // SAFETY: live type.
    let t = unsafe { &*start_ty };
    let name_b = pystr::bytes_of(name).unwrap_or(&[]);
    let mro: &[Value] = if t.is_heap() {
        tuple::items_of(t.mro).unwrap_or(&[])
    } else {
        &[]
    };
    let mut after = false;
    for &m in mro {
        if after {
            // SAFETY: live types.
            let mt = unsafe { &*(m.raw() as *const TypeObj) };
            if mt.is_heap() {
                if let Some(v) = dict::get_str(mt.dict, name) {
                    return Ok(Some(Found::Value(v)));
                }
            } else if let Some(f) = static_builtin_lookup(mt, name, name_b) {
                return Ok(Some(f));
            }
        } else if m == cls {
            after = true;
        }
    }
    if !t.is_heap() {
        // SAFETY: cls is a live type.
        let c = unsafe { &*(cls.raw() as *const TypeObj) };
        if !c.base.is_null() {
            // SAFETY: base of a live type.
            return Ok(static_builtin_lookup(unsafe { &*c.base }, name, name_b));
        }
    }
    Ok(None)
}

/// `o.name = v`.
pub fn setattr(cx: &mut Cx, o: Value, name: Value, v: Value) -> PyResult<()> {
    let ty = obj::type_of(o);
    match obj::kind_of(o) {
        Kind::Type if o.is_ptr() => {
            // SAFETY: kind-checked type.
            let t = unsafe { &*(o.raw() as *const TypeObj) };
            if t.is_heap() {
                let d = t.dict;
                return dict::set(cx, d, name, v);
            }
            let tn = super::ops::alloc_free_name(cx.type_name(o));
            let n = super::ops::alloc_free_name(pystr::str_of(name).unwrap_or("?"));
            return Err(cx.raise_fmt(
                &ATTRIBUTE_ERROR_TYPE,
                format_args!("'{tn}' object has no attribute '{n}'"),
            ));
        }
        Kind::Module if o.is_ptr() => {
            let d = obj::module::dict_of(o).unwrap_or(Value::NULL);
            return dict::set(cx, d, name, v);
        }
        _ => {}
    }
    // SAFETY: live type.
    if unsafe { (*ty).is_heap() } {
        if let Some(sa) = lookup_special(cx, o, &q::__setattr__) {
            cx.call(sa, &[o, name, v], &[])?;
            return Ok(());
        }
        if let Some(Found::Value(f)) = cx.type_lookup(ty, name) {
            if obj::kind_of(f) == Kind::Property {
                let fset = obj::func::descr_of(f).map_or(Value::NONE, |d| d.b);
                if fset.is_none() || fset.is_null() {
                    return Err(attr_error(cx, o, name));
                }
                cx.call(fset, &[o, v], &[])?;
                return Ok(());
            }
            if super::ops::is_user_object(f) {
                if let Some(set) = lookup_special(cx, f, &q::__set__) {
                    cx.call(set, &[f, o, v], &[])?;
                    return Ok(());
                }
            }
        }
    }
    store_instance_attr(cx, o, name, v)
}

/// Store directly in the instance dict (`object.__setattr__`).
pub(crate) fn store_instance_attr(cx: &mut Cx, o: Value, name: Value, v: Value) -> PyResult<()> {
    if obj::kind_of(o) == Kind::Exception {
        let nb = pystr::bytes_of(name).unwrap_or(&[]);
        if crate::obj::methods::exception::exc_setattr(cx, o, nb, v)? {
            return Ok(());
        }
    }
    match obj::kind_of(o) {
        Kind::Instance | Kind::Exception => {
            let d = ensure_dict(cx, o)?;
            dict::set(cx, d, name, v)?;
            note_dict_len(o, dict::len(d));
            Ok(())
        }
        _ => Err(attr_error(cx, o, name)),
    }
}

/// Remember in a class how many attributes its instances have (see `tflags::DICT_HINT_SHIFT`).
pub(crate) fn note_dict_len(o: Value, n: usize) {
    let ty = obj::type_of(o) as *mut TypeObj;
    // SAFETY: a live object's type is live; only classes (heap types, owned by this
    // interpreter) are written.
    unsafe {
        if (*ty).is_heap() {
            let shift = obj::tflags::DICT_HINT_SHIFT;
            let hint = ((*ty).flags >> shift) as usize;
            if n > hint && n <= 255 {
                (*ty).flags = ((*ty).flags & ((1 << shift) - 1)) | ((n as u16) << shift);
            }
        }
    }
}

/// `del o.name`.
pub fn delattr(cx: &mut Cx, o: Value, name: Value) -> PyResult<()> {
    let ty = obj::type_of(o);
    // SAFETY: live type.
    if unsafe { (*ty).is_heap() } && obj::kind_of(o) != Kind::Type {
        if let Some(Found::Value(f)) = cx.type_lookup(ty, name) {
            if obj::kind_of(f) == Kind::Property {
                let fdel = obj::func::descr_of(f).map_or(Value::NONE, |d| d.c);
                if fdel.is_none() || fdel.is_null() {
                    return Err(attr_error(cx, o, name));
                }
                cx.call(fdel, &[o], &[])?;
                return Ok(());
            }
            if super::ops::is_user_object(f) {
                if let Some(del) = lookup_special(cx, f, &q::__delete__) {
                    cx.call(del, &[f, o], &[])?;
                    return Ok(());
                }
            }
        }
        if let Some(da) = lookup_special(cx, o, &q::__delattr__) {
            cx.call(da, &[o, name], &[])?;
            return Ok(());
        }
    }
    delete_instance_attr(cx, o, name)
}

/// Remove from the instance dict (`object.__delattr__`).
pub(crate) fn delete_instance_attr(cx: &mut Cx, o: Value, name: Value) -> PyResult<()> {
    let d = match obj::kind_of(o) {
        Kind::Type if o.is_ptr() => {
            // SAFETY: kind-checked type.
            let t = unsafe { &*(o.raw() as *const TypeObj) };
            if t.is_heap() {
                Some(t.dict)
            } else {
                None
            }
        }
        _ => instance_dict(o),
    };
    if let Some(d) = d {
        if obj::table::remove(cx, d, name)?.is_some() {
            return Ok(());
        }
    }
    Err(attr_error(cx, o, name))
}

/// Get from a mapping used as a namespace (class-body locals): dicts directly.
pub(crate) fn map_get_str(cx: &mut Cx, m: Value, name: Value) -> PyResult<Option<Value>> {
    if obj::kind_of(m) == Kind::Dict {
        return Ok(dict::get_str(m, name));
    }
    match super::ops::getitem(cx, m, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            if obj::isinstance(cx.exc, &KEY_ERROR_TYPE) {
                cx.exc = Value::NULL;
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// Store into a namespace mapping.
pub(crate) fn map_set(cx: &mut Cx, m: Value, k: Value, v: Value) -> PyResult<()> {
    if obj::kind_of(m) == Kind::Dict {
        return dict::set(cx, m, k, v);
    }
    super::ops::setitem(cx, m, k, v)
}

/// Delete from a namespace mapping: `Some(())` if it was there.
pub(crate) fn map_del(cx: &mut Cx, m: Value, k: Value) -> PyResult<Option<()>> {
    Ok(obj::table::remove(cx, m, k)?.map(|_| ()))
}

/// `object.__getattribute__(o, name)`: the generic lookup, without `__getattribute__` or
/// `__getattr__` hooks.
pub(crate) fn object_getattribute(cx: &mut Cx, o: Value, name: Value) -> PyResult<Value> {
    let r = match obj::kind_of(o) {
        Kind::Type | Kind::Module | Kind::Super if o.is_ptr() => getattr_inner(cx, o, name)?,
        _ => getattr_generic(cx, o, name, false)?,
    };
    match r {
        Some(v) => Ok(v),
        None => Err(attr_error(cx, o, name)),
    }
}

/// How LOAD_ATTR gets an attribute of an instance of a Python class.
pub(crate) enum AttrPlan {
    /// The value, found without running Python (or after running non-Python code).
    Value(Value),
    /// Call this Python function with the object (a property getter), or with the object and
    /// the name (`__getattr__`), and use its result: the VM runs it in a frame.
    Call(Value, bool),
}

/// LOAD_ATTR on an instance of a Python class: a property getter or `__getattr__` that is a
/// Python function becomes a call the VM makes stacklessly; everything else is looked up now.
pub(crate) fn getattr_plan(cx: &mut Cx, o: Value, name: Value) -> PyResult<AttrPlan> {
    let ty = obj::type_of(o);
    // SAFETY: live type.
    let (heap, flags) = unsafe { ((*ty).is_heap(), (*ty).flags) };
    if !heap
        || flags & obj::tflags::HAS_GETATTRIBUTE != 0
        || matches!(obj::kind_of(o), Kind::Type | Kind::Module | Kind::Super)
    {
        return getattr(cx, o, name).map(AttrPlan::Value);
    }
    let found = cx.type_lookup(ty, name);
    if let Some(Found::Value(f)) = found {
        if obj::kind_of(f) == Kind::Property {
            let fget = obj::func::descr_of(f).map_or(Value::NONE, |d| d.a);
            if super::dunder::is_plain_function(fget) {
                return Ok(AttrPlan::Call(fget, false));
            }
        }
    }
    if let Some(v) = getattr_found(cx, o, name, found, false)? {
        return Ok(AttrPlan::Value(v));
    }
    match lookup_special(cx, o, &q::__getattr__) {
        Some(ga) if super::dunder::is_plain_function(ga) => Ok(AttrPlan::Call(ga, true)),
        Some(ga) => cx.call(ga, &[o, name], &[]).map(AttrPlan::Value),
        None => Err(attr_error(cx, o, name)),
    }
}

/// STORE_ATTR on an instance of a Python class: the Python function to call stacklessly (a
/// property setter, called with the object and value, or `__setattr__`, called with the
/// object, name and value: the flag), or `None` to store as usual.
pub(crate) fn setattr_plan(cx: &mut Cx, o: Value, name: Value) -> Option<(Value, bool)> {
    let ty = obj::type_of(o);
    // SAFETY: live type.
    if !unsafe { (*ty).is_heap() } || matches!(obj::kind_of(o), Kind::Type | Kind::Module) {
        return None;
    }
    if let Some(m) = lookup_special(cx, o, &q::__setattr__) {
        return super::dunder::is_plain_function(m).then_some((m, true));
    }
    if let Some(Found::Value(f)) = cx.type_lookup(ty, name) {
        if obj::kind_of(f) == Kind::Property {
            let fset = obj::func::descr_of(f).map_or(Value::NONE, |d| d.b);
            return super::dunder::is_plain_function(fset).then_some((fset, false));
        }
    }
    None
}
