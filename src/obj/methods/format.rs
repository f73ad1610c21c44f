//! String formatting: the format-spec mini-language (`format()`, `str.format`, f-strings,
//! which MicroPython compiles to `str.format`) and `%` formatting.

use crate::num::{FloatFormat, FloatKind};
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, float, int, str as pystr, tuple, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// A parsed format spec.
#[derive(Default, Clone, Copy)]
struct Spec {
    fill: Option<char>,
    align: Option<u8>,
    sign: Option<u8>,
    z: bool,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<u8>,
    precision: Option<usize>,
    ty: Option<u8>,
}

fn parse_spec(cx: &mut Cx, s: &str) -> PyResult<Spec> {
    let mut sp = Spec::default();
    let chars: &[u8] = s.as_bytes();
    let mut i = 0;
    // fill + align
    let mut it = s.char_indices();
    if let Some((_, c0)) = it.next() {
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
            return Err(cx.value_error("Format specifier missing precision"));
        }
        sp.precision = Some(p);
    }
    if i < chars.len() {
        sp.ty = Some(chars[i]);
        i += 1;
    }
    if i != chars.len() {
        return Err(cx.value_error("Invalid format specifier"));
    }
    Ok(sp)
}

/// Pad `body` (already including its sign/prefix split at `sign_len`) per the spec.
fn pad(out: &mut StrBuilder, body: &[u8], sign_len: usize, sp: &Spec, default_right: bool) {
    let n = pystr::char_count(body);
    let fill = sp.fill.unwrap_or(if sp.zero && sp.align.is_none() {
        '0'
    } else {
        ' '
    });
    let align = sp.align.unwrap_or(if sp.zero && sp.fill.is_none() {
        b'='
    } else if default_right {
        b'>'
    } else {
        b'<'
    });
    if n >= sp.width {
        out.push(body);
        return;
    }
    let padn = sp.width - n;
    let push_fill = |out: &mut StrBuilder, k: usize| {
        for _ in 0..k {
            out.push_char(fill);
        }
    };
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
            out.push(&body[..sign_len]);
            push_fill(out, padn);
            out.push(&body[sign_len..]);
        }
        _ => {
            push_fill(out, padn);
            out.push(body);
        }
    }
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

fn sign_prefix(neg: bool, sp: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match sp.sign {
            Some(b'+') => "+",
            Some(b' ') => " ",
            _ => "",
        }
    }
}

