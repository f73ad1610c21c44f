//! Exponentiation, modular exponentiation (with Python 3.8's negative exponents meaning a
//! modular inverse) and gcd.

use allocator_api2::alloc::Allocator;
use core::cmp::Ordering;

use super::bigint::{Big, BigRef};
use super::limbs;
use super::NumError;

impl<'a> BigRef<'a> {
    /// `self ** exp` for a non-negative `exp`.
    ///
    /// `max_limbs` is the caller's sanity limit on the size of the result (in 32-bit limbs):
    /// when the result would be larger, `TooLarge` is returned before any large allocation,
    /// so `10 ** 10 ** 12` fails fast instead of exhausting memory. A negative exponent gives
    /// `NegativeExponent` (Python then computes a float).
    pub fn pow<A: Allocator + Clone>(
        self,
        exp: BigRef<'_>,
        max_limbs: usize,
        alloc: A,
    ) -> Result<Big<A>, NumError> {
        if exp.is_negative() {
            return Err(NumError::NegativeExponent);
        }
        if exp.is_zero() {
            return Big::from_u64(1, alloc);
        }
        let odd = exp.magnitude().first().is_some_and(|l| l & 1 == 1);
        let mag = self.magnitude();
        // 0, 1 and -1 to any positive power need no work, whatever the exponent's size.
        if mag.is_empty() || mag == [1] {
            let mut r = self.to_owned_in(alloc)?;
            if self.is_negative() && !odd {
                r.negate();
            }
            return Ok(r);
        }
        let limit_bits = (max_limbs as u128) * 32;
        let Some(e) = exp.to_u64() else {
            return Err(NumError::TooLarge);
        };
        let bits = u128::from(self.bit_length());
        // |self| >= 2^(bits-1), so the result has more than (bits-1)*e bits.
        if (bits - 1) * u128::from(e) >= limit_bits {
            return Err(NumError::TooLarge);
        }
        let base = self.abs_ref();
        let mut acc = base.to_owned_in(alloc.clone())?;
        // Left-to-right binary exponentiation: the bits of e below its top bit.
        let top = 63 - e.leading_zeros();
        for i in (0..top).rev() {
            acc = acc.as_ref().mul(acc.as_ref(), alloc.clone())?;
            if acc.magnitude().len() > max_limbs {
                return Err(NumError::TooLarge);
            }
            if (e >> i) & 1 == 1 {
                acc = acc.as_ref().mul(base, alloc.clone())?;
                if acc.magnitude().len() > max_limbs {
                    return Err(NumError::TooLarge);
                }
            }
        }
        acc.set_neg(self.is_negative() && odd);
        Ok(acc)
    }

    /// Python's three-argument `pow(self, exp, modulus)`.
    ///
    /// The result has the sign of `modulus` (like `%`). A negative `exp` uses the modular
    /// inverse of `self` (Python 3.8+), failing with `NotInvertible` when there is none;
    /// `modulus == 0` gives `ZeroModulus`.
    pub fn pow_mod<A: Allocator + Clone>(
        self,
        exp: BigRef<'_>,
        modulus: BigRef<'_>,
        alloc: A,
    ) -> Result<Big<A>, NumError> {
        if modulus.is_zero() {
            return Err(NumError::ZeroModulus);
        }
        let m = modulus.abs_ref();
        let mut base = self.modulo(m, alloc.clone())?;
        if exp.is_negative() {
            base = mod_inverse(base.as_ref(), m, alloc.clone())?;
        }
        if m.magnitude() == [1] {
            return Ok(Big::zero(alloc));
        }
        let e = exp.magnitude();
        let mut acc = Big::from_u64(1, alloc.clone())?;
        let nbits = exp.bit_length();
        for i in (0..nbits).rev() {
            acc = acc.as_ref().mul(acc.as_ref(), alloc.clone())?;
            acc = acc.as_ref().modulo(m, alloc.clone())?;
            let limb = e.get((i / 32) as usize).copied().unwrap_or(0);
            if (limb >> (i % 32)) & 1 == 1 {
                acc = acc.as_ref().mul(base.as_ref(), alloc.clone())?;
                acc = acc.as_ref().modulo(m, alloc.clone())?;
            }
        }
        if modulus.is_negative() && !acc.is_zero() {
            acc = acc.as_ref().sub(m, alloc)?;
        }
        Ok(acc)
    }

