//! `supervisor` (circuitpython flavour): `ticks_ms()` (wrapping at 2**29 and starting 65 s
//! before the first wrap, as CircuitPython's), `reload()` (raises `ReloadException`), and
//! `runtime` with `autoreload`, `serial_connected`, `usb_connected` and
//! `serial_bytes_available`.

use super::hw::class::{self, make_class, ClassSpec, Member};
use super::hw::{self, key};
use super::ModuleDef;
use crate::embed::native;
use crate::obj::types::*;
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

fn ticks_ms(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ms = match cx.hal().board() {
        Some(b) => b.ticks_us() / 1000,
        None => cx.hal().monotonic_ns().unwrap_or(0) / 1_000_000,
    };
    let t = (ms + 0x1fff_0000) % (1 << 29);
    Ok(Value::small_int_unchecked(t as isize))
}

fn reload(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Err(cx.raise_empty(&RELOAD_EXCEPTION_TYPE))
}

#[derive(Clone, Copy)]
struct Runtime;

fn get_autoreload(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(hw::state_get(cx, key::AUTORELOAD)?.unwrap_or(Value::TRUE))
}

fn set_autoreload(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let on = crate::vm::ops::truthy(cx, crate::modules::hw::at(a, 1))?;
    hw::state_set(cx, key::AUTORELOAD, Value::bool(on))?;
    Ok(Value::NONE)
}

fn yes(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::TRUE)
}

fn zero(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(0))
}

fn no_set(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Err(cx.raise_msg(&ATTRIBUTE_ERROR_TYPE, "can't set attribute"))
}

static RUNTIME: ClassSpec = ClassSpec {
    name: "Runtime",
    members: &[
        (
            "autoreload",
            Member::Property(get_autoreload, set_autoreload),
        ),
        ("serial_connected", Member::Property(yes, no_set)),
        ("usb_connected", Member::Getter(yes)),
        ("serial_bytes_available", Member::Getter(zero)),
    ],
};

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    let cls = make_class(cx, None, &RUNTIME)?;
    let mark = cx.roots_mark();
    cx.root(cls)?;
    let r = (|| {
        let rt = class::new_object(cx, cls, Runtime)?;
        class::set_attr(cx, m, "runtime", rt)?;
        for (name, f) in [("ticks_ms", ticks_ms as class::RawFn), ("reload", reload)] {
            let v = native::new_function(cx, name, f)?;
            class::set_attr(cx, m, name, v)?;
        }
        Ok(())
    })();
    cx.roots_truncate(mark);
    r
}

/// The `supervisor` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::supervisor,
    items: &[],
    init: Some(init),
};
