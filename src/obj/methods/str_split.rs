//! str/bytes methods that cut and pad: strip, split, rsplit, splitlines, join, expandtabs,
//! center, ljust, rjust, zfill.
//!
//! Text is walked in "units": code points for str, bytes for bytes and bytearray. Whitespace
//! is Unicode whitespace for str (`str.isspace`) and ASCII whitespace for bytes.

use super::str::{arg_bytes, finish_like, is_bytes, new_sub, rfind_sub, self_bytes, utf8_len};
use crate::builtins::args;
use crate::native_fn;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, list, str as pystr, Kind};
use crate::qstrs::q;
use crate::unicode;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// ASCII whitespace as `bytes.isspace` sees it.
#[inline]
pub(crate) fn is_ascii_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The code point starting at byte `i` of UTF-8 text `h`, and its length.
#[inline]
pub(crate) fn char_at(h: &[u8], i: usize) -> (char, usize) {
    let b = h.get(i).copied().unwrap_or(0);
    if b < 0x80 {
        return (b as char, 1);
    }
    let n = utf8_len(b).min(h.len() - i);
    let c = core::str::from_utf8(&h[i..i + n])
        .ok()
        .and_then(|s| s.chars().next())
        .unwrap_or('\u{fffd}');
    (c, n)
}

/// The code point ending at byte `i` of UTF-8 text `h`, and its length.
#[inline]
pub(crate) fn char_before(h: &[u8], i: usize) -> (char, usize) {
    let mut st = i - 1;
    while st > 0 && (h[st] & 0xc0) == 0x80 {
        st -= 1;
    }
    let (c, _) = char_at(h, st);
    (c, i - st)
}

/// Whether the unit at byte `i` is whitespace, and its length.
#[inline]
fn ws_at(h: &[u8], i: usize, bytes: bool) -> (bool, usize) {
    if bytes {
        return (is_ascii_ws(h[i]), 1);
    }
    let (c, n) = char_at(h, i);
    (unicode::is_space(c), n)
}

/// Whether the unit ending at byte `i` is whitespace, and its length.
#[inline]
fn ws_before(h: &[u8], i: usize, bytes: bool) -> (bool, usize) {
    if bytes {
        return (is_ascii_ws(h[i - 1]), 1);
    }
    let (c, n) = char_before(h, i);
    (unicode::is_space(c), n)
}

fn strip_impl(cx: &mut Cx, args: &[Value], left: bool, right: bool) -> PyResult<Value> {
    let s = args[0];
    let bytes = is_bytes(s);
    let set: Option<&[u8]> = match args.get(1) {
        Some(v) if !v.is_none() => Some(arg_bytes(cx, s, *v)?),
        _ => None,
    };
    let h = self_bytes(s);
    let strip_unit = |i: usize, before: bool| -> (bool, usize) {
        match set {
            None if before => ws_before(h, i, bytes),
            None => ws_at(h, i, bytes),
            Some(cs) if bytes => {
                let c = if before { h[i - 1] } else { h[i] };
                (cs.contains(&c), 1)
            }
            Some(cs) => {
                let (c, n) = if before {
                    char_before(h, i)
                } else {
                    char_at(h, i)
                };
                let mut tmp = [0u8; 4];
                let enc = c.encode_utf8(&mut tmp).as_bytes();
                (cs.windows(enc.len()).any(|w| w == enc) && !cs.is_empty(), n)
            }
        }
    };
    let (mut lo, mut hi) = (0, h.len());
    while left && lo < hi {
        let (hit, n) = strip_unit(lo, false);
        if !hit {
            break;
        }
        lo += n;
    }
    while right && hi > lo {
        let (hit, n) = strip_unit(hi, true);
        if !hit {
            break;
        }
        hi -= n;
    }
    new_sub(cx, s, lo, hi)
}

fn strip(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    strip_impl(cx, a, true, true)
}
fn lstrip(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    strip_impl(cx, a, true, false)
}
fn rstrip(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    strip_impl(cx, a, false, true)
}

/// Byte ranges of the pieces of a split.
type Pieces = allocator_api2::vec::Vec<(usize, usize), crate::gc::heap::TempAlloc>;

