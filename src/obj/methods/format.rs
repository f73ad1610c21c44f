//! String formatting: the format-spec mini-language (`format()`, `str.format`,
//! `str.format_map`, f-strings, which compile to `str.format`) and `%` formatting of str,
//! bytes and bytearray.
//!
//! Results follow CPython 3.11; errors use MicroPython's wording (`unknown format code`,
//! `can't switch from manual field specification ...`, `format string needs more
//! arguments`).

use crate::num::{FloatFormat, FloatKind};
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, float, int, str as pystr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

pub use super::percent::percent_format;

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Default, Clone, Copy)]
pub(super) struct Spec {
    pub(super) fill: Option<char>,
    pub(super) align: Option<u8>,
    pub(super) sign: Option<u8>,
    pub(super) z: bool,
    pub(super) alt: bool,
    pub(super) zero: bool,
    pub(super) width: usize,
    pub(super) grouping: Option<u8>,
    pub(super) precision: Option<usize>,
    pub(super) ty: Option<u8>,
}

fn parse_spec(cx: &mut Cx, s: &str) -> PyResult<Spec> {
    let mut sp = Spec::default();
    let chars: &[u8] = s.as_bytes();
    let mut i = 0;
    if let Some(c0) = s.chars().next() {
        let next = s[c0.len_utf8()..].bytes().next();
        if matches!(next, Some(b'<' | b'>' | b'^' | b'=')) {
            sp.fill = Some(c0);
            sp.align = next;
            i = c0.len_utf8() + 1;
        } else if matches!(c0, '<' | '>' | '^' | '=') {
            sp.align = Some(c0 as u8);
            i = 1;
        }
    }
    if i < chars.len() && matches!(chars[i], b'+' | b'-' | b' ') {
        sp.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == b'z' {
        sp.z = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == b'#' {
        sp.alt = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == b'0' {
        sp.zero = true;
        i += 1;
    }
    while i < chars.len() && chars[i].is_ascii_digit() {
        sp.width = sp
            .width
            .saturating_mul(10)
            .saturating_add((chars[i] - b'0') as usize);
        i += 1;
    }
    if i < chars.len() && matches!(chars[i], b',' | b'_') {
        sp.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == b'.' {
        i += 1;
        let st = i;
        let mut p = 0usize;
        while i < chars.len() && chars[i].is_ascii_digit() {
            p = p
                .saturating_mul(10)
                .saturating_add((chars[i] - b'0') as usize);
            i += 1;
        }
        if i == st {
            return Err(cx.value_error("format specifier missing precision"));
        }
        sp.precision = Some(p);
    }
    if i < chars.len() && b"bcdeEfFgGnosxX%".contains(&chars[i]) {
        sp.ty = Some(chars[i]);
        i += 1;
    }
    if i != chars.len() {
        return Err(cx.value_error("invalid format specifier"));
    }
    if sp.width > i32::MAX as usize || sp.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(cx.value_error("too many decimal digits in format string"));
    }
    Ok(sp)
}

fn unknown_code(cx: &mut Cx, t: u8, tn: &str) -> crate::vm::Raised {
    let t = t as char;
    cx.raise_fmt(
        &VALUE_ERROR_TYPE,
        format_args!("unknown format code '{t}' for object of type '{tn}'"),
    )
}

/// Pad `body` (whose sign/prefix is its first `sign_len` bytes) to the spec's width.
/// `numeric` selects right alignment by default and lets `0` mean `=` alignment.
pub(super) fn pad(out: &mut StrBuilder, body: &[u8], sign_len: usize, sp: &Spec, numeric: bool) {
    let n = pystr::char_count(body);
    let fill = sp.fill.unwrap_or(if sp.zero { '0' } else { ' ' });
    let align = sp.align.unwrap_or(match (numeric, sp.zero) {
        (true, true) => b'=',
        (true, false) => b'>',
        _ => b'<',
    });
    if n >= sp.width {
        out.push(body);
        return;
    }
    let padn = sp.width - n;
    let mut tmp = [0u8; 4];
    let fill = fill.encode_utf8(&mut tmp).as_bytes();
    let push_fill = |out: &mut StrBuilder, k: usize| out.push_repeat(fill, k);
    match align {
        b'<' => {
            out.push(body);
            push_fill(out, padn);
        }
        b'^' => {
            push_fill(out, padn / 2);
            out.push(body);
            push_fill(out, padn - padn / 2);
        }
        b'=' => {
            out.push(&body[..sign_len.min(body.len())]);
            push_fill(out, padn);
            out.push(&body[sign_len.min(body.len())..]);
        }
        _ => {
            push_fill(out, padn);
            out.push(body);
        }
    }
}

/// Group `digits` after first padding them with zeros until the grouped text is at least
/// `want` characters (zero padding counts the separators, as in CPython).
fn group_zero_padded(digits: &[u8], sep: u8, every: usize, want: usize, out: &mut StrBuilder) {
    let have = digits.len().max(1);
    // The fewest digits nd with nd + (nd - 1) / every >= want: start just below the answer.
    let mut nd = have
        .max(want.saturating_sub(want / (every + 1)).saturating_sub(1))
        .max(1);
    while nd + (nd - 1) / every < want {
        nd += 1;
    }
    let zeros = nd - digits.len();
    let n = nd;
    if out.buf.try_reserve(n + n / every).is_err() {
        out.failed = true;
        return;
    }
    for i in 0..n {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push_byte(sep);
        }
        out.push_byte(if i < zeros { b'0' } else { digits[i - zeros] });
    }
}

/// Whether the spec asks for zero padding that grouping must include.
fn zero_grouped(sp: &Spec) -> bool {
    sp.grouping.is_some() && sp.zero && sp.fill.is_none() && sp.align.is_none() && sp.width > 0
}

fn group_digits(digits: &[u8], sep: u8, every: usize, out: &mut StrBuilder) {
    let n = digits.len();
    for (i, &d) in digits.iter().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push_byte(sep);
        }
        out.push_byte(d);
    }
}

