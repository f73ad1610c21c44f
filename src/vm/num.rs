//! Numeric operators: int (small and big), bool, float and complex, with Python's coercions.
//! The arithmetic itself is `crate::num`; this file maps values to it and errors to exceptions.

use super::{Cx, PyResult, Raised};
use crate::bytecode::opcode::{BinaryOp, UnaryOp};
use crate::gc::heap::TempAlloc;
use crate::num::{self, Big, BigRef, InlineBig, NumError};
use crate::obj::{self, float, int, Kind};
use crate::value::Value;

/// An int operand, borrowed.
pub(crate) enum IntArg<'a> {
    Small(InlineBig),
    Big(BigRef<'a>),
}

impl IntArg<'_> {
    pub(crate) fn as_ref(&self) -> BigRef<'_> {
        match self {
            IntArg::Small(i) => i.as_ref(),
            IntArg::Big(b) => *b,
        }
    }
}

/// View an int or bool value as a big-int operand.
pub(crate) fn int_arg<'a>(v: Value) -> Option<IntArg<'a>> {
    if let Some(i) = v.as_small_int() {
        return Some(IntArg::Small(InlineBig::from_i64(i as i64)));
    }
    if let Some(b) = v.as_bool() {
        return Some(IntArg::Small(InlineBig::from_i64(b as i64)));
    }
    int::big_of(v).map(|(neg, mag)| IntArg::Big(BigRef::new(neg, mag)))
}

/// Whether a value is an int or a bool.
#[inline]
pub(crate) fn is_intlike(v: Value) -> bool {
    v.is_small_int() || v.as_bool().is_some() || (v.is_ptr() && obj::kind_of(v) == Kind::Int)
}

/// A finished big-int computation as a value.
pub(crate) fn big_to_value(cx: &mut Cx, r: Result<Big<TempAlloc>, NumError>) -> PyResult<Value> {
    match r {
        Ok(b) => {
            let neg = b.is_negative();
            int::from_limbs(cx, neg, b.magnitude())
        }
        Err(e) => Err(raise_num_error(cx, e)),
    }
}

/// Raise the exception for a numeric error.
pub(crate) fn raise_num_error(cx: &mut Cx, e: NumError) -> Raised {
    match e {
        NumError::NoMemory | NumError::TooLarge => cx.raise_memory_error(0),
        NumError::ZeroDivision => cx.zero_division(),
        NumError::NegativeShiftCount => cx.value_error("negative shift count"),
        NumError::ZeroModulus => cx.value_error("pow() 3rd argument cannot be 0"),
        NumError::NotInvertible => cx.value_error("base is not invertible for the given modulus"),
        NumError::IntTooLargeForFloat | NumError::DivisionTooLargeForFloat => {
            cx.overflow_error("int too large to convert to float")
        }
        NumError::FloatInfinity | NumError::RatioInfinity => {
            cx.overflow_error("can't convert inf to int")
        }
        NumError::FloatNan | NumError::RatioNan => cx.value_error("can't convert NaN to int"),
        _ => cx.value_error(e.message()),
    }
}

/// The largest big int (in limbs) an operation may produce: a quarter of the heap.
pub(crate) fn max_limbs(cx: &Cx) -> usize {
    (cx.heap.n_blocks() * crate::gc::heap::BLOCK / 16).max(64)
}

/// The float value of a number (int, bool or float), for mixed arithmetic.
pub(crate) fn to_f64(cx: &mut Cx, v: Value) -> PyResult<Option<f64>> {
    if let Some(f) = float::value_of(v) {
        return Ok(Some(f));
    }
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i as f64));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Some(b as i64 as f64));
    }
    if let Some((neg, mag)) = int::big_of(v) {
        return match BigRef::new(neg, mag).to_f64() {
            Ok(f) => Ok(Some(f)),
            Err(e) => Err(raise_num_error(cx, e)),
        };
    }
    Ok(None)
}

/// `-a`, `+a`, `~a` for big ints.
pub(crate) fn int_unary(cx: &mut Cx, op: UnaryOp, a: Value) -> PyResult<Value> {
    let Some(x) = int_arg(a) else { return Ok(a) };
    let al = cx.temp_alloc();
    let r = match op {
        UnaryOp::Negative => x.as_ref().neg(al),
        UnaryOp::Invert => x.as_ref().not(al),
        _ => return Ok(a),
    };
    big_to_value(cx, r)
}

