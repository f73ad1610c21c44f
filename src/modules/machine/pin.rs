//! `machine.Pin` and `machine.Signal`.
//!
//! Pin objects are per pin, as on the rp2 port: `Pin(5) is Pin(5)`, and constructing one again
//! re-initialises it. Constants and the repr follow the rp2 port
//! (`Pin(GPIO5, mode=OUT)`). `irq()` handlers run through the interpreter's signal, as
//! `micropython.schedule` callbacks (`hard=True` is accepted and runs soft).

use crate::builtins::args;
use crate::hal::board::{self, Edges, PinId, PinMode, Pull};
use crate::modules::hw::class::{self, ClassSpec, Member};
use crate::modules::hw::{self, with_board};
use crate::obj::str as pystr;
use crate::obj::types::*;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// `Pin.IN`.
pub const IN: isize = 0;
/// `Pin.OUT`.
pub const OUT: isize = 1;
/// `Pin.OPEN_DRAIN`.
pub const OPEN_DRAIN: isize = 2;
/// `Pin.ALT`.
pub const ALT: isize = 3;
/// `Pin.PULL_UP`.
pub const PULL_UP: isize = 1;
/// `Pin.PULL_DOWN`.
pub const PULL_DOWN: isize = 2;
/// `Pin.IRQ_FALLING`.
pub const IRQ_FALLING: isize = 4;
/// `Pin.IRQ_RISING`.
pub const IRQ_RISING: isize = 8;

/// A pin's state.
#[derive(Clone, Copy)]
pub struct PinState {
    /// Which pin.
    pub pin: PinId,
    mode: isize,
    pull: isize,
}

/// The pin named by a `machine` argument: a Pin, an int, or a name.
pub fn pin_id(cx: &mut Cx, v: Value) -> PyResult<PinId> {
    if let Some(p) = cx.native_mut::<PinState>(v) {
        return Ok(p.pin);
    }
    if let Some(name) = pystr::bytes_of(v).filter(|_| pystr::str_of(v).is_some()) {
        let name: &[u8] = name;
        let mut copy = [0u8; 32];
        let n = name.len().min(32);
        copy[..n].copy_from_slice(&name[..n]);
        return match hw::pin_by_name(cx, &copy[..n])? {
            Some(p) => Ok(p),
            None => {
                let s = crate::vm::ops::alloc_free_name(pystr::str_of(v).unwrap_or("?"));
                Err(cx.raise_fmt(&VALUE_ERROR_TYPE, format_args!("unknown named pin \"{s}\"")))
            }
        };
    }
    let n = crate::vm::seq::int_arg(cx, v)?;
    let pin = with_board(cx, |b| {
        usize::try_from(n).ok().and_then(|n| b.pin_by_number(n))
    })?;
    match pin {
        Some(p) => Ok(p),
        None => Err(cx.value_error("invalid pin")),
    }
}

fn cls_of(cx: &mut Cx) -> PyResult<Value> {
    let m = hw::import(cx, "machine")?;
    class::get_attr(cx, m, "Pin")
}

/// The Pin object of `pin` (made on first use).
pub fn pin_object(cx: &mut Cx, cls: Value, pin: PinId) -> PyResult<Value> {
    hw::pin_object(cx, pin, |cx| {
        class::new_object(
            cx,
            cls,
            PinState {
                pin,
                mode: IN,
                pull: 0,
            },
        )
    })
}

fn configure(cx: &mut Cx, s: PinState) -> PyResult<()> {
    let mode = match s.mode {
        OUT => PinMode::Output,
        OPEN_DRAIN => PinMode::OpenDrain,
        _ => PinMode::Input,
    };
    let pull = match s.pull {
        PULL_UP => Pull::Up,
        PULL_DOWN => Pull::Down,
        _ => Pull::None,
    };
    let r = with_board(cx, |b| match b.pin(s.pin) {
        Some(p) => p.configure(mode, pull),
        None => Err(board::HwError::Unsupported),
    })?;
    r.map_err(|_| cx.value_error("invalid pin"))
}

fn write(cx: &mut Cx, pin: PinId, high: bool) -> PyResult<()> {
    let r = with_board(cx, |b| match b.pin(pin) {
        Some(p) => p.write(high),
        None => Err(board::HwError::Unsupported),
    })?;
    r.map_err(|e| hw::bus_error(cx, e, 5))
}

fn read(cx: &mut Cx, pin: PinId) -> PyResult<bool> {
    let r = with_board(cx, |b| match b.pin(pin) {
        Some(p) => p.read(),
        None => Err(board::HwError::Unsupported),
    })?;
    r.map_err(|e| hw::bus_error(cx, e, 5))
}

