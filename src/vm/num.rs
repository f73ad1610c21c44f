//! Numeric operators: int (small and big), bool, float and complex, with Python's coercions.
//! The arithmetic itself is `crate::num`; this file maps values to it and errors to exceptions.

use super::{Cx, PyResult, Raised};
use crate::bytecode::opcode::{BinaryOp, UnaryOp};
use crate::gc::heap::TempAlloc;
use crate::num::{self, Big, BigRef, InlineBig, NumError};
use crate::obj::types::ZERO_DIVISION_ERROR_TYPE;
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
        NumError::ZeroModulus => cx.value_error("divide by zero"),
        NumError::NotInvertible => cx.value_error("base is not invertible for the given modulus"),
        NumError::IntTooLargeForFloat | NumError::DivisionTooLargeForFloat => {
            cx.overflow_error("int too large to convert to float")
        }
        NumError::FloatInfinity => cx.overflow_error("can't convert inf to int"),
        NumError::FloatNan => cx.value_error("can't convert NaN to int"),
        NumError::RatioInfinity
        | NumError::RoundOverflow
        | NumError::BytesOverflow
        | NumError::NegativeUnsigned => cx.overflow_error(e.message()),
        _ => cx.value_error(e.message()),
    }
}

/// The bytes a big int of `bits` bits needs (saturating), for `MemoryError` messages.
fn bits_to_bytes(bits: u64) -> usize {
    usize::try_from(bits.saturating_add(31) / 32 * 4).unwrap_or(usize::MAX)
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
        if let Some(r) = compare_mixed(plain, a, b) {
            return Ok(Some(Value::bool(r)));
        }
        if !is_float_op(plain) {
            return Err(cx.unsupported_binop(super::ops::op_dunder(plain).as_str(), a, b));
        }
        let x = to_f64(cx, a)?.unwrap_or(0.0);
        let y = to_f64(cx, b)?.unwrap_or(0.0);
        return float_binop(cx, plain, x, y).map(Some);
    }
    // bool & bool, bool | bool and bool ^ bool stay bools.
    if let (Some(x), Some(y)) = (a.as_bool(), b.as_bool()) {
        match plain {
            BinaryOp::And => return Ok(Some(Value::bool(x & y))),
            BinaryOp::Or => return Ok(Some(Value::bool(x | y))),
            BinaryOp::Xor => return Ok(Some(Value::bool(x ^ y))),
            _ => {}
        }
    }
    int_binop(cx, plain, a, b).map(Some)
}