fn sign_prefix(neg: bool, sign: Option<u8>) -> &'static str {
    if neg {
        "-"
    } else {
        match sign {
            Some(b'+') => "+",
            Some(b' ') => " ",
            _ => "",
        }
    }
}

/// Format an int value per the spec.
pub(super) fn format_int(cx: &mut Cx, out: &mut StrBuilder, v: Value, sp: &Spec) -> PyResult<()> {
    let ty = sp.ty.unwrap_or(b'd');
    if matches!(ty, b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'%') {
        let f = crate::vm::num::to_f64(cx, v)?.unwrap_or(0.0);
        return format_float(cx, out, f, sp);
    }
    if sp.z {
        return Err(cx.value_error("invalid format specifier"));
    }
    if sp.precision.is_some() {
        return Err(cx.value_error("precision not allowed in integer format specifier"));
    }
    let (base, prefix) = match ty {
        b'b' => (2, "0b"),
        b'o' => (8, "0o"),
        b'x' => (16, "0x"),
        b'X' => (16, "0X"),
        b'd' | b'n' => (10, ""),
        b'c' => {
            if sp.sign.is_some() {
                return Err(cx.value_error("sign not allowed with integer format specifier 'c'"));
            }
            let c = int::to_i64(v)
                .and_then(|i| u32::try_from(i).ok())
                .and_then(char::from_u32);
            let Some(c) = c else {
                return Err(cx.overflow_error("%c arg not in range(0x110000)"));
            };
            let mut tmp = [0u8; 4];
            let s = c.encode_utf8(&mut tmp);
            pad(out, s.as_bytes(), 0, sp, true);
            return Ok(());
        }
        t => return Err(unknown_code(cx, t, "int")),
    };
    let Some(a) = crate::vm::num::int_arg(v) else {
        return Err(cx.type_error("can't convert to int"));
    };
    let r = a.as_ref();
    let neg = r.is_negative();
    let mut mag_digits = StrBuilder::new(cx);
    if r.abs_ref().write_radix(base, &mut mag_digits.buf).is_err() {
        return Err(cx.raise_memory_error(0));
    }
    if ty == b'X' {
        mag_digits.buf.make_ascii_uppercase();
    }
    let prefix = if sp.alt { prefix } else { "" };
    let mut body = StrBuilder::new(cx);
    body.push_str(sign_prefix(neg, sp.sign));
    body.push_str(prefix);
    let sign_len = body.buf.len();
    match sp.grouping {
        Some(b',') if base != 10 => {
            let t = ty as char;
            return Err(cx.raise_fmt(
                &VALUE_ERROR_TYPE,
                format_args!("can't specify ',' with '{t}'"),
            ));
        }
        Some(g) => {
            let every = if base == 10 { 3 } else { 4 };
            if zero_grouped(sp) {
                let want = sp.width.saturating_sub(sign_len);
                group_zero_padded(&mag_digits.buf, g, every, want, &mut body);
                out.push(&body.buf);
                out.failed |= body.failed || mag_digits.failed;
                return Ok(());
            }
            group_digits(&mag_digits.buf, g, every, &mut body);
        }
        None => body.push(&mag_digits.buf),
    }
    pad(out, &body.buf, sign_len, sp, true);
    if body.failed || mag_digits.failed {
        out.failed = true;
    }
    Ok(())
}

