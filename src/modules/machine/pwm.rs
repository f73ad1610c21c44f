//! `machine.PWM` and `machine.ADC`.

use crate::builtins::args;
use crate::hal::board::{HwError, PinId};
use crate::modules::hw::class::{self, ClassSpec, Member};
use crate::modules::hw::{self, with_board};
use crate::obj::str as pystr;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

#[derive(Clone, Copy)]
struct PwmState {
    pin: PinId,
    freq: u32,
    duty: u16,
    invert: bool,
}

fn set_duty(cx: &mut Cx, s: &PwmState) -> PyResult<()> {
    let d = if s.invert { 65535 - s.duty } else { s.duty };
    let pin = s.pin;
    let r = with_board(cx, |b| match b.pwm(pin) {
        Some(p) => p.set_duty_u16(d),
        None => Err(HwError::Unsupported),
    })?;
    r.map_err(|e| hw::bus_error(cx, e, 5))
}

fn set_freq(cx: &mut Cx, s: &mut PwmState, hz: isize) -> PyResult<()> {
    if hz <= 0 {
        return Err(cx.value_error("freq too small"));
    }
    let pin = s.pin;
    let r = with_board(cx, |b| match b.pwm(pin) {
        Some(p) => p.set_frequency(hz as u32).map(|_| p.frequency()),
        None => Err(HwError::Unsupported),
    })?;
    s.freq = r.map_err(|_| cx.value_error("freq not supported"))?;
    Ok(())
}

fn duty_from_ns(s: &PwmState, ns: isize) -> u16 {
    let period_ns = 1_000_000_000u64 / s.freq.max(1) as u64;
    ((ns.max(0) as u64 * 65536 / period_ns.max(1)).min(65535)) as u16
}

fn init_with(cx: &mut Cx, s: &mut PwmState, k: &[Value; 4]) -> PyResult<()> {
    let [freq, duty_u16, duty_ns, invert] = *k;
    s.invert = hw::bool_or(cx, invert, s.invert)?;
    if !freq.is_null() {
        let f = crate::vm::seq::int_arg(cx, freq)?;
        set_freq(cx, s, f)?;
    }
    if !duty_u16.is_null() {
        s.duty = crate::vm::seq::int_arg(cx, duty_u16)?.clamp(0, 65535) as u16;
    } else if !duty_ns.is_null() {
        let ns = crate::vm::seq::int_arg(cx, duty_ns)?;
        s.duty = duty_from_ns(s, ns);
    }
    set_duty(cx, s)
}

fn pwm_new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [dest, freq, duty_u16, duty_ns, invert] = args::parse(
        cx,
        &a[1..],
        k,
        ["dest", "freq", "duty_u16", "duty_ns", "invert"],
        1,
    )?;
    if dest.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let pin = super::pin::pin_id(cx, dest)?;
    let f = with_board(cx, |b| b.pwm(pin).map(|p| p.frequency()))?;
    let Some(f) = f else {
        return Err(cx.value_error("pin does not support PWM"));
    };
    let mut s = PwmState {
        pin,
        freq: f,
        duty: 0,
        invert: false,
    };
    init_with(cx, &mut s, &[freq, duty_u16, duty_ns, invert])?;
    class::new_object(cx, a[0], s)
}

fn pwm_init(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let v = args::parse(cx, &a[1..], k, ["freq", "duty_u16", "duty_ns", "invert"], 0)?;
    let mut s = class::state::<PwmState>(cx, a[0])?;
    init_with(cx, &mut s, &v)?;
    class::set_state(cx, a[0], s);
    Ok(Value::NONE)
}

fn pwm_deinit(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = class::state::<PwmState>(cx, a[0])?;
    s.duty = 0;
    set_duty(cx, &s)?;
    class::set_state(cx, a[0], s);
    Ok(Value::NONE)
}

fn pwm_freq(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = class::state::<PwmState>(cx, a[0])?;
    match a.get(1) {
        None => Ok(Value::small_int_unchecked(s.freq as isize)),
        Some(&v) => {
            let f = crate::vm::seq::int_arg(cx, v)?;
            set_freq(cx, &mut s, f)?;
            set_duty(cx, &s)?;
            class::set_state(cx, a[0], s);
            Ok(Value::NONE)
        }
    }
}

