//! `repr()` and `str()` of every kind of value, written into a string builder.
//!
//! Nested containers recurse on the Rust stack; the depth is bounded and deeper nesting raises
//! `RuntimeError` (principle 4). Self-referencing containers print `[...]`.

use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, float, int, str as pystr, tuple, Kind, TypeObj};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// Deepest container nesting printed.
const MAX_REPR_DEPTH: u32 = 100;

/// `repr(v)` as a new str.
pub fn repr(cx: &mut Cx, v: Value) -> PyResult<Value> {
    if obj::is::<pystr::StrObj>(v) && !ops::is_user_object(v) {
        return build(cx, v, |_, b, v| {
            write_str_repr(b, pystr::str_of(v).unwrap_or(""));
            Ok(())
        });
    }
    build(cx, v, |cx, b, v| write_repr(cx, b, v, 0))
}

/// `str(v)` as a new str (`v` itself for a str).
pub fn to_str(cx: &mut Cx, v: Value) -> PyResult<Value> {
    if obj::is::<pystr::StrObj>(v) {
        return Ok(v);
    }
    build(cx, v, write_str)
}

/// Build a str from `v` with `f`. The text is built in temporary memory, which never collects:
/// if it runs out (say a program that caught MemoryError has just dropped what filled the
/// heap), collect once, with `v` rooted, and build it again.
fn build(
    cx: &mut Cx,
    v: Value,
    f: impl Fn(&mut Cx, &mut StrBuilder, Value) -> PyResult<()>,
) -> PyResult<Value> {
    let mut b = StrBuilder::new(cx);
    f(cx, &mut b, v)?;
    if !b.failed || cx.heap().is_locked() {
        return b.finish(cx);
    }
    drop(b);
    let mark = cx.roots_mark();
    cx.root(v)?;
    cx.collect();
    let mut b = StrBuilder::new(cx);
    let r = f(cx, &mut b, v);
    cx.roots_truncate(mark);
    r?;
    b.finish(cx)
}

/// Append `str(v)`.
pub fn write_str(cx: &mut Cx, b: &mut StrBuilder, v: Value) -> PyResult<()> {
    match obj::kind_of(v) {
        Kind::Str if v.is_ptr() => {
            b.push(pystr::bytes_of(v).unwrap_or(&[]));
            Ok(())
        }
        Kind::Exception if !has_user_method(v, &q::__str__) => {
            super::exception::write_exc_str(cx, b, v)
        }
        _ => {
            if ops::is_user_object(v) {
                if let Some(m) = ops::lookup_special(cx, v, &q::__str__) {
                    let s = cx.call_with_self(m, v, &[], &[])?;
                    return push_str_result(cx, b, s, "__str__");
                }
                // A str subclass without __str__ prints its text.
                if let Some(base) = ops::instance_base(v).filter(|&x| obj::kind_of(x) == Kind::Str)
                {
                    b.push(pystr::bytes_of(base).unwrap_or(&[]));
                    return Ok(());
                }
            }
            write_repr(cx, b, v, 0)
        }
    }
}

fn has_user_method(v: Value, name: &'static pystr::StrObj) -> bool {
    if !ops::is_user_object(v) {
        return false;
    }
    matches!(
        crate::vm::attr::type_lookup(obj::type_of(v), name.value()),
        Some(crate::vm::attr::Found::Value(_))
    )
}

fn push_str_result(cx: &mut Cx, b: &mut StrBuilder, s: Value, what: &str) -> PyResult<()> {
    match pystr::bytes_of(s) {
        Some(bytes) if obj::is::<pystr::StrObj>(s) => {
            b.push(bytes);
            Ok(())
        }
        _ => {
            let tn = ops::alloc_free_name(cx.type_name(s));
            Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("{what} returned non-string (type {tn})"),
            ))
        }
    }
}

/// Python's repr of a str: single quotes unless the text has a single quote and no double.
pub fn write_str_repr(b: &mut StrBuilder, s: &str) {
    write_str_repr_with(b, s, false);
}

