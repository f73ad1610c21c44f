//! `math`: the functions of MicroPython's math module. `exp`, `log`, `pow` and the
//! trigonometric and hyperbolic functions round as CPython's C library does
//! (`crate::num::float_math`, `float_trig`); the rest use `libm`.

use super::{Item, ModuleDef};
use crate::native_fn;
use crate::num::float_trig as trig;
use crate::obj::float;
use crate::obj::types::*;
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

fn arg(cx: &mut Cx, v: Value) -> PyResult<f64> {
    // Python objects convert through `__float__`/`__index__` (or the number they wrap).
    let v = if crate::vm::ops::is_user_object(v) {
        crate::builtins::ctors::float_from(cx, v)?
    } else {
        v
    };
    match crate::vm::num::to_f64(cx, v)? {
        Some(f) => Ok(f),
        None => {
            let tn = crate::vm::ops::alloc_free_name(cx.type_name(v));
            Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("can't convert {tn} to float"),
            ))
        }
    }
}

fn domain(cx: &mut Cx) -> crate::vm::Raised {
    cx.value_error("math domain error")
}

/// A result of a one-argument function: MicroPython raises `ValueError: math domain error`
/// for a NaN from a non-NaN argument and for an infinity from a finite one.
fn ret(cx: &mut Cx, f: f64, x: f64) -> PyResult<Value> {
    if (f.is_nan() && !x.is_nan()) || (f.is_infinite() && x.is_finite()) {
        return Err(domain(cx));
    }
    float::new(cx, f)
}

macro_rules! unary {
    ($name:ident, $f:expr) => {
        fn $name(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
            let x = arg(cx, a[0])?;
            let f: fn(f64) -> f64 = $f;
            ret(cx, f(x), x)
        }
    };
}

unary!(sqrt, |x| if x < 0.0 { f64::NAN } else { libm::sqrt(x) });
unary!(exp, crate::num::float_math::exp);
unary!(expm1, libm::expm1);
unary!(sin, trig::sin);
unary!(cos, trig::cos);
unary!(tan, trig::tan);
unary!(asin, |x| if !(-1.0..=1.0).contains(&x) {
    f64::NAN
} else {
    trig::asin(x)
});
unary!(acos, |x| if !(-1.0..=1.0).contains(&x) {
    f64::NAN
} else {
    trig::acos(x)
});
unary!(atan, trig::atan);
unary!(sinh, trig::sinh);
unary!(cosh, trig::cosh);
unary!(tanh, trig::tanh);
unary!(asinh, trig::asinh);
unary!(acosh, trig::acosh);
unary!(atanh, |x| if x <= -1.0 || x >= 1.0 {
    f64::NAN
} else {
    libm::atanh(x)
});
unary!(fabs, libm::fabs);
unary!(log1p, |x| if x <= -1.0 { f64::NAN } else { libm::log1p(x) });
unary!(erf, libm::erf);
unary!(erfc, libm::erfc);
unary!(gamma, libm::tgamma);
unary!(lgamma, libm::lgamma);
unary!(degrees, |x| x * (180.0 / core::f64::consts::PI));
unary!(radians, |x| x * (core::f64::consts::PI / 180.0));

/// A positive int too big for a float as `m * 2**e` with `m` in `[0.5, 1)` rounded to 53
/// bits (CPython's `_PyLong_Frexp`).
fn big_frexp(limbs: &[u32]) -> (f64, i64) {
    let n = crate::num::BigRef::new(false, limbs).bit_length() as i64;
    // The top 64 bits, and whether anything below them is set.
    let bit = |i: i64| -> u64 {
        if i < 0 {
            return 0;
        }
        let (w, b) = ((i / 32) as usize, (i % 32) as u32);
        limbs.get(w).map_or(0, |&l| u64::from((l >> b) & 1))
    };
    let mut top: u64 = 0;
    for i in (n - 64..n).rev() {
        top = (top << 1) | bit(i);
    }
    let low_bits = n - 64;
    let sticky = (0..low_bits.max(0)).any(|i| bit(i) == 1);
    // Round the 64 bits to 53, ties to even.
    let rest = top & 0x7ff;
    let mut m = top >> 11;
    if rest > 0x400 || (rest == 0x400 && (sticky || m & 1 == 1)) {
        m += 1;
    }
    let mut e = n;
    if m == 1 << 53 {
        m >>= 1;
        e += 1;
    }
    (m as f64 / 9_007_199_254_740_992.0, e)
}

/// `f(x)` for a log function `f`, also for ints too big for a float, as CPython's
/// `loghelper` computes it: `f(m) + f(2.0) * e` for `x = m * 2**e`.
fn log_with(cx: &mut Cx, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some((neg, limbs)) = crate::obj::int::big_of(v) {
        if !neg && crate::num::BigRef::new(false, limbs).to_f64().is_err() {
            let (m, e) = big_frexp(limbs);
            return Ok(f(m) + f(2.0) * e as f64);
        }
    }
    let x = arg(cx, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain(cx));
    }
    Ok(f(x))
}

