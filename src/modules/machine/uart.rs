//! `machine.UART`: the board's serial port `id`. `read`/`readline` wait up to `timeout`
//! milliseconds (default 0) for each byte; with nothing received they return `None`.

use crate::builtins::args;
use crate::hal::board::HwError;
use crate::modules::hw::buf;
use crate::modules::hw::class::{self, ClassSpec, Member};
use crate::modules::hw::{self, bus, with_board};
use crate::obj::types::*;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

#[derive(Clone, Copy)]
struct UartState {
    id: usize,
    baudrate: u32,
    bits: u8,
    stop: u8,
    timeout_ms: u32,
}

const NAMES: [&str; 7] = ["baudrate", "bits", "parity", "stop", "tx", "rx", "timeout"];

fn apply(cx: &mut Cx, s: &mut UartState, v: &[Value; 7]) -> PyResult<()> {
    let [baudrate, bits, _parity, stop, _tx, _rx, timeout] = *v;
    s.baudrate = hw::int_or(cx, baudrate, s.baudrate as isize)?.max(1) as u32;
    s.bits = hw::int_or(cx, bits, s.bits as isize)?.clamp(5, 9) as u8;
    s.stop = hw::int_or(cx, stop, s.stop as isize)?.clamp(1, 2) as u8;
    s.timeout_ms = hw::int_or(cx, timeout, s.timeout_ms as isize)?.max(0) as u32;
    let (id, baud) = (s.id, s.baudrate);
    let _ = with_board(cx, |b| b.uart(id).map(|u| u.set_baudrate(baud)))?;
    Ok(())
}

fn uart_new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let Some(&id) = a.get(1) else {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    };
    let n = crate::vm::seq::int_arg(cx, id)?;
    let exists = with_board(cx, |b| {
        usize::try_from(n)
            .ok()
            .is_some_and(|i| b.uart_pins(i).is_some())
    })?;
    if !exists {
        return Err(cx.raise_fmt(&VALUE_ERROR_TYPE, format_args!("UART({n}) doesn't exist")));
    }
    let v = args::parse(cx, &a[2..], k, NAMES, 4)?;
    let mut s = UartState {
        id: n as usize,
        baudrate: 9600,
        bits: 8,
        stop: 1,
        timeout_ms: 0,
    };
    apply(cx, &mut s, &v)?;
    class::new_object(cx, a[0], s)
}

fn uart_init(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let v = args::parse(cx, &a[1..], k, NAMES, 4)?;
    let mut s = class::state::<UartState>(cx, a[0])?;
    apply(cx, &mut s, &v)?;
    class::set_state(cx, a[0], s);
    Ok(Value::NONE)
}

fn fail(cx: &mut Cx, e: HwError) -> crate::vm::Raised {
    hw::bus_error(cx, e, 5)
}

fn uart_any(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<UartState>(cx, a[0])?;
    let n = bus::uart_available(cx, s.id)?;
    Ok(Value::small_int_unchecked(n as isize))
}

fn read_some(cx: &mut Cx, s: &UartState, max: usize, line: bool) -> PyResult<Value> {
    let r = bus::uart_read(cx, s.id, max, s.timeout_ms as u64 * 1000, line)?;
    let data = r.map_err(|e| fail(cx, e))?;
    if data.is_empty() && max > 0 {
        return Ok(Value::NONE);
    }
    buf::new_bytes(cx, &data)
}

/// `read([nbytes])`.
fn uart_read(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<UartState>(cx, a[0])?;
    let max = match a.get(1).copied().and_then(hw::opt) {
        Some(n) => crate::vm::seq::int_arg(cx, n)?.max(0) as usize,
        None => usize::MAX,
    };
    read_some(cx, &s, max, false)
}

/// `readline()`.
fn uart_readline(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<UartState>(cx, a[0])?;
    read_some(cx, &s, usize::MAX, true)
}

/// `readinto(buf[, nbytes])`: the number of bytes read, or None.
fn uart_readinto(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<UartState>(cx, a[0])?;
    let t = buf::target(cx, crate::modules::hw::at(a, 1))?;
    let max = match a.get(2) {
        Some(&n) => (crate::vm::seq::int_arg(cx, n)?.max(0) as usize).min(t.len),
        None => t.len,
    };
    let r = bus::uart_read(cx, s.id, max, s.timeout_ms as u64 * 1000, false)?;
    let data = r.map_err(|e| fail(cx, e))?;
    if data.is_empty() {
        return Ok(Value::NONE);
    }
    t.store(cx, &data);
    Ok(Value::small_int_unchecked(data.len() as isize))
}

/// `write(buf)`: the number of bytes written.
fn uart_write(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<UartState>(cx, a[0])?;
    let data = buf::read_copy(cx, crate::modules::hw::at(a, 1))?;
    let r = bus::uart_write(cx, s.id, &data)?;
    let n = r.map_err(|e| fail(cx, e))?;
    Ok(Value::small_int_unchecked(n as isize))
}

fn uart_flush(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<UartState>(cx, a[0])?;
    let _ = with_board(cx, |b| b.uart(s.id).map(|u| u.flush()))?;
    Ok(Value::NONE)
}

fn uart_txdone(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::TRUE)
}

fn uart_nothing(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn uart_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<UartState>(cx, a[0])?;
    let mut b = crate::obj::str::StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(
        &mut b,
        format_args!(
            "UART({}, baudrate={}, bits={}, parity=None, stop={}, timeout={})",
            s.id, s.baudrate, s.bits, s.stop, s.timeout_ms
        ),
    );
    b.finish(cx)
}

/// `machine.UART`.
pub static UART: ClassSpec = ClassSpec {
    name: "UART",
    members: &[
        ("__new__", Member::Method(uart_new)),
        ("init", Member::Method(uart_init)),
        ("deinit", Member::Method(uart_nothing)),
        ("any", Member::Method(uart_any)),
        ("read", Member::Method(uart_read)),
        ("readline", Member::Method(uart_readline)),
        ("readinto", Member::Method(uart_readinto)),
        ("write", Member::Method(uart_write)),
        ("flush", Member::Method(uart_flush)),
        ("txdone", Member::Method(uart_txdone)),
        ("sendbreak", Member::Method(uart_nothing)),
        ("__repr__", Member::Method(uart_repr)),
    ],
};
