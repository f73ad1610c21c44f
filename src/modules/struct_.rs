//! `struct`: `pack`, `pack_into`, `unpack`, `unpack_from`, `calcsize`, and `struct.error`.
//!
//! Formats are CPython's (byte orders `@=<>!`, native sizes and alignment with `@`, counts,
//! whitespace, the codes `xcbB?hHiIlLqQnNefdspP`). Errors are MicroPython's where it raises
//! (`ValueError: bad typecode`, `buffer too small`, `can't convert str to int`); where only
//! CPython raises (wrong item counts, ints out of range, `s` given a str) the class is
//! `struct.error` as in CPython.
//!
//! The item codec (`encode`, `decode`) is shared with `array`.

use super::native::{self, ClassDef};
use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::types::*;
use crate::obj::{exception, float, int, str as pystr, tuple};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult, Raised};

/// Byte order of a format.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// `@`: native order, sizes and alignment.
    Native,
    /// `<` (and `=` on little-endian hosts).
    Little,
    /// `>` and `!`.
    Big,
}

impl Order {
    fn little(self) -> bool {
        match self {
            Order::Native => cfg!(target_endian = "little"),
            Order::Little => true,
            Order::Big => false,
        }
    }
}

/// The size of one item of `code` (None when the code is unknown in this mode).
pub fn item_size(code: u8, native: bool) -> Option<usize> {
    let word = core::mem::size_of::<usize>();
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                word
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => word,
        _ => return None,
    })
}

/// A parsed format: its byte order and the `(count, code)` items.
pub struct Format<'a> {
    order: Order,
    rest: &'a [u8],
}

impl<'a> Format<'a> {
    /// Start parsing `f`.
    pub fn new(f: &'a [u8]) -> Format<'a> {
        let (order, rest) = match f.first() {
            Some(b'@') => (Order::Native, &f[1..]),
            Some(b'<') => (Order::Little, &f[1..]),
            Some(b'>') | Some(b'!') => (Order::Big, &f[1..]),
            Some(b'=') => (
                if cfg!(target_endian = "little") {
                    Order::Little
                } else {
                    Order::Big
                },
                &f[1..],
            ),
            _ => (Order::Native, f),
        };
        Format { order, rest }
    }

    fn native(&self) -> bool {
        self.order == Order::Native
    }

    /// The next `(count, code, size of one item)`; `Err(())` on a bad format.
    #[allow(clippy::type_complexity)]
    fn next(&mut self) -> Result<Option<(usize, u8, usize)>, ()> {
        while let [c, rest @ ..] = self.rest {
            if c.is_ascii_whitespace() {
                self.rest = rest;
            } else {
                break;
            }
        }
        if self.rest.is_empty() {
            return Ok(None);
        }
        let mut count: Option<usize> = None;
        while let [c @ b'0'..=b'9', rest @ ..] = self.rest {
            let n = count
                .unwrap_or(0)
                .checked_mul(10)
                .and_then(|n| n.checked_add((c - b'0') as usize))
                .ok_or(())?;
            count = Some(n);
            self.rest = rest;
        }
        let [code, rest @ ..] = self.rest else {
            return Err(());
        };
        self.rest = rest;
        let size = item_size(*code, self.native()).ok_or(())?;
        Ok(Some((count.unwrap_or(1), *code, size)))
    }
}

fn align(off: usize, code: u8, size: usize, native: bool) -> usize {
    if !native || matches!(code, b's' | b'p' | b'x' | b'c' | b'?' | b'b' | b'B') {
        return off;
    }
    off.div_ceil(size) * size
}

/// The layout of a format: total size and the number of values it packs.
fn layout(f: &[u8]) -> Result<(usize, usize), ()> {
    let mut fmt = Format::new(f);
    let native = fmt.native();
    let (mut size, mut n) = (0usize, 0usize);
    while let Some((count, code, isz)) = fmt.next()? {
        size = align(size, code, isz, native);
        size = size
            .checked_add(count.checked_mul(isz).ok_or(())?)
            .ok_or(())?;
        n += match code {
            b's' | b'p' => 1,
            b'x' => 0,
            _ => count,
        };
    }
    Ok((size, n))
}

fn bad_typecode(cx: &mut Cx) -> Raised {
    cx.value_error("bad typecode")
}

fn format_bytes<'a>(cx: &mut Cx, f: Value) -> PyResult<&'a [u8]> {
    match pystr::bytes_of(f) {
        Some(b) => Ok(b),
        None => {
            let tn = ops::alloc_free_name(cx.type_name(f));
            Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("can't convert '{tn}' object to str implicitly"),
            ))
        }
    }
}

