//! Conversion between integers and strings in bases 2..=36, with the syntax of Python's
//! `int(str, base)`.

use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec;

use super::bigint::{Big, BigRef};
use super::limbs;
use super::unicode::{ascii_equivalent, is_py_space};
use super::NumError;

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// The largest power of `base` that fits in a `u32`, and its exponent.
fn chunk_power(base: u32) -> (u32, usize) {
    let mut p = base;
    let mut k = 1;
    while let Some(np) = p.checked_mul(base) {
        p = np;
        k += 1;
    }
    (p, k)
}

/// The value of an ASCII digit in bases up to 36.
fn digit_value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 10),
        b'A'..=b'Z' => Some(u32::from(c - b'A') + 10),
        _ => None,
    }
}

impl<'a> BigRef<'a> {
    /// Append the value in `base` (2..=36) to `out`: lowercase digits, a `-` for negative
    /// values, no base prefix (the caller adds `0x` and friends). `InvalidBase` otherwise.
    ///
    /// Power-of-two bases take linear time; others divide by the largest power of the base
    /// that fits in a limb, which is quadratic like CPython's own conversion.
    pub fn write_radix<A: Allocator + Clone>(
        self,
        base: u32,
        out: &mut Vec<u8, A>,
    ) -> Result<(), NumError> {
        if !(2..=36).contains(&base) {
            return Err(NumError::InvalidBase);
        }
        let mag = self.magnitude();
        if mag.is_empty() {
            out.try_reserve(1).map_err(|_| NumError::NoMemory)?;
            out.push(b'0');
            return Ok(());
        }
        if self.is_negative() {
            out.try_reserve(1).map_err(|_| NumError::NoMemory)?;
            out.push(b'-');
        }
        // A magnitude of one machine word (most ints printed): digits straight from it.
        if mag.len() <= 2 {
            let mut m = u64::from(mag[0]) | (u64::from(mag.get(1).copied().unwrap_or(0)) << 32);
            let mut tmp = [0u8; 64];
            let mut n = tmp.len();
            if m == 0 {
                n -= 1;
                tmp[n] = b'0';
            }
            while m != 0 {
                n -= 1;
                tmp[n] = DIGITS[(m % u64::from(base)) as usize];
                m /= u64::from(base);
            }
            out.try_reserve(tmp.len() - n)
                .map_err(|_| NumError::NoMemory)?;
            out.extend_from_slice(&tmp[n..]);
            return Ok(());
        }
        if base.is_power_of_two() {
            let k = u64::from(base.trailing_zeros());
            let nbits = self.bit_length();
            let ndigits = nbits.div_ceil(k);
            let n = usize::try_from(ndigits).map_err(|_| NumError::NoMemory)?;
            out.try_reserve(n).map_err(|_| NumError::NoMemory)?;
            for d in (0..ndigits).rev() {
                let bit = d * k;
                let li = (bit / 32) as usize;
                let off = (bit % 32) as u32;
                let lo = mag.get(li).copied().unwrap_or(0) >> off;
                let hi = if off + k as u32 > 32 && off != 0 {
                    mag.get(li + 1).copied().unwrap_or(0) << (32 - off)
                } else {
                    0
                };
                let v = (lo | hi) & (base - 1);
                out.push(DIGITS[v as usize % 36]);
            }
            return Ok(());
        }
        let (chunk, k) = chunk_power(base);
        let alloc = out.allocator().clone();
        let mut work = limbs::copied(mag, 0, alloc.clone())?;
        // Each chunk takes more than 31 bits' worth of digits except in tiny bases, and at
        // least log2(3^20) > 31 bits for base 3: so one chunk per limb is an upper bound.
        let mut chunks: Vec<u32, A> = limbs::zeroed(0, alloc)?;
        limbs::reserve(&mut chunks, mag.len() + 1)?;
        while !work.is_empty() {
            let r = limbs::divrem_small(&mut work, chunk);
            limbs::trim(&mut work);
            if chunks.len() == chunks.capacity() {
                limbs::reserve(&mut chunks, 1)?;
            }
            chunks.push(r);
        }
        let total = chunks.len().saturating_mul(k);
        out.try_reserve(total).map_err(|_| NumError::NoMemory)?;
        let mut buf = [0u8; 32];
        for (i, &c) in chunks.iter().rev().enumerate() {
            let mut c = c;
            let mut len = 0;
            while c != 0 {
                buf[len] = DIGITS[(c % base) as usize];
                c /= base;
                len += 1;
            }
            if i != 0 {
                // Inner chunks are zero-padded to k digits.
                while len < k {
                    buf[len] = b'0';
                    len += 1;
                }
            }
            for &b in buf[..len].iter().rev() {
                out.push(b);
            }
        }
        Ok(())
    }
}