/// The float presentation kind of a spec type.
fn float_kind(cx: &mut Cx, ty: Option<u8>, tn: &str) -> PyResult<FloatKind> {
    Ok(match ty {
        None => FloatKind::NoType,
        Some(b'e') => FloatKind::Exp,
        Some(b'E') => FloatKind::ExpUpper,
        Some(b'f') => FloatKind::Fixed,
        Some(b'F') => FloatKind::FixedUpper,
        Some(b'g') | Some(b'n') => FloatKind::General,
        Some(b'G') => FloatKind::GeneralUpper,
        Some(b'%') => FloatKind::Percent,
        Some(t) => return Err(unknown_code(cx, t, tn)),
    })
}

/// Write a float's sign and digits (with grouping) into `body`; returns the sign's length.
fn float_body(
    cx: &mut Cx,
    body: &mut StrBuilder,
    f: f64,
    ff: &FloatFormat,
    sp: &Spec,
    sign: Option<u8>,
) -> PyResult<usize> {
    // More digits than the heap can hold would take long to produce only to fail.
    let heap_bytes = cx.heap().n_blocks() * crate::gc::heap::BLOCK;
    if let Some(p) = ff.precision.filter(|&p| p > heap_bytes) {
        return Err(cx.raise_memory_error(p));
    }
    let mut digits = StrBuilder::new(cx);
    let s = match crate::num::format_float(f, ff, &mut digits) {
        Ok(s) => s,
        Err(_) => return Err(cx.raise_memory_error(0)),
    };
    let neg = s.negative && !(sp.z && s.rounded_zero);
    body.push_str(sign_prefix(neg, sign));
    let sign_len = body.buf.len();
    match sp.grouping {
        Some(g) if f.is_finite() => {
            let d = &digits.buf;
            let int_end = d
                .iter()
                .position(|&c| !c.is_ascii_digit())
                .unwrap_or(d.len());
            if zero_grouped(sp) {
                let want = sp.width.saturating_sub(sign_len + d.len() - int_end);
                group_zero_padded(&d[..int_end], g, 3, want, body);
            } else {
                group_digits(&d[..int_end], g, 3, body);
            }
            body.push(&d[int_end..]);
        }
        _ => body.push(&digits.buf),
    }
    if digits.failed {
        body.failed = true;
    }
    Ok(sign_len)
}

/// Format a float per the spec.
pub(super) fn format_float(cx: &mut Cx, out: &mut StrBuilder, f: f64, sp: &Spec) -> PyResult<()> {
    let kind = float_kind(cx, sp.ty, "float")?;
    let ff = FloatFormat {
        kind,
        precision: sp.precision,
        alternate: sp.alt,
    };
    let mut body = StrBuilder::new(cx);
    let sign_len = float_body(cx, &mut body, f, &ff, sp, sp.sign)?;
    pad(out, &body.buf, sign_len, sp, true);
    if body.failed {
        out.failed = true;
    }
    Ok(())
}

