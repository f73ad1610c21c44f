//! Slot wrappers: the special methods of builtin types (`list.__len__`, `int.__add__`,
//! `dict.__setitem__`, `str.__new__`, ...), reached through the generic operations.
//!
//! Builtin types implement their operators in the VM (`vm/ops.rs`, `vm/seq.rs`), not as
//! methods; these wrappers make them visible as attributes, so that `super().__setitem__(k, v)`
//! in a dict subclass, `int.__add__(1, 2)` or `[].__len__()` work. The attribute lookup
//! consults [`lookup`] after a builtin type's static table. Operators never go through here:
//! `lookup_special` only reports methods defined in Python.

use crate::bytecode::opcode::{BinaryOp, UnaryOp};
use crate::native_fn;
use crate::obj::func::{NativeFnObj, VARARGS};
use crate::obj::types::*;
use crate::obj::{self, int, Kind, TypeObj};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// The builtin object behind `v` (the wrapped base of an instance of a builtin subclass).
#[inline]
fn unwrap(v: Value) -> Value {
    ops::instance_base(v).unwrap_or(v)
}

/// `a <op> b` on builtin operands, `NotImplemented` when the types do not support it.
fn binop(cx: &mut Cx, op: BinaryOp, a: Value, b: Value, reflected: bool) -> PyResult<Value> {
    let a = unwrap(a);
    if ops::is_user_object(b) && ops::instance_base(b).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let b = unwrap(b);
    let r = if reflected {
        ops::binary(cx, op, b, a)
    } else {
        ops::binary(cx, op, a, b)
    };
    match r {
        Ok(v) => Ok(v),
        Err(e) => {
            if obj::isinstance(cx.exc, &TYPE_ERROR_TYPE) {
                cx.exc = Value::NULL;
                Ok(Value::NOT_IMPLEMENTED)
            } else {
                Err(e)
            }
        }
    }
}

macro_rules! binop_slots {
    ($(($id:ident, $name:ident, $op:ident, $refl:expr)),* $(,)?) => {
        $(
            native_fn!($id, q::$name, 2, 2, false, {
                fn f(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
                    binop(cx, BinaryOp::$op, a[0], a[1], $refl)
                }
                f
            });
        )*
    };
}

binop_slots!(
    (ADD, __add__, Add, false),
    (SUB, __sub__, Subtract, false),
    (MUL, __mul__, Multiply, false),
    (TRUEDIV, __truediv__, TrueDivide, false),
    (FLOORDIV, __floordiv__, FloorDivide, false),
    (MOD, __mod__, Modulo, false),
    (POW, __pow__, Power, false),
    (LSHIFT, __lshift__, Lshift, false),
    (RSHIFT, __rshift__, Rshift, false),
    (AND, __and__, And, false),
    (OR, __or__, Or, false),
    (XOR, __xor__, Xor, false),
    (RADD, __radd__, Add, true),
    (RSUB, __rsub__, Subtract, true),
    (RMUL, __rmul__, Multiply, true),
    (RTRUEDIV, __rtruediv__, TrueDivide, true),
    (RFLOORDIV, __rfloordiv__, FloorDivide, true),
    (RMOD, __rmod__, Modulo, true),
    (RPOW, __rpow__, Power, true),
    (RLSHIFT, __rlshift__, Lshift, true),
    (RRSHIFT, __rrshift__, Rshift, true),
    (RAND, __rand__, And, true),
    (ROR, __ror__, Or, true),
    (RXOR, __rxor__, Xor, true),
    (IADD, __iadd__, InplaceAdd, false),
    (IMUL, __imul__, InplaceMultiply, false),
    (IOR, __ior__, InplaceOr, false),
    (IAND, __iand__, InplaceAnd, false),
    (IXOR, __ixor__, InplaceXor, false),
    (ISUB, __isub__, InplaceSubtract, false),
    (LT, __lt__, Less, false),
    (LE, __le__, LessEqual, false),
    (GT, __gt__, More, false),
    (GE, __ge__, MoreEqual, false),
);

fn eq(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if ops::is_user_object(a[1]) && ops::instance_base(a[1]).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(Value::bool(ops::eq(cx, unwrap(a[0]), unwrap(a[1]))?))
}

