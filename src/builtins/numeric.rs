//! Numeric and reducing builtins: abs, bin/oct/hex, divmod, pow, round, min, max, sum, all,
//! any, sorted.

use crate::bytecode::opcode::{BinaryOp, UnaryOp};
use crate::native_fn;
use crate::obj::func::VARARGS;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, float, int, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// `abs(v)`.
pub fn abs_value(cx: &mut Cx, v: Value) -> PyResult<Value> {
    if let Some(f) = float::value_of(v) {
        return float::new(cx, f.abs());
    }
    if let Some((r, i)) = float::complex_of(v) {
        let h = crate::num::float_trig::hypot(r, i);
        if h.is_infinite() && r.is_finite() && i.is_finite() {
            return Err(cx.overflow_error("absolute value too large"));
        }
        return float::new(cx, h);
    }
    if crate::vm::num::is_intlike(v) {
        let neg = crate::vm::num::int_arg(v).is_some_and(|x| x.as_ref().is_negative());
        return if neg {
            ops::unary(cx, UnaryOp::Negative, v)
        } else {
            ops::unary(cx, UnaryOp::Positive, v)
        };
    }
    if ops::is_user_object(v) {
        if let Some(m) = ops::lookup_special(cx, v, &q::__abs__) {
            return cx.call_with_self(m, v, &[], &[]);
        }
        if let Some(b) = ops::instance_base(v) {
            return abs_value(cx, b);
        }
    }
    Err(cx.unsupported_unop("__abs__", v))
}

fn abs(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    abs_value(cx, a[0])
}

fn radix(cx: &mut Cx, v: Value, base: u32, prefix: &str) -> PyResult<Value> {
    let v = if ops::is_user_object(v) {
        crate::vm::dunder::to_index(cx, v)?.unwrap_or(v)
    } else {
        v
    };
    let Some(a) = crate::vm::num::int_arg(v) else {
        let tn = ops::alloc_free_name(cx.type_name(v));
        return Err(cx.raise_fmt(&TYPE_ERROR_TYPE, format_args!("can't convert {tn} to int")));
    };
    let r = a.as_ref();
    let mut b = StrBuilder::new(cx);
    if r.is_negative() {
        b.push_byte(b'-');
    }
    b.push_str(prefix);
    if r.abs_ref().write_radix(base, &mut b.buf).is_err() {
        return Err(cx.raise_memory_error(0));
    }
    b.finish(cx)
}

fn bin(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    radix(cx, a[0], 2, "0b")
}
fn oct(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    radix(cx, a[0], 8, "0o")
}
fn hex(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    radix(cx, a[0], 16, "0x")
}

/// A pair as a new tuple.
fn pair(cx: &mut Cx, a: Value, b: Value) -> PyResult<Value> {
    let mark = cx.roots_mark();
    cx.root(a)?;
    cx.root(b)?;
    let t = crate::obj::tuple::new(cx, &[a, b]);
    cx.roots_truncate(mark);
    t
}

/// `divmod(x, y)` for numbers (ints, bools and floats); other operands get their
/// `__divmod__`/`__rdivmod__`.
pub fn divmod_values(cx: &mut Cx, x: Value, y: Value) -> PyResult<Value> {
    use crate::vm::num::num_kind;
    if let Some(r) =
        crate::vm::dunder::user_binary_call(cx, x, y, &[], &q::__divmod__, &q::__rdivmod__)?
    {
        return Ok(r);
    }
    let (x, y) = (
        ops::instance_base(x).unwrap_or(x),
        ops::instance_base(y).unwrap_or(y),
    );
    let (kx, ky) = (num_kind(x), num_kind(y));
    if kx == 1 && ky == 1 {
        if let (Some(a), Some(b)) = (int::to_i64(x), int::to_i64(y)) {
            if let Ok((q_, r)) = crate::num::divmod_i64(a, b) {
                let qv = int::from_i64(cx, q_)?;
                let mark = cx.roots_mark();
                cx.root(qv)?;
                let rv = int::from_i64(cx, r)?;
                let t = pair(cx, qv, rv);
                cx.roots_truncate(mark);
                return t;
            }
        }
        let qv = ops::binary(cx, BinaryOp::FloorDivide, x, y)?;
        let mark = cx.roots_mark();
        cx.root(qv)?;
        let rv = ops::binary(cx, BinaryOp::Modulo, x, y)?;
        let t = pair(cx, qv, rv);
        cx.roots_truncate(mark);
        return t;
    }
    if (kx == 1 || kx == 2) && (ky == 1 || ky == 2) {
        let fx = crate::vm::num::to_f64(cx, x)?.unwrap_or(0.0);
        let fy = crate::vm::num::to_f64(cx, y)?.unwrap_or(0.0);
        return match crate::num::float_divmod(fx, fy) {
            Ok((q_, r)) => {
                let qv = float::new(cx, q_)?;
                let mark = cx.roots_mark();
                cx.root(qv)?;
                let rv = float::new(cx, r)?;
                let t = pair(cx, qv, rv);
                cx.roots_truncate(mark);
                t
            }
            Err(_) => Err(cx.zero_division()),
        };
    }
    Err(cx.unsupported_binop("__divmod__", x, y))
}