/// Format a complex per the spec (CPython's rules: no type is like `repr`, other types
/// format both parts without parentheses).
fn format_complex(cx: &mut Cx, out: &mut StrBuilder, re: f64, im: f64, sp: &Spec) -> PyResult<()> {
    if sp.ty == Some(b'%') {
        return Err(unknown_code(cx, b'%', "complex"));
    }
    if sp.zero && sp.fill.is_none() && sp.align.is_none() {
        return Err(cx.value_error("zero padding is not allowed in complex format specifier"));
    }
    if sp.align == Some(b'=') {
        return Err(cx.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let kind = float_kind(cx, sp.ty, "complex")?;
    let no_type = sp.ty.is_none();
    let skip_re = no_type && re == 0.0 && re.is_sign_positive();
    let parens = no_type && !skip_re;
    let mut body = StrBuilder::new(cx);
    if parens {
        body.push_byte(b'(');
    }
    let part = |cx: &mut Cx, body: &mut StrBuilder, x: f64, sign: Option<u8>| -> PyResult<()> {
        if no_type && sp.precision.is_none() {
            if x.is_sign_negative() && !x.is_nan() {
                body.push_byte(b'-');
            } else {
                body.push_str(sign_prefix(false, sign));
            }
            super::repr::write_float_short(body, x.abs());
            return Ok(());
        }
        let ff = FloatFormat {
            kind: if no_type { FloatKind::General } else { kind },
            precision: sp.precision,
            alternate: sp.alt,
        };
        float_body(cx, body, x, &ff, sp, sign)?;
        Ok(())
    };
    if !skip_re {
        part(cx, &mut body, re, sp.sign)?;
        part(cx, &mut body, im, Some(b'+'))?;
    } else {
        part(cx, &mut body, im, sp.sign)?;
    }
    body.push_byte(b'j');
    if parens {
        body.push_byte(b')');
    }
    pad(out, &body.buf, 0, sp, true);
    out.failed |= body.failed;
    Ok(())
}

/// Write `format(v, spec)`.
pub fn format_value(cx: &mut Cx, out: &mut StrBuilder, v: Value, spec: &str) -> PyResult<()> {
    if ops::is_user_object(v) {
        if let Some(m) = ops::lookup_special(cx, v, &q::__format__) {
            let s = pystr::new_from(cx, spec)?;
            let r = cx.call_with_self(m, v, &[s], &[])?;
            return match pystr::str_of(r) {
                Some(t) => {
                    out.push_str(t);
                    Ok(())
                }
                None => {
                    let tn = ops::alloc_free_name(cx.type_name(r));
                    Err(cx.raise_fmt(
                        &TYPE_ERROR_TYPE,
                        format_args!("__format__ must return a str, not {tn}"),
                    ))
                }
            };
        }
        if spec.is_empty() {
            return super::repr::write_str(cx, out, v);
        }
    }
    let v = ops::instance_base(v).unwrap_or(v);
    if spec.is_empty() {
        return super::repr::write_str(cx, out, v);
    }
    let sp = parse_spec(cx, spec)?;
    if crate::vm::num::is_intlike(v) {
        return format_int(cx, out, v, &sp);
    }
    if let Some(f) = float::value_of(v) {
        return format_float(cx, out, f, &sp);
    }
    match obj::kind_of(v) {
        Kind::Str if v.is_ptr() => {
            if let Some(t) = sp.ty.filter(|&t| t != b's') {
                return Err(unknown_code(cx, t, "str"));
            }
            if sp.sign.is_some() {
                return Err(cx.value_error("sign not allowed in string format specifier"));
            }
            if sp.alt {
                return Err(
                    cx.value_error("alternate form (#) not allowed in string format specifier")
                );
            }
            if sp.align == Some(b'=') {
                return Err(cx.value_error("'=' alignment not allowed in string format specifier"));
            }
            if let Some(g) = sp.grouping {
                let g = g as char;
                return Err(cx.raise_fmt(
                    &VALUE_ERROR_TYPE,
                    format_args!("can't specify '{g}' with 's'."),
                ));
            }
            let s = pystr::str_of(v).unwrap_or("");
            let s = match sp.precision {
                Some(p) => match s.char_indices().nth(p) {
                    Some((i, _)) => &s[..i],
                    None => s,
                },
                None => s,
            };
            pad(out, s.as_bytes(), 0, &sp, false);
            Ok(())
        }
        Kind::Complex => {
            let (re, im) = float::complex_of(v).unwrap_or((0.0, 0.0));
            format_complex(cx, out, re, im, &sp)
        }
        _ => {
            let tn = ops::alloc_free_name(cx.type_name(v));
            Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("unsupported format string passed to {tn}.__format__"),
            ))
        }
    }
}

/// `format(v, spec)` as a new str.
pub fn format_to_str(cx: &mut Cx, v: Value, spec: &str) -> PyResult<Value> {
    let mut b = StrBuilder::new(cx);
    format_value(cx, &mut b, v, spec)?;
    b.finish(cx)
}

/// Where `str.format` finds its fields.
#[derive(Clone, Copy)]
enum Fields<'a> {
    /// `fmt.format(*args, **kw)`: kw holds (name, value) pairs.
    Args(&'a [Value], &'a [Value]),
    /// `fmt.format_map(mapping)`.
    Map(Value),
}