fn ne(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if ops::is_user_object(a[1]) && ops::instance_base(a[1]).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(Value::bool(!ops::eq(cx, unwrap(a[0]), unwrap(a[1]))?))
}

fn hash(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let h = ops::hash(cx, unwrap(a[0]))? as isize;
    int::from_i64(cx, h as i64)
}

fn unary(cx: &mut Cx, op: UnaryOp, v: Value) -> PyResult<Value> {
    ops::unary(cx, op, unwrap(v))
}

fn neg(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    unary(cx, UnaryOp::Negative, a[0])
}
fn pos(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    unary(cx, UnaryOp::Positive, a[0])
}
fn invert(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    unary(cx, UnaryOp::Invert, a[0])
}
fn bool_(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(ops::truthy(cx, unwrap(a[0]))?))
}
fn abs(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let v = unwrap(a[0]);
    if let Some((r, i)) = obj::float::complex_of(v) {
        return obj::float::new(cx, libm::hypot(r, i));
    }
    let neg = ops::binary(cx, BinaryOp::Less, v, Value::small_int_unchecked(0))?;
    if neg == Value::TRUE {
        ops::unary(cx, UnaryOp::Negative, v)
    } else {
        Ok(v)
    }
}
fn int_(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    crate::builtins::ctors::construct(cx, &INT_TYPE, &[unwrap(a[0])], &[])
}
fn float_(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    crate::builtins::ctors::construct(cx, &FLOAT_TYPE, &[unwrap(a[0])], &[])
}
fn index(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let v = unwrap(a[0]);
    if let Some(b) = v.as_bool() {
        return Ok(Value::small_int_unchecked(b as isize));
    }
    Ok(v)
}

fn len(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = ops::len(cx, unwrap(a[0]))?;
    int::from_i128(cx, n as i128)
}
fn getitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    ops::getitem(cx, unwrap(a[0]), a[1])
}
fn setitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    ops::setitem(cx, unwrap(a[0]), a[1], a[2])?;
    Ok(Value::NONE)
}
fn delitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    ops::delitem(cx, unwrap(a[0]), a[1])?;
    Ok(Value::NONE)
}
fn contains(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(ops::contains(cx, unwrap(a[0]), a[1])?))
}
fn iter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    ops::get_iter(cx, unwrap(a[0]))
}
fn next(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    match ops::iter_next(cx, a[0])? {
        Some(v) => Ok(v),
        None => Err(cx.raise_empty(&STOP_ITERATION_TYPE)),
    }
}
fn repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    super::repr::repr(cx, unwrap(a[0]))
}
fn str_(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    super::repr::to_str(cx, unwrap(a[0]))
}

/// `list.__init__(self, [iterable])`, `dict.__init__(self, ...)`, `set.__init__`,
/// `bytearray.__init__`: (re)fill a mutable builtin from the constructor's arguments.
fn init_mutable(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let target = unwrap(a[0]);
    let ty = obj::type_of(target);
    // SAFETY: live type.
    let t = unsafe { &*ty };
    let fresh = crate::builtins::ctors::construct(cx, t, &a[1..], kw)?;
    let mark = cx.roots_mark();
    cx.root(fresh)?;
    let r = replace_contents(cx, target, fresh);
    cx.roots_truncate(mark);
    r.map(|_| Value::NONE)
}

/// Fill the mutable builtin `target` from `src` (a fresh object of the same kind), as its
/// `__init__` does.
fn replace_contents(cx: &mut Cx, target: Value, src: Value) -> PyResult<()> {
    match obj::kind_of(target) {
        Kind::List | Kind::ByteArray => {
            // target[:] = src
            let all = obj::slice::new(cx, Value::NONE, Value::NONE, Value::NONE)?;
            let mark = cx.roots_mark();
            cx.root(all)?;
            let r = ops::setitem(cx, target, all, src);
            cx.roots_truncate(mark);
            r
        }
        // dict.__init__ updates; set.__init__ starts over.
        Kind::Dict => super::dict::update_from(cx, target, src),
        Kind::Set => {
            obj::table::clear(cx, target);
            super::set::add_all(cx, target, src)
        }
        _ => Ok(()),
    }
}