/// Raise `struct.error(msg)` (the class is `state[0]`).
fn error(cx: &mut Cx, state: Value, msg: core::fmt::Arguments) -> Raised {
    let cls = native::state_class(cx, state, 0).unwrap_or(Value::from_static(&EXCEPTION_TYPE));
    let mut b = crate::obj::str::StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(&mut b, msg);
    let r = (|| {
        let s = b.finish(cx)?;
        let mark = cx.roots_mark();
        cx.root(s)?;
        let args = tuple::new(cx, &[s]);
        let r = args.and_then(|a| {
            cx.root(a)?;
            exception::new(cx, cls.raw() as *const crate::obj::TypeObj, a)
        });
        cx.roots_truncate(mark);
        r
    })();
    match r {
        Ok(e) => cx.raise(e),
        Err(e) => e,
    }
}

/// What went wrong encoding one value.
pub enum EncodeError {
    /// A Python exception is already set.
    Raised(Raised),
    /// The value is out of range for the code (CPython's `struct.error` message).
    Range(&'static str),
}

impl From<Raised> for EncodeError {
    fn from(r: Raised) -> Self {
        EncodeError::Raised(r)
    }
}

fn int_value(cx: &mut Cx, v: Value) -> PyResult<Option<i128>> {
    if let Some(b) = v.as_bool() {
        return Ok(Some(b as i128));
    }
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i as i128));
    }
    if crate::obj::is::<int::IntObj>(v) {
        return Ok(int::to_i128(v));
    }
    if ops::is_user_object(v) {
        if let Some(r) = crate::vm::dunder::to_index(cx, v)? {
            return int_value(cx, r);
        }
        if let Some(b) = ops::instance_base(v) {
            return int_value(cx, b);
        }
    }
    let tn = ops::alloc_free_name(cx.type_name(v));
    Err(cx.raise_fmt(&TYPE_ERROR_TYPE, format_args!("can't convert {tn} to int")))
}

fn float_value(cx: &mut Cx, v: Value) -> PyResult<f64> {
    let v = if ops::is_user_object(v) {
        crate::builtins::ctors::float_from(cx, v)?
    } else {
        v
    };
    match crate::vm::num::to_f64(cx, v)? {
        Some(f) => Ok(f),
        None => {
            let tn = ops::alloc_free_name(cx.type_name(v));
            Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("can't convert {tn} to float"),
            ))
        }
    }
}

fn range_msg(code: u8, native: bool) -> &'static str {
    match code {
        b'b' => "byte format requires -128 <= number <= 127",
        b'B' => "ubyte format requires 0 <= number <= 255",
        b'h' => "short format requires -32768 <= number <= 32767",
        b'H' => "ushort format requires 0 <= number <= 65535",
        b'i' | b'l' if !native || code == b'i' => {
            "'i' format requires -2147483648 <= number <= 2147483647"
        }
        b'I' | b'L' if !native || code == b'I' => "'I' format requires 0 <= number <= 4294967295",
        _ => "argument out of range",
    }
}

/// Half-precision (IEEE 754 binary16) bits of `x`, rounding to nearest even.
fn f16_bits(x: f64) -> Option<u16> {
    let f = x as f32;
    let b = f.to_bits();
    let sign = ((b >> 16) & 0x8000) as u16;
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a >= 65520.0 {
        return None;
    }
    // Scale into integer units of the smallest subnormal (2^-24) or of the mantissa step.
    let e = libm::frexp(a).1; // a = m * 2^e with m in [0.5, 1)
    let exp = e - 1; // a = 1.m * 2^exp
    if exp < -14 {
        // Subnormal: units of 2^-24.
        let m = libm::rint(libm::ldexp(a, 24));
        return Some(sign | m as u16);
    }
    let m = libm::rint(libm::ldexp(a, 10 - exp)); // in [1024, 2048]
    let (m, exp) = if m >= 2048.0 {
        (1024.0, exp + 1)
    } else {
        (m, exp)
    };
    if exp > 15 {
        return None;
    }
    Some(sign | (((exp + 15) as u16) << 10) | ((m as u16) & 0x3ff))
}

