//! `json`: `dumps`, `dump`, `loads`, `load`.
//!
//! Output is CPython's (`ensure_ascii`: non-ASCII text as `\uXXXX`, `Infinity`/`NaN`, keys
//! converted to strings, tuples as arrays) with MicroPython's `separators` option and CPython's
//! `indent`. A value that cannot be serialised raises `TypeError`. Bad input raises
//! MicroPython's `ValueError: syntax error in JSON`. Nesting is bounded in both directions:
//! deeper than `MAX_DEPTH` raises `RuntimeError` (which also stops circular structures).

use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, dict, float, int, list, str as pystr, table, tuple, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult, Raised};

/// Deepest nesting of arrays and objects read or written.
const MAX_DEPTH: u32 = 200;

/// How to write: the separators and the indent (None: all on one line).
struct Style<'a> {
    item_sep: &'a [u8],
    key_sep: &'a [u8],
    indent: Option<&'a [u8]>,
}

fn too_deep(cx: &mut Cx) -> Raised {
    cx.recursion_error()
}

/// Append `s` (UTF-8) as a JSON string with `ensure_ascii`.
pub fn write_string(out: &mut StrBuilder, s: &[u8]) {
    out.push_byte(b'"');
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c < 0x80 {
            match c {
                b'"' => out.push(b"\\\""),
                b'\\' => out.push(b"\\\\"),
                b'\n' => out.push(b"\\n"),
                b'\r' => out.push(b"\\r"),
                b'\t' => out.push(b"\\t"),
                0x08 => out.push(b"\\b"),
                0x0c => out.push(b"\\f"),
                0..=0x1f | 0x7f if c != 0x7f => push_u(out, c as u32),
                _ => out.push_byte(c),
            }
            i += 1;
            continue;
        }
        // Decode one UTF-8 sequence.
        let (cp, n) = decode_utf8(&s[i..]);
        i += n;
        if cp >= 0x10000 {
            let v = cp - 0x10000;
            push_u(out, 0xd800 + (v >> 10));
            push_u(out, 0xdc00 + (v & 0x3ff));
        } else {
            push_u(out, cp);
        }
    }
    out.push_byte(b'"');
}

fn decode_utf8(s: &[u8]) -> (u32, usize) {
    let c = s[0] as u32;
    let n = match c {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return (0xfffd, 1),
    };
    if s.len() < n {
        return (0xfffd, 1);
    }
    let mut cp = c & (0x7f >> n);
    for &b in &s[1..n] {
        cp = cp << 6 | (b as u32 & 0x3f);
    }
    (cp, n)
}

fn push_u(out: &mut StrBuilder, u: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b"\\u");
    for sh in [12, 8, 4, 0] {
        out.push_byte(HEX[((u >> sh) & 15) as usize]);
    }
}

fn write_float(out: &mut StrBuilder, f: f64) {
    if f.is_nan() {
        out.push(b"NaN");
    } else if f.is_infinite() {
        out.push(if f > 0.0 {
            &b"Infinity"[..]
        } else {
            b"-Infinity"
        });
    } else {
        crate::obj::methods::repr::write_float(out, f);
    }
}

fn newline(out: &mut StrBuilder, st: &Style, depth: u32) {
    if let Some(ind) = st.indent {
        out.push_byte(b'\n');
        for _ in 0..depth {
            out.push(ind);
        }
    }
}

/// Write a dict key as a JSON string (CPython converts numbers, bools and None).
fn write_key(cx: &mut Cx, out: &mut StrBuilder, k: Value) -> PyResult<()> {
    let k = if ops::is_user_object(k) {
        ops::instance_base(k).unwrap_or(k)
    } else {
        k
    };
    if obj::kind_of(k) == Kind::Str && k.is_ptr() {
        write_string(out, pystr::bytes_of(k).unwrap_or(&[]));
        return Ok(());
    }
    out.push_byte(b'"');
    if let Some(b) = k.as_bool() {
        out.push(if b { &b"true"[..] } else { b"false" });
    } else if k.is_none() {
        out.push(b"null");
    } else if int::is_int(k) {
        crate::obj::methods::repr::write_int(cx, out, k)?;
    } else if let Some(f) = float::value_of(k) {
        write_float(out, f);
    } else {
        let tn = ops::alloc_free_name(cx.type_name(k));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("keys must be str, int, float, bool or None, not {tn}"),
        ));
    }
    out.push_byte(b'"');
    Ok(())
}

