//! Formatting floats exactly like CPython 3.11: `repr()` (shortest round-trip digits, from
//! `ryu`, laid out as CPython's `float_repr_style = 'short'`) and the presentation types of
//! `format()`, `str.format`, f-strings and `%` (`e E f F g G %` and no type), with correctly
//! rounded digits from the exact decimal expansion (see `float_dec.rs`).
//!
//! Output goes to any `core::fmt::Write`; nothing allocates. The functions here write the
//! number without its sign (except [`repr_float`]) because sign, fill, alignment, width and
//! the `z` option are handled by the caller for every numeric type alike; grouping
//! separators can be inserted with [`write_grouped`].

use core::fmt::{self, Write};

use super::float_dec::Decimal;

/// The largest precision honoured (larger ones are clamped): CPython's limit.
pub const MAX_PRECISION: usize = i32::MAX as usize;

/// A presentation type for floats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatKind {
    /// `e`: scientific notation.
    Exp,
    /// `E`: scientific notation, upper case (`E`, `INF`, `NAN`).
    ExpUpper,
    /// `f`: fixed point.
    Fixed,
    /// `F`: fixed point, upper case `INF`/`NAN`.
    FixedUpper,
    /// `g`: general format.
    General,
    /// `G`: general format, upper case.
    GeneralUpper,
    /// `%`: fixed point of `x * 100` followed by `%`.
    Percent,
    /// No presentation type: like `repr()` without a precision, like `g` with one but
    /// keeping at least one digit after the point (`format(1.0, '.3') == '1.0'`).
    NoType,
}

/// A float format request (the parts of a format spec that change the digits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FloatFormat {
    /// The presentation type.
    pub kind: FloatKind,
    /// The precision (`.N`); `None` for the type's default.
    pub precision: Option<usize>,
    /// The `#` flag: keep the decimal point (and, for `g`, trailing zeros).
    pub alternate: bool,
}

/// What the caller needs to lay out the sign of a formatted float.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FloatSign {
    /// The value is negative (sign bit set, including `-0.0`; never for NaN, which Python
    /// formats without a sign).
    pub negative: bool,
    /// The digits written are all zero (for the `z` option, which drops the sign of a
    /// negative zero result).
    pub rounded_zero: bool,
}

/// Write `digits` (ASCII) in groups of `group` separated by `sep`, padded on the left with
/// zeros (also grouped) to at least `min_width` characters, as CPython does for the `,`
/// and `_` options combined with zero-padding (`format(1234, '08,') == '0,001,234'`).
/// `group == 0` writes the digits unchanged.
pub fn write_grouped<W: Write>(
    w: &mut W,
    digits: &str,
    sep: char,
    group: usize,
    min_width: usize,
) -> fmt::Result {
    if group == 0 {
        return w.write_str(digits);
    }
    let sep_len = sep.len_utf8() as i64;
    let n = digits.len();
    // CPython's _PyUnicode_InsertThousandsGrouping, counting the leading zeros needed.
    let group_i = group as i64;
    let mut remaining = n as i64;
    let mut mw = min_width as i64;
    let mut zeros: i64 = 0;
    loop {
        let l = group_i.min(remaining.max(mw).max(1));
        zeros += (l - remaining).max(0);
        let chars = remaining.min(l).max(0);
        remaining -= chars;
        mw -= l;
        if remaining <= 0 && mw <= 0 {
            break;
        }
        mw -= sep_len;
    }
    let total = zeros as usize + n;
    // Characters left before the next separator: the leftmost group may be short.
    let mut left_in_group = match total % group {
        0 => group,
        r => r,
    };
    for i in 0..total {
        if left_in_group == 0 {
            w.write_char(sep)?;
            left_in_group = group;
        }
        left_in_group -= 1;
        if i < zeros as usize {
            w.write_char('0')?;
        } else if let Some(c) = digits.get(i - zeros as usize..=i - zeros as usize) {
            w.write_str(c)?;
        }
    }
    Ok(())
}

/// Write the decimal `0.digits * 10**point` in positional notation with exactly `frac`
/// digits after the point (padding with zeros), plus the point when `frac > 0 || dot`.
fn write_fixed<W: Write>(w: &mut W, d: &Decimal, frac: usize, dot: bool) -> fmt::Result {
    let point = i64::from(d.point);
    if point <= 0 || d.is_zero() {
        w.write_char('0')?;
    } else {
        for i in 0..point {
            w.write_char(digit_char(d, i))?;
        }
    }
    if frac > 0 || dot {
        w.write_char('.')?;
    }
    let start = if d.is_zero() { 0 } else { point };
    for j in 0..frac as i64 {
        let i = start + j;
        if i >= d.len as i64 && i >= 0 {
            // Only zeros from here: write them without looking at digits.
            for _ in j..frac as i64 {
                w.write_char('0')?;
            }
            return Ok(());
        }
        w.write_char(if d.is_zero() { '0' } else { digit_char(d, i) })?;
    }
    Ok(())
}

