//! `analogio` (circuitpython flavour): `AnalogIn(pin)` with the `value` (0-65535) and
//! `reference_voltage` properties. The pin is claimed until `deinit()`.

use super::hw::class::{self, make_class, ClassSpec, Member};
use super::hw::{self, with_board};
use super::ModuleDef;
use crate::builtins::args;
use crate::hal::board::{HwError, PinId};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

#[derive(Clone, Copy)]
struct AnalogInState {
    pin: PinId,
    deinit: bool,
}

fn live(cx: &mut Cx, o: Value) -> PyResult<AnalogInState> {
    let s = class::state::<AnalogInState>(cx, o)?;
    if s.deinit {
        return Err(hw::deinited(cx));
    }
    Ok(s)
}

fn new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [pin] = args::parse(cx, &a[1..], k, ["pin"], 1)?;
    if pin.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let pin = super::microcontroller::pin_arg(cx, pin, "pin")?;
    if !with_board(cx, |b| b.adc(pin).is_some())? {
        return Err(cx.value_error("Pin does not have ADC capabilities"));
    }
    hw::claim(cx, pin)?;
    class::new_object(cx, a[0], AnalogInState { pin, deinit: false })
}

fn deinit(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = class::state::<AnalogInState>(cx, a[0])?;
    if !s.deinit {
        s.deinit = true;
        class::set_state(cx, a[0], s);
        hw::release(cx, s.pin)?;
    }
    Ok(Value::NONE)
}

fn enter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    live(cx, a[0])?;
    Ok(a[0])
}

fn value(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live(cx, a[0])?;
    let r = with_board(cx, |b| match b.adc(s.pin) {
        Some(adc) => adc.read_u16(),
        None => Err(HwError::Unsupported),
    })?;
    let v = r.map_err(|e| hw::bus_error(cx, e, 5))?;
    Ok(Value::small_int_unchecked(v as isize))
}

fn reference_voltage(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live(cx, a[0])?;
    let uv = with_board(cx, |b| {
        b.adc(s.pin).map_or(3_300_000, |adc| adc.reference_uv())
    })?;
    crate::obj::float::new(cx, uv as f64 / 1e6)
}

static ANALOG_IN: ClassSpec = ClassSpec {
    name: "AnalogIn",
    members: &[
        ("__new__", Member::Method(new)),
        ("deinit", Member::Method(deinit)),
        ("__enter__", Member::Method(enter)),
        ("__exit__", Member::Method(deinit)),
        ("value", Member::Getter(value)),
        ("reference_voltage", Member::Getter(reference_voltage)),
    ],
};

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    make_class(cx, Some(m), &ANALOG_IN)?;
    Ok(())
}

/// The `analogio` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::analogio,
    items: &[],
    init: Some(init),
};
