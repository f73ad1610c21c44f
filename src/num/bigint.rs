//! Arbitrary-precision signed integers with CPython 3.11 semantics.
//!
//! The representation is sign + magnitude, the magnitude as little-endian `u32` limbs with
//! no trailing zero limb (so zero is the empty slice and is never negative). That is the
//! layout the interpreter stores inline in a heap object, so the operations work on a
//! borrowed view, [`BigRef`], and produce an owned [`Big`] whose limbs live in the
//! caller's allocator. [`InlineBig`] gives a `BigRef` for a machine integer without
//! allocating, for mixed small/big operations.
//!
//! 32-bit limbs (rather than CPython's 30-bit digits) keep the arithmetic simple with a
//! `u64` double word and match the word size of the 32-bit targets the interpreter runs on.

use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec;
use core::cmp::Ordering;

use super::limbs;
use super::NumError;

/// A borrowed integer: sign and canonical magnitude (no trailing zero limb; zero is never
/// negative). [`BigRef::new`] establishes the invariant for any input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BigRef<'a> {
    neg: bool,
    mag: &'a [u32],
}

/// An owned integer whose limbs live in the allocator `A`. Same invariants as [`BigRef`].
#[derive(Debug)]
pub struct Big<A: Allocator> {
    neg: bool,
    mag: Vec<u32, A>,
}

/// A machine integer (up to 128 bits) laid out as limbs on the stack, so that it can be
/// used as a [`BigRef`] operand without allocating.
#[derive(Clone, Copy, Debug)]
pub struct InlineBig {
    neg: bool,
    len: usize,
    limbs: [u32; 4],
}

impl InlineBig {
    /// From an unsigned 128-bit magnitude and a sign.
    pub fn from_parts(neg: bool, mag: u128) -> Self {
        let limbs = [
            mag as u32,
            (mag >> 32) as u32,
            (mag >> 64) as u32,
            (mag >> 96) as u32,
        ];
        let len = 4 - (mag.leading_zeros() / 32) as usize;
        InlineBig {
            neg: neg && mag != 0,
            len,
            limbs,
        }
    }
    /// From an `i64`.
    pub fn from_i64(v: i64) -> Self {
        Self::from_parts(v < 0, u128::from(v.unsigned_abs()))
    }
    /// From a `u64`.
    pub fn from_u64(v: u64) -> Self {
        Self::from_parts(false, u128::from(v))
    }
    /// From an `i128`.
    pub fn from_i128(v: i128) -> Self {
        Self::from_parts(v < 0, v.unsigned_abs())
    }
    /// The value as a borrowed big integer.
    pub fn as_ref(&self) -> BigRef<'_> {
        BigRef::new(self.neg, self.limbs.get(..self.len).unwrap_or(&[]))
    }
}