fn write_value(
    cx: &mut Cx,
    out: &mut StrBuilder,
    v: Value,
    st: &Style,
    depth: u32,
) -> PyResult<()> {
    if depth > MAX_DEPTH {
        return Err(too_deep(cx));
    }
    if let Some(b) = v.as_bool() {
        out.push(if b { &b"true"[..] } else { b"false" });
        return Ok(());
    }
    if v.is_none() {
        out.push(b"null");
        return Ok(());
    }
    if v.is_small_int() {
        return crate::obj::methods::repr::write_int(cx, out, v);
    }
    let base = if ops::is_user_object(v) {
        ops::instance_base(v).unwrap_or(v)
    } else {
        v
    };
    match obj::kind_of(base) {
        Kind::Int => crate::obj::methods::repr::write_int(cx, out, base),
        Kind::Float => {
            write_float(out, float::value_of(base).unwrap_or(0.0));
            Ok(())
        }
        Kind::Str => {
            write_string(out, pystr::bytes_of(base).unwrap_or(&[]));
            Ok(())
        }
        Kind::List | Kind::Tuple => {
            let is_list = obj::kind_of(base) == Kind::List;
            let items = |i: usize| -> Option<Value> {
                if is_list {
                    list::items_of(base).and_then(|s| s.get(i).copied())
                } else {
                    tuple::items_of(base).and_then(|s| s.get(i).copied())
                }
            };
            out.push_byte(b'[');
            let mut i = 0;
            while let Some(x) = items(i) {
                if i > 0 {
                    out.push(st.item_sep);
                }
                newline(out, st, depth + 1);
                write_value(cx, out, x, st, depth + 1)?;
                i += 1;
            }
            if i > 0 {
                newline(out, st, depth);
            }
            out.push_byte(b']');
            Ok(())
        }
        Kind::Dict => {
            out.push_byte(b'{');
            let mut i = 0;
            let mut first = true;
            while let Some((next, k, x)) = table::next_entry(base, i) {
                i = next;
                if !first {
                    out.push(st.item_sep);
                }
                first = false;
                newline(out, st, depth + 1);
                write_key(cx, out, k)?;
                out.push(st.key_sep);
                write_value(cx, out, x, st, depth + 1)?;
            }
            if !first {
                newline(out, st, depth);
            }
            out.push_byte(b'}');
            Ok(())
        }
        _ => {
            let tn = ops::alloc_free_name(cx.type_name(v));
            Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("Object of type {tn} is not JSON serializable"),
            ))
        }
    }
}

/// The text of a `separators` or `indent` argument.
fn text_arg<'a>(cx: &mut Cx, v: Value) -> PyResult<&'a [u8]> {
    match pystr::bytes_of(v) {
        Some(b) if obj::kind_of(v) == Kind::Str => Ok(b),
        _ => Err(cx.type_error("separators must be strings")),
    }
}

/// Serialise `obj` with the `separators`/`indent` keyword values (NULL when not given).
fn encode(cx: &mut Cx, v: Value, seps: Value, indent: Value) -> PyResult<Value> {
    let spaces = [b' '; 64];
    let indent_b: Option<&[u8]> = if indent.is_null() || indent.is_none() {
        None
    } else if let Some(n) = int::to_i64(indent).filter(|_| indent.as_bool().is_none()) {
        let n = n.clamp(0, 64) as usize;
        Some(&spaces[..n])
    } else {
        Some(text_arg(cx, indent)?)
    };
    let (item_sep, key_sep): (&[u8], &[u8]) = if seps.is_null() || seps.is_none() {
        (if indent_b.is_some() { b"," } else { b", " }, b": ")
    } else {
        let parts = match obj::kind_of(seps) {
            Kind::Tuple => tuple::items_of(seps),
            Kind::List => list::items_of(seps),
            _ => None,
        };
        match parts {
            Some(&[a, b]) => (text_arg(cx, a)?, text_arg(cx, b)?),
            _ => return Err(cx.value_error("separators must be a 2-tuple")),
        }
    };
    // Copy the separators out of the heap: writing allocates temporary memory.
    let mut seps_buf = [0u8; 64];
    let (il, kl) = (item_sep.len().min(32), key_sep.len().min(32));
    seps_buf[..il].copy_from_slice(&item_sep[..il]);
    seps_buf[32..32 + kl].copy_from_slice(&key_sep[..kl]);
    let mut ind_buf = [0u8; 64];
    let indent_b = indent_b.map(|b| {
        let n = b.len().min(64);
        ind_buf[..n].copy_from_slice(&b[..n]);
        &ind_buf[..n]
    });
    let st = Style {
        item_sep: &seps_buf[..il],
        key_sep: &seps_buf[32..32 + kl],
        indent: indent_b,
    };
    let mut out = StrBuilder::new(cx);
    write_value(cx, &mut out, v, &st, 0)?;
    out.finish(cx)
}

fn dumps(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [o, seps, indent] =
        crate::builtins::args::parse(cx, a, k, ["obj", "separators", "indent"], 1)?;
    if o.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    encode(cx, o, seps, indent)
}