impl<A: Allocator + Clone> Big<A> {
    /// Python's `int(s, base)` for a string `s`: `base` is 0 (auto-detect `0x`/`0o`/`0b`
    /// prefixes, decimal otherwise, where a non-zero number may not start with `0`) or
    /// 2..=36. Leading and trailing whitespace, one sign, the matching base prefix, and
    /// single underscores between digits (or right after the prefix) are accepted.
    ///
    /// `InvalidBase` for a bad base, `InvalidLiteral` for anything else that `int()`
    /// rejects. Unicode decimal digits count as their ASCII equivalents, as in CPython
    /// (the string is then translated into a temporary buffer from `alloc`).
    pub fn parse(s: &str, base: u32, alloc: A) -> Result<Self, NumError> {
        if base == 1 || base > 36 {
            return Err(NumError::InvalidBase);
        }
        let s = s.trim_matches(is_py_space);
        if s.is_ascii() {
            return Self::parse_ascii(s.as_bytes(), base, alloc);
        }
        let mut buf: Vec<u8, A> = Vec::new_in(alloc.clone());
        buf.try_reserve_exact(s.len())
            .map_err(|_| NumError::NoMemory)?;
        for c in s.chars() {
            // One byte per char and at least one byte of UTF-8 per char: always in capacity.
            if buf.len() < buf.capacity() {
                buf.push(ascii_equivalent(c));
            }
        }
        Self::parse_ascii(&buf, base, alloc)
    }

    /// `parse` after trimming and translation to ASCII (`0xFF` marks other characters).
    fn parse_ascii(s: &[u8], base: u32, alloc: A) -> Result<Self, NumError> {
        let (neg, mut s) = match s.split_first() {
            Some((b'-', rest)) => (true, rest),
            Some((b'+', rest)) => (false, rest),
            _ => (false, s),
        };
        let mut base = base;
        let mut prefixed = false;
        if let [b'0', p, rest @ ..] = s {
            let pb = match p {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => 0,
            };
            if pb != 0 && (base == 0 || base == pb) {
                base = pb;
                s = rest;
                prefixed = true;
            }
        }
        let auto_decimal = base == 0;
        if auto_decimal {
            base = 10;
        }
        // Validate digits and underscores.
        let mut prev_underscore = prefixed; // an underscore may follow the prefix
        let mut ndigits = 0usize;
        let mut nonzero_seen = false;
        let mut first_is_zero = false;
        for (i, &c) in s.iter().enumerate() {
            if c == b'_' {
                if i == 0 && prefixed {
                    prev_underscore = true;
                    continue;
                }
                if prev_underscore || ndigits == 0 {
                    return Err(NumError::InvalidLiteral);
                }
                prev_underscore = true;
                continue;
            }
            let d = digit_value(c)
                .filter(|&d| d < base)
                .ok_or(NumError::InvalidLiteral)?;
            if ndigits == 0 {
                first_is_zero = d == 0;
            }
            nonzero_seen |= d != 0;
            ndigits += 1;
            prev_underscore = false;
        }
        if ndigits == 0 || prev_underscore {
            return Err(NumError::InvalidLiteral);
        }
        if auto_decimal && !prefixed && first_is_zero && nonzero_seen {
            return Err(NumError::InvalidLiteral);
        }
        let digits = s.iter().filter(|&&c| c != b'_');
        let mut v: Vec<u32, A>;
        if base.is_power_of_two() {
            let k = base.trailing_zeros() as usize;
            let nbits = ndigits.checked_mul(k).ok_or(NumError::NoMemory)?;
            v = limbs::zeroed(nbits.div_ceil(32), alloc)?;
            // Fill from the least significant digit.
            let mut bit = 0usize;
            for &c in s.iter().rev().filter(|&&c| c != b'_') {
                let d = digit_value(c).unwrap_or(0);
                let li = bit / 32;
                let off = (bit % 32) as u32;
                if let Some(l) = v.get_mut(li) {
                    *l |= d << off;
                }
                if off as usize + k > 32 {
                    if let Some(l) = v.get_mut(li + 1) {
                        *l |= d >> (32 - off);
                    }
                }
                bit += k;
            }
        } else {
            let (_, k) = chunk_power(base);
            // At most log2(base) + 1 bits per digit: reserve the final size once.
            v = limbs::zeroed(0, alloc)?;
            limbs::reserve(
                &mut v,
                ndigits.saturating_mul(base.ilog2() as usize + 1) / 32 + 2,
            )?;
            let mut acc = 0u32;
            let mut mult = 1u32;
            let mut count = 0;
            for &c in digits {
                acc = acc * base + digit_value(c).unwrap_or(0);
                mult *= base;
                count += 1;
                if count == k {
                    limbs::mul_small_add(&mut v, mult, acc)?;
                    acc = 0;
                    mult = 1;
                    count = 0;
                }
            }
            if count != 0 {
                limbs::mul_small_add(&mut v, mult, acc)?;
            }
        }
        Ok(Big::from_vec(neg, v))
    }
}
