//! Calling a builtin type: `int(...)`, `list(...)`, `ValueError(...)` and the rest.

use crate::obj::func::new_descr;
use crate::obj::iter::IterKind;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, dict, float, int, list, set, str as pystr, tuple, Kind, TypeObj};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

fn nargs(cx: &mut Cx, args: &[Value], kw: &[Value], max: usize) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(cx.type_error("function doesn't take keyword arguments"));
    }
    if args.len() > max {
        let n = args.len();
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("function expected at most {max} arguments, got {n}"),
        ));
    }
    Ok(())
}

/// `t(*args, **kw)` for a builtin type `t`.
pub fn construct(cx: &mut Cx, t: &TypeObj, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = t as *const TypeObj;
    macro_rules! is {
        ($x:expr) => {
            core::ptr::eq(p, &$x)
        };
    }
    if t.kind == Kind::Exception {
        let a = tuple::new(cx, args)?;
        return crate::obj::exception::new(cx, p, a);
    }
    if is!(INT_TYPE) {
        let [x, base] = super::args::parse(cx, args, kw, ["x", "base"], 2)?;
        return int_from(cx, x, base);
    }
    if is!(BOOL_TYPE) {
        nargs(cx, args, kw, 1)?;
        return Ok(match args.first() {
            Some(&v) => Value::bool(ops::truthy(cx, v)?),
            None => Value::FALSE,
        });
    }
    if is!(FLOAT_TYPE) {
        nargs(cx, args, kw, 1)?;
        return match args.first() {
            Some(&v) => float_from(cx, v),
            None => float::new(cx, 0.0),
        };
    }
    if is!(COMPLEX_TYPE) {
        let [re, im] = super::args::parse(cx, args, kw, ["real", "imag"], 2)?;
        return complex_from(cx, re, im);
    }
    if is!(STR_TYPE) {
        let [o, enc, errors] =
            super::args::parse(cx, args, kw, ["object", "encoding", "errors"], 3)?;
        if o.is_null() {
            return Ok(q::EMPTY.value());
        }
        if !enc.is_null() || !errors.is_null() {
            return crate::obj::methods::codec::decode_value(cx, o, enc, errors);
        }
        return crate::obj::methods::repr::to_str(cx, o);
    }
    if is!(BYTES_TYPE) {
        let [o, enc, errors] =
            super::args::parse(cx, args, kw, ["source", "encoding", "errors"], 3)?;
        if o.is_null() {
            return pystr::new_bytes(cx, b"");
        }
        if pystr::str_of(o).is_none() && !(enc.is_null() && errors.is_null()) {
            return Err(cx.type_error("encoding without a string argument"));
        }
        if pystr::str_of(o).is_some() {
            if enc.is_null() {
                return Err(cx.type_error("string argument without an encoding"));
            }
            return crate::obj::methods::codec::encode_value(cx, o, enc, errors);
        }
        return bytes_from(cx, o);
    }
    if is!(BYTEARRAY_TYPE) {
        let [o, enc, errors] =
            super::args::parse(cx, args, kw, ["source", "encoding", "errors"], 3)?;
        if o.is_null() {
            return crate::obj::bytes::new_bytearray(cx, b"");
        }
        if pystr::str_of(o).is_none() && !(enc.is_null() && errors.is_null()) {
            return Err(cx.type_error("encoding without a string argument"));
        }
        let b = if pystr::str_of(o).is_some() {
            if enc.is_null() {
                return Err(cx.type_error("string argument without an encoding"));
            }
            crate::obj::methods::codec::encode_value(cx, o, enc, errors)?
        } else {
            bytes_from(cx, o)?
        };
        let mark = cx.roots_mark();
        cx.root(b)?;
        let r = crate::obj::bytes::new_bytearray(cx, pystr::bytes_of(b).unwrap_or(&[]));
        cx.roots_truncate(mark);
        return r;
    }
    if is!(MEMORYVIEW_TYPE) {
        nargs(cx, args, kw, 1)?;
        let Some(&o) = args.first() else {
            return Err(cx.type_error("function missing 1 required positional arguments"));
        };
        return crate::obj::methods::bytes::memoryview_new(cx, o);
    }
    if is!(TUPLE_TYPE) {
        nargs(cx, args, kw, 1)?;
        return match args.first() {
            None => Ok(tuple::empty()),
            Some(&o) if obj::kind_of(o) == Kind::Tuple && !ops::is_user_object(o) => Ok(o),
            Some(&o) => {
                let mark = cx.roots_mark();
                let s = crate::vm::seq::seq_or_collect(cx, o)?;
                let t = tuple::new(cx, ops::seq_items(s));
                cx.roots_truncate(mark);
                t
            }
        };
    }
    if is!(LIST_TYPE) {
        nargs(cx, args, kw, 1)?;
        return match args.first() {
            None => list::with_capacity(cx, 0),
            Some(&o) => crate::vm::seq::list_from_iter(cx, o),
        };
    }
    if is!(DICT_TYPE) {
        if args.len() > 1 {
            // MicroPython counts the new dict as the first argument of its update.
            let n = args.len() + 1;
            return Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("function expected at most 2 arguments, got {n}"),
            ));
        }
        let d = dict::new(cx)?;
        let mark = cx.roots_mark();
        cx.root(d)?;
        if let Some(&o) = args.first() {
            crate::obj::methods::dict::update_from(cx, d, o)?;
        }
        crate::obj::methods::dict::update_kw(cx, d, kw)?;
        cx.roots_truncate(mark);
        return Ok(d);
    }
    if is!(SET_TYPE) || is!(FROZENSET_TYPE) {
        nargs(cx, args, kw, 1)?;
        let s = if is!(SET_TYPE) {
            set::new(cx)?
        } else {
            set::new_frozen(cx)?
        };
        if let Some(&o) = args.first() {
            let mark = cx.roots_mark();
            cx.root(s)?;
            crate::obj::methods::set::add_all(cx, s, o)?;
            cx.roots_truncate(mark);
        }
        return Ok(s);
    }
    if is!(RANGE_TYPE) {
        nargs(cx, args, kw, 3)?;
        let mut v = [Value::NULL; 3];
        for (k, &a) in args.iter().enumerate() {
            v[k] = range_arg(cx, a)?;
            cx.root(v[k])?;
        }
        let one = Value::small_int_unchecked(1);
        let (start, stop, step) = match args.len() {
            0 => return Err(cx.type_error("function missing 1 required positional arguments")),
            1 => (Value::small_int_unchecked(0), v[0], one),
            2 => (v[0], v[1], one),
            _ => (v[0], v[1], v[2]),
        };
        if step == Value::small_int_unchecked(0) {
            return Err(cx.value_error(crate::flavour::msg::RANGE_ZERO_STEP));
        }
        return crate::obj::range::new_values(cx, start, stop, step);
    }
    if is!(SLICE_TYPE) {
        nargs(cx, args, kw, 3)?;
        return match args.len() {
            0 => Err(cx.type_error("function missing 1 required positional arguments")),
            1 => crate::obj::slice::new(cx, Value::NONE, args[0], Value::NONE),
            2 => crate::obj::slice::new(cx, args[0], args[1], Value::NONE),
            _ => crate::obj::slice::new(cx, args[0], args[1], args[2]),
        };
    }
    if is!(PROPERTY_TYPE) {
        let [g, s, d, doc] = super::args::parse(cx, args, kw, ["fget", "fset", "fdel", "doc"], 4)?;
        let pr = new_descr(
            cx,
            &PROPERTY_TYPE,
            super::args::or(g, Value::NONE),
            super::args::or(s, Value::NONE),
            super::args::or(d, Value::NONE),
        )?;
        if let Some(dd) = obj::func::descr_of(pr) {
            // SAFETY: a fresh property (DescrObj layout).
            unsafe {
                (*(dd as *const obj::func::DescrObj as *mut obj::func::DescrObj)).d =
                    super::args::or(doc, Value::NONE)
            };
        }
        return Ok(pr);
    }
    if is!(CLASSMETHOD_TYPE) || is!(STATICMETHOD_TYPE) {
        nargs(cx, args, kw, 1)?;
        let Some(&f) = args.first() else {
            return Err(cx.type_error("function missing 1 required positional arguments"));
        };
        let ty = if is!(CLASSMETHOD_TYPE) {
            &CLASSMETHOD_TYPE
        } else {
            &STATICMETHOD_TYPE
        };
        return new_descr(cx, ty, f, Value::NONE, Value::NONE);
    }
    if is!(SUPER_TYPE) {
        if args.len() != 2 {
            return Err(cx.runtime_error("super() can't find self"));
        }
        crate::vm::attr::check_super_args(cx, args[0], args[1])?;
        return new_descr(cx, &SUPER_TYPE, args[0], args[1], Value::NONE);
    }
    if is!(OBJECT_TYPE) {
        if !kw.is_empty() {
            return Err(cx.type_error("function doesn't take keyword arguments"));
        }
        if !args.is_empty() {
            let n = args.len();
            return Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("function takes 0 positional arguments but {n} were given"),
            ));
        }
        return crate::obj::instance::new(cx, &OBJECT_TYPE);
    }
    if is!(TYPE_TYPE) {
        return match args.len() {
            1 => Ok(Value::from_ptr(obj::type_of(args[0]))),
            3 => crate::vm::class::make_type(cx, args[0], args[1], args[2]),
            _ => Err(cx.type_error("type takes 1 or 3 arguments")),
        };
    }
    if is!(ENUMERATE_TYPE) {
        let [it, start] = super::args::parse(cx, args, kw, ["iterable", "start"], 2)?;
        if it.is_null() {
            return Err(cx.type_error("function missing 1 required positional arguments"));
        }
        let iter = ops::get_iter(cx, it)?;
        let mark = cx.roots_mark();
        cx.root(iter)?;
        let start = if start.is_null() {
            Value::small_int_unchecked(0)
        } else {
            start
        };
        let r = obj::iter::new(cx, &ENUMERATE_TYPE, IterKind::Enumerate, iter, start);
        cx.roots_truncate(mark);
        return r;
    }
    if is!(ZIP_TYPE) || is!(MAP_TYPE) {
        let is_map = is!(MAP_TYPE);
        let mut strict = false;
        if is_map {
            if !kw.is_empty() {
                return Err(cx.type_error("function doesn't take keyword arguments"));
            }
        } else {
            let mut i = 0;
            while i + 1 < kw.len() {
                if pystr::bytes_of(kw[i]) != Some(b"strict") {
                    return Err(cx.type_error("extra keyword arguments given"));
                }
                strict = ops::truthy(cx, kw[i + 1])?;
                i += 2;
            }
        }
        let first = usize::from(is_map);
        if is_map && args.len() < 2 {
            return Err(cx.type_error("map() must have at least two arguments."));
        }
        let its = tuple::new_uninit(cx, args.len() - first)?;
        let mark = cx.roots_mark();
        cx.root(its)?;
        for (k, &a) in args[first..].iter().enumerate() {
            let it = ops::get_iter(cx, a)?;
            crate::gc::write_barrier(cx, it);
            if let Some(t) = obj::get_mut::<tuple::TupleObj>(cx, its) {
                t.items_mut()[k] = it;
            }
        }
        let r = if is_map {
            obj::iter::new(cx, &MAP_TYPE, IterKind::Map, args[0], its)
        } else {
            obj::iter::new(cx, &ZIP_TYPE, IterKind::Zip, its, Value::NULL)
        };
        if let Ok(z) = r {
            if let Some(io) = obj::iter::iter_of(z) {
                io.i = usize::from(strict);
            }
        }
        cx.roots_truncate(mark);
        return r;
    }
    if is!(FILTER_TYPE) {
        nargs(cx, args, kw, 2)?;
        if args.len() < 2 {
            return Err(cx.type_error("function takes 2 positional arguments but 1 were given"));
        }
        let it = ops::get_iter(cx, args[1])?;
        let mark = cx.roots_mark();
        cx.root(it)?;
        let r = obj::iter::new(cx, &FILTER_TYPE, IterKind::Filter, args[0], it);
        cx.roots_truncate(mark);
        return r;
    }
    if t.kind == Kind::Stream {
        return crate::modules::io::construct(cx, t, args, kw);
    }
    if is!(REVERSED_TYPE) {
        nargs(cx, args, kw, 1)?;
        let Some(&o) = args.first() else {
            return Err(cx.type_error("function missing 1 required positional arguments"));
        };
        return super::iterators::reversed(cx, o);
    }
    let n = ops::alloc_free_name(crate::vm::raise::as_str(t.name_bytes()));
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("cannot create '{n}' instances"),
    ))
}