fn push_piece(cx: &mut Cx, pieces: &mut Pieces, r: (usize, usize)) -> PyResult<()> {
    if pieces.try_reserve(1).is_err() {
        return Err(cx.raise_memory_error(16));
    }
    pieces.push(r);
    Ok(())
}

/// A list of `s`'s pieces.
fn pieces_to_list(cx: &mut Cx, s: Value, pieces: &Pieces) -> PyResult<Value> {
    let out = list::with_capacity(cx, pieces.len())?;
    let mark = cx.roots_mark();
    cx.root(out)?;
    for &(a, b) in pieces.iter() {
        let piece = new_sub(cx, s, a, b)?;
        list::append(cx, out, piece)?;
    }
    cx.roots_truncate(mark);
    Ok(out)
}

fn split_ws(
    cx: &mut Cx,
    h: &[u8],
    bytes: bool,
    maxsplit: isize,
    rev: bool,
    pieces: &mut Pieces,
) -> PyResult<()> {
    let mut splits = 0isize;
    if !rev {
        let mut i = 0;
        loop {
            while i < h.len() {
                let (ws, n) = ws_at(h, i, bytes);
                if !ws {
                    break;
                }
                i += n;
            }
            if i >= h.len() {
                break;
            }
            if maxsplit >= 0 && splits >= maxsplit {
                push_piece(cx, pieces, (i, h.len()))?;
                break;
            }
            let st = i;
            while i < h.len() {
                let (ws, n) = ws_at(h, i, bytes);
                if ws {
                    break;
                }
                i += n;
            }
            push_piece(cx, pieces, (st, i))?;
            splits += 1;
        }
    } else {
        let mut i = h.len();
        loop {
            while i > 0 {
                let (ws, n) = ws_before(h, i, bytes);
                if !ws {
                    break;
                }
                i -= n;
            }
            if i == 0 {
                break;
            }
            if maxsplit >= 0 && splits >= maxsplit {
                push_piece(cx, pieces, (0, i))?;
                break;
            }
            let e = i;
            while i > 0 {
                let (ws, n) = ws_before(h, i, bytes);
                if ws {
                    break;
                }
                i -= n;
            }
            push_piece(cx, pieces, (i, e))?;
            splits += 1;
        }
        pieces.reverse();
    }
    Ok(())
}

fn split_impl(cx: &mut Cx, args: &[Value], kw: &[Value], rev: bool) -> PyResult<Value> {
    let [s, sep, maxsplit] =
        args::parse_mp_positional(cx, args, kw, ["self", "sep", "maxsplit"], 3)?;
    let maxsplit = if maxsplit.is_null() {
        -1
    } else {
        crate::vm::seq::int_arg(cx, maxsplit)?
    };
    let mut pieces: Pieces = allocator_api2::vec::Vec::new_in(cx.temp_alloc());
    let bytes = is_bytes(s);
    if sep.is_null() || sep.is_none() {
        split_ws(cx, self_bytes(s), bytes, maxsplit, rev, &mut pieces)?;
    } else {
        let sb = arg_bytes(cx, s, sep)?;
        if sb.is_empty() {
            return Err(cx.value_error("empty separator"));
        }
        let h = self_bytes(s);
        let mut splits = 0isize;
        if !rev {
            let mut i = 0;
            while maxsplit < 0 || splits < maxsplit {
                match super::str::find_sub(h, sb, i) {
                    Some(p) => {
                        push_piece(cx, &mut pieces, (i, p))?;
                        i = p + sb.len();
                        splits += 1;
                    }
                    None => break,
                }
            }
            push_piece(cx, &mut pieces, (i, h.len()))?;
        } else {
            let mut e = h.len();
            while maxsplit < 0 || splits < maxsplit {
                match rfind_sub(h, sb, 0, e) {
                    Some(p) => {
                        push_piece(cx, &mut pieces, (p + sb.len(), e))?;
                        e = p;
                        splits += 1;
                    }
                    None => break,
                }
            }
            push_piece(cx, &mut pieces, (0, e))?;
            pieces.reverse();
        }
    }
    pieces_to_list(cx, s, &pieces)
}

fn split(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    split_impl(cx, a, k, false)
}
fn rsplit(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    split_impl(cx, a, k, true)
}

