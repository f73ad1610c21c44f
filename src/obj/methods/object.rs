//! `object`'s methods.

use crate::native_fn;
use crate::obj::Attr;
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

fn init(_cx: &mut Cx, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn setattr(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::vm::attr::store_instance_attr(cx, args[0], args[1], args[2])?;
    Ok(Value::NONE)
}

fn delattr(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::vm::attr::delete_instance_attr(cx, args[0], args[1])?;
    Ok(Value::NONE)
}

fn getattribute(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::vm::attr::object_getattribute(cx, args[0], args[1])
}

fn eq(_cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(if args[0] == args[1] {
        Value::TRUE
    } else {
        Value::NOT_IMPLEMENTED
    })
}

fn ne(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = crate::vm::ops::eq(cx, args[0], args[1])?;
    Ok(Value::bool(!r))
}

fn hash(_cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::small_int_unchecked((args[0].raw() >> 4) as isize))
}

fn repr(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut b = crate::obj::str::StrBuilder::new(cx);
    super::repr::object_repr(&mut b, args[0]);
    b.finish(cx)
}

fn str_(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::obj::methods::repr::repr(cx, args[0])
}

fn new(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = args[0];
    if crate::obj::kind_of(cls) != crate::obj::Kind::Type {
        return Err(cx.type_error("object.__new__(X): X is not a type object"));
    }
    // SAFETY: kind-checked type.
    if !unsafe { (*(cls.raw() as *const crate::obj::TypeObj)).is_heap() } {
        if cls == Value::from_static(&crate::obj::types::OBJECT_TYPE) {
            return crate::obj::instance::new(cx, &crate::obj::types::OBJECT_TYPE);
        }
        return Err(cx.type_error("object.__new__(X): X is not a type object"));
    }
    crate::vm::class::new_builtin_instance(cx, cls, &[], &[])
}

native_fn!(pub OBJECT_INIT, q::__init__, 1, crate::obj::func::VARARGS, true, init);
native_fn!(OBJECT_SETATTR, q::__setattr__, 3, 3, false, setattr);
native_fn!(OBJECT_DELATTR, q::__delattr__, 2, 2, false, delattr);
native_fn!(
    OBJECT_GETATTRIBUTE,
    q::__getattribute__,
    2,
    2,
    false,
    getattribute
);
native_fn!(OBJECT_EQ, q::__eq__, 2, 2, false, eq);
native_fn!(OBJECT_NE, q::__ne__, 2, 2, false, ne);
native_fn!(OBJECT_HASH, q::__hash__, 1, 1, false, hash);
native_fn!(OBJECT_REPR, q::__repr__, 1, 1, false, repr);
native_fn!(OBJECT_STR, q::__str__, 1, 1, false, str_);
native_fn!(pub OBJECT_NEW, q::__new__, 1, crate::obj::func::VARARGS, true, new);

/// `object`'s attributes.
pub const ATTRS: &[Attr] = &[
    crate::method!(q::__init__, OBJECT_INIT),
    crate::method!(q::__setattr__, OBJECT_SETATTR),
    crate::method!(q::__delattr__, OBJECT_DELATTR),
    crate::method!(q::__getattribute__, OBJECT_GETATTRIBUTE),
    crate::method!(q::__eq__, OBJECT_EQ),
    crate::method!(q::__ne__, OBJECT_NE),
    crate::method!(q::__hash__, OBJECT_HASH),
    crate::method!(q::__repr__, OBJECT_REPR),
    crate::method!(q::__str__, OBJECT_STR),
    crate::staticmethod!(q::__new__, OBJECT_NEW),
];

#[cfg(test)]
mod tests {
    /// Attribute lookup skips `object` for names that are not special (`vm::attr`).
    #[test]
    fn object_has_only_special_methods() {
        for a in super::ATTRS {
            assert!(a.name.as_bytes().starts_with(b"__"));
        }
    }
}