/// `T.__new__(cls, *args)` for a builtin `T`: a new `T`, or an instance of the subclass `cls`
/// wrapping one.
fn new(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = a[0];
    if obj::kind_of(cls) != Kind::Type || !cls.is_ptr() {
        return Err(cx.type_error("__new__(X): X is not a type object"));
    }
    crate::vm::class::new_builtin_instance(cx, cls, &a[1..], kw)
}

/// `type.__call__(cls, *args, **kw)`: create and initialise an instance.
fn type_call(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = a[0];
    if obj::kind_of(cls) != Kind::Type || !cls.is_ptr() {
        return Err(cx.type_error("descriptor '__call__' requires a 'type' object"));
    }
    crate::vm::class::call_type_plain(cx, cls, &a[1..], kw)
}

/// `type.__init__(cls, ...)`: nothing to do.
fn type_init(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

native_fn!(EQ, q::__eq__, 2, 2, false, eq);
native_fn!(NE, q::__ne__, 2, 2, false, ne);
native_fn!(HASH, q::__hash__, 1, 1, false, hash);
native_fn!(NEG, q::__neg__, 1, 1, false, neg);
native_fn!(POS, q::__pos__, 1, 1, false, pos);
native_fn!(INVERT, q::__invert__, 1, 1, false, invert);
native_fn!(ABS, q::__abs__, 1, 1, false, abs);
native_fn!(BOOL, q::__bool__, 1, 1, false, bool_);
native_fn!(INT, q::__int__, 1, 1, false, int_);
native_fn!(FLOAT, q::__float__, 1, 1, false, float_);
native_fn!(INDEX, q::__index__, 1, 1, false, index);
native_fn!(LEN, q::__len__, 1, 1, false, len);
native_fn!(GETITEM, q::__getitem__, 2, 2, false, getitem);
native_fn!(SETITEM, q::__setitem__, 3, 3, false, setitem);
native_fn!(DELITEM, q::__delitem__, 2, 2, false, delitem);
native_fn!(CONTAINS, q::__contains__, 2, 2, false, contains);
native_fn!(ITER, q::__iter__, 1, 1, false, iter);
native_fn!(NEXT, q::__next__, 1, 1, false, next);
native_fn!(REPR, q::__repr__, 1, 1, false, repr);
native_fn!(STR, q::__str__, 1, 1, false, str_);
native_fn!(INIT_MUTABLE, q::__init__, 1, VARARGS, true, init_mutable);
native_fn!(pub NEW, q::__new__, 1, VARARGS, true, new);
native_fn!(TYPE_CALL, q::__call__, 1, VARARGS, true, type_call);
native_fn!(TYPE_INIT, q::__init__, 1, VARARGS, true, type_init);

/// Which families of special methods a builtin type has.
fn is_number(k: Kind) -> bool {
    matches!(k, Kind::Int | Kind::Float | Kind::Complex)
}

fn is_container(k: Kind) -> bool {
    matches!(
        k,
        Kind::Str
            | Kind::Bytes
            | Kind::ByteArray
            | Kind::Tuple
            | Kind::List
            | Kind::Dict
            | Kind::Set
            | Kind::FrozenSet
            | Kind::Range
            | Kind::MemoryView
    )
}

fn is_sequence(k: Kind) -> bool {
    matches!(
        k,
        Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::Tuple | Kind::List
    )
}

fn is_set(k: Kind) -> bool {
    matches!(k, Kind::Set | Kind::FrozenSet)
}

/// The slot wrapper for special method `name` of the builtin type `t` (not its bases), if the
/// type supports the operation.
pub(crate) fn lookup(t: &TypeObj, name: &[u8]) -> Option<&'static NativeFnObj> {
    if t.is_heap() || name.len() < 5 || !name.starts_with(b"__") {
        return None;
    }
    let k = t.kind;
    let p = t as *const TypeObj;
    if core::ptr::eq(p, &TYPE_TYPE) {
        return match name {
            b"__call__" => Some(&TYPE_CALL),
            b"__new__" => Some(&NEW),
            b"__init__" => Some(&TYPE_INIT),
            _ => None,
        };
    }
    let num = is_number(k);
    let cont = is_container(k);
    let seq = is_sequence(k);
    let set = is_set(k);
    let int_like = k == Kind::Int;
    let hashable = matches!(
        k,
        Kind::Int
            | Kind::Float
            | Kind::Complex
            | Kind::Str
            | Kind::Bytes
            | Kind::Tuple
            | Kind::FrozenSet
            | Kind::Range
    );
    let yes = |c: bool, f: &'static NativeFnObj| if c { Some(f) } else { None };
    match name {
        b"__new__" => yes(
            t.flags & crate::obj::tflags::BASETYPE != 0 && k != Kind::Object,
            &NEW,
        ),
        b"__init__" => yes(
            matches!(k, Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray),
            &INIT_MUTABLE,
        ),
        b"__repr__" => yes(k != Kind::Object && k != Kind::Exception, &REPR),
        b"__str__" => yes(k != Kind::Object && k != Kind::Exception, &STR),
        b"__eq__" => yes(num || cont || k == Kind::Immediate, &EQ),
        b"__ne__" => yes(num || cont || k == Kind::Immediate, &NE),
        b"__hash__" => yes(hashable, &HASH),
        b"__bool__" => yes(num, &BOOL),
        b"__lt__" | b"__le__" | b"__gt__" | b"__ge__" => {
            if !(seq || set || (num && k != Kind::Complex)) {
                return None;
            }
            Some(match name {
                b"__lt__" => &LT,
                b"__le__" => &LE,
                b"__gt__" => &GT,
                _ => &GE,
            })
        }
        b"__len__" => yes(cont, &LEN),
        b"__getitem__" => yes(cont && !set, &GETITEM),
        b"__setitem__" => yes(
            matches!(k, Kind::List | Kind::Dict | Kind::ByteArray),
            &SETITEM,
        ),
        b"__delitem__" => yes(
            matches!(k, Kind::List | Kind::Dict | Kind::ByteArray),
            &DELITEM,
        ),
        b"__contains__" => yes(cont, &CONTAINS),
        b"__iter__" => yes(cont || k == Kind::Iter, &ITER),
        b"__next__" => yes(k == Kind::Iter, &NEXT),
        b"__neg__" => yes(num, &NEG),
        b"__pos__" => yes(num, &POS),
        b"__abs__" => yes(num, &ABS),
        b"__invert__" => yes(int_like, &INVERT),
        b"__int__" => yes(num && k != Kind::Complex, &INT),
        b"__float__" => yes(num && k != Kind::Complex, &FLOAT),
        b"__index__" => yes(int_like, &INDEX),
        b"__add__" => yes(num || seq, &ADD),
        b"__radd__" => yes(num, &RADD),
        b"__mul__" => yes(num || seq, &MUL),
        b"__rmul__" => yes(num || seq, &RMUL),
        b"__mod__" => yes(num || matches!(k, Kind::Str | Kind::Bytes), &MOD),
        b"__rmod__" => yes(num, &RMOD),
        b"__iadd__" => yes(k == Kind::List, &IADD),
        b"__imul__" => yes(k == Kind::List, &IMUL),
        b"__sub__" => yes(num || set, &SUB),
        b"__rsub__" => yes(num || set, &RSUB),
        b"__or__" => yes(int_like || set || k == Kind::Dict, &OR),
        b"__ror__" => yes(int_like || set || k == Kind::Dict, &ROR),
        b"__and__" => yes(int_like || set, &AND),
        b"__rand__" => yes(int_like || set, &RAND),
        b"__xor__" => yes(int_like || set, &XOR),
        b"__rxor__" => yes(int_like || set, &RXOR),
        b"__ior__" => yes(set || k == Kind::Dict, &IOR),
        b"__iand__" => yes(k == Kind::Set, &IAND),
        b"__ixor__" => yes(k == Kind::Set, &IXOR),
        b"__isub__" => yes(k == Kind::Set, &ISUB),
        b"__truediv__" => yes(num, &TRUEDIV),
        b"__rtruediv__" => yes(num, &RTRUEDIV),
        b"__floordiv__" => yes(num && k != Kind::Complex, &FLOORDIV),
        b"__rfloordiv__" => yes(num && k != Kind::Complex, &RFLOORDIV),
        b"__pow__" => yes(num, &POW),
        b"__rpow__" => yes(num, &RPOW),
        b"__lshift__" => yes(int_like, &LSHIFT),
        b"__rlshift__" => yes(int_like, &RLSHIFT),
        b"__rshift__" => yes(int_like, &RSHIFT),
        b"__rrshift__" => yes(int_like, &RRSHIFT),
        _ => None,
    }
}