/// Whether the unit at byte `i` ends a line, and its length.
fn line_break_at(h: &[u8], i: usize, bytes: bool) -> (bool, usize) {
    let b = h[i];
    if b < 0x80 || bytes {
        return (
            matches!(b, b'\n' | b'\r') || (!bytes && matches!(b, 0x0b | 0x0c | 0x1c..=0x1e)),
            1,
        );
    }
    let (c, n) = char_at(h, i);
    (matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}'), n)
}

fn splitlines(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, keep] = args::parse(cx, a, kw, ["self", "keepends"], 2)?;
    let keep = !keep.is_null() && ops::truthy(cx, keep)?;
    let bytes = is_bytes(s);
    let h = self_bytes(s);
    let mut pieces: Pieces = allocator_api2::vec::Vec::new_in(cx.temp_alloc());
    let (mut i, mut st) = (0, 0);
    while i < h.len() {
        let (brk, n) = line_break_at(h, i, bytes);
        let eol = i;
        i += n;
        if brk {
            if h[eol] == b'\r' && h.get(i) == Some(&b'\n') {
                i += 1;
            }
            push_piece(cx, &mut pieces, (st, if keep { i } else { eol }))?;
            st = i;
        }
    }
    if st < h.len() {
        push_piece(cx, &mut pieces, (st, h.len()))?;
    }
    pieces_to_list(cx, s, &pieces)
}

fn join(cx: &mut Cx, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = args[0];
    let bytes = is_bytes(s);
    let mark = cx.roots_mark();
    let items = crate::vm::seq::seq_or_collect(cx, args[1])?;
    let n = ops::seq_items(items).len();
    let mut out = StrBuilder::new(cx);
    for i in 0..n {
        let Some(&v) = ops::seq_items(items).get(i) else {
            break;
        };
        let v = ops::instance_base(v).unwrap_or(v);
        let ok = if bytes {
            matches!(
                obj::kind_of(v),
                Kind::Bytes | Kind::ByteArray | Kind::MemoryView
            )
        } else {
            obj::kind_of(v) == Kind::Str
        };
        if !ok || !v.is_ptr() {
            cx.roots_truncate(mark);
            return Err(cx.type_error(
                "join expects a list of str/bytes objects consistent with self object",
            ));
        }
        if i > 0 {
            out.push(self_bytes(s));
        }
        if bytes {
            let b = super::bytes::buffer_bytes(cx, v)?;
            out.push(b);
        } else {
            out.push(pystr::bytes_of(v).unwrap_or(&[]));
        }
    }
    cx.roots_truncate(mark);
    finish_like(cx, out, s)
}

fn expandtabs(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, tabsize] = args::parse(cx, a, kw, ["self", "tabsize"], 2)?;
    let tabsize = if tabsize.is_null() {
        8
    } else {
        crate::vm::seq::int_arg(cx, tabsize)?
    };
    let bytes = is_bytes(s);
    let h = self_bytes(s);
    let mut out = StrBuilder::new(cx);
    let mut col: usize = 0;
    let mut i = 0;
    while i < h.len() {
        let n = if bytes {
            1
        } else {
            utf8_len(h[i]).min(h.len() - i)
        };
        match h[i] {
            b'\t' => {
                if tabsize > 0 {
                    let k = tabsize as usize - col % tabsize as usize;
                    out.push_repeat(b" ", k);
                    if out.failed {
                        break;
                    }
                    col += k;
                }
            }
            b'\n' | b'\r' => {
                out.push_byte(h[i]);
                col = 0;
            }
            _ => {
                out.push(&h[i..i + n]);
                col += 1;
            }
        }
        i += n;
    }
    finish_like(cx, out, s)
}

