//! Integers meet floats: correctly rounded conversion to f64, truncating conversion from
//! f64, exact comparison with f64, true division `int / int`, and Python's hash of an int
//! (which must agree with the hash of an equal float, see `float_ops.rs`).

use allocator_api2::alloc::Allocator;
use core::cmp::Ordering;

use super::bigint::{Big, BigRef, InlineBig};
use super::limbs;
use super::NumError;

/// The modulus of Python's numeric hash: `2**61 - 1` on 64-bit targets, `2**31 - 1` on
/// 32-bit ones (`sys.hash_info.modulus`).
#[cfg(target_pointer_width = "64")]
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
/// The modulus of Python's numeric hash on this target.
#[cfg(not(target_pointer_width = "64"))]
pub const HASH_MODULUS: u64 = (1 << 31) - 1;

/// `hash(float('inf'))`.
pub const HASH_INF: isize = 314_159;

/// `2**k` as an f64 for `0 <= k <= 1023`.
fn pow2(k: u32) -> f64 {
    f64::from_bits((u64::from(k.min(1023)) + 1023) << 52)
}

/// `|x| mod p` where `p = 2**bits - 1`.
fn mag_mod_mersenne(mag: &[u32], bits: u32) -> u64 {
    let p = (1u128 << bits) - 1;
    let mut h: u128 = 0;
    for &l in mag.iter().rev() {
        h = ((h << 32) | u128::from(l)) % p;
    }
    h as u64
}

impl<'a> BigRef<'a> {
    /// `float(self)`, correctly rounded (round-half-even). `IntTooLargeForFloat` when the
    /// value rounds beyond the largest finite double.
    pub fn to_f64(self) -> Result<f64, NumError> {
        let n = self.bit_length();
        let mag = self.magnitude();
        let v = if n <= 64 {
            let m = self.magnitude_u128().unwrap_or(0) as u64;
            m as f64
        } else {
            if n > 1024 {
                return Err(NumError::IntTooLargeForFloat);
            }
            // The top 64 bits, with any lower one bit folded into the last (sticky) bit:
            // converting that to f64 rounds exactly as the full value would, because the
            // 11 bits below the 53-bit mantissa include a round bit and a sticky bit.
            let shift = n - 64;
            let li = (shift / 32) as usize;
            let off = (shift % 32) as u32;
            let get = |i: usize| u64::from(mag.get(i).copied().unwrap_or(0));
            let mut top: u128 = (u128::from(get(li + 2)) << 64)
                | (u128::from(get(li + 1)) << 32)
                | u128::from(get(li));
            top >>= off;
            let mut t = top as u64;
            let low_lost = mag.get(..li).is_some_and(|s| s.iter().any(|&x| x != 0))
                || (off != 0 && get(li) & ((1u64 << off) - 1) != 0);
            if low_lost {
                t |= 1;
            }
            let r = (t as f64) * pow2(shift as u32);
            if r.is_infinite() {
                return Err(NumError::IntTooLargeForFloat);
            }
            r
        };
        Ok(if self.is_negative() { -v } else { v })
    }

    /// `self / other` as Python's true division of ints: the correctly rounded quotient,
    /// even when the operands are far beyond the range of f64 (CPython's
    /// `long_true_divide`). `ZeroDivision` for a zero divisor, `DivisionTooLargeForFloat`
    /// when the quotient overflows.
    pub fn true_div<A: Allocator + Clone>(
        self,
        other: BigRef<'_>,
        alloc: A,
    ) -> Result<f64, NumError> {
        const MANT: i64 = 53;
        const MIN_EXP: i64 = -1021;
        const MAX_EXP: i64 = 1024;
        if other.is_zero() {
            return Err(NumError::ZeroDivision);
        }
        let neg = self.is_negative() != other.is_negative();
        let sign = |v: f64| if neg { -v } else { v };
        if self.is_zero() {
            return Ok(sign(0.0));
        }
        let a_bits = self.bit_length() as i64;
        let b_bits = other.bit_length() as i64;
        if a_bits <= MANT && b_bits <= MANT {
            // Both exact in f64: one IEEE division is correctly rounded.
            let x = self.magnitude_u128().unwrap_or(0) as f64;
            let y = other.magnitude_u128().unwrap_or(1) as f64;
            return Ok(sign(x / y));
        }
        let diff = a_bits - b_bits;
        if diff > MAX_EXP {
            return Err(NumError::DivisionTooLargeForFloat);
        }
        if diff < MIN_EXP - MANT - 1 {
            return Ok(sign(0.0));
        }
        // Scale so the integer quotient has DBL_MANT_DIG + 2 or + 3 bits (fewer in the
        // subnormal range), keeping a sticky bit for the discarded part.
        let shift = diff.max(MIN_EXP) - MANT - 2;
        let a = self.abs_ref();
        let mut inexact = false;
        let x = if shift <= 0 {
            a.shl((-shift) as u64, usize::MAX, alloc.clone())?
        } else {
            let s = shift as u64;
            let li = (s / 32) as usize;
            let off = (s % 32) as u32;
            let mag = a.magnitude();
            inexact = mag.get(..li).is_some_and(|l| l.iter().any(|&v| v != 0))
                || (off != 0 && mag.get(li).is_some_and(|&v| v & ((1u32 << off) - 1) != 0));
            a.shr(s, alloc.clone())?
        };
        let (q, r) = limbs::divrem(x.magnitude(), other.magnitude(), alloc)?;
        inexact |= !r.is_empty();
        let q = BigRef::new(false, &q);
        let x_bits = q.bit_length() as i64;
        let mut xv = q.magnitude_u128().unwrap_or(0) as u64; // at most 57 bits
        let extra_bits = x_bits.max(MIN_EXP - shift) - MANT;
        if !(1..=8).contains(&extra_bits) {
            return Err(NumError::DivisionTooLargeForFloat); // unreachable by the bounds above
        }
        let mask = 1u64 << (extra_bits - 1);
        let low = xv | u64::from(inexact);
        if low & mask != 0 && low & (3 * mask - 1) != 0 {
            xv = xv.wrapping_add(mask);
        }
        xv &= !(2 * mask - 1);
        let dx = xv as f64;
        if shift + x_bits >= MAX_EXP
            && (shift + x_bits > MAX_EXP || dx == libm::ldexp(1.0, x_bits as i32))
        {
            return Err(NumError::DivisionTooLargeForFloat);
        }
        Ok(sign(libm::ldexp(dx, shift as i32)))
    }

