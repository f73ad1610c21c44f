//! What the hardware modules of both flavours share: the board, per-interpreter state, pin
//! objects, argument and buffer helpers, and how board errors become Python exceptions.
//!
//! `machine` (micropython) and `board`/`microcontroller`/`digitalio`/`busio`/`analogio`/
//! `pwmio`/`supervisor` (circuitpython) are written against the traits of
//! [`crate::hal::board`]; the port supplies the board through `Hal::board`.

pub mod buf;
pub mod bus;
pub mod class;

use crate::hal::board::{Board, HwError, PinId};
use crate::obj::types::*;
use crate::obj::{dict, str as pystr, str_intern};
use crate::value::Value;
use crate::vm::{Cx, PyResult, Raised};

/// Keys of the per-interpreter hardware state (a dict in `Host::hw`).
pub mod key {
    /// pin id -> its Python object (`machine.Pin`, `microcontroller.Pin`).
    pub const PINS: isize = 0;
    /// pin id -> True for pins in use (circuitpython).
    pub const CLAIMS: isize = 1;
    /// `board.I2C()`'s object.
    pub const BOARD_I2C: isize = 2;
    /// `board.SPI()`'s object.
    pub const BOARD_SPI: isize = 3;
    /// `board.UART()`'s object.
    pub const BOARD_UART: isize = 4;
    /// The next id for a virtual timer.
    pub const NEXT_TIMER: isize = 5;
    /// RTC offset from the board's clock, in microseconds.
    pub const RTC_OFFSET: isize = 6;
    /// supervisor.runtime.autoreload.
    pub const AUTORELOAD: isize = 7;
    /// Buses in use: bus key -> True.
    pub const BUSES: isize = 8;
}

/// The hardware state dict of this interpreter.
pub fn state_dict(cx: &mut Cx) -> PyResult<Value> {
    if cx.host.hw.is_null() {
        let d = dict::new(cx)?;
        cx.host.hw = d;
    }
    Ok(cx.host.hw)
}

/// `hw[k]`.
pub fn state_get(cx: &mut Cx, k: isize) -> PyResult<Option<Value>> {
    let d = state_dict(cx)?;
    dict::get(cx, d, Value::small_int_unchecked(k))
}

/// `hw[k] = v` (v must be reachable or fresh: it is rooted here).
pub fn state_set(cx: &mut Cx, k: isize, v: Value) -> PyResult<()> {
    let mark = cx.roots_mark();
    cx.root(v)?;
    let r = state_dict(cx).and_then(|d| dict::set(cx, d, Value::small_int_unchecked(k), v));
    cx.roots_truncate(mark);
    r
}

/// The sub-dict `hw[k]`, made on first use.
pub fn state_subdict(cx: &mut Cx, k: isize) -> PyResult<Value> {
    if let Some(d) = state_get(cx, k)? {
        return Ok(d);
    }
    let d = dict::new(cx)?;
    state_set(cx, k, d)?;
    Ok(d)
}

/// Run `f` on the board, or raise `OSError(ENODEV)` when the port has none.
pub fn with_board<R>(cx: &mut Cx, f: impl FnOnce(&mut dyn Board) -> R) -> PyResult<R> {
    let r = cx.hal().board().map(f);
    match r {
        Some(r) => Ok(r),
        None => Err(os_error(cx, 19)),
    }
}

/// `OSError(errno)`.
pub fn os_error(cx: &mut Cx, errno: isize) -> Raised {
    cx.raise_with_arg(&OS_ERROR_TYPE, Value::small_int_unchecked(errno))
}

/// The errno of a bus error. `nack_errno` is what an unacknowledged address gives (ENODEV
/// for a bit-banged bus and in circuitpython, EIO for micropython's hardware I2C).
pub fn bus_error(cx: &mut Cx, e: HwError, nack_errno: isize) -> Raised {
    let errno = match e {
        HwError::AddressNack => nack_errno,
        HwError::Timeout => 110,
        HwError::Unsupported => 95,
        HwError::DataNack | HwError::Bus => 5,
    };
    os_error(cx, errno)
}

/// `v` or the default when missing (NULL) or None.
pub fn opt(v: Value) -> Option<Value> {
    (!v.is_null() && !v.is_none()).then_some(v)
}

/// An int argument (`default` when missing).
pub fn int_or(cx: &mut Cx, v: Value, default: isize) -> PyResult<isize> {
    if v.is_null() {
        Ok(default)
    } else {
        crate::vm::seq::int_arg(cx, v)
    }
}

/// A truth-value argument (`default` when missing).
pub fn bool_or(cx: &mut Cx, v: Value, default: bool) -> PyResult<bool> {
    if v.is_null() {
        Ok(default)
    } else {
        crate::vm::ops::truthy(cx, v)
    }
}

