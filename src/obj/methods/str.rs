//! Methods of `str`, `bytes` and `bytearray` (the str-like methods they share), and the str
//! operators: the common layer, subscription, searching, and the attribute tables.
//!
//! The method bodies are split by family: `str_split.rs` (strip, split, join, lines, padding),
//! `str_case.rs` (case mappings and `is*` predicates), `codec.rs` (encode/decode, hex,
//! translate). Every method works on the bytes of `self` and returns a value of `self`'s
//! type: str methods on code points, bytes and bytearray methods on bytes (ASCII rules).

use crate::native_fn;
use crate::obj::bytes::ByteArrayObj;
use crate::obj::str::{char_count, char_to_byte, StrBuilder, StrObj};
use crate::obj::types::*;
use crate::obj::{self, str as pystr, tuple, Attr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

use super::{codec, str_case as case, str_split as split};

/// What kind of text a str-like method works on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TextKind {
    /// `str`: UTF-8, indexed by code point.
    Str,
    /// `bytes`.
    Bytes,
    /// `bytearray` (results are new bytearrays).
    ByteArray,
}

impl TextKind {
    /// Whether this is bytes or bytearray (byte semantics, ASCII case rules).
    #[inline]
    pub fn is_bytes(self) -> bool {
        self != TextKind::Str
    }
}

/// The builtin object a method works on: `v`, or the str/bytes/bytearray an instance of a
/// subclass wraps (when the method is called unbound: `str.upper(S('x'))`).
#[inline]
pub(crate) fn this(v: Value) -> Value {
    if obj::kind_of(v) == Kind::Instance {
        ops::instance_base(v).unwrap_or(v)
    } else {
        v
    }
}

/// The text kind of a str/bytes/bytearray value (`Str` for anything else).
#[inline]
pub fn text_kind(v: Value) -> TextKind {
    match obj::kind_of(this(v)) {
        Kind::Bytes => TextKind::Bytes,
        Kind::ByteArray => TextKind::ByteArray,
        _ => TextKind::Str,
    }
}

/// Whether a value is a `bytes` or `bytearray`.
#[inline]
pub(crate) fn is_bytes(v: Value) -> bool {
    let v = this(v);
    matches!(obj::kind_of(v), Kind::Bytes | Kind::ByteArray) && v.is_ptr()
}

/// The bytes of a str, bytes or bytearray value (empty for anything else).
/// Crate rule: do not hold across anything that may run Python or mutate `v`.
#[inline]
pub(crate) fn self_bytes<'a>(v: Value) -> &'a [u8] {
    let v = this(v);
    match obj::kind_of(v) {
        Kind::Str | Kind::Bytes => pystr::bytes_of(v).unwrap_or(&[]),
        Kind::ByteArray if v.is_ptr() => {
            // SAFETY: kind-checked bytearray; see the rule above.
            unsafe { (*(v.raw() as *const ByteArrayObj)).as_bytes() }
        }
        _ => &[],
    }
}

/// The text of a str value (empty for anything else).
#[inline]
pub(crate) fn self_str<'a>(v: Value) -> &'a str {
    pystr::str_of(this(v)).unwrap_or("")
}

/// The length in units (code points for str, bytes otherwise) and whether unit offsets are
/// byte offsets (bytes, or ASCII text).
pub(crate) fn unit_len(v: Value) -> (usize, bool) {
    let v = this(v);
    if obj::kind_of(v) == Kind::Str && v.is_ptr() {
        let n = pystr::char_len_of(v);
        return (n, n == self_bytes(v).len());
    }
    (self_bytes(v).len(), true)
}

/// A new value of `like`'s text kind holding `b` (which must be UTF-8 for str).
pub fn new_like(cx: &mut Cx, like: Value, b: &[u8]) -> PyResult<Value> {
    new_of_kind(cx, text_kind(like), b)
}

/// A new str, bytes or bytearray holding `b`.
pub fn new_of_kind(cx: &mut Cx, k: TextKind, b: &[u8]) -> PyResult<Value> {
    match k {
        TextKind::Str => pystr::new_str(cx, b),
        TextKind::Bytes => pystr::new_bytes(cx, b),
        TextKind::ByteArray => crate::obj::bytes::new_bytearray(cx, b),
    }
}

/// Finish a builder as a value of `like`'s text kind.
pub fn finish_like(cx: &mut Cx, out: StrBuilder, like: Value) -> PyResult<Value> {
    if out.failed {
        return Err(cx.raise_memory_error(out.buf.len()));
    }
    new_like(cx, like, &out.buf)
}