fn dump(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [o, fp, seps, indent] =
        crate::builtins::args::parse(cx, a, k, ["obj", "fp", "separators", "indent"], 2)?;
    if o.is_null() || fp.is_null() {
        return Err(cx.type_error("function missing 2 required positional arguments"));
    }
    let s = encode(cx, o, seps, indent)?;
    let mark = cx.roots_mark();
    cx.root(s)?;
    let text = pystr::bytes_of(s).unwrap_or(&[]);
    let r = crate::builtins::core::write_to(cx, fp, text);
    cx.roots_truncate(mark);
    r?;
    Ok(Value::NONE)
}

/// The JSON reader over the bytes of a rooted str or bytes object.
struct Parser {
    src: Value,
    pos: usize,
}

fn syntax(cx: &mut Cx) -> Raised {
    cx.value_error("syntax error in JSON")
}

impl Parser {
    fn bytes<'a>(&self) -> &'a [u8] {
        pystr::bytes_of(self.src).unwrap_or(&[])
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> bool {
        if self.bytes()[self.pos.min(self.bytes().len())..].starts_with(word) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, cx: &mut Cx, depth: u32) -> PyResult<Value> {
        if depth > MAX_DEPTH {
            return Err(too_deep(cx));
        }
        self.skip_ws();
        match self.peek() {
            Some(b'{') => self.object(cx, depth),
            Some(b'[') => self.array(cx, depth),
            Some(b'"') => self.string(cx),
            Some(b't') if self.eat(b"true") => Ok(Value::TRUE),
            Some(b'f') if self.eat(b"false") => Ok(Value::FALSE),
            Some(b'n') if self.eat(b"null") => Ok(Value::NONE),
            Some(b'N') if self.eat(b"NaN") => float::new(cx, f64::NAN),
            Some(b'I') if self.eat(b"Infinity") => float::new(cx, f64::INFINITY),
            Some(b'-') if self.eat(b"-Infinity") => float::new(cx, f64::NEG_INFINITY),
            Some(b'-' | b'0'..=b'9') => self.number(cx),
            _ => Err(syntax(cx)),
        }
    }

    fn number(&mut self, cx: &mut Cx) -> PyResult<Value> {
        let b = self.bytes();
        let start = self.pos;
        let mut i = start;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        let digits = |i: &mut usize| {
            let s = *i;
            while b.get(*i).is_some_and(|c| c.is_ascii_digit()) {
                *i += 1;
            }
            *i - s
        };
        let int_start = i;
        let n = digits(&mut i);
        if n == 0 || (n > 1 && b[int_start] == b'0') {
            return Err(syntax(cx));
        }
        let mut is_float = false;
        if b.get(i) == Some(&b'.') {
            i += 1;
            if digits(&mut i) == 0 {
                return Err(syntax(cx));
            }
            is_float = true;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if digits(&mut i) == 0 {
                return Err(syntax(cx));
            }
            is_float = true;
        }
        self.pos = i;
        // The slice is ASCII digits and signs.
        let text = core::str::from_utf8(&b[start..i]).unwrap_or("0");
        if is_float {
            match crate::num::parse_float(text) {
                Ok(f) => float::new(cx, f),
                Err(_) => Err(syntax(cx)),
            }
        } else if let Ok(v) = text.parse::<i64>() {
            int::from_i64(cx, v)
        } else {
            let r = crate::num::Big::parse(text, 10, cx.temp_alloc());
            crate::vm::num::big_to_value(cx, r)
        }
    }

    fn hex4(&mut self, cx: &mut Cx) -> PyResult<u32> {
        let b = self.bytes();
        let Some(h) = b.get(self.pos..self.pos + 4) else {
            return Err(syntax(cx));
        };
        let mut v = 0u32;
        for &c in h {
            let d = (c as char).to_digit(16).ok_or(()).map_err(|_| syntax(cx))?;
            v = v << 4 | d;
        }
        self.pos += 4;
        Ok(v)
    }

    fn string(&mut self, cx: &mut Cx) -> PyResult<Value> {
        self.pos += 1; // the opening quote
        let mut out = StrBuilder::new(cx);
        loop {
            let b = self.bytes();
            // Copy a run of plain characters at once.
            let start = self.pos;
            while let Some(&c) = b.get(self.pos) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push(&b[start..self.pos]);
            match b.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let Some(&e) = b.get(self.pos) else {
                        return Err(syntax(cx));
                    };
                    self.pos += 1;
                    match e {
                        b'"' | b'\\' | b'/' => out.push_byte(e),
                        b'b' => out.push_byte(8),
                        b'f' => out.push_byte(12),
                        b'n' => out.push_byte(b'\n'),
                        b'r' => out.push_byte(b'\r'),
                        b't' => out.push_byte(b'\t'),
                        b'u' => {
                            let mut u = self.hex4(cx)?;
                            if (0xd800..0xdc00).contains(&u) && self.eat(b"\\u") {
                                let save = self.pos;
                                let lo = self.hex4(cx)?;
                                if (0xdc00..0xe000).contains(&lo) {
                                    u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                                } else {
                                    // Not a pair: keep the high surrogate alone.
                                    self.pos = save - 2;
                                }
                            }
                            // A lone surrogate cannot be held by a str here.
                            match char::from_u32(u) {
                                Some(c) => out.push_char(c),
                                None => return Err(syntax(cx)),
                            }
                        }
                        _ => return Err(syntax(cx)),
                    }
                }
                _ => return Err(syntax(cx)),
            }
        }
        out.finish(cx)
    }

    fn array(&mut self, cx: &mut Cx, depth: u32) -> PyResult<Value> {
        self.pos += 1;
        let l = list::with_capacity(cx, 0)?;
        let mark = cx.roots_mark();
        cx.root(l)?;
        let r = (|| {
            self.skip_ws();
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Ok(());
            }
            loop {
                let v = self.value(cx, depth + 1)?;
                list::append(cx, l, v)?;
                self.skip_ws();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b']') => {
                        self.pos += 1;
                        return Ok(());
                    }
                    _ => return Err(syntax(cx)),
                }
            }
        })();
        cx.roots_truncate(mark);
        r.map(|_| l)
    }

    fn object(&mut self, cx: &mut Cx, depth: u32) -> PyResult<Value> {
        self.pos += 1;
        let d = dict::new(cx)?;
        let mark = cx.roots_mark();
        cx.root(d)?;
        let r = (|| {
            self.skip_ws();
            if self.peek() == Some(b'}') {
                self.pos += 1;
                return Ok(());
            }
            loop {
                self.skip_ws();
                if self.peek() != Some(b'"') {
                    return Err(syntax(cx));
                }
                let k = self.string(cx)?;
                let m2 = cx.roots_mark();
                cx.root(k)?;
                self.skip_ws();
                if self.peek() != Some(b':') {
                    return Err(syntax(cx));
                }
                self.pos += 1;
                let v = self.value(cx, depth + 1)?;
                dict::set(cx, d, k, v)?;
                cx.roots_truncate(m2);
                self.skip_ws();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => {
                        self.pos += 1;
                        return Ok(());
                    }
                    _ => return Err(syntax(cx)),
                }
            }
        })();
        cx.roots_truncate(mark);
        r.map(|_| d)
    }
}