    /// `round(self, ndigits)` for an int: a non-negative `ndigits` returns the value
    /// itself; a negative one rounds half-to-even to a multiple of `10**-ndigits`
    /// (`round(1250, -2) == 1200`). `max_limbs` bounds the power of ten (`TooLarge`); a
    /// power of ten far beyond `self` makes the result 0 without computing it.
    pub fn round_digits<A: Allocator + Clone>(
        self,
        ndigits: i64,
        max_limbs: usize,
        alloc: A,
    ) -> Result<Big<A>, NumError> {
        if ndigits >= 0 || self.is_zero() {
            return self.to_owned_in(alloc);
        }
        let k = ndigits.unsigned_abs();
        // 10^k > 2 * |self| when k * log2(10) > bit_length + 1: the result is 0.
        if u128::from(k) * 3 > u128::from(self.bit_length()) + 1 {
            return Ok(Big::zero(alloc));
        }
        let ten = BigRef::new(false, &[10]);
        let k_ref = super::bigint::InlineBig::from_u64(k);
        let p = ten.pow(k_ref.as_ref(), max_limbs, alloc.clone())?;
        let (mut q, r) = self.divmod(p.as_ref(), alloc.clone())?;
        // r is in [0, p): round q up when r > p/2, or r == p/2 and q is odd.
        let twice_r = r.as_ref().shl(1, usize::MAX, alloc.clone())?;
        let q_odd = q.magnitude().first().is_some_and(|l| l & 1 == 1);
        match twice_r.as_ref().cmp(&p.as_ref()) {
            Ordering::Greater => q = q.as_ref().add(BigRef::new(false, &[1]), alloc.clone())?,
            Ordering::Equal if q_odd => {
                q = q.as_ref().add(BigRef::new(false, &[1]), alloc.clone())?
            }
            _ => {}
        }
        q.as_ref().mul(p.as_ref(), alloc)
    }

    /// `math.gcd(self, other)`: always non-negative, `gcd(0, 0) == 0`.
    pub fn gcd<A: Allocator + Clone>(
        self,
        other: BigRef<'_>,
        alloc: A,
    ) -> Result<Big<A>, NumError> {
        let mut a = self.abs(alloc.clone())?;
        let mut b = other.abs(alloc.clone())?;
        while !b.is_zero() {
            let (_, r) = limbs::divrem(a.magnitude(), b.magnitude(), alloc.clone())?;
            a = b;
            b = Big::from_vec(false, r);
        }
        Ok(a)
    }
}

/// The inverse of `a` modulo `m` (`0 <= a < m`, `m > 0`), by the extended Euclidean
/// algorithm tracking only the coefficient of `a`.
fn mod_inverse<A: Allocator + Clone>(
    a: BigRef<'_>,
    m: BigRef<'_>,
    alloc: A,
) -> Result<Big<A>, NumError> {
    let mut old_r = a.to_owned_in(alloc.clone())?;
    let mut r = m.to_owned_in(alloc.clone())?;
    let mut old_s = Big::from_u64(1, alloc.clone())?;
    let mut s = Big::zero(alloc.clone());
    while !r.is_zero() {
        let (q, rem) = old_r.as_ref().divmod(r.as_ref(), alloc.clone())?;
        old_r = core::mem::replace(&mut r, rem);
        let qs = q.as_ref().mul(s.as_ref(), alloc.clone())?;
        let new_s = old_s.as_ref().sub(qs.as_ref(), alloc.clone())?;
        old_s = core::mem::replace(&mut s, new_s);
    }
    if old_r.as_ref().cmp(&BigRef::new(false, &[1])) != Ordering::Equal {
        return Err(NumError::NotInvertible);
    }
    old_s.as_ref().modulo(m, alloc)
}