/// A sub-slice of `self` as a new value of its kind (the slice must lie in `s`).
pub(crate) fn new_sub(cx: &mut Cx, s: Value, lo: usize, hi: usize) -> PyResult<Value> {
    let b = self_bytes(s);
    let hi = hi.min(b.len());
    let lo = lo.min(hi);
    if lo == 0 && hi == b.len() && matches!(obj::kind_of(s), Kind::Str | Kind::Bytes) {
        return Ok(s);
    }
    let (p, n) = (b[lo..hi].as_ptr(), hi - lo);
    // SAFETY: a sub-slice of s, which the caller holds; allocation never moves it.
    new_like(cx, s, unsafe { core::slice::from_raw_parts(p, n) })
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
    let (x, y) = (self_bytes(a), self_bytes(b));
    if y.is_empty() && obj::kind_of(a) != Kind::ByteArray {
        return Ok(a);
    }
    if x.is_empty() && obj::kind_of(b) == obj::kind_of(a) && obj::kind_of(b) != Kind::ByteArray {
        return Ok(b);
    }
    let mut s = StrBuilder::new(cx);
    s.push(x);
    s.push(y);
    finish_like(cx, s, a)
}

/// `s * n`.
pub fn repeat(cx: &mut Cx, a: Value, n: usize) -> PyResult<Value> {
    let x = self_bytes(a);
    // An empty string times a huge count is empty at once.
    let n = if x.is_empty() { 0 } else { n };
    let total = x.len().saturating_mul(n);
    if total > cx.heap().n_blocks() * crate::gc::heap::BLOCK {
        return Err(cx.raise_memory_error(total));
    }
    let mut s = StrBuilder::new(cx);
    s.push_repeat(x, n);
    finish_like(cx, s, a)
}

/// `s[i]` and `s[a:b:c]` for str and bytes.
pub fn subscr(cx: &mut Cx, s: Value, i: Value) -> PyResult<Value> {
    let bytes_kind = is_bytes(s);
    // SAFETY: callers pass str/bytes values.
    let so = unsafe { &*(s.raw() as *const StrObj) };
    let ascii = bytes_kind || so.is_ascii();
    let n = so.char_len as usize;
    if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let (start, _, step, count) = crate::vm::seq::slice_indices(cx, i, n)?;
        let b = pystr::bytes_of(s).unwrap_or(&[]);
        if step == 1 {
            let lo = char_to_byte(b, ascii, start.max(0) as usize);
            let hi = char_to_byte(b, ascii, start.max(0) as usize + count);
            return new_sub(cx, s, lo, hi);
        }
        let mut out = StrBuilder::new(cx);
        if ascii {
            for k in 0..count {
                let j = (start + k as isize * step) as usize;
                out.push_byte(b.get(j).copied().unwrap_or(0));
            }
        } else {
            // Byte offsets of every character, then pick.
            let mut offs = allocator_api2::vec::Vec::new_in(cx.temp_alloc());
            if offs.try_reserve(n + 1).is_err() {
                return Err(cx.raise_memory_error(n * 4));
            }
            offs.extend(
                b.iter()
                    .enumerate()
                    .filter(|(_, &c)| (c & 0xc0) != 0x80)
                    .map(|(k, _)| k),
            );
            offs.push(b.len());
            for k in 0..count {
                let j = (start + k as isize * step) as usize;
                if let (Some(&lo), Some(&hi)) = (offs.get(j), offs.get(j + 1)) {
                    out.push(&b[lo..hi]);
                }
            }
        }
        return finish_like(cx, out, s);
    }
    let what = if bytes_kind { "bytes" } else { "string" };
    let idx = crate::vm::seq::index_value(cx, i, what)?;
    let Some(j) = crate::vm::seq::norm_index(idx, n) else {
        if bytes_kind {
            return Err(cx.index_error(crate::flavour::msg::BYTES_INDEX));
        }
        return Err(cx.raise_fmt(&INDEX_ERROR_TYPE, format_args!("{what} index out of range")));
    };
    let b = pystr::bytes_of(s).unwrap_or(&[]);
    if bytes_kind {
        return Ok(Value::small_int_unchecked(
            b.get(j).copied().unwrap_or(0) as isize
        ));
    }
    let lo = char_to_byte(b, ascii, j);
    let hi = lo + utf8_len(b.get(lo).copied().unwrap_or(0));
    let hi = hi.min(b.len());
    let (p, len) = (b[lo..hi].as_ptr(), hi - lo);
    // SAFETY: the slice lies in s, which the caller holds.
    char_str(cx, unsafe { core::slice::from_raw_parts(p, len) })
}

/// The length of the UTF-8 sequence that starts with byte `b`.
#[inline]
pub(crate) fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xff => 4,
        _ => 1,
    }
}

/// The `can't convert 'T' object to str implicitly` error (MicroPython's wording).
pub(crate) fn implicit_conversion_error(cx: &mut Cx, v: Value, to: &str) -> crate::vm::Raised {
    let tn = ops::alloc_free_name(cx.type_name(v));
    cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("can't convert '{tn}' object to {to} implicitly"),
    )
}

