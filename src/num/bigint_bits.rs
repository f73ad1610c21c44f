//! Bit-level operations: shifts, bitwise logic with two's-complement semantics for negative
//! values (as if every int had infinitely many sign bits, like Python), bit counts and
//! conversion to and from bytes.

use allocator_api2::alloc::Allocator;

use super::bigint::{Big, BigRef};
use super::limbs;
use super::NumError;

/// Limbs of the infinite two's-complement form of a value, least significant first.
struct TwosLimbs<'a> {
    mag: &'a [u32],
    neg: bool,
    /// Carry of the `!x + 1` negation still to add.
    carry: bool,
}

impl<'a> TwosLimbs<'a> {
    fn new(v: BigRef<'a>) -> Self {
        TwosLimbs {
            mag: v.magnitude(),
            neg: v.is_negative(),
            carry: true,
        }
    }
    /// The limb at the next index (call in order from index 0).
    fn next_limb(&mut self, i: usize) -> u32 {
        let x = self.mag.get(i).copied().unwrap_or(0);
        if !self.neg {
            return x;
        }
        let (v, c) = (!x).overflowing_add(u32::from(self.carry));
        self.carry = c;
        v
    }
}

#[derive(Clone, Copy)]
enum BitOp {
    And,
    Or,
    Xor,
}

impl BitOp {
    fn apply(self, a: u32, b: u32) -> u32 {
        match self {
            BitOp::And => a & b,
            BitOp::Or => a | b,
            BitOp::Xor => a ^ b,
        }
    }
    fn apply_sign(self, a: bool, b: bool) -> bool {
        match self {
            BitOp::And => a & b,
            BitOp::Or => a | b,
            BitOp::Xor => a ^ b,
        }
    }
}

impl<'a> BigRef<'a> {
    /// `int.bit_length()`: bits of `abs(self)`, 0 for zero.
    pub fn bit_length(self) -> u64 {
        match self.magnitude().last() {
            None => 0,
            Some(&top) => {
                (self.magnitude().len() as u64 - 1) * 32 + u64::from(32 - top.leading_zeros())
            }
        }
    }

    /// `int.bit_count()`: number of one bits in `abs(self)`.
    pub fn bit_count(self) -> u64 {
        self.magnitude()
            .iter()
            .map(|l| u64::from(l.count_ones()))
            .sum()
    }

    /// `self << n`. `TooLarge` when the result would exceed `max_limbs` limbs.
    pub fn shl<A: Allocator>(self, n: u64, max_limbs: usize, alloc: A) -> Result<Big<A>, NumError> {
        if self.is_zero() {
            return Ok(Big::zero(alloc));
        }
        let bits = u128::from(self.bit_length()) + u128::from(n);
        if bits > (max_limbs as u128) * 32 {
            return Err(NumError::TooLarge);
        }
        let limb_shift = usize::try_from(n / 32).map_err(|_| NumError::TooLarge)?;
        let bit_shift = (n % 32) as u32;
        let mag = self.magnitude();
        let mut v = limbs::zeroed(limb_shift, alloc)?;
        limbs::reserve(&mut v, mag.len() + 1)?;
        if bit_shift == 0 {
            v.extend_from_slice(mag);
        } else {
            let mut carry = 0u32;
            for &x in mag {
                v.push((x << bit_shift) | carry);
                carry = x >> (32 - bit_shift);
            }
            v.push(carry);
        }
        Ok(Big::from_vec(self.is_negative(), v))
    }