/// The repr of a str; `ascii` escapes every non-ASCII character (`ascii()`), otherwise only
/// the ones `str.isprintable` rejects are escaped, as CPython does.
pub fn write_str_repr_with(b: &mut StrBuilder, s: &str, ascii: bool) {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let _ = b.buf.try_reserve(s.len() + 2);
    b.push_char(q);
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let plain = if c.is_ascii() {
            (' '..='~').contains(&c) && c != '\\' && c != q
        } else {
            !ascii && crate::unicode::is_printable(c)
        };
        if plain {
            continue;
        }
        b.push(&s.as_bytes()[run..i]);
        run = i + c.len_utf8();
        match c {
            '\\' => b.push_str("\\\\"),
            '\n' => b.push_str("\\n"),
            '\r' => b.push_str("\\r"),
            '\t' => b.push_str("\\t"),
            c if c == q => {
                b.push_char('\\');
                b.push_char(c);
            }
            c => {
                let n = c as u32;
                let _ = if n < 0x100 {
                    core::fmt::Write::write_fmt(b, format_args!("\\x{n:02x}"))
                } else if n < 0x10000 {
                    core::fmt::Write::write_fmt(b, format_args!("\\u{n:04x}"))
                } else {
                    core::fmt::Write::write_fmt(b, format_args!("\\U{n:08x}"))
                };
            }
        }
    }
    b.push(&s.as_bytes()[run..]);
    b.push_char(q);
}

/// `ascii(v)`: the repr with every non-ASCII character escaped.
pub fn ascii(cx: &mut Cx, v: Value) -> PyResult<Value> {
    let r = repr(cx, v)?;
    let t = pystr::str_of(r).unwrap_or("");
    if t.is_ascii() {
        return Ok(r);
    }
    let mut b = StrBuilder::new(cx);
    for c in t.chars() {
        let n = c as u32;
        let _ = if n < 0x80 {
            b.push_char(c);
            Ok(())
        } else if n < 0x100 {
            core::fmt::Write::write_fmt(&mut b, format_args!("\\x{n:02x}"))
        } else if n < 0x10000 {
            core::fmt::Write::write_fmt(&mut b, format_args!("\\u{n:04x}"))
        } else {
            core::fmt::Write::write_fmt(&mut b, format_args!("\\U{n:08x}"))
        };
    }
    b.finish(cx)
}

fn ascii_builtin(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    ascii(cx, args[0])
}

crate::native_fn!(pub ASCII, q::ascii, 1, 1, false, ascii_builtin);

/// Python's repr of bytes.
pub fn write_bytes_repr(b: &mut StrBuilder, bytes: &[u8]) {
    let q = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    b.push_byte(b'b');
    b.push_byte(q);
    for &c in bytes {
        match c {
            b'\\' => b.push_str("\\\\"),
            b'\n' => b.push_str("\\n"),
            b'\r' => b.push_str("\\r"),
            b'\t' => b.push_str("\\t"),
            c if c == q => {
                b.push_byte(b'\\');
                b.push_byte(c);
            }
            0x20..=0x7e => b.push_byte(c),
            c => {
                let _ = core::fmt::Write::write_fmt(b, format_args!("\\x{c:02x}"));
            }
        }
    }
    b.push_byte(q);
}

/// Append a float's repr.
pub fn write_float(b: &mut StrBuilder, f: f64) {
    let _ = crate::num::repr_float(f, b);
}

/// Append an int's decimal text.
pub fn write_int(cx: &mut Cx, b: &mut StrBuilder, v: Value) -> PyResult<()> {
    if let Some(i) = v.as_small_int() {
        let _ = core::fmt::Write::write_fmt(b, format_args!("{i}"));
        return Ok(());
    }
    if let Some((neg, mag)) = int::big_of(v) {
        let al = cx.temp_alloc();
        let r = crate::num::BigRef::new(neg, mag).write_radix(10, &mut b.buf);
        let _ = al;
        if r.is_err() {
            b.failed = true;
        }
    }
    Ok(())
}

