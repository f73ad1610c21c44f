//! Magnitude arithmetic on little-endian `u32` limb slices.
//!
//! These functions know nothing about signs. Inputs may carry trailing zero limbs unless a
//! function says otherwise; outputs are trimmed by the callers in `bigint.rs`. Every buffer
//! comes from the caller's allocator through [`zeroed`] / [`copied`], which use
//! `try_reserve` so that running out of memory is an error, never an abort. After a
//! successful reservation only in-capacity `push`/`resize` calls are made, which cannot
//! allocate.
//!
//! Indexing here is bounded by lengths established at the top of each function (asserted
//! by the structure of the loops), never by limb values, so no input can make it panic.

use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec;
use core::cmp::Ordering;

use super::NumError;

/// Products where the shorter factor has fewer limbs than this use schoolbook
/// multiplication; larger balanced products use Karatsuba. Measured crossover for u32 limbs
/// is in the 20..50 range; the exact value matters little.
pub(crate) const KARATSUBA_THRESHOLD: usize = 32;

/// A vector of `n` zero limbs.
pub(crate) fn zeroed<A: Allocator>(n: usize, alloc: A) -> Result<Vec<u32, A>, NumError> {
    let mut v = Vec::new_in(alloc);
    v.try_reserve_exact(n).map_err(|_| NumError::NoMemory)?;
    v.resize(n, 0);
    Ok(v)
}

/// A copy of `s` followed by `extra` zero limbs.
pub(crate) fn copied<A: Allocator>(
    s: &[u32],
    extra: usize,
    alloc: A,
) -> Result<Vec<u32, A>, NumError> {
    let total = s.len().checked_add(extra).ok_or(NumError::NoMemory)?;
    let mut v = Vec::new_in(alloc);
    v.try_reserve_exact(total).map_err(|_| NumError::NoMemory)?;
    v.extend_from_slice(s);
    v.resize(total, 0);
    Ok(v)
}

/// Make sure `v` can grow by `n` limbs without reallocating.
pub(crate) fn reserve<A: Allocator>(v: &mut Vec<u32, A>, n: usize) -> Result<(), NumError> {
    v.try_reserve(n).map_err(|_| NumError::NoMemory)
}

