//! Methods of `int`, `float` and `complex`.

use crate::bytecode::opcode::{BinaryOp, UnaryOp};
use crate::native_fn;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{float, int, str as pystr, Attr};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::num::{big_to_value, int_arg, num_kind, numeric_binop, numeric_eq, raise_num_error};
use crate::vm::{ops, Cx, PyResult};

/// Append a complex number's repr: `(1+2j)`, `2j`, `(-0-1j)`.
pub fn write_complex(b: &mut StrBuilder, r: f64, i: f64) {
    if r == 0.0 && r.is_sign_positive() {
        super::repr::write_float_short(b, i);
        b.push_byte(b'j');
        return;
    }
    b.push_byte(b'(');
    super::repr::write_float_short(b, r);
    if !i.is_sign_negative() || i.is_nan() {
        b.push_byte(b'+');
    }
    super::repr::write_float_short(b, i);
    b.push_str("j)");
}

fn int_of<'a>(cx: &mut Cx, v: Value) -> PyResult<crate::vm::num::IntArg<'a>> {
    match int_arg(v) {
        Some(a) => Ok(a),
        None => Err(cx.type_error("can't convert to int")),
    }
}

fn bit_length(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = int_of(cx, args[0])?;
    Ok(Value::small_int_unchecked(a.as_ref().bit_length() as isize))
}

fn bit_count(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = int_of(cx, args[0])?;
    Ok(Value::small_int_unchecked(a.as_ref().bit_count() as isize))
}

fn identity(_cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = args[0];
    Ok(if let Some(b) = v.as_bool() {
        Value::small_int_unchecked(b as isize)
    } else {
        v
    })
}

fn zero(_cx: &mut Cx, _v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(0))
}

fn int_real(_cx: &mut Cx, v: Value) -> PyResult<Value> {
    Ok(if let Some(b) = v.as_bool() {
        Value::small_int_unchecked(b as isize)
    } else {
        v
    })
}

fn one(_cx: &mut Cx, _v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(1))
}