/// `init(mode=-1, pull=-1, *, value=None, drive=0, alt=-1)` on `o` (arguments after self).
fn init_with(cx: &mut Cx, o: Value, a: &[Value], k: &[Value]) -> PyResult<()> {
    let [mode, pull, value, _drive, _alt] =
        args::parse(cx, a, k, ["mode", "pull", "value", "drive", "alt"], 2)?;
    let mut s = class::state::<PinState>(cx, o)?;
    if let Some(v) = hw::opt(value) {
        let high = crate::vm::ops::truthy(cx, v)?;
        write(cx, s.pin, high)?;
    }
    if let Some(m) = hw::opt(mode) {
        let m = crate::vm::seq::int_arg(cx, m)?;
        if m >= 0 {
            if !(IN..=ALT).contains(&m) {
                return Err(cx.value_error("invalid pin mode"));
            }
            s.mode = m;
        }
    }
    if !pull.is_null() {
        let p = match hw::opt(pull) {
            Some(p) => crate::vm::seq::int_arg(cx, p)?,
            None => 0,
        };
        if p >= 0 {
            if p > PULL_DOWN {
                return Err(cx.value_error("invalid pull"));
            }
            s.pull = p;
        }
    }
    class::set_state(cx, o, s);
    configure(cx, s)
}

fn pin_new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let cls = a[0];
    let Some(&id) = a.get(1) else {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    };
    let pin = pin_id(cx, id)?;
    let o = pin_object(cx, cls, pin)?;
    let mark = cx.roots_mark();
    cx.root(o)?;
    let r = if a.len() > 2 || !k.is_empty() {
        init_with(cx, o, &a[2..], k)
    } else {
        Ok(())
    };
    cx.roots_truncate(mark);
    r.map(|_| o)
}

fn pin_init(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    init_with(cx, a[0], &a[1..], k)?;
    Ok(Value::NONE)
}

fn value_impl(cx: &mut Cx, a: &[Value]) -> PyResult<Value> {
    let s = class::state::<PinState>(cx, a[0])?;
    match a.get(1) {
        None => Ok(Value::small_int_unchecked(read(cx, s.pin)? as isize)),
        Some(&v) => {
            let high = crate::vm::ops::truthy(cx, v)?;
            write(cx, s.pin, high)?;
            Ok(Value::NONE)
        }
    }
}

fn pin_value(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    if !k.is_empty() {
        return Err(cx.type_error("function doesn't take keyword arguments"));
    }
    if a.len() > 2 {
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("function expected at most 2 arguments, got {}", a.len()),
        ));
    }
    value_impl(cx, a)
}

fn set_level(cx: &mut Cx, a: &[Value], high: bool) -> PyResult<Value> {
    let s = class::state::<PinState>(cx, a[0])?;
    write(cx, s.pin, high)?;
    Ok(Value::NONE)
}

fn pin_on(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    set_level(cx, a, true)
}

fn pin_off(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    set_level(cx, a, false)
}

fn pin_toggle(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<PinState>(cx, a[0])?;
    let v = read(cx, s.pin)?;
    write(cx, s.pin, !v)?;
    Ok(Value::NONE)
}

fn pin_mode(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = class::state::<PinState>(cx, a[0])?;
    match a.get(1) {
        None => Ok(Value::small_int_unchecked(s.mode)),
        Some(&m) => {
            let m = crate::vm::seq::int_arg(cx, m)?;
            if !(IN..=ALT).contains(&m) {
                return Err(cx.value_error("invalid pin mode"));
            }
            s.mode = m;
            class::set_state(cx, a[0], s);
            configure(cx, s)?;
            Ok(Value::NONE)
        }
    }
}

fn pin_pull(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = class::state::<PinState>(cx, a[0])?;
    match a.get(1) {
        None => Ok(if s.pull == 0 {
            Value::NONE
        } else {
            Value::small_int_unchecked(s.pull)
        }),
        Some(&p) => {
            s.pull = match hw::opt(p) {
                Some(p) => crate::vm::seq::int_arg(cx, p)?,
                None => 0,
            };
            if !(0..=PULL_DOWN).contains(&s.pull) {
                return Err(cx.value_error("invalid pull"));
            }
            class::set_state(cx, a[0], s);
            configure(cx, s)?;
            Ok(Value::NONE)
        }
    }
}

fn pin_irq(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [handler, trigger, hard] = args::parse(cx, &a[1..], k, ["handler", "trigger", "hard"], 3)?;
    let s = class::state::<PinState>(cx, a[0])?;
    let trigger = hw::int_or(cx, trigger, IRQ_FALLING | IRQ_RISING)?;
    let _ = hw::bool_or(cx, hard, false)?;
    let handler = hw::opt(handler).unwrap_or(Value::NONE);
    if !handler.is_none() && !crate::builtins::core::is_callable(cx, handler) {
        return Err(cx.value_error("handler must be None or callable"));
    }
    let edges = if handler.is_none() {
        Edges::NONE
    } else {
        Edges {
            rising: trigger & IRQ_RISING != 0,
            falling: trigger & IRQ_FALLING != 0,
        }
    };
    hw::set_token_handler(cx, board::pin_irq_token(s.pin), handler, a[0])?;
    let r = with_board(cx, |b| match b.pin(s.pin) {
        Some(p) => p.set_irq(edges),
        None => Err(board::HwError::Unsupported),
    })?;
    r.map_err(|_| cx.value_error("pin does not support interrupts"))?;
    Ok(Value::NONE)
}

