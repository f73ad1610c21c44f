//! `float.fromhex`: hexadecimal float text to the nearest double (ties to even), as CPython
//! reads it: `[sign]['0x']hexdigits['.'hexdigits]['p'[sign]digits]`, or `inf`/`nan`, with
//! surrounding whitespace.

use super::NumError;

/// Parse a hexadecimal float. `InvalidLiteral` for malformed text, `Overflow` for a finite
/// value too large for a double.
pub fn parse_hex_float(s: &str) -> Result<f64, NumError> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = |w: &str| body.eq_ignore_ascii_case(w);
    if lower("inf") || lower("infinity") {
        return Ok(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower("nan") {
        return Ok(f64::NAN);
    }
    let b = body.as_bytes();
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'0' && (b[1] | 0x20) == b'x' {
        i = 2;
    }
    // Up to 30 significant hex digits (120 bits) in `m`; later non-zero digits set `sticky`.
    let mut m: u128 = 0;
    let mut sig = 0u32;
    let mut sticky = false;
    let mut exp: i64 = 0;
    let mut any = false;
    let mut seen_point = false;
    while i < b.len() {
        let c = b[i];
        if c == b'.' && !seen_point {
            seen_point = true;
            i += 1;
            continue;
        }
        let Some(d) = (c as char).to_digit(16) else {
            break;
        };
        any = true;
        if m == 0 && d == 0 {
            // Leading zeros only move the point.
            if seen_point {
                exp -= 4;
            }
        } else if sig < 30 {
            m = (m << 4) | d as u128;
            sig += 1;
            if seen_point {
                exp -= 4;
            }
        } else {
            sticky |= d != 0;
            if !seen_point {
                exp += 4;
            }
        }
        i += 1;
    }
    if !any {
        return Err(NumError::InvalidLiteral);
    }
    if i < b.len() && (b[i] | 0x20) == b'p' {
        i += 1;
        let mut eneg = false;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            eneg = b[i] == b'-';
            i += 1;
        }
        let start = i;
        let mut e: i64 = 0;
        while i < b.len() && b[i].is_ascii_digit() {
            e = (e * 10 + (b[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(NumError::InvalidLiteral);
        }
        exp += if eneg { -e } else { e };
    }
    if i != b.len() {
        return Err(NumError::InvalidLiteral);
    }
    let sign = if neg { -1.0 } else { 1.0 };
    if m == 0 {
        return Ok(sign * 0.0);
    }
    // value = m * 2**exp (plus sticky). Normalise m to exactly 64 significant bits.
    let lz = m.leading_zeros() as i64;
    let shift = 128 - lz - 64;
    let mut top: u64;
    if shift > 0 {
        let lost = m & ((1u128 << shift) - 1);
        sticky |= lost != 0;
        top = (m >> shift) as u64;
        exp += shift;
    } else {
        top = (m << (-shift)) as u64;
        exp += shift;
    }
    // The value is top * 2**exp with top in [2**63, 2**64): its binary exponent is exp + 63.
    let e2 = exp + 63;
    if e2 > 1023 {
        return Err(NumError::Overflow);
    }
    // Bits to keep: 53 for normal numbers, fewer below 2**-1022.
    let keep = if e2 >= -1022 { 53 } else { 53 - (-1022 - e2) };
    if keep <= 0 {
        // Below half the smallest subnormal (or exactly half, which rounds to even: zero).
        let half = keep == 0 && (top > 1 << 63 || sticky);
        return Ok(if half {
            sign * f64::from_bits(1)
        } else {
            sign * 0.0
        });
    }
    let drop = 64 - keep as u32;
    let rest = top & ((1u64 << drop) - 1);
    top >>= drop;
    let half = 1u64 << (drop - 1);
    if rest > half || (rest == half && (sticky || top & 1 == 1)) {
        top += 1;
    }
    // top * 2**(exp + drop), exactly representable now (top <= 2**53).
    let mut e = exp + drop as i64;
    if top == 1 << 53 {
        top >>= 1;
        e += 1;
    }
    if e + 52 > 1023 {
        return Err(NumError::Overflow);
    }
    let v = libm::ldexp(top as f64, e as i32);
    Ok(sign * v)
}

#[cfg(test)]
mod tests {
    use super::parse_hex_float as p;

    #[test]
    fn values() {
        assert_eq!(p("0x1.8p1"), Ok(3.0));
        assert_eq!(p("-0x1p-1074"), Ok(-5e-324));
        assert_eq!(p("0x1p-1075"), Ok(0.0));
        assert_eq!(p("0x1.0000000000001p-1075"), Ok(5e-324));
        assert_eq!(p("0x1.fffffffffffffp1023"), Ok(f64::MAX));
        assert!(p("0x1p1024").is_err());
        assert_eq!(p(" 0X10 "), Ok(16.0));
        assert_eq!(p("1.1"), Ok(1.0625));
        assert_eq!(p("0x.8"), Ok(0.5));
        assert!(p("0x").is_err());
        assert!(p("0x1p").is_err());
        assert_eq!(p("0x1.00000000000008p0"), Ok(1.0));
        assert_eq!(p("0x1.00000000000018p0"), Ok(1.0000000000000004));
        assert_eq!(
            p("0x1.000000000000080000000000000000001p0"),
            Ok(1.0000000000000002)
        );
    }
}