/// The bytes of argument `v` for a method of `this`: a str (or str subclass) for str methods,
/// any bytes-like object for bytes methods.
pub(crate) fn arg_bytes<'a>(cx: &mut Cx, this: Value, v: Value) -> PyResult<&'a [u8]> {
    let v = if ops::is_user_object(v) {
        ops::instance_base(v).unwrap_or(v)
    } else {
        v
    };
    if !is_bytes(this) {
        if obj::kind_of(v) == Kind::Str && v.is_ptr() {
            return Ok(pystr::bytes_of(v).unwrap_or(&[]));
        }
        return Err(implicit_conversion_error(cx, v, "str"));
    }
    if matches!(
        obj::kind_of(v),
        Kind::Bytes | Kind::ByteArray | Kind::MemoryView
    ) && v.is_ptr()
    {
        return super::bytes::buffer_bytes(cx, v);
    }
    Err(implicit_conversion_error(cx, v, "bytes"))
}

/// Like `arg_bytes`, but bytes methods also take an int (a single byte), written to `one`.
fn needle_bytes<'a>(
    cx: &mut Cx,
    this: Value,
    v: Value,
    one: &'a mut [u8; 1],
) -> PyResult<&'a [u8]> {
    if is_bytes(this) && crate::vm::num::is_intlike(v) {
        let i = crate::vm::seq::int_arg(cx, v)?;
        if !(0..=255).contains(&i) {
            return Err(cx.value_error("byte must be in range(0, 256)"));
        }
        one[0] = i as u8;
        return Ok(&one[..]);
    }
    arg_bytes(cx, this, v)
}

/// First occurrence of `n` in `h` at or after `from`.
pub(crate) fn find_sub(h: &[u8], n: &[u8], from: usize) -> Option<usize> {
    if from > h.len() {
        return None;
    }
    if n.is_empty() {
        return Some(from);
    }
    if n.len() > h.len() - from {
        return None;
    }
    if n.len() == 1 {
        return h[from..].iter().position(|&c| c == n[0]).map(|p| p + from);
    }
    let first = n[0];
    let last = h.len() - n.len();
    let mut i = from;
    while i <= last {
        match h[i..=last].iter().position(|&c| c == first) {
            Some(p) => {
                let j = i + p;
                if &h[j..j + n.len()] == n {
                    return Some(j);
                }
                i = j + 1;
            }
            None => return None,
        }
    }
    None
}

/// Last occurrence of `n` lying within `h[from..to]`.
pub(crate) fn rfind_sub(h: &[u8], n: &[u8], from: usize, to: usize) -> Option<usize> {
    let to = to.min(h.len());
    if from > to || n.len() > to - from {
        return None;
    }
    (from..=to - n.len())
        .rev()
        .find(|&i| &h[i..i + n.len()] == n)
}

/// The byte range of `s[start:end]` (char indices, as `str.find` adjusts them), or `None`
/// when start lies beyond end (nothing can match, not even an empty string).
pub(crate) fn range_args(
    cx: &mut Cx,
    s: Value,
    start: Option<Value>,
    end: Option<Value>,
) -> PyResult<Option<(usize, usize)>> {
    let (n, ascii) = unit_len(s);
    let n = n as isize;
    let adjust = |i: isize| -> isize {
        if i < 0 {
            (i + n).max(0)
        } else {
            i
        }
    };
    let start = match start {
        Some(v) if !v.is_none() && !v.is_null() => adjust(slice_bound(cx, v)?),
        _ => 0,
    };
    let end = match end {
        Some(v) if !v.is_none() && !v.is_null() => adjust(slice_bound(cx, v)?).min(n),
        _ => n,
    };
    if start > end {
        return Ok(None);
    }
    let b = self_bytes(s);
    Ok(Some((
        char_to_byte(b, ascii, start as usize),
        char_to_byte(b, ascii, end as usize),
    )))
}

/// A start/end argument: an int (huge ones clamp) or an object with `__index__`.
fn slice_bound(cx: &mut Cx, v: Value) -> PyResult<isize> {
    if obj::kind_of(v) == Kind::Int && v.is_ptr() && int_too_big(v) {
        return Ok(match obj::int::big_of(v) {
            Some((true, _)) => isize::MIN / 2,
            _ => isize::MAX / 2,
        });
    }
    crate::vm::seq::int_arg(cx, v)
}

fn int_too_big(v: Value) -> bool {
    obj::int::to_i64(v)
        .and_then(|i| isize::try_from(i).ok())
        .is_none()
}

/// The char index of byte offset `off` in `s`.
pub(crate) fn byte_to_char(s: Value, off: usize) -> usize {
    let b = self_bytes(s);
    if is_bytes(s) {
        off
    } else {
        char_count(&b[..off.min(b.len())])
    }
}

