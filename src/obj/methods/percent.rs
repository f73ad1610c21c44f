//! `%` formatting of str, bytes and bytearray (`'%5.2f' % x`, `b'%s' % b'x'`).
//!
//! Results follow CPython 3.11; errors use MicroPython's wording (`format string needs more
//! arguments`, `can't convert str to int`, `format needs a dict`). The field layout reuses
//! the format-spec machinery of `format.rs`.

use super::format::{format_float, format_int, pad, Spec};
use super::str::{text_kind, TextKind};
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, float, int, str as pystr, tuple, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// The int value of a `%d`-style argument (floats truncate, as in CPython).
fn percent_int(cx: &mut Cx, v: Value, t: u8) -> PyResult<Value> {
    let v = ops::instance_base(v).unwrap_or(v);
    if crate::vm::num::is_intlike(v) {
        return Ok(v);
    }
    if let Some(fl) = float::value_of(v) {
        if matches!(t, b'd' | b'i' | b'u') {
            let al = cx.temp_alloc();
            return match crate::num::float_to_big(fl, al) {
                Ok(b) => int::from_limbs(cx, b.is_negative(), b.magnitude()),
                Err(e) => Err(crate::vm::num::raise_num_error(cx, e)),
            };
        }
    }
    if ops::is_user_object(v) {
        let dunder = if matches!(t, b'd' | b'i' | b'u') {
            &q::__int__
        } else {
            &q::__index__
        };
        if let Some(m) = ops::lookup_special(cx, v, dunder) {
            let r = cx.call_with_self(m, v, &[], &[])?;
            if crate::vm::num::is_intlike(r) {
                return Ok(r);
            }
        }
    }
    let tn = ops::alloc_free_name(cx.type_name(v));
    Err(cx.raise_fmt(&TYPE_ERROR_TYPE, format_args!("can't convert {tn} to int")))
}

/// The float value of a `%f`-style argument.
fn percent_float(cx: &mut Cx, v: Value) -> PyResult<f64> {
    let v = ops::instance_base(v).unwrap_or(v);
    if let Some(f) = crate::vm::num::to_f64(cx, v)? {
        return Ok(f);
    }
    if ops::is_user_object(v) {
        if let Some(m) = ops::lookup_special(cx, v, &q::__float__) {
            let r = cx.call_with_self(m, v, &[], &[])?;
            if let Some(f) = float::value_of(r) {
                return Ok(f);
            }
        }
    }
    let tn = ops::alloc_free_name(cx.type_name(v));
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("can't convert {tn} to float"),
    ))
}

/// `fmt % args` for str, bytes and bytearray.
pub fn percent_format(cx: &mut Cx, fmt: Value, args: Value) -> PyResult<Value> {
    // Values looked up by `%(key)s` are rooted as they are fetched; drop them at the end.
    let mark = cx.roots_mark();
    let r = percent_format_inner(cx, fmt, args);
    cx.roots_truncate(mark);
    r
}