/// `a <op> b` for the float operations the dispatch loop tries before the general path: `+`,
/// `-`, `*` (also in place) of two floats or a float and a small int, and comparisons of two
/// floats. `None` when it does not apply (the general path then gives the same result).
#[inline]
pub(crate) fn float_fast(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> Option<PyResult<Value>> {
    use BinaryOp::*;
    let (fa, fb) = (float::value_of(a), float::value_of(b));
    let (x, y) = match (fa, fb) {
        (Some(x), Some(y)) => (x, y),
        (Some(x), None) => (x, b.as_small_int()? as f64),
        (None, Some(y)) => (a.as_small_int()? as f64, y),
        (None, None) => return None,
    };
    let both = fa.is_some() && fb.is_some();
    let r = match op.non_inplace() {
        Add => x + y,
        Subtract => x - y,
        Multiply => x * y,
        TrueDivide if y != 0.0 => x / y,
        Power if both => return Some(float_pow(cx, x, y)),
        // Comparing with an int is exact in Python, not through a rounded conversion.
        Equal if both => return Some(Ok(Value::bool(x == y))),
        NotEqual if both => return Some(Ok(Value::bool(x != y))),
        Less if both => return Some(Ok(Value::bool(x < y))),
        More if both => return Some(Ok(Value::bool(x > y))),
        LessEqual if both => return Some(Ok(Value::bool(x <= y))),
        MoreEqual if both => return Some(Ok(Value::bool(x >= y))),
        _ => return None,
    };
    Some(float::new(cx, r))
}

/// 0 = not a number, 1 = int/bool, 2 = float, 3 = complex.
pub(crate) fn num_kind(v: Value) -> u8 {
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

/// Whether `op` is defined for floats.
fn is_float_op(op: BinaryOp) -> bool {
    use BinaryOp::*;
    matches!(
        op,
        Add | Subtract | Multiply | TrueDivide | FloorDivide | Modulo | Power
    )
}

/// `<`, `<=`, `>`, `>=` between an int or float and a float, exactly (no rounding of big
/// ints, no overflow); `None` for other operators.
fn compare_mixed(op: BinaryOp, a: Value, b: Value) -> Option<bool> {
    use core::cmp::Ordering;
    use BinaryOp::*;
    if !matches!(op, Less | More | LessEqual | MoreEqual) {
        return None;
    }
    let ord = match (float::value_of(a), float::value_of(b)) {
        (Some(x), Some(y)) => x.partial_cmp(&y),
        (Some(x), None) => int_arg(b)?.as_ref().cmp_f64(x).map(Ordering::reverse),
        (None, Some(y)) => int_arg(a)?.as_ref().cmp_f64(y),
        (None, None) => return None,
    };
    Some(match (op, ord) {
        (_, None) => false,
        (Less, Some(o)) => o == Ordering::Less,
        (More, Some(o)) => o == Ordering::Greater,
        (LessEqual, Some(o)) => o != Ordering::Greater,
        (_, Some(o)) => o != Ordering::Less,
    })
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
    match op {
        TrueDivide => {
            let al = cx.temp_alloc();
            return match x.true_div(y, al) {
                Ok(f) => float::new(cx, f),
                Err(e) => Err(raise_num_error(cx, e)),
            };
        }
        Power if y.is_negative() => {
            // A negative power is a float power of the converted operands.
            let fx = to_f64(cx, a)?.unwrap_or(0.0);
            let fy = to_f64(cx, b)?.unwrap_or(0.0);
            return float_binop(cx, Power, fx, fy);
        }
        Less => return Ok(Value::bool(x < y)),
        More => return Ok(Value::bool(x > y)),
        LessEqual => return Ok(Value::bool(x <= y)),
        MoreEqual => return Ok(Value::bool(x >= y)),
        Add | Subtract | Multiply | FloorDivide | Modulo | Power | Lshift | Rshift | And | Or
        | Xor => {}
        _ => return Err(cx.unsupported_binop(super::ops::op_dunder(op).as_str(), a, b)),
    }
    let ml = max_limbs(cx);
    let compute = |al: TempAlloc| match op {
        Add => x.add(y, al),
        Subtract => x.sub(y, al),
        Multiply => x.mul(y, al),
        FloorDivide => x.floordiv(y, al),
        Modulo => x.modulo(y, al),
        Power => x.pow(y, ml, al),
        Lshift => x.shl_by(y, ml, al),
        Rshift => x.shr_by(y, al),
        And => x.and(y, al),
        Or => x.or(y, al),
        _ => x.xor(y, al),
    };
    let mut r = compute(cx.temp_alloc());
    if let Err(NumError::NoMemory) = r {
        // The temporary limbs come from the heap, which may be full of garbage: collect (with
        // the operands rooted, since the limbs borrowed above live in them) and try once more.
        let mark = cx.roots_mark();
        cx.root(a)?;
        cx.root(b)?;
        let collected = cx.gc_after_alloc_failure();
        cx.roots_truncate(mark);
        if collected {
            r = compute(cx.temp_alloc());
        }
    }
    if let Err(NumError::TooLarge) = r {
        let (xb, yv) = (x.bit_length(), y.to_u64().unwrap_or(u64::MAX));
        let bits = match op {
            Power => xb.saturating_mul(yv),
            Lshift => xb.saturating_add(yv),
            _ => 0,
        };
        if bits > 0 {
            return Err(cx.raise_memory_error(bits_to_bytes(bits)));
        }
    }
    big_to_value(cx, r)
}

/// `x ** y` for floats with Python's rules: `ZeroDivisionError` for zero to a negative power,
/// a complex result for a negative base and a fractional exponent, `OverflowError` when a
/// finite power overflows.
pub(crate) fn float_pow(cx: &mut Cx, x: f64, y: f64) -> PyResult<Value> {
    // Infinities first, as CPython: `0.0 ** -inf` is inf and `(-inf) ** 0.5` is inf (the
    // C library's pow has these right).
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(cx.zero_division());
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y != libm::floor(y) {
        let (r, i) = complex_pow((x, 0.0), (y, 0.0));
        return float::new_complex(cx, r, i);
    }
    let r = num::float_math::pow(x, y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(cx.overflow_error("(34, 'Numerical result out of range')"));
    }
    float::new(cx, r)
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
        Power => return float_pow(cx, x, y),
        Less => return Ok(Value::bool(x < y)),
        More => return Ok(Value::bool(x > y)),
        LessEqual => return Ok(Value::bool(x <= y)),
        _ => return Ok(Value::bool(x >= y)),
    };
    float::new(cx, r)
}

/// The parts of a number as a complex (ints and floats get a zero imaginary part).
pub(crate) fn complex_parts(cx: &mut Cx, v: Value) -> PyResult<(f64, f64)> {
    if let Some(c) = float::complex_of(v) {
        return Ok(c);
    }
    Ok((to_f64(cx, v)?.unwrap_or(0.0), 0.0))
}

/// `a * b` for complex numbers.
#[inline]
fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` for complex numbers by Smith's method, as CPython computes it; `None` when `b` is
/// zero.
pub(crate) fn c_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `a ** n` for a small integer `n` by repeated squaring (CPython's `c_powi`); `None` for a
/// zero base and a negative power.
fn c_powi(a: (f64, f64), n: i64) -> Option<(f64, f64)> {
    let mut m = n.unsigned_abs();
    let mut r = (1.0, 0.0);
    let mut p = a;
    while m > 0 {
        if m & 1 == 1 {
            r = c_prod(r, p);
        }
        m >>= 1;
        if m > 0 {
            p = c_prod(p, p);
        }
    }
    if n > 0 {
        Some(r)
    } else {
        c_quot((1.0, 0.0), r)
    }
}

/// `a ** b` for complex numbers by polar form (CPython's `_Py_c_pow`).
fn complex_pow(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    if b == (0.0, 0.0) {
        return (1.0, 0.0);
    }
    if a == (0.0, 0.0) {
        return (0.0, 0.0);
    }
    let vabs = num::float_trig::hypot(a.0, a.1);
    let mut len = num::float_math::pow(vabs, b.0);
    let at = num::float_trig::atan2(a.1, a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= num::float_math::exp(at * b.1);
        phase += b.1 * num::float_math::log(vabs);
    }
    (
        len * num::float_trig::cos(phase),
        len * num::float_trig::sin(phase),
    )
}

fn complex_binop(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Value> {
    use BinaryOp::*;
    if !matches!(op, Add | Subtract | Multiply | TrueDivide | Power) {
        return Err(cx.unsupported_binop(super::ops::op_dunder(op).as_str(), a, b));
    }
    let x = complex_parts(cx, a)?;
    let y = complex_parts(cx, b)?;
    let r = match op {
        Add => (x.0 + y.0, x.1 + y.1),
        Subtract => (x.0 - y.0, x.1 - y.1),
        Multiply => c_prod(x, y),
        TrueDivide => match c_quot(x, y) {
            Some(r) => r,
            None => return Err(cx.raise_msg(&ZERO_DIVISION_ERROR_TYPE, COMPLEX_DIVIDE_BY_ZERO)),
        },
        _ => {
            let small_int = y.1 == 0.0 && y.0 == libm::floor(y.0) && y.0.abs() <= 100.0;
            let r = if small_int {
                c_powi(x, y.0 as i64)
            } else if x == (0.0, 0.0) && (y.1 != 0.0 || y.0 < 0.0) {
                None
            } else {
                Some(complex_pow(x, y))
            };
            let Some(r) = r else {
                return Err(cx.raise_msg(&ZERO_DIVISION_ERROR_TYPE, COMPLEX_DIVIDE_BY_ZERO));
            };
            if r.0.is_infinite() || r.1.is_infinite() {
                return Err(cx.overflow_error("complex exponentiation"));
            }
            r
        }
    };
    float::new_complex(cx, r.0, r.1)
}

/// MicroPython's message for a complex division by zero.
const COMPLEX_DIVIDE_BY_ZERO: &str = "complex divide by zero";

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
    // Below the modulus (2**61 - 1 on 64-bit targets) an int is its own hash, except -1.
    #[cfg(target_pointer_width = "64")]
    if (i as i64).unsigned_abs() < (1u64 << 61) - 1 {
        return if i == -1 {
            -2isize as usize
        } else {
            i as usize
        };
    }
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

/// CPython's tuple hash (xxHash's mixing, 3.8+), so tuples hash as in CPython.
pub(crate) fn hash_tuple(cx: &mut Cx, t: Value) -> PyResult<usize> {
    #[cfg(target_pointer_width = "64")]
    const P: (usize, usize, usize, u32) = (
        11_400_714_785_074_694_791,
        14_029_467_366_897_019_727,
        2_870_177_450_012_600_261,
        31,
    );
    #[cfg(not(target_pointer_width = "64"))]
    const P: (usize, usize, usize, u32) = (2_654_435_761, 2_246_822_519, 374_761_393, 13);
    let mut acc = P.2;
    let mut i = 0;
    while let Some(&x) = obj::tuple::items_of(t).and_then(|items| items.get(i)) {
        let lane = super::ops::hash(cx, x)?;
        acc = acc.wrapping_add(lane.wrapping_mul(P.1));
        acc = acc.rotate_left(P.3);
        acc = acc.wrapping_mul(P.0);
        i += 1;
    }
    acc = acc.wrapping_add(i ^ (P.2 ^ 3_527_539));
    Ok(if acc == usize::MAX {
        1_546_275_796
    } else {
        acc
    })
}

/// CPython's frozenset hash: an order-independent mix of the members' hashes.
pub(crate) fn hash_frozenset(cx: &mut Cx, s: Value) -> PyResult<usize> {
    let shuffle = |h: usize| ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167);
    let mut h: usize = 0;
    let mut n: usize = 0;
    let mut i = 0;
    while let Some((next, k, _)) = obj::table::next_entry(s, i) {
        h ^= shuffle(super::ops::hash(cx, k)?);
        n += 1;
        i = next;
    }
    h ^= n.wrapping_add(1).wrapping_mul(1_927_868_237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69_069).wrapping_add(907_133_923);
    Ok(if h == usize::MAX { 590_923_713 } else { h })
}
