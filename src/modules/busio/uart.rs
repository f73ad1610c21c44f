//! `busio.UART(tx=None, rx=None, *, baudrate=9600, bits=8, parity=None, stop=1, timeout=1,
//! receiver_buffer_size=64)`: reads wait up to `timeout` seconds.

use super::{deinit, live, BusState, Common};
use crate::builtins::args;
use crate::hal::board::HwError;
use crate::modules::hw::buf;
use crate::modules::hw::class::{self, make_enum, ClassSpec, Member};
use crate::modules::hw::{self, bus, with_board};
use crate::modules::microcontroller::opt_pin_arg;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The state of a `busio.UART`.
#[derive(Clone, Copy)]
pub struct UartState {
    c: Common,
    baudrate: u32,
    timeout_us: u64,
}

impl BusState for UartState {
    fn common(&mut self) -> &mut Common {
        &mut self.c
    }
}

fn fail(cx: &mut Cx, e: HwError) -> crate::vm::Raised {
    hw::bus_error(cx, e, 5)
}

fn timeout_arg(cx: &mut Cx, v: Value) -> PyResult<u64> {
    let t = hw::float_or(cx, v, 1.0)?;
    if !(0.0..=100.0).contains(&t) {
        return Err(cx.value_error("timeout must be 0.0-100.0"));
    }
    Ok((t * 1e6) as u64)
}

fn new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let v = args::parse(
        cx,
        &a[1..],
        k,
        [
            "tx",
            "rx",
            "rts",
            "cts",
            "rs485_dir",
            "rs485_invert",
            "baudrate",
            "bits",
            "parity",
            "stop",
            "timeout",
            "receiver_buffer_size",
        ],
        2,
    )?;
    let tx = opt_pin_arg(cx, v[0], "tx")?;
    let rx = opt_pin_arg(cx, v[1], "rx")?;
    if tx.is_none() && rx.is_none() {
        return Err(cx.value_error("tx and rx cannot both be None"));
    }
    let baudrate = hw::int_or(cx, v[6], 9600)?;
    if baudrate <= 0 {
        return Err(cx.value_error("baudrate must be >= 1"));
    }
    let bits = hw::int_or(cx, v[7], 8)?;
    if !(5..=9).contains(&bits) {
        return Err(cx.value_error("bits must be 5-9"));
    }
    let timeout_us = timeout_arg(cx, v[10])?;
    let found = with_board(cx, |b| {
        (0..8).find(|&i| {
            b.uart_pins(i).is_some_and(|(t, r)| {
                tx.is_none_or(|x| Some(x) == t) && rx.is_none_or(|x| Some(x) == r)
            })
        })
    })?;
    let Some(bus) = found else {
        return Err(cx.value_error("Invalid pins"));
    };
    let c = Common::claim(cx, bus, [tx, rx, None])?;
    let baud = baudrate as u32;
    let _ = with_board(cx, |b| b.uart(bus).map(|u| u.set_baudrate(baud)))?;
    class::new_object(
        cx,
        a[0],
        UartState {
            c,
            baudrate: baud,
            timeout_us,
        },
    )
}

fn m_deinit(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    deinit::<UartState>(cx, a[0])
}

fn enter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    live::<UartState>(cx, a[0])?;
    Ok(a[0])
}

fn read_bytes(cx: &mut Cx, s: &UartState, max: usize, line: bool) -> PyResult<Value> {
    let r = bus::uart_read(cx, s.c.bus, max, s.timeout_us, line)?;
    let data = r.map_err(|e| fail(cx, e))?;
    if data.is_empty() {
        return Ok(Value::NONE);
    }
    buf::new_bytes(cx, &data)
}

/// `read(nbytes=None)`.
fn read(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [n] = args::parse(cx, &a[1..], k, ["nbytes"], 1)?;
    let s = live::<UartState>(cx, a[0])?;
    let max = match hw::opt(n) {
        Some(n) => crate::vm::seq::int_arg(cx, n)?.max(0) as usize,
        None => usize::MAX,
    };
    if max == 0 {
        return buf::new_bytes(cx, b"");
    }
    read_bytes(cx, &s, max, false)
}

/// `readline()`.
fn readline(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live::<UartState>(cx, a[0])?;
    read_bytes(cx, &s, usize::MAX, true)
}

