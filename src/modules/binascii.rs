//! `binascii`: hexlify/unhexlify (and their `b2a_hex`/`a2b_hex` names), base64, crc32.
//!
//! Errors are MicroPython's C module's: `ValueError: odd-length string`, `non-hex digit`,
//! `incorrect padding`. Characters outside the base64 alphabet are skipped, as both
//! MicroPython and CPython (non-strict mode) do.

use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::str::StrBuilder;
use crate::obj::{int, str as pystr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

const HEX: &[u8; 16] = b"0123456789abcdef";
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The bytes of a data argument; `ascii_str` also accepts an ASCII str (the a2b functions).
fn data<'a>(cx: &mut Cx, v: Value, ascii_str: bool) -> PyResult<&'a [u8]> {
    if crate::obj::kind_of(v) == Kind::Str && v.is_ptr() {
        let b = pystr::bytes_of(v).unwrap_or(&[]);
        if ascii_str && b.is_ascii() {
            return Ok(b);
        }
        if ascii_str {
            return Err(cx.value_error("string argument should contain only ASCII characters"));
        }
    }
    super::native::readable(cx, v)
}

/// Hex digits of `b`, with `sep` between bytes when given.
pub fn hexlify_bytes(b: &[u8], sep: Option<&[u8]>, out: &mut StrBuilder) {
    for (i, &c) in b.iter().enumerate() {
        if i > 0 {
            if let Some(s) = sep {
                out.push(s);
            }
        }
        out.push(&[HEX[(c >> 4) as usize], HEX[(c & 15) as usize]]);
    }
}

fn hexlify(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let sep = match a.get(1) {
        Some(&s) => {
            let sb = data(cx, s, true)?;
            if sb.len() != 1 {
                return Err(cx.value_error("sep must be length 1."));
            }
            Some(sb)
        }
        None => None,
    };
    let b = data(cx, a[0], false)?;
    let mut out = StrBuilder::new(cx);
    hexlify_bytes(b, sep, &mut out);
    out.finish_bytes(cx)
}

fn hex_val(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decode hex digits (None: odd length; Some(Err): a non-hex digit).
pub fn unhex(b: &[u8], out: &mut StrBuilder) -> Result<(), &'static str> {
    if !b.len().is_multiple_of(2) {
        return Err("odd-length string");
    }
    for p in b.chunks_exact(2) {
        match (hex_val(p[0]), hex_val(p[1])) {
            (Some(h), Some(l)) => out.push_byte(h << 4 | l),
            _ => return Err("non-hex digit"),
        }
    }
    Ok(())
}

fn unhexlify(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let b = data(cx, a[0], true)?;
    let mut out = StrBuilder::new(cx);
    if let Err(m) = unhex(b, &mut out) {
        return Err(cx.value_error(m));
    }
    out.finish_bytes(cx)
}

/// Base64 of `b` (no newline).
pub fn b64encode(b: &[u8], out: &mut StrBuilder) {
    for ch in b.chunks(3) {
        let n = ch.len();
        let w = (ch[0] as u32) << 16
            | (*ch.get(1).unwrap_or(&0) as u32) << 8
            | *ch.get(2).unwrap_or(&0) as u32;
        let idx = |s: u32| B64[((w >> s) & 63) as usize];
        out.push(&[
            idx(18),
            idx(12),
            if n > 1 { idx(6) } else { b'=' },
            if n > 2 { idx(0) } else { b'=' },
        ]);
    }
}

/// Decode base64, skipping characters outside the alphabet.
pub fn b64decode(b: &[u8], out: &mut StrBuilder) -> Result<(), &'static str> {
    let mut acc: u32 = 0;
    let mut nbits = 0;
    let mut nchars = 0usize;
    let mut pad = 0usize;
    for &c in b {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => {
                // Enough padding to end a quantum ends the input (CPython ignores the rest).
                pad += 1;
                if nchars % 4 >= 2 && nchars % 4 + pad >= 4 {
                    return Ok(());
                }
                continue;
            }
            _ => continue,
        };
        pad = 0;
        acc = acc << 6 | v as u32;
        nbits += 6;
        nchars += 1;
        if nbits >= 8 {
            nbits -= 8;
            out.push_byte((acc >> nbits) as u8);
            acc &= (1 << nbits) - 1;
        }
    }
    if !nchars.is_multiple_of(4) {
        return Err("incorrect padding");
    }
    Ok(())
}

fn a2b_base64(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let b = data(cx, a[0], true)?;
    let mut out = StrBuilder::new(cx);
    if let Err(m) = b64decode(b, &mut out) {
        return Err(cx.value_error(m));
    }
    out.finish_bytes(cx)
}

fn b2a_base64(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [d, newline] = crate::builtins::args::parse(cx, a, k, ["data", "newline"], 1)?;
    if d.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let nl = newline.is_null() || crate::vm::ops::truthy(cx, newline)?;
    let b = data(cx, d, false)?;
    let mut out = StrBuilder::new(cx);
    b64encode(b, &mut out);
    if nl {
        out.push_byte(b'\n');
    }
    out.finish_bytes(cx)
}

/// CRC-32 (IEEE 802.3, as zlib computes it) of `b` continuing from `crc`.
pub fn crc32_update(crc: u32, b: &[u8]) -> u32 {
    let mut c = !crc;
    for &x in b {
        c ^= x as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xedb8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

fn crc32(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let init = match a.get(1) {
        Some(&v) => {
            let i = crate::obj::int::to_i128(v);
            match i {
                Some(i) => i as u32,
                None => {
                    // Big ints and other types: keep the low 32 bits of an int.
                    crate::vm::seq::int_arg(cx, v)? as u32
                }
            }
        }
        None => 0,
    };
    let b = data(cx, a[0], false)?;
    let c = crc32_update(init, b);
    int::from_i64(cx, c as i64)
}

native_fn!(HEXLIFY, q::hexlify, 1, 2, false, hexlify);
native_fn!(UNHEXLIFY, q::unhexlify, 1, 1, false, unhexlify);
native_fn!(A2B_BASE64, q::a2b_base64, 1, 1, false, a2b_base64);
native_fn!(B2A_BASE64, q::b2a_base64, 1, 1, true, b2a_base64);
native_fn!(CRC32, q::crc32, 1, 2, false, crc32);

/// The `binascii` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::binascii,
    items: &[
        (&q::hexlify, Item::Obj(&HEXLIFY.header)),
        (&q::unhexlify, Item::Obj(&UNHEXLIFY.header)),
        (&q::b2a_hex, Item::Obj(&HEXLIFY.header)),
        (&q::a2b_hex, Item::Obj(&UNHEXLIFY.header)),
        (&q::a2b_base64, Item::Obj(&A2B_BASE64.header)),
        (&q::b2a_base64, Item::Obj(&B2A_BASE64.header)),
        (&q::crc32, Item::Obj(&CRC32.header)),
    ],
    init: None,
};