/// Resolve a field name (`0`, `name`, `a.b`, `a[0]`) against the call's arguments.
fn resolve_field(
    cx: &mut Cx,
    name: &str,
    fields: Fields,
    auto: &mut Option<usize>,
) -> PyResult<Value> {
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(end);
    let positional = if first.is_empty() {
        let Some(n) = auto.as_mut() else {
            return Err(cx.value_error(
                "can't switch from manual field specification to automatic field numbering",
            ));
        };
        let i = *n;
        *n += 1;
        Some(i)
    } else if first.bytes().all(|c| c.is_ascii_digit()) {
        if auto.is_some_and(|n| n > 0) {
            return Err(cx.value_error(
                "can't switch from automatic field numbering to manual field specification",
            ));
        }
        *auto = None;
        match first.parse::<usize>() {
            Ok(i) => Some(i),
            Err(_) => return Err(cx.value_error("too many decimal digits in format string")),
        }
    } else {
        None
    };
    let mut v = match (positional, fields) {
        (Some(_), Fields::Map(_)) => {
            return Err(cx.value_error("format string contains positional fields"));
        }
        (Some(i), Fields::Args(args, _)) => match args.get(i) {
            Some(&v) => v,
            None => return Err(cx.index_error("tuple index out of range")),
        },
        (None, Fields::Args(_, kw)) => {
            let mut found = None;
            let mut k = 0;
            while k + 1 < kw.len() {
                if pystr::bytes_of(kw[k]) == Some(first.as_bytes()) {
                    found = Some(kw[k + 1]);
                }
                k += 2;
            }
            match found {
                Some(v) => v,
                None => {
                    let s = pystr::new_from(cx, first)?;
                    return Err(cx.raise_with_arg(&KEY_ERROR_TYPE, s));
                }
            }
        }
        (None, Fields::Map(m)) => {
            let s = pystr::new_from(cx, first)?;
            let mark = cx.roots_mark();
            cx.root(s)?;
            let r = ops::getitem(cx, m, s);
            cx.roots_truncate(mark);
            r?
        }
    };
    let mark = cx.roots_mark();
    while !rest.is_empty() {
        cx.root(v)?;
        if let Some(r) = rest.strip_prefix('.') {
            let e = r.find(['.', '[']).unwrap_or(r.len());
            if e == 0 {
                cx.roots_truncate(mark);
                return Err(cx.value_error("empty attribute in format string"));
            }
            let attr = pystr::intern(cx, &r.as_bytes()[..e])?;
            v = ops::getattr(cx, v, attr)?;
            rest = &r[e..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(e) = r.find(']') else {
                cx.roots_truncate(mark);
                return Err(cx.value_error("expected '}' before end of string"));
            };
            let key = &r[..e];
            let k = if !key.is_empty() && key.bytes().all(|c| c.is_ascii_digit()) {
                match key.parse::<isize>() {
                    Ok(i) => Value::small_int_unchecked(i),
                    Err(_) => pystr::new_from(cx, key)?,
                }
            } else {
                pystr::new_from(cx, key)?
            };
            v = ops::getitem(cx, v, k)?;
            rest = &r[e + 1..];
        } else {
            cx.roots_truncate(mark);
            return Err(cx.value_error("only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    cx.roots_truncate(mark);
    Ok(v)
}

/// `fmt.format(*args, **kw)`.
pub fn str_format(cx: &mut Cx, fmt: Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut out = StrBuilder::new(cx);
    let mut auto = Some(0usize);
    let f = super::str::self_str(fmt);
    format_into(cx, &mut out, f, Fields::Args(args, kw), &mut auto, 0)?;
    out.finish(cx)
}

/// `fmt.format_map(mapping)`.
pub fn str_format_map(cx: &mut Cx, fmt: Value, mapping: Value) -> PyResult<Value> {
    let mut out = StrBuilder::new(cx);
    let mut auto = Some(0usize);
    let f = super::str::self_str(fmt);
    format_into(cx, &mut out, f, Fields::Map(mapping), &mut auto, 0)?;
    out.finish(cx)
}

/// Split a replacement field's text into name, conversion and spec.
fn split_field(field: &str) -> (&str, Option<&str>, &str) {
    let mut name_end = field.len();
    let mut in_br = false;
    for (k, ch) in field.char_indices() {
        match ch {
            '[' => in_br = true,
            ']' => in_br = false,
            '!' | ':' if !in_br => {
                name_end = k;
                break;
            }
            _ => {}
        }
    }
    let name = &field[..name_end];
    let rest = &field[name_end..];
    if let Some(r) = rest.strip_prefix('!') {
        let e = r.find(':').unwrap_or(r.len());
        let spec = r.get(e + 1..).unwrap_or("");
        return (name, Some(&r[..e]), spec);
    }
    (name, None, rest.strip_prefix(':').unwrap_or(""))
}

/// The format string `f` (which must live in a rooted str) with its fields replaced.
fn format_into(
    cx: &mut Cx,
    out: &mut StrBuilder,
    f: &str,
    fields: Fields,
    auto: &mut Option<usize>,
    depth: u32,
) -> PyResult<()> {
    if depth > 2 {
        return Err(cx.value_error("max string recursion exceeded"));
    }
    let b = f.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'{' {
            if b.get(i + 1) == Some(&b'{') {
                out.push_byte(b'{');
                i += 2;
                continue;
            }
            // Find the matching close brace (nested braces allowed in the spec).
            let mut lvl = 1;
            let mut j = i + 1;
            while j < b.len() {
                match b[j] {
                    b'{' => lvl += 1,
                    b'}' => {
                        lvl -= 1;
                        if lvl == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= b.len() {
                return Err(cx.value_error("unmatched '{' in format"));
            }
            let field = &f[i + 1..j];
            i = j + 1;
            let (name, conv, spec_src) = split_field(field);
            let conv = match conv {
                None => None,
                Some(c) => {
                    let mut it = c.chars();
                    match (it.next(), it.next()) {
                        (Some(k @ ('r' | 's' | 'a')), None) => Some(k),
                        (Some(k), None) => {
                            return Err(cx.raise_fmt(
                                &VALUE_ERROR_TYPE,
                                format_args!("unknown conversion specifier {k}"),
                            ));
                        }
                        (None, _) => {
                            return Err(cx.value_error(
                                "end of string while looking for conversion specifier",
                            ))
                        }
                        _ => return Err(cx.value_error("expected ':' after conversion specifier")),
                    }
                }
            };
            let v = resolve_field(cx, name, fields, auto)?;
            let mark = cx.roots_mark();
            cx.root(v)?;
            let v = match conv {
                Some('r') => super::repr::repr(cx, v)?,
                Some('a') => super::repr::ascii(cx, v)?,
                Some(_) => super::repr::to_str(cx, v)?,
                None => v,
            };
            cx.root(v)?;
            if spec_src.contains('{') {
                // Nested fields in the spec.
                let mut sb = StrBuilder::new(cx);
                format_into(cx, &mut sb, spec_src, fields, auto, depth + 1)?;
                if sb.failed {
                    return Err(cx.raise_memory_error(sb.buf.len()));
                }
                let spec = pystr::new_str(cx, &sb.buf)?;
                cx.root(spec)?;
                format_value(cx, out, v, super::str::self_str(spec))?;
            } else {
                format_value(cx, out, v, spec_src)?;
            }
            cx.roots_truncate(mark);
        } else if c == b'}' {
            if b.get(i + 1) == Some(&b'}') {
                out.push_byte(b'}');
                i += 2;
                continue;
            }
            return Err(cx.value_error("single '}' encountered in format string"));
        } else {
            let st = i;
            while i < b.len() && b[i] != b'{' && b[i] != b'}' {
                i += 1;
            }
            out.push(&b[st..i]);
        }
    }
    Ok(())
}

/// `float.hex()`.
pub fn write_float_hex(b: &mut StrBuilder, f: f64) {
    if f.is_nan() {
        b.push_str("nan");
        return;
    }
    if f.is_infinite() {
        b.push_str(if f < 0.0 { "-inf" } else { "inf" });
        return;
    }
    if f.is_sign_negative() {
        b.push_byte(b'-');
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let mant = bits & ((1u64 << 52) - 1);
    if exp == 0 && mant == 0 {
        b.push_str("0x0.0p+0");
        return;
    }
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    let _ = core::fmt::Write::write_fmt(
        b,
        format_args!(
            "0x{lead}.{mant:013x}p{}{}",
            if e >= 0 { "+" } else { "-" },
            e.abs()
        ),
    );
}
