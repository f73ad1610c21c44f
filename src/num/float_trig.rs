//! Trigonometric functions rounded as CPython's C library (glibc) rounds them: correctly
//! (sin, cos, tan and their inverses), or with glibc's own fdlibm algorithms (the hyperbolic
//! functions).
//!
//! Same method as `float_math`: evaluate in double-double arithmetic, round once. The
//! argument reduction of `sin`/`cos`/`tan` subtracts multiples of pi/2 held to about 150 bits
//! (exact for |x| < 2**20 * pi/2, far beyond the worst cancellation there); bigger arguments
//! use `libm`'s Payne-Hanek reduction. The inverse functions take one Newton step from
//! `libm`'s estimate, arranged so the step is well conditioned.

use super::float_math::{two_prod, two_sum, Dd};

/// pi/2 as three 33-bit pieces and a tail (fdlibm's constants): `n * PIO2_k` is exact for
/// `n < 2**20`.
const PIO2_1: f64 = f64::from_bits(0x3ff9_21fb_5440_0000);
const PIO2_2: f64 = f64::from_bits(0x3dd0_b461_1a60_0000);
const PIO2_3: f64 = f64::from_bits(0x3ba3_198a_2e00_0000);
const PIO2_3T: f64 = f64::from_bits(0x397b_839a_2520_49c1);

/// pi/2 and pi to about 107 bits.
const PI_2: Dd = Dd(
    core::f64::consts::FRAC_PI_2,
    f64::from_bits(0x3c91_a626_3314_5c07),
);
const PI: Dd = Dd(core::f64::consts::PI, f64::from_bits(0x3ca1_a626_3314_5c07));

/// `x = n * pi/2 + r` with `|r| <= pi/4` (about), for `|x| < 2**20`.
fn reduce(x: f64) -> (i64, Dd) {
    let n = libm::round(x / core::f64::consts::FRAC_PI_2);
    // Exact products; the first subtraction is exact too (Sterbenz).
    let r = two_sum(x - n * PIO2_1, -(n * PIO2_2));
    let r = r.add(Dd(-(n * PIO2_3), 0.0));
    let r = r.add(two_prod(n, PIO2_3T).neg());
    (n as i64, r)
}

/// `sin r` for `|r| <= pi/4 + a little`: `r (1 - z/(2*3) (1 - z/(4*5) (1 - ...)))`.
fn sin_dd(r: Dd) -> Dd {
    let z = r.mul(r);
    let mut s = Dd(1.0, 0.0);
    let mut k = 27.0;
    while k > 2.0 {
        s = Dd(1.0, 0.0).add(z.mul(s).div_f(k * (k - 1.0)).neg());
        k -= 2.0;
    }
    r.mul(s)
}

/// `cos r` for `|r| <= pi/4 + a little`: `1 - z/(1*2) (1 - z/(3*4) (1 - ...))`.
fn cos_dd(r: Dd) -> Dd {
    let z = r.mul(r);
    let mut c = Dd(1.0, 0.0);
    let mut k = 28.0;
    while k > 1.0 {
        c = Dd(1.0, 0.0).add(z.mul(c).div_f(k * (k - 1.0)).neg());
        k -= 2.0;
    }
    c
}

/// `sin r` and `cos r` for `|r| <= pi/4 + a little`, by their Taylor series.
fn sin_cos_dd(r: Dd) -> (Dd, Dd) {
    (sin_dd(r), cos_dd(r))
}

/// `sin x` (`want_sin`) or `cos x` in double-double for `|x| < 2**20`: one series only.
fn sin_or_cos(x: f64, want_sin: bool) -> Dd {
    let (n, r) = reduce(x);
    let q = (n.rem_euclid(4) + if want_sin { 0 } else { 1 }) % 4;
    match q {
        0 => sin_dd(r),
        1 => cos_dd(r),
        2 => sin_dd(r).neg(),
        _ => cos_dd(r).neg(),
    }
}

/// `(sin x, cos x)` in double-double for `|x| < 2**20`.
fn sin_cos_full(x: f64) -> (Dd, Dd) {
    let (n, r) = reduce(x);
    let (s, c) = sin_cos_dd(r);
    match n.rem_euclid(4) {
        0 => (s, c),
        1 => (c, s.neg()),
        2 => (s.neg(), c.neg()),
        _ => (c.neg(), s),
    }
}

