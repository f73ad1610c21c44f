//! `microcontroller` (circuitpython flavour): `Pin` (one object per pin, made by the board;
//! Python cannot create them), the `pin` namespace of MCU pin names, `cpu` (frequency, uid,
//! temperature, voltage, reset_reason), `reset()`, `delay_us()`, `nvm`, `on_next_reset()`,
//! `RunMode` and `ResetReason`.
//!
//! The helpers other circuitpython modules use to take pin arguments live here too.

use super::hw::class::{self, make_class, make_enum, ClassSpec, Member};
use super::hw::{self, with_board};
use super::ModuleDef;
use crate::embed::native;
use crate::hal::board::{PinId, ResetCause};
use crate::obj::str as pystr;
use crate::obj::types::*;
use crate::obj::{module, str_intern, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// A `microcontroller.Pin`'s state.
#[derive(Clone, Copy)]
pub struct McuPin {
    /// Which pin.
    pub pin: PinId,
}

/// The `microcontroller.Pin` object of `pin`.
pub fn pin_object(cx: &mut Cx, pin: PinId) -> PyResult<Value> {
    hw::pin_object(cx, pin, |cx| {
        let m = hw::import(cx, "microcontroller")?;
        let cls = class::get_attr(cx, m, "Pin")?;
        let mark = cx.roots_mark();
        cx.root(cls)?;
        let r = class::new_object(cx, cls, McuPin { pin });
        cx.roots_truncate(mark);
        r
    })
}

/// A pin argument: a `microcontroller.Pin`, else CircuitPython's
/// `TypeError: <arg> must be of type Pin, not <type>`.
pub fn pin_arg(cx: &mut Cx, v: Value, arg: &str) -> PyResult<PinId> {
    if let Some(p) = cx.native_mut::<McuPin>(v) {
        return Ok(p.pin);
    }
    let tn = crate::vm::ops::alloc_free_name(cx.type_name(v));
    let arg = crate::vm::ops::alloc_free_name(arg);
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("{arg} must be of type Pin, not {tn}"),
    ))
}

/// An optional pin argument (missing or None: `None`).
pub fn opt_pin_arg(cx: &mut Cx, v: Value, arg: &str) -> PyResult<Option<PinId>> {
    match hw::opt(v) {
        Some(v) => pin_arg(cx, v, arg).map(Some),
        None => Ok(None),
    }
}

fn pin_new(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Err(cx.type_error("cannot create 'Pin' instances"))
}

fn pin_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let p = class::state::<McuPin>(cx, a[0])?;
    let has_board_name = with_board(cx, |b| {
        let mut i = 0;
        while let Some((_, q)) = b.board_name(i) {
            if q == p.pin {
                return true;
            }
            i += 1;
        }
        false
    })?;
    let name = hw::pin_name_str(cx, p.pin, has_board_name)?;
    let mut b = crate::obj::str::StrBuilder::new(cx);
    b.push_str(if has_board_name {
        "board."
    } else {
        "microcontroller.pin."
    });
    b.push(pystr::bytes_of(name).unwrap_or(b"?"));
    b.finish(cx)
}

fn pin_hash(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let p = class::state::<McuPin>(cx, a[0])?;
    Ok(Value::small_int_unchecked(p.pin as isize))
}

static PIN: ClassSpec = ClassSpec {
    name: "Pin",
    members: &[
        ("__new__", Member::Method(pin_new)),
        ("__repr__", Member::Method(pin_repr)),
        ("__hash__", Member::Method(pin_hash)),
    ],
};

#[derive(Clone, Copy)]
struct Processor;

fn cpu_frequency(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = with_board(cx, |b| b.cpu_frequency())?;
    hw::int_value(cx, f as i64)
}

fn cpu_uid(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut id = [0u8; 32];
    let n = with_board(cx, |b| {
        let u = b.unique_id();
        let n = u.len().min(32);
        id[..n].copy_from_slice(&u[..n]);
        n
    })?;
    crate::obj::bytes::new_bytearray(cx, &id[..n])
}

fn opt_float(cx: &mut Cx, f: Option<f64>) -> PyResult<Value> {
    match f {
        Some(f) => crate::obj::float::new(cx, f),
        None => Ok(Value::NONE),
    }
}