/// The fill character argument of center/ljust/rjust, as bytes.
fn fill_arg(cx: &mut Cx, s: Value, v: Option<&Value>, buf: &mut [u8; 4]) -> PyResult<usize> {
    let Some(&v) = v else {
        buf[0] = b' ';
        return Ok(1);
    };
    if is_bytes(s) {
        if let Some(b) = pystr::bytes_of(v)
            .filter(|_| matches!(obj::kind_of(v), Kind::Bytes))
            .or_else(|| obj::get::<crate::obj::bytes::ByteArrayObj>(cx, v).map(|b| b.as_bytes()))
        {
            if b.len() == 1 {
                buf[0] = b[0];
                return Ok(1);
            }
        }
        let tn = ops::alloc_free_name(cx.type_name(v));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("argument 2 must be a byte string of length 1, not {tn}"),
        ));
    }
    let Some(t) = pystr::str_of(ops::instance_base(v).unwrap_or(v)) else {
        let tn = ops::alloc_free_name(cx.type_name(v));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("The fill character must be a unicode character, not {tn}"),
        ));
    };
    let mut it = t.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c.encode_utf8(buf).len()),
        _ => Err(cx.type_error("The fill character must be exactly one character long")),
    }
}

/// Length of `s` in units (chars for str).
fn unit_len(s: Value) -> usize {
    super::str::unit_len(s).0
}

/// Pad `s` to `width` units with `left` fills before and the rest after.
fn pad_with(
    cx: &mut Cx,
    s: Value,
    width: isize,
    fill: &[u8],
    left_of: fn(usize, usize) -> usize,
) -> PyResult<Value> {
    let n = unit_len(s);
    if width <= n as isize {
        let len = self_bytes(s).len();
        return new_sub(cx, s, 0, len);
    }
    let pad = width as usize - n;
    let left = left_of(pad, width as usize);
    let mut out = StrBuilder::new(cx);
    out.push_repeat(fill, left);
    out.push(self_bytes(s));
    out.push_repeat(fill, pad - left);
    finish_like(cx, out, s)
}

fn justify(cx: &mut Cx, a: &[Value], left_of: fn(usize, usize) -> usize) -> PyResult<Value> {
    let width = crate::vm::seq::int_arg(cx, a[1])?;
    let mut buf = [0u8; 4];
    let n = fill_arg(cx, a[0], a.get(2), &mut buf)?;
    pad_with(cx, a[0], width, &buf[..n], left_of)
}

fn center(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    // MicroPython's center takes exactly the width (CPython also a fill character): its
    // message for a missing width.
    if a.len() < 2 {
        let n = a.len();
        return Err(cx.raise_fmt(
            &crate::obj::types::TYPE_ERROR_TYPE,
            format_args!("function takes 2 positional arguments but {n} were given"),
        ));
    }
    // CPython puts the odd fill on the left when the width is odd.
    justify(cx, a, |pad, width| pad / 2 + (pad & width & 1))
}
fn ljust(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    justify(cx, a, |_, _| 0)
}
fn rjust(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    justify(cx, a, |pad, _| pad)
}

fn zfill(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = a[0];
    let width = crate::vm::seq::int_arg(cx, a[1])?;
    let n = unit_len(s);
    let h = self_bytes(s);
    if width <= n as isize {
        return new_sub(cx, s, 0, h.len());
    }
    let pad = width as usize - n;
    let mut out = StrBuilder::new(cx);
    let signed = matches!(h.first(), Some(b'+' | b'-'));
    if signed {
        out.push_byte(h[0]);
    }
    out.push_repeat(b"0", pad);
    out.push(&h[signed as usize..]);
    finish_like(cx, out, s)
}

native_fn!(pub(crate) S_STRIP, q::strip, 1, 2, false, strip);
native_fn!(pub(crate) S_LSTRIP, q::lstrip, 1, 2, false, lstrip);
native_fn!(pub(crate) S_RSTRIP, q::rstrip, 1, 2, false, rstrip);
native_fn!(pub(crate) S_SPLIT, q::split, 1, 3, true, split);
native_fn!(pub(crate) S_RSPLIT, q::rsplit, 1, 3, true, rsplit);
native_fn!(pub(crate) S_SPLITLINES, q::splitlines, 1, 2, true, splitlines);
native_fn!(pub(crate) S_JOIN, q::join, 2, 2, false, join);
native_fn!(pub(crate) S_EXPANDTABS, q::expandtabs, 1, 2, true, expandtabs);
native_fn!(pub(crate) S_CENTER, q::center, 1, 3, false, center);
native_fn!(pub(crate) S_LJUST, q::ljust, 2, 3, false, ljust);
native_fn!(pub(crate) S_RJUST, q::rjust, 2, 3, false, rjust);
native_fn!(pub(crate) S_ZFILL, q::zfill, 2, 2, false, zfill);
