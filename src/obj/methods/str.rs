//! Methods of `str` and `bytes` (which share a layout), and their operators.

use crate::native_fn;
use crate::obj::str::{char_count, char_to_byte, StrBuilder, StrObj};
use crate::obj::types::*;
use crate::obj::{self, list, str as pystr, tuple, Attr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// Whether a value is a `bytes` (not str).
#[inline]
fn is_bytes(v: Value) -> bool {
    obj::kind_of(v) == Kind::Bytes
}

/// A new str or bytes (same kind as `like`).
pub fn new_like(cx: &mut Cx, like: Value, b: &[u8]) -> PyResult<Value> {
    if is_bytes(like) {
        pystr::new_bytes(cx, b)
    } else {
        pystr::new_str(cx, b)
    }
}

/// A one-character str (interned for ASCII, as MicroPython does).
pub fn char_str(cx: &mut Cx, ch: &[u8]) -> PyResult<Value> {
    if ch.len() == 1 && ch[0] < 0x80 {
        return pystr::intern(cx, ch);
    }
    pystr::new_str(cx, ch)
}

/// `a + b` for two strs or two bytes.
pub fn concat(cx: &mut Cx, a: Value, b: Value) -> PyResult<Value> {
    let (x, y) = (
        pystr::bytes_of(a).unwrap_or(&[]),
        pystr::bytes_of(b).unwrap_or(&[]),
    );
    let mut s = StrBuilder::new(cx);
    s.push(x);
    s.push(y);
    if is_bytes(a) {
        s.finish_bytes(cx)
    } else {
        s.finish(cx)
    }
}

/// `s * n`.
pub fn repeat(cx: &mut Cx, a: Value, n: usize) -> PyResult<Value> {
    let x = pystr::bytes_of(a).unwrap_or(&[]);
    let total = x.len().saturating_mul(n);
    if total > cx.heap().n_blocks() * crate::gc::heap::BLOCK {
        return Err(cx.raise_memory_error(total));
    }
    let mut s = StrBuilder::new(cx);
    for _ in 0..n {
        s.push(x);
    }
    if is_bytes(a) {
        s.finish_bytes(cx)
    } else {
        s.finish(cx)
    }
}

/// `s[i]` and `s[a:b:c]`.
pub fn subscr(cx: &mut Cx, s: Value, i: Value) -> PyResult<Value> {
    let bytes_kind = is_bytes(s);
    // SAFETY: callers pass str/bytes values.
    let so = unsafe { &*(s.raw() as *const StrObj) };
    let ascii = bytes_kind || so.is_ascii();
    let n = so.char_len as usize;
    if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let (start, _, step, count) = crate::vm::seq::slice_indices(cx, i, n)?;
        let mut out = StrBuilder::new(cx);
        let b = pystr::bytes_of(s).unwrap_or(&[]);
        if ascii {
            for k in 0..count {
                out.push_byte(b[(start + k as isize * step) as usize]);
            }
        } else if step == 1 {
            let lo = char_to_byte(b, false, start as usize);
            let hi = char_to_byte(b, false, start as usize + count);
            out.push(&b[lo..hi]);
        } else {
            let text = pystr::str_of(s).unwrap_or("");
            let chars: allocator_api2::vec::Vec<char, _> = {
                let mut v = allocator_api2::vec::Vec::new_in(cx.temp_alloc());
                if v.try_reserve(n).is_err() {
                    return Err(cx.raise_memory_error(n * 4));
                }
                v.extend(text.chars());
                v
            };
            for k in 0..count {
                out.push_char(chars[(start + k as isize * step) as usize]);
            }
        }
        return if bytes_kind {
            out.finish_bytes(cx)
        } else {
            out.finish(cx)
        };
    }
    let what = if bytes_kind { "bytes" } else { "string" };
    let idx = crate::vm::seq::index_value(cx, i, if bytes_kind { "bytes" } else { "string" })?;
    let Some(j) = crate::vm::seq::norm_index(idx, n) else {
        if bytes_kind {
            return Err(cx.index_error(crate::flavour::msg::BYTES_INDEX));
        }
        return Err(cx.raise_fmt(&INDEX_ERROR_TYPE, format_args!("{what} index out of range")));
    };
    let b = pystr::bytes_of(s).unwrap_or(&[]);
    if bytes_kind {
        return Ok(Value::small_int_unchecked(b[j] as isize));
    }
    let lo = char_to_byte(b, ascii, j);
    let mut hi = lo + 1;
    while hi < b.len() && (b[hi] & 0xc0) == 0x80 {
        hi += 1;
    }
    let (p, len) = (b[lo..hi].as_ptr(), hi - lo);
    // SAFETY: the slice lies in s, which the caller holds.
    char_str(cx, unsafe { core::slice::from_raw_parts(p, len) })
}