fn f16_value(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    sign * match exp {
        0 => libm::ldexp(m, -24),
        31 => {
            if m == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => libm::ldexp(m + 1024.0, exp - 25),
    }
}

/// Encode `v` as one item of `code` (not `s`/`p`/`x`) of `size` bytes into `out`.
pub fn encode(
    cx: &mut Cx,
    code: u8,
    size: usize,
    little: bool,
    native: bool,
    v: Value,
    out: &mut [u8; 8],
) -> Result<(), EncodeError> {
    let bits: u64 = match code {
        b'f' => {
            let x = float_value(cx, v)?;
            let y = x as f32;
            if y.is_infinite() && x.is_finite() {
                return Err(EncodeError::Raised(
                    cx.overflow_error("float too large to pack with f format"),
                ));
            }
            y.to_bits() as u64
        }
        b'd' => float_value(cx, v)?.to_bits(),
        b'e' => {
            let x = float_value(cx, v)?;
            match f16_bits(x) {
                Some(h) => h as u64,
                None => {
                    return Err(EncodeError::Raised(
                        cx.overflow_error("float too large to pack with e format"),
                    ))
                }
            }
        }
        b'?' => ops::truthy(cx, v)? as u64,
        b'c' => {
            let b = match pystr::bytes_of(v) {
                Some(b) if crate::obj::kind_of(v) == crate::obj::Kind::Bytes => b,
                _ => {
                    let b = native::readable(cx, v).ok();
                    match b {
                        Some(b) if crate::obj::kind_of(v) != crate::obj::Kind::Str => b,
                        _ => {
                            return Err(EncodeError::Range(
                                "char format requires a bytes object of length 1",
                            ))
                        }
                    }
                }
            };
            if b.len() != 1 {
                return Err(EncodeError::Range(
                    "char format requires a bytes object of length 1",
                ));
            }
            b[0] as u64
        }
        _ => {
            let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let x = int_value(cx, v)?;
            let nbits = 8 * size as u32;
            let ok = match x {
                None => false,
                Some(x) if signed => {
                    let lo = -(1i128 << (nbits - 1));
                    x >= lo && x < -lo
                }
                Some(x) => x >= 0 && x < (1i128 << nbits),
            };
            if !ok {
                return Err(EncodeError::Range(range_msg(code, native)));
            }
            x.unwrap_or(0) as u64
        }
    };
    let le = bits.to_le_bytes();
    for i in 0..size {
        out[i] = if little { le[i] } else { le[size - 1 - i] };
    }
    Ok(())
}

/// Decode one item of `code` from `b` (exactly its size).
pub fn decode(cx: &mut Cx, code: u8, b: &[u8], little: bool) -> PyResult<Value> {
    let n = b.len().min(8);
    let mut le = [0u8; 8];
    for i in 0..n {
        le[i] = if little { b[i] } else { b[n - 1 - i] };
    }
    let u = u64::from_le_bytes(le);
    let signed = |u: u64| -> i64 {
        let shift = 64 - 8 * n as u32;
        ((u << shift) as i64) >> shift
    };
    match code {
        b'c' => pystr::new_bytes(cx, &b[..n]),
        b'?' => Ok(Value::bool(u != 0)),
        b'f' => float::new(cx, f32::from_bits(u as u32) as f64),
        b'd' => float::new(cx, f64::from_bits(u)),
        b'e' => float::new(cx, f16_value(u as u16)),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => int::from_i64(cx, signed(u)),
        _ => int::from_i128(cx, u as i128),
    }
}

/// Pack `vals` by format `f` into `out` (exactly `calcsize(f)` bytes, zeroed).
fn pack_to(
    cx: &mut Cx,
    state: Value,
    f: &[u8],
    vals: &[Value],
    out: &mut crate::obj::str::StrBuilder,
) -> PyResult<()> {
    let (size, nvals) = layout(f).map_err(|_| bad_typecode(cx))?;
    if nvals != vals.len() {
        let got = vals.len();
        return Err(error(
            cx,
            state,
            format_args!("pack expected {nvals} items for packing (got {got})"),
        ));
    }
    let mut fmt = Format::new(f);
    let native = fmt.native();
    let little = fmt.order.little();
    let mut vi = 0;
    while let Some((count, code, isz)) = fmt.next().map_err(|_| bad_typecode(cx))? {
        let pad = align(out.as_bytes().len(), code, isz, native) - out.as_bytes().len();
        out.push_repeat(&[0], pad);
        match code {
            b'x' => out.push_repeat(&[0], count),
            b's' | b'p' => {
                let v = vals[vi];
                vi += 1;
                if crate::obj::kind_of(v) == crate::obj::Kind::Str {
                    let c = code as char;
                    return Err(error(
                        cx,
                        state,
                        format_args!("argument for '{c}' must be a bytes object"),
                    ));
                }
                let b = native::readable(cx, v)?;
                if code == b's' {
                    let k = b.len().min(count);
                    out.push(&b[..k]);
                    out.push_repeat(&[0], count - k);
                } else if count > 0 {
                    let k = b.len().min(count - 1).min(255);
                    out.push_byte(k as u8);
                    out.push(&b[..k]);
                    out.push_repeat(&[0], count - 1 - k);
                }
            }
            _ => {
                for _ in 0..count {
                    let v = vals[vi];
                    vi += 1;
                    let mut tmp = [0u8; 8];
                    match encode(cx, code, isz, little, native, v, &mut tmp) {
                        Ok(()) => out.push(&tmp[..isz]),
                        Err(EncodeError::Raised(r)) => return Err(r),
                        Err(EncodeError::Range(m)) => {
                            return Err(error(cx, state, format_args!("{m}")))
                        }
                    }
                }
            }
        }
    }
    if out.failed {
        return Err(cx.raise_memory_error(size));
    }
    Ok(())
}

/// Unpack `b` (exactly the format's size) into a tuple.
fn unpack_bytes(cx: &mut Cx, f: &[u8], src: Value, off: usize) -> PyResult<Value> {
    let (_, nvals) = layout(f).map_err(|_| bad_typecode(cx))?;
    let t = tuple::new_uninit(cx, nvals)?;
    let mark = cx.roots_mark();
    cx.root(t)?;
    let mut fmt = Format::new(f);
    let native = fmt.native();
    let little = fmt.order.little();
    let mut pos = off;
    let mut vi = 0;
    let r = (|| {
        while let Some((count, code, isz)) = fmt.next().map_err(|_| bad_typecode(cx))? {
            pos = off + align(pos - off, code, isz, native);
            let take = |cx: &mut Cx, pos: usize, n: usize| -> PyResult<[u8; 8]> {
                let b = native::readable(cx, src)?;
                let mut tmp = [0u8; 8];
                match b.get(pos..pos + n) {
                    Some(s) => tmp[..n].copy_from_slice(s),
                    None => return Err(cx.value_error("buffer too small")),
                }
                Ok(tmp)
            };
            match code {
                b'x' => pos += count,
                b's' | b'p' => {
                    let b = native::readable(cx, src)?;
                    let Some(s) = b.get(pos..pos + count) else {
                        return Err(cx.value_error("buffer too small"));
                    };
                    let s = if code == b'p' && count > 0 {
                        let k = (s[0] as usize).min(count - 1);
                        &s[1..1 + k]
                    } else {
                        s
                    };
                    let (p, n) = (s.as_ptr(), s.len());
                    // SAFETY: the slice lives in the rooted source; nothing allocated since.
                    let v = pystr::new_bytes(cx, unsafe { core::slice::from_raw_parts(p, n) })?;
                    native::set_field(cx, t, vi, v);
                    vi += 1;
                    pos += count;
                }
                _ => {
                    for _ in 0..count {
                        let tmp = take(cx, pos, isz)?;
                        let v = decode(cx, code, &tmp[..isz], little)?;
                        native::set_field(cx, t, vi, v);
                        vi += 1;
                        pos += isz;
                    }
                }
            }
        }
        Ok(())
    })();
    cx.roots_truncate(mark);
    r?;
    Ok(t)
}

fn calcsize(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = format_bytes(cx, a[1])?;
    let (size, _) = layout(f).map_err(|_| bad_typecode(cx))?;
    int::from_i64(cx, size as i64)
}

fn pack(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = format_bytes(cx, a[1])?;
    let mut out = crate::obj::str::StrBuilder::new(cx);
    pack_to(cx, a[0], f, &a[2..], &mut out)?;
    out.finish_bytes(cx)
}

fn buffer_offset(cx: &mut Cx, len: usize, off: Value) -> PyResult<usize> {
    let o = crate::vm::seq::int_arg(cx, off)?;
    let o = if o < 0 { o + len as isize } else { o };
    if o < 0 || o as usize > len {
        return Err(cx.value_error("buffer too small"));
    }
    Ok(o as usize)
}

fn pack_into(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if a.len() < 4 {
        return Err(cx.type_error("function missing required positional argument"));
    }
    let f = format_bytes(cx, a[1])?;
    let len = native::writable(cx, a[2])?.len();
    let off = buffer_offset(cx, len, a[3])?;
    let mut out = crate::obj::str::StrBuilder::new(cx);
    pack_to(cx, a[0], f, &a[4..], &mut out)?;
    let dst = native::writable(cx, a[2])?;
    match dst.get_mut(off..off + out.as_bytes().len()) {
        Some(d) => d.copy_from_slice(out.as_bytes()),
        None => return Err(cx.value_error("buffer too small")),
    }
    Ok(Value::NONE)
}

fn unpack_common(cx: &mut Cx, a: &[Value], off: Option<Value>, exact: bool) -> PyResult<Value> {
    let f = format_bytes(cx, a[1])?;
    let (size, _) = layout(f).map_err(|_| bad_typecode(cx))?;
    let len = native::readable(cx, a[2])?.len();
    let off = match off {
        Some(o) => buffer_offset(cx, len, o)?,
        None => 0,
    };
    if len - off < size {
        return Err(cx.value_error("buffer too small"));
    }
    if exact && len != size {
        return Err(error(
            cx,
            a[0],
            format_args!("unpack requires a buffer of {size} bytes"),
        ));
    }
    unpack_bytes(cx, f, a[2], off)
}

fn unpack(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    unpack_common(cx, a, None, true)
}

fn unpack_from(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [f, buf, off] =
        crate::builtins::args::parse(cx, &a[1..], k, ["format", "buffer", "offset"], 3)?;
    if f.is_null() || buf.is_null() {
        return Err(cx.type_error("function missing required positional argument"));
    }
    let off = if off.is_null() { None } else { Some(off) };
    unpack_common(cx, &[a[0], f, buf], off, false)
}

// Bound to the module state: args[0] is the state tuple.
native_fn!(CALCSIZE, q::calcsize, 2, 2, false, calcsize);
native_fn!(PACK, q::pack, 2, crate::obj::func::VARARGS, false, pack);
native_fn!(
    PACK_INTO,
    q::pack_into,
    4,
    crate::obj::func::VARARGS,
    false,
    pack_into
);
native_fn!(UNPACK, q::unpack, 3, 3, false, unpack);
native_fn!(UNPACK_FROM, q::unpack_from, 1, 4, true, unpack_from);

static ERROR_CLASS: ClassDef = ClassDef {
    name: &q::error,
    base: &EXCEPTION_TYPE,
    members: &[],
};

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    native::install(
        cx,
        m,
        &[&ERROR_CLASS],
        &[
            (&q::calcsize, &CALCSIZE),
            (&q::pack, &PACK),
            (&q::pack_into, &PACK_INTO),
            (&q::unpack, &UNPACK),
            (&q::unpack_from, &UNPACK_FROM),
        ],
    )
}

/// The `struct` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::struct_,
    items: &[] as &[(&crate::obj::str::StrObj, Item)],
    init: Some(init),
};
