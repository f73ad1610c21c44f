//! Between str and bytes: `str.encode`, `bytes.decode` (utf-8, ascii and latin-1 with the
//! strict, ignore, replace and backslashreplace error handlers), `bytes.hex`/`fromhex`, and
//! character mapping: `str.translate`/`maketrans`, `bytes.translate`/`maketrans`.
//!
//! Encoding errors raise `UnicodeError` with no message, as MicroPython does; an unknown
//! encoding raises `LookupError: unknown encoding: NAME`.

use super::str::{arg_bytes, finish_like, implicit_conversion_error, is_bytes, self_bytes};
use crate::builtins::args;
use crate::native_fn;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, dict, str as pystr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// The codecs pyrite knows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// 7-bit ASCII.
    Ascii,
    /// ISO 8859-1: bytes are the first 256 code points.
    Latin1,
}

/// What to do with a character or byte the codec cannot handle.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Errors {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    /// An unknown handler name: an error is raised only when it is needed.
    Unknown,
}

/// Look up an encoding name as CPython normalises it (case, `-`/`_`/space).
pub fn encoding_by_name(name: &str) -> Option<Encoding> {
    let mut buf = [0u8; 16];
    if name.len() > buf.len() {
        return None;
    }
    for (d, &c) in buf.iter_mut().zip(name.as_bytes()) {
        *d = match c {
            b'_' | b' ' => b'-',
            c => c.to_ascii_lowercase(),
        };
    }
    match &buf[..name.len()] {
        b"utf-8" | b"utf8" | b"u8" | b"utf" | b"cp65001" => Some(Encoding::Utf8),
        b"ascii" | b"us-ascii" | b"646" => Some(Encoding::Ascii),
        b"latin-1" | b"latin1" | b"latin" | b"l1" | b"iso-8859-1" | b"iso8859-1" | b"8859"
        | b"cp819" | b"iso-ir-100" => Some(Encoding::Latin1),
        _ => None,
    }
}

/// The encoding named by argument `v` (NULL: UTF-8).
pub fn encoding_arg(cx: &mut Cx, v: Value) -> PyResult<Encoding> {
    if v.is_null() {
        return Ok(Encoding::Utf8);
    }
    let Some(name) = pystr::str_of(v) else {
        return Err(implicit_conversion_error(cx, v, "str"));
    };
    match encoding_by_name(name) {
        Some(e) => Ok(e),
        None => {
            let n = ops::alloc_free_name(name);
            Err(cx.raise_fmt(&LOOKUP_ERROR_TYPE, format_args!("unknown encoding: {n}")))
        }
    }
}

fn errors_arg(cx: &mut Cx, v: Value) -> PyResult<Errors> {
    if v.is_null() {
        return Ok(Errors::Strict);
    }
    let Some(name) = pystr::str_of(v) else {
        return Err(implicit_conversion_error(cx, v, "str"));
    };
    Ok(match name {
        "strict" => Errors::Strict,
        "ignore" => Errors::Ignore,
        "replace" => Errors::Replace,
        "backslashreplace" => Errors::BackslashReplace,
        "xmlcharrefreplace" => Errors::XmlCharRefReplace,
        _ => Errors::Unknown,
    })
}

fn codec_error(cx: &mut Cx, errors: Errors, errors_v: Value) -> crate::vm::Raised {
    if errors == Errors::Unknown {
        let n = ops::alloc_free_name(pystr::str_of(errors_v).unwrap_or("?"));
        return cx.raise_fmt(
            &LOOKUP_ERROR_TYPE,
            format_args!("unknown error handler name '{n}'"),
        );
    }
    cx.raise_empty(&UNICODE_ERROR_TYPE)
}