fn cpu_temperature(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let t = with_board(cx, |b| b.cpu_temperature())?;
    opt_float(cx, t)
}

fn cpu_voltage(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let t = with_board(cx, |b| b.cpu_voltage())?;
    opt_float(cx, t)
}

fn cpu_reset_reason(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let c = with_board(cx, |b| b.reset_cause())?;
    let name = match c {
        ResetCause::PowerOn => "POWER_ON",
        ResetCause::ResetPin => "RESET_PIN",
        ResetCause::Watchdog => "WATCHDOG",
        ResetCause::Software => "SOFTWARE",
        ResetCause::DeepSleep => "DEEP_SLEEP_ALARM",
        ResetCause::Unknown => "UNKNOWN",
    };
    class::enum_const(cx, "microcontroller", "ResetReason", name)
}

static PROCESSOR: ClassSpec = ClassSpec {
    name: "Processor",
    members: &[
        ("frequency", Member::Getter(cpu_frequency)),
        ("uid", Member::Getter(cpu_uid)),
        ("temperature", Member::Getter(cpu_temperature)),
        ("voltage", Member::Getter(cpu_voltage)),
        ("reset_reason", Member::Getter(cpu_reset_reason)),
    ],
};

/// `microcontroller.nvm`: the board's non-volatile bytes, indexed like a bytearray.
#[derive(Clone, Copy)]
struct Nvm;

fn nvm_len(cx: &mut Cx) -> PyResult<usize> {
    with_board(cx, |b| b.nvm().map_or(0, |n| n.len()))
}

fn nvm_dunder_len(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = nvm_len(cx)?;
    Ok(Value::small_int_unchecked(n as isize))
}

/// The byte range an index or slice selects.
fn nvm_range(cx: &mut Cx, key: Value, len: usize) -> PyResult<(usize, usize, bool)> {
    if crate::obj::kind_of(key) == Kind::Slice {
        let (start, stop, step, _) = crate::vm::seq::slice_indices(cx, key, len)?;
        if step != 1 {
            return Err(cx.raise_msg(
                &NOT_IMPLEMENTED_ERROR_TYPE,
                "only slices with step=1 (aka None) are supported",
            ));
        }
        let (s, e) = (start.max(0) as usize, stop.max(start).max(0) as usize);
        return Ok((s, e, true));
    }
    let i = crate::vm::seq::int_arg(cx, key)?;
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j as usize >= len {
        return Err(cx.index_error(crate::flavour::msg::BYTEARRAY_INDEX));
    }
    Ok((j as usize, j as usize + 1, false))
}

fn nvm_getitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let len = nvm_len(cx)?;
    let (s, e, slice) = nvm_range(cx, crate::modules::hw::at(a, 1), len)?;
    let mut out = hw::buf::temp(cx, e - s, 0)?;
    with_board(cx, |b| {
        if let Some(n) = b.nvm() {
            if let Some(src) = n.get(s..e) {
                out.copy_from_slice(src);
            }
        }
    })?;
    if slice {
        crate::obj::bytes::new_bytearray(cx, &out)
    } else {
        Ok(Value::small_int_unchecked(
            out.first().copied().unwrap_or(0) as isize,
        ))
    }
}

fn nvm_setitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let len = nvm_len(cx)?;
    let (s, e, slice) = nvm_range(cx, crate::modules::hw::at(a, 1), len)?;
    let data = if slice {
        hw::buf::read_copy(cx, crate::modules::hw::at(a, 2))?
    } else {
        let v = crate::vm::seq::int_arg(cx, crate::modules::hw::at(a, 2))?;
        if !(0..=255).contains(&v) {
            return Err(cx.value_error("bytes value out of range"));
        }
        let mut t = hw::buf::temp(cx, 1, 0)?;
        t[0] = v as u8;
        t
    };
    if data.len() != e - s {
        return Err(cx.value_error("Slice and value different lengths."));
    }
    with_board(cx, |b| {
        if let Some(n) = b.nvm() {
            if let Some(dst) = n.get_mut(s..e) {
                dst.copy_from_slice(&data);
            }
        }
    })?;
    Ok(Value::NONE)
}

