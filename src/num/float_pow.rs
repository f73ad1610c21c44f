//! `float ** float` as CPython computes it on a typical host (C's `pow`, which glibc rounds
//! correctly): the `libm` crate's `pow` is up to one unit in the last place off (it gives
//! `10.0 ** -5 == 9.999999999999999e-06`), so for an integral exponent the power is computed
//! exactly with big ints and rounded once. Other exponents use `float_math::pow` (double-double,
//! correctly rounded in practice), so folding and run time agree.
//!
//! One known difference remains: when the exact power lies exactly halfway between two
//! doubles (`10.0 ** 23`, `3.0 ** 34`), this rounds to even, while glibc's result depends on
//! the sign of its approximation error (CPython on Linux prints `1.0000000000000001e+23`).
//!
//! Errors are not decided here: the caller checks CPython's conditions (`0.0 ** -1` is a
//! `ZeroDivisionError`, a negative base with a fractional exponent gives a complex number,
//! an infinite result from finite operands is an `OverflowError`).

use allocator_api2::alloc::Allocator;

use super::bigint::{Big, BigRef, InlineBig};
use super::NumError;

/// Largest exact intermediate power, in bits; beyond it `float_math::pow` is used (only
/// exponents in the thousands with long mantissas get there).
const MAX_EXACT_BITS: u64 = 1 << 14;

/// `x ** y` with IEEE special cases, correctly rounded when `y` is an integer whose exact
/// power is at most `MAX_EXACT_BITS` (16384) bits. `NoMemory` only if the allocator fails.
pub fn float_pow<A: Allocator + Clone>(x: f64, y: f64, alloc: A) -> Result<f64, NumError> {
    if !x.is_finite() || !y.is_finite() || x == 0.0 || y == 0.0 || y != libm::trunc(y) {
        return Ok(if y == 0.5 && x.is_finite() && x > 0.0 {
            libm::sqrt(x) // correctly rounded, unlike pow's approximation
        } else {
            super::float_math::pow(x, y)
        });
    }
    if y.abs() > 1e15 {
        return Ok(super::float_math::pow(x, y));
    }
    let n = y as i64;
    // x = m * 2^e with m odd.
    let bits = x.abs().to_bits();
    let (mut m, mut e) = if bits >> 52 == 0 {
        (bits, -1074i64)
    } else {
        (
            (bits & ((1 << 52) - 1)) | (1 << 52),
            ((bits >> 52) as i64) - 1075,
        )
    };
    let tz = m.trailing_zeros();
    m >>= tz;
    e += i64::from(tz);
    let neg = x < 0.0 && n % 2 != 0;
    let k = n.unsigned_abs();
    let m_bits = u64::from(64 - m.leading_zeros());
    if m_bits.saturating_mul(k) > MAX_EXACT_BITS {
        return Ok(super::float_math::pow(x, y));
    }
    // P = m^k exactly; the value is P * 2^(e*n) for n > 0, 2^(-e*k) / P for n < 0.
    let base = InlineBig::from_u64(m);
    let kk = InlineBig::from_u64(k);
    let p = base.as_ref().pow(kk.as_ref(), usize::MAX, alloc.clone())?;
    let p_bits = p.as_ref().bit_length() as i64;
    let scale = e.saturating_mul(k as i64); // exponent of two in x^k
    let one = InlineBig::from_u64(1);
    let v = if n > 0 {
        // P * 2^scale.
        if p_bits + scale > 1100 {
            f64::INFINITY
        } else if p_bits + scale < -1100 {
            0.0
        } else if scale >= 0 {
            shifted(p.as_ref(), scale as u64, alloc.clone())?
                .as_ref()
                .to_f64()
                .unwrap_or(f64::INFINITY)
        } else {
            let d = shifted(one.as_ref(), (-scale) as u64, alloc.clone())?;
            div(p.as_ref(), d.as_ref(), alloc)?
        }
    } else {
        // 2^-scale / P.
        let top = -scale;
        if top - p_bits > 1100 {
            f64::INFINITY
        } else if top - p_bits < -1100 {
            0.0
        } else if top >= 0 {
            let num = shifted(one.as_ref(), top as u64, alloc.clone())?;
            div(num.as_ref(), p.as_ref(), alloc)?
        } else {
            let d = shifted(p.as_ref(), (-top) as u64, alloc.clone())?;
            div(one.as_ref(), d.as_ref(), alloc)?
        }
    };
    Ok(if neg { -v } else { v })
}

fn shifted<A: Allocator>(v: BigRef<'_>, by: u64, alloc: A) -> Result<Big<A>, NumError> {
    v.shl(by, usize::MAX, alloc)
}

/// Correctly rounded `a / b` for positive ints, infinity on overflow.
fn div<A: Allocator + Clone>(a: BigRef<'_>, b: BigRef<'_>, alloc: A) -> Result<f64, NumError> {
    match a.true_div(b, alloc) {
        Ok(v) => Ok(v),
        Err(NumError::DivisionTooLargeForFloat) => Ok(f64::INFINITY),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use allocator_api2::alloc::Global;

    fn p(x: f64, y: f64) -> f64 {
        float_pow(x, y, Global).unwrap()
    }

    #[test]
    fn integral_exponents_are_correctly_rounded() {
        assert_eq!(p(10.0, -5.0), 1e-05);
        assert_eq!(p(10.0, 15.0), 1e15);
        assert_eq!(p(10.0, 22.0), 1e22);
        assert_eq!(p(10.0, 23.0), 1e23); // an exact tie: to even (see the module docs)
        assert_eq!(p(10.0, -300.0), 1e-300);
        assert_eq!(p(2.0, -1074.0), 5e-324);
        assert_eq!(p(2.0, -1075.0), 0.0);
        assert_eq!(p(2.0, 1023.0), 8.98846567431158e307);
        assert_eq!(p(2.0, 1024.0), f64::INFINITY);
        assert_eq!(p(-2.0, 3.0), -8.0);
        assert_eq!(p(-2.0, -3.0), -0.125);
        assert_eq!(p(1.1, 2.0), 1.2100000000000002);
        assert_eq!(p(0.1, 3.0), 0.0010000000000000002);
        assert_eq!(p(3.0, -2.0), 0.1111111111111111);
    }

    #[test]
    fn specials_follow_ieee() {
        assert_eq!(p(0.0, 0.0), 1.0);
        assert!(p(f64::NAN, 1.0).is_nan());
        assert_eq!(p(f64::NAN, 0.0), 1.0);
        assert_eq!(p(f64::INFINITY, -1.0), 0.0);
        assert_eq!(p(2.0, 0.5), core::f64::consts::SQRT_2);
        assert_eq!(p(-0.0, 0.5), 0.0);
    }
}
