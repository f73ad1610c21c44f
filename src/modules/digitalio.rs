//! `digitalio` (circuitpython flavour): `DigitalInOut`, `Direction`, `Pull`, `DriveMode`.
//!
//! A `DigitalInOut` claims its pin (`ValueError: D13 in use` for a second one) until
//! `deinit()`, after which every use raises CircuitPython's "deinitialized" error. `value`
//! is a bool property; the direction-dependent properties raise CircuitPython's
//! `AttributeError`s.

use super::hw::class::{self, make_class, make_enum, ClassSpec, Member};
use super::hw::{self, with_board};
use super::ModuleDef;
use crate::builtins::args;
use crate::hal::board::{HwError, PinId, PinMode, Pull};
use crate::obj::types::*;
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

const DIRECTION: &str = "digitalio.Direction.";
const PULL: &str = "digitalio.Pull.";
const DRIVE_MODE: &str = "digitalio.DriveMode.";

#[derive(Clone, Copy)]
struct Dio {
    pin: PinId,
    deinit: bool,
    output: bool,
    open_drain: bool,
    pull: Pull,
}

/// The state, or the "deinitialized" error.
fn live(cx: &mut Cx, o: Value) -> PyResult<Dio> {
    let s = class::state::<Dio>(cx, o)?;
    if s.deinit {
        return Err(hw::deinited(cx));
    }
    Ok(s)
}

fn apply(cx: &mut Cx, o: Value, s: Dio, level: Option<bool>) -> PyResult<()> {
    class::set_state(cx, o, s);
    let mode = match (s.output, s.open_drain) {
        (false, _) => PinMode::Input,
        (true, false) => PinMode::Output,
        (true, true) => PinMode::OpenDrain,
    };
    let pull = if s.output { Pull::None } else { s.pull };
    let r = with_board(cx, |b| match b.pin(s.pin) {
        Some(p) => {
            if let Some(l) = level {
                p.write(l)?;
            }
            p.configure(mode, pull)
        }
        None => Err(HwError::Unsupported),
    })?;
    r.map_err(|e| hw::bus_error(cx, e, 5))
}

fn new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [pin] = args::parse(cx, &a[1..], k, ["pin"], 1)?;
    if pin.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let pin = super::microcontroller::pin_arg(cx, pin, "pin")?;
    hw::claim(cx, pin)?;
    let s = Dio {
        pin,
        deinit: false,
        output: false,
        open_drain: false,
        pull: Pull::None,
    };
    let o = class::new_object(cx, a[0], s)?;
    let mark = cx.roots_mark();
    cx.root(o)?;
    let r = apply(cx, o, s, None);
    cx.roots_truncate(mark);
    r.map(|_| o)
}

fn deinit(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = class::state::<Dio>(cx, a[0])?;
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

fn exit(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    deinit(cx, &a[..1], &[])?;
    Ok(Value::NONE)
}

/// A `Pull` argument: `Pull.UP`, `Pull.DOWN` or None.
fn pull_arg(cx: &mut Cx, v: Value) -> PyResult<Pull> {
    let Some(v) = hw::opt(v) else {
        return Ok(Pull::None);
    };
    match class::enum_code(cx, v, PULL) {
        Some(1) => Ok(Pull::Up),
        Some(_) => Ok(Pull::Down),
        None => {
            let tn = crate::vm::ops::alloc_free_name(cx.type_name(v));
            Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("pull must be of type Pull or None, not {tn}"),
            ))
        }
    }
}

/// A `DriveMode` argument: whether it is OPEN_DRAIN.
fn drive_arg(cx: &mut Cx, v: Value) -> PyResult<bool> {
    if v.is_null() {
        return Ok(false);
    }
    match class::enum_code(cx, v, DRIVE_MODE) {
        Some(c) => Ok(c == 1),
        None => {
            let tn = crate::vm::ops::alloc_free_name(cx.type_name(v));
            Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("drive_mode must be of type DriveMode, not {tn}"),
            ))
        }
    }
}

fn switch_to_output(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [value, drive_mode] = args::parse(cx, &a[1..], k, ["value", "drive_mode"], 2)?;
    let mut s = live(cx, a[0])?;
    let level = hw::bool_or(cx, value, false)?;
    s.open_drain = drive_arg(cx, drive_mode)?;
    s.output = true;
    apply(cx, a[0], s, Some(level))?;
    Ok(Value::NONE)
}

fn switch_to_input(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [pull] = args::parse(cx, &a[1..], k, ["pull"], 1)?;
    let mut s = live(cx, a[0])?;
    s.pull = pull_arg(cx, pull)?;
    s.output = false;
    apply(cx, a[0], s, None)?;
    Ok(Value::NONE)
}