fn percent_format_inner(cx: &mut Cx, fmt: Value, args: Value) -> PyResult<Value> {
    let kind = text_kind(fmt);
    let is_bytes = kind != TextKind::Str;
    let f = super::str::self_bytes(fmt);
    if kind == TextKind::ByteArray {
        // Work on a copy: a __str__ or __index__ called below might change the bytearray.
        let copy = pystr::new_bytes(cx, f)?;
        let mark = cx.roots_mark();
        cx.root(copy)?;
        let r = match percent_format(cx, copy, args) {
            Ok(r) => cx.root(r).map(|_| r),
            Err(e) => Err(e),
        };
        let r = r.and_then(|r| {
            let b = pystr::bytes_of(r).unwrap_or(&[]);
            crate::obj::bytes::new_bytearray(cx, b)
        });
        cx.roots_truncate(mark);
        return r;
    }
    // A tuple (or an instance of a tuple subclass) supplies the arguments; anything else is
    // the one argument.
    let tuple_args = if ops::is_user_object(args) {
        ops::instance_base(args)
    } else {
        Some(args)
    };
    let items: &[Value] = match tuple_args.and_then(tuple::items_of) {
        Some(t) => t,
        None => core::slice::from_ref(&args),
    };
    let (ip, ilen) = (items.as_ptr(), items.len());
    // CPython's test: anything subscriptable but a tuple or str counts as a mapping (and
    // then unused arguments are not an error).
    let is_map = match obj::kind_of(ops::instance_base(args).unwrap_or(args)) {
        Kind::Dict
        | Kind::List
        | Kind::Bytes
        | Kind::ByteArray
        | Kind::MemoryView
        | Kind::Range => true,
        Kind::Tuple | Kind::Str => false,
        _ => ops::is_user_object(args) && ops::lookup_special(cx, args, &q::__getitem__).is_some(),
    };
    let mut out = StrBuilder::new(cx);
    let mut ai = 0usize;
    let mut i = 0;
    while i < f.len() {
        let c = f[i];
        if c != b'%' {
            let st = i;
            while i < f.len() && f[i] != b'%' {
                i += 1;
            }
            out.push(&f[st..i]);
            continue;
        }
        i += 1;
        if i >= f.len() {
            return Err(cx.value_error("incomplete format"));
        }
        if f[i] == b'%' {
            out.push_byte(b'%');
            i += 1;
            continue;
        }
        let mut arg_override = None;
        if f[i] == b'(' {
            let st = i + 1;
            let mut lvl = 1;
            i += 1;
            while i < f.len() && lvl > 0 {
                match f[i] {
                    b'(' => lvl += 1,
                    b')' => lvl -= 1,
                    _ => {}
                }
                i += 1;
            }
            if lvl > 0 {
                return Err(cx.value_error("incomplete format key"));
            }
            if !is_map {
                return Err(cx.type_error("format needs a dict"));
            }
            let key = &f[st..i - 1];
            let k = if is_bytes {
                pystr::new_bytes(cx, key)?
            } else {
                pystr::new_str(cx, key)?
            };
            let v = ops::getitem(cx, args, k)?;
            cx.root(v)?;
            arg_override = Some(v);
        }
        let mut sp = Spec::default();
        loop {
            match f.get(i) {
                Some(b'-') => sp.align = Some(b'<'),
                Some(b'+') => sp.sign = Some(b'+'),
                Some(b' ') => {
                    if sp.sign.is_none() {
                        sp.sign = Some(b' ')
                    }
                }
                Some(b'#') => sp.alt = true,
                Some(b'0') => sp.zero = true,
                _ => break,
            }
            i += 1;
        }
        // SAFETY: items is the caller's args tuple (or the single arg), live throughout.
        let items = unsafe { core::slice::from_raw_parts(ip, ilen) };
        let next_arg = |cx: &mut Cx, ai: &mut usize| -> PyResult<Value> {
            match items.get(*ai) {
                Some(&v) => {
                    *ai += 1;
                    Ok(v)
                }
                _ => Err(cx.type_error("format string needs more arguments")),
            }
        };
        if f.get(i) == Some(&b'*') {
            let w = next_arg(cx, &mut ai)?;
            let w = crate::vm::seq::int_arg(cx, w)?;
            if w < 0 {
                sp.align = Some(b'<');
            }
            sp.width = w.unsigned_abs();
            i += 1;
        } else {
            while let Some(&d) = f.get(i).filter(|d| d.is_ascii_digit()) {
                sp.width = sp
                    .width
                    .saturating_mul(10)
                    .saturating_add((d - b'0') as usize);
                i += 1;
            }
        }
        if f.get(i) == Some(&b'.') {
            i += 1;
            let mut p = 0usize;
            if f.get(i) == Some(&b'*') {
                let w = next_arg(cx, &mut ai)?;
                p = crate::vm::seq::int_arg(cx, w)?.max(0) as usize;
                i += 1;
            } else {
                while let Some(&d) = f.get(i).filter(|d| d.is_ascii_digit()) {
                    p = p.saturating_mul(10).saturating_add((d - b'0') as usize);
                    i += 1;
                }
            }
            sp.precision = Some(p);
        }
        // Length modifiers are accepted and ignored, as in CPython.
        while matches!(f.get(i), Some(b'h' | b'l' | b'L')) {
            i += 1;
        }
        let Some(&t) = f.get(i) else {
            return Err(cx.value_error("incomplete format"));
        };
        i += 1;
        let v = match arg_override {
            Some(v) => v,
            None => next_arg(cx, &mut ai)?,
        };
        if sp.align == Some(b'<') {
            sp.zero = false;
        }
        match t {
            b'd' | b'i' | b'u' | b'x' | b'X' | b'o' => {
                let v = percent_int(cx, v, t)?;
                let mark = cx.roots_mark();
                cx.root(v)?;
                let ty = match t {
                    b'x' | b'X' | b'o' => t,
                    _ => b'd',
                };
                // Precision pads the digits with zeros.
                let inner = Spec {
                    ty: Some(ty),
                    alt: sp.alt,
                    sign: sp.sign,
                    ..Spec::default()
                };
                let mut tmp = StrBuilder::new(cx);
                format_int(cx, &mut tmp, v, &inner)?;
                cx.roots_truncate(mark);
                let body = &tmp.buf;
                let sign_len = body
                    .iter()
                    .take_while(|c| matches!(c, b'-' | b'+' | b' '))
                    .count()
                    + if sp.alt && ty != b'd' { 2 } else { 0 };
                let digits = body.len() - sign_len;
                let mut b2 = StrBuilder::new(cx);
                b2.push(&body[..sign_len]);
                b2.push_repeat(b"0", sp.precision.unwrap_or(0).saturating_sub(digits));
                b2.push(&body[sign_len..]);
                let sp2 = Spec {
                    fill: None,
                    zero: sp.zero && sp.precision.is_none(),
                    ..sp
                };
                pad(&mut out, &b2.buf, sign_len, &sp2, true);
                out.failed |= tmp.failed || b2.failed;
            }
            b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                let fl = percent_float(cx, v)?;
                let mut sp2 = sp;
                sp2.ty = Some(t);
                if sp2.precision.is_none() {
                    sp2.precision = Some(6);
                }
                format_float(cx, &mut out, fl, &sp2)?;
            }
            b'c' => {
                let mut tmp = StrBuilder::new(cx);
                let v = ops::instance_base(v).unwrap_or(v);
                if is_bytes && is_bytes_like(v) {
                    let bb = super::bytes::buffer_bytes(cx, v)?;
                    if bb.len() != 1 {
                        return Err(cx.type_error("%c needs int or char"));
                    }
                    tmp.push(bb);
                } else if let Some(s) = pystr::str_of(v).filter(|_| !is_bytes) {
                    if pystr::char_count(s.as_bytes()) != 1 {
                        return Err(cx.type_error("%c needs int or char"));
                    }
                    tmp.push_str(s);
                } else if crate::vm::num::is_intlike(v) {
                    let n = int::to_i64(v).unwrap_or(-1);
                    if is_bytes {
                        if !(0..=255).contains(&n) {
                            return Err(cx.overflow_error("%c arg not in range(256)"));
                        }
                        tmp.push_byte(n as u8);
                    } else {
                        match u32::try_from(n).ok().and_then(char::from_u32) {
                            Some(ch) => tmp.push_char(ch),
                            None => return Err(cx.overflow_error("char not in range(0x110000)")),
                        }
                    }
                } else {
                    return Err(cx.type_error("%c needs int or char"));
                }
                let sp2 = Spec { zero: false, ..sp };
                pad(&mut out, &tmp.buf, 0, &sp2, true);
                out.failed |= tmp.failed;
            }
            b's' | b'r' | b'a' | b'b' => {
                let mut tmp = StrBuilder::new(cx);
                if t == b's' || t == b'b' {
                    let base = ops::instance_base(v).unwrap_or(v);
                    if is_bytes && is_bytes_like(base) {
                        let bb = super::bytes::buffer_bytes(cx, base)?;
                        tmp.push(bb);
                    } else {
                        super::repr::write_str(cx, &mut tmp, v)?;
                    }
                } else if t == b'a' || is_bytes {
                    let s = super::repr::ascii(cx, v)?;
                    tmp.push(pystr::bytes_of(s).unwrap_or(&[]));
                } else {
                    super::repr::write_repr(cx, &mut tmp, v, 0)?;
                }
                let body: &[u8] = match sp.precision {
                    Some(p) if is_bytes => &tmp.buf[..p.min(tmp.buf.len())],
                    Some(p) => {
                        let s = core::str::from_utf8(&tmp.buf).unwrap_or("");
                        match s.char_indices().nth(p) {
                            Some((k, _)) => &tmp.buf[..k],
                            None => &tmp.buf,
                        }
                    }
                    None => &tmp.buf,
                };
                let sp2 = Spec { zero: false, ..sp };
                pad(&mut out, body, 0, &sp2, true);
                out.failed |= tmp.failed;
            }
            _ => {
                let c = t as char;
                return Err(cx.raise_fmt(
                    &VALUE_ERROR_TYPE,
                    format_args!(
                        "unsupported format character '{c}' (0x{:x}) at index {}",
                        t,
                        i - 1
                    ),
                ));
            }
        }
    }
    if !is_map && ai < ilen {
        return Err(cx.type_error("format string didn't convert all arguments"));
    }
    if is_bytes {
        out.finish_bytes(cx)
    } else {
        out.finish(cx)
    }
}

fn is_bytes_like(v: Value) -> bool {
    matches!(
        obj::kind_of(v),
        Kind::Bytes | Kind::ByteArray | Kind::MemoryView
    ) && v.is_ptr()
}
