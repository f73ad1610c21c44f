//! The exact decimal expansion of a double, and correct rounding of it.
//!
//! Every finite double is `m * 2**e` with `m < 2**53`, so its decimal expansion is finite:
//! for `e >= 0` it is the integer `m << e` (at most 309 digits), for `e < 0` it is
//! `m * 5**-e` divided by `10**-e` (at most 767 significant digits). Computing those digits
//! exactly and then rounding the digit string half-to-even is how CPython's correctly
//! rounded `dtoa` behaves for `'%.2f' % 2.675 == '2.67'` and friends.
//!
//! Everything lives in fixed-size arrays on the stack (about 1.5 KiB), so formatting a float
//! never allocates and cannot fail.

/// Limbs needed for `(2**53 - 1) * 5**1074` (about 2547 bits), with room to spare.
const BIG_LIMBS: usize = 84;
/// Significant digits of the longest exact expansion (767), with room to spare.
pub(crate) const MAX_DIGITS: usize = 800;

/// A non-negative decimal number `0.d1 d2 ... dn * 10**point`, digits stored as 0..=9 with
/// no leading or trailing zero digit. Zero has `len == 0`.
#[derive(Clone)]
pub(crate) struct Decimal {
    pub(crate) digits: [u8; MAX_DIGITS],
    pub(crate) len: usize,
    /// Number of digits before the decimal point (may be negative or exceed `len`).
    pub(crate) point: i32,
}

impl Decimal {
    pub(crate) fn zero() -> Self {
        Decimal {
            digits: [0; MAX_DIGITS],
            len: 0,
            point: 0,
        }
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.len == 0
    }

    /// Build from ASCII digits and a point position; leading/trailing zeros are stripped,
    /// digits beyond the capacity are dropped (callers pass short strings).
    pub(crate) fn from_ascii(ds: &[u8], point: i32) -> Self {
        let mut d = Decimal::zero();
        let mut point = point;
        let mut started = false;
        for &c in ds {
            let v = c.wrapping_sub(b'0');
            if v > 9 {
                continue;
            }
            if !started && v == 0 {
                point -= 1;
                continue;
            }
            started = true;
            if d.len < MAX_DIGITS {
                d.digits[d.len] = v;
                d.len += 1;
            }
        }
        d.point = point;
        d.trim();
        d
    }

    fn trim(&mut self) {
        while self.len > 0 && self.digits[self.len - 1] == 0 {
            self.len -= 1;
        }
        if self.len == 0 {
            self.point = 0;
        }
    }

    /// The exact expansion of `|x|` for finite `x`.
    pub(crate) fn exact(x: f64) -> Self {
        let bits = x.to_bits();
        let bexp = ((bits >> 52) & 0x7ff) as i32;
        let frac = bits & ((1u64 << 52) - 1);
        let (m, e) = if bexp == 0 {
            (frac, -1074)
        } else {
            (frac | (1u64 << 52), bexp - 1075)
        };
        let mut d = Decimal::zero();
        if m == 0 || bexp == 0x7ff {
            return d;
        }
        let mut big = FixedBig::from_u64(m);
        if e >= 0 {
            big.shl(e as u32);
        } else {
            // m * 2^e = m * 5^-e / 10^-e.
            let mut k = -e;
            while k >= 13 {
                big.mul_small(1_220_703_125); // 5^13
                k -= 13;
            }
            big.mul_small(5u32.pow(k as u32));
        }
        let n = big.write_decimal(&mut d.digits);
        d.len = n;
        d.point = n as i32 + e.min(0);
        d.trim();
        d
    }