fn log(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let r = log_with(cx, a[0], crate::num::float_math::log)?;
    match a.get(1) {
        None => float::new(cx, r),
        Some(&b) => {
            let lb = log_with(cx, b, crate::num::float_math::log)?;
            if lb == 0.0 {
                return Err(cx.zero_division());
            }
            float::new(cx, r / lb)
        }
    }
}

fn log2(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let r = log_with(cx, a[0], crate::num::float_math::log2)?;
    float::new(cx, r)
}

fn log10(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let r = log_with(cx, a[0], crate::num::float_math::log10)?;
    float::new(cx, r)
}

fn to_int(cx: &mut Cx, f: f64) -> PyResult<Value> {
    crate::obj::methods::numbers::float_to_int(cx, f)
}

fn floor(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if let Some(r) = crate::vm::dunder::user_unary_call(cx, a[0], &crate::qstrs::q::__floor__)? {
        return Ok(r);
    }
    if crate::vm::num::is_intlike(a[0]) {
        return crate::builtins::ctors::int_from(cx, a[0], Value::NULL);
    }
    let x = arg(cx, a[0])?;
    to_int(cx, libm::floor(x))
}

fn ceil(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if let Some(r) = crate::vm::dunder::user_unary_call(cx, a[0], &crate::qstrs::q::__ceil__)? {
        return Ok(r);
    }
    if crate::vm::num::is_intlike(a[0]) {
        return crate::builtins::ctors::int_from(cx, a[0], Value::NULL);
    }
    let x = arg(cx, a[0])?;
    to_int(cx, libm::ceil(x))
}

fn trunc(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if let Some(r) = crate::vm::dunder::user_unary_call(cx, a[0], &crate::qstrs::q::__trunc__)? {
        return Ok(r);
    }
    if crate::vm::num::is_intlike(a[0]) {
        return crate::builtins::ctors::int_from(cx, a[0], Value::NULL);
    }
    let x = arg(cx, a[0])?;
    to_int(cx, libm::trunc(x))
}

fn pow(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (x, y) = (arg(cx, a[0])?, arg(cx, a[1])?);
    if x == 0.0 && y < 0.0 || x < 0.0 && y != libm::trunc(y) && y.is_finite() && x.is_finite() {
        return Err(domain(cx));
    }
    let r = crate::num::float_math::pow(x, y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(domain(cx));
    }
    float::new(cx, r)
}

fn atan2(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (y, x) = (arg(cx, a[0])?, arg(cx, a[1])?);
    float::new(cx, trig::atan2(y, x))
}

fn fmod(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (x, y) = (arg(cx, a[0])?, arg(cx, a[1])?);
    if y == 0.0 || x.is_infinite() {
        return Err(domain(cx));
    }
    float::new(cx, libm::fmod(x, y))
}

fn copysign(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (x, y) = (arg(cx, a[0])?, arg(cx, a[1])?);
    float::new(cx, libm::copysign(x, y))
}

fn hypot(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut v = allocator_api2::vec::Vec::new_in(cx.temp_alloc());
    if v.try_reserve(a.len()).is_err() {
        return Err(cx.raise_memory_error(a.len() * 8));
    }
    let (mut max, mut nan) = (0.0f64, false);
    for &x in a {
        let f = arg(cx, x)?.abs();
        nan |= f.is_nan();
        if f > max {
            max = f;
        }
        v.push(f);
    }
    float::new(cx, trig::vector_norm(&mut v, max, nan))
}

fn isnan(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(arg(cx, a[0])?.is_nan()))
}
fn isinf(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(arg(cx, a[0])?.is_infinite()))
}
fn isfinite(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(arg(cx, a[0])?.is_finite()))
}