static NVM: ClassSpec = ClassSpec {
    name: "ByteArray",
    members: &[
        ("__len__", Member::Method(nvm_dunder_len)),
        ("__getitem__", Member::Method(nvm_getitem)),
        ("__setitem__", Member::Method(nvm_setitem)),
    ],
};

fn reset(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    with_board(cx, |b| b.reset())?;
    Err(cx.raise_empty(&SYSTEM_EXIT_TYPE))
}

fn delay_us(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let us = crate::vm::seq::int_arg(cx, hw::at(a, 0))?;
    hw::delay_us(cx, us.max(0) as u64)?;
    Ok(Value::NONE)
}

fn nothing(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn on_next_reset(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if a.first()
        .and_then(|&v| class::enum_code(cx, v, "microcontroller.RunMode."))
        .is_none()
    {
        let v = a.first().copied().unwrap_or(Value::NONE);
        let tn = crate::vm::ops::alloc_free_name(cx.type_name(v));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("run_mode must be of type RunMode, not {tn}"),
        ));
    }
    Ok(Value::NONE)
}

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    let mark = cx.roots_mark();
    let r = (|| {
        make_class(cx, Some(m), &PIN)?;
        make_enum(
            cx,
            m,
            "RunMode",
            "microcontroller.RunMode.",
            &[
                ("NORMAL", 0),
                ("SAFE_MODE", 1),
                ("UF2", 2),
                ("BOOTLOADER", 3),
            ],
        )?;
        make_enum(
            cx,
            m,
            "ResetReason",
            "microcontroller.ResetReason.",
            &[
                ("POWER_ON", 0),
                ("BROWNOUT", 1),
                ("SOFTWARE", 2),
                ("DEEP_SLEEP_ALARM", 3),
                ("RESET_PIN", 4),
                ("WATCHDOG", 5),
                ("UNKNOWN", 6),
                ("RESCUE_DEBUG", 7),
            ],
        )?;
        // The module is complete enough for pin objects now: it must be importable by
        // `pin_object` while the namespace below is filled.
        crate::obj::dict::set(cx, cx.modules, q::microcontroller.value(), m)?;
        let proc_cls = make_class(cx, Some(m), &PROCESSOR)?;
        cx.root(proc_cls)?;
        let cpu = class::new_object(cx, proc_cls, Processor)?;
        class::set_attr(cx, m, "cpu", cpu)?;
        let has_nvm = with_board(cx, |b| b.nvm().is_some()).unwrap_or(false);
        if has_nvm {
            let nvm_cls = make_class(cx, None, &NVM)?;
            cx.root(nvm_cls)?;
            let nvm = class::new_object(cx, nvm_cls, Nvm)?;
            class::set_attr(cx, m, "nvm", nvm)?;
        } else {
            class::set_attr(cx, m, "nvm", Value::NONE)?;
        }
        for (name, f) in [
            ("reset", reset as class::RawFn),
            ("delay_us", delay_us),
            ("disable_interrupts", nothing),
            ("enable_interrupts", nothing),
            ("on_next_reset", on_next_reset),
        ] {
            let v = native::new_function(cx, name, f)?;
            class::set_attr(cx, m, name, v)?;
        }
        // microcontroller.pin: every MCU pin by name.
        let pn = str_intern::intern(cx, b"microcontroller.pin")?;
        cx.root(pn)?;
        let pm = module::new(cx, pn)?;
        cx.root(pm)?;
        let count = with_board(cx, |b| b.pin_count()).unwrap_or(0);
        for pin in 0..count {
            let o = pin_object(cx, pin as PinId)?;
            cx.root(o)?;
            let name = hw::pin_name_str(cx, pin as PinId, false)?;
            cx.root(name)?;
            let n = str_intern::intern_value(cx, name)?;
            cx.root(n)?;
            if let Some(d) = module::dict_of(pm) {
                crate::obj::dict::set(cx, d, n, o)?;
            }
        }
        class::set_attr(cx, m, "pin", pm)?;
        Ok(())
    })();
    cx.roots_truncate(mark);
    r
}

/// The `microcontroller` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::microcontroller,
    items: &[],
    init: Some(init),
};