fn divmod(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    divmod_values(cx, a[0], a[1])
}

fn pow(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [base, exp, m] = super::args::parse(cx, a, kw, ["base", "exp", "mod"], 3)?;
    if base.is_null() || exp.is_null() {
        let n = usize::from(!base.is_null()) + usize::from(!exp.is_null());
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("function missing {} required positional arguments", 2 - n),
        ));
    }
    if m.is_null() || m.is_none() {
        return ops::binary(cx, BinaryOp::Power, base, exp);
    }
    if let Some(r) =
        crate::vm::dunder::user_binary_call(cx, base, exp, &[m], &q::__pow__, &q::__rpow__)?
    {
        return Ok(r);
    }
    let unwrap = |v: Value| ops::instance_base(v).unwrap_or(v);
    let (Some(x), Some(e), Some(md)) = (
        crate::vm::num::int_arg(unwrap(base)),
        crate::vm::num::int_arg(unwrap(exp)),
        crate::vm::num::int_arg(unwrap(m)),
    ) else {
        return Err(cx.type_error("pow() with 3 arguments requires integers"));
    };
    let al = cx.temp_alloc();
    let r = x.as_ref().pow_mod(e.as_ref(), md.as_ref(), al);
    crate::vm::num::big_to_value(cx, r)
}

/// `round(x)` (ndigits NULL or None) and `round(x, ndigits)`.
pub fn round_value(cx: &mut Cx, x: Value, nd: Value) -> PyResult<Value> {
    let no_digits = nd.is_null() || nd.is_none();
    if ops::is_user_object(x) {
        if let Some(m) = ops::lookup_special(cx, x, &q::__round__) {
            return if no_digits {
                cx.call_with_self(m, x, &[], &[])
            } else {
                cx.call_with_self(m, x, &[nd], &[])
            };
        }
        if let Some(b) = ops::instance_base(x) {
            return round_value(cx, b, nd);
        }
    }
    let x = ops::instance_base(x).unwrap_or(x);
    if let Some(f) = float::value_of(x) {
        if no_digits {
            let r = crate::num::float_round_half_even(f);
            return crate::obj::methods::numbers::float_to_int(cx, r);
        }
        let n = ndigits(cx, nd)?;
        return match crate::num::float_round(f, n) {
            Ok(r) => float::new(cx, r),
            Err(e) => Err(crate::vm::num::raise_num_error(cx, e)),
        };
    }
    if crate::vm::num::is_intlike(x) {
        if no_digits {
            return ops::unary(cx, UnaryOp::Positive, x);
        }
        let n = ndigits(cx, nd)?;
        if n >= 0 {
            return ops::unary(cx, UnaryOp::Positive, x);
        }
        let Some(xa) = crate::vm::num::int_arg(x) else {
            return Ok(x);
        };
        let al = cx.temp_alloc();
        let ml = crate::vm::num::max_limbs(cx);
        let r = xa.as_ref().round_digits(n, ml, al);
        return crate::vm::num::big_to_value(cx, r);
    }
    let tn = ops::alloc_free_name(cx.type_name(x));
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("type {tn} doesn't define __round__ method"),
    ))
}

/// The `ndigits` argument of `round`: big values saturate (they round to nothing or to
/// everything).
fn ndigits(cx: &mut Cx, nd: Value) -> PyResult<i64> {
    let v = ops::instance_base(nd).unwrap_or(nd);
    if let Some(a) = crate::vm::num::int_arg(v) {
        let r = a.as_ref();
        return Ok(r.to_i64().unwrap_or(if r.is_negative() {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        }));
    }
    Ok(crate::vm::seq::int_arg(cx, nd)? as i64)
}

fn round(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [x, nd] = super::args::parse(cx, a, kw, ["number", "ndigits"], 2)?;
    if x.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    round_value(cx, x, nd)
}

/// Shared by min and max: the first item whose key is strictly better than all before it.
fn min_max(cx: &mut Cx, a: &[Value], kw: &[Value], want_max: bool) -> PyResult<Value> {
    let (mut key, mut default) = (Value::NULL, Value::NULL);
    let mut i = 0;
    while i + 1 < kw.len() {
        match obj::str::bytes_of(kw[i]) {
            Some(b"key") => key = kw[i + 1],
            Some(b"default") => default = kw[i + 1],
            _ => return Err(cx.type_error("extra keyword arguments given")),
        }
        i += 2;
    }
    if key.is_none() {
        key = Value::NULL;
    }
    let mark = cx.roots_mark();
    let src = if a.len() == 1 {
        a[0]
    } else {
        if !default.is_null() {
            let name = if want_max { "max" } else { "min" };
            return Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                ),
            ));
        }
        let t = crate::obj::tuple::new(cx, a)?;
        cx.root(t)?;
        t
    };
    let it = ops::get_iter(cx, src)?;
    cx.root(it)?;
    // Slots for the best item and its key.
    let at = cx.roots_mark();
    cx.root(Value::NULL)?;
    cx.root(Value::NULL)?;
    let op = if want_max {
        BinaryOp::More
    } else {
        BinaryOp::Less
    };
    let mut best = Value::NULL;
    let mut best_key = Value::NULL;
    while let Some(v) = ops::iter_next(cx, it)? {
        cx.root(v)?;
        let k = if key.is_null() {
            v
        } else {
            cx.call(key, &[v], &[])?
        };
        let better = if best.is_null() {
            true
        } else {
            cx.root(k)?;
            let r = ops::binary(cx, op, k, best_key)?;
            ops::truthy(cx, r)?
        };
        if better {
            best = v;
            best_key = k;
            cx.root_set(at, best);
            cx.root_set(at + 1, best_key);
        }
        cx.roots_truncate(at + 2);
    }
    cx.roots_truncate(mark);
    if best.is_null() {
        if !default.is_null() {
            return Ok(default);
        }
        return Err(cx.value_error("arg is an empty sequence"));
    }
    Ok(best)
}

