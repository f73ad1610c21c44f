//! Number literals and MicroPython's parse-time constant folding arithmetic.
//!
//! MicroPython folds `int`/`float` expressions of constants while parsing, with Python
//! semantics, and leaves anything that would raise (division by zero, negative shift) or give
//! a complex number to run time. Ints are folded here in `i128`; a result that does not fit
//! is not folded (MicroPython would fold it into a bigger int object: a documented, rare,
//! deviation).

use super::lexer::Op;

/// A folded numeric constant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    /// An integer.
    Int(i128),
    /// A float.
    Float(f64),
}

/// Result of parsing an integer literal.
pub enum IntLit {
    /// Fits `i128`.
    Val(i128),
    /// Does not fit: the caller converts the digits with [`to_decimal`].
    Big { base: u32, digits_start: usize },
}

/// Parse an integer literal as MicroPython does with base 0 (prefixes `0x`/`0o`/`0b`;
/// a leading zero in a decimal literal is an error unless all digits are zero).
pub fn parse_int(text: &[u8]) -> Result<IntLit, ()> {
    let (base, start) = match text {
        [b'0', b'x' | b'X', ..] => (16, 2),
        [b'0', b'o' | b'O', ..] => (8, 2),
        [b'0', b'b' | b'B', ..] => (2, 2),
        _ => (10, 0),
    };
    let digits = text.get(start..).ok_or(())?;
    if digits.is_empty() {
        return Err(());
    }
    if base == 10 && digits.len() > 1 && digits[0] == b'0' && digits.iter().any(|&c| c != b'0') {
        return Err(());
    }
    let mut v: i128 = 0;
    let mut overflow = false;
    for &c in digits {
        let d = (c as char).to_digit(base).ok_or(())? as i128;
        if !overflow {
            match v.checked_mul(base as i128).and_then(|x| x.checked_add(d)) {
                Some(x) => v = x,
                None => overflow = true,
            }
        }
    }
    if overflow {
        Ok(IntLit::Big {
            base,
            digits_start: start,
        })
    } else {
        Ok(IntLit::Val(v))
    }
}

/// Convert digits in `base` to decimal text, using `limbs` (little-endian base 1e9) as
/// scratch. Returns false on allocation failure.
pub fn to_decimal<A: allocator_api2::alloc::Allocator>(
    digits: &[u8],
    base: u32,
    limbs: &mut allocator_api2::vec::Vec<u32, A>,
    out: &mut allocator_api2::vec::Vec<u8, A>,
) -> bool {
    const B: u64 = 1_000_000_000;
    limbs.clear();
    for &c in digits {
        let d = match (c as char).to_digit(base) {
            Some(d) => d as u64,
            None => return false,
        };
        let mut carry = d;
        for l in limbs.iter_mut() {
            let x = *l as u64 * base as u64 + carry;
            *l = (x % B) as u32;
            carry = x / B;
        }
        if carry > 0 {
            if limbs.try_reserve(1).is_err() {
                return false;
            }
            limbs.push(carry as u32);
        }
    }
    if limbs.is_empty() {
        return out.try_reserve(1).is_ok() && {
            out.push(b'0');
            true
        };
    }
    if out.try_reserve(limbs.len() * 9).is_err() {
        return false;
    }
    let mut first = true;
    for &l in limbs.iter().rev() {
        let mut buf = [0u8; 9];
        let mut x = l;
        for i in (0..9).rev() {
            buf[i] = b'0' + (x % 10) as u8;
            x /= 10;
        }
        let s = if first {
            let nz = buf.iter().position(|&c| c != b'0').unwrap_or(8);
            &buf[nz..]
        } else {
            &buf[..]
        };
        out.extend_from_slice(s);
        first = false;
    }
    true
}

/// Parse a float/imaginary literal: returns (value, is_imaginary).
pub fn parse_float(text: &[u8]) -> Option<(f64, bool)> {
    let (body, imag) = match text.last() {
        Some(b'j') | Some(b'J') => (&text[..text.len() - 1], true),
        _ => (text, false),
    };
    if body.is_empty()
        || !body
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    let s = core::str::from_utf8(body).ok()?;
    s.parse::<f64>().ok().map(|v| (v, imag))
}

fn py_floordiv(a: i128, b: i128) -> Option<i128> {
    if b == 0 {
        return None;
    }
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q.checked_sub(1)
    } else {
        Some(q)
    }
}