/// `s.encode(encoding, errors)` (NULL arguments take the defaults), as bytes.
pub fn encode_value(cx: &mut Cx, s: Value, enc: Value, errors_v: Value) -> PyResult<Value> {
    let enc = encoding_arg(cx, enc)?;
    let errors = errors_arg(cx, errors_v)?;
    let t = pystr::str_of(s).unwrap_or("");
    if enc == Encoding::Utf8 || t.is_ascii() {
        return pystr::new_bytes(cx, t.as_bytes());
    }
    let limit = if enc == Encoding::Ascii { 0x80 } else { 0x100 };
    let mut out = StrBuilder::new(cx);
    for c in t.chars() {
        let n = c as u32;
        if n < limit {
            out.push_byte(n as u8);
            continue;
        }
        match errors {
            Errors::Ignore => {}
            Errors::Replace => out.push_byte(b'?'),
            Errors::BackslashReplace => push_escape(&mut out, n),
            Errors::XmlCharRefReplace => {
                let _ = core::fmt::Write::write_fmt(&mut out, format_args!("&#{n};"));
            }
            Errors::Strict | Errors::Unknown => return Err(codec_error(cx, errors, errors_v)),
        }
    }
    out.finish_bytes(cx)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
fn push_escape(out: &mut StrBuilder, n: u32) {
    let _ = if n < 0x100 {
        core::fmt::Write::write_fmt(out, format_args!("\\x{n:02x}"))
    } else if n < 0x10000 {
        core::fmt::Write::write_fmt(out, format_args!("\\u{n:04x}"))
    } else {
        core::fmt::Write::write_fmt(out, format_args!("\\U{n:08x}"))
    };
}

/// Decode the bytes of buffer `b` (bytes, bytearray, memoryview) into a new str.
pub fn decode_value(cx: &mut Cx, b: Value, enc: Value, errors_v: Value) -> PyResult<Value> {
    let enc = encoding_arg(cx, enc)?;
    let errors = errors_arg(cx, errors_v)?;
    let h = super::bytes::buffer_bytes(cx, b)?;
    if h.is_ascii() || (enc == Encoding::Utf8 && core::str::from_utf8(h).is_ok()) {
        return pystr::new_str(cx, h);
    }
    let mut out = StrBuilder::new(cx);
    match enc {
        Encoding::Latin1 => {
            for &c in h {
                out.push_char(c as char);
            }
        }
        Encoding::Ascii => {
            for &c in h {
                if c < 0x80 {
                    out.push_byte(c);
                } else if !bad_bytes(&mut out, &[c], errors) {
                    return Err(codec_error(cx, errors, errors_v));
                }
            }
        }
        Encoding::Utf8 => {
            for chunk in h.utf8_chunks() {
                out.push_str(chunk.valid());
                if !chunk.invalid().is_empty() && !bad_bytes(&mut out, chunk.invalid(), errors) {
                    return Err(codec_error(cx, errors, errors_v));
                }
            }
        }
    }
    out.finish(cx)
}

/// Apply a decoding error handler to one undecodable sequence; false for strict.
fn bad_bytes(out: &mut StrBuilder, bad: &[u8], errors: Errors) -> bool {
    match errors {
        Errors::Ignore => true,
        Errors::Replace => {
            out.push_char('\u{fffd}');
            true
        }
        Errors::BackslashReplace => {
            for &c in bad {
                push_escape(out, c as u32);
            }
            true
        }
        _ => false,
    }
}

fn encode(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, enc, errors] = args::parse(cx, a, kw, ["self", "encoding", "errors"], 3)?;
    encode_value(cx, s, enc, errors)
}

fn decode(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, enc, errors] = args::parse(cx, a, kw, ["self", "encoding", "errors"], 3)?;
    decode_value(cx, s, enc, errors)
}

/// Write `h` as hex digits, with `sep` between every `per` bytes (counted from the right when
/// `per` is positive, from the left when negative).
pub fn write_hex(out: &mut StrBuilder, h: &[u8], sep: Option<u8>, per: isize) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let n = h.len();
    let every = per.unsigned_abs().max(1);
    for (i, &b) in h.iter().enumerate() {
        if let Some(s) = sep {
            let boundary = if per > 0 {
                i > 0 && (n - i).is_multiple_of(every)
            } else {
                i > 0 && i.is_multiple_of(every)
            };
            if boundary {
                out.push_byte(s);
            }
        }
        out.push_byte(DIGITS[(b >> 4) as usize]);
        out.push_byte(DIGITS[(b & 15) as usize]);
    }
}

/// `hex(sep=None, bytes_per_sep=1)` for bytes, bytearray and memoryview.
fn hex(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, sep, per] = args::parse(cx, a, kw, ["self", "sep", "bytes_per_sep"], 3)?;
    let per = if per.is_null() {
        1
    } else {
        crate::vm::seq::int_arg(cx, per)?
    };
    let sep = if sep.is_null() || sep.is_none() {
        None
    } else {
        let sb = if obj::kind_of(sep) == Kind::Str {
            pystr::bytes_of(sep).unwrap_or(&[])
        } else {
            super::bytes::buffer_bytes(cx, sep)?
        };
        if sb.len() != 1 || !sb[0].is_ascii() {
            return Err(cx.value_error("sep must be length 1."));
        }
        Some(sb[0])
    };
    let h = super::bytes::buffer_bytes(cx, s)?;
    let mut out = StrBuilder::new(cx);
    write_hex(&mut out, h, sep, per);
    out.finish(cx)
}