/// A float argument (`default` when missing).
pub fn float_or(cx: &mut Cx, v: Value, default: f64) -> PyResult<f64> {
    if v.is_null() {
        return Ok(default);
    }
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

/// An int from Rust (a small int or a big one).
pub fn int_value(cx: &mut Cx, i: i64) -> PyResult<Value> {
    crate::embed::IntoPython::into_python(i, cx)
}

/// Import module `name`.
pub fn import(cx: &mut Cx, name: &str) -> PyResult<Value> {
    let n = str_intern::intern(cx, name.as_bytes())?;
    let mark = cx.roots_mark();
    cx.root(n)?;
    let r = crate::vm::import::import_name(
        cx,
        n,
        Value::NONE,
        Value::small_int_unchecked(0),
        Value::NONE,
    );
    cx.roots_truncate(mark);
    r
}

/// The name Python shows for a pin: its first board name, else its MCU name.
pub fn pin_display_name(b: &dyn Board, pin: PinId) -> Option<&str> {
    let mut i = 0;
    while let Some((n, p)) = b.board_name(i) {
        if p == pin {
            return Some(n);
        }
        i += 1;
    }
    b.pin_name(pin)
}

/// A pin's display name as a fresh str.
pub fn pin_name_str(cx: &mut Cx, pin: PinId, board_first: bool) -> PyResult<Value> {
    let mut name = [0u8; 32];
    let n = with_board(cx, |b| {
        let s = if board_first {
            pin_display_name(b, pin)
        } else {
            b.pin_name(pin)
        };
        let s = s.unwrap_or("?").as_bytes();
        let n = s.len().min(name.len());
        name[..n].copy_from_slice(&s[..n]);
        n
    })?;
    pystr::new_str(cx, &name[..n])
}

/// The pin named `name` (a board name or an MCU name).
pub fn pin_by_name(cx: &mut Cx, name: &[u8]) -> PyResult<Option<PinId>> {
    with_board(cx, |b| {
        let mut i = 0;
        while let Some((n, p)) = b.board_name(i) {
            if n.as_bytes() == name {
                return Some(p);
            }
            i += 1;
        }
        (0..b.pin_count())
            .map(|p| p as PinId)
            .find(|&p| b.pin_name(p).is_some_and(|n| n.as_bytes() == name))
    })
}

/// The cached Python object of pin `pin`, made by `make` the first time.
pub fn pin_object(
    cx: &mut Cx,
    pin: PinId,
    make: impl FnOnce(&mut Cx) -> PyResult<Value>,
) -> PyResult<Value> {
    let pins = state_subdict(cx, key::PINS)?;
    let k = Value::small_int_unchecked(pin as isize);
    if let Some(o) = dict::get(cx, pins, k)? {
        return Ok(o);
    }
    let o = make(cx)?;
    let mark = cx.roots_mark();
    cx.root(o)?;
    let r = dict::set(cx, pins, k, o);
    cx.roots_truncate(mark);
    r.map(|_| o)
}

/// Whether pin `pin` is in use (circuitpython's claim).
pub fn is_claimed(cx: &mut Cx, pin: PinId) -> PyResult<bool> {
    let c = state_subdict(cx, key::CLAIMS)?;
    Ok(dict::get(cx, c, Value::small_int_unchecked(pin as isize))?.is_some())
}

/// Claim pin `pin`, or raise circuitpython's `ValueError: <PIN> in use`.
pub fn claim(cx: &mut Cx, pin: PinId) -> PyResult<()> {
    if is_claimed(cx, pin)? {
        let n = pin_name_str(cx, pin, true)?;
        let s = crate::vm::ops::alloc_free_name(pystr::str_of(n).unwrap_or("?"));
        return Err(cx.raise_fmt(&VALUE_ERROR_TYPE, format_args!("{s} in use")));
    }
    let c = state_subdict(cx, key::CLAIMS)?;
    dict::set(cx, c, Value::small_int_unchecked(pin as isize), Value::TRUE)
}

/// Let pin `pin` go: back to the board's reset state, free for another object.
pub fn release(cx: &mut Cx, pin: PinId) -> PyResult<()> {
    let c = state_subdict(cx, key::CLAIMS)?;
    crate::obj::table::remove(cx, c, Value::small_int_unchecked(pin as isize))?;
    let _ = with_board(cx, |b| {
        if let Some(p) = b.pin(pin) {
            p.release();
        }
    });
    Ok(())
}

/// Raise circuitpython's error for an object used after `deinit()`.
pub fn deinited(cx: &mut Cx) -> Raised {
    cx.value_error("Object has been deinitialized and can no longer be used. Create a new object.")
}

/// Wait `us` microseconds on the board's clock.
pub fn delay_us(cx: &mut Cx, us: u64) -> PyResult<()> {
    with_board(cx, |b| {
        let mut left = us;
        while left > 0 {
            let step = left.min(u32::MAX as u64) as u32;
            b.delay_us(step);
            left -= step as u64;
        }
    })
}

/// Microseconds on the board's clock.
pub fn ticks_us(cx: &mut Cx) -> PyResult<u64> {
    with_board(cx, |b| b.ticks_us())
}

/// Register `handler(arg)` to run when signal token `token` arrives (None unregisters).
pub fn set_token_handler(cx: &mut Cx, token: u16, handler: Value, arg: Value) -> PyResult<()> {
    if cx.host.sig_handlers.is_null() {
        let d = dict::new(cx)?;
        cx.host.sig_handlers = d;
    }
    let h = cx.host.sig_handlers;
    let k = Value::small_int_unchecked(token as isize);
    if handler.is_none() {
        crate::obj::table::remove(cx, h, k)?;
        return Ok(());
    }
    let t = crate::obj::tuple::new(cx, &[handler, arg])?;
    let mark = cx.roots_mark();
    cx.root(t)?;
    let r = dict::set(cx, h, k, t);
    cx.roots_truncate(mark);
    r
}

/// Positional argument `i`, or None when the caller gave fewer (every function raises for a
/// None where it needs a value; none indexes past what it was given).
pub fn at(a: &[Value], i: usize) -> Value {
    a.get(i).copied().unwrap_or(Value::NONE)
}
