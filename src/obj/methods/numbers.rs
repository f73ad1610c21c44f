//! Methods of `int`, `float` and `complex`.

use crate::native_fn;
use crate::num::BigRef;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{float, int, str as pystr, Attr};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::num::{big_to_value, int_arg, raise_num_error};
use crate::vm::{Cx, PyResult};

/// Append a complex number's repr: `(1+2j)`, `2j`, `(-0-1j)`.
pub fn write_complex(b: &mut StrBuilder, r: f64, i: f64) {
    if r == 0.0 && r.is_sign_positive() {
        super::repr::write_float_short(b, i);
        b.push_byte(b'j');
        return;
    }
    b.push_byte(b'(');
    super::repr::write_float_short(b, r);
    if i >= 0.0 || i.is_nan() {
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

fn int_index(_cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0])
}

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
];

/// `float`'s attributes.
pub const FLOAT_ATTRS: &[Attr] = &[
    crate::method!(q::is_integer, FLOAT_IS_INTEGER),
    crate::method!(q::as_integer_ratio, FLOAT_AS_RATIO),
    crate::method!(q::conjugate, FLOAT_CONJUGATE),
    crate::method!(q::hex, FLOAT_HEX),
    crate::getter!(q::real, float_real),
    crate::getter!(q::imag, float_zero),
];

/// `complex`'s attributes.
pub const COMPLEX_ATTRS: &[Attr] = &[
    crate::method!(q::conjugate, COMPLEX_CONJUGATE),
    crate::getter!(q::real, complex_real),
    crate::getter!(q::imag, complex_imag),
];

/// Keep BigRef in scope for future helpers.
#[allow(dead_code)]
fn _unused(_b: BigRef) {}
