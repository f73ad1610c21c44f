//! Float arithmetic whose results Python specifies beyond IEEE: `%`, `//` and `divmod`
//! (floor semantics with the sign of the divisor), `round()` (correctly rounded, half to
//! even on the exact binary value), `hash()` (consistent with `hash(int)` for integral
//! values), `as_integer_ratio()`, `is_integer()` and conversion to int.

use allocator_api2::alloc::Allocator;

use super::bigint::{Big, InlineBig};
use super::float_dec::{Decimal, MAX_DIGITS};
use super::NumError;

/// Python's `x % y` for floats: the result has the sign of `y` (CPython's `float_rem`).
pub fn float_mod(x: f64, y: f64) -> Result<f64, NumError> {
    if y == 0.0 {
        return Err(NumError::ZeroDivision);
    }
    let m = libm::fmod(x, y);
    Ok(if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    })
}

/// Python's `divmod(x, y)` for floats (CPython's `float_divmod`).
pub fn float_divmod(x: f64, y: f64) -> Result<(f64, f64), NumError> {
    if y == 0.0 {
        return Err(NumError::ZeroDivision);
    }
    let mut m = libm::fmod(x, y);
    // (x - m) is an exact multiple of y, so this division is exact in the reals.
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = libm::floor(div);
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    Ok((floordiv, m))
}

/// Python's `x // y` for floats.
pub fn float_floordiv(x: f64, y: f64) -> Result<f64, NumError> {
    Ok(float_divmod(x, y)?.0)
}

/// `round(x)` before conversion to int: nearest integer, ties to even.
pub fn float_round_half_even(x: f64) -> f64 {
    let r = libm::round(x);
    if libm::fabs(x - r) == 0.5 {
        2.0 * libm::round(x / 2.0)
    } else {
        r
    }
}

/// `round(x, ndigits)` for a float: the exact binary value rounded half-to-even to
/// `ndigits` decimal places (negative: tens, hundreds, ...), then converted back to the
/// nearest float. Non-finite values round to themselves. `RoundOverflow` when the rounded
/// value is beyond the float range (`round(1.7e308, -308)`).
pub fn float_round(x: f64, ndigits: i64) -> Result<f64, NumError> {
    // CPython's NDIGITS_MAX / NDIGITS_MIN: beyond these the answer is known.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let mut d = Decimal::exact(x);
    d.round_to_fraction_digits(ndigits);
    if d.is_zero() {
        return Ok(0.0f64.copysign(x));
    }
    // "-0.DIGITSe+POINT" and let core's correctly rounded parser do the rest.
    let mut buf = [0u8; MAX_DIGITS + 24];
    let mut n = 0;
    let mut put = |b: u8| {
        if let Some(slot) = buf.get_mut(n) {
            *slot = b;
            n += 1;
        }
    };
    if x < 0.0 {
        put(b'-');
    }
    put(b'0');
    put(b'.');
    for &v in d.digits.iter().take(d.len) {
        put(b'0' + v % 10);
    }
    put(b'e');
    let p = d.point;
    if p < 0 {
        put(b'-');
    }
    let mut tmp = [0u8; 12];
    let mut k = 0;
    let mut a = p.unsigned_abs();
    loop {
        tmp[k] = b'0' + (a % 10) as u8;
        a /= 10;
        k += 1;
        if a == 0 || k == tmp.len() {
            break;
        }
    }
    for &c in tmp[..k].iter().rev() {
        put(c);
    }
    let s =
        core::str::from_utf8(buf.get(..n).unwrap_or(&[])).map_err(|_| NumError::InvalidLiteral)?;
    let r: f64 = s.parse().map_err(|_| NumError::InvalidLiteral)?;
    if r.is_infinite() {
        return Err(NumError::RoundOverflow);
    }
    Ok(r)
}

/// `x` as `m * 2**e` with `m < 2**53` an integer (exact for finite `x`; sign dropped).
fn mantissa_exp(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let bexp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if bexp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), bexp - 1075)
    }
}

/// `hash(x)` modulo `2**bits - 1`, as CPython's `_Py_HashDouble` (NaN hashes to 0 here;
/// CPython 3.10+ hashes NaN by object identity).
fn hash_mersenne(x: f64, bits: u32) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    let p = (1u128 << bits) - 1;
    let (m, e) = mantissa_exp(x);
    // 2**bits == 1 (mod p), so 2**e == 2**(e mod bits), also for negative e.
    let s = e.rem_euclid(bits as i32) as u32;
    let h = ((u128::from(m) % p) << s) % p;
    let h = h as i64;
    let h = if x < 0.0 { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(x)` for a float with the 64-bit modulus `2**61 - 1`.
pub fn float_hash64(x: f64) -> i64 {
    hash_mersenne(x, 61)
}

/// `hash(x)` for a float as on 32-bit targets (modulus `2**31 - 1`).
pub fn float_hash32(x: f64) -> i32 {
    hash_mersenne(x, 31) as i32
}

/// `hash(x)` for a float on this target.
pub fn float_hash(x: f64) -> isize {
    #[cfg(target_pointer_width = "64")]
    {
        float_hash64(x) as isize
    }
    #[cfg(not(target_pointer_width = "64"))]
    {
        float_hash32(x) as isize
    }
}

/// `x.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && libm::trunc(x) == x
}

/// `int(x)` (truncation toward zero); errors for infinities and NaN.
pub fn float_to_big<A: Allocator>(x: f64, alloc: A) -> Result<Big<A>, NumError> {
    Big::from_f64(x, alloc)
}

/// `x.as_integer_ratio()`: the exact value as a fraction in lowest terms with a positive
/// denominator (a power of two).
pub fn float_as_integer_ratio<A: Allocator + Clone>(
    x: f64,
    alloc: A,
) -> Result<(Big<A>, Big<A>), NumError> {
    if x.is_nan() {
        return Err(NumError::RatioNan);
    }
    if x.is_infinite() {
        return Err(NumError::RatioInfinity);
    }
    let (mut m, mut e) = mantissa_exp(x);
    if m == 0 {
        return Ok((Big::zero(alloc.clone()), Big::from_u64(1, alloc)?));
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    let num = InlineBig::from_parts(x < 0.0, u128::from(m));
    let one = InlineBig::from_u64(1);
    if e >= 0 {
        Ok((
            num.as_ref().shl(e as u64, usize::MAX, alloc.clone())?,
            Big::from_u64(1, alloc)?,
        ))
    } else {
        Ok((
            num.as_ref().to_owned_in(alloc.clone())?,
            one.as_ref()
                .shl(u64::from(e.unsigned_abs()), usize::MAX, alloc)?,
        ))
    }
}