fn pwm_duty_u16(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = class::state::<PwmState>(cx, a[0])?;
    match a.get(1) {
        None => Ok(Value::small_int_unchecked(s.duty as isize)),
        Some(&v) => {
            s.duty = crate::vm::seq::int_arg(cx, v)?.clamp(0, 65535) as u16;
            set_duty(cx, &s)?;
            class::set_state(cx, a[0], s);
            Ok(Value::NONE)
        }
    }
}

fn pwm_duty_ns(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = class::state::<PwmState>(cx, a[0])?;
    match a.get(1) {
        None => {
            let period_ns = 1_000_000_000u64 / s.freq.max(1) as u64;
            Ok(Value::small_int_unchecked(
                (s.duty as u64 * period_ns / 65536) as isize,
            ))
        }
        Some(&v) => {
            let ns = crate::vm::seq::int_arg(cx, v)?;
            s.duty = duty_from_ns(&s, ns);
            set_duty(cx, &s)?;
            class::set_state(cx, a[0], s);
            Ok(Value::NONE)
        }
    }
}

fn pwm_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<PwmState>(cx, a[0])?;
    let n = hw::pin_name_str(cx, s.pin, false)?;
    let name = pystr::str_of(n).unwrap_or("?");
    let mut b = crate::obj::str::StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(
        &mut b,
        format_args!("PWM(Pin({name}), freq={}, duty_u16={})", s.freq, s.duty),
    );
    b.finish(cx)
}

/// `machine.PWM`.
pub static PWM: ClassSpec = ClassSpec {
    name: "PWM",
    members: &[
        ("__new__", Member::Method(pwm_new)),
        ("init", Member::Method(pwm_init)),
        ("deinit", Member::Method(pwm_deinit)),
        ("freq", Member::Method(pwm_freq)),
        ("duty_u16", Member::Method(pwm_duty_u16)),
        ("duty_ns", Member::Method(pwm_duty_ns)),
        ("__repr__", Member::Method(pwm_repr)),
    ],
};

#[derive(Clone, Copy)]
struct AdcState {
    pin: PinId,
}

fn adc_new(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let Some(&id) = a.get(1) else {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    };
    let pin = super::pin::pin_id(cx, id)?;
    let ok = with_board(cx, |b| b.adc(pin).is_some())?;
    if !ok {
        return Err(cx.value_error("Pin doesn't have ADC capabilities"));
    }
    class::new_object(cx, a[0], AdcState { pin })
}

fn read_raw(cx: &mut Cx, pin: PinId) -> PyResult<(u16, u32)> {
    let r = with_board(cx, |b| match b.adc(pin) {
        Some(adc) => adc.read_u16().map(|v| (v, adc.reference_uv())),
        None => Err(HwError::Unsupported),
    })?;
    r.map_err(|e| hw::bus_error(cx, e, 5))
}

fn adc_read_u16(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<AdcState>(cx, a[0])?;
    let (v, _) = read_raw(cx, s.pin)?;
    Ok(Value::small_int_unchecked(v as isize))
}

fn adc_read_uv(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<AdcState>(cx, a[0])?;
    let (v, r) = read_raw(cx, s.pin)?;
    hw::int_value(cx, (v as i64 * r as i64 + 32767) / 65535)
}

fn adc_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<AdcState>(cx, a[0])?;
    let n = hw::pin_name_str(cx, s.pin, false)?;
    let name = pystr::str_of(n).unwrap_or("?");
    let mut b = crate::obj::str::StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(&mut b, format_args!("ADC(Pin({name}))"));
    b.finish(cx)
}

/// `machine.ADC`.
pub static ADC: ClassSpec = ClassSpec {
    name: "ADC",
    members: &[
        ("__new__", Member::Method(adc_new)),
        ("read_u16", Member::Method(adc_read_u16)),
        ("read_uv", Member::Method(adc_read_uv)),
        ("__repr__", Member::Method(adc_repr)),
    ],
};