const BIG: f64 = 1_000_000.0;

/// `sin x`.
pub fn sin(x: f64) -> f64 {
    if !x.is_finite() {
        return f64::NAN;
    }
    if x.abs() < 1e-8 || x.abs() >= BIG {
        return libm::sin(x);
    }
    let s = sin_or_cos(x, true);
    s.0 + s.1
}

/// `cos x`.
pub fn cos(x: f64) -> f64 {
    if !x.is_finite() {
        return f64::NAN;
    }
    if x.abs() >= BIG {
        return libm::cos(x);
    }
    let c = sin_or_cos(x, false);
    c.0 + c.1
}

/// `tan x`.
pub fn tan(x: f64) -> f64 {
    if !x.is_finite() {
        return f64::NAN;
    }
    if x.abs() < 1e-8 || x.abs() >= BIG {
        return libm::tan(x);
    }
    let (s, c) = sin_cos_full(x);
    let t = s.div(c);
    t.0 + t.1
}

/// `atan t` for a double-double `t` with `|t| <= 1`: one Newton step on `tan y = t` from
/// libm's estimate, `y = y0 - (sin y0 - t cos y0) cos y0`.
fn atan_small(t: Dd) -> Dd {
    let y0 = libm::atan(t.0);
    let (s, c) = sin_cos_dd(Dd(y0, 0.0));
    let e = s.add(t.mul(c).neg()).mul(c);
    Dd(y0, 0.0).add(e.neg())
}

/// `atan t` for any double-double `t`.
fn atan_dd(t: Dd) -> Dd {
    if t.0.abs() <= 1.0 {
        return atan_small(t);
    }
    // atan t = sign(t) pi/2 - atan(1/t)
    let inv = Dd(1.0, 0.0).div(t);
    let a = atan_small(inv);
    if t.0 > 0.0 {
        PI_2.add(a.neg())
    } else {
        PI_2.neg().add(a.neg())
    }
}

/// `atan x`.
pub fn atan(x: f64) -> f64 {
    if x.is_nan() || x.abs() < 1e-8 || x.abs() > 1e17 {
        return libm::atan(x);
    }
    let a = atan_dd(Dd(x, 0.0));
    a.0 + a.1
}

/// `sqrt` of a double-double (one Newton step from the double estimate).
fn sqrt_dd(a: Dd) -> Dd {
    if a.0 <= 0.0 {
        return Dd(0.0, 0.0);
    }
    let r = libm::sqrt(a.0);
    let r2 = two_prod(r, r);
    let d = a.add(r2.neg());
    Dd(r, 0.0).add(Dd(d.0 / (2.0 * r), 0.0))
}

/// `asin t` for `|t| <= 0.5`: Newton on `sin y = t`, `y = y0 - (sin y0 - t) / cos y0`.
fn asin_small(t: Dd) -> Dd {
    let y0 = libm::asin(t.0);
    let (s, c) = sin_cos_dd(Dd(y0, 0.0));
    let e = s.add(t.neg()).div(c);
    Dd(y0, 0.0).add(e.neg())
}

/// `asin x` for `0.5 < x <= 1` as `pi/2 - 2 asin(sqrt((1 - x) / 2))`, in double-double.
fn asin_near_one(x: f64) -> Dd {
    let h = Dd(1.0 - x, 0.0).scale(-1);
    let a = asin_small(sqrt_dd(h));
    PI_2.add(a.scale(1).neg())
}

/// `asin x`; NaN outside [-1, 1].
pub fn asin(x: f64) -> f64 {
    if x.is_nan() || x.abs() > 1.0 {
        return f64::NAN;
    }
    if x.abs() < 1e-8 {
        return libm::asin(x);
    }
    let a = if x.abs() <= 0.5 {
        asin_small(Dd(x, 0.0))
    } else {
        let a = asin_near_one(x.abs());
        if x < 0.0 {
            a.neg()
        } else {
            a
        }
    };
    a.0 + a.1
}