/// Drop trailing zero limbs (the canonical form of a magnitude).
pub(crate) fn trim<A: Allocator>(v: &mut Vec<u32, A>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

/// The slice without its trailing zero limbs.
pub(crate) fn trimmed(mut s: &[u32]) -> &[u32] {
    while let Some((&0, rest)) = s.split_last() {
        s = rest;
    }
    s
}

/// Compare two magnitudes (trailing zeros allowed).
pub(crate) fn cmp(a: &[u32], b: &[u32]) -> Ordering {
    let a = trimmed(a);
    let b = trimmed(b);
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for (x, y) in a.iter().rev().zip(b.iter().rev()) {
        if x != y {
            return x.cmp(y);
        }
    }
    Ordering::Equal
}

/// `acc += b`, propagating the carry through all of `acc`; returns the carry out of `acc`.
/// Requires `acc.len() >= b.len()`.
pub(crate) fn add_into(acc: &mut [u32], b: &[u32]) -> u32 {
    let mut carry = 0u64;
    let mut i = 0;
    for (x, &y) in acc.iter_mut().zip(b.iter()) {
        let s = u64::from(*x) + u64::from(y) + carry;
        *x = s as u32;
        carry = s >> 32;
        i += 1;
    }
    if let Some(rest) = acc.get_mut(i..) {
        for x in rest {
            if carry == 0 {
                break;
            }
            let s = u64::from(*x) + carry;
            *x = s as u32;
            carry = s >> 32;
        }
    }
    carry as u32
}

/// `acc -= b`, propagating the borrow through all of `acc`; returns the borrow out.
/// Requires `acc.len() >= b.len()`.
pub(crate) fn sub_into(acc: &mut [u32], b: &[u32]) -> u32 {
    let mut borrow = 0u32;
    let mut i = 0;
    for (x, &y) in acc.iter_mut().zip(b.iter()) {
        let (t, b1) = x.overflowing_sub(y);
        let (t, b2) = t.overflowing_sub(borrow);
        *x = t;
        borrow = u32::from(b1 || b2);
        i += 1;
    }
    if let Some(rest) = acc.get_mut(i..) {
        for x in rest {
            if borrow == 0 {
                break;
            }
            let (t, b1) = x.overflowing_sub(1);
            *x = t;
            borrow = u32::from(b1);
        }
    }
    borrow
}

/// `a + b` as a fresh (untrimmed) vector.
pub(crate) fn add<A: Allocator>(a: &[u32], b: &[u32], alloc: A) -> Result<Vec<u32, A>, NumError> {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut v = copied(long, 1, alloc)?;
    add_into(&mut v, short);
    Ok(v)
}

/// `a - b` as a fresh (untrimmed) vector. Requires `a >= b`.
pub(crate) fn sub<A: Allocator>(a: &[u32], b: &[u32], alloc: A) -> Result<Vec<u32, A>, NumError> {
    let b = trimmed(b);
    let mut v = copied(a, 0, alloc)?;
    if v.len() >= b.len() {
        sub_into(&mut v, b);
    }
    Ok(v)
}

/// `v = v * m + add`, growing `v` by one limb when needed.
pub(crate) fn mul_small_add<A: Allocator>(
    v: &mut Vec<u32, A>,
    m: u32,
    add: u32,
) -> Result<(), NumError> {
    let mut carry = u64::from(add);
    for x in v.iter_mut() {
        let p = u64::from(*x) * u64::from(m) + carry;
        *x = p as u32;
        carry = p >> 32;
    }
    if carry != 0 {
        reserve(v, 1)?;
        v.push(carry as u32);
    }
    Ok(())
}

/// Divide `v` in place by `d` (non-zero), returning the remainder.
pub(crate) fn divrem_small(v: &mut [u32], d: u32) -> u32 {
    if d == 0 {
        return 0;
    }
    let d = u64::from(d);
    let mut rem = 0u64;
    for x in v.iter_mut().rev() {
        let cur = (rem << 32) | u64::from(*x);
        *x = (cur / d) as u32;
        rem = cur % d;
    }
    rem as u32
}

/// `a * b` as a fresh vector of exactly `a.len() + b.len()` limbs.
pub(crate) fn mul<A: Allocator + Clone>(
    a: &[u32],
    b: &[u32],
    alloc: A,
) -> Result<Vec<u32, A>, NumError> {
    let n = a.len().checked_add(b.len()).ok_or(NumError::NoMemory)?;
    let mut out = zeroed(n, alloc.clone())?;
    mac(&mut out, a, b, &alloc)?;
    Ok(out)
}

/// `out += a * b`, with carries propagated to the end of `out`.
///
/// `out` must be long enough to hold the final sum (at least `a.len() + b.len()` limbs);
/// callers always pass a suffix of the result buffer, so carries land inside it.
/// Recursion depth is logarithmic in the operand length (Karatsuba halves each time).
fn mac<A: Allocator + Clone>(
    out: &mut [u32],
    a: &[u32],
    b: &[u32],
    alloc: &A,
) -> Result<(), NumError> {
    let a = trimmed(a);
    let b = trimmed(b);
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if b.is_empty() {
        return Ok(());
    }
    if b.len() < KARATSUBA_THRESHOLD {
        mac_schoolbook(out, a, b);
        return Ok(());
    }
    if 2 * b.len() <= a.len() {
        // Unbalanced: cut `a` into pieces the size of `b` so that each product is balanced.
        for (k, chunk) in a.chunks(b.len()).enumerate() {
            let off = k * b.len();
            if let Some(dst) = out.get_mut(off..) {
                mac(dst, chunk, b, alloc)?;
            }
        }
        return Ok(());
    }
    // Karatsuba: a = a1*B^m + a0, b = b1*B^m + b0 with m = len(a)/2 < len(b).
    let m = a.len() / 2;
    let (a0, a1) = a.split_at(m);
    let (b0, b1) = b.split_at(m);
    let z0 = mul(a0, b0, alloc.clone())?;
    let z2 = mul(a1, b1, alloc.clone())?;
    let sa = add(a0, a1, alloc.clone())?;
    let sb = add(b0, b1, alloc.clone())?;
    let mut z1 = mul(&sa, &sb, alloc.clone())?;
    drop(sa);
    drop(sb);
    // (a0+a1)(b0+b1) >= z0 + z2, so these subtractions never borrow out.
    sub_into(&mut z1, trimmed(&z0));
    sub_into(&mut z1, trimmed(&z2));
    add_at(out, 0, trimmed(&z0));
    add_at(out, m, trimmed(&z1));
    add_at(out, 2 * m, trimmed(&z2));
    Ok(())
}

/// `out[off..] += b` when it fits; the callers' size invariants guarantee it does.
fn add_at(out: &mut [u32], off: usize, b: &[u32]) {
    if let Some(dst) = out.get_mut(off..) {
        if dst.len() >= b.len() {
            add_into(dst, b);
        }
    }
}

/// Schoolbook `out += a * b`.
fn mac_schoolbook(out: &mut [u32], a: &[u32], b: &[u32]) {
    for (i, &y) in b.iter().enumerate() {
        if y == 0 {
            continue;
        }
        let Some(dst) = out.get_mut(i..) else { return };
        let mut carry = 0u64;
        let mut j = 0;
        for (x, &ai) in dst.iter_mut().zip(a.iter()) {
            let p = u64::from(ai) * u64::from(y) + u64::from(*x) + carry;
            *x = p as u32;
            carry = p >> 32;
            j += 1;
        }
        if let Some(rest) = dst.get_mut(j..) {
            add_into(rest, &[carry as u32]);
        }
    }
}

/// `a << bits` (bits < 32) into a fresh vector with `extra` more limbs than `a`.
fn shl_small<A: Allocator>(
    a: &[u32],
    bits: u32,
    extra: usize,
    alloc: A,
) -> Result<Vec<u32, A>, NumError> {
    let mut v = copied(a, extra, alloc)?;
    if bits != 0 && bits < 32 {
        let mut carry = 0u32;
        for x in v.iter_mut() {
            let nx = (*x << bits) | carry;
            carry = *x >> (32 - bits);
            *x = nx;
        }
    }
    Ok(v)
}

/// A quotient and a remainder.
pub(crate) type QuotRem<A> = (Vec<u32, A>, Vec<u32, A>);

/// Quotient and remainder of magnitudes: `a = q*b + r`, `0 <= r < b`. `b` must be non-zero
/// (returns `ZeroDivision` otherwise). Knuth's algorithm D (TAOCP 4.3.1) on 32-bit limbs.
pub(crate) fn divrem<A: Allocator + Clone>(
    a: &[u32],
    b: &[u32],
    alloc: A,
) -> Result<QuotRem<A>, NumError> {
    let a = trimmed(a);
    let b = trimmed(b);
    let Some(&btop) = b.last() else {
        return Err(NumError::ZeroDivision);
    };
    if cmp(a, b) == Ordering::Less {
        return Ok((zeroed(0, alloc.clone())?, copied(a, 0, alloc)?));
    }
    if b.len() == 1 {
        let mut q = copied(a, 0, alloc.clone())?;
        let r = divrem_small(&mut q, btop);
        let mut rv = zeroed(0, alloc)?;
        if r != 0 {
            reserve(&mut rv, 1)?;
            rv.push(r);
        }
        trim(&mut q);
        return Ok((q, rv));
    }
    let n = b.len();
    let m = a.len() - n; // a.len() >= n because a >= b
    let s = btop.leading_zeros();
    let bn = shl_small(b, s, 0, alloc.clone())?;
    let mut an = shl_small(a, s, 1, alloc.clone())?;
    let mut q = zeroed(m + 1, alloc.clone())?;
    let v1 = u64::from(bn[n - 1]);
    let v2 = u64::from(bn[n - 2]);
    const B: u64 = 1 << 32;
    for j in (0..=m).rev() {
        let num = (u64::from(an[j + n]) << 32) | u64::from(an[j + n - 1]);
        let mut qhat = num / v1;
        let mut rhat = num % v1;
        while qhat >= B || qhat * v2 > ((rhat << 32) | u64::from(an[j + n - 2])) {
            qhat -= 1;
            rhat += v1;
            if rhat >= B {
                break;
            }
        }
        // an[j..=j+n] -= qhat * bn
        let mut carry = 0u64;
        let mut borrow = 0u32;
        for i in 0..n {
            let p = qhat * u64::from(bn[i]) + carry;
            carry = p >> 32;
            let (t, b1) = an[i + j].overflowing_sub(p as u32);
            let (t, b2) = t.overflowing_sub(borrow);
            an[i + j] = t;
            borrow = u32::from(b1 || b2);
        }
        let (t, b1) = an[j + n].overflowing_sub(carry as u32);
        let (t, b2) = t.overflowing_sub(borrow);
        an[j + n] = t;
        if b1 || b2 {
            // qhat was one too large (rare): add the divisor back.
            qhat -= 1;
            let mut c = 0u64;
            for i in 0..n {
                let s2 = u64::from(an[i + j]) + u64::from(bn[i]) + c;
                an[i + j] = s2 as u32;
                c = s2 >> 32;
            }
            an[j + n] = an[j + n].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    // Remainder: the low n limbs of `an`, shifted back.
    an.truncate(n);
    if s != 0 {
        let mut carry = 0u32;
        for x in an.iter_mut().rev() {
            let nx = (*x >> s) | carry;
            carry = *x << (32 - s);
            *x = nx;
        }
    }
    trim(&mut an);
    trim(&mut q);
    Ok((q, an))
}
