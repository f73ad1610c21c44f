//! Parsing Python float syntax: `float()` strings and the text of float literals.
//!
//! Python's grammar is checked here (digits with single underscores between them, an
//! optional point, an optional exponent, `inf`/`infinity`/`nan` for `float()`); the value
//! is then computed by `core`'s correctly rounded `f64::from_str` on a normalised copy in a
//! stack buffer: `0.DIGITSeEXP` with at most 800 significant digits plus a sticky digit,
//! which rounds exactly like the full input because every halfway point between doubles
//! has at most 767 significant digits. Nothing allocates, whatever the input length.

use super::bigint_str::is_py_space;
use super::NumError;

const KEEP_DIGITS: usize = 800;

/// `float(s)`: surrounding whitespace, an optional sign, `inf`, `infinity` or `nan` in any
/// case, or a decimal number with optional point and exponent and PEP 515 underscores.
pub fn parse_float(s: &str) -> Result<f64, NumError> {
    let s = s.trim_matches(is_py_space).as_bytes();
    let (neg, body) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, s),
    };
    let special = if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    };
    let v = match special {
        Some(v) => v,
        None => parse_decimal(body)?,
    };
    Ok(if neg { -v } else { v })
}

/// The value of a float literal's text as the lexer found it (`1_000.5`, `.5e-3`, `5.`):
/// no sign, no whitespace, no `inf`/`nan`.
pub fn parse_float_literal(s: &str) -> Result<f64, NumError> {
    parse_decimal(s.as_bytes())
}

/// Digits of a `digitpart` (`digit ("_"? digit)*`) starting at `pos`; returns the end.
/// Calls `f` for every digit. An underscore must sit between two digits.
fn digit_part(s: &[u8], mut pos: usize, mut f: impl FnMut(u8)) -> Result<usize, NumError> {
    let mut last_was_digit = false;
    while let Some(&c) = s.get(pos) {
        if c.is_ascii_digit() {
            f(c);
            last_was_digit = true;
        } else if c == b'_' {
            if !last_was_digit || !s.get(pos + 1).is_some_and(|c| c.is_ascii_digit()) {
                return Err(NumError::InvalidLiteral);
            }
            last_was_digit = false;
        } else {
            break;
        }
        pos += 1;
    }
    Ok(pos)
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

fn parse_decimal(s: &[u8]) -> Result<f64, NumError> {
    let mut d = Digits {
        buf: [0; KEEP_DIGITS],
        len: 0,
        sticky: false,
        point: 0,
        started: false,
    };
    let int_start = 0;
    let mut pos = digit_part(s, int_start, |c| d.push(c, true))?;
    let int_digits = pos - int_start;
    let mut frac_digits = 0;
    if s.get(pos) == Some(&b'.') {
        let start = pos + 1;
        // An underscore may not follow the point directly.
        if s.get(start) == Some(&b'_') {
            return Err(NumError::InvalidLiteral);
        }
        pos = digit_part(s, start, |c| d.push(c, false))?;
        frac_digits = pos - start;
    }
    if int_digits == 0 && frac_digits == 0 {
        return Err(NumError::InvalidLiteral);
    }
    let mut exp: i64 = 0;
    if matches!(s.get(pos), Some(b'e' | b'E')) {
        pos += 1;
        let eneg = match s.get(pos) {
            Some(b'-') => {
                pos += 1;
                true
            }
            Some(b'+') => {
                pos += 1;
                false
            }
            _ => false,
        };
        if !s.get(pos).is_some_and(|c| c.is_ascii_digit()) {
            return Err(NumError::InvalidLiteral);
        }
        pos = digit_part(s, pos, |c| {
            exp = exp
                .saturating_mul(10)
                .saturating_add(i64::from(c - b'0'))
                .min(1 << 40);
        })?;
        if eneg {
            exp = -exp;
        }
    }
    if pos != s.len() {
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