/// `readinto(buf)`: the number of bytes read, or None.
fn readinto(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live::<UartState>(cx, a[0])?;
    let t = buf::target(cx, crate::modules::hw::at(a, 1))?;
    let r = bus::uart_read(cx, s.c.bus, t.len, s.timeout_us, false)?;
    let data = r.map_err(|e| fail(cx, e))?;
    if data.is_empty() {
        return Ok(Value::NONE);
    }
    t.store(cx, &data);
    Ok(Value::small_int_unchecked(data.len() as isize))
}

/// `write(buf)`: the number of bytes written.
fn write(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live::<UartState>(cx, a[0])?;
    if crate::obj::kind_of(crate::modules::hw::at(a, 1)) == crate::obj::Kind::Str {
        return Err(cx.type_error("object with buffer protocol required"));
    }
    let data = buf::read_copy(cx, crate::modules::hw::at(a, 1))?;
    let r = bus::uart_write(cx, s.c.bus, &data)?;
    let n = r.map_err(|e| fail(cx, e))?;
    Ok(Value::small_int_unchecked(n as isize))
}

fn in_waiting(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live::<UartState>(cx, a[0])?;
    let n = bus::uart_available(cx, s.c.bus)?;
    Ok(Value::small_int_unchecked(n as isize))
}

fn reset_input_buffer(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live::<UartState>(cx, a[0])?;
    let b = s.c.bus;
    with_board(cx, |brd| {
        if let Some(u) = brd.uart(b) {
            let mut sink = [0u8; 64];
            while matches!(u.read(&mut sink), Ok(n) if n > 0) {}
        }
    })?;
    Ok(Value::NONE)
}

fn get_baudrate(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live::<UartState>(cx, a[0])?;
    hw::int_value(cx, s.baudrate as i64)
}

fn set_baudrate(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = live::<UartState>(cx, a[0])?;
    let baud = crate::vm::seq::int_arg(cx, crate::modules::hw::at(a, 1))?;
    if baud <= 0 {
        return Err(cx.value_error("baudrate must be >= 1"));
    }
    s.baudrate = baud as u32;
    let (b, bd) = (s.c.bus, s.baudrate);
    let _ = with_board(cx, |brd| brd.uart(b).map(|u| u.set_baudrate(bd)))?;
    class::set_state(cx, a[0], s);
    Ok(Value::NONE)
}

fn get_timeout(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live::<UartState>(cx, a[0])?;
    crate::obj::float::new(cx, s.timeout_us as f64 / 1e6)
}

fn set_timeout(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = live::<UartState>(cx, a[0])?;
    s.timeout_us = timeout_arg(cx, crate::modules::hw::at(a, 1))?;
    class::set_state(cx, a[0], s);
    Ok(Value::NONE)
}

/// `busio.UART`.
pub static UART: ClassSpec = ClassSpec {
    name: "UART",
    members: &[
        ("__new__", Member::Method(new)),
        ("deinit", Member::Method(m_deinit)),
        ("__enter__", Member::Method(enter)),
        ("__exit__", Member::Method(m_deinit)),
        ("read", Member::Method(read)),
        ("readline", Member::Method(readline)),
        ("readinto", Member::Method(readinto)),
        ("write", Member::Method(write)),
        ("reset_input_buffer", Member::Method(reset_input_buffer)),
        ("in_waiting", Member::Getter(in_waiting)),
        ("baudrate", Member::Property(get_baudrate, set_baudrate)),
        ("timeout", Member::Property(get_timeout, set_timeout)),
    ],
};

/// `busio.UART.Parity` with `ODD` and `EVEN`.
pub fn add_parity(cx: &mut Cx, m: Value, uart: Value) -> PyResult<()> {
    let p = make_enum(
        cx,
        m,
        "Parity",
        "busio.UART.Parity.",
        &[("ODD", 1), ("EVEN", 2)],
    )?;
    let mark = cx.roots_mark();
    cx.root(p)?;
    // The enumeration lives in the class, not in the module.
    let r = class::set_attr(cx, uart, "Parity", p).and_then(|_| {
        if let Some(d) = crate::obj::module::dict_of(m) {
            let k = crate::obj::str_intern::intern(cx, b"Parity")?;
            crate::obj::table::remove(cx, d, k)?;
        }
        Ok(())
    });
    cx.roots_truncate(mark);
    r
}