impl<'a> BigRef<'a> {
    /// Zero.
    pub const ZERO: BigRef<'static> = BigRef {
        neg: false,
        mag: &[],
    };

    /// A view of `mag` (little-endian limbs) with the given sign. Trailing zero limbs are
    /// ignored and a zero magnitude is made non-negative, so any input is acceptable.
    pub fn new(neg: bool, mag: &'a [u32]) -> Self {
        let mag = limbs::trimmed(mag);
        BigRef {
            neg: neg && !mag.is_empty(),
            mag,
        }
    }
    /// True for values below zero.
    pub fn is_negative(self) -> bool {
        self.neg
    }
    /// True for zero.
    pub fn is_zero(self) -> bool {
        self.mag.is_empty()
    }
    /// The magnitude limbs (little-endian, no trailing zero).
    pub fn magnitude(self) -> &'a [u32] {
        self.mag
    }
    /// -1, 0 or 1.
    pub fn signum(self) -> i32 {
        if self.neg {
            -1
        } else if self.mag.is_empty() {
            0
        } else {
            1
        }
    }
    /// The same magnitude with the sign flipped (zero stays zero). No allocation.
    pub fn negated(self) -> Self {
        BigRef::new(!self.neg, self.mag)
    }
    /// The absolute value as a view. No allocation.
    pub fn abs_ref(self) -> Self {
        BigRef {
            neg: false,
            mag: self.mag,
        }
    }

    /// The magnitude as a `u128` when it fits.
    pub fn magnitude_u128(self) -> Option<u128> {
        if self.mag.len() > 4 {
            return None;
        }
        let mut v = 0u128;
        for &l in self.mag.iter().rev() {
            v = (v << 32) | u128::from(l);
        }
        Some(v)
    }
    /// The value as an `i64` if it fits.
    pub fn to_i64(self) -> Option<i64> {
        let m = self.magnitude_u128()?;
        if self.neg {
            if m <= 1u128 << 63 {
                Some((m as u64 as i64).wrapping_neg())
            } else {
                None
            }
        } else {
            i64::try_from(m).ok()
        }
    }
    /// The value as a `u64` if it fits (negative values do not).
    pub fn to_u64(self) -> Option<u64> {
        if self.neg {
            return None;
        }
        u64::try_from(self.magnitude_u128()?).ok()
    }
    /// The value as an `i128` if it fits.
    pub fn to_i128(self) -> Option<i128> {
        let m = self.magnitude_u128()?;
        if self.neg {
            if m <= 1u128 << 127 {
                Some((m as i128).wrapping_neg())
            } else {
                None
            }
        } else {
            i128::try_from(m).ok()
        }
    }

    /// A copy in the allocator `alloc`.
    pub fn to_owned_in<A: Allocator>(self, alloc: A) -> Result<Big<A>, NumError> {
        Ok(Big {
            neg: self.neg,
            mag: limbs::copied(self.mag, 0, alloc)?,
        })
    }

    /// `-self`.
    pub fn neg<A: Allocator>(self, alloc: A) -> Result<Big<A>, NumError> {
        self.negated().to_owned_in(alloc)
    }
    /// `abs(self)`.
    pub fn abs<A: Allocator>(self, alloc: A) -> Result<Big<A>, NumError> {
        self.abs_ref().to_owned_in(alloc)
    }

    /// `self + other`.
    pub fn add<A: Allocator + Clone>(
        self,
        other: BigRef<'_>,
        alloc: A,
    ) -> Result<Big<A>, NumError> {
        add_signed(self.neg, self.mag, other.neg, other.mag, alloc)
    }
    /// `self - other`.
    pub fn sub<A: Allocator + Clone>(
        self,
        other: BigRef<'_>,
        alloc: A,
    ) -> Result<Big<A>, NumError> {
        add_signed(self.neg, self.mag, !other.neg, other.mag, alloc)
    }
    /// `self * other` (Karatsuba for large balanced operands).
    pub fn mul<A: Allocator + Clone>(
        self,
        other: BigRef<'_>,
        alloc: A,
    ) -> Result<Big<A>, NumError> {
        let mag = limbs::mul(self.mag, other.mag, alloc)?;
        Ok(Big::from_vec(self.neg != other.neg, mag))
    }

    /// Python's `divmod(self, other)`: floor division and a remainder with the sign of the
    /// divisor. `ZeroDivision` when `other` is zero.
    pub fn divmod<A: Allocator + Clone>(
        self,
        other: BigRef<'_>,
        alloc: A,
    ) -> Result<(Big<A>, Big<A>), NumError> {
        let (q, r) = limbs::divrem(self.mag, other.mag, alloc.clone())?;
        let mut q = Big::from_vec(false, q);
        let mut r = Big::from_vec(false, r);
        if self.neg != other.neg {
            if !r.is_zero() {
                // floor: q = -(|q| + 1), r = |b| - |r| with the sign of b.
                limbs::reserve(&mut q.mag, 1)?;
                q.mag.push(0);
                limbs::add_into(&mut q.mag, &[1]);
                limbs::trim(&mut q.mag);
                let rm = limbs::sub(other.mag, &r.mag, alloc)?;
                r = Big::from_vec(other.neg, rm);
            }
            q.set_neg(true);
        } else {
            r.set_neg(other.neg);
        }
        Ok((q, r))
    }
    /// Python's `self // other`.
    pub fn floordiv<A: Allocator + Clone>(
        self,
        other: BigRef<'_>,
        alloc: A,
    ) -> Result<Big<A>, NumError> {
        Ok(self.divmod(other, alloc)?.0)
    }
    /// Python's `self % other` (sign of the divisor).
    pub fn modulo<A: Allocator + Clone>(
        self,
        other: BigRef<'_>,
        alloc: A,
    ) -> Result<Big<A>, NumError> {
        Ok(self.divmod(other, alloc)?.1)
    }
    /// Truncating division and remainder (C semantics: quotient rounded toward zero,
    /// remainder with the sign of `self`). Useful for `math.fmod`-like callers.
    pub fn divrem_trunc<A: Allocator + Clone>(
        self,
        other: BigRef<'_>,
        alloc: A,
    ) -> Result<(Big<A>, Big<A>), NumError> {
        let (q, r) = limbs::divrem(self.mag, other.mag, alloc)?;
        Ok((
            Big::from_vec(self.neg != other.neg, q),
            Big::from_vec(self.neg, r),
        ))
    }
}