fn hex_digit(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)` (a classmethod: `a[0]` is the class).
fn fromhex(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let Some(t) = pystr::str_of(a[1]) else {
        return Err(implicit_conversion_error(cx, a[1], "str"));
    };
    let h = t.as_bytes();
    let mut out = StrBuilder::new(cx);
    let mut i = 0;
    while i < h.len() {
        if super::str_split::is_ascii_ws(h[i]) {
            i += 1;
            continue;
        }
        let hi = hex_digit(h[i]);
        let lo = h.get(i + 1).copied().and_then(hex_digit);
        match (hi, lo) {
            (Some(x), Some(y)) => out.push_byte(x << 4 | y),
            _ => return Err(cx.value_error("non-hex digit")),
        }
        i += 2;
    }
    if core::ptr::eq(a[0].raw() as *const obj::TypeObj, &BYTEARRAY_TYPE) {
        if out.failed {
            return Err(cx.raise_memory_error(out.buf.len()));
        }
        return crate::obj::bytes::new_bytearray(cx, &out.buf);
    }
    let b = out.finish_bytes(cx)?;
    if core::ptr::eq(a[0].raw() as *const obj::TypeObj, &BYTES_TYPE) {
        return Ok(b);
    }
    // A subclass: construct it from the bytes.
    cx.call(a[0], &[b], &[])
}

/// Look `key` up in a translate table: `Ok(None)` when the table has no entry.
fn table_lookup(cx: &mut Cx, table: Value, key: Value) -> PyResult<Option<Value>> {
    if obj::kind_of(table) == Kind::Dict && !ops::is_user_object(table) {
        return dict::get(cx, table, key);
    }
    match ops::getitem(cx, table, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            if obj::isinstance(cx.pending(), &LOOKUP_ERROR_TYPE) {
                cx.take_pending();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn str_translate(cx: &mut Cx, s: Value, table: Value) -> PyResult<Value> {
    let mut out = StrBuilder::new(cx);
    let n = pystr::bytes_of(s).map_or(0, |b| b.len());
    let mut i = 0;
    while i < n {
        // Re-read the (immutable, rooted) text after every lookup, which may run Python.
        let (c, len) = super::str_split::char_at(pystr::bytes_of(s).unwrap_or(&[]), i);
        i += len;
        let key = Value::small_int_unchecked(c as isize);
        let Some(v) = table_lookup(cx, table, key)? else {
            out.push_char(c);
            continue;
        };
        if v.is_none() {
            continue;
        }
        if let Some(t) = pystr::str_of(ops::instance_base(v).unwrap_or(v)) {
            out.push_str(t);
            continue;
        }
        if crate::vm::num::is_intlike(v) {
            let k = crate::vm::seq::int_arg(cx, v)?;
            match u32::try_from(k).ok().and_then(char::from_u32) {
                Some(ch) => out.push_char(ch),
                None => return Err(cx.value_error("character mapping must be in range(0x110000)")),
            }
            continue;
        }
        return Err(cx.type_error("character mapping must return integer, None or str"));
    }
    out.finish(cx)
}

fn translate(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = a[0];
    if !is_bytes(s) {
        if !kw.is_empty() || a.len() != 2 {
            return Err(cx.type_error("translate() takes exactly one argument"));
        }
        return str_translate(cx, s, a[1]);
    }
    let [s, table, delete] = args::parse(cx, a, kw, ["self", "table", "delete"], 3)?;
    let del: &[u8] = if delete.is_null() {
        &[]
    } else {
        arg_bytes(cx, s, delete)?
    };
    let map: Option<&[u8]> = if table.is_none() {
        None
    } else {
        let t = arg_bytes(cx, s, table)?;
        if t.len() != 256 {
            return Err(cx.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let mut out = StrBuilder::new(cx);
    for &b in self_bytes(s) {
        if del.contains(&b) {
            continue;
        }
        out.push_byte(map.map_or(b, |m| m[b as usize]));
    }
    finish_like(cx, out, s)
}

/// `str.maketrans(x[, y[, z]])`.
fn str_maketrans(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = dict::new(cx)?;
    let mark = cx.roots_mark();
    cx.root(d)?;
    if a.len() == 1 {
        let src = a[0];
        if obj::kind_of(src) != Kind::Dict {
            cx.roots_truncate(mark);
            return Err(
                cx.type_error("if you give only one argument to maketrans it must be a dict")
            );
        }
        let mut i = 0;
        while let Some((next, k, v)) = obj::table::next_entry(src, i) {
            i = next;
            let key = if let Some(t) = pystr::str_of(k) {
                let mut it = t.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Value::small_int_unchecked(c as isize),
                    _ => {
                        cx.roots_truncate(mark);
                        return Err(
                            cx.value_error("string keys in translate table must be of length 1")
                        );
                    }
                }
            } else if crate::vm::num::is_intlike(k) {
                k
            } else {
                cx.roots_truncate(mark);
                return Err(cx.type_error("keys in translate table must be strings or integers"));
            };
            dict::set(cx, d, key, v)?;
        }
        cx.roots_truncate(mark);
        return Ok(d);
    }
    let (Some(x), Some(y)) = (pystr::str_of(a[0]), pystr::str_of(a[1])) else {
        let bad = if pystr::str_of(a[0]).is_none() {
            a[0]
        } else {
            a[1]
        };
        cx.roots_truncate(mark);
        return Err(implicit_conversion_error(cx, bad, "str"));
    };
    if x.chars().count() != y.chars().count() {
        cx.roots_truncate(mark);
        return Err(cx.value_error("the first two maketrans arguments must have equal length"));
    }
    let n = x.chars().count();
    for k in 0..n {
        // Re-read the (immutable, rooted) arguments after each insertion.
        let cx_ = pystr::str_of(a[0])
            .unwrap_or("")
            .chars()
            .nth(k)
            .unwrap_or('\0');
        let cy = pystr::str_of(a[1])
            .unwrap_or("")
            .chars()
            .nth(k)
            .unwrap_or('\0');
        dict::set(
            cx,
            d,
            Value::small_int_unchecked(cx_ as isize),
            Value::small_int_unchecked(cy as isize),
        )?;
    }
    if let Some(&z) = a.get(2) {
        let Some(zs) = pystr::str_of(z) else {
            cx.roots_truncate(mark);
            return Err(implicit_conversion_error(cx, z, "str"));
        };
        let m = zs.chars().count();
        for k in 0..m {
            let c = pystr::str_of(z)
                .unwrap_or("")
                .chars()
                .nth(k)
                .unwrap_or('\0');
            dict::set(cx, d, Value::small_int_unchecked(c as isize), Value::NONE)?;
        }
    }
    cx.roots_truncate(mark);
    Ok(d)
}

/// `bytes.maketrans(frm, to)`.
fn bytes_maketrans(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let frm = super::bytes::buffer_bytes(cx, a[0])?;
    let (fp, fl) = (frm.as_ptr(), frm.len());
    let to = super::bytes::buffer_bytes(cx, a[1])?;
    if to.len() != fl {
        return Err(cx.value_error("maketrans arguments must have same length"));
    }
    let mut table = [0u8; 256];
    for (k, t) in table.iter_mut().enumerate() {
        *t = k as u8;
    }
    // SAFETY: frm is the buffer of a[0], an argument (rooted); nothing allocated since.
    let frm = unsafe { core::slice::from_raw_parts(fp, fl) };
    for (&f, &t) in frm.iter().zip(to) {
        table[f as usize] = t;
    }
    pystr::new_bytes(cx, &table)
}

native_fn!(pub(crate) S_ENCODE, q::encode, 1, 3, true, encode);
native_fn!(pub(crate) S_DECODE, q::decode, 1, 3, true, decode);
native_fn!(pub(crate) S_HEX, q::hex, 1, 3, true, hex);
native_fn!(pub(crate) S_FROMHEX, q::fromhex, 2, 2, false, fromhex);
native_fn!(pub(crate) S_TRANSLATE, q::translate, 2, 3, true, translate);
native_fn!(pub(crate) S_MAKETRANS, q::maketrans, 1, 3, false, str_maketrans);
native_fn!(pub(crate) B_MAKETRANS, q::maketrans, 2, 2, false, bytes_maketrans);
