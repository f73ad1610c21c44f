//! Parsing Python float syntax: `float()` strings and the text of float literals.
//!
//! Python's grammar is checked here (digits with single underscores between them, an
//! optional point, an optional exponent, `inf`/`infinity`/`nan` for `float()`); the value
//! is then computed by `core`'s correctly rounded `f64::from_str` on a normalised copy in a
//! stack buffer: `0.DIGITSeEXP` with at most 800 significant digits plus a sticky digit,
//! which rounds exactly like the full input because every halfway point between doubles
//! has at most 767 significant digits. Nothing allocates, whatever the input length.

use super::unicode::{ascii_equivalent, is_py_space};
use super::NumError;

const KEEP_DIGITS: usize = 800;

/// `float(s)`: surrounding whitespace, an optional sign, `inf`, `infinity` or `nan` in any
/// case, or a decimal number with optional point and exponent and PEP 515 underscores.
/// Unicode decimal digits count as ASCII ones, as in CPython.
pub fn parse_float(s: &str) -> Result<f64, NumError> {
    let s = s.trim_matches(is_py_space);
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..).unwrap_or("")),
        Some(b'+') => (false, s.get(1..).unwrap_or("")),
        _ => (false, s),
    };
    let special = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case("nan") {
        Some(f64::NAN)
    } else {
        None
    };
    let v = match special {
        Some(v) => v,
        None => parse_decimal(body.chars().map(ascii_equivalent))?,
    };
    Ok(if neg { -v } else { v })
}

/// The value of a float literal's text as the lexer found it (`1_000.5`, `.5e-3`, `5.`):
/// no sign, no whitespace, no `inf`/`nan`.
pub fn parse_float_literal(s: &str) -> Result<f64, NumError> {
    parse_decimal(s.bytes())
}

/// Consume a `digitpart` (`digit ("_"? digit)*`, possibly empty) from `it`, calling `f`
/// for every digit; returns the number of digits. An underscore must sit between digits.
fn digit_part<I: Iterator<Item = u8>>(
    it: &mut core::iter::Peekable<I>,
    mut f: impl FnMut(u8),
) -> Result<usize, NumError> {
    let mut n = 0;
    loop {
        match it.peek() {
            Some(&c) if c.is_ascii_digit() => {
                f(c);
                n += 1;
                it.next();
            }
            Some(&b'_') => {
                it.next();
                if n == 0 || !it.peek().is_some_and(|c| c.is_ascii_digit()) {
                    return Err(NumError::InvalidLiteral);
                }
            }
            _ => return Ok(n),
        }
    }
}

/// Significant digits collected for the normalised form.
struct Digits {
    buf: [u8; KEEP_DIGITS],
    len: usize,
    /// Some non-zero digit beyond the kept ones.
    sticky: bool,
    /// Digits (kept or not, after the first non-zero one) before the decimal point,
    /// minus leading zeros after the point: the decimal point position of `0.DIGITS`.
    point: i64,
    started: bool,
}

impl Digits {
    fn push(&mut self, c: u8, integer_part: bool) {
        if !self.started && c == b'0' {
            if !integer_part {
                self.point -= 1;
            }
            return;
        }
        self.started = true;
        if integer_part {
            self.point = self.point.saturating_add(1);
        }
        if self.len < KEEP_DIGITS {
            self.buf[self.len] = c;
            self.len += 1;
        } else if c != b'0' {
            self.sticky = true;
        }
    }
}

/// The decimal grammar over ASCII bytes (other characters arrive as 0xFF).
fn parse_decimal(s: impl Iterator<Item = u8>) -> Result<f64, NumError> {
    let mut it = s.peekable();
    let mut d = Digits {
        buf: [0; KEEP_DIGITS],
        len: 0,
        sticky: false,
        point: 0,
        started: false,
    };
    let int_digits = digit_part(&mut it, |c| d.push(c, true))?;
    let mut frac_digits = 0;
    if it.peek() == Some(&b'.') {
        it.next();
        // An underscore may not follow the point directly.
        if it.peek() == Some(&b'_') {
            return Err(NumError::InvalidLiteral);
        }
        frac_digits = digit_part(&mut it, |c| d.push(c, false))?;
    }
    if int_digits == 0 && frac_digits == 0 {
        return Err(NumError::InvalidLiteral);
    }
    let mut exp: i64 = 0;
    if matches!(it.peek(), Some(b'e' | b'E')) {
        it.next();
        let eneg = match it.peek() {
            Some(b'-') => {
                it.next();
                true
            }
            Some(b'+') => {
                it.next();
                false
            }
            _ => false,
        };
        if !it.peek().is_some_and(|c| c.is_ascii_digit()) {
            return Err(NumError::InvalidLiteral);
        }
        digit_part(&mut it, |c| {
            exp = exp
                .saturating_mul(10)
                .saturating_add(i64::from(c - b'0'))
                .min(1 << 40);
        })?;
        if eneg {
            exp = -exp;
        }
    }
    if it.next().is_some() {
        return Err(NumError::InvalidLiteral);
    }
    if d.len == 0 {
        return Ok(0.0);
    }
    // 10^(point+exp) beyond +-10^6 is already far outside the double range.
    let e10 = d.point.saturating_add(exp).clamp(-1_000_000, 1_000_000);
    let mut out = [0u8; KEEP_DIGITS + 16];
    let mut n = 0;
    let mut put = |b: u8| {
        if let Some(slot) = out.get_mut(n) {
            *slot = b;
            n += 1;
        }
    };
    put(b'0');
    put(b'.');
    for &c in d.buf.iter().take(d.len) {
        put(c);
    }
    if d.sticky {
        put(b'1');
    }
    put(b'e');
    if e10 < 0 {
        put(b'-');
    }
    let mut tmp = [0u8; 8];
    let mut k = 0;
    let mut a = e10.unsigned_abs();
    loop {
        if let Some(t) = tmp.get_mut(k) {
            *t = b'0' + (a % 10) as u8;
        }
        a /= 10;
        k += 1;
        if a == 0 || k >= tmp.len() {
            break;
        }
    }
    for &c in tmp.iter().take(k).rev() {
        put(c);
    }
    let text =
        core::str::from_utf8(out.get(..n).unwrap_or(&[])).map_err(|_| NumError::InvalidLiteral)?;
    text.parse::<f64>().map_err(|_| NumError::InvalidLiteral)
}