fn find_impl(cx: &mut Cx, args: &[Value], rev: bool, raise: bool) -> PyResult<Value> {
    let s = args[0];
    let range = range_args(cx, s, args.get(2).copied(), args.get(3).copied())?;
    let mut one = [0u8; 1];
    let needle = needle_bytes(cx, s, args[1], &mut one)?;
    let h = self_bytes(s);
    let hit = match range {
        None => None,
        Some((bs, be)) if rev => rfind_sub(h, needle, bs, be),
        Some((bs, be)) => find_sub(&h[..be], needle, bs),
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
    let range = range_args(cx, s, args.get(2).copied(), args.get(3).copied())?;
    let mut one = [0u8; 1];
    let needle = needle_bytes(cx, s, args[1], &mut one)?;
    let Some((bs, be)) = range else {
        return Ok(Value::small_int_unchecked(0));
    };
    if needle.is_empty() {
        let n = byte_to_char(s, be) - byte_to_char(s, bs) + 1;
        return Ok(Value::small_int_unchecked(n as isize));
    }
    let h = &self_bytes(s)[..be];
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
    let range = range_args(cx, s, args.get(2).copied(), args.get(3).copied())?;
    let Some((bs, be)) = range else {
        // Still check the argument's type.
        if tuple::items_of(args[1]).is_none() {
            arg_bytes(cx, s, args[1])?;
        }
        return Ok(Value::FALSE);
    };
    let test = |h: &[u8], p: &[u8]| {
        let h = &h[bs..be];
        if ends {
            h.ends_with(p)
        } else {
            h.starts_with(p)
        }
    };
    if let Some(items) = tuple::items_of(args[1]) {
        let n = items.len();
        for k in 0..n {
            let p = tuple::items_of(args[1]).map_or(Value::NONE, |t| t[k]);
            let pb = arg_bytes(cx, s, p)?;
            if test(self_bytes(s), pb) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    let p = arg_bytes(cx, s, args[1])?;
    Ok(Value::bool(test(self_bytes(s), p)))
}

fn startswith(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    starts_ends(cx, a, false)
}
fn endswith(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    starts_ends(cx, a, true)
}

fn removeprefix(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = a[0];
    let p = arg_bytes(cx, s, a[1])?;
    let h = self_bytes(s);
    if !p.is_empty() && h.starts_with(p) {
        return new_sub(cx, s, p.len(), h.len());
    }
    new_sub(cx, s, 0, h.len())
}

fn removesuffix(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = a[0];
    let p = arg_bytes(cx, s, a[1])?;
    let h = self_bytes(s);
    if !p.is_empty() && h.ends_with(p) {
        return new_sub(cx, s, 0, h.len() - p.len());
    }
    new_sub(cx, s, 0, h.len())
}

fn partition_impl(cx: &mut Cx, a: &[Value], rev: bool) -> PyResult<Value> {
    let s = a[0];
    let sep = arg_bytes(cx, s, a[1])?;
    if sep.is_empty() {
        return Err(cx.value_error("empty separator"));
    }
    let h = self_bytes(s);
    let hit = if rev {
        rfind_sub(h, sep, 0, h.len())
    } else {
        find_sub(h, sep, 0)
    };
    let (n, m) = (h.len(), sep.len());
    let (r0, r1, r2) = match hit {
        Some(p) => ((0, p), (p, p + m), (p + m, n)),
        None if rev => ((0, 0), (0, 0), (0, n)),
        None => ((0, n), (n, n), (n, n)),
    };
    let mark = cx.roots_mark();
    let x = new_sub(cx, s, r0.0, r0.1)?;
    cx.root(x)?;
    let y = match hit {
        // The separator itself: the argument for bytes/str (CPython returns it as given).
        Some(_) => new_sub(cx, s, r1.0, r1.1)?,
        None => new_like(cx, s, b"")?,
    };
    cx.root(y)?;
    let z = new_sub(cx, s, r2.0, r2.1)?;
    cx.root(z)?;
    let t = tuple::new(cx, &[x, y, z]);
    cx.roots_truncate(mark);
    t
}

fn partition(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    partition_impl(cx, a, false)
}
fn rpartition(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    partition_impl(cx, a, true)
}

fn replace(cx: &mut Cx, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = args[0];
    let max = match args.get(3) {
        Some(v) => crate::vm::seq::int_arg(cx, *v)?,
        None => -1,
    };
    let old = arg_bytes(cx, s, args[1])?;
    let new = arg_bytes(cx, s, args[2])?;
    let h = self_bytes(s);
    let bytes_kind = is_bytes(s);
    let mut out = StrBuilder::new(cx);
    let mut n = 0;
    if old.is_empty() {
        // Insert between every character.
        let mut k = 0;
        loop {
            if max < 0 || n < max {
                out.push(new);
                n += 1;
            }
            if k >= h.len() {
                break;
            }
            let e = if bytes_kind {
                k + 1
            } else {
                (k + utf8_len(h[k])).min(h.len())
            };
            out.push(&h[k..e]);
            k = e;
        }
    } else {
        let mut i = 0;
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
        if n == 0 && obj::kind_of(s) != Kind::ByteArray {
            return Ok(s);
        }
        out.push(&h[i..]);
    }
    finish_like(cx, out, s)
}

fn format(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    super::format::str_format(cx, a[0], &a[1..], k)
}

fn format_map(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    super::format::str_format_map(cx, a[0], a[1])
}

// Operator dunders, for explicit calls such as `s.__add__(t)` and `str.__len__(s)`.

fn d_len(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = ops::len(cx, this(a[0]))?;
    Ok(Value::small_int_unchecked(n as isize))
}
fn d_contains(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(crate::vm::seq::contains(cx, this(a[0]), a[1])?))
}
fn d_getitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    crate::vm::seq::getitem(cx, this(a[0]), a[1])
}
fn d_add(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    ops::binary(cx, crate::bytecode::opcode::BinaryOp::Add, this(a[0]), a[1])
}
fn d_mul(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    ops::binary(
        cx,
        crate::bytecode::opcode::BinaryOp::Multiply,
        this(a[0]),
        a[1],
    )
}
fn d_mod(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    super::format::percent_format(cx, this(a[0]), a[1])
}
fn compare(cx: &mut Cx, a: &[Value], op: crate::bytecode::opcode::BinaryOp) -> PyResult<Value> {
    let comparable = if is_bytes(this(a[0])) {
        matches!(
            obj::kind_of(a[1]),
            Kind::Bytes | Kind::ByteArray | Kind::MemoryView
        )
    } else {
        obj::kind_of(a[1]) == Kind::Str
            || ops::instance_base(a[1]).is_some_and(|b| obj::kind_of(b) == Kind::Str)
    };
    if !comparable {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    ops::binary(cx, op, this(a[0]), a[1])
}
fn d_eq(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if !is_bytes(this(a[0]))
        && obj::kind_of(a[1]) != Kind::Str
        && ops::instance_base(a[1]).is_none()
    {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(Value::bool(ops::eq(cx, this(a[0]), a[1])?))
}
fn d_ne(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let r = d_eq(cx, a, k)?;
    Ok(match r.as_bool() {
        Some(b) => Value::bool(!b),
        None => r,
    })
}
fn d_lt(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    compare(cx, a, crate::bytecode::opcode::BinaryOp::Less)
}
fn d_le(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    compare(cx, a, crate::bytecode::opcode::BinaryOp::LessEqual)
}
fn d_gt(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    compare(cx, a, crate::bytecode::opcode::BinaryOp::More)
}
fn d_ge(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    compare(cx, a, crate::bytecode::opcode::BinaryOp::MoreEqual)
}
fn d_hash(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let h = ops::hash(cx, this(a[0]))? as isize;
    crate::obj::int::from_i64(cx, h as i64)
}
fn d_iter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    crate::vm::seq::get_iter(cx, this(a[0]))
}
fn d_str(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(a[0]);
    if obj::kind_of(s) == Kind::Str {
        return Ok(s);
    }
    super::repr::repr(cx, s)
}
fn d_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    super::repr::repr(cx, this(a[0]))
}
/// `str.__new__(cls, ...)` and `bytes.__new__(cls, ...)`: the builtin value, wrapped in an
/// instance when `cls` is a subclass (for `super().__new__(cls, x)` in a subclass).
fn subclass_new(
    cx: &mut Cx,
    base_ty: &'static obj::TypeObj,
    a: &[Value],
    kw: &[Value],
) -> PyResult<Value> {
    let cls = a[0];
    let is_sub = obj::kind_of(cls) == Kind::Type
        && cls.is_ptr()
        && obj::is_subtype(cls.raw() as *const obj::TypeObj, base_ty);
    if !is_sub {
        let n = ops::alloc_free_name(crate::vm::raise::as_str(base_ty.name_bytes()));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("{n}.__new__(X): X is not a subtype of {n}"),
        ));
    }
    let base = crate::builtins::ctors::construct(cx, base_ty, &a[1..], kw)?;
    if core::ptr::eq(cls.raw() as *const obj::TypeObj, base_ty) {
        return Ok(base);
    }
    let mark = cx.roots_mark();
    cx.root(base)?;
    let inst = crate::obj::instance::new(cx, cls.raw() as *const obj::TypeObj);
    cx.roots_truncate(mark);
    let inst = inst?;
    crate::gc::write_barrier(cx, base);
    if let Some(i) = crate::obj::instance::inst_of(inst) {
        i.base = base;
    }
    Ok(inst)
}
fn str_new(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    subclass_new(cx, &STR_TYPE, a, kw)
}
fn bytes_new(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    subclass_new(cx, &BYTES_TYPE, a, kw)
}
fn d_format(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let Some(spec) = pystr::str_of(a[1]) else {
        return Err(implicit_conversion_error(cx, a[1], "str"));
    };
    super::format::format_to_str(cx, this(a[0]), spec)
}