/// An argument of `range()`: an int (bools become ints), or an object with `__index__`.
fn range_arg(cx: &mut Cx, v: Value) -> PyResult<Value> {
    if let Some(b) = v.as_bool() {
        return Ok(Value::small_int_unchecked(b as isize));
    }
    if int::is_int(v) {
        return Ok(v);
    }
    if ops::is_user_object(v) {
        if let Some(m) = ops::lookup_special(cx, v, &q::__index__) {
            let r = cx.call_with_self(m, v, &[], &[])?;
            if int::is_int(r) || r.as_bool().is_some() {
                return range_arg(cx, r);
            }
        }
        if let Some(b) = ops::instance_base(v) {
            return range_arg(cx, b);
        }
    }
    let tn = ops::alloc_free_name(cx.type_name(v));
    Err(cx.raise_fmt(&TYPE_ERROR_TYPE, format_args!("can't convert {tn} to int")))
}

/// `bytes(x)` for ints (a zero buffer), iterables of ints and buffers.
pub fn bytes_from(cx: &mut Cx, o: Value) -> PyResult<Value> {
    if int::is_int(o) || o.as_bool().is_some() {
        let n = match int::to_i64(o) {
            Some(n) if n < 0 => return Err(cx.raise_empty(&VALUE_ERROR_TYPE)),
            Some(n) => usize::try_from(n).unwrap_or(usize::MAX),
            None if crate::vm::num::int_arg(o).is_some_and(|x| x.as_ref().is_negative()) => {
                return Err(cx.raise_empty(&VALUE_ERROR_TYPE))
            }
            None => usize::MAX,
        };
        let mut b = allocator_api2::vec::Vec::new_in(cx.temp_alloc());
        if b.try_reserve_exact(n).is_err() {
            return Err(cx.raise_memory_error(n));
        }
        b.resize(n, 0u8);
        return pystr::new_bytes(cx, &b);
    }
    // Buffers (also wrapped by instances: bytearray subclasses, array.array) give their bytes.
    let base = ops::instance_base(o).unwrap_or(o);
    if matches!(
        obj::kind_of(base),
        Kind::Bytes | Kind::ByteArray | Kind::MemoryView
    ) {
        let b = crate::obj::methods::bytes::buffer_bytes(cx, o)?;
        return pystr::new_bytes(cx, b);
    }
    let mark = cx.roots_mark();
    let s = crate::vm::seq::seq_or_collect(cx, o)?;
    let mut b = StrBuilder::new(cx);
    let n = ops::seq_items(s).len();
    for k in 0..n {
        let v = ops::seq_items(s)[k];
        let i = crate::vm::seq::int_arg(cx, v)?;
        if !(0..=255).contains(&i) {
            cx.roots_truncate(mark);
            return Err(cx.value_error("bytes value out of range"));
        }
        b.push_byte(i as u8);
    }
    cx.roots_truncate(mark);
    b.finish_bytes(cx)
}