fn type_name_of(t: *const TypeObj) -> &'static [u8] {
    // SAFETY: live type; its name lives as long as it does (the caller holds it).
    unsafe { &*(t) }.name_bytes()
}

/// Append `repr(v)`.
pub fn write_repr(cx: &mut Cx, b: &mut StrBuilder, v: Value, depth: u32) -> PyResult<()> {
    if depth > MAX_REPR_DEPTH {
        return Err(cx.recursion_error());
    }
    if let Some(i) = v.as_small_int() {
        let _ = core::fmt::Write::write_fmt(b, format_args!("{i}"));
        return Ok(());
    }
    if v.is_immediate() || v.is_null() {
        b.push_str(match v {
            Value::NONE => "None",
            Value::TRUE => "True",
            Value::FALSE => "False",
            Value::ELLIPSIS => "Ellipsis",
            Value::NOT_IMPLEMENTED => "NotImplemented",
            _ => "<NULL>",
        });
        return Ok(());
    }
    if ops::is_user_object(v) && obj::kind_of(v) != Kind::Type {
        if let Some(m) = ops::lookup_special(cx, v, &q::__repr__) {
            let s = cx.call_with_self(m, v, &[], &[])?;
            return push_str_result(cx, b, s, "__repr__");
        }
    }
    match obj::kind_of(v) {
        Kind::Str => write_str_repr(b, pystr::str_of(v).unwrap_or("")),
        Kind::Bytes => write_bytes_repr(b, pystr::bytes_of(v).unwrap_or(&[])),
        Kind::ByteArray => {
            b.push_str("bytearray(");
            let bytes = obj::get::<obj::bytes::ByteArrayObj>(cx, v)
                .map(|x| x.as_bytes())
                .unwrap_or(&[]);
            write_bytes_repr(b, bytes);
            b.push_byte(b')');
        }
        Kind::Int => write_int(cx, b, v)?,
        Kind::Float => write_float(b, float::value_of(v).unwrap_or(0.0)),
        Kind::Complex => {
            let (r, i) = float::complex_of(v).unwrap_or((0.0, 0.0));
            super::numbers::write_complex(b, r, i);
        }
        Kind::Tuple | Kind::List => {
            let is_tuple = obj::kind_of(v) == Kind::Tuple;
            if !is_tuple && cx.repr_active(v) {
                b.push_str("[...]");
                return Ok(());
            }
            b.push_byte(if is_tuple { b'(' } else { b'[' });
            let guard = cx.repr_enter(v)?;
            let mut i = 0;
            let r = loop {
                let Some(&x) = ops::seq_items(v).get(i) else {
                    break Ok(());
                };
                if i > 0 {
                    b.push_str(", ");
                }
                if let Err(e) = write_repr(cx, b, x, depth + 1) {
                    break Err(e);
                }
                i += 1;
            };
            cx.repr_leave(guard);
            r?;
            if is_tuple && i == 1 {
                b.push_byte(b',');
            }
            b.push_byte(if is_tuple { b')' } else { b']' });
        }
        Kind::Dict => {
            if cx.repr_active(v) {
                b.push_str("{...}");
                return Ok(());
            }
            b.push_byte(b'{');
            let guard = cx.repr_enter(v)?;
            let mut i = 0;
            let mut first = true;
            let r = loop {
                let Some((next, k, x)) = obj::table::next_entry(v, i) else {
                    break Ok(());
                };
                if !first {
                    b.push_str(", ");
                }
                first = false;
                if let Err(e) = write_repr(cx, b, k, depth + 1) {
                    break Err(e);
                }
                b.push_str(": ");
                if let Err(e) = write_repr(cx, b, x, depth + 1) {
                    break Err(e);
                }
                i = next;
            };
            cx.repr_leave(guard);
            r?;
            b.push_byte(b'}');
        }
        Kind::Set | Kind::FrozenSet => {
            let frozen = obj::kind_of(v) == Kind::FrozenSet;
            let empty = obj::table::table_of(v).len == 0;
            if empty {
                b.push_str(if frozen { "frozenset()" } else { "set()" });
                return Ok(());
            }
            if frozen {
                b.push_str("frozenset(");
            }
            b.push_byte(b'{');
            let mut i = 0;
            let mut first = true;
            while let Some((next, k, _)) = obj::table::next_entry(v, i) {
                if !first {
                    b.push_str(", ");
                }
                first = false;
                write_repr(cx, b, k, depth + 1)?;
                i = next;
            }
            b.push_byte(b'}');
            if frozen {
                b.push_byte(b')');
            }
        }
        Kind::Range => obj::range::write_repr(cx, b, v)?,
        Kind::Slice => {
            // SAFETY: kind-checked slice.
            let (s0, s1, s2) = unsafe {
                let s = &*(v.raw() as *const obj::slice::SliceObj);
                (s.start, s.stop, s.step)
            };
            b.push_str("slice(");
            write_repr(cx, b, s0, depth + 1)?;
            b.push_str(", ");
            write_repr(cx, b, s1, depth + 1)?;
            b.push_str(", ");
            write_repr(cx, b, s2, depth + 1)?;
            b.push_byte(b')');
        }
        Kind::Type => {
            b.push_str("<class '");
            // SAFETY: kind-checked type.
            b.push(unsafe { (*(v.raw() as *const TypeObj)).name_bytes() });
            b.push_str("'>");
        }
        Kind::Function => {
            b.push_str("<function ");
            let n = crate::vm::ops::getattr(cx, v, q::__name__.value())?;
            b.push(pystr::bytes_of(n).unwrap_or(b"?"));
            let _ = core::fmt::Write::write_fmt(b, format_args!(" at 0x{:x}>", v.raw()));
        }
        Kind::Native if crate::embed::native::is_function(v) => {
            b.push_str("<function ");
            b.push(pystr::bytes_of(crate::embed::native::name_of(v)).unwrap_or(b"?"));
            b.push_byte(b'>');
        }
        Kind::NativeFn => {
            b.push_str("<function ");
            // SAFETY: kind-checked native function (static).
            b.push(unsafe {
                (*(v.raw() as *const obj::func::NativeFnObj))
                    .name
                    .as_bytes()
            });
            let _ = core::fmt::Write::write_fmt(b, format_args!(" at 0x{:x}>", v.raw()));
        }
        Kind::BoundMethod => {
            b.push_str("<bound_method>");
        }
        Kind::Module => {
            b.push_str("<module '");
            let n =
                obj::module::dict_of(v).and_then(|d| obj::dict::get_str(d, q::__name__.value()));
            b.push(n.and_then(pystr::bytes_of).unwrap_or(b"?"));
            b.push_str("'>");
        }
        Kind::Exception => super::exception::write_exc_repr(cx, b, v, depth)?,
        Kind::Generator => {
            let name = obj::gen::gen_of(v).map(|g| g.name).unwrap_or(Value::NONE);
            b.push_str("<generator object '");
            b.push(pystr::bytes_of(name).unwrap_or(b"?"));
            let _ = core::fmt::Write::write_fmt(b, format_args!("' at {:x}>", v.raw()));
        }
        Kind::Iter => {
            if let Some(it) = obj::iter::iter_of(v) {
                if it.kind == obj::iter::IterKind::DictView {
                    let (d, which) = (it.a, it.i);
                    b.push_str(match which {
                        0 => "dict_keys([",
                        1 => "dict_values([",
                        _ => "dict_items([",
                    });
                    let mut i = 0;
                    let mut first = true;
                    while let Some((next, k, x)) = obj::table::next_entry(d, i) {
                        if !first {
                            b.push_str(", ");
                        }
                        first = false;
                        match which {
                            0 => write_repr(cx, b, k, depth + 1)?,
                            1 => write_repr(cx, b, x, depth + 1)?,
                            _ => {
                                b.push_byte(b'(');
                                write_repr(cx, b, k, depth + 1)?;
                                b.push_str(", ");
                                write_repr(cx, b, x, depth + 1)?;
                                b.push_byte(b')');
                            }
                        }
                        i = next;
                    }
                    b.push_str("])");
                    return Ok(());
                }
            }
            object_repr(b, v);
        }
        Kind::Instance => {
            if let Some(base) = ops::instance_base(v).filter(|&b| obj::kind_of(b) != Kind::Native) {
                if !matches!(
                    obj::kind_of(base),
                    Kind::Set | Kind::FrozenSet | Kind::ByteArray
                ) {
                    return write_repr(cx, b, base, depth + 1);
                }
                // These reprs name the type: `S({1})`, `S()`, `BA(b'x')`.
                let start = b.buf.len();
                write_repr(cx, b, base, depth + 1)?;
                let base_name = type_name_of(obj::type_of(base));
                let body_at = if b.buf[start..].starts_with(base_name) {
                    start + base_name.len()
                } else {
                    start
                };
                let mut body = StrBuilder::new(cx);
                body.push(&b.buf[body_at..]);
                b.buf.truncate(start);
                b.push(type_name_of(obj::type_of(v)));
                if body_at == start {
                    b.push_byte(b'(');
                    b.push(&body.buf);
                    b.push_byte(b')');
                } else {
                    b.push(&body.buf);
                }
                return Ok(());
            }
            object_repr(b, v);
        }
        _ => object_repr(b, v),
    }
    Ok(())
}