fn get_direction(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live(cx, a[0])?;
    let n = if s.output { "OUTPUT" } else { "INPUT" };
    class::enum_const(cx, "digitalio", "Direction", n)
}

fn set_direction(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = live(cx, a[0])?;
    match class::enum_code(cx, crate::modules::hw::at(a, 1), DIRECTION) {
        Some(0) => {
            s.output = false;
            s.pull = Pull::None;
            apply(cx, a[0], s, None)?;
        }
        Some(_) => {
            s.output = true;
            s.open_drain = false;
            apply(cx, a[0], s, Some(false))?;
        }
        None => return Err(cx.value_error("Invalid direction.")),
    }
    Ok(Value::NONE)
}

fn get_value(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live(cx, a[0])?;
    let r = with_board(cx, |b| match b.pin(s.pin) {
        Some(p) => p.read(),
        None => Err(HwError::Unsupported),
    })?;
    let v = r.map_err(|e| hw::bus_error(cx, e, 5))?;
    Ok(Value::bool(v))
}

fn set_value(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live(cx, a[0])?;
    if !s.output {
        return Err(cx.raise_msg(
            &ATTRIBUTE_ERROR_TYPE,
            "Cannot set value when direction is input.",
        ));
    }
    let level = crate::vm::ops::truthy(cx, crate::modules::hw::at(a, 1))?;
    let r = with_board(cx, |b| match b.pin(s.pin) {
        Some(p) => p.write(level),
        None => Err(HwError::Unsupported),
    })?;
    r.map_err(|e| hw::bus_error(cx, e, 5))?;
    Ok(Value::NONE)
}

fn get_drive_mode(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live(cx, a[0])?;
    if !s.output {
        return Err(cx.raise_msg(
            &ATTRIBUTE_ERROR_TYPE,
            "Drive mode not used when direction is input.",
        ));
    }
    let n = if s.open_drain {
        "OPEN_DRAIN"
    } else {
        "PUSH_PULL"
    };
    class::enum_const(cx, "digitalio", "DriveMode", n)
}

fn set_drive_mode(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = live(cx, a[0])?;
    if !s.output {
        return Err(cx.raise_msg(
            &ATTRIBUTE_ERROR_TYPE,
            "Drive mode not used when direction is input.",
        ));
    }
    s.open_drain = drive_arg(cx, crate::modules::hw::at(a, 1))?;
    apply(cx, a[0], s, None)?;
    Ok(Value::NONE)
}

fn get_pull(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live(cx, a[0])?;
    if s.output {
        return Err(cx.raise_msg(
            &ATTRIBUTE_ERROR_TYPE,
            "Pull not used when direction is output.",
        ));
    }
    match s.pull {
        Pull::None => Ok(Value::NONE),
        Pull::Up => class::enum_const(cx, "digitalio", "Pull", "UP"),
        Pull::Down => class::enum_const(cx, "digitalio", "Pull", "DOWN"),
    }
}

fn set_pull(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = live(cx, a[0])?;
    if s.output {
        return Err(cx.raise_msg(
            &ATTRIBUTE_ERROR_TYPE,
            "Pull not used when direction is output.",
        ));
    }
    s.pull = pull_arg(cx, crate::modules::hw::at(a, 1))?;
    apply(cx, a[0], s, None)?;
    Ok(Value::NONE)
}

static DIGITAL_IN_OUT: ClassSpec = ClassSpec {
    name: "DigitalInOut",
    members: &[
        ("__new__", Member::Method(new)),
        ("deinit", Member::Method(deinit)),
        ("__enter__", Member::Method(enter)),
        ("__exit__", Member::Method(exit)),
        ("switch_to_output", Member::Method(switch_to_output)),
        ("switch_to_input", Member::Method(switch_to_input)),
        ("direction", Member::Property(get_direction, set_direction)),
        ("value", Member::Property(get_value, set_value)),
        (
            "drive_mode",
            Member::Property(get_drive_mode, set_drive_mode),
        ),
        ("pull", Member::Property(get_pull, set_pull)),
    ],
};

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    make_class(cx, Some(m), &DIGITAL_IN_OUT)?;
    make_enum(
        cx,
        m,
        "Direction",
        DIRECTION,
        &[("INPUT", 0), ("OUTPUT", 1)],
    )?;
    make_enum(cx, m, "Pull", PULL, &[("UP", 1), ("DOWN", 2)])?;
    make_enum(
        cx,
        m,
        "DriveMode",
        DRIVE_MODE,
        &[("PUSH_PULL", 0), ("OPEN_DRAIN", 1)],
    )?;
    Ok(())
}

/// The `digitalio` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::digitalio,
    items: &[],
    init: Some(init),
};