/// `int(x)` / `int(s, base)`.
pub fn int_from(cx: &mut Cx, x: Value, base: Value) -> PyResult<Value> {
    if x.is_null() {
        return Ok(Value::small_int_unchecked(0));
    }
    if !base.is_null() || matches!(obj::kind_of(x), Kind::Str | Kind::Bytes | Kind::ByteArray) {
        let b = if base.is_null() {
            10
        } else {
            crate::vm::seq::int_arg(cx, base)?
        };
        if b != 0 && !(2..=36).contains(&b) {
            return Err(cx.value_error(crate::flavour::msg::INT_BASE));
        }
        let text: &[u8] = match obj::kind_of(x) {
            Kind::Str | Kind::Bytes | Kind::ByteArray => {
                crate::obj::methods::bytes::buffer_bytes(cx, x).or_else(|_| {
                    cx.take_pending();
                    Ok::<&[u8], crate::vm::Raised>(pystr::bytes_of(x).unwrap_or(&[]))
                })?
            }
            _ => {
                let tn = ops::alloc_free_name(cx.type_name(x));
                return Err(cx.raise_fmt(
                    &TYPE_ERROR_TYPE,
                    format_args!("can't convert '{tn}' object to str implicitly"),
                ));
            }
        };
        let s = core::str::from_utf8(text).unwrap_or("\u{fffd}");
        let al = cx.temp_alloc();
        return match crate::num::Big::parse(s, b as u32, al) {
            Ok(big) => int::from_limbs(cx, big.is_negative(), big.magnitude()),
            Err(crate::num::NumError::NoMemory) => Err(cx.raise_memory_error(text.len())),
            Err(_) => {
                let shown = s.trim_matches(|c: char| c.is_whitespace());
                let mut tmp = [0u8; 80];
                let n = shown.len().min(80);
                tmp[..n].copy_from_slice(&shown.as_bytes()[..n]);
                let shown = core::str::from_utf8(&tmp[..n]).unwrap_or("");
                Err(cx.raise_fmt(
                    &VALUE_ERROR_TYPE,
                    format_args!("invalid syntax for integer with base {b}: '{shown}'"),
                ))
            }
        };
    }
    if crate::vm::num::is_intlike(x) && !ops::is_user_object(x) {
        return ops::unary(cx, crate::bytecode::opcode::UnaryOp::Positive, x);
    }
    if let Some(f) = float::value_of(x) {
        return crate::obj::methods::numbers::float_to_int(cx, f);
    }
    if ops::is_user_object(x) {
        for name in [&q::__int__, &q::__index__, &q::__trunc__] {
            if let Some(m) = ops::lookup_special(cx, x, name) {
                let r = cx.call_with_self(m, x, &[], &[])?;
                if int::is_int(r) || r.as_bool().is_some() {
                    return Ok(r);
                }
                if let Some(b) = ops::instance_base(r).filter(|b| int::is_int(*b)) {
                    return Ok(b);
                }
                return Err(cx.raise_empty(&TYPE_ERROR_TYPE));
            }
        }
        if let Some(b) = ops::instance_base(x) {
            return int_from(cx, b, Value::NULL);
        }
    }
    let tn = ops::alloc_free_name(cx.type_name(x));
    Err(cx.raise_fmt(&TYPE_ERROR_TYPE, format_args!("can't convert {tn} to int")))
}