/// The str/bytes bytes of `args[k]`, checking the kind matches `self`.
fn arg_bytes<'a>(cx: &mut Cx, this: Value, v: Value) -> PyResult<&'a [u8]> {
    if obj::kind_of(v) == obj::kind_of(this) && v.is_ptr() {
        return Ok(pystr::bytes_of(v).unwrap_or(&[]));
    }
    if is_bytes(this) {
        if let Ok(b) = super::bytes::buffer_bytes(cx, v) {
            return Ok(b);
        }
        cx.exc = Value::NULL;
    }
    let tn = ops::alloc_free_name(cx.type_name(v));
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("can't convert '{tn}' object to str implicitly"),
    ))
}

fn find_sub(h: &[u8], n: &[u8], from: usize) -> Option<usize> {
    if n.is_empty() {
        return if from <= h.len() { Some(from) } else { None };
    }
    if n.len() > h.len() {
        return None;
    }
    (from..=h.len() - n.len()).find(|&i| &h[i..i + n.len()] == n)
}

fn rfind_sub(h: &[u8], n: &[u8], from: usize, to: usize) -> Option<usize> {
    if n.len() > to.saturating_sub(from) {
        return None;
    }
    (from..=to - n.len())
        .rev()
        .find(|&i| &h[i..i + n.len()] == n)
}

/// Byte range of `[start:end]` (char indices) for find/count/startswith.
fn range_args(cx: &mut Cx, s: Value, args: &[Value]) -> PyResult<(usize, usize)> {
    // SAFETY: str/bytes value.
    let so = unsafe { &*(s.raw() as *const StrObj) };
    let n = so.char_len as isize;
    let ascii = is_bytes(s) || so.is_ascii();
    let clamp = |i: isize| -> isize {
        let i = if i < 0 { (i + n).max(0) } else { i };
        i.min(n)
    };
    let start = match args.first() {
        Some(v) if !v.is_none() => clamp(crate::vm::seq::int_arg(cx, *v)?),
        _ => 0,
    };
    let end = match args.get(1) {
        Some(v) if !v.is_none() => clamp(crate::vm::seq::int_arg(cx, *v)?),
        _ => n,
    };
    let b = pystr::bytes_of(s).unwrap_or(&[]);
    let (bs, be) = (
        char_to_byte(b, ascii, start as usize),
        char_to_byte(b, ascii, end.max(start) as usize),
    );
    Ok((bs, be))
}

fn byte_to_char(s: Value, off: usize) -> usize {
    let b = pystr::bytes_of(s).unwrap_or(&[]);
    if is_bytes(s) {
        off
    } else {
        char_count(&b[..off.min(b.len())])
    }
}

fn find_impl(cx: &mut Cx, args: &[Value], rev: bool, raise: bool) -> PyResult<Value> {
    let s = args[0];
    let needle = arg_bytes(cx, s, args[1])?;
    let (bs, be) = range_args(cx, s, &args[2..])?;
    let h = pystr::bytes_of(s).unwrap_or(&[]);
    let hit = if be < bs {
        None
    } else if rev {
        rfind_sub(h, needle, bs, be)
    } else {
        find_sub(&h[..be], needle, bs)
    };
    match hit {
        Some(i) => Ok(Value::small_int_unchecked(byte_to_char(s, i) as isize)),
        None if raise => Err(cx.value_error("substring not found")),
        None => Ok(Value::small_int_unchecked(-1)),
    }
}

fn find(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    find_impl(cx, a, false, false)
}
fn rfind(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    find_impl(cx, a, true, false)
}
fn index(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    find_impl(cx, a, false, true)
}
fn rindex(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    find_impl(cx, a, true, true)
}