/// `<TypeName object at 0x...>`.
pub fn object_repr(b: &mut StrBuilder, v: Value) {
    b.push_byte(b'<');
    b.push(type_name_of(obj::type_of(v)));
    let _ = core::fmt::Write::write_fmt(b, format_args!(" object at {:x}>", v.raw()));
}

/// A tuple's repr (for exception args and the like).
pub fn write_tuple_repr(cx: &mut Cx, b: &mut StrBuilder, t: Value, depth: u32) -> PyResult<()> {
    let n = tuple::items_of(t).map_or(0, |t| t.len());
    b.push_byte(b'(');
    for i in 0..n {
        if i > 0 {
            b.push_str(", ");
        }
        let x = tuple::items_of(t).map_or(Value::NONE, |t| t[i]);
        write_repr(cx, b, x, depth + 1)?;
    }
    if n == 1 {
        b.push_byte(b',');
    }
    b.push_byte(b')');
    Ok(())
}

impl Cx {
    /// Whether `v` is being printed further up (a self-referencing container).
    pub(crate) fn repr_active(&self, v: Value) -> bool {
        // Only the outermost levels are remembered; deeper ones stop at MAX_REPR_DEPTH.
        let n = (self.repr_depth as usize).min(self.repr_stack.len());
        self.repr_stack[..n].contains(&v)
    }

    /// Note that `v` is being printed; returns a token for `repr_leave`.
    pub(crate) fn repr_enter(&mut self, v: Value) -> PyResult<u32> {
        let d = self.repr_depth;
        if (d as usize) < self.repr_stack.len() {
            self.repr_stack[d as usize] = v;
        }
        self.repr_depth = d + 1;
        if d > MAX_REPR_DEPTH {
            self.repr_depth = d;
            return Err(self.recursion_error());
        }
        Ok(d)
    }

    /// Undo `repr_enter`.
    pub(crate) fn repr_leave(&mut self, token: u32) {
        self.repr_depth = token;
    }
}

/// A float's repr without a trailing `.0` (for complex parts: `(1+2j)`).
pub fn write_float_short(b: &mut StrBuilder, f: f64) {
    let start = b.buf.len();
    write_float(b, f);
    if b.buf[start..].ends_with(b".0") {
        let n = b.buf.len();
        b.buf.truncate(n - 2);
    }
}