native_fn!(pub(crate) S_FIND, q::find, 2, 4, false, find);
native_fn!(pub(crate) S_RFIND, q::rfind, 2, 4, false, rfind);
native_fn!(pub(crate) S_INDEX, q::index, 2, 4, false, index);
native_fn!(pub(crate) S_RINDEX, q::rindex, 2, 4, false, rindex);
native_fn!(pub(crate) S_COUNT, q::count, 2, 4, false, count);
native_fn!(pub(crate) S_STARTSWITH, q::startswith, 2, 4, false, startswith);
native_fn!(pub(crate) S_ENDSWITH, q::endswith, 2, 4, false, endswith);
native_fn!(pub(crate) S_REMOVEPREFIX, q::removeprefix, 2, 2, false, removeprefix);
native_fn!(pub(crate) S_REMOVESUFFIX, q::removesuffix, 2, 2, false, removesuffix);
native_fn!(pub(crate) S_PARTITION, q::partition, 2, 2, false, partition);
native_fn!(pub(crate) S_RPARTITION, q::rpartition, 2, 2, false, rpartition);
native_fn!(pub(crate) S_REPLACE, q::replace, 3, 4, false, replace);
native_fn!(
    S_FORMAT,
    q::format,
    1,
    crate::obj::func::VARARGS,
    true,
    format
);
native_fn!(S_FORMAT_MAP, q::format_map, 2, 2, false, format_map);
native_fn!(pub(crate) S_LEN, q::__len__, 1, 1, false, d_len);
native_fn!(pub(crate) S_CONTAINS, q::__contains__, 2, 2, false, d_contains);
native_fn!(pub(crate) S_GETITEM, q::__getitem__, 2, 2, false, d_getitem);
native_fn!(pub(crate) S_ADD, q::__add__, 2, 2, false, d_add);
native_fn!(pub(crate) S_MUL, q::__mul__, 2, 2, false, d_mul);
native_fn!(pub(crate) S_RMUL, q::__rmul__, 2, 2, false, d_mul);
native_fn!(pub(crate) S_MOD, q::__mod__, 2, 2, false, d_mod);
native_fn!(pub(crate) S_EQ, q::__eq__, 2, 2, false, d_eq);
native_fn!(pub(crate) S_NE, q::__ne__, 2, 2, false, d_ne);
native_fn!(pub(crate) S_LT, q::__lt__, 2, 2, false, d_lt);
native_fn!(pub(crate) S_LE, q::__le__, 2, 2, false, d_le);
native_fn!(pub(crate) S_GT, q::__gt__, 2, 2, false, d_gt);
native_fn!(pub(crate) S_GE, q::__ge__, 2, 2, false, d_ge);
native_fn!(pub(crate) S_HASH, q::__hash__, 1, 1, false, d_hash);
native_fn!(pub(crate) S_ITER, q::__iter__, 1, 1, false, d_iter);
native_fn!(S_STR, q::__str__, 1, 1, false, d_str);
native_fn!(pub(crate) S_REPR, q::__repr__, 1, 1, false, d_repr);
native_fn!(S_FORMAT_DUNDER, q::__format__, 2, 2, false, d_format);
native_fn!(S_NEW, q::__new__, 1, 4, true, str_new);
native_fn!(B_NEW, q::__new__, 1, 4, true, bytes_new);

