//! `busio.SPI(clock, MOSI=None, MISO=None, half_duplex=False)`.

use super::{deinit, live, locked, try_lock, unlock, BusState, Common};
use crate::builtins::args;
use crate::hal::board::{HwError, SpiConfig};
use crate::modules::hw::buf;
use crate::modules::hw::class::{self, ClassSpec, Member};
use crate::modules::hw::{self, bus, with_board};
use crate::modules::microcontroller::{opt_pin_arg, pin_arg};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The state of a `busio.SPI`.
#[derive(Clone, Copy)]
pub struct SpiState {
    c: Common,
    frequency: u32,
}

impl BusState for SpiState {
    fn common(&mut self) -> &mut Common {
        &mut self.c
    }
}

fn fail(cx: &mut Cx, e: HwError) -> crate::vm::Raised {
    hw::bus_error(cx, e, 5)
}

fn new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [clock, mosi, miso, _half] =
        args::parse(cx, &a[1..], k, ["clock", "MOSI", "MISO", "half_duplex"], 4)?;
    if clock.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let sck = pin_arg(cx, clock, "clock")?;
    let mosi = opt_pin_arg(cx, mosi, "MOSI")?;
    let miso = opt_pin_arg(cx, miso, "MISO")?;
    if mosi.is_none() && miso.is_none() {
        return Err(cx.value_error("Must provide MISO or MOSI pin"));
    }
    let found = with_board(cx, |b| {
        (0..8).find_map(|i| {
            let p = b.spi_pins(i)?;
            (p.sck == sck
                && mosi.is_none_or(|m| Some(m) == p.mosi)
                && miso.is_none_or(|m| Some(m) == p.miso))
            .then(|| (i, b.spi(i).map_or(0, |s| s.frequency())))
        })
    })?;
    let Some((bus, frequency)) = found else {
        return Err(cx.value_error("Invalid pins"));
    };
    let c = Common::claim(cx, bus, [Some(sck), mosi, miso])?;
    class::new_object(cx, a[0], SpiState { c, frequency })
}

fn m_deinit(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    deinit::<SpiState>(cx, a[0])
}

fn enter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    live::<SpiState>(cx, a[0])?;
    Ok(a[0])
}

fn m_try_lock(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    try_lock::<SpiState>(cx, a[0])
}

fn m_unlock(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    unlock::<SpiState>(cx, a[0])
}

/// `configure(*, baudrate=100000, polarity=0, phase=0, bits=8)`.
fn configure(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [baudrate, polarity, phase, bits] =
        args::parse(cx, &a[1..], k, ["baudrate", "polarity", "phase", "bits"], 0)?;
    let mut s = locked::<SpiState>(cx, a[0])?;
    let baud = hw::int_or(cx, baudrate, 100_000)?;
    let polarity = hw::int_or(cx, polarity, 0)?;
    let phase = hw::int_or(cx, phase, 0)?;
    let bits = hw::int_or(cx, bits, 8)?;
    if !(0..=1).contains(&polarity) {
        return Err(cx.value_error("polarity must be 0-1"));
    }
    if !(0..=1).contains(&phase) {
        return Err(cx.value_error("phase must be 0-1"));
    }
    if bits != 8 {
        return Err(cx.value_error("bits must be 8"));
    }
    let cfg = SpiConfig {
        baudrate: baud.max(1) as u32,
        polarity: polarity as u8,
        phase: phase as u8,
        bits: 8,
        lsb_first: false,
    };
    let b = s.c.bus;
    let r = with_board(cx, |brd| match brd.spi(b) {
        Some(sp) => sp.configure(&cfg).map(|_| sp.frequency()),
        None => Err(HwError::Unsupported),
    })?;
    s.frequency = r.map_err(|_| cx.value_error("Invalid baudrate"))?;
    class::set_state(cx, a[0], s);
    Ok(Value::NONE)
}

/// `write(buffer, *, start=0, end=sys.maxsize)`.
fn write(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [buffer, start, end] = args::parse(cx, &a[1..], k, ["buffer", "start", "end"], 1)?;
    let s = locked::<SpiState>(cx, a[0])?;
    if buffer.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let data = buf::read_copy(cx, buffer)?;
    let (lo, hi) = buf::bounds(cx, start, end, data.len())?;
    let r = bus::spi_write(cx, s.c.bus, &data[lo..hi])?;
    r.map_err(|e| fail(cx, e))?;
    Ok(Value::NONE)
}

/// `readinto(buffer, *, start=0, end=sys.maxsize, write_value=0)`.
fn readinto(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [buffer, start, end, write_value] =
        args::parse(cx, &a[1..], k, ["buffer", "start", "end", "write_value"], 1)?;
    let s = locked::<SpiState>(cx, a[0])?;
    if buffer.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let t = buf::target(cx, buffer)?;
    let (lo, hi) = buf::bounds(cx, start, end, t.len)?;
    let t = t.slice(lo, hi);
    let fill = hw::int_or(cx, write_value, 0)? as u8;
    let r = bus::spi_read(cx, s.c.bus, t.len, fill)?;
    let data = r.map_err(|e| fail(cx, e))?;
    t.store(cx, &data);
    Ok(Value::NONE)
}

/// `write_readinto(out_buffer, in_buffer, *, out_start, out_end, in_start, in_end)`.
fn write_readinto(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [out_buffer, in_buffer, out_start, out_end, in_start, in_end] = args::parse(
        cx,
        &a[1..],
        k,
        [
            "out_buffer",
            "in_buffer",
            "out_start",
            "out_end",
            "in_start",
            "in_end",
        ],
        2,
    )?;
    let s = locked::<SpiState>(cx, a[0])?;
    if in_buffer.is_null() {
        return Err(cx.type_error("function missing required positional arguments"));
    }
    let out = buf::read_copy(cx, out_buffer)?;
    let (olo, ohi) = buf::bounds(cx, out_start, out_end, out.len())?;
    let t = buf::target(cx, in_buffer)?;
    let (ilo, ihi) = buf::bounds(cx, in_start, in_end, t.len)?;
    let t = t.slice(ilo, ihi);
    if t.len != ohi - olo {
        return Err(cx.value_error("buffer slices must be of equal length"));
    }
    let r = bus::spi_transfer(cx, s.c.bus, &out[olo..ohi])?;
    let data = r.map_err(|e| fail(cx, e))?;
    t.store(cx, &data);
    Ok(Value::NONE)
}

fn frequency(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live::<SpiState>(cx, a[0])?;
    hw::int_value(cx, s.frequency as i64)
}

/// `busio.SPI`.
pub static SPI: ClassSpec = ClassSpec {
    name: "SPI",
    members: &[
        ("__new__", Member::Method(new)),
        ("deinit", Member::Method(m_deinit)),
        ("__enter__", Member::Method(enter)),
        ("__exit__", Member::Method(m_deinit)),
        ("try_lock", Member::Method(m_try_lock)),
        ("unlock", Member::Method(m_unlock)),
        ("configure", Member::Method(configure)),
        ("write", Member::Method(write)),
        ("readinto", Member::Method(readinto)),
        ("write_readinto", Member::Method(write_readinto)),
        ("frequency", Member::Getter(frequency)),
    ],
};