fn isclose(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [x, y, rt, at] =
        crate::builtins::args::parse(cx, a, kw, ["a", "b", "rel_tol", "abs_tol"], 2)?;
    let (x, y) = (arg(cx, x)?, arg(cx, y)?);
    let rt = if rt.is_null() { 1e-9 } else { arg(cx, rt)? };
    let at = if at.is_null() { 0.0 } else { arg(cx, at)? };
    if rt < 0.0 || at < 0.0 {
        return Err(cx.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let d = (x - y).abs();
    Ok(Value::bool(
        d <= (rt * y).abs() || d <= (rt * x).abs() || d <= at,
    ))
}

fn frexp(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = arg(cx, a[0])?;
    let (m, e) = libm::frexp(x);
    let mv = float::new(cx, m)?;
    let mark = cx.roots_mark();
    cx.root(mv)?;
    let t = crate::obj::tuple::new(cx, &[mv, Value::small_int_unchecked(e as isize)]);
    cx.roots_truncate(mark);
    t
}

fn ldexp(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = arg(cx, a[0])?;
    let e = crate::vm::seq::int_arg(cx, a[1])?;
    let r = libm::ldexp(x, e.clamp(i32::MIN as isize, i32::MAX as isize) as i32);
    ret(cx, r, x)
}

fn modf(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = arg(cx, a[0])?;
    let (f, i) = libm::modf(x);
    let fv = float::new(cx, f)?;
    let mark = cx.roots_mark();
    cx.root(fv)?;
    let iv = float::new(cx, i)?;
    cx.root(iv)?;
    let t = crate::obj::tuple::new(cx, &[fv, iv]);
    cx.roots_truncate(mark);
    t
}

fn factorial(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if float::value_of(a[0]).is_some() {
        return Err(cx.type_error("can't convert float to int"));
    }
    let n = crate::vm::seq::int_arg(cx, a[0])?;
    if n < 0 {
        return Err(cx.value_error("negative factorial"));
    }
    let n = n as u64;
    // Refuse results bigger than the heap before spending time on them (log2 n! ~ n log2 n).
    let bits = (n as f64) * libm::log2((n as f64).max(2.0));
    let limit = (crate::vm::num::max_limbs(cx) * 32) as f64;
    if bits > limit {
        return Err(cx.raise_memory_error((bits / 8.0) as usize));
    }
    let al = cx.temp_alloc();
    let r = product(2, n, al);
    crate::vm::num::big_to_value(cx, r)
}

/// The product `lo * (lo + 1) * ... * hi` (1 when empty), by binary splitting.
fn product<A: allocator_api2::alloc::Allocator + Clone>(
    lo: u64,
    hi: u64,
    al: A,
) -> Result<crate::num::Big<A>, crate::num::NumError> {
    if lo > hi {
        return crate::num::Big::from_u64(1, al);
    }
    if hi - lo < 16 {
        let mut acc = crate::num::Big::from_u64(1, al.clone())?;
        let mut chunk: u64 = 1;
        for k in lo..=hi {
            match chunk.checked_mul(k) {
                Some(c) => chunk = c,
                None => {
                    let c = crate::num::InlineBig::from_u64(chunk);
                    acc = acc.as_ref().mul(c.as_ref(), al.clone())?;
                    chunk = k;
                }
            }
        }
        let c = crate::num::InlineBig::from_u64(chunk);
        return acc.as_ref().mul(c.as_ref(), al);
    }
    let mid = lo + (hi - lo) / 2;
    let x = product(lo, mid, al.clone())?;
    let y = product(mid + 1, hi, al.clone())?;
    x.as_ref().mul(y.as_ref(), al)
}

fn gcd(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut acc = Value::small_int_unchecked(0);
    let mark = cx.roots_mark();
    cx.root(acc)?;
    for &v in a {
        let (Some(x), Some(y)) = (crate::vm::num::int_arg(acc), crate::vm::num::int_arg(v)) else {
            cx.roots_truncate(mark);
            return Err(cx.type_error("can't convert to int"));
        };
        let al = cx.temp_alloc();
        let r = x.as_ref().gcd(y.as_ref(), al);
        acc = crate::vm::num::big_to_value(cx, r)?;
        cx.root_set(mark, acc);
    }
    cx.roots_truncate(mark);
    Ok(acc)
}

native_fn!(M_SQRT, q::sqrt, 1, 1, false, sqrt);
native_fn!(M_EXP, q::exp, 1, 1, false, exp);
native_fn!(M_EXPM1, q::expm1, 1, 1, false, expm1);
native_fn!(M_LOG, q::log, 1, 2, false, log);
native_fn!(M_LOG2, q::log2, 1, 1, false, log2);
native_fn!(M_LOG10, q::log10, 1, 1, false, log10);
native_fn!(M_LOG1P, q::log1p, 1, 1, false, log1p);
native_fn!(M_SIN, q::sin, 1, 1, false, sin);
native_fn!(M_COS, q::cos, 1, 1, false, cos);
native_fn!(M_TAN, q::tan, 1, 1, false, tan);
native_fn!(M_ASIN, q::asin, 1, 1, false, asin);
native_fn!(M_ACOS, q::acos, 1, 1, false, acos);
native_fn!(M_ATAN, q::atan, 1, 1, false, atan);
native_fn!(M_ATAN2, q::atan2, 2, 2, false, atan2);
native_fn!(M_SINH, q::sinh, 1, 1, false, sinh);
native_fn!(M_COSH, q::cosh, 1, 1, false, cosh);
native_fn!(M_TANH, q::tanh, 1, 1, false, tanh);
native_fn!(M_ASINH, q::asinh, 1, 1, false, asinh);
native_fn!(M_ACOSH, q::acosh, 1, 1, false, acosh);
native_fn!(M_ATANH, q::atanh, 1, 1, false, atanh);
native_fn!(M_FABS, q::fabs, 1, 1, false, fabs);
native_fn!(M_FLOOR, q::floor, 1, 1, false, floor);
native_fn!(M_CEIL, q::ceil, 1, 1, false, ceil);
native_fn!(M_TRUNC, q::trunc, 1, 1, false, trunc);
native_fn!(M_POW, q::pow, 2, 2, false, pow);
native_fn!(M_FMOD, q::fmod, 2, 2, false, fmod);
native_fn!(M_COPYSIGN, q::copysign, 2, 2, false, copysign);
native_fn!(
    M_HYPOT,
    q::hypot,
    0,
    crate::obj::func::VARARGS,
    false,
    hypot
);
native_fn!(M_ISNAN, q::isnan, 1, 1, false, isnan);
native_fn!(M_ISINF, q::isinf, 1, 1, false, isinf);
native_fn!(M_ISFINITE, q::isfinite, 1, 1, false, isfinite);
native_fn!(M_ISCLOSE, q::isclose, 2, 2, true, isclose);
native_fn!(M_FREXP, q::frexp, 1, 1, false, frexp);
native_fn!(M_LDEXP, q::ldexp, 2, 2, false, ldexp);
native_fn!(M_MODF, q::modf, 1, 1, false, modf);
native_fn!(M_FACTORIAL, q::factorial, 1, 1, false, factorial);
native_fn!(M_GCD, q::gcd, 0, crate::obj::func::VARARGS, false, gcd);
native_fn!(M_ERF, q::erf, 1, 1, false, erf);
native_fn!(M_ERFC, q::erfc, 1, 1, false, erfc);
native_fn!(M_GAMMA, q::gamma, 1, 1, false, gamma);
native_fn!(M_LGAMMA, q::lgamma, 1, 1, false, lgamma);
native_fn!(M_DEGREES, q::degrees, 1, 1, false, degrees);
native_fn!(M_RADIANS, q::radians, 1, 1, false, radians);

macro_rules! o {
    ($n:expr, $f:expr) => {
        (&$n, Item::Obj(&$f.header))
    };
}

/// The `math` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::math,
    items: &[
        (&q::pi, Item::Float(core::f64::consts::PI)),
        (&q::e, Item::Float(core::f64::consts::E)),
        (&q::tau, Item::Float(core::f64::consts::TAU)),
        (&q::inf, Item::Float(f64::INFINITY)),
        (&q::nan, Item::Float(f64::NAN)),
        o!(q::sqrt, M_SQRT),
        o!(q::exp, M_EXP),
        o!(q::expm1, M_EXPM1),
        o!(q::log, M_LOG),
        o!(q::log2, M_LOG2),
        o!(q::log10, M_LOG10),
        o!(q::log1p, M_LOG1P),
        o!(q::sin, M_SIN),
        o!(q::cos, M_COS),
        o!(q::tan, M_TAN),
        o!(q::asin, M_ASIN),
        o!(q::acos, M_ACOS),
        o!(q::atan, M_ATAN),
        o!(q::atan2, M_ATAN2),
        o!(q::sinh, M_SINH),
        o!(q::cosh, M_COSH),
        o!(q::tanh, M_TANH),
        o!(q::asinh, M_ASINH),
        o!(q::acosh, M_ACOSH),
        o!(q::atanh, M_ATANH),
        o!(q::fabs, M_FABS),
        o!(q::floor, M_FLOOR),
        o!(q::ceil, M_CEIL),
        o!(q::trunc, M_TRUNC),
        o!(q::pow, M_POW),
        o!(q::fmod, M_FMOD),
        o!(q::copysign, M_COPYSIGN),
        o!(q::hypot, M_HYPOT),
        o!(q::isnan, M_ISNAN),
        o!(q::isinf, M_ISINF),
        o!(q::isfinite, M_ISFINITE),
        o!(q::isclose, M_ISCLOSE),
        o!(q::frexp, M_FREXP),
        o!(q::ldexp, M_LDEXP),
        o!(q::modf, M_MODF),
        o!(q::factorial, M_FACTORIAL),
        o!(q::gcd, M_GCD),
        o!(q::erf, M_ERF),
        o!(q::erfc, M_ERFC),
        o!(q::gamma, M_GAMMA),
        o!(q::lgamma, M_LGAMMA),
        o!(q::degrees, M_DEGREES),
        o!(q::radians, M_RADIANS),
    ],
    init: None,
};
