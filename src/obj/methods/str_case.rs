//! str/bytes case mappings (upper, lower, capitalize, title, swapcase, casefold) and the
//! `is*` predicates. str follows CPython's full Unicode rules (`crate::unicode`), including
//! the final-sigma rule; bytes and bytearray change and test ASCII letters only.

use super::str::{finish_like, is_bytes, self_bytes, self_str};
use crate::native_fn;
use crate::obj::str::StrBuilder;
use crate::qstrs::q;
use crate::unicode::{self, Mapped};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// How one character is mapped, given whether the previous character was cased.
#[derive(Clone, Copy)]
enum Mode {
    Upper,
    Lower,
    Capitalize,
    Title,
    Swap,
    Fold,
}

fn push_mapped(out: &mut StrBuilder, m: Mapped) {
    for &c in m.as_slice() {
        out.push_char(c);
    }
}

/// Lower-case `c` at byte offset `i` of `t` (handling the final sigma).
fn lower_at(out: &mut StrBuilder, t: &str, i: usize, c: char) {
    if c == '\u{3a3}' {
        let after = &t[i + c.len_utf8()..];
        out.push_char(unicode::lower_sigma(&t[..i], after));
    } else {
        push_mapped(out, unicode::to_lower(c));
    }
}

fn map_bytes(h: &[u8], mode: Mode, out: &mut StrBuilder) {
    let mut prev_cased = false;
    for (k, &b) in h.iter().enumerate() {
        let d = match mode {
            Mode::Upper => b.to_ascii_uppercase(),
            Mode::Lower | Mode::Fold => b.to_ascii_lowercase(),
            Mode::Capitalize if k == 0 => b.to_ascii_uppercase(),
            Mode::Capitalize => b.to_ascii_lowercase(),
            Mode::Title if prev_cased => b.to_ascii_lowercase(),
            Mode::Title => b.to_ascii_uppercase(),
            Mode::Swap if b.is_ascii_uppercase() => b.to_ascii_lowercase(),
            Mode::Swap => b.to_ascii_uppercase(),
        };
        prev_cased = b.is_ascii_alphabetic();
        out.push_byte(d);
    }
}

fn map_case(cx: &mut Cx, s: Value, mode: Mode) -> PyResult<Value> {
    let mut out = StrBuilder::new(cx);
    if is_bytes(s) {
        map_bytes(self_bytes(s), mode, &mut out);
        return finish_like(cx, out, s);
    }
    let t = self_str(s);
    // ASCII text upper- and lower-cases byte by byte.
    if t.is_ascii() && matches!(mode, Mode::Upper | Mode::Lower) {
        out.push(t.as_bytes());
        if !out.failed {
            if matches!(mode, Mode::Upper) {
                out.buf.make_ascii_uppercase();
            } else {
                out.buf.make_ascii_lowercase();
            }
        }
        return finish_like(cx, out, s);
    }
    let _ = out.buf.try_reserve(t.len());
    let mut prev_cased = false;
    for (i, c) in t.char_indices() {
        match mode {
            Mode::Upper => push_mapped(&mut out, unicode::to_upper(c)),
            Mode::Lower => lower_at(&mut out, t, i, c),
            Mode::Fold => push_mapped(&mut out, unicode::casefold(c)),
            Mode::Capitalize if i == 0 => push_mapped(&mut out, unicode::to_title(c)),
            Mode::Capitalize => lower_at(&mut out, t, i, c),
            Mode::Title => {
                if prev_cased {
                    lower_at(&mut out, t, i, c);
                } else {
                    push_mapped(&mut out, unicode::to_title(c));
                }
                prev_cased = unicode::is_cased(c);
            }
            Mode::Swap => {
                if unicode::is_upper(c) {
                    lower_at(&mut out, t, i, c);
                } else if unicode::is_lower(c) {
                    push_mapped(&mut out, unicode::to_upper(c));
                } else {
                    out.push_char(c);
                }
            }
        }
    }
    finish_like(cx, out, s)
}

fn upper(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    map_case(cx, a[0], Mode::Upper)
}
fn lower(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    map_case(cx, a[0], Mode::Lower)
}
fn capitalize(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    map_case(cx, a[0], Mode::Capitalize)
}
fn title(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    map_case(cx, a[0], Mode::Title)
}
fn swapcase(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    map_case(cx, a[0], Mode::Swap)
}
fn casefold(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    map_case(cx, a[0], Mode::Fold)
}

/// True when the text is non-empty and every unit passes (`str_test` for str, `byte_test`
/// for bytes).
fn all_units(s: Value, str_test: fn(char) -> bool, byte_test: fn(u8) -> bool) -> Value {
    if is_bytes(s) {
        let h = self_bytes(s);
        return Value::bool(!h.is_empty() && h.iter().all(|&b| byte_test(b)));
    }
    let t = self_str(s);
    Value::bool(!t.is_empty() && t.chars().all(str_test))
}