    /// `self >> n`: arithmetic shift, rounding toward negative infinity like Python.
    pub fn shr<A: Allocator>(self, n: u64, alloc: A) -> Result<Big<A>, NumError> {
        let mag = self.magnitude();
        let limb_shift = usize::try_from(n / 32).unwrap_or(usize::MAX);
        let bit_shift = (n % 32) as u32;
        if limb_shift >= mag.len() {
            return if self.is_negative() {
                Big::from_i64(-1, alloc)
            } else {
                Ok(Big::zero(alloc))
            };
        }
        let (low, high) = mag.split_at(limb_shift);
        // Were any one bits shifted out? Needed to floor negative values.
        let mut lost = low.iter().any(|&x| x != 0);
        let mut v = limbs::zeroed(0, alloc)?;
        limbs::reserve(&mut v, high.len() + 1)?;
        if bit_shift == 0 {
            v.extend_from_slice(high);
        } else {
            if let Some(&first) = high.first() {
                lost |= first & ((1u32 << bit_shift) - 1) != 0;
            }
            for (i, &x) in high.iter().enumerate() {
                let next = high.get(i + 1).copied().unwrap_or(0);
                v.push((x >> bit_shift) | (next << (32 - bit_shift)));
            }
        }
        limbs::trim(&mut v);
        if self.is_negative() && lost {
            v.push(0); // capacity reserved above
            limbs::add_into(&mut v, &[1]);
        }
        Ok(Big::from_vec(self.is_negative(), v))
    }

    /// `self << count` for an int count: `NegativeShiftCount` for a negative count.
    pub fn shl_by<A: Allocator>(
        self,
        count: BigRef<'_>,
        max_limbs: usize,
        alloc: A,
    ) -> Result<Big<A>, NumError> {
        if count.is_negative() {
            return Err(NumError::NegativeShiftCount);
        }
        if self.is_zero() {
            return Ok(Big::zero(alloc));
        }
        match count.to_u64() {
            Some(n) => self.shl(n, max_limbs, alloc),
            None => Err(NumError::TooLarge),
        }
    }

    /// `self >> count` for an int count: `NegativeShiftCount` for a negative count.
    pub fn shr_by<A: Allocator>(self, count: BigRef<'_>, alloc: A) -> Result<Big<A>, NumError> {
        if count.is_negative() {
            return Err(NumError::NegativeShiftCount);
        }
        self.shr(count.to_u64().unwrap_or(u64::MAX), alloc)
    }

    /// `self & other`.
    pub fn and<A: Allocator>(self, other: BigRef<'_>, alloc: A) -> Result<Big<A>, NumError> {
        bitop(self, other, BitOp::And, alloc)
    }
    /// `self | other`.
    pub fn or<A: Allocator>(self, other: BigRef<'_>, alloc: A) -> Result<Big<A>, NumError> {
        bitop(self, other, BitOp::Or, alloc)
    }
    /// `self ^ other`.
    pub fn xor<A: Allocator>(self, other: BigRef<'_>, alloc: A) -> Result<Big<A>, NumError> {
        bitop(self, other, BitOp::Xor, alloc)
    }
    /// `~self`, which is `-self - 1`.
    pub fn not<A: Allocator + Clone>(self, alloc: A) -> Result<Big<A>, NumError> {
        let mut r = self.add(BigRef::new(false, &[1]), alloc)?;
        r.negate();
        Ok(r)
    }

    /// `int.to_bytes(len(out), byteorder, signed=signed)` into `out`.
    ///
    /// `BytesOverflow` when the value does not fit in `out.len()` bytes, `NegativeUnsigned`
    /// for a negative value with `signed == false`. `out` is fully written on success.
    pub fn to_bytes(
        self,
        out: &mut [u8],
        little_endian: bool,
        signed: bool,
    ) -> Result<(), NumError> {
        if self.is_negative() && !signed {
            return Err(NumError::NegativeUnsigned);
        }
        let n = out.len();
        let mut tw = TwosLimbs::new(self);
        let ext: u8 = if self.is_negative() { 0xff } else { 0 };
        // Every byte of the two's-complement form up to one limb past the magnitude, and
        // at least the n bytes requested.
        let total = n.max((self.magnitude().len() + 1) * 4);
        let mut limb = 0u32;
        let mut last = 0u8;
        for k in 0..total {
            if k % 4 == 0 {
                limb = tw.next_limb(k / 4);
            }
            let byte = (limb >> ((k % 4) * 8)) as u8;
            if k < n {
                let pos = if little_endian { k } else { n - 1 - k };
                if let Some(slot) = out.get_mut(pos) {
                    *slot = byte;
                }
                last = byte;
            } else if byte != ext {
                return Err(NumError::BytesOverflow);
            }
        }
        if signed {
            let sign_bit = n > 0 && last & 0x80 != 0;
            if sign_bit != self.is_negative() || (n == 0 && !self.is_zero()) {
                return Err(NumError::BytesOverflow);
            }
        }
        Ok(())
    }