/// `acos x`; NaN outside [-1, 1].
pub fn acos(x: f64) -> f64 {
    if x.is_nan() || x.abs() > 1.0 {
        return f64::NAN;
    }
    let a = if x.abs() <= 0.5 {
        PI_2.add(asin_small(Dd(x, 0.0)).neg())
    } else {
        // acos x = 2 asin(sqrt((1 - |x|) / 2)), and pi minus that for negative x.
        let h = Dd(1.0 - x.abs(), 0.0).scale(-1);
        let a = asin_small(sqrt_dd(h)).scale(1);
        if x < 0.0 {
            PI.add(a.neg())
        } else {
            a
        }
    };
    a.0 + a.1
}

/// `atan2(y, x)` with C99's special cases.
pub fn atan2(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() || x.is_infinite() || y.is_infinite() || x == 0.0 || y == 0.0 {
        return libm::atan2(y, x);
    }
    // Scale both into a comfortable range: atan2 depends only on the ratio.
    let (my, ey) = libm::frexp(y);
    let (mx, ex) = libm::frexp(x);
    let d = ey - ex;
    if !(-60..=60).contains(&d) {
        return libm::atan2(y, x);
    }
    let (ys, xs) = (libm::ldexp(my, d), mx);
    let a = if ys.abs() <= xs.abs() {
        let t = Dd(ys, 0.0).div(Dd(xs, 0.0));
        let a = atan_small(t);
        if x > 0.0 {
            a
        } else if y > 0.0 {
            PI.add(a)
        } else {
            PI.neg().add(a)
        }
    } else {
        let t = Dd(xs, 0.0).div(Dd(ys, 0.0));
        let a = atan_small(t);
        if y > 0.0 {
            PI_2.add(a.neg())
        } else {
            PI_2.neg().add(a.neg())
        }
    };
    a.0 + a.1
}

/// The high word of a double (fdlibm's `__HI`).
fn hi(x: f64) -> u32 {
    (x.to_bits() >> 32) as u32
}

/// `sinh x`, fdlibm's algorithm as glibc runs it (over `expm1` and a correctly rounded `exp`).
pub fn sinh(x: f64) -> f64 {
    let jx = hi(x);
    let ix = jx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        return x + x;
    }
    let h = if x.is_sign_negative() { -0.5 } else { 0.5 };
    let ax = x.abs();
    if ix < 0x4036_0000 {
        if ix < 0x3e30_0000 {
            return x;
        }
        let t = libm::expm1(ax);
        if ix < 0x3ff0_0000 {
            return h * (2.0 * t - t * t / (t + 1.0));
        }
        return h * (t + t / (t + 1.0));
    }
    if ix < 0x4086_2e42 {
        return h * super::float_math::exp(ax);
    }
    if ax <= 710.475_860_073_943_9 {
        let w = super::float_math::exp(0.5 * ax);
        let t = h * w;
        return t * w;
    }
    x * 1e307 * 1e307
}

/// `cosh x`, fdlibm's algorithm as glibc runs it.
pub fn cosh(x: f64) -> f64 {
    let ix = hi(x) & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        return x * x;
    }
    let ax = x.abs();
    if ix < 0x3fd6_2e43 {
        if ix < 0x3c80_0000 {
            return 1.0;
        }
        let t = libm::expm1(ax);
        let w = 1.0 + t;
        return 1.0 + (t * t) / (w + w);
    }
    if ix < 0x4036_0000 {
        let t = super::float_math::exp(ax);
        return 0.5 * t + 0.5 / t;
    }
    if ix < 0x4086_2e42 {
        return 0.5 * super::float_math::exp(ax);
    }
    if ax <= 710.475_860_073_943_9 {
        let w = super::float_math::exp(0.5 * ax);
        let t = 0.5 * w;
        return t * w;
    }
    f64::INFINITY
}

/// `tanh x`, fdlibm's algorithm as glibc runs it.
pub fn tanh(x: f64) -> f64 {
    let ix = hi(x) & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        if x.is_nan() {
            return x;
        }
        return if x > 0.0 { 1.0 } else { -1.0 };
    }
    let ax = x.abs();
    let z = if ix < 0x4036_0000 {
        if ix < 0x3c80_0000 {
            return x * (1.0 + x);
        }
        if ix >= 0x3ff0_0000 {
            let t = libm::expm1(2.0 * ax);
            1.0 - 2.0 / (t + 2.0)
        } else {
            let t = libm::expm1(-2.0 * ax);
            -t / (t + 2.0)
        }
    } else {
        1.0
    };
    if x.is_sign_negative() {
        -z
    } else {
        z
    }
}