/// The digit at index `i` of `d` (relative to the first significant digit) as a char.
fn digit_char(d: &Decimal, i: i64) -> char {
    if i < 0 || i >= d.len as i64 {
        return '0';
    }
    let v = d.digits.get(i as usize).copied().unwrap_or(0);
    char::from(b'0' + v % 10)
}

/// Write `d1.d2d3...` with exactly `frac` digits after the point, then the exponent.
fn write_exp<W: Write>(w: &mut W, d: &Decimal, frac: usize, dot: bool, upper: bool) -> fmt::Result {
    w.write_char(digit_char(d, 0))?;
    if frac > 0 || dot {
        w.write_char('.')?;
    }
    for i in 1..=frac as i64 {
        if i >= d.len as i64 {
            for _ in i..=frac as i64 {
                w.write_char('0')?;
            }
            break;
        }
        w.write_char(digit_char(d, i))?;
    }
    let exp = if d.is_zero() {
        0
    } else {
        i64::from(d.point) - 1
    };
    write_exponent(w, exp, upper)
}

/// `e+05`, `e-300`: sign always, at least two digits.
fn write_exponent<W: Write>(w: &mut W, exp: i64, upper: bool) -> fmt::Result {
    w.write_char(if upper { 'E' } else { 'e' })?;
    w.write_char(if exp < 0 { '-' } else { '+' })?;
    let a = exp.unsigned_abs();
    if a < 10 {
        w.write_char('0')?;
    }
    write!(w, "{a}")
}

/// The shortest round-trip digits of finite `|x|` (from ryu).
fn shortest(x: f64) -> Decimal {
    let mut buf = ryu::Buffer::new();
    let s = buf.format_finite(x.abs()).as_bytes();
    // ryu writes forms like "1.5", "1e16", "1.2345e-7": split mantissa and exponent.
    let (mant, exp) = match s.iter().position(|&c| c == b'e' || c == b'E') {
        Some(p) => (&s[..p], parse_small_int(&s[p + 1..])),
        None => (s, 0),
    };
    let int_len = mant.iter().position(|&c| c == b'.').unwrap_or(mant.len());
    let mut digits = [0u8; 32];
    let mut n = 0;
    for &c in mant {
        if c.is_ascii_digit() && n < digits.len() {
            digits[n] = c;
            n += 1;
        }
    }
    Decimal::from_ascii(&digits[..n], int_len as i32 + exp)
}

fn parse_small_int(s: &[u8]) -> i32 {
    let (neg, digits) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, s),
    };
    let mut v: i32 = 0;
    for &c in digits {
        v = v
            .saturating_mul(10)
            .saturating_add(i32::from(c.wrapping_sub(b'0') % 10));
    }
    if neg {
        -v
    } else {
        v
    }
}

/// Lay out shortest digits the way CPython's repr does: positional when the decimal
/// exponent is in `-4 <= exp < 16`, scientific otherwise; `.0` added to integral values
/// in positional form; the alternate form keeps a point in scientific form too.
fn write_short<W: Write>(w: &mut W, d: &Decimal, alternate: bool) -> fmt::Result {
    let exp = if d.is_zero() {
        0
    } else {
        i64::from(d.point) - 1
    };
    if (-4..16).contains(&exp) {
        let frac = (d.len as i64 - i64::from(d.point)).max(0) as usize;
        write_fixed(w, d, frac.max(1), true)
    } else {
        let frac = d.len.saturating_sub(1);
        write_exp(w, d, frac, alternate, false)
    }
}

/// `repr(x)` (and `str(x)`): shortest round-trip digits, with the sign.
pub fn repr_float<W: Write>(x: f64, w: &mut W) -> fmt::Result {
    if x.is_nan() {
        return w.write_str("nan");
    }
    if x.is_sign_negative() {
        w.write_char('-')?;
    }
    if x.is_infinite() {
        return w.write_str("inf");
    }
    write_short(w, &shortest(x), false)
}

/// `|x| * 10**p` rounded half to even, exactly, when the arithmetic fits 128 bits (`p` up
/// to 17, `|x|` neither huge nor tiny): the digits of the `f` presentation without the
/// decimal Decimal expansion. `x` is finite.
fn fixed_scaled(x: f64, p: usize) -> Option<u128> {
    if p > 17 {
        return None;
    }
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    if m == 0 {
        return Some(0);
    }
    // m < 2**53 and 10**17 < 2**57: the product fits 110 bits.
    let scaled = u128::from(m) * 10u128.pow(p as u32);
    if e >= 0 {
        return (e <= 17).then(|| scaled << e);
    }
    let sh = (-e) as u32;
    if sh >= 127 {
        return None;
    }
    let q = scaled >> sh;
    let rem = scaled & ((1u128 << sh) - 1);
    let half = 1u128 << (sh - 1);
    Some(if rem > half || (rem == half && q & 1 == 1) {
        q + 1
    } else {
        q
    })
}