impl Ord for BigRef<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.neg, other.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => limbs::cmp(self.mag, other.mag),
            (true, true) => limbs::cmp(other.mag, self.mag),
        }
    }
}

impl PartialOrd for BigRef<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// `(-1)^an * a + (-1)^bn * b`.
fn add_signed<A: Allocator + Clone>(
    an: bool,
    a: &[u32],
    bn: bool,
    b: &[u32],
    alloc: A,
) -> Result<Big<A>, NumError> {
    if an == bn {
        return Ok(Big::from_vec(an, limbs::add(a, b, alloc)?));
    }
    match limbs::cmp(a, b) {
        Ordering::Equal => Ok(Big::zero(alloc)),
        Ordering::Greater => Ok(Big::from_vec(an, limbs::sub(a, b, alloc)?)),
        Ordering::Less => Ok(Big::from_vec(bn, limbs::sub(b, a, alloc)?)),
    }
}

impl<A: Allocator> Big<A> {
    /// Zero (does not allocate).
    pub fn zero(alloc: A) -> Self {
        Big {
            neg: false,
            mag: Vec::new_in(alloc),
        }
    }
    /// Take ownership of limbs (trailing zeros are trimmed, zero made non-negative).
    pub fn from_vec(neg: bool, mut mag: Vec<u32, A>) -> Self {
        limbs::trim(&mut mag);
        let neg = neg && !mag.is_empty();
        Big { neg, mag }
    }
    /// From a sign and a 128-bit magnitude.
    pub fn from_u128_parts(neg: bool, v: u128, alloc: A) -> Result<Self, NumError> {
        let inline = InlineBig::from_parts(neg, v);
        inline.as_ref().to_owned_in(alloc)
    }
    /// From an `i64`.
    pub fn from_i64(v: i64, alloc: A) -> Result<Self, NumError> {
        Self::from_u128_parts(v < 0, u128::from(v.unsigned_abs()), alloc)
    }
    /// From a `u64`.
    pub fn from_u64(v: u64, alloc: A) -> Result<Self, NumError> {
        Self::from_u128_parts(false, u128::from(v), alloc)
    }
    /// From an `i128`.
    pub fn from_i128(v: i128, alloc: A) -> Result<Self, NumError> {
        Self::from_u128_parts(v < 0, v.unsigned_abs(), alloc)
    }
    /// From a `u128`.
    pub fn from_u128(v: u128, alloc: A) -> Result<Self, NumError> {
        Self::from_u128_parts(false, v, alloc)
    }
    /// The borrowed view.
    pub fn as_ref(&self) -> BigRef<'_> {
        BigRef {
            neg: self.neg,
            mag: &self.mag,
        }
    }
    /// True for values below zero.
    pub fn is_negative(&self) -> bool {
        self.neg
    }
    /// True for zero.
    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }
    /// The magnitude limbs (little-endian, no trailing zero).
    pub fn magnitude(&self) -> &[u32] {
        &self.mag
    }
    /// Sign and limbs, e.g. to copy them into a heap object.
    pub fn into_parts(self) -> (bool, Vec<u32, A>) {
        (self.neg, self.mag)
    }
    /// `self.to_i64()` of the view.
    pub fn to_i64(&self) -> Option<i64> {
        self.as_ref().to_i64()
    }
    /// `self.to_u64()` of the view.
    pub fn to_u64(&self) -> Option<u64> {
        self.as_ref().to_u64()
    }
    /// Flip the sign in place (zero stays zero).
    pub fn negate(&mut self) {
        self.neg = !self.neg && !self.mag.is_empty();
    }
    pub(crate) fn set_neg(&mut self, neg: bool) {
        self.neg = neg && !self.mag.is_empty();
    }
}

impl<A: Allocator + Clone> Big<A> {
    /// A copy in the same allocator.
    pub fn try_clone(&self) -> Result<Self, NumError> {
        self.as_ref().to_owned_in(self.mag.allocator().clone())
    }
}

impl<A: Allocator> PartialEq for Big<A> {
    fn eq(&self, other: &Self) -> bool {
        self.as_ref() == other.as_ref()
    }
}

impl<A: Allocator> Eq for Big<A> {}