fn isalpha(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(all_units(a[0], unicode::is_alpha, |b| {
        b.is_ascii_alphabetic()
    }))
}
fn isalnum(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(all_units(a[0], unicode::is_alnum, |b| {
        b.is_ascii_alphanumeric()
    }))
}
fn isdigit(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(all_units(a[0], unicode::is_digit, |b| b.is_ascii_digit()))
}
fn isdecimal(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(all_units(a[0], unicode::is_decimal, |b| b.is_ascii_digit()))
}
fn isnumeric(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(all_units(a[0], unicode::is_numeric, |b| b.is_ascii_digit()))
}
fn isspace(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(all_units(
        a[0],
        unicode::is_space,
        super::str_split::is_ascii_ws,
    ))
}
fn isascii(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(self_bytes(a[0]).is_ascii()))
}
fn isprintable(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(
        self_str(a[0]).chars().all(unicode::is_printable),
    ))
}
fn isidentifier(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut it = self_str(a[0]).chars();
    Ok(Value::bool(match it.next() {
        Some(c) => unicode::is_xid_start(c) && it.all(unicode::is_xid_continue),
        None => false,
    }))
}

/// The case class of a unit: upper (or title), lower, or uncased.
#[derive(PartialEq, Clone, Copy)]
enum Case {
    Upper,
    Title,
    Lower,
    None,
}

fn units_case(s: Value, f: &mut dyn FnMut(Case) -> bool) -> bool {
    if is_bytes(s) {
        for &b in self_bytes(s) {
            let c = if b.is_ascii_uppercase() {
                Case::Upper
            } else if b.is_ascii_lowercase() {
                Case::Lower
            } else {
                Case::None
            };
            if !f(c) {
                return false;
            }
        }
        return true;
    }
    for ch in self_str(s).chars() {
        let c = if unicode::is_titlecase(ch) {
            Case::Title
        } else if unicode::is_upper(ch) {
            Case::Upper
        } else if unicode::is_lower(ch) {
            Case::Lower
        } else {
            Case::None
        };
        if !f(c) {
            return false;
        }
    }
    true
}

fn isupper(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut cased = false;
    let ok = units_case(a[0], &mut |c| {
        if matches!(c, Case::Lower | Case::Title) {
            return false;
        }
        cased |= c == Case::Upper;
        true
    });
    Ok(Value::bool(ok && cased))
}
fn islower(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut cased = false;
    let ok = units_case(a[0], &mut |c| {
        if matches!(c, Case::Upper | Case::Title) {
            return false;
        }
        cased |= c == Case::Lower;
        true
    });
    Ok(Value::bool(ok && cased))
}
fn istitle(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (mut cased, mut prev) = (false, false);
    let ok = units_case(a[0], &mut |c| {
        match c {
            Case::Upper | Case::Title => {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            }
            Case::Lower => {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            }
            Case::None => prev = false,
        }
        true
    });
    Ok(Value::bool(ok && cased))
}

native_fn!(pub(crate) S_UPPER, q::upper, 1, 1, false, upper);
native_fn!(pub(crate) S_LOWER, q::lower, 1, 1, false, lower);
native_fn!(pub(crate) S_CAPITALIZE, q::capitalize, 1, 1, false, capitalize);
native_fn!(pub(crate) S_TITLE, q::title, 1, 1, false, title);
native_fn!(pub(crate) S_SWAPCASE, q::swapcase, 1, 1, false, swapcase);
native_fn!(pub(crate) S_CASEFOLD, q::casefold, 1, 1, false, casefold);
native_fn!(pub(crate) S_ISALPHA, q::isalpha, 1, 1, false, isalpha);
native_fn!(pub(crate) S_ISALNUM, q::isalnum, 1, 1, false, isalnum);
native_fn!(pub(crate) S_ISDIGIT, q::isdigit, 1, 1, false, isdigit);
native_fn!(pub(crate) S_ISDECIMAL, q::isdecimal, 1, 1, false, isdecimal);
native_fn!(pub(crate) S_ISNUMERIC, q::isnumeric, 1, 1, false, isnumeric);
native_fn!(pub(crate) S_ISSPACE, q::isspace, 1, 1, false, isspace);
native_fn!(pub(crate) S_ISASCII, q::isascii, 1, 1, false, isascii);
native_fn!(pub(crate) S_ISPRINTABLE, q::isprintable, 1, 1, false, isprintable);
native_fn!(pub(crate) S_ISIDENTIFIER, q::isidentifier, 1, 1, false, isidentifier);
native_fn!(pub(crate) S_ISUPPER, q::isupper, 1, 1, false, isupper);
native_fn!(pub(crate) S_ISLOWER, q::islower, 1, 1, false, islower);
native_fn!(pub(crate) S_ISTITLE, q::istitle, 1, 1, false, istitle);