fn count(cx: &mut Cx, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = args[0];
    let needle = arg_bytes(cx, s, args[1])?;
    let (bs, be) = range_args(cx, s, &args[2..])?;
    let h = pystr::bytes_of(s).unwrap_or(&[]);
    if be < bs {
        return Ok(Value::small_int_unchecked(0));
    }
    let h = &h[..be];
    if needle.is_empty() {
        let n = byte_to_char(s, be) - byte_to_char(s, bs) + 1;
        return Ok(Value::small_int_unchecked(n as isize));
    }
    let mut n = 0;
    let mut i = bs;
    while let Some(p) = find_sub(h, needle, i) {
        n += 1;
        i = p + needle.len();
    }
    Ok(Value::small_int_unchecked(n))
}

fn starts_ends(cx: &mut Cx, args: &[Value], ends: bool) -> PyResult<Value> {
    let s = args[0];
    let (bs, be) = range_args(cx, s, &args[2..])?;
    let h = pystr::bytes_of(s).unwrap_or(&[]);
    let h = if be >= bs { &h[bs..be] } else { &h[0..0] };
    let test = |p: &[u8]| {
        if ends {
            h.ends_with(p)
        } else {
            h.starts_with(p)
        }
    };
    if let Some(items) = tuple::items_of(args[1]) {
        for &p in items {
            let pb = arg_bytes(cx, s, p)?;
            if test(pb) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    let p = arg_bytes(cx, s, args[1])?;
    Ok(Value::bool(test(p)))
}

fn startswith(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    starts_ends(cx, a, false)
}
fn endswith(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    starts_ends(cx, a, true)
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn strip_impl(cx: &mut Cx, args: &[Value], left: bool, right: bool) -> PyResult<Value> {
    let s = args[0];
    let b = pystr::bytes_of(s).unwrap_or(&[]);
    let chars: Option<&[u8]> = match args.get(1) {
        Some(v) if !v.is_none() => Some(arg_bytes(cx, s, *v)?),
        _ => None,
    };
    let (mut lo, mut hi) = (0, b.len());
    if let Some(cs) = chars {
        if cs.is_ascii() || is_bytes(s) {
            while left && lo < hi && cs.contains(&b[lo]) {
                lo += 1;
            }
            while right && hi > lo && cs.contains(&b[hi - 1]) {
                hi -= 1;
            }
        } else {
            let text = pystr::str_of(s).unwrap_or("");
            let set = core::str::from_utf8(cs).unwrap_or("");
            let t = match (left, right) {
                (true, true) => text.trim_matches(|c| set.contains(c)),
                (true, false) => text.trim_start_matches(|c| set.contains(c)),
                _ => text.trim_end_matches(|c| set.contains(c)),
            };
            lo = t.as_ptr() as usize - text.as_ptr() as usize;
            hi = lo + t.len();
        }
    } else {
        while left && lo < hi && is_ws(b[lo]) {
            lo += 1;
        }
        while right && hi > lo && is_ws(b[hi - 1]) {
            hi -= 1;
        }
    }
    if lo == 0 && hi == b.len() {
        return Ok(s);
    }
    let (p, n) = (b[lo..hi].as_ptr(), hi - lo);
    // SAFETY: a sub-slice of s, which the caller holds.
    new_like(cx, s, unsafe { core::slice::from_raw_parts(p, n) })
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

fn split_impl(cx: &mut Cx, args: &[Value], kw: &[Value], rev: bool) -> PyResult<Value> {
    let [s, sep, maxsplit] =
        crate::builtins::args::parse_mp_positional(cx, args, kw, ["self", "sep", "maxsplit"], 3)?;
    let maxsplit = if maxsplit.is_null() {
        -1
    } else {
        crate::vm::seq::int_arg(cx, maxsplit)?
    };
    let out = list::with_capacity(cx, 0)?;
    let mark = cx.roots_mark();
    cx.root(out)?;
    let h = pystr::bytes_of(s).unwrap_or(&[]);
    let mut pieces: allocator_api2::vec::Vec<(usize, usize), _> =
        allocator_api2::vec::Vec::new_in(cx.temp_alloc());
    let mut splits = 0isize;
    if sep.is_null() || sep.is_none() {
        // Runs of whitespace.
        if !rev {
            let mut i = 0;
            loop {
                while i < h.len() && is_ws(h[i]) {
                    i += 1;
                }
                if i >= h.len() {
                    break;
                }
                if maxsplit >= 0 && splits >= maxsplit {
                    let mut e = h.len();
                    while e > i && is_ws(h[e - 1]) {
                        e -= 1;
                    }
                    pieces.push((i, e));
                    break;
                }
                let st = i;
                while i < h.len() && !is_ws(h[i]) {
                    i += 1;
                }
                pieces.push((st, i));
                splits += 1;
            }
        } else {
            let mut i = h.len();
            loop {
                while i > 0 && is_ws(h[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if maxsplit >= 0 && splits >= maxsplit {
                    let mut st = 0;
                    while st < i && is_ws(h[st]) {
                        st += 1;
                    }
                    pieces.push((st, i));
                    break;
                }
                let e = i;
                while i > 0 && !is_ws(h[i - 1]) {
                    i -= 1;
                }
                pieces.push((i, e));
                splits += 1;
            }
            pieces.reverse();
        }
    } else {
        let sb = arg_bytes(cx, s, sep)?;
        if sb.is_empty() {
            cx.roots_truncate(mark);
            return Err(cx.value_error("empty separator"));
        }
        if !rev {
            let mut i = 0;
            while maxsplit < 0 || splits < maxsplit {
                match find_sub(h, sb, i) {
                    Some(p) => {
                        pieces.push((i, p));
                        i = p + sb.len();
                        splits += 1;
                    }
                    None => break,
                }
            }
            pieces.push((i, h.len()));
        } else {
            let mut e = h.len();
            while maxsplit < 0 || splits < maxsplit {
                match rfind_sub(h, sb, 0, e) {
                    Some(p) => {
                        pieces.push((p + sb.len(), e));
                        e = p;
                        splits += 1;
                    }
                    None => break,
                }
            }
            pieces.push((0, e));
            pieces.reverse();
        }
    }
    for &(a, b) in pieces.iter() {
        let h = pystr::bytes_of(s).unwrap_or(&[]);
        let (p, n) = (h[a..b].as_ptr(), b - a);
        // SAFETY: a sub-slice of s (held by the caller).
        let piece = new_like(cx, s, unsafe { core::slice::from_raw_parts(p, n) })?;
        list::append(cx, out, piece)?;
    }
    cx.roots_truncate(mark);
    Ok(out)
}

fn split(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    split_impl(cx, a, k, false)
}
fn rsplit(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    split_impl(cx, a, k, true)
}

fn join(cx: &mut Cx, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = args[0];
    let mark = cx.roots_mark();
    let items = crate::vm::seq::seq_or_collect(cx, args[1])?;
    let n = ops::seq_items(items).len();
    let mut out = StrBuilder::new(cx);
    for i in 0..n {
        let v = ops::seq_items(items)[i];
        if i > 0 {
            out.push(pystr::bytes_of(s).unwrap_or(&[]));
        }
        if obj::kind_of(v) != obj::kind_of(s) || !v.is_ptr() {
            cx.roots_truncate(mark);
            if is_bytes(s) {
                return Err(cx.type_error("join expects bytes"));
            }
            let tn = ops::alloc_free_name(cx.type_name(v));
            return Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("join expected str, got {tn}"),
            ));
        }
        out.push(pystr::bytes_of(v).unwrap_or(&[]));
    }
    cx.roots_truncate(mark);
    if is_bytes(s) {
        out.finish_bytes(cx)
    } else {
        out.finish(cx)
    }
}

fn replace(cx: &mut Cx, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = args[0];
    let old = arg_bytes(cx, s, args[1])?;
    let new = arg_bytes(cx, s, args[2])?;
    let max = match args.get(3) {
        Some(v) => crate::vm::seq::int_arg(cx, *v)?,
        None => -1,
    };
    let h = pystr::bytes_of(s).unwrap_or(&[]);
    let mut out = StrBuilder::new(cx);
    let mut i = 0;
    let mut n = 0;
    if old.is_empty() {
        // Insert between every character.
        let text_chars: &[u8] = h;
        let mut k = 0;
        while k <= text_chars.len() {
            if max < 0 || n < max {
                out.push(new);
                n += 1;
            }
            if k == text_chars.len() {
                break;
            }
            let mut e = k + 1;
            while !is_bytes(s) && e < h.len() && (h[e] & 0xc0) == 0x80 {
                e += 1;
            }
            out.push(&h[k..e]);
            k = e;
        }
    } else {
        while max < 0 || n < max {
            match find_sub(h, old, i) {
                Some(p) => {
                    out.push(&h[i..p]);
                    out.push(new);
                    i = p + old.len();
                    n += 1;
                }
                None => break,
            }
        }
        out.push(&h[i..]);
    }
    if is_bytes(s) {
        out.finish_bytes(cx)
    } else {
        out.finish(cx)
    }
}

fn map_chars(cx: &mut Cx, s: Value, f: fn(char) -> MapOut) -> PyResult<Value> {
    let mut out = StrBuilder::new(cx);
    if is_bytes(s) {
        for &c in pystr::bytes_of(s).unwrap_or(&[]) {
            match f(c as char) {
                MapOut::One(d) => out.push_byte(d as u8),
                _ => out.push_byte(c),
            }
        }
        return out.finish_bytes(cx);
    }
    for c in pystr::str_of(s).unwrap_or("").chars() {
        match f(c) {
            MapOut::One(d) => out.push_char(d),
            MapOut::Many(it) => {
                for d in it {
                    out.push_char(d);
                }
            }
        }
    }
    out.finish(cx)
}

enum MapOut {
    One(char),
    Many(core::char::ToUppercase),
}

fn upper(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if is_bytes(a[0]) {
        return map_chars(cx, a[0], |c| MapOut::One(c.to_ascii_uppercase()));
    }
    map_chars(cx, a[0], |c| {
        if c.is_ascii() {
            MapOut::One(c.to_ascii_uppercase())
        } else {
            MapOut::Many(c.to_uppercase())
        }
    })
}

fn lower(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = a[0];
    if is_bytes(s) {
        return map_chars(cx, s, |c| MapOut::One(c.to_ascii_lowercase()));
    }
    let mut out = StrBuilder::new(cx);
    for c in pystr::str_of(s).unwrap_or("").chars() {
        for d in c.to_lowercase() {
            out.push_char(d);
        }
    }
    out.finish(cx)
}

fn class_test(s: Value, f: fn(char) -> bool) -> Value {
    let t = pystr::bytes_of(s).unwrap_or(&[]);
    if t.is_empty() {
        return Value::FALSE;
    }
    if is_bytes(s) {
        return Value::bool(t.iter().all(|&c| f(c as char)));
    }
    Value::bool(pystr::str_of(s).unwrap_or("").chars().all(f))
}

fn isdigit(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(class_test(a[0], |c| {
        c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())
    }))
}
fn isalpha(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(class_test(a[0], char::is_alphabetic))
}
fn isalnum(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(class_test(a[0], char::is_alphanumeric))
}
fn isspace(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(class_test(a[0], char::is_whitespace))
}
fn isupper(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = a[0];
    let t = pystr::str_of(s)
        .or_else(|| pystr::bytes_of(s).and_then(|b| core::str::from_utf8(b).ok()))
        .unwrap_or("");
    let cased = t.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    Ok(Value::bool(cased && !t.chars().any(char::is_lowercase)))
}
fn islower(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = a[0];
    let t = pystr::str_of(s)
        .or_else(|| pystr::bytes_of(s).and_then(|b| core::str::from_utf8(b).ok()))
        .unwrap_or("");
    let cased = t.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    Ok(Value::bool(cased && !t.chars().any(char::is_uppercase)))
}

fn encode(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let b = pystr::bytes_of(a[0]).unwrap_or(&[]);
    pystr::new_bytes(cx, b)
}

fn decode(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let b = pystr::bytes_of(a[0]).unwrap_or(&[]);
    if core::str::from_utf8(b).is_err() {
        return Err(cx.raise_empty(&UNICODE_ERROR_TYPE));
    }
    pystr::new_str(cx, b)
}

fn format(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    super::format::str_format(cx, a[0], &a[1..], k)
}

fn str_mod(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    super::format::percent_format(cx, a[0], a[1])
}

native_fn!(S_FIND, q::find, 2, 4, false, find);
native_fn!(S_RFIND, q::rfind, 2, 4, false, rfind);
native_fn!(S_INDEX, q::index, 2, 4, false, index);
native_fn!(S_RINDEX, q::rindex, 2, 4, false, rindex);
native_fn!(S_COUNT, q::count, 2, 4, false, count);
native_fn!(S_STARTSWITH, q::startswith, 2, 4, false, startswith);
native_fn!(S_ENDSWITH, q::endswith, 2, 4, false, endswith);
native_fn!(S_STRIP, q::strip, 1, 2, false, strip);
native_fn!(S_LSTRIP, q::lstrip, 1, 2, false, lstrip);
native_fn!(S_RSTRIP, q::rstrip, 1, 2, false, rstrip);
native_fn!(S_SPLIT, q::split, 1, 3, true, split);
native_fn!(S_RSPLIT, q::rsplit, 1, 3, true, rsplit);
native_fn!(S_JOIN, q::join, 2, 2, false, join);
native_fn!(S_REPLACE, q::replace, 3, 4, false, replace);
native_fn!(S_UPPER, q::upper, 1, 1, false, upper);
native_fn!(S_LOWER, q::lower, 1, 1, false, lower);
native_fn!(S_ISDIGIT, q::isdigit, 1, 1, false, isdigit);
native_fn!(S_ISALPHA, q::isalpha, 1, 1, false, isalpha);
native_fn!(S_ISALNUM, q::isalnum, 1, 1, false, isalnum);
native_fn!(S_ISSPACE, q::isspace, 1, 1, false, isspace);
native_fn!(S_ISUPPER, q::isupper, 1, 1, false, isupper);
native_fn!(S_ISLOWER, q::islower, 1, 1, false, islower);
native_fn!(S_ENCODE, q::encode, 1, 3, false, encode);
native_fn!(S_DECODE, q::decode, 1, 3, false, decode);
native_fn!(
    S_FORMAT,
    q::format,
    1,
    crate::obj::func::VARARGS,
    true,
    format
);
native_fn!(S_MOD, q::__mod__, 2, 2, false, str_mod);

/// `str`'s attributes.
pub const STR_ATTRS: &[Attr] = &[
    crate::method!(q::find, S_FIND),
    crate::method!(q::rfind, S_RFIND),
    crate::method!(q::index, S_INDEX),
    crate::method!(q::rindex, S_RINDEX),
    crate::method!(q::count, S_COUNT),
    crate::method!(q::startswith, S_STARTSWITH),
    crate::method!(q::endswith, S_ENDSWITH),
    crate::method!(q::strip, S_STRIP),
    crate::method!(q::lstrip, S_LSTRIP),
    crate::method!(q::rstrip, S_RSTRIP),
    crate::method!(q::split, S_SPLIT),
    crate::method!(q::rsplit, S_RSPLIT),
    crate::method!(q::join, S_JOIN),
    crate::method!(q::replace, S_REPLACE),
    crate::method!(q::upper, S_UPPER),
    crate::method!(q::lower, S_LOWER),
    crate::method!(q::isdigit, S_ISDIGIT),
    crate::method!(q::isalpha, S_ISALPHA),
    crate::method!(q::isalnum, S_ISALNUM),
    crate::method!(q::isspace, S_ISSPACE),
    crate::method!(q::isupper, S_ISUPPER),
    crate::method!(q::islower, S_ISLOWER),
    crate::method!(q::encode, S_ENCODE),
    crate::method!(q::format, S_FORMAT),
    crate::method!(q::__mod__, S_MOD),
];

/// `bytes`' attributes.
pub const BYTES_ATTRS: &[Attr] = &[
    crate::method!(q::find, S_FIND),
    crate::method!(q::rfind, S_RFIND),
    crate::method!(q::index, S_INDEX),
    crate::method!(q::rindex, S_RINDEX),
    crate::method!(q::count, S_COUNT),
    crate::method!(q::startswith, S_STARTSWITH),
    crate::method!(q::endswith, S_ENDSWITH),
    crate::method!(q::strip, S_STRIP),
    crate::method!(q::lstrip, S_LSTRIP),
    crate::method!(q::rstrip, S_RSTRIP),
    crate::method!(q::split, S_SPLIT),
    crate::method!(q::rsplit, S_RSPLIT),
    crate::method!(q::join, S_JOIN),
    crate::method!(q::replace, S_REPLACE),
    crate::method!(q::upper, S_UPPER),
    crate::method!(q::lower, S_LOWER),
    crate::method!(q::isdigit, S_ISDIGIT),
    crate::method!(q::isalpha, S_ISALPHA),
    crate::method!(q::isspace, S_ISSPACE),
    crate::method!(q::decode, S_DECODE),
];

#[allow(dead_code)]
fn _t(_: &tuple::TupleObj) {}