    /// The smallest length for which `to_bytes(.., signed)` succeeds (what
    /// `(x.bit_length() + 7) // 8` approximates in Python code). Meaningless for a negative
    /// value with `signed == false`, which never fits.
    pub fn min_bytes(self, signed: bool) -> u64 {
        let bl = self.bit_length();
        if bl == 0 {
            return 0;
        }
        // Two's complement needs a sign bit, except that -2^k fits in k + 1 bits exactly.
        let bits = if !signed || (self.is_negative() && self.bit_count() == 1) {
            bl
        } else {
            bl + 1
        };
        bits.div_ceil(8)
    }
}

impl<A: Allocator> Big<A> {
    /// `int.from_bytes(bytes, byteorder, signed=signed)`.
    pub fn from_bytes(
        bytes: &[u8],
        little_endian: bool,
        signed: bool,
        alloc: A,
    ) -> Result<Self, NumError> {
        let n = bytes.len();
        let nlimbs = n.div_ceil(4);
        let mut v = limbs::zeroed(nlimbs, alloc)?;
        for (k, slot) in v.iter_mut().enumerate() {
            let mut limb = 0u32;
            for j in 0..4 {
                let idx = k * 4 + j;
                if idx >= n {
                    break;
                }
                let pos = if little_endian { idx } else { n - 1 - idx };
                limb |= u32::from(bytes.get(pos).copied().unwrap_or(0)) << (j * 8);
            }
            *slot = limb;
        }
        let top = if little_endian {
            bytes.last()
        } else {
            bytes.first()
        };
        let neg = signed && top.is_some_and(|b| b & 0x80 != 0);
        if neg {
            // |x| = 2^(8n) - v: negate in two's complement, then drop bits above 8n.
            let mut carry = true;
            for x in v.iter_mut() {
                let (r, c) = (!*x).overflowing_add(u32::from(carry));
                *x = r;
                carry = c;
            }
            let rem_bits = (n % 4) * 8;
            if rem_bits != 0 {
                if let Some(last) = v.last_mut() {
                    *last &= (1u32 << rem_bits) - 1;
                }
            }
        }
        Ok(Big::from_vec(neg, v))
    }
}

/// `a op b` on the two's-complement forms.
fn bitop<A: Allocator>(
    a: BigRef<'_>,
    b: BigRef<'_>,
    op: BitOp,
    alloc: A,
) -> Result<Big<A>, NumError> {
    let len = a.magnitude().len().max(b.magnitude().len()) + 1;
    let mut v = limbs::zeroed(len, alloc)?;
    let mut ta = TwosLimbs::new(a);
    let mut tb = TwosLimbs::new(b);
    for (i, slot) in v.iter_mut().enumerate() {
        *slot = op.apply(ta.next_limb(i), tb.next_limb(i));
    }
    let neg = op.apply_sign(a.is_negative(), b.is_negative());
    if neg {
        // Back from two's complement to a magnitude: negate.
        let mut carry = true;
        for x in v.iter_mut() {
            let (r, c) = (!*x).overflowing_add(u32::from(carry));
            *x = r;
            carry = c;
        }
    }
    Ok(Big::from_vec(neg, v))
}