/// Arithmetic and comparison between numbers; `None` when an operand is not a number.
pub(crate) fn numeric_binop(
    cx: &mut Cx,
    op: BinaryOp,
    a: Value,
    b: Value,
) -> PyResult<Option<Value>> {
    let (ka, kb) = (num_kind(a), num_kind(b));
    if ka == 0 || kb == 0 {
        return Ok(None);
    }
    let plain = op.non_inplace();
    if ka == 3 || kb == 3 {
        return complex_binop(cx, plain, a, b).map(Some);
    }
    if ka == 2 || kb == 2 {
        let x = to_f64(cx, a)?.unwrap_or(0.0);
        let y = to_f64(cx, b)?.unwrap_or(0.0);
        return float_binop(cx, plain, x, y).map(Some);
    }
    int_binop(cx, plain, a, b).map(Some)
}

/// 0 = not a number, 1 = int/bool, 2 = float, 3 = complex.
fn num_kind(v: Value) -> u8 {
    if v.is_small_int() || v.as_bool().is_some() {
        return 1;
    }
    match obj::kind_of(v) {
        Kind::Int if v.is_ptr() => 1,
        Kind::Float => 2,
        Kind::Complex => 3,
        _ => 0,
    }
}

fn int_binop(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Value> {
    use BinaryOp::*;
    // Fast path for word-sized values.
    if let (Some(x), Some(y)) = (int::to_i64(a), int::to_i64(b)) {
        let r = match op {
            Add => num::add_i64(x, y),
            Subtract => num::sub_i64(x, y),
            Multiply => num::mul_i64(x, y),
            FloorDivide => num::floordiv_i64(x, y),
            Modulo => num::mod_i64(x, y),
            Power if y >= 0 => num::pow_i64(x, y),
            Lshift => num::shl_i64(x, y),
            Rshift => num::shr_i64(x, y),
            And => Ok(x & y),
            Or => Ok(x | y),
            Xor => Ok(x ^ y),
            Less => return Ok(Value::bool(x < y)),
            More => return Ok(Value::bool(x > y)),
            LessEqual => return Ok(Value::bool(x <= y)),
            MoreEqual => return Ok(Value::bool(x >= y)),
            _ => Err(NumError::TooLarge),
        };
        match r {
            Ok(v) => return int::from_i64(cx, v),
            Err(NumError::ZeroDivision) => return Err(cx.zero_division()),
            Err(NumError::NegativeShiftCount) => return Err(cx.value_error("negative shift count")),
            Err(_) => {}
        }
    }
    let (Some(x), Some(y)) = (int_arg(a), int_arg(b)) else {
        return Err(cx.unsupported_binop(super::ops::op_dunder(op).as_str(), a, b));
    };
    let (x, y) = (x.as_ref(), y.as_ref());
    let al = cx.temp_alloc();
    let r = match op {
        Add => x.add(y, al),
        Subtract => x.sub(y, al),
        Multiply => x.mul(y, al),
        FloorDivide => x.floordiv(y, al),
        Modulo => x.modulo(y, al),
        TrueDivide => {
            return match x.true_div(y, al) {
                Ok(f) => float::new(cx, f),
                Err(e) => Err(raise_num_error(cx, e)),
            }
        }
        Power => {
            if y.is_negative() {
                let fx = to_f64(cx, a)?.unwrap_or(0.0);
                let fy = to_f64(cx, b)?.unwrap_or(0.0);
                return float_binop(cx, Power, fx, fy);
            }
            let ml = max_limbs(cx);
            x.pow(y, ml, al)
        }
        Lshift => {
            let ml = max_limbs(cx);
            x.shl_by(y, ml, al)
        }
        Rshift => x.shr_by(y, al),
        And => x.and(y, al),
        Or => x.or(y, al),
        Xor => x.xor(y, al),
        Less => return Ok(Value::bool(x < y)),
        More => return Ok(Value::bool(x > y)),
        LessEqual => return Ok(Value::bool(x <= y)),
        MoreEqual => return Ok(Value::bool(x >= y)),
        _ => return Err(cx.unsupported_binop(super::ops::op_dunder(op).as_str(), a, b)),
    };
    big_to_value(cx, r)
}

fn float_binop(cx: &mut Cx, op: BinaryOp, x: f64, y: f64) -> PyResult<Value> {
    use BinaryOp::*;
    let r = match op {
        Add => x + y,
        Subtract => x - y,
        Multiply => x * y,
        TrueDivide => {
            if y == 0.0 {
                return Err(cx.zero_division());
            }
            x / y
        }
        FloorDivide => match num::float_floordiv(x, y) {
            Ok(v) => v,
            Err(_) => return Err(cx.zero_division()),
        },
        Modulo => match num::float_mod(x, y) {
            Ok(v) => v,
            Err(_) => return Err(cx.zero_division()),
        },
        Power => {
            if x == 0.0 && y < 0.0 {
                return Err(cx.zero_division());
            }
            if x < 0.0 && y != libm::trunc(y) {
                // A negative base to a fractional power is complex.
                let (r, i) = complex_pow((x, 0.0), (y, 0.0));
                return float::new_complex(cx, r, i);
            }
            let r = libm::pow(x, y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                // CPython raises where MicroPython gives inf.
                return Err(cx.overflow_error("numerical result out of range"));
            }
            r
        }
        Less => return Ok(Value::bool(x < y)),
        More => return Ok(Value::bool(x > y)),
        LessEqual => return Ok(Value::bool(x <= y)),
        MoreEqual => return Ok(Value::bool(x >= y)),
        _ => {
            let a = float::new(cx, x)?;
            let mark = cx.roots_mark();
            cx.root(a)?;
            let b = float::new(cx, y)?;
            cx.roots_truncate(mark);
            return Err(cx.unsupported_binop(super::ops::op_dunder(op).as_str(), a, b));
        }
    };
    float::new(cx, r)
}

fn complex_parts(cx: &mut Cx, v: Value) -> PyResult<(f64, f64)> {
    if let Some(c) = float::complex_of(v) {
        return Ok(c);
    }
    Ok((to_f64(cx, v)?.unwrap_or(0.0), 0.0))
}

fn complex_pow(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    if b == (0.0, 0.0) {
        return (1.0, 0.0);
    }
    if a == (0.0, 0.0) {
        return (0.0, 0.0);
    }
    let vabs = libm::hypot(a.0, a.1);
    let len = libm::pow(vabs, b.0);
    let at = libm::atan2(a.1, a.0);
    let mut phase = at * b.0;
    let len = if b.1 != 0.0 {
        phase += b.1 * libm::log(vabs);
        len / libm::exp(at * b.1)
    } else {
        len
    };
    (len * libm::cos(phase), len * libm::sin(phase))
}

fn complex_binop(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Value> {
    use BinaryOp::*;
    let (ar, ai) = complex_parts(cx, a)?;
    let (br, bi) = complex_parts(cx, b)?;
    let (r, i) = match op {
        Add => (ar + br, ai + bi),
        Subtract => (ar - br, ai - bi),
        Multiply => (ar * br - ai * bi, ar * bi + ai * br),
        TrueDivide => {
            let d = br * br + bi * bi;
            if d == 0.0 {
                return Err(cx.zero_division());
            }
            ((ar * br + ai * bi) / d, (ai * br - ar * bi) / d)
        }
        Power => {
            if (ar, ai) == (0.0, 0.0) && (bi != 0.0 || br < 0.0) {
                return Err(cx.zero_division());
            }
            complex_pow((ar, ai), (br, bi))
        }
        _ => return Err(cx.unsupported_binop(super::ops::op_dunder(op).as_str(), a, b)),
    };
    float::new_complex(cx, r, i)
}

/// Numeric equality across int/bool/float/complex; `None` if either is not a number.
pub(crate) fn numeric_eq(a: Value, b: Value) -> Option<bool> {
    let (ka, kb) = (num_kind(a), num_kind(b));
    if ka == 0 || kb == 0 {
        return None;
    }
    if ka == 1 && kb == 1 {
        let (x, y) = (int_arg(a)?, int_arg(b)?);
        return Some(x.as_ref() == y.as_ref());
    }
    if ka == 3 || kb == 3 {
        let pa = float::complex_of(a).or_else(|| real_of(a).map(|r| (r, 0.0)))?;
        let pb = float::complex_of(b).or_else(|| real_of(b).map(|r| (r, 0.0)))?;
        return Some(pa == pb);
    }
    // float vs int: compare exactly.
    let (f, other) = if ka == 2 {
        (float::value_of(a)?, b)
    } else {
        (float::value_of(b)?, a)
    };
    if num_kind(other) == 2 {
        return Some(f == float::value_of(other)?);
    }
    let x = int_arg(other)?;
    Some(x.as_ref().cmp_f64(f) == Some(core::cmp::Ordering::Equal))
}

fn real_of(v: Value) -> Option<f64> {
    if let Some(f) = float::value_of(v) {
        return Some(f);
    }
    let x = int_arg(v)?;
    x.as_ref().to_f64().ok()
}

/// Python's hash of a small int.
#[inline]
pub(crate) fn hash_small_int(i: isize) -> usize {
    InlineBig::from_i64(i as i64).as_ref().hash() as usize
}

/// Python's hash of an int, float or complex object.
pub(crate) fn hash_number(v: Value) -> usize {
    if let Some(f) = float::value_of(v) {
        return num::float_hash(f) as usize;
    }
    if let Some((r, i)) = float::complex_of(v) {
        let hr = num::float_hash(r) as usize;
        let hi = num::float_hash(i) as usize;
        return hr.wrapping_add(hi.wrapping_mul(1_000_003));
    }
    match int_arg(v) {
        Some(x) => x.as_ref().hash() as usize,
        None => v.raw(),
    }
}