fn py_mod(a: i128, b: i128) -> Option<i128> {
    if b == 0 {
        return None;
    }
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

fn float_mod(x: f64, y: f64) -> Option<f64> {
    if y == 0.0 {
        return None;
    }
    let mut m = libm::fmod(x, y);
    if m == 0.0 {
        m = libm::copysign(0.0, y);
    } else if (m < 0.0) != (y < 0.0) {
        m += y;
    }
    Some(m)
}

fn float_floordiv(x: f64, y: f64) -> Option<f64> {
    if y == 0.0 {
        return None;
    }
    let mut m = libm::fmod(x, y);
    let mut div = (x - m) / y;
    if m == 0.0 {
        m = libm::copysign(0.0, y);
    } else if (m < 0.0) != (y < 0.0) {
        m += y;
        div -= 1.0;
    }
    let _ = m;
    if div == 0.0 {
        Some(libm::copysign(0.0, x / y))
    } else {
        let mut f = libm::floor(div);
        if div - f > 0.5 {
            f += 1.0;
        }
        Some(f)
    }
}

fn float_pow(x: f64, y: f64) -> Option<f64> {
    if x == 0.0 && y < 0.0 && !y.is_infinite() {
        return None;
    }
    if x < 0.0 && y != libm::floor(y) && !y.is_nan() {
        return None; // complex result
    }
    let r = crate::num::float_math::pow(x, y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return None; // OverflowError at run time
    }
    Some(r)
}

fn as_f64(n: Num) -> f64 {
    match n {
        Num::Int(i) => i as f64,
        Num::Float(f) => f,
    }
}

/// Fold a binary operator (a plain operator token) if MicroPython would.
pub fn binary(op: Op, a: Num, b: Num) -> Option<Num> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        let r = match op {
            Op::Pipe => x | y,
            Op::Caret => x ^ y,
            Op::Amp => x & y,
            Op::Shl => {
                if y < 0 {
                    return None;
                }
                if x == 0 {
                    0
                } else {
                    if y >= 127 {
                        return None;
                    }
                    let r = x.checked_shl(y as u32)?;
                    if (r >> y) != x {
                        return None;
                    }
                    r
                }
            }
            Op::Shr => {
                if y < 0 {
                    return None;
                }
                if y >= 127 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                }
            }
            Op::Plus => x.checked_add(y)?,
            Op::Minus => x.checked_sub(y)?,
            Op::Star => x.checked_mul(y)?,
            Op::DblSlash => py_floordiv(x, y)?,
            Op::Percent => py_mod(x, y)?,
            Op::Slash => {
                // Exact operands only: the run-time division rounds the exact quotient once.
                const EXACT: i128 = 1 << 53;
                if y == 0 || x.abs() > EXACT || y.abs() > EXACT {
                    return None;
                }
                return Some(Num::Float(x as f64 / y as f64));
            }
            Op::DblStar => {
                if y < 0 {
                    return float_pow(x as f64, y as f64).map(Num::Float);
                }
                let e = u32::try_from(y).ok()?;
                x.checked_pow(e)?
            }
            _ => return None,
        };
        return Some(Num::Int(r));
    }
    let (x, y) = (as_f64(a), as_f64(b));
    let r = match op {
        Op::Plus => x + y,
        Op::Minus => x - y,
        Op::Star => x * y,
        Op::Slash => {
            if y == 0.0 {
                return None;
            }
            x / y
        }
        Op::DblSlash => float_floordiv(x, y)?,
        Op::Percent => float_mod(x, y)?,
        Op::DblStar => float_pow(x, y)?,
        _ => return None,
    };
    Some(Num::Float(r))
}

/// Fold a unary `+`, `-` or `~`.
pub fn unary(op: Op, a: Num) -> Option<Num> {
    match (op, a) {
        (Op::Plus, n) => Some(n),
        (Op::Minus, Num::Int(i)) => i.checked_neg().map(Num::Int),
        (Op::Minus, Num::Float(f)) => Some(Num::Float(-f)),
        (Op::Tilde, Num::Int(i)) => Some(Num::Int(!i)),
        _ => None,
    }
}

/// Format a float as Python's `repr` (shortest round-trip) into `buf`; returns the length.
pub fn float_repr(f: f64, buf: &mut [u8; 40]) -> usize {
    let mut n = 0;
    let mut put = |s: &[u8], n: &mut usize| {
        for &c in s {
            if *n < buf.len() {
                buf[*n] = c;
                *n += 1;
            }
        }
    };
    if f.is_nan() {
        put(b"nan", &mut n);
        return n;
    }
    if f.is_infinite() {
        put(if f < 0.0 { b"-inf" } else { b"inf" }, &mut n);
        return n;
    }
    let mut rb = ryu::Buffer::new();
    let s = rb.format_finite(f).as_bytes();
    // ryu writes "1e100"; Python writes "1e+100".
    for (i, &c) in s.iter().enumerate() {
        put(&[c], &mut n);
        if c == b'e' && s.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
            put(b"+", &mut n);
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints() {
        assert!(matches!(parse_int(b"0x1f"), Ok(IntLit::Val(31))));
        assert!(parse_int(b"0777").is_err());
        assert!(matches!(parse_int(b"000"), Ok(IntLit::Val(0))));
        assert!(parse_int(b"0b2").is_err());
    }

    #[test]
    fn folding() {
        assert_eq!(
            binary(Op::DblSlash, Num::Int(-7), Num::Int(2)),
            Some(Num::Int(-4))
        );
        assert_eq!(
            binary(Op::Percent, Num::Int(-5), Num::Int(3)),
            Some(Num::Int(1))
        );
        assert_eq!(
            binary(Op::DblStar, Num::Int(2), Num::Int(-1)),
            Some(Num::Float(0.5))
        );
        assert_eq!(binary(Op::DblSlash, Num::Int(7), Num::Int(0)), None);
        assert_eq!(
            binary(Op::Shl, Num::Int(1), Num::Int(70)),
            Some(Num::Int(1 << 70))
        );
    }

    #[test]
    fn repr() {
        let mut b = [0u8; 40];
        let n = float_repr(1e100, &mut b);
        assert_eq!(&b[..n], b"1e+100");
        let n = float_repr(6.0, &mut b);
        assert_eq!(&b[..n], b"6.0");
    }
}