fn byteorder(cx: &mut Cx, v: Value) -> PyResult<bool> {
    match pystr::bytes_of(v) {
        Some(b"little") => Ok(true),
        Some(b"big") => Ok(false),
        _ => Err(cx.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn to_bytes(cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this, length, order, signed] =
        crate::builtins::args::parse(cx, args, kw, ["self", "length", "byteorder", "signed"], 3)?;
    let length = if length.is_null() {
        1
    } else {
        crate::vm::seq::int_arg(cx, length)?
    };
    if length < 0 {
        return Err(cx.value_error("length argument must be non-negative"));
    }
    let little = if order.is_null() {
        false
    } else {
        byteorder(cx, order)?
    };
    let signed = !signed.is_null() && crate::vm::ops::truthy(cx, signed)?;
    let a = int_of(cx, this)?;
    let len = length as usize;
    let mut buf = allocator_api2::vec::Vec::new_in(cx.temp_alloc());
    if buf.try_reserve(len).is_err() {
        return Err(cx.raise_memory_error(len));
    }
    buf.resize(len, 0u8);
    match a.as_ref().to_bytes(&mut buf, little, signed) {
        Ok(()) => pystr::new_bytes(cx, &buf),
        Err(crate::num::NumError::BytesOverflow) => {
            if crate::flavour::CIRCUITPYTHON {
                Err(cx.raise_fmt(
                    &OVERFLOW_ERROR_TYPE,
                    format_args!("value must fit in {len} byte(s)"),
                ))
            } else {
                Err(cx.raise_fmt(
                    &OVERFLOW_ERROR_TYPE,
                    format_args!("value would overflow a {len} byte buffer"),
                ))
            }
        }
        Err(e) => Err(raise_num_error(cx, e)),
    }
}

fn from_bytes(cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [cls, bytes, order, signed] =
        crate::builtins::args::parse(cx, args, kw, ["cls", "bytes", "byteorder", "signed"], 3)?;
    let _ = cls;
    let little = if order.is_null() {
        false
    } else {
        byteorder(cx, order)?
    };
    let signed = !signed.is_null() && crate::vm::ops::truthy(cx, signed)?;
    let bytes = if matches!(
        crate::obj::kind_of(bytes),
        crate::obj::Kind::Bytes | crate::obj::Kind::ByteArray | crate::obj::Kind::MemoryView
    ) {
        bytes
    } else {
        let b = crate::builtins::ctors::bytes_from(cx, bytes)?;
        cx.root(b)?;
        b
    };
    let data = super::bytes::buffer_bytes(cx, bytes)?;
    let al = cx.temp_alloc();
    let r = crate::num::Big::from_bytes(data, little, signed, al);
    big_to_value(cx, r)
}

fn is_integer(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(f) = float::value_of(args[0]) else {
        return Err(cx.type_error("float expected"));
    };
    Ok(Value::bool(crate::num::float_is_integer(f)))
}

fn as_integer_ratio(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(f) = float::value_of(args[0]) else {
        return Err(cx.type_error("float expected"));
    };
    let al = cx.temp_alloc();
    match crate::num::float_as_integer_ratio(f, al) {
        Ok((n, d)) => {
            let nv = int::from_limbs(cx, n.is_negative(), n.magnitude())?;
            let mark = cx.roots_mark();
            cx.root(nv)?;
            let dv = int::from_limbs(cx, d.is_negative(), d.magnitude())?;
            cx.root(dv)?;
            let t = crate::obj::tuple::new(cx, &[nv, dv]);
            cx.roots_truncate(mark);
            t
        }
        Err(e) => Err(raise_num_error(cx, e)),
    }
}

fn float_real(_cx: &mut Cx, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn float_zero(cx: &mut Cx, _v: Value) -> PyResult<Value> {
    float::new(cx, 0.0)
}

fn complex_real(cx: &mut Cx, v: Value) -> PyResult<Value> {
    float::new(cx, float::complex_of(v).map_or(0.0, |c| c.0))
}

fn complex_imag(cx: &mut Cx, v: Value) -> PyResult<Value> {
    float::new(cx, float::complex_of(v).map_or(0.0, |c| c.1))
}

fn complex_conj(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (r, i) = float::complex_of(args[0]).unwrap_or((0.0, 0.0));
    float::new_complex(cx, r, -i)
}

fn float_hex(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = float::value_of(args[0]).unwrap_or(0.0);
    let mut b = StrBuilder::new(cx);
    super::format::write_float_hex(&mut b, f);
    b.finish(cx)
}

fn float_fromhex(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(s) = pystr::str_of(args[1]) else {
        let tn = ops::alloc_free_name(cx.type_name(args[1]));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("can't convert '{tn}' object to str implicitly"),
        ));
    };
    let f = match crate::num::parse_hex_float(s) {
        Ok(f) => f,
        Err(crate::num::NumError::Overflow) => {
            return Err(cx.overflow_error("hexadecimal value too large to represent as a float"))
        }
        Err(_) => return Err(cx.value_error("invalid hexadecimal floating-point string")),
    };
    let v = float::new(cx, f)?;
    let cls = args[0];
    if cls == Value::from_static(&FLOAT_TYPE) {
        return Ok(v);
    }
    cx.root(v)?;
    cx.call(cls, &[v], &[])
}

fn int_index(_cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0])
}

/// The number inside `v` (itself, or the builtin base of an instance of a subclass).
fn num_self(v: Value) -> Value {
    ops::instance_base(v).unwrap_or(v)
}

/// Check that `self` of a method of numeric family `family` (1 int, 2 float, 3 complex) is one.
fn check_self(cx: &mut Cx, v: Value, family: u8, _name: &str) -> PyResult<Value> {
    let s = num_self(v);
    if num_kind(s) != family {
        let want = match family {
            1 => "int",
            2 => "float",
            _ => "complex",
        };
        let tn = ops::alloc_free_name(cx.type_name(v));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("argument should be a '{want}' not a '{tn}'"),
        ));
    }
    Ok(s)
}

