//! Fast paths on `i64` with Python semantics. Each reports [`NumError::Overflow`] when the
//! exact result does not fit, so the caller can redo the operation with big ints; Python
//! errors (division by zero, negative shift) are reported as themselves.

use super::NumError;

/// `a + b`.
pub fn add_i64(a: i64, b: i64) -> Result<i64, NumError> {
    a.checked_add(b).ok_or(NumError::Overflow)
}

/// `a - b`.
pub fn sub_i64(a: i64, b: i64) -> Result<i64, NumError> {
    a.checked_sub(b).ok_or(NumError::Overflow)
}

/// `a * b`.
pub fn mul_i64(a: i64, b: i64) -> Result<i64, NumError> {
    a.checked_mul(b).ok_or(NumError::Overflow)
}

/// `-a` (overflows only for `i64::MIN`).
pub fn neg_i64(a: i64) -> Result<i64, NumError> {
    a.checked_neg().ok_or(NumError::Overflow)
}

/// Python's `divmod(a, b)`: the quotient rounds toward negative infinity and the remainder
/// has the sign of `b`.
pub fn divmod_i64(a: i64, b: i64) -> Result<(i64, i64), NumError> {
    if b == 0 {
        return Err(NumError::ZeroDivision);
    }
    let q = a.checked_div(b).ok_or(NumError::Overflow)?; // i64::MIN / -1
    let r = a.checked_rem(b).ok_or(NumError::Overflow)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        // q - 1 cannot overflow: q was rounded toward zero from a negative quotient.
        Ok((q - 1, r + b))
    } else {
        Ok((q, r))
    }
}

/// Python's `a // b`.
pub fn floordiv_i64(a: i64, b: i64) -> Result<i64, NumError> {
    Ok(divmod_i64(a, b)?.0)
}

/// Python's `a % b` (sign of `b`). Never overflows: `i64::MIN % -1 == 0`.
pub fn mod_i64(a: i64, b: i64) -> Result<i64, NumError> {
    if b == 0 {
        return Err(NumError::ZeroDivision);
    }
    if b == -1 {
        return Ok(0);
    }
    let r = a % b;
    Ok(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

/// `a ** e` for `e >= 0`; a negative exponent gives `NegativeExponent` (Python computes a
/// float then).
pub fn pow_i64(a: i64, e: i64) -> Result<i64, NumError> {
    if e < 0 {
        return Err(NumError::NegativeExponent);
    }
    match a {
        0 => return Ok(if e == 0 { 1 } else { 0 }),
        1 => return Ok(1),
        -1 => return Ok(if e & 1 == 0 { 1 } else { -1 }),
        _ => {}
    }
    let e = u32::try_from(e).map_err(|_| NumError::Overflow)?;
    a.checked_pow(e).ok_or(NumError::Overflow)
}

/// `a << n`; `NegativeShiftCount` for `n < 0`.
pub fn shl_i64(a: i64, n: i64) -> Result<i64, NumError> {
    if n < 0 {
        return Err(NumError::NegativeShiftCount);
    }
    if a == 0 {
        return Ok(0);
    }
    if n >= 63 {
        return Err(NumError::Overflow);
    }
    let r = a << n;
    if r >> n == a {
        Ok(r)
    } else {
        Err(NumError::Overflow)
    }
}

/// `a >> n` (arithmetic, floors like Python); `NegativeShiftCount` for `n < 0`.
pub fn shr_i64(a: i64, n: i64) -> Result<i64, NumError> {
    if n < 0 {
        return Err(NumError::NegativeShiftCount);
    }
    Ok(a >> n.min(63))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_is_reported() {
        assert_eq!(add_i64(i64::MAX, 1), Err(NumError::Overflow));
        assert_eq!(add_i64(i64::MIN, -1), Err(NumError::Overflow));
        assert_eq!(add_i64(1, 2), Ok(3));
        assert_eq!(sub_i64(i64::MIN, 1), Err(NumError::Overflow));
        assert_eq!(sub_i64(0, i64::MIN), Err(NumError::Overflow));
        assert_eq!(mul_i64(i64::MAX, 2), Err(NumError::Overflow));
        assert_eq!(mul_i64(i64::MIN, -1), Err(NumError::Overflow));
        assert_eq!(mul_i64(-3, 4), Ok(-12));
        assert_eq!(neg_i64(i64::MIN), Err(NumError::Overflow));
        assert_eq!(floordiv_i64(i64::MIN, -1), Err(NumError::Overflow));
        assert_eq!(mod_i64(i64::MIN, -1), Ok(0));
        assert_eq!(pow_i64(2, 63), Err(NumError::Overflow));
        assert_eq!(pow_i64(-2, 63), Ok(i64::MIN));
        assert_eq!(pow_i64(3, 1 << 40), Err(NumError::Overflow));
        assert_eq!(pow_i64(-1, i64::MAX), Ok(-1));
        assert_eq!(pow_i64(0, 0), Ok(1));
        assert_eq!(pow_i64(2, -1), Err(NumError::NegativeExponent));
        assert_eq!(shl_i64(1, 62), Ok(1 << 62));
        assert_eq!(shl_i64(1, 63), Err(NumError::Overflow));
        assert_eq!(shl_i64(-1, 63), Err(NumError::Overflow)); // conservative: big path is exact
        assert_eq!(shl_i64(3, 62), Err(NumError::Overflow));
        assert_eq!(shl_i64(0, i64::MAX), Ok(0));
        assert_eq!(shl_i64(1, -1), Err(NumError::NegativeShiftCount));
        assert_eq!(shr_i64(-1, 1000), Ok(-1));
        assert_eq!(shr_i64(-5, 1), Ok(-3));
        assert_eq!(shr_i64(5, -1), Err(NumError::NegativeShiftCount));
    }

    #[test]
    fn floor_semantics() {
        for &(a, b) in &[
            (7i64, 2i64),
            (-7, 2),
            (7, -2),
            (-7, -2),
            (6, 3),
            (-6, 3),
            (0, -5),
        ] {
            let (q, r) = divmod_i64(a, b).unwrap();
            let qf = (a as f64 / b as f64).floor() as i64;
            assert_eq!(q, qf, "{a} // {b}");
            assert_eq!(q * b + r, a);
            assert!(r == 0 || (r < 0) == (b < 0));
            assert_eq!(mod_i64(a, b).unwrap(), r);
            assert_eq!(floordiv_i64(a, b).unwrap(), q);
        }
        assert_eq!(divmod_i64(1, 0), Err(NumError::ZeroDivision));
        assert_eq!(mod_i64(1, 0), Err(NumError::ZeroDivision));
        assert_eq!(divmod_i64(i64::MIN, 1), Ok((i64::MIN, 0)));
        assert_eq!(divmod_i64(i64::MIN, 2), Ok((i64::MIN / 2, 0)));
        assert_eq!(divmod_i64(i64::MIN + 1, i64::MIN), Ok((0, i64::MIN + 1)));
        assert_eq!(divmod_i64(i64::MAX, i64::MIN), Ok((-1, -1)));
    }
}