/// Format an int value per the spec.
fn format_int(cx: &mut Cx, out: &mut StrBuilder, v: Value, sp: &Spec) -> PyResult<()> {
    let ty = sp.ty.unwrap_or(b'd');
    if matches!(ty, b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'%') {
        let f = crate::vm::num::to_f64(cx, v)?.unwrap_or(0.0);
        return format_float(cx, out, f, sp);
    }
    if sp.precision.is_some() {
        return Err(cx.value_error("Precision not allowed in integer format specifier"));
    }
    let (neg, mag_digits, prefix): (bool, StrBuilder, &str) = {
        let Some(a) = crate::vm::num::int_arg(v) else {
            return Err(cx.type_error("int expected"));
        };
        let r = a.as_ref();
        let neg = r.is_negative();
        let (base, prefix) = match ty {
            b'b' => (2, "0b"),
            b'o' => (8, "0o"),
            b'x' => (16, "0x"),
            b'X' => (16, "0X"),
            b'c' => {
                let c = r
                    .to_i64()
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(char::from_u32);
                let Some(c) = c else {
                    return Err(cx.overflow_error("%c arg not in range(0x110000)"));
                };
                let mut tmp = [0u8; 4];
                let s = c.encode_utf8(&mut tmp);
                pad(out, s.as_bytes(), 0, sp, false);
                return Ok(());
            }
            b'd' | b'n' => (10, ""),
            _ => {
                let t = ty as char;
                return Err(cx.raise_fmt(
                    &VALUE_ERROR_TYPE,
                    format_args!("Unknown format code '{t}' for object of type 'int'"),
                ));
            }
        };
        let mut d = StrBuilder::new(cx);
        if r.abs_ref().write_radix(base, &mut d.buf).is_err() {
            return Err(cx.raise_memory_error(0));
        }
        if ty == b'X' {
            d.buf.make_ascii_uppercase();
        }
        (neg, d, if sp.alt { prefix } else { "" })
    };
    let mut body = StrBuilder::new(cx);
    body.push_str(sign_prefix(neg, sp));
    body.push_str(prefix);
    let sign_len = body.buf.len();
    match sp.grouping {
        Some(g) => {
            let every = if matches!(ty, b'b' | b'o' | b'x' | b'X') {
                4
            } else {
                3
            };
            if sp.zero && sp.width > 0 && sp.align.is_none() {
                // Zero padding counts the separators: let the digit grouping fill the width.
                let want = sp.width.saturating_sub(sign_len);
                let mut digits = StrBuilder::new(cx);
                let have = mag_digits.buf.len();
                // Number of digits needed so that digits + separators >= want.
                let mut nd = have;
                while nd + (nd - 1) / every < want {
                    nd += 1;
                }
                for _ in have..nd {
                    digits.push_byte(b'0');
                }
                digits.push(&mag_digits.buf);
                group_digits(&digits.buf, g, every, &mut body);
                out.push(&body.buf);
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

/// Format a float per the spec.
fn format_float(cx: &mut Cx, out: &mut StrBuilder, f: f64, sp: &Spec) -> PyResult<()> {
    let kind = match sp.ty {
        None => FloatKind::NoType,
        Some(b'e') => FloatKind::Exp,
        Some(b'E') => FloatKind::ExpUpper,
        Some(b'f') => FloatKind::Fixed,
        Some(b'F') => FloatKind::FixedUpper,
        Some(b'g') | Some(b'n') => FloatKind::General,
        Some(b'G') => FloatKind::GeneralUpper,
        Some(b'%') => FloatKind::Percent,
        Some(t) => {
            let t = t as char;
            return Err(cx.raise_fmt(
                &VALUE_ERROR_TYPE,
                format_args!("Unknown format code '{t}' for object of type 'float'"),
            ));
        }
    };
    let mut digits = StrBuilder::new(cx);
    let ff = FloatFormat {
        kind,
        precision: sp.precision,
        alternate: sp.alt,
    };
    let sign = match crate::num::format_float(f, &ff, &mut digits) {
        Ok(s) => s,
        Err(_) => return Err(cx.raise_memory_error(0)),
    };
    let neg = sign.negative && !(sp.z && sign.rounded_zero);
    let mut body = StrBuilder::new(cx);
    body.push_str(sign_prefix(neg, sp));
    let sign_len = body.buf.len();
    match sp.grouping {
        Some(g) if f.is_finite() => {
            let d = &digits.buf;
            let int_end = d
                .iter()
                .position(|&c| !c.is_ascii_digit())
                .unwrap_or(d.len());
            group_digits(&d[..int_end], g, 3, &mut body);
            body.push(&d[int_end..]);
        }
        _ => body.push(&digits.buf),
    }
    let zero_ok = f.is_finite();
    let mut sp2 = *sp;
    if !zero_ok && sp.zero && sp.fill.is_none() {
        sp2.zero = false;
    }
    pad(out, &body.buf, sign_len, &sp2, true);
    Ok(())
}

/// Write `format(v, spec)`.
pub fn format_value(cx: &mut Cx, out: &mut StrBuilder, v: Value, spec: &str) -> PyResult<()> {
    if ops::is_user_object(v) {
        if let Some(m) = ops::lookup_special(cx, v, &q::__format__) {
            let s = pystr::new_from(cx, spec)?;
            let r = cx.call_with_self(m, v, &[s], &[])?;
            match pystr::str_of(r) {
                Some(t) => {
                    out.push_str(t);
                    return Ok(());
                }
                None => return Err(cx.type_error("__format__ must return a str")),
            }
        }
    }
    if spec.is_empty() && ops::is_user_object(v) {
        // `format(x, '')` is `str(x)` (which sees the class's `__str__`/`__repr__`).
        return super::repr::write_str(cx, out, v);
    }
    let sp = parse_spec(cx, spec)?;
    let v = if ops::is_user_object(v) {
        ops::instance_base(v).unwrap_or(v)
    } else {
        v
    };
    if v.as_bool().is_some() && sp.ty.is_none() {
        let s = if v == Value::TRUE { "True" } else { "False" };
        pad(out, s.as_bytes(), 0, &sp, false);
        return Ok(());
    }
    if crate::vm::num::is_intlike(v) {
        return format_int(cx, out, v, &sp);
    }
    if let Some(f) = float::value_of(v) {
        return format_float(cx, out, f, &sp);
    }
    if spec.is_empty() {
        return super::repr::write_str(cx, out, v);
    }
    if obj::kind_of(v) == Kind::Str {
        if let Some(t) = sp.ty {
            if t != b's' {
                let t = t as char;
                return Err(cx.raise_fmt(
                    &VALUE_ERROR_TYPE,
                    format_args!("Unknown format code '{t}' for object of type 'str'"),
                ));
            }
        }
        if sp.sign.is_some() {
            return Err(cx.value_error("Sign not allowed in string format specifier"));
        }
        let s = pystr::str_of(v).unwrap_or("");
        let s = match sp.precision {
            Some(p) => match s.char_indices().nth(p) {
                Some((i, _)) => &s[..i],
                None => s,
            },
            None => s,
        };
        let (p, n) = (s.as_ptr(), s.len());
        // SAFETY: a slice of v's text, held by the caller.
        pad(
            out,
            unsafe { core::slice::from_raw_parts(p, n) },
            0,
            &sp,
            false,
        );
        return Ok(());
    }
    if obj::kind_of(v) == Kind::Complex {
        let mut tmp = StrBuilder::new(cx);
        super::repr::write_repr(cx, &mut tmp, v, 0)?;
        pad(out, &tmp.buf, 0, &sp, true);
        return Ok(());
    }
    let tn = ops::alloc_free_name(cx.type_name(v));
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("unsupported format string passed to {tn}.__format__"),
    ))
}

/// `format(v, spec)` as a new str.
pub fn format_to_str(cx: &mut Cx, v: Value, spec: &str) -> PyResult<Value> {
    let mut b = StrBuilder::new(cx);
    format_value(cx, &mut b, v, spec)?;
    b.finish(cx)
}

/// Resolve a field name (`0`, `name`, `a.b`, `a[0]`) against the call's arguments.
fn resolve_field(
    cx: &mut Cx,
    name: &str,
    args: &[Value],
    kw: &[Value],
    auto: &mut Option<usize>,
) -> PyResult<Value> {
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(end);
    let mut v = if first.is_empty() {
        let Some(n) = auto.as_mut() else {
            return Err(cx.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        };
        let i = *n;
        *n += 1;
        match args.get(i) {
            Some(&v) => v,
            None => {
                return Err(cx.raise_fmt(
                    &INDEX_ERROR_TYPE,
                    format_args!("Replacement index {i} out of range for positional args tuple"),
                ))
            }
        }
    } else if let Ok(i) = first.parse::<usize>() {
        if auto.is_some_and(|n| n > 0) {
            return Err(cx.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *auto = None;
        match args.get(i) {
            Some(&v) => v,
            None => {
                return Err(cx.raise_fmt(
                    &INDEX_ERROR_TYPE,
                    format_args!("Replacement index {i} out of range for positional args tuple"),
                ))
            }
        }
    } else {
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
    };
    let mark = cx.roots_mark();
    while !rest.is_empty() {
        cx.root(v)?;
        if let Some(r) = rest.strip_prefix('.') {
            let e = r.find(['.', '[']).unwrap_or(r.len());
            let attr = pystr::intern(cx, &r.as_bytes()[..e])?;
            v = ops::getattr(cx, v, attr)?;
            rest = &r[e..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(e) = r.find(']') else {
                cx.roots_truncate(mark);
                return Err(cx.value_error("Missing ']' in format string"));
            };
            let key = &r[..e];
            let k = match key.parse::<isize>() {
                Ok(i) => Value::small_int_unchecked(i),
                Err(_) => pystr::new_from(cx, key)?,
            };
            v = ops::getitem(cx, v, k)?;
            rest = &r[e + 1..];
        } else {
            break;
        }
    }
    cx.roots_truncate(mark);
    Ok(v)
}

/// `fmt.format(*args, **kw)`.
pub fn str_format(cx: &mut Cx, fmt: Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut out = StrBuilder::new(cx);
    let mut auto = Some(0usize);
    format_into(
        cx,
        &mut out,
        fmt,
        pystr::str_of(fmt).unwrap_or(""),
        args,
        kw,
        &mut auto,
        0,
    )?;
    out.finish(cx)
}

#[allow(clippy::too_many_arguments)]
fn format_into(
    cx: &mut Cx,
    out: &mut StrBuilder,
    owner: Value,
    f: &str,
    args: &[Value],
    kw: &[Value],
    auto: &mut Option<usize>,
    depth: u32,
) -> PyResult<()> {
    let _ = owner;
    if depth > 2 {
        return Err(cx.value_error("Max string recursion exceeded"));
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
            while j < b.len() && lvl > 0 {
                match b[j] {
                    b'{' => lvl += 1,
                    b'}' => lvl -= 1,
                    _ => {}
                }
                if lvl > 0 {
                    j += 1;
                }
            }
            if j >= b.len() {
                return Err(cx.value_error("single '{' encountered in format string"));
            }
            let field = &f[i + 1..j];
            i = j + 1;
            // Split name!conv:spec (the name ends at the first ! or : outside brackets).
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
            let mut rest = &field[name_end..];
            let mut conv = None;
            if let Some(r) = rest.strip_prefix('!') {
                let cb = r.as_bytes().first().copied();
                conv = cb;
                rest = &r[cb.map_or(0, |_| 1)..];
                if !rest.is_empty() && !rest.starts_with(':') {
                    return Err(cx.value_error("expected ':' after conversion specifier"));
                }
                if !matches!(conv, Some(b'r' | b's' | b'a')) {
                    return Err(cx.value_error("Unknown conversion specifier"));
                }
            }
            let spec_src = rest.strip_prefix(':').unwrap_or("");
            let v = resolve_field(cx, name, args, kw, auto)?;
            let mark = cx.roots_mark();
            cx.root(v)?;
            let v = match conv {
                Some(b'r') | Some(b'a') => super::repr::repr(cx, v)?,
                Some(b's') => super::repr::to_str(cx, v)?,
                _ => v,
            };
            cx.root(v)?;
            // Nested fields in the spec.
            if spec_src.contains('{') {
                let mut sb = StrBuilder::new(cx);
                format_into(cx, &mut sb, owner, spec_src, args, kw, auto, depth + 1)?;
                let spec = core::str::from_utf8(&sb.buf).unwrap_or("");
                format_value(cx, out, v, spec)?;
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

/// `fmt % args` for str and bytes.
pub fn percent_format(cx: &mut Cx, fmt: Value, args: Value) -> PyResult<Value> {
    let is_bytes = obj::kind_of(fmt) == Kind::Bytes;
    let f = pystr::bytes_of(fmt).unwrap_or(&[]);
    let items: &[Value] = match tuple::items_of(args) {
        Some(t) if !ops::is_user_object(args) => t,
        _ => core::slice::from_ref(&args),
    };
    let (ip, ilen) = (items.as_ptr(), items.len());
    let is_map = obj::kind_of(args) == Kind::Dict
        || (ops::is_user_object(args)
            && ops::lookup_special(cx, args, &q::__getitem__).is_some()
            && tuple::items_of(args).is_none());
    let mut out = StrBuilder::new(cx);
    let mut ai = 0usize;
    let mut i = 0;
    let mut used_map = false;
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
            let key = &f[st..i - 1];
            let k = if is_bytes {
                pystr::new_bytes(cx, key)?
            } else {
                pystr::new_str(cx, key)?
            };
            if !is_map {
                return Err(cx.type_error("format requires a dict"));
            }
            arg_override = Some(ops::getitem(cx, args, k)?);
            used_map = true;
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
                None => Err(cx.type_error("format string needs more arguments")),
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
        let Some(&t) = f.get(i) else {
            return Err(cx.value_error("incomplete format"));
        };
        i += 1;
        if t == b'%' {
            out.push_byte(b'%');
            continue;
        }
        let v = match arg_override {
            Some(v) => v,
            None => next_arg(cx, &mut ai)?,
        };
        if sp.align == Some(b'<') {
            sp.zero = false;
        }
        // A number subclass formats as its number; `%d` of another object uses `__int__`.
        let v = match ops::instance_base(v) {
            Some(b) if matches!(obj::kind_of(b), Kind::Int | Kind::Float) || b.is_small_int() => b,
            _ => v,
        };
        let v = if ops::is_user_object(v) && matches!(t, b'd' | b'i' | b'u' | b'x' | b'X' | b'o') {
            match crate::builtins::ctors::construct(cx, &crate::obj::types::INT_TYPE, &[v], &[]) {
                Ok(i) => i,
                Err(_) => {
                    cx.take_pending();
                    v
                }
            }
        } else {
            v
        };
        match t {
            b'd' | b'i' | b'u' | b'x' | b'X' | b'o' => {
                let v = if let Some(fl) = float::value_of(v) {
                    let al = cx.temp_alloc();
                    match crate::num::float_to_big(fl, al) {
                        Ok(b) => int::from_limbs(cx, b.is_negative(), b.magnitude())?,
                        Err(e) => return Err(crate::vm::num::raise_num_error(cx, e)),
                    }
                } else {
                    v
                };
                if !crate::vm::num::is_intlike(v) {
                    let tn = ops::alloc_free_name(cx.type_name(v));
                    return Err(cx.raise_fmt(
                        &TYPE_ERROR_TYPE,
                        format_args!("%{} format: a number is required, not {tn}", t as char),
                    ));
                }
                let mut sp2 = sp;
                sp2.ty = Some(match t {
                    b'x' => b'x',
                    b'X' => b'X',
                    b'o' => b'o',
                    _ => b'd',
                });
                let prec = sp2.precision.take();
                if let Some(p) = prec {
                    // Precision pads the digits with zeros.
                    let mut tmp = StrBuilder::new(cx);
                    let inner = Spec {
                        ty: sp2.ty,
                        alt: sp2.alt,
                        sign: sp2.sign,
                        ..Spec::default()
                    };
                    format_int(cx, &mut tmp, v, &inner)?;
                    let body = tmp.buf;
                    let sign_len = body
                        .iter()
                        .take_while(|c| matches!(c, b'-' | b'+' | b' '))
                        .count()
                        + if sp2.alt && t != b'd' { 2 } else { 0 };
                    let digits = body.len() - sign_len;
                    let mut b2 = StrBuilder::new(cx);
                    b2.push(&body[..sign_len]);
                    for _ in digits..p {
                        b2.push_byte(b'0');
                    }
                    b2.push(&body[sign_len..]);
                    pad(&mut out, &b2.buf, sign_len, &sp2, true);
                } else {
                    format_int(cx, &mut out, v, &sp2)?;
                }
            }
            b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                let Some(fl) = crate::vm::num::to_f64(cx, v)? else {
                    let tn = ops::alloc_free_name(cx.type_name(v));
                    return Err(cx.raise_fmt(
                        &TYPE_ERROR_TYPE,
                        format_args!("must be real number, not {tn}"),
                    ));
                };
                let mut sp2 = sp;
                sp2.ty = Some(t);
                if sp2.precision.is_none() {
                    sp2.precision = Some(6);
                }
                format_float(cx, &mut out, fl, &sp2)?;
            }
            b'c' => {
                let mut tmp = StrBuilder::new(cx);
                if let Some(s) = pystr::str_of(v) {
                    if pystr::char_count(s.as_bytes()) != 1 {
                        return Err(cx.type_error("%c requires int or char"));
                    }
                    tmp.push_str(s);
                } else {
                    let n = crate::vm::seq::int_arg(cx, v)?;
                    match u32::try_from(n).ok().and_then(char::from_u32) {
                        Some(ch) => tmp.push_char(ch),
                        None => return Err(cx.overflow_error("%c arg not in range(0x110000)")),
                    }
                }
                pad(&mut out, &tmp.buf, 0, &sp, false);
            }
            b's' | b'r' | b'a' | b'b' => {
                let mut tmp = StrBuilder::new(cx);
                if t == b's' || t == b'b' {
                    if is_bytes && matches!(obj::kind_of(v), Kind::Bytes | Kind::ByteArray) {
                        let bb = super::bytes::buffer_bytes(cx, v)?;
                        tmp.push(bb);
                    } else {
                        super::repr::write_str(cx, &mut tmp, v)?;
                    }
                } else {
                    super::repr::write_repr(cx, &mut tmp, v, 0)?;
                }
                let body: &[u8] = match sp.precision {
                    Some(p) => {
                        let s = core::str::from_utf8(&tmp.buf).unwrap_or("");
                        match s.char_indices().nth(p) {
                            Some((k, _)) => &tmp.buf[..k],
                            None => &tmp.buf,
                        }
                    }
                    None => &tmp.buf,
                };
                let mut sp2 = sp;
                sp2.zero = false;
                pad(&mut out, body, 0, &sp2, true);
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
    if !used_map && ai < ilen && !is_map {
        return Err(cx.type_error("format string didn't convert all arguments"));
    }
    if is_bytes {
        out.finish_bytes(cx)
    } else {
        out.finish(cx)
    }
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