/// A binary dunder of family `family`: NotImplemented when `other` is not a number the family
/// accepts (ints for int; ints and floats for float; all three for complex).
fn dunder_binop(
    cx: &mut Cx,
    args: &[Value],
    op: BinaryOp,
    family: u8,
    reflected: bool,
) -> PyResult<Value> {
    let a = check_self(cx, args[0], family, ops::op_dunder(op).as_str())?;
    let b = num_self(args[1]);
    let kb = num_kind(b);
    if kb == 0 || kb > family {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    match op {
        BinaryOp::Equal => Ok(Value::bool(numeric_eq(x, y).unwrap_or(false))),
        BinaryOp::NotEqual => Ok(Value::bool(!numeric_eq(x, y).unwrap_or(false))),
        BinaryOp::Less | BinaryOp::More | BinaryOp::LessEqual | BinaryOp::MoreEqual
            if family == 3 || kb == 3 =>
        {
            Ok(Value::NOT_IMPLEMENTED)
        }
        _ => Ok(numeric_binop(cx, op, x, y)?.unwrap_or(Value::NOT_IMPLEMENTED)),
    }
}

/// Declare binary dunders: `(STATIC, name, op, family, reflected)`.
macro_rules! binop_dunders {
    ($(($id:ident, $name:ident, $op:ident, $fam:expr, $rev:expr)),* $(,)?) => {
        $(
            native_fn!($id, q::$name, 2, 2, false, {
                fn f(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
                    dunder_binop(cx, a, BinaryOp::$op, $fam, $rev)
                }
                f
            });
        )*
    };
}

binop_dunders!(
    (I_ADD, __add__, Add, 1, false),
    (I_RADD, __radd__, Add, 1, true),
    (I_SUB, __sub__, Subtract, 1, false),
    (I_RSUB, __rsub__, Subtract, 1, true),
    (I_MUL, __mul__, Multiply, 1, false),
    (I_RMUL, __rmul__, Multiply, 1, true),
    (I_FLOORDIV, __floordiv__, FloorDivide, 1, false),
    (I_RFLOORDIV, __rfloordiv__, FloorDivide, 1, true),
    (I_TRUEDIV, __truediv__, TrueDivide, 1, false),
    (I_RTRUEDIV, __rtruediv__, TrueDivide, 1, true),
    (I_MOD, __mod__, Modulo, 1, false),
    (I_RMOD, __rmod__, Modulo, 1, true),
    (I_POW, __pow__, Power, 1, false),
    (I_RPOW, __rpow__, Power, 1, true),
    (I_LSHIFT, __lshift__, Lshift, 1, false),
    (I_RLSHIFT, __rlshift__, Lshift, 1, true),
    (I_RSHIFT, __rshift__, Rshift, 1, false),
    (I_RRSHIFT, __rrshift__, Rshift, 1, true),
    (I_AND, __and__, And, 1, false),
    (I_RAND, __rand__, And, 1, true),
    (I_OR, __or__, Or, 1, false),
    (I_ROR, __ror__, Or, 1, true),
    (I_XOR, __xor__, Xor, 1, false),
    (I_RXOR, __rxor__, Xor, 1, true),
    (I_EQ, __eq__, Equal, 1, false),
    (I_NE, __ne__, NotEqual, 1, false),
    (I_LT, __lt__, Less, 1, false),
    (I_LE, __le__, LessEqual, 1, false),
    (I_GT, __gt__, More, 1, false),
    (I_GE, __ge__, MoreEqual, 1, false),
    (F_ADD, __add__, Add, 2, false),
    (F_RADD, __radd__, Add, 2, true),
    (F_SUB, __sub__, Subtract, 2, false),
    (F_RSUB, __rsub__, Subtract, 2, true),
    (F_MUL, __mul__, Multiply, 2, false),
    (F_RMUL, __rmul__, Multiply, 2, true),
    (F_FLOORDIV, __floordiv__, FloorDivide, 2, false),
    (F_RFLOORDIV, __rfloordiv__, FloorDivide, 2, true),
    (F_TRUEDIV, __truediv__, TrueDivide, 2, false),
    (F_RTRUEDIV, __rtruediv__, TrueDivide, 2, true),
    (F_MOD, __mod__, Modulo, 2, false),
    (F_RMOD, __rmod__, Modulo, 2, true),
    (F_POW, __pow__, Power, 2, false),
    (F_RPOW, __rpow__, Power, 2, true),
    (F_EQ, __eq__, Equal, 2, false),
    (F_NE, __ne__, NotEqual, 2, false),
    (F_LT, __lt__, Less, 2, false),
    (F_LE, __le__, LessEqual, 2, false),
    (F_GT, __gt__, More, 2, false),
    (F_GE, __ge__, MoreEqual, 2, false),
    (C_ADD, __add__, Add, 3, false),
    (C_RADD, __radd__, Add, 3, true),
    (C_SUB, __sub__, Subtract, 3, false),
    (C_RSUB, __rsub__, Subtract, 3, true),
    (C_MUL, __mul__, Multiply, 3, false),
    (C_RMUL, __rmul__, Multiply, 3, true),
    (C_TRUEDIV, __truediv__, TrueDivide, 3, false),
    (C_RTRUEDIV, __rtruediv__, TrueDivide, 3, true),
    (C_POW, __pow__, Power, 3, false),
    (C_RPOW, __rpow__, Power, 3, true),
    (C_EQ, __eq__, Equal, 3, false),
    (C_NE, __ne__, NotEqual, 3, false),
);

fn dunder_divmod(cx: &mut Cx, a: &[Value], fam: u8, reflected: bool) -> PyResult<Value> {
    let x = check_self(cx, a[0], fam, "__divmod__")?;
    let y = num_self(a[1]);
    let ky = num_kind(y);
    if ky == 0 || ky > fam {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if reflected {
        crate::builtins::numeric::divmod_values(cx, y, x)
    } else {
        crate::builtins::numeric::divmod_values(cx, x, y)
    }
}

fn i_divmod(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    dunder_divmod(cx, a, 1, false)
}
fn i_rdivmod(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    dunder_divmod(cx, a, 1, true)
}
fn f_divmod(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    dunder_divmod(cx, a, 2, false)
}
fn f_rdivmod(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    dunder_divmod(cx, a, 2, true)
}

/// A unary dunder: the operator applied to the number inside `self`.
fn dunder_unary(cx: &mut Cx, a: &[Value], op: UnaryOp, fam: u8, name: &str) -> PyResult<Value> {
    let x = check_self(cx, a[0], fam, name)?;
    ops::unary(cx, op, x)
}

macro_rules! unary_dunders {
    ($(($id:ident, $name:ident, $op:ident, $fam:expr)),* $(,)?) => {
        $(
            native_fn!($id, q::$name, 1, 1, false, {
                fn f(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
                    dunder_unary(cx, a, UnaryOp::$op, $fam, stringify!($name))
                }
                f
            });
        )*
    };
}

unary_dunders!(
    (I_NEG, __neg__, Negative, 1),
    (I_POS, __pos__, Positive, 1),
    (I_INVERT, __invert__, Invert, 1),
    (F_NEG, __neg__, Negative, 2),
    (F_POS, __pos__, Positive, 2),
    (C_NEG, __neg__, Negative, 3),
    (C_POS, __pos__, Positive, 3),
);

fn num_abs(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = num_self(a[0]);
    crate::builtins::numeric::abs_value(cx, x)
}

fn num_bool(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = num_self(a[0]);
    Ok(Value::bool(ops::truthy(cx, x)?))
}

fn num_int(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = num_self(a[0]);
    crate::builtins::ctors::int_from(cx, x, Value::NULL)
}

fn num_float(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = num_self(a[0]);
    crate::builtins::ctors::float_from(cx, x)
}

fn num_hash(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = num_self(a[0]);
    let h = ops::hash(cx, x)? as isize;
    int::from_i64(cx, h as i64)
}

fn num_round(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = num_self(a[0]);
    crate::builtins::numeric::round_value(cx, x, a.get(1).copied().unwrap_or(Value::NULL))
}

fn float_floor(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = float::value_of(num_self(a[0])).unwrap_or(0.0);
    float_to_int(cx, libm::floor(f))
}
fn float_ceil(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = float::value_of(num_self(a[0])).unwrap_or(0.0);
    float_to_int(cx, libm::ceil(f))
}

/// `int(f)` for a float (truncating; errors for inf and nan).
pub fn float_to_int(cx: &mut Cx, f: f64) -> PyResult<Value> {
    // Most floats converted fit a machine word: no big-int detour.
    if f.abs() < 9.0e18 {
        return crate::obj::int::from_i64(cx, f as i64);
    }
    let al = cx.temp_alloc();
    let r = crate::num::float_to_big(f, al);
    big_to_value(cx, r)
}

native_fn!(I_DIVMOD, q::__divmod__, 2, 2, false, i_divmod);
native_fn!(I_RDIVMOD, q::__rdivmod__, 2, 2, false, i_rdivmod);
native_fn!(F_DIVMOD, q::__divmod__, 2, 2, false, f_divmod);
native_fn!(F_RDIVMOD, q::__rdivmod__, 2, 2, false, f_rdivmod);
native_fn!(N_ABS, q::__abs__, 1, 1, false, num_abs);
native_fn!(N_BOOL, q::__bool__, 1, 1, false, num_bool);
native_fn!(N_INT, q::__int__, 1, 1, false, num_int);
native_fn!(N_TRUNC, q::__trunc__, 1, 1, false, num_int);
native_fn!(N_FLOOR, q::__floor__, 1, 1, false, num_int);
native_fn!(N_CEIL, q::__ceil__, 1, 1, false, num_int);
native_fn!(N_FLOAT, q::__float__, 1, 1, false, num_float);
native_fn!(N_HASH, q::__hash__, 1, 1, false, num_hash);
native_fn!(N_ROUND, q::__round__, 1, 2, false, num_round);
native_fn!(F_FLOOR, q::__floor__, 1, 1, false, float_floor);
native_fn!(F_CEIL, q::__ceil__, 1, 1, false, float_ceil);

native_fn!(INT_BIT_LENGTH, q::bit_length, 1, 1, false, bit_length);
native_fn!(INT_BIT_COUNT, q::bit_count, 1, 1, false, bit_count);
native_fn!(INT_CONJUGATE, q::conjugate, 1, 1, false, identity);
native_fn!(INT_TO_BYTES, q::to_bytes, 1, 4, true, to_bytes);
native_fn!(INT_FROM_BYTES, q::from_bytes, 2, 4, true, from_bytes);
native_fn!(INT_INDEX, q::__index__, 1, 1, false, int_index);
native_fn!(FLOAT_IS_INTEGER, q::is_integer, 1, 1, false, is_integer);
native_fn!(
    FLOAT_AS_RATIO,
    q::as_integer_ratio,
    1,
    1,
    false,
    as_integer_ratio
);
native_fn!(FLOAT_CONJUGATE, q::conjugate, 1, 1, false, identity);
native_fn!(FLOAT_HEX, q::hex, 1, 1, false, float_hex);
native_fn!(FLOAT_FROMHEX, q::fromhex, 2, 2, false, float_fromhex);
native_fn!(COMPLEX_CONJUGATE, q::conjugate, 1, 1, false, complex_conj);

/// `int`'s attributes.
pub const INT_ATTRS: &[Attr] = &[
    crate::method!(q::bit_length, INT_BIT_LENGTH),
    crate::method!(q::bit_count, INT_BIT_COUNT),
    crate::method!(q::conjugate, INT_CONJUGATE),
    crate::method!(q::to_bytes, INT_TO_BYTES),
    crate::classmethod!(q::from_bytes, INT_FROM_BYTES),
    crate::method!(q::__index__, INT_INDEX),
    crate::getter!(q::real, int_real),
    crate::getter!(q::imag, zero),
    crate::getter!(q::numerator, int_real),
    crate::getter!(q::denominator, one),
    crate::method!(q::__add__, I_ADD),
    crate::method!(q::__radd__, I_RADD),
    crate::method!(q::__sub__, I_SUB),
    crate::method!(q::__rsub__, I_RSUB),
    crate::method!(q::__mul__, I_MUL),
    crate::method!(q::__rmul__, I_RMUL),
    crate::method!(q::__floordiv__, I_FLOORDIV),
    crate::method!(q::__rfloordiv__, I_RFLOORDIV),
    crate::method!(q::__truediv__, I_TRUEDIV),
    crate::method!(q::__rtruediv__, I_RTRUEDIV),
    crate::method!(q::__mod__, I_MOD),
    crate::method!(q::__rmod__, I_RMOD),
    crate::method!(q::__pow__, I_POW),
    crate::method!(q::__rpow__, I_RPOW),
    crate::method!(q::__divmod__, I_DIVMOD),
    crate::method!(q::__rdivmod__, I_RDIVMOD),
    crate::method!(q::__lshift__, I_LSHIFT),
    crate::method!(q::__rlshift__, I_RLSHIFT),
    crate::method!(q::__rshift__, I_RSHIFT),
    crate::method!(q::__rrshift__, I_RRSHIFT),
    crate::method!(q::__and__, I_AND),
    crate::method!(q::__rand__, I_RAND),
    crate::method!(q::__or__, I_OR),
    crate::method!(q::__ror__, I_ROR),
    crate::method!(q::__xor__, I_XOR),
    crate::method!(q::__rxor__, I_RXOR),
    crate::method!(q::__eq__, I_EQ),
    crate::method!(q::__ne__, I_NE),
    crate::method!(q::__lt__, I_LT),
    crate::method!(q::__le__, I_LE),
    crate::method!(q::__gt__, I_GT),
    crate::method!(q::__ge__, I_GE),
    crate::method!(q::__neg__, I_NEG),
    crate::method!(q::__pos__, I_POS),
    crate::method!(q::__invert__, I_INVERT),
    crate::method!(q::__abs__, N_ABS),
    crate::method!(q::__bool__, N_BOOL),
    crate::method!(q::__int__, N_INT),
    crate::method!(q::__float__, N_FLOAT),
    crate::method!(q::__trunc__, N_TRUNC),
    crate::method!(q::__floor__, N_FLOOR),
    crate::method!(q::__ceil__, N_CEIL),
    crate::method!(q::__round__, N_ROUND),
    crate::method!(q::__hash__, N_HASH),
];

/// `float`'s attributes.
pub const FLOAT_ATTRS: &[Attr] = &[
    crate::method!(q::is_integer, FLOAT_IS_INTEGER),
    crate::method!(q::as_integer_ratio, FLOAT_AS_RATIO),
    crate::method!(q::conjugate, FLOAT_CONJUGATE),
    crate::method!(q::hex, FLOAT_HEX),
    crate::classmethod!(q::fromhex, FLOAT_FROMHEX),
    crate::getter!(q::real, float_real),
    crate::getter!(q::imag, float_zero),
    crate::method!(q::__add__, F_ADD),
    crate::method!(q::__radd__, F_RADD),
    crate::method!(q::__sub__, F_SUB),
    crate::method!(q::__rsub__, F_RSUB),
    crate::method!(q::__mul__, F_MUL),
    crate::method!(q::__rmul__, F_RMUL),
    crate::method!(q::__floordiv__, F_FLOORDIV),
    crate::method!(q::__rfloordiv__, F_RFLOORDIV),
    crate::method!(q::__truediv__, F_TRUEDIV),
    crate::method!(q::__rtruediv__, F_RTRUEDIV),
    crate::method!(q::__mod__, F_MOD),
    crate::method!(q::__rmod__, F_RMOD),
    crate::method!(q::__pow__, F_POW),
    crate::method!(q::__rpow__, F_RPOW),
    crate::method!(q::__divmod__, F_DIVMOD),
    crate::method!(q::__rdivmod__, F_RDIVMOD),
    crate::method!(q::__eq__, F_EQ),
    crate::method!(q::__ne__, F_NE),
    crate::method!(q::__lt__, F_LT),
    crate::method!(q::__le__, F_LE),
    crate::method!(q::__gt__, F_GT),
    crate::method!(q::__ge__, F_GE),
    crate::method!(q::__neg__, F_NEG),
    crate::method!(q::__pos__, F_POS),
    crate::method!(q::__abs__, N_ABS),
    crate::method!(q::__bool__, N_BOOL),
    crate::method!(q::__int__, N_INT),
    crate::method!(q::__float__, N_FLOAT),
    crate::method!(q::__trunc__, N_TRUNC),
    crate::method!(q::__floor__, F_FLOOR),
    crate::method!(q::__ceil__, F_CEIL),
    crate::method!(q::__round__, N_ROUND),
    crate::method!(q::__hash__, N_HASH),
];

/// `complex`'s attributes.
pub const COMPLEX_ATTRS: &[Attr] = &[
    crate::method!(q::conjugate, COMPLEX_CONJUGATE),
    crate::getter!(q::real, complex_real),
    crate::getter!(q::imag, complex_imag),
    crate::method!(q::__add__, C_ADD),
    crate::method!(q::__radd__, C_RADD),
    crate::method!(q::__sub__, C_SUB),
    crate::method!(q::__rsub__, C_RSUB),
    crate::method!(q::__mul__, C_MUL),
    crate::method!(q::__rmul__, C_RMUL),
    crate::method!(q::__truediv__, C_TRUEDIV),
    crate::method!(q::__rtruediv__, C_RTRUEDIV),
    crate::method!(q::__pow__, C_POW),
    crate::method!(q::__rpow__, C_RPOW),
    crate::method!(q::__eq__, C_EQ),
    crate::method!(q::__ne__, C_NE),
    crate::method!(q::__neg__, C_NEG),
    crate::method!(q::__pos__, C_POS),
    crate::method!(q::__abs__, N_ABS),
    crate::method!(q::__bool__, N_BOOL),
    crate::method!(q::__hash__, N_HASH),
];