fn pin_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<PinState>(cx, a[0])?;
    let name = hw::pin_name_str(cx, s.pin, false)?;
    let mut b = crate::obj::str::StrBuilder::new(cx);
    b.push_str("Pin(");
    b.push(pystr::bytes_of(name).unwrap_or(b"?"));
    b.push_str(", mode=");
    b.push_str(match s.mode {
        OUT => "OUT",
        OPEN_DRAIN => "OPEN_DRAIN",
        ALT => "ALT",
        _ => "IN",
    });
    match s.pull {
        PULL_UP => b.push_str(", pull=PULL_UP"),
        PULL_DOWN => b.push_str(", pull=PULL_DOWN"),
        _ => {}
    }
    b.push_str(")");
    b.finish(cx)
}

/// `machine.Pin`.
pub static PIN: ClassSpec = ClassSpec {
    name: "Pin",
    members: &[
        ("__new__", Member::Method(pin_new)),
        ("init", Member::Method(pin_init)),
        ("value", Member::Method(pin_value)),
        ("__call__", Member::Method(pin_value)),
        ("on", Member::Method(pin_on)),
        ("off", Member::Method(pin_off)),
        ("high", Member::Method(pin_on)),
        ("low", Member::Method(pin_off)),
        ("toggle", Member::Method(pin_toggle)),
        ("mode", Member::Method(pin_mode)),
        ("pull", Member::Method(pin_pull)),
        ("irq", Member::Method(pin_irq)),
        ("__repr__", Member::Method(pin_repr)),
        ("IN", Member::Int(IN)),
        ("OUT", Member::Int(OUT)),
        ("OPEN_DRAIN", Member::Int(OPEN_DRAIN)),
        ("ALT", Member::Int(ALT)),
        ("PULL_UP", Member::Int(PULL_UP)),
        ("PULL_DOWN", Member::Int(PULL_DOWN)),
        ("IRQ_LOW_LEVEL", Member::Int(1)),
        ("IRQ_HIGH_LEVEL", Member::Int(2)),
        ("IRQ_FALLING", Member::Int(IRQ_FALLING)),
        ("IRQ_RISING", Member::Int(IRQ_RISING)),
    ],
};

/// `machine.Signal`'s state: the pin object is the instance's `pin` attribute.
#[derive(Clone, Copy)]
struct SignalState {
    invert: bool,
}

fn signal_new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let cls = a[0];
    // `invert=` is Signal's own; the other arguments make the pin unless it is a Pin.
    let mut invert = false;
    let mut rest_kw: [Value; 16] = [Value::NULL; 16];
    let mut nk = 0;
    let mut i = 0;
    while i + 1 < k.len() {
        if pystr::bytes_of(k[i]) == Some(b"invert") {
            invert = crate::vm::ops::truthy(cx, k[i + 1])?;
        } else if nk + 2 <= rest_kw.len() {
            rest_kw[nk] = k[i];
            rest_kw[nk + 1] = k[i + 1];
            nk += 2;
        }
        i += 2;
    }
    let Some(&first) = a.get(1) else {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    };
    let mark = cx.roots_mark();
    let r = (|| {
        let pin = if cx.native_mut::<PinState>(first).is_some() && a.len() == 2 && nk == 0 {
            first
        } else {
            let pc = cls_of(cx)?;
            cx.root(pc)?;
            cx.call(pc, &a[1..], &rest_kw[..nk])?
        };
        cx.root(pin)?;
        let o = class::new_object(cx, cls, SignalState { invert })?;
        cx.root(o)?;
        class::set_attr(cx, o, "pin", pin)?;
        Ok(o)
    })();
    cx.roots_truncate(mark);
    r
}

fn signal_value(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<SignalState>(cx, a[0])?;
    let pin = class::get_attr(cx, a[0], "pin")?;
    let mark = cx.roots_mark();
    cx.root(pin)?;
    let f = class::get_attr(cx, pin, "value")?;
    cx.root(f)?;
    let r = match a.get(1) {
        None => cx.call(f, &[], &[]).and_then(|v| {
            let on = crate::vm::ops::truthy(cx, v)? != s.invert;
            Ok(Value::small_int_unchecked(on as isize))
        }),
        Some(&v) => {
            let on = crate::vm::ops::truthy(cx, v)? != s.invert;
            cx.call(f, &[Value::small_int_unchecked(on as isize)], &[])
                .map(|_| Value::NONE)
        }
    };
    cx.roots_truncate(mark);
    r
}

fn signal_on(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    signal_value(cx, &[a[0], Value::TRUE], &[])
}

fn signal_off(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    signal_value(cx, &[a[0], Value::FALSE], &[])
}

/// `machine.Signal`.
pub static SIGNAL: ClassSpec = ClassSpec {
    name: "Signal",
    members: &[
        ("__new__", Member::Method(signal_new)),
        ("value", Member::Method(signal_value)),
        ("__call__", Member::Method(signal_value)),
        ("on", Member::Method(signal_on)),
        ("off", Member::Method(signal_off)),
    ],
};