/// `float(x)`.
pub fn float_from(cx: &mut Cx, x: Value) -> PyResult<Value> {
    if float::value_of(x).is_some() && !ops::is_user_object(x) {
        return Ok(x);
    }
    if crate::vm::num::is_intlike(x) {
        let f = crate::vm::num::to_f64(cx, x)?.unwrap_or(0.0);
        return float::new(cx, f);
    }
    if matches!(obj::kind_of(x), Kind::Str | Kind::Bytes | Kind::ByteArray) {
        let text = crate::obj::methods::bytes::buffer_bytes(cx, x).or_else(|_| {
            cx.take_pending();
            Ok::<&[u8], crate::vm::Raised>(pystr::bytes_of(x).unwrap_or(&[]))
        })?;
        let s = core::str::from_utf8(text).unwrap_or("\u{fffd}");
        return match crate::num::parse_float(s) {
            Ok(f) => float::new(cx, f),
            Err(_) => Err(cx.value_error("invalid syntax for number")),
        };
    }
    if ops::is_user_object(x) {
        for name in [&q::__float__, &q::__index__] {
            if let Some(m) = ops::lookup_special(cx, x, name) {
                let r = cx.call_with_self(m, x, &[], &[])?;
                let r = ops::instance_base(r).unwrap_or(r);
                if let Some(f) = float::value_of(r) {
                    return float::new(cx, f);
                }
                if core::ptr::eq(name, &q::__index__) && crate::vm::num::is_intlike(r) {
                    return float_from(cx, r);
                }
                let tn = ops::alloc_free_name(cx.type_name(x));
                return Err(cx.raise_fmt(
                    &TYPE_ERROR_TYPE,
                    format_args!("can't convert {tn} to float"),
                ));
            }
        }
        if let Some(b) = ops::instance_base(x) {
            return float_from(cx, b);
        }
    }
    let tn = ops::alloc_free_name(cx.type_name(x));
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("can't convert {tn} to float"),
    ))
}

