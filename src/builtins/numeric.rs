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

fn abs(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let v = a[0];
    if let Some(f) = float::value_of(v) {
        return float::new(cx, f.abs());
    }
    if let Some((r, i)) = float::complex_of(v) {
        return float::new(cx, libm::hypot(r, i));
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
            return abs(cx, &[b], _k);
        }
    }
    Err(cx.unsupported_unop("__abs__", v))
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

fn divmod(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (x, y) = (a[0], a[1]);
    if let Some(r) =
        crate::vm::dunder::user_binary_call(cx, x, y, &[], &q::__divmod__, &q::__rdivmod__)?
    {
        return Ok(r);
    }
    let (x, y) = (
        ops::instance_base(x).unwrap_or(x),
        ops::instance_base(y).unwrap_or(y),
    );
    if let (Some(fx), true) = (
        crate::vm::num::to_f64(cx, x)?,
        float::value_of(x).is_some() || float::value_of(y).is_some(),
    ) {
        let fy = crate::vm::num::to_f64(cx, y)?.unwrap_or(f64::NAN);
        if float::value_of(y).is_none() && !crate::vm::num::is_intlike(y) {
            return Err(cx.unsupported_binop("__divmod__", x, y));
        }
        return match crate::num::float_divmod(fx, fy) {
            Ok((q_, r)) => {
                let qv = float::new(cx, q_)?;
                let mark = cx.roots_mark();
                cx.root(qv)?;
                let rv = float::new(cx, r)?;
                cx.root(rv)?;
                let t = crate::obj::tuple::new(cx, &[qv, rv]);
                cx.roots_truncate(mark);
                t
            }
            Err(_) => Err(cx.zero_division()),
        };
    }
    if crate::vm::num::is_intlike(x) && crate::vm::num::is_intlike(y) {
        let qv = ops::binary(cx, BinaryOp::FloorDivide, x, y)?;
        let mark = cx.roots_mark();
        cx.root(qv)?;
        let rv = ops::binary(cx, BinaryOp::Modulo, x, y)?;
        cx.root(rv)?;
        let t = crate::obj::tuple::new(cx, &[qv, rv]);
        cx.roots_truncate(mark);
        return t;
    }
    if ops::is_user_object(x) {
        if let Some(m) = ops::lookup_special(cx, x, &q::__divmod__) {
            return cx.call_with_self(m, x, &[y], &[]);
        }
    }
    if ops::is_user_object(y) {
        if let Some(m) = ops::lookup_special(cx, y, &q::__rdivmod__) {
            return cx.call_with_self(m, y, &[x], &[]);
        }
    }
    Err(cx.unsupported_binop("__divmod__", x, y))
}

fn pow(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    match a.get(2) {
        None => ops::binary(cx, BinaryOp::Power, a[0], a[1]),
        Some(&m) if m.is_none() => ops::binary(cx, BinaryOp::Power, a[0], a[1]),
        Some(&m) => {
            if let Some(r) = crate::vm::dunder::user_binary_call(
                cx,
                a[0],
                a[1],
                &[m],
                &q::__pow__,
                &q::__rpow__,
            )? {
                return Ok(r);
            }
            let (Some(x), Some(e), Some(md)) = (
                crate::vm::num::int_arg(a[0]),
                crate::vm::num::int_arg(a[1]),
                crate::vm::num::int_arg(m),
            ) else {
                return Err(cx.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            let al = cx.temp_alloc();
            let r = x.as_ref().pow_mod(e.as_ref(), md.as_ref(), al);
            crate::vm::num::big_to_value(cx, r)
        }
    }
}

fn round(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [x, nd] = super::args::parse(cx, a, kw, ["number", "ndigits"], 2)?;
    if ops::is_user_object(x) {
        if let Some(m) = ops::lookup_special(cx, x, &q::__round__) {
            return if nd.is_null() {
                cx.call_with_self(m, x, &[], &[])
            } else {
                cx.call_with_self(m, x, &[nd], &[])
            };
        }
    }
    let x = ops::instance_base(x).unwrap_or(x);
    if let Some(f) = float::value_of(x) {
        if nd.is_null() || nd.is_none() {
            if f.is_nan() {
                return Err(cx.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(cx.overflow_error("cannot convert float infinity to integer"));
            }
            let r = crate::num::float_round_half_even(f);
            let al = cx.temp_alloc();
            let b = crate::num::float_to_big(r, al);
            return crate::vm::num::big_to_value(cx, b);
        }
        let n = crate::vm::seq::int_arg(cx, nd)?;
        return match crate::num::float_round(f, n as i64) {
            Ok(r) => float::new(cx, r),
            Err(e) => Err(crate::vm::num::raise_num_error(cx, e)),
        };
    }
    if crate::vm::num::is_intlike(x) {
        if nd.is_null() || nd.is_none() {
            return ops::unary(cx, UnaryOp::Positive, x);
        }
        let n = crate::vm::seq::int_arg(cx, nd)?;
        if n >= 0 {
            return ops::unary(cx, UnaryOp::Positive, x);
        }
        let Some(xa) = crate::vm::num::int_arg(x) else {
            return Ok(x);
        };
        let al = cx.temp_alloc();
        let ml = crate::vm::num::max_limbs(cx);
        let r = xa.as_ref().round_digits(n as i64, ml, al);
        return crate::vm::num::big_to_value(cx, r);
    }
    let tn = ops::alloc_free_name(cx.type_name(x));
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("type {tn} doesn't define __round__ method"),
    ))
}

/// Shared by min and max.
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
    let mark = cx.roots_mark();
    let seq = if a.len() == 1 {
        crate::vm::seq::seq_or_collect(cx, a[0])?
    } else {
        if !default.is_null() {
            return Err(cx.type_error("default only allowed with 1 argument"));
        }
        let t = crate::obj::tuple::new(cx, a)?;
        cx.root(t)?;
        t
    };
    let n = ops::seq_items(seq).len();
    if n == 0 {
        cx.roots_truncate(mark);
        if !default.is_null() {
            return Ok(default);
        }
        return Err(cx.value_error("arg is an empty sequence"));
    }
    let mut best = ops::seq_items(seq)[0];
    let mut best_key = if key.is_null() || key.is_none() {
        best
    } else {
        cx.call(key, &[best], &[])?
    };
    cx.root(best_key)?;
    for j in 1..n {
        let v = ops::seq_items(seq)[j];
        let k = if key.is_null() || key.is_none() {
            v
        } else {
            cx.call(key, &[v], &[])?
        };
        cx.root(k)?;
        let better = ops::binary(
            cx,
            if want_max {
                BinaryOp::More
            } else {
                BinaryOp::Less
            },
            k,
            best_key,
        )?;
        if ops::truthy(cx, better)? {
            best = v;
            best_key = k;
        }
    }
    cx.roots_truncate(mark);
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
native_fn!(pub POW, q::pow, 2, 3, false, pow);
native_fn!(pub ROUND, q::round, 1, 2, true, round);
native_fn!(pub MIN, q::min, 1, VARARGS, true, min);
native_fn!(pub MAX, q::max, 1, VARARGS, true, max);
native_fn!(pub SUM, q::sum, 1, 2, true, sum);
native_fn!(pub ALL, q::all, 1, 1, false, all);
native_fn!(pub ANY, q::any, 1, 1, false, any);
native_fn!(pub SORTED, q::sorted, 1, 1, true, sorted);

#[allow(dead_code)]
fn _k(_: Kind, _: &int::IntObj) {}