/// `str`'s attributes.
pub const STR_ATTRS: &[Attr] = &[
    crate::method!(q::capitalize, case::S_CAPITALIZE),
    crate::method!(q::casefold, case::S_CASEFOLD),
    crate::method!(q::center, split::S_CENTER),
    crate::method!(q::count, S_COUNT),
    crate::method!(q::encode, codec::S_ENCODE),
    crate::method!(q::endswith, S_ENDSWITH),
    crate::method!(q::expandtabs, split::S_EXPANDTABS),
    crate::method!(q::find, S_FIND),
    crate::method!(q::format, S_FORMAT),
    crate::method!(q::format_map, S_FORMAT_MAP),
    crate::method!(q::index, S_INDEX),
    crate::method!(q::isalnum, case::S_ISALNUM),
    crate::method!(q::isalpha, case::S_ISALPHA),
    crate::method!(q::isascii, case::S_ISASCII),
    crate::method!(q::isdecimal, case::S_ISDECIMAL),
    crate::method!(q::isdigit, case::S_ISDIGIT),
    crate::method!(q::isidentifier, case::S_ISIDENTIFIER),
    crate::method!(q::islower, case::S_ISLOWER),
    crate::method!(q::isnumeric, case::S_ISNUMERIC),
    crate::method!(q::isprintable, case::S_ISPRINTABLE),
    crate::method!(q::isspace, case::S_ISSPACE),
    crate::method!(q::istitle, case::S_ISTITLE),
    crate::method!(q::isupper, case::S_ISUPPER),
    crate::method!(q::join, split::S_JOIN),
    crate::method!(q::ljust, split::S_LJUST),
    crate::method!(q::lower, case::S_LOWER),
    crate::method!(q::lstrip, split::S_LSTRIP),
    crate::staticmethod!(q::maketrans, codec::S_MAKETRANS),
    crate::method!(q::partition, S_PARTITION),
    crate::method!(q::removeprefix, S_REMOVEPREFIX),
    crate::method!(q::removesuffix, S_REMOVESUFFIX),
    crate::method!(q::replace, S_REPLACE),
    crate::method!(q::rfind, S_RFIND),
    crate::method!(q::rindex, S_RINDEX),
    crate::method!(q::rjust, split::S_RJUST),
    crate::method!(q::rpartition, S_RPARTITION),
    crate::method!(q::rsplit, split::S_RSPLIT),
    crate::method!(q::rstrip, split::S_RSTRIP),
    crate::method!(q::split, split::S_SPLIT),
    crate::method!(q::splitlines, split::S_SPLITLINES),
    crate::method!(q::startswith, S_STARTSWITH),
    crate::method!(q::strip, split::S_STRIP),
    crate::method!(q::swapcase, case::S_SWAPCASE),
    crate::method!(q::title, case::S_TITLE),
    crate::method!(q::translate, codec::S_TRANSLATE),
    crate::method!(q::upper, case::S_UPPER),
    crate::method!(q::zfill, split::S_ZFILL),
    crate::method!(q::__len__, S_LEN),
    crate::method!(q::__contains__, S_CONTAINS),
    crate::method!(q::__getitem__, S_GETITEM),
    crate::method!(q::__add__, S_ADD),
    crate::method!(q::__mul__, S_MUL),
    crate::method!(q::__rmul__, S_RMUL),
    crate::method!(q::__mod__, S_MOD),
    crate::method!(q::__eq__, S_EQ),
    crate::method!(q::__ne__, S_NE),
    crate::method!(q::__lt__, S_LT),
    crate::method!(q::__le__, S_LE),
    crate::method!(q::__gt__, S_GT),
    crate::method!(q::__ge__, S_GE),
    crate::method!(q::__hash__, S_HASH),
    crate::method!(q::__iter__, S_ITER),
    crate::method!(q::__str__, S_STR),
    crate::method!(q::__repr__, S_REPR),
    crate::method!(q::__format__, S_FORMAT_DUNDER),
    crate::staticmethod!(q::__new__, S_NEW),
];