/// `asinh x`, fdlibm's algorithm as glibc runs it.
pub fn asinh(x: f64) -> f64 {
    let ix = hi(x) & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        return x + x;
    }
    if ix < 0x3e30_0000 {
        return x;
    }
    let ax = x.abs();
    let w = if ix > 0x41b0_0000 {
        super::float_math::log(ax) + core::f64::consts::LN_2
    } else if ix > 0x4000_0000 {
        super::float_math::log(2.0 * ax + 1.0 / (libm::sqrt(x * x + 1.0) + ax))
    } else {
        let t = x * x;
        libm::log1p(ax + t / (1.0 + libm::sqrt(1.0 + t)))
    };
    if x.is_sign_negative() {
        -w
    } else {
        w
    }
}

/// `acosh x`, fdlibm's algorithm as glibc runs it; NaN below 1.
pub fn acosh(x: f64) -> f64 {
    if x.is_nan() || x < 1.0 {
        return f64::NAN;
    }
    let hx = hi(x);
    if hx >= 0x41b0_0000 {
        if x.is_infinite() {
            return x;
        }
        return super::float_math::log(x) + core::f64::consts::LN_2;
    }
    if x == 1.0 {
        return 0.0;
    }
    if hx > 0x4000_0000 {
        let t = x * x;
        return super::float_math::log(2.0 * x - 1.0 / (x + libm::sqrt(t - 1.0)));
    }
    let t = x - 1.0;
    libm::log1p(t + libm::sqrt(2.0 * t + t * t))
}

/// `hypot(x, y)` (C's, for `abs()` of a complex), rounded once from a double-double sum of
/// squares scaled to avoid overflow.
pub fn hypot(x: f64, y: f64) -> f64 {
    if x.is_infinite() || y.is_infinite() {
        return f64::INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    let (a, b) = (x.abs().max(y.abs()), x.abs().min(y.abs()));
    if a == 0.0 {
        return 0.0;
    }
    let (_, e) = libm::frexp(a);
    let (sa, sb) = (libm::ldexp(a, -e), libm::ldexp(b, -e));
    let sum = two_prod(sa, sa).add(two_prod(sb, sb));
    let r = sqrt_dd(sum);
    libm::ldexp(r.0 + r.1, e)
}

/// `math.hypot(*coordinates)` as CPython 3.11 computes it (`vector_norm`): squares summed
/// exactly in pieces, one square root, one correction step. `max` is the largest `|x|`.
pub fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = libm::frexp(max);
    if max_e < -1023 {
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = libm::ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &v in vec.iter() {
        let x = v * scale;
        let pr = two_prod(x, x);
        let sm = fast_sum(csum, pr.0);
        csum = sm.0;
        frac1 += pr.1;
        frac2 += sm.1;
    }
    let mut h = libm::sqrt(csum - 1.0 + (frac1 + frac2));
    let pr = two_prod(-h, h);
    let sm = fast_sum(csum, pr.0);
    csum = sm.0;
    frac1 += pr.1;
    frac2 += sm.1;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// `a + b` exactly as a pair, for `|a| >= |b|`.
fn fast_sum(a: f64, b: f64) -> Dd {
    let x = a + b;
    let z = x - a;
    Dd(x, b - z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert_eq!(sin(0.0), 0.0);
        assert_eq!(cos(0.0), 1.0);
        assert_eq!(sin(core::f64::consts::PI / 6.0), 0.49999999999999994);
        assert_eq!(cos(core::f64::consts::PI), -1.0);
        assert_eq!(atan(1.0), core::f64::consts::FRAC_PI_4);
        assert_eq!(atan2(1.0, 1.0), core::f64::consts::FRAC_PI_4);
        assert_eq!(asin(1.0), core::f64::consts::FRAC_PI_2);
        assert_eq!(acos(-1.0), core::f64::consts::PI);
        assert_eq!(acos(1.0), 0.0);
        assert_eq!(tan(core::f64::consts::FRAC_PI_4), 0.9999999999999999);
    }
}
