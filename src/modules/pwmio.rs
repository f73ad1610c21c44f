//! `pwmio` (circuitpython flavour): `PWMOut(pin, *, duty_cycle=0, frequency=500,
//! variable_frequency=False)` with the `duty_cycle` (0-65535) and `frequency` properties.

use super::hw::class::{self, make_class, ClassSpec, Member};
use super::hw::{self, with_board};
use super::ModuleDef;
use crate::builtins::args;
use crate::hal::board::{HwError, PinId};
use crate::obj::types::*;
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

#[derive(Clone, Copy)]
struct PwmState {
    pin: PinId,
    deinit: bool,
    duty: u16,
    frequency: u32,
    variable: bool,
}

fn live(cx: &mut Cx, o: Value) -> PyResult<PwmState> {
    let s = class::state::<PwmState>(cx, o)?;
    if s.deinit {
        return Err(hw::deinited(cx));
    }
    Ok(s)
}

fn duty_arg(cx: &mut Cx, v: Value) -> PyResult<u16> {
    let d = crate::vm::seq::int_arg(cx, v)?;
    if !(0..=65535).contains(&d) {
        return Err(cx.value_error("duty_cycle must be 0-65535"));
    }
    Ok(d as u16)
}

fn set_duty(cx: &mut Cx, pin: PinId, duty: u16) -> PyResult<()> {
    let r = with_board(cx, |b| match b.pwm(pin) {
        Some(p) => p.set_duty_u16(duty),
        None => Err(HwError::Unsupported),
    })?;
    r.map_err(|e| hw::bus_error(cx, e, 5))
}

fn set_frequency(cx: &mut Cx, pin: PinId, hz: isize) -> PyResult<u32> {
    if hz <= 0 {
        return Err(cx.value_error("Invalid PWM frequency"));
    }
    let r = with_board(cx, |b| match b.pwm(pin) {
        Some(p) => {
            if p.frequency() == hz as u32 {
                Ok(p.frequency())
            } else {
                p.set_frequency(hz as u32).map(|_| p.frequency())
            }
        }
        None => Err(HwError::Unsupported),
    })?;
    r.map_err(|_| cx.value_error("Invalid PWM frequency"))
}

fn new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [pin, duty_cycle, frequency, variable] = args::parse(
        cx,
        &a[1..],
        k,
        ["pin", "duty_cycle", "frequency", "variable_frequency"],
        1,
    )?;
    if pin.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let pin = super::microcontroller::pin_arg(cx, pin, "pin")?;
    let duty = if duty_cycle.is_null() {
        0
    } else {
        duty_arg(cx, duty_cycle)?
    };
    let hz = hw::int_or(cx, frequency, 500)?;
    let variable = hw::bool_or(cx, variable, false)?;
    if !with_board(cx, |b| b.pwm(pin).is_some())? {
        return Err(cx.value_error("Invalid pin"));
    }
    hw::claim(cx, pin)?;
    let r = set_frequency(cx, pin, hz).and_then(|f| set_duty(cx, pin, duty).map(|_| f));
    let f = match r {
        Ok(f) => f,
        Err(e) => {
            hw::release(cx, pin)?;
            return Err(e);
        }
    };
    class::new_object(
        cx,
        a[0],
        PwmState {
            pin,
            deinit: false,
            duty,
            frequency: f,
            variable,
        },
    )
}

fn deinit(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = class::state::<PwmState>(cx, a[0])?;
    if !s.deinit {
        s.deinit = true;
        class::set_state(cx, a[0], s);
        set_duty(cx, s.pin, 0)?;
        hw::release(cx, s.pin)?;
    }
    Ok(Value::NONE)
}

fn enter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    live(cx, a[0])?;
    Ok(a[0])
}

fn get_duty(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live(cx, a[0])?;
    Ok(Value::small_int_unchecked(s.duty as isize))
}

fn put_duty(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = live(cx, a[0])?;
    s.duty = duty_arg(cx, crate::modules::hw::at(a, 1))?;
    set_duty(cx, s.pin, s.duty)?;
    class::set_state(cx, a[0], s);
    Ok(Value::NONE)
}

fn get_frequency(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live(cx, a[0])?;
    hw::int_value(cx, s.frequency as i64)
}

fn put_frequency(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = live(cx, a[0])?;
    if !s.variable {
        return Err(cx.raise_msg(
            &ATTRIBUTE_ERROR_TYPE,
            "PWM frequency not writable when variable_frequency is False.",
        ));
    }
    let hz = crate::vm::seq::int_arg(cx, crate::modules::hw::at(a, 1))?;
    s.frequency = set_frequency(cx, s.pin, hz)?;
    set_duty(cx, s.pin, s.duty)?;
    class::set_state(cx, a[0], s);
    Ok(Value::NONE)
}

static PWM_OUT: ClassSpec = ClassSpec {
    name: "PWMOut",
    members: &[
        ("__new__", Member::Method(new)),
        ("deinit", Member::Method(deinit)),
        ("__enter__", Member::Method(enter)),
        ("__exit__", Member::Method(deinit)),
        ("duty_cycle", Member::Property(get_duty, put_duty)),
        ("frequency", Member::Property(get_frequency, put_frequency)),
    ],
};

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    make_class(cx, Some(m), &PWM_OUT)?;
    Ok(())
}

/// The `pwmio` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::pwmio,
    items: &[],
    init: Some(init),
};
