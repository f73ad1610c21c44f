//! `cmath` (micropython flavour only): MicroPython's functions `phase`, `polar`, `rect`, `exp`,
//! `log`, `log10`, `sqrt`, `cos`, `sin` and the constants `e` and `pi`, with CPython's results
//! (`sqrt(-1)` is exactly `1j`, `log(0)` raises `ValueError: math domain error`).

use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::types::*;
use crate::obj::{float, tuple, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// A complex argument: a complex, or a real number.
fn arg(cx: &mut Cx, v: Value) -> PyResult<(f64, f64)> {
    let v = ops::instance_base(v).unwrap_or(v);
    if crate::obj::kind_of(v) == Kind::Complex && v.is_ptr() {
        if let Some(c) = float::complex_of(v) {
            return Ok(c);
        }
    }
    if let Some(f) = crate::vm::num::to_f64(cx, v)? {
        return Ok((f, 0.0));
    }
    let tn = ops::alloc_free_name(cx.type_name(v));
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("can't convert {tn} to complex"),
    ))
}

fn ret(cx: &mut Cx, z: (f64, f64), input_finite: bool) -> PyResult<Value> {
    if input_finite && (z.0.is_nan() || z.1.is_nan()) {
        return Err(cx.value_error("math domain error"));
    }
    if input_finite && (z.0.is_infinite() || z.1.is_infinite()) {
        return Err(cx.overflow_error("math range error"));
    }
    float::new_complex(cx, z.0, z.1)
}

fn finite(z: (f64, f64)) -> bool {
    z.0.is_finite() && z.1.is_finite()
}

fn c_log(z: (f64, f64)) -> (f64, f64) {
    (libm::log(libm::hypot(z.0, z.1)), libm::atan2(z.1, z.0))
}

fn c_div(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let d = b.0 * b.0 + b.1 * b.1;
    ((a.0 * b.0 + a.1 * b.1) / d, (a.1 * b.0 - a.0 * b.1) / d)
}

fn phase(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let z = arg(cx, a[0])?;
    float::new(cx, libm::atan2(z.1, z.0))
}

fn polar(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let z = arg(cx, a[0])?;
    let r = libm::hypot(z.0, z.1);
    if r.is_infinite() && finite(z) {
        return Err(cx.overflow_error("math range error"));
    }
    let r = float::new(cx, r)?;
    let mark = cx.roots_mark();
    cx.root(r)?;
    let p = float::new(cx, libm::atan2(z.1, z.0));
    let t = p.and_then(|p| {
        cx.root(p)?;
        tuple::new(cx, &[r, p])
    });
    cx.roots_truncate(mark);
    t
}

fn real(cx: &mut Cx, v: Value) -> PyResult<f64> {
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

fn rect(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let r = real(cx, a[0])?;
    let phi = real(cx, a[1])?;
    let z = if phi == 0.0 {
        (r, phi * r)
    } else {
        (r * libm::cos(phi), r * libm::sin(phi))
    };
    ret(cx, z, r.is_finite() && phi.is_finite())
}

fn exp(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let z = arg(cx, a[0])?;
    let m = libm::exp(z.0);
    let w = if z.1 == 0.0 {
        (m, z.1)
    } else {
        (m * libm::cos(z.1), m * libm::sin(z.1))
    };
    ret(cx, w, finite(z))
}

fn log(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let z = arg(cx, a[0])?;
    if z == (0.0, 0.0) {
        return Err(cx.value_error("math domain error"));
    }
    let mut w = c_log(z);
    if let Some(&b) = a.get(1) {
        let bz = arg(cx, b)?;
        if bz == (0.0, 0.0) {
            return Err(cx.value_error("math domain error"));
        }
        let lb = c_log(bz);
        if lb == (0.0, 0.0) {
            return Err(cx.raise_msg(&ZERO_DIVISION_ERROR_TYPE, "complex division by zero"));
        }
        w = c_div(w, lb);
    }
    ret(cx, w, finite(z))
}

fn log10(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let z = arg(cx, a[0])?;
    if z == (0.0, 0.0) {
        return Err(cx.value_error("math domain error"));
    }
    let w = c_log(z);
    let l10 = core::f64::consts::LN_10;
    ret(cx, (w.0 / l10, w.1 / l10), finite(z))
}

/// CPython's `cmath.sqrt` for finite values (exact on the axes).
fn c_sqrt(z: (f64, f64)) -> (f64, f64) {
    let (x, y) = z;
    if x == 0.0 && y == 0.0 {
        return (0.0, y);
    }
    if x.is_infinite() || y.is_infinite() {
        if y.is_infinite() {
            return (f64::INFINITY, y);
        }
        if x > 0.0 {
            return (
                x,
                if y.is_nan() {
                    y
                } else {
                    libm::copysign(0.0, y)
                },
            );
        }
        return (
            if y.is_nan() { y } else { 0.0 },
            libm::copysign(f64::INFINITY, y),
        );
    }
    let ax = x.abs();
    let ay = y.abs();
    // s = sqrt((|x| + hypot(x, y)) / 2), scaled to avoid overflow.
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        let ax = libm::ldexp(ax, 53);
        libm::ldexp(libm::sqrt(ax + libm::hypot(ax, libm::ldexp(ay, 53))), -27)
    } else {
        let ax8 = ax / 8.0;
        2.0 * libm::sqrt(ax8 + libm::hypot(ax8, ay / 8.0))
    };
    let d = ay / (2.0 * s);
    if x >= 0.0 {
        (s, libm::copysign(d, y))
    } else {
        (d, libm::copysign(s, y))
    }
}

fn sqrt(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let z = arg(cx, a[0])?;
    ret(cx, c_sqrt(z), finite(z))
}

fn cos(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (x, y) = arg(cx, a[0])?;
    let w = (libm::cos(x) * libm::cosh(y), -libm::sin(x) * libm::sinh(y));
    ret(cx, w, x.is_finite() && y.is_finite())
}

fn sin(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (x, y) = arg(cx, a[0])?;
    let w = (libm::sin(x) * libm::cosh(y), libm::cos(x) * libm::sinh(y));
    ret(cx, w, x.is_finite() && y.is_finite())
}

native_fn!(PHASE, q::phase, 1, 1, false, phase);
native_fn!(POLAR, q::polar, 1, 1, false, polar);
native_fn!(RECT, q::rect, 2, 2, false, rect);
native_fn!(EXP, q::exp, 1, 1, false, exp);
native_fn!(LOG, q::log, 1, 2, false, log);
native_fn!(LOG10, q::log10, 1, 1, false, log10);
native_fn!(SQRT, q::sqrt, 1, 1, false, sqrt);
native_fn!(COS, q::cos, 1, 1, false, cos);
native_fn!(SIN, q::sin, 1, 1, false, sin);

/// The `cmath` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::cmath,
    items: &[
        (&q::e, Item::Float(core::f64::consts::E)),
        (&q::pi, Item::Float(core::f64::consts::PI)),
        (&q::phase, Item::Obj(&PHASE.header)),
        (&q::polar, Item::Obj(&POLAR.header)),
        (&q::rect, Item::Obj(&RECT.header)),
        (&q::exp, Item::Obj(&EXP.header)),
        (&q::log, Item::Obj(&LOG.header)),
        (&q::log10, Item::Obj(&LOG10.header)),
        (&q::sqrt, Item::Obj(&SQRT.header)),
        (&q::cos, Item::Obj(&COS.header)),
        (&q::sin, Item::Obj(&SIN.header)),
    ],
    init: None,
};