/// The str-like methods `bytes` and `bytearray` share.
macro_rules! bytes_like_attrs {
    ($($extra:expr),* $(,)?) => {
        &[
            $crate::method!($crate::qstrs::q::capitalize, $crate::obj::methods::str_case::S_CAPITALIZE),
            $crate::method!($crate::qstrs::q::center, $crate::obj::methods::str_split::S_CENTER),
            $crate::method!($crate::qstrs::q::count, $crate::obj::methods::str::S_COUNT),
            $crate::method!($crate::qstrs::q::decode, $crate::obj::methods::codec::S_DECODE),
            $crate::method!($crate::qstrs::q::endswith, $crate::obj::methods::str::S_ENDSWITH),
            $crate::method!($crate::qstrs::q::expandtabs, $crate::obj::methods::str_split::S_EXPANDTABS),
            $crate::method!($crate::qstrs::q::find, $crate::obj::methods::str::S_FIND),
            $crate::method!($crate::qstrs::q::hex, $crate::obj::methods::codec::S_HEX),
            $crate::method!($crate::qstrs::q::index, $crate::obj::methods::str::S_INDEX),
            $crate::method!($crate::qstrs::q::isalnum, $crate::obj::methods::str_case::S_ISALNUM),
            $crate::method!($crate::qstrs::q::isalpha, $crate::obj::methods::str_case::S_ISALPHA),
            $crate::method!($crate::qstrs::q::isascii, $crate::obj::methods::str_case::S_ISASCII),
            $crate::method!($crate::qstrs::q::isdigit, $crate::obj::methods::str_case::S_ISDIGIT),
            $crate::method!($crate::qstrs::q::islower, $crate::obj::methods::str_case::S_ISLOWER),
            $crate::method!($crate::qstrs::q::isspace, $crate::obj::methods::str_case::S_ISSPACE),
            $crate::method!($crate::qstrs::q::istitle, $crate::obj::methods::str_case::S_ISTITLE),
            $crate::method!($crate::qstrs::q::isupper, $crate::obj::methods::str_case::S_ISUPPER),
            $crate::method!($crate::qstrs::q::join, $crate::obj::methods::str_split::S_JOIN),
            $crate::method!($crate::qstrs::q::ljust, $crate::obj::methods::str_split::S_LJUST),
            $crate::method!($crate::qstrs::q::lower, $crate::obj::methods::str_case::S_LOWER),
            $crate::method!($crate::qstrs::q::lstrip, $crate::obj::methods::str_split::S_LSTRIP),
            $crate::staticmethod!($crate::qstrs::q::maketrans, $crate::obj::methods::codec::B_MAKETRANS),
            $crate::method!($crate::qstrs::q::partition, $crate::obj::methods::str::S_PARTITION),
            $crate::method!($crate::qstrs::q::removeprefix, $crate::obj::methods::str::S_REMOVEPREFIX),
            $crate::method!($crate::qstrs::q::removesuffix, $crate::obj::methods::str::S_REMOVESUFFIX),
            $crate::method!($crate::qstrs::q::replace, $crate::obj::methods::str::S_REPLACE),
            $crate::method!($crate::qstrs::q::rfind, $crate::obj::methods::str::S_RFIND),
            $crate::method!($crate::qstrs::q::rindex, $crate::obj::methods::str::S_RINDEX),
            $crate::method!($crate::qstrs::q::rjust, $crate::obj::methods::str_split::S_RJUST),
            $crate::method!($crate::qstrs::q::rpartition, $crate::obj::methods::str::S_RPARTITION),
            $crate::method!($crate::qstrs::q::rsplit, $crate::obj::methods::str_split::S_RSPLIT),
            $crate::method!($crate::qstrs::q::rstrip, $crate::obj::methods::str_split::S_RSTRIP),
            $crate::method!($crate::qstrs::q::split, $crate::obj::methods::str_split::S_SPLIT),
            $crate::method!($crate::qstrs::q::splitlines, $crate::obj::methods::str_split::S_SPLITLINES),
            $crate::method!($crate::qstrs::q::startswith, $crate::obj::methods::str::S_STARTSWITH),
            $crate::method!($crate::qstrs::q::strip, $crate::obj::methods::str_split::S_STRIP),
            $crate::method!($crate::qstrs::q::swapcase, $crate::obj::methods::str_case::S_SWAPCASE),
            $crate::method!($crate::qstrs::q::title, $crate::obj::methods::str_case::S_TITLE),
            $crate::method!($crate::qstrs::q::translate, $crate::obj::methods::codec::S_TRANSLATE),
            $crate::method!($crate::qstrs::q::upper, $crate::obj::methods::str_case::S_UPPER),
            $crate::method!($crate::qstrs::q::zfill, $crate::obj::methods::str_split::S_ZFILL),
            $crate::method!($crate::qstrs::q::__len__, $crate::obj::methods::str::S_LEN),
            $crate::method!($crate::qstrs::q::__contains__, $crate::obj::methods::str::S_CONTAINS),
            $crate::method!($crate::qstrs::q::__getitem__, $crate::obj::methods::str::S_GETITEM),
            $crate::method!($crate::qstrs::q::__add__, $crate::obj::methods::str::S_ADD),
            $crate::method!($crate::qstrs::q::__mul__, $crate::obj::methods::str::S_MUL),
            $crate::method!($crate::qstrs::q::__rmul__, $crate::obj::methods::str::S_RMUL),
            $crate::method!($crate::qstrs::q::__mod__, $crate::obj::methods::str::S_MOD),
            $crate::method!($crate::qstrs::q::__eq__, $crate::obj::methods::str::S_EQ),
            $crate::method!($crate::qstrs::q::__ne__, $crate::obj::methods::str::S_NE),
            $crate::method!($crate::qstrs::q::__lt__, $crate::obj::methods::str::S_LT),
            $crate::method!($crate::qstrs::q::__le__, $crate::obj::methods::str::S_LE),
            $crate::method!($crate::qstrs::q::__gt__, $crate::obj::methods::str::S_GT),
            $crate::method!($crate::qstrs::q::__ge__, $crate::obj::methods::str::S_GE),
            $crate::method!($crate::qstrs::q::__iter__, $crate::obj::methods::str::S_ITER),
            $crate::method!($crate::qstrs::q::__repr__, $crate::obj::methods::str::S_REPR),
            $($extra,)*
        ]
    };
}
pub(crate) use bytes_like_attrs;

/// `bytes`' attributes.
pub const BYTES_ATTRS: &[Attr] = bytes_like_attrs!(
    crate::classmethod!(q::fromhex, codec::S_FROMHEX),
    crate::method!(q::__hash__, S_HASH),
    crate::staticmethod!(q::__new__, B_NEW),
);