/// One argument of `complex()`: `(real, imag, is_complex)`.
fn complex_part(cx: &mut Cx, v: Value) -> PyResult<(f64, f64, bool)> {
    if let Some((r, i)) = float::complex_of(v) {
        return Ok((r, i, true));
    }
    if let Some(f) = crate::vm::num::to_f64(cx, v)? {
        return Ok((f, 0.0, false));
    }
    if ops::is_user_object(v) {
        if let Some(m) = ops::lookup_special(cx, v, &q::__complex__) {
            let r = cx.call_with_self(m, v, &[], &[])?;
            if let Some((re, im)) = float::complex_of(r) {
                return Ok((re, im, true));
            }
            return Err(cx.type_error("__complex__ should return a complex object"));
        }
        if ops::lookup_special(cx, v, &q::__float__).is_some()
            || ops::lookup_special(cx, v, &q::__index__).is_some()
        {
            let f = float_from(cx, v)?;
            return Ok((float::value_of(f).unwrap_or(0.0), 0.0, false));
        }
        if let Some(b) = ops::instance_base(v) {
            return complex_part(cx, b);
        }
    }
    let tn = ops::alloc_free_name(cx.type_name(v));
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("can't convert {tn} to complex"),
    ))
}

/// `complex(real, imag)` with CPython's rules for complex arguments.
fn complex_from(cx: &mut Cx, re: Value, im: Value) -> PyResult<Value> {
    if re.is_null() {
        if im.is_null() {
            return float::new_complex(cx, 0.0, 0.0);
        }
        let (r, i, _) = complex_part(cx, im)?;
        return float::new_complex(cx, -i, r);
    }
    if let Some(s) = pystr::str_of(re) {
        if !im.is_null() {
            return Err(cx.type_error("complex() can't take second arg if first is a string"));
        }
        let t = s.trim();
        let t = t
            .strip_prefix('(')
            .and_then(|t| t.strip_suffix(')'))
            .unwrap_or(t)
            .trim();
        return match parse_complex(t) {
            Some((r, i)) => float::new_complex(cx, r, i),
            None => Err(cx.value_error("invalid syntax for number")),
        };
    }
    if pystr::str_of(im).is_some() {
        return Err(cx.type_error("complex() second arg can't be a string"));
    }
    if im.is_null() && float::complex_of(re).is_some() && !ops::is_user_object(re) {
        return Ok(re);
    }
    let (mut real, cr_imag, cr_complex) = complex_part(cx, re)?;
    let (mut imag, ci_imag, ci_complex) = if im.is_null() {
        (0.0, 0.0, false)
    } else {
        complex_part(cx, im)?
    };
    if ci_complex {
        real -= ci_imag;
    }
    if cr_complex {
        imag += cr_imag;
    }
    float::new_complex(cx, real, imag)
}

fn parse_complex(t: &str) -> Option<(f64, f64)> {
    if t.chars().any(char::is_whitespace) {
        return None;
    }
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        // Find the split between the real and imaginary parts: the last sign not after 'e'.
        let b = body.as_bytes();
        let mut split = None;
        for k in (1..b.len()).rev() {
            if (b[k] == b'+' || b[k] == b'-') && !matches!(b[k - 1], b'e' | b'E') {
                split = Some(k);
                break;
            }
        }
        let imag = |s: &str| -> Option<f64> {
            match s {
                "" | "+" => Some(1.0),
                "-" => Some(-1.0),
                _ => crate::num::parse_float(s).ok(),
            }
        };
        return match split {
            Some(k) => Some((crate::num::parse_float(&body[..k]).ok()?, imag(&body[k..])?)),
            None => Some((0.0, imag(body)?)),
        };
    }
    Some((crate::num::parse_float(t).ok()?, 0.0))
}