/// Parse a whole document held by `src` (a str or bytes, rooted by the caller).
fn decode(cx: &mut Cx, src: Value) -> PyResult<Value> {
    let src = ops::instance_base(src).unwrap_or(src);
    let src = match obj::kind_of(src) {
        Kind::Str | Kind::Bytes if src.is_ptr() => src,
        Kind::ByteArray | Kind::MemoryView => {
            let b = super::native::readable(cx, src)?;
            pystr::new_bytes(cx, b)?
        }
        _ => {
            let tn = ops::alloc_free_name(cx.type_name(src));
            return Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("the JSON object must be str, bytes or bytearray, not {tn}"),
            ));
        }
    };
    if obj::kind_of(src) == Kind::Bytes
        && core::str::from_utf8(pystr::bytes_of(src).unwrap_or(&[])).is_err()
    {
        return Err(syntax(cx));
    }
    let mark = cx.roots_mark();
    cx.root(src)?;
    let mut p = Parser { src, pos: 0 };
    let r = p.value(cx, 0).and_then(|v| {
        p.skip_ws();
        if p.pos != p.bytes().len() {
            return Err(syntax(cx));
        }
        Ok(v)
    });
    cx.roots_truncate(mark);
    r
}

fn loads(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    decode(cx, a[0])
}

fn load(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (m, self_) = ops::load_method(cx, a[0], q::read.value())?;
    let s = if self_.is_null() {
        cx.call(m, &[], &[])?
    } else {
        cx.call(m, &[self_], &[])?
    };
    let mark = cx.roots_mark();
    cx.root(s)?;
    let r = decode(cx, s);
    cx.roots_truncate(mark);
    r
}

native_fn!(DUMPS, q::dumps, 1, 1, true, dumps);
native_fn!(DUMP, q::dump, 2, 2, true, dump);
native_fn!(LOADS, q::loads, 1, 1, false, loads);
native_fn!(LOAD, q::load, 1, 1, false, load);

/// The `json` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::json,
    items: &[
        (&q::dumps, Item::Obj(&DUMPS.header)),
        (&q::dump, Item::Obj(&DUMP.header)),
        (&q::loads, Item::Obj(&LOADS.header)),
        (&q::load, Item::Obj(&LOAD.header)),
    ],
    init: None,
};