    /// Compare with a float exactly (no rounding of either side), as Python's `int < float`
    /// does. `None` when `x` is NaN.
    pub fn cmp_f64(self, x: f64) -> Option<Ordering> {
        if x.is_nan() {
            return None;
        }
        if x.is_infinite() {
            return Some(if x > 0.0 {
                Ordering::Less
            } else {
                Ordering::Greater
            });
        }
        let t = libm::trunc(x);
        // |t| < 2^1024: at most 32 limbs, built on the stack.
        let mut buf = [0u32; 33];
        let (m, e) = decompose(t.abs());
        let len = if m == 0 {
            0
        } else {
            let li = (e / 32) as usize;
            let off = e % 32;
            let wide = u128::from(m) << off;
            for k in 0..3 {
                if let Some(slot) = buf.get_mut(li + k) {
                    *slot = (wide >> (32 * k)) as u32;
                }
            }
            (li + 3).min(33)
        };
        let tref = BigRef::new(t < 0.0, buf.get(..len).unwrap_or(&[]));
        match self.cmp(&tref) {
            Ordering::Equal => {
                let frac = x - t;
                Some(if frac > 0.0 {
                    Ordering::Less
                } else if frac < 0.0 {
                    Ordering::Greater
                } else {
                    Ordering::Equal
                })
            }
            o => Some(o),
        }
    }

    /// Python's `hash(int)` with the 64-bit modulus `2**61 - 1`.
    pub fn hash64(self) -> i64 {
        let h = mag_mod_mersenne(self.magnitude(), 61) as i64;
        let h = if self.is_negative() { -h } else { h };
        if h == -1 {
            -2
        } else {
            h
        }
    }

    /// Python's `hash(int)` as on 32-bit targets (modulus `2**31 - 1`).
    pub fn hash32(self) -> i32 {
        let h = mag_mod_mersenne(self.magnitude(), 31) as i32;
        let h = if self.is_negative() { -h } else { h };
        if h == -1 {
            -2
        } else {
            h
        }
    }

    /// Python's `hash(int)` for this target's pointer width.
    pub fn hash(self) -> isize {
        #[cfg(target_pointer_width = "64")]
        {
            self.hash64() as isize
        }
        #[cfg(not(target_pointer_width = "64"))]
        {
            self.hash32() as isize
        }
    }
}

/// A finite non-negative float as `m * 2**e` with `m` an integer (`e >= 0` when the value
/// is an integer of 53 bits or more; otherwise `m` may carry a fraction, see callers).
/// For integral inputs this is exact: `m < 2**53`, `e >= 0` or `m` holds the whole value.
pub(crate) fn decompose(x: f64) -> (u64, u32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    if m == 0 {
        return (0, 0);
    }
    if e >= 0 {
        (m, e as u32)
    } else {
        // Integral callers only: the low -e bits are zero or are truncated away.
        let s = (-e) as u32;
        (if s >= 64 { 0 } else { m >> s }, 0)
    }
}

impl<A: Allocator> Big<A> {
    /// `int(x)` for a float: truncation toward zero. `FloatInfinity` / `FloatNan` for
    /// non-finite input.
    pub fn from_f64(x: f64, alloc: A) -> Result<Self, NumError> {
        if x.is_nan() {
            return Err(NumError::FloatNan);
        }
        if x.is_infinite() {
            return Err(NumError::FloatInfinity);
        }
        let (m, e) = decompose(x.abs());
        let small = InlineBig::from_parts(x < 0.0, u128::from(m));
        small.as_ref().shl(u64::from(e), usize::MAX, alloc)
    }
}