/// Write `q / 10**p` with `p` fraction digits (a point also when `alt`).
fn write_scaled<W: Write>(w: &mut W, q: u128, p: usize, alt: bool) -> fmt::Result {
    let mut tmp = [0u8; 48];
    let mut n = tmp.len();
    let mut v = q;
    // At least p + 1 digits: a leading zero before the point.
    while v != 0 || tmp.len() - n < p + 1 {
        n -= 1;
        tmp[n] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    let digits = &tmp[n..];
    let int_len = digits.len() - p;
    for &c in &digits[..int_len] {
        w.write_char(c as char)?;
    }
    if p > 0 || alt {
        w.write_char('.')?;
    }
    for &c in &digits[int_len..] {
        w.write_char(c as char)?;
    }
    Ok(())
}

/// Format `x` per `spec`, without the sign (see [`FloatSign`] for what the caller needs).
pub fn format_float<W: Write>(
    x: f64,
    spec: &FloatFormat,
    w: &mut W,
) -> Result<FloatSign, fmt::Error> {
    let upper = matches!(
        spec.kind,
        FloatKind::ExpUpper | FloatKind::FixedUpper | FloatKind::GeneralUpper
    );
    let negative = x.is_sign_negative() && !x.is_nan();
    let mut sign = FloatSign {
        negative,
        rounded_zero: false,
    };
    let percent = spec.kind == FloatKind::Percent;
    let x = if percent { x * 100.0 } else { x };
    if !x.is_finite() {
        let s = match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        };
        w.write_str(s)?;
        if percent {
            w.write_char('%')?;
        }
        return Ok(sign);
    }
    let alt = spec.alternate;
    if matches!(
        spec.kind,
        FloatKind::Fixed | FloatKind::FixedUpper | FloatKind::Percent
    ) {
        let p = spec.precision.unwrap_or(6);
        if let Some(q) = fixed_scaled(x, p) {
            write_scaled(w, q, p, alt)?;
            if percent {
                w.write_char('%')?;
            }
            sign.rounded_zero = q == 0;
            return Ok(sign);
        }
    }
    // CPython refuses precisions beyond i32::MAX ("Too many decimal digits in format
    // string"); the caller should too. Clamping here keeps all arithmetic below in range.
    let precision = spec.precision.map(|p| p.min(MAX_PRECISION));
    let mut d = if spec.kind == FloatKind::NoType && precision.is_none() {
        shortest(x)
    } else {
        Decimal::exact(x)
    };
    match spec.kind {
        FloatKind::Exp | FloatKind::ExpUpper => {
            let p = precision.unwrap_or(6);
            d.round_to(p as i64 + 1);
            write_exp(w, &d, p, alt, upper)?;
        }
        FloatKind::Fixed | FloatKind::FixedUpper | FloatKind::Percent => {
            let p = precision.unwrap_or(6);
            d.round_to_fraction_digits(p as i64);
            write_fixed(w, &d, p, alt)?;
            if percent {
                w.write_char('%')?;
            }
        }
        FloatKind::General | FloatKind::GeneralUpper => {
            let p = precision.unwrap_or(6).max(1);
            write_general(w, &mut d, p, alt, upper, false)?;
        }
        FloatKind::NoType => match precision {
            None => write_short(w, &d, alt)?,
            Some(p) => write_general(w, &mut d, p.max(1), alt, false, true)?,
        },
    }
    sign.rounded_zero = d.is_zero();
    Ok(sign)
}

/// The `g` presentation: `p` significant digits, positional when `-4 <= exp < p`, trailing
/// zeros removed unless `alt`; `add_dot_0` (no presentation type) keeps `.0` on integral
/// positional results.
fn write_general<W: Write>(
    w: &mut W,
    d: &mut Decimal,
    p: usize,
    alt: bool,
    upper: bool,
    add_dot_0: bool,
) -> fmt::Result {
    d.round_to(p as i64);
    let exp = if d.is_zero() {
        0
    } else {
        i64::from(d.point) - 1
    };
    let p_i = p as i64;
    // CPython switches to an exponent one digit earlier when it must add ".0".
    let limit = if add_dot_0 { p_i - 1 } else { p_i };
    if -4 <= exp && exp < limit {
        let frac = if alt {
            (p_i - 1 - exp).max(0) as usize
        } else {
            (d.len as i64 - i64::from(d.point)).max(0) as usize
        };
        if add_dot_0 && frac == 0 {
            write_fixed(w, d, 1, true)
        } else {
            write_fixed(w, d, frac, alt)
        }
    } else {
        let frac = if alt { p - 1 } else { d.len.saturating_sub(1) };
        write_exp(w, d, frac, alt, upper)
    }
}
