//! `int`: small ints live in the value word; larger ones are `IntObj`s with inline limbs.
//!
//! A big int is never equal in value to a small int: every constructor normalises, so two ints
//! are equal exactly when both are small and equal words, or both big with equal limbs.

use super::{Kind, ObjHeader, PyObj};
use crate::value::{Value, SMALL_INT_MAX, SMALL_INT_MIN};
use crate::vm::{Cx, PyResult};

/// The layout of a big int: sign and magnitude, little-endian `u32` limbs after the struct,
/// no trailing zero limbs.
#[repr(C)]
pub struct IntObj {
    /// `int` (or `bool`... no: bools are immediates).
    pub header: ObjHeader,
    /// Negative.
    pub neg: bool,
    /// Number of limbs.
    pub len: u32,
}

impl PyObj for IntObj {
    const KIND: Kind = Kind::Int;
}

impl IntObj {
    /// The magnitude's limbs.
    #[inline]
    pub fn limbs(&self) -> &[u32] {
        // SAFETY: a big int allocation holds len limbs right after the struct.
        unsafe {
            core::slice::from_raw_parts(
                (self as *const IntObj).add(1) as *const u32,
                self.len as usize,
            )
        }
    }
}

/// The (sign, limbs) of a big int value (crate-internal lifetime rule as `tuple::items_of`).
#[inline]
pub(crate) fn big_of<'a>(v: Value) -> Option<(bool, &'a [u32])> {
    if v.is_ptr() && super::kind_of(v) == Kind::Int {
        // SAFETY: kind-checked live IntObj.
        let o = unsafe { &*(v.raw() as *const IntObj) };
        Some((o.neg, o.limbs()))
    } else {
        None
    }
}

/// Whether a value is an int (small or big; not bool).
#[inline]
pub fn is_int(v: Value) -> bool {
    v.is_small_int() || (v.is_ptr() && super::kind_of(v) == Kind::Int)
}

/// An int from sign and magnitude limbs (normalised: small when it fits).
pub fn from_limbs(cx: &mut Cx, neg: bool, limbs: &[u32]) -> PyResult<Value> {
    let mut n = limbs.len();
    while n > 0 && limbs[n - 1] == 0 {
        n -= 1;
    }
    let limbs = &limbs[..n];
    if n * 32 <= 128 {
        let mut m: u128 = 0;
        for (i, &l) in limbs.iter().enumerate() {
            m |= (l as u128) << (32 * i);
        }
        if m <= SMALL_INT_MAX as u128 + neg as u128 {
            let i = if neg {
                (m as i128).wrapping_neg()
            } else {
                m as i128
            };
            if (SMALL_INT_MIN as i128..=SMALL_INT_MAX as i128).contains(&i) {
                return Ok(Value::small_int_unchecked(i as isize));
            }
        }
    }
    let (src, len) = (limbs.as_ptr(), limbs.len());
    let p: *mut IntObj = cx.alloc_obj(&super::types::INT_TYPE, len * 4)?;
    // SAFETY: fresh allocation with room for len limbs; src is valid (caller's data, never in
    // a block the allocation could free: callers root heap sources).
    unsafe {
        (*p).neg = neg && len > 0;
        (*p).len = len as u32;
        core::ptr::copy_nonoverlapping(src, p.add(1) as *mut u32, len);
    }
    Ok(Value::from_ptr(p))
}

/// An int from an i128.
pub fn from_i128(cx: &mut Cx, i: i128) -> PyResult<Value> {
    if (SMALL_INT_MIN as i128..=SMALL_INT_MAX as i128).contains(&i) {
        return Ok(Value::small_int_unchecked(i as isize));
    }
    let m = i.unsigned_abs();
    let limbs = [
        m as u32,
        (m >> 32) as u32,
        (m >> 64) as u32,
        (m >> 96) as u32,
    ];
    from_limbs(cx, i < 0, &limbs)
}

/// An int from an i64.
pub fn from_i64(cx: &mut Cx, i: i64) -> PyResult<Value> {
    from_i128(cx, i as i128)
}

/// The value as an i128 if it fits.
pub fn to_i128(v: Value) -> Option<i128> {
    if let Some(i) = v.as_small_int() {
        return Some(i as i128);
    }
    let (neg, limbs) = big_of(v)?;
    if limbs.len() > 4 {
        return None;
    }
    let mut m: u128 = 0;
    for (i, &l) in limbs.iter().enumerate() {
        m |= (l as u128) << (32 * i);
    }
    if neg {
        if m <= i128::MAX as u128 + 1 {
            Some((m as i128).wrapping_neg())
        } else {
            None
        }
    } else if m <= i128::MAX as u128 {
        Some(m as i128)
    } else {
        None
    }
}

/// The value as an i64 if it fits (also for bools).
pub fn to_i64(v: Value) -> Option<i64> {
    if let Some(b) = v.as_bool() {
        return Some(b as i64);
    }
    to_i128(v).and_then(|i| i64::try_from(i).ok())
}