fn min(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    min_max(cx, a, kw, false)
}
fn max(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    min_max(cx, a, kw, true)
}

fn sum(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [it, start] = super::args::parse(cx, a, kw, ["iterable", "start"], 2)?;
    let mut acc = if start.is_null() {
        Value::small_int_unchecked(0)
    } else {
        start
    };
    let iter = ops::get_iter(cx, it)?;
    if let Some(what) = match obj::kind_of(acc) {
        Kind::Str => Some("strings [use ''.join(seq) instead]"),
        Kind::Bytes => Some("bytes [use b''.join(seq) instead]"),
        Kind::ByteArray => Some("bytearray [use b''.join(seq) instead]"),
        _ => None,
    } {
        // CPython refuses these starts; when the first addition fails anyway, say so as
        // MicroPython does.
        let mark = cx.roots_mark();
        cx.root(iter)?;
        if let Some(v) = ops::iter_next(cx, iter)? {
            if obj::kind_of(v) != obj::kind_of(acc) {
                return Err(cx.unsupported_binop("__add__", acc, v));
            }
        }
        cx.roots_truncate(mark);
        return Err(cx.raise_fmt(&TYPE_ERROR_TYPE, format_args!("sum() can't sum {what}")));
    }
    let mark = cx.roots_mark();
    cx.root(iter)?;
    let acc_at = cx.roots_mark();
    cx.root(acc)?;
    while let Some(v) = ops::iter_next(cx, iter)? {
        acc = match (acc.as_small_int(), v.as_small_int()) {
            (Some(x), Some(y)) => match x.checked_add(y).and_then(Value::small_int) {
                Some(r) => r,
                None => ops::binary(cx, BinaryOp::Add, acc, v)?,
            },
            _ => ops::binary(cx, BinaryOp::Add, acc, v)?,
        };
        cx.root_set(acc_at, acc);
        cx.roots_truncate(acc_at + 1);
    }
    cx.roots_truncate(mark);
    Ok(acc)
}

fn all_any(cx: &mut Cx, v: Value, want: bool) -> PyResult<Value> {
    let iter = ops::get_iter(cx, v)?;
    let mark = cx.roots_mark();
    cx.root(iter)?;
    while let Some(x) = ops::iter_next(cx, iter)? {
        if ops::truthy(cx, x)? == want {
            cx.roots_truncate(mark);
            return Ok(Value::bool(want));
        }
    }
    cx.roots_truncate(mark);
    Ok(Value::bool(!want))
}

fn all(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    all_any(cx, a[0], false)
}
fn any(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    all_any(cx, a[0], true)
}

fn sorted(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    if a.len() > 1 {
        return Err(cx.type_error("must use keyword argument for key function"));
    }
    let [it, key, rev] = super::args::parse(cx, a, kw, ["iterable", "key", "reverse"], 1)?;
    let l = crate::vm::seq::list_from_iter(cx, it)?;
    let mark = cx.roots_mark();
    cx.root(l)?;
    let rev = !rev.is_null() && ops::truthy(cx, rev)?;
    crate::obj::methods::list::sort_list(cx, l, key, rev)?;
    cx.roots_truncate(mark);
    Ok(l)
}

native_fn!(pub ABS, q::abs, 1, 1, false, abs);
native_fn!(pub BIN, q::bin, 1, 1, false, bin);
native_fn!(pub OCT, q::oct, 1, 1, false, oct);
native_fn!(pub HEX, q::hex, 1, 1, false, hex);
native_fn!(pub DIVMOD, q::divmod, 2, 2, false, divmod);
native_fn!(pub POW, q::pow, 0, 3, true, pow);
native_fn!(pub ROUND, q::round, 1, 2, true, round);
native_fn!(pub MIN, q::min, 1, VARARGS, true, min);
native_fn!(pub MAX, q::max, 1, VARARGS, true, max);
native_fn!(pub SUM, q::sum, 1, 2, true, sum);
native_fn!(pub ALL, q::all, 1, 1, false, all);
native_fn!(pub ANY, q::any, 1, 1, false, any);
native_fn!(pub SORTED, q::sorted, 1, VARARGS, true, sorted);
