//! `machine` (micropython flavour): the board's pins and peripherals as MicroPython's
//! `machine` module presents them (FLAVOURS.md §A), over the port's [`Board`].
//!
//! One file per class family: `pin` (Pin, Signal), `i2c` (I2C, SoftI2C), `spi` (SPI,
//! SoftSPI), `uart`, `pwm` (PWM, ADC), `timer` (Timer, WDT, RTC); the module functions are
//! here. Constants and reprs follow the rp2 port.
//!
//! [`Board`]: crate::hal::Board

pub mod i2c;
pub mod pin;
pub mod pwm;
pub mod spi;
pub mod timer;
pub mod uart;

use super::hw::class::{self, make_class};
use super::hw::{self, with_board};
use super::ModuleDef;
use crate::embed::native;
use crate::hal::board::ResetCause;
use crate::obj::types::*;
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

fn reset(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    with_board(cx, |b| b.reset())?;
    Err(cx.raise_empty(&SYSTEM_EXIT_TYPE))
}

fn soft_reset(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Err(cx.raise_empty(&SYSTEM_EXIT_TYPE))
}

fn reset_cause(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let c = with_board(cx, |b| b.reset_cause())?;
    Ok(Value::small_int_unchecked(match c {
        ResetCause::PowerOn | ResetCause::Unknown => 1,
        ResetCause::ResetPin => 2,
        ResetCause::Watchdog => 3,
        ResetCause::DeepSleep => 4,
        ResetCause::Software => 5,
    }))
}

fn freq(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    match a.first() {
        None => {
            let f = with_board(cx, |b| b.cpu_frequency())?;
            hw::int_value(cx, f as i64)
        }
        Some(&v) => {
            let hz = crate::vm::seq::int_arg(cx, v)?;
            let r = with_board(cx, |b| b.set_cpu_frequency(hz.max(0) as u32))?;
            r.map_err(|_| cx.value_error("frequency not supported"))?;
            Ok(Value::NONE)
        }
    }
}

fn unique_id(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut id = [0u8; 32];
    let n = with_board(cx, |b| {
        let u = b.unique_id();
        let n = u.len().min(32);
        id[..n].copy_from_slice(&u[..n]);
        n
    })?;
    hw::buf::new_bytes(cx, &id[..n])
}

fn idle(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    with_board(cx, |b| b.idle())?;
    Ok(Value::NONE)
}

fn lightsleep(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    match a.first() {
        Some(&ms) => {
            let ms = crate::vm::seq::int_arg(cx, ms)?.max(0) as u64;
            hw::delay_us(cx, ms * 1000)?;
        }
        None => with_board(cx, |b| b.idle())?,
    }
    Ok(Value::NONE)
}

fn deepsleep(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    lightsleep(cx, a, k)?;
    reset(cx, &[], &[])
}

fn disable_irq(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(0))
}

fn enable_irq(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

const FUNCTIONS: [(&str, class::RawFn); 11] = [
    ("reset", reset),
    ("soft_reset", soft_reset),
    ("reset_cause", reset_cause),
    ("freq", freq),
    ("unique_id", unique_id),
    ("idle", idle),
    ("lightsleep", lightsleep),
    ("deepsleep", deepsleep),
    ("disable_irq", disable_irq),
    ("enable_irq", enable_irq),
    ("bootloader", reset),
];

const CONSTANTS: [(&str, isize); 5] = [
    ("PWRON_RESET", 1),
    ("HARD_RESET", 2),
    ("WDT_RESET", 3),
    ("DEEPSLEEP_RESET", 4),
    ("SOFT_RESET", 5),
];

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    for spec in [
        &pin::PIN,
        &pin::SIGNAL,
        &i2c::I2C,
        &i2c::SOFT_I2C,
        &spi::SPI,
        &spi::SOFT_SPI,
        &uart::UART,
        &pwm::PWM,
        &pwm::ADC,
        &timer::TIMER,
        &timer::WDT,
        &timer::RTC,
    ] {
        make_class(cx, Some(m), spec)?;
    }
    for (name, f) in FUNCTIONS {
        let v = native::new_function(cx, name, f)?;
        class::set_attr(cx, m, name, v)?;
    }
    for (name, i) in CONSTANTS {
        class::set_attr(cx, m, name, Value::small_int_unchecked(i))?;
    }
    Ok(())
}

/// The `machine` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::machine,
    items: &[],
    init: Some(init),
};