    /// Round half-to-even so that only the first `keep` digits remain (`keep` may be
    /// negative: the value rounds to 0 or to one unit at that position).
    pub(crate) fn round_to(&mut self, keep: i64) {
        if keep >= self.len as i64 {
            return;
        }
        if keep < 0 {
            *self = Decimal::zero();
            return;
        }
        let k = keep as usize;
        let first = self.digits[k];
        let rest_nonzero = self.len > k + 1; // no trailing zeros are stored
        let prev_odd = k > 0 && self.digits[k - 1] % 2 == 1;
        let up = first > 5 || (first == 5 && (rest_nonzero || prev_odd));
        self.len = k;
        if up {
            let mut i = k;
            loop {
                if i == 0 {
                    // All nines (or nothing kept): the value becomes 1 at a higher place.
                    self.digits[0] = 1;
                    self.len = 1;
                    self.point += 1;
                    return;
                }
                i -= 1;
                if self.digits[i] == 9 {
                    self.digits[i] = 0;
                } else {
                    self.digits[i] += 1;
                    break;
                }
            }
        }
        self.trim();
    }

    /// Round to `ndigits` digits after the decimal point.
    pub(crate) fn round_to_fraction_digits(&mut self, ndigits: i64) {
        if self.is_zero() {
            return;
        }
        self.round_to(i64::from(self.point).saturating_add(ndigits));
    }
}

/// A fixed-capacity unsigned big integer, just enough for [`Decimal::exact`].
struct FixedBig {
    limbs: [u32; BIG_LIMBS],
    len: usize,
}

impl FixedBig {
    fn from_u64(v: u64) -> Self {
        let mut limbs = [0u32; BIG_LIMBS];
        limbs[0] = v as u32;
        limbs[1] = (v >> 32) as u32;
        let mut b = FixedBig { limbs, len: 2 };
        b.norm();
        b
    }

    fn norm(&mut self) {
        while self.len > 0 && self.limbs[self.len - 1] == 0 {
            self.len -= 1;
        }
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for x in self.limbs.iter_mut().take(self.len) {
            let p = u64::from(*x) * u64::from(m) + carry;
            *x = p as u32;
            carry = p >> 32;
        }
        if carry != 0 && self.len < BIG_LIMBS {
            self.limbs[self.len] = carry as u32;
            self.len += 1;
        }
    }

    /// `self <<= n` for n <= 971 (so the result stays below 2^1024).
    fn shl(&mut self, n: u32) {
        let ls = (n / 32) as usize;
        let bs = n % 32;
        let old = self.len;
        if old == 0 || old + ls + 1 > BIG_LIMBS {
            return;
        }
        for i in (0..old).rev() {
            self.limbs[i + ls] = self.limbs[i];
        }
        for l in self.limbs.iter_mut().take(ls) {
            *l = 0;
        }
        self.len = old + ls;
        if bs != 0 {
            let mut carry = 0u32;
            for x in self.limbs.iter_mut().take(self.len).skip(ls) {
                let nx = (*x << bs) | carry;
                carry = *x >> (32 - bs);
                *x = nx;
            }
            self.limbs[self.len] = carry;
            self.len += 1;
        }
        self.norm();
    }

    fn divrem_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for x in self.limbs.iter_mut().take(self.len).rev() {
            let cur = (rem << 32) | u64::from(*x);
            *x = (cur / u64::from(d)) as u32;
            rem = cur % u64::from(d);
        }
        self.norm();
        rem as u32
    }

    /// Write the decimal digits (values 0..=9, most significant first) into `out`; returns
    /// the count. Consumes the value.
    fn write_decimal(&mut self, out: &mut [u8; MAX_DIGITS]) -> usize {
        // Nine-digit chunks, least significant first.
        let mut chunks = [0u32; MAX_DIGITS / 9 + 1];
        let mut nchunks = 0;
        while self.len > 0 && nchunks < chunks.len() {
            chunks[nchunks] = self.divrem_small(1_000_000_000);
            nchunks += 1;
        }
        let mut n = 0;
        for ci in (0..nchunks).rev() {
            let c = chunks[ci];
            let mut tmp = [0u8; 9];
            let mut v = c;
            for t in tmp.iter_mut().rev() {
                *t = (v % 10) as u8;
                v /= 10;
            }
            let start = if ci == nchunks - 1 {
                tmp.iter().position(|&t| t != 0).unwrap_or(8)
            } else {
                0
            };
            for &t in &tmp[start..] {
                if n < MAX_DIGITS {
                    out[n] = t;
                    n += 1;
                }
            }
        }
        n
    }
}
