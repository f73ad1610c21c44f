//! `busio.I2C(scl, sda, *, frequency=100000, timeout=255)`.

use super::{deinit, live, locked, try_lock, unlock, BusState, Common};
use crate::builtins::args;
use crate::hal::board::HwError;
use crate::modules::hw::buf;
use crate::modules::hw::class::{self, ClassSpec, Member};
use crate::modules::hw::{self, bus, with_board};
use crate::modules::microcontroller::pin_arg;
use crate::obj::list;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The state of a `busio.I2C`.
#[derive(Clone, Copy)]
pub struct I2cState {
    c: Common,
    frequency: u32,
}

impl BusState for I2cState {
    fn common(&mut self) -> &mut Common {
        &mut self.c
    }
}

fn fail(cx: &mut Cx, e: HwError) -> crate::vm::Raised {
    hw::bus_error(cx, e, 19)
}

fn new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [scl, sda, frequency, _timeout] =
        args::parse(cx, &a[1..], k, ["scl", "sda", "frequency", "timeout"], 2)?;
    if scl.is_null() || sda.is_null() {
        return Err(cx.type_error("function missing required positional arguments"));
    }
    let scl = pin_arg(cx, scl, "scl")?;
    let sda = pin_arg(cx, sda, "sda")?;
    let frequency = hw::int_or(cx, frequency, 100_000)?;
    if frequency <= 0 {
        return Err(cx.value_error("frequency must be >= 1"));
    }
    let bus = with_board(cx, |b| (0..8).find(|&i| b.i2c_pins(i) == Some((scl, sda))))?;
    let Some(bus) = bus else {
        return Err(cx.value_error("Invalid pins"));
    };
    let c = Common::claim(cx, bus, [Some(scl), Some(sda), None])?;
    let f = frequency as u32;
    let _ = with_board(cx, |b| b.i2c(bus).map(|i| i.set_frequency(f)))?;
    class::new_object(cx, a[0], I2cState { c, frequency: f })
}

fn m_deinit(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    deinit::<I2cState>(cx, a[0])
}

fn enter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    live::<I2cState>(cx, a[0])?;
    Ok(a[0])
}

fn exit(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    deinit::<I2cState>(cx, a[0])
}

fn m_try_lock(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    try_lock::<I2cState>(cx, a[0])
}

fn m_unlock(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    unlock::<I2cState>(cx, a[0])
}

fn addr(cx: &mut Cx, v: Value) -> PyResult<u8> {
    let a = crate::vm::seq::int_arg(cx, v)?;
    if !(0..=127).contains(&a) {
        return Err(cx.value_error("address must be 0-127"));
    }
    Ok(a as u8)
}

fn probe(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = locked::<I2cState>(cx, a[0])?;
    let ad = addr(cx, crate::modules::hw::at(a, 1))?;
    let r = bus::i2c_probe(cx, s.c.bus, ad)?;
    Ok(Value::bool(r.map_err(|e| fail(cx, e))?))
}

fn scan(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = locked::<I2cState>(cx, a[0])?;
    let r = bus::i2c_scan(cx, s.c.bus)?;
    let found = r.map_err(|e| fail(cx, e))?;
    let l = list::with_capacity(cx, found.len())?;
    let mark = cx.roots_mark();
    cx.root(l)?;
    for &ad in found.iter() {
        list::append(cx, l, Value::small_int_unchecked(ad as isize))?;
    }
    cx.roots_truncate(mark);
    Ok(l)
}

/// `writeto(address, buffer, *, start=0, end=sys.maxsize)`.
fn writeto(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [address, buffer, start, end] =
        args::parse(cx, &a[1..], k, ["address", "buffer", "start", "end"], 2)?;
    let s = locked::<I2cState>(cx, a[0])?;
    if buffer.is_null() {
        return Err(cx.type_error("function missing required positional arguments"));
    }
    let ad = addr(cx, address)?;
    let data = buf::read_copy(cx, buffer)?;
    let (lo, hi) = buf::bounds(cx, start, end, data.len())?;
    let r = bus::i2c_write(cx, s.c.bus, ad, &data[lo..hi])?;
    r.map_err(|e| fail(cx, e))?;
    Ok(Value::NONE)
}

/// `readfrom_into(address, buffer, *, start=0, end=sys.maxsize)`.
fn readfrom_into(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [address, buffer, start, end] =
        args::parse(cx, &a[1..], k, ["address", "buffer", "start", "end"], 2)?;
    let s = locked::<I2cState>(cx, a[0])?;
    if buffer.is_null() {
        return Err(cx.type_error("function missing required positional arguments"));
    }
    let ad = addr(cx, address)?;
    let t = buf::target(cx, buffer)?;
    let (lo, hi) = buf::bounds(cx, start, end, t.len)?;
    let t = t.slice(lo, hi);
    if t.len == 0 {
        return Err(cx.value_error("buffer length must be >= 1"));
    }
    let r = bus::i2c_read(cx, s.c.bus, ad, t.len)?;
    let data = r.map_err(|e| fail(cx, e))?;
    t.store(cx, &data);
    Ok(Value::NONE)
}

/// `writeto_then_readfrom(address, out_buffer, in_buffer, *, out_start=0, out_end=maxsize,
/// in_start=0, in_end=maxsize)`: a write, a repeated start, a read.
fn writeto_then_readfrom(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [address, out_buffer, in_buffer, out_start, out_end, in_start, in_end] = args::parse(
        cx,
        &a[1..],
        k,
        [
            "address",
            "out_buffer",
            "in_buffer",
            "out_start",
            "out_end",
            "in_start",
            "in_end",
        ],
        3,
    )?;
    let s = locked::<I2cState>(cx, a[0])?;
    if in_buffer.is_null() {
        return Err(cx.type_error("function missing required positional arguments"));
    }
    let ad = addr(cx, address)?;
    let out = buf::read_copy(cx, out_buffer)?;
    let (olo, ohi) = buf::bounds(cx, out_start, out_end, out.len())?;
    let t = buf::target(cx, in_buffer)?;
    let (ilo, ihi) = buf::bounds(cx, in_start, in_end, t.len)?;
    let t = t.slice(ilo, ihi);
    let r = bus::i2c_write_read(cx, s.c.bus, ad, &out[olo..ohi], t.len)?;
    let data = r.map_err(|e| fail(cx, e))?;
    t.store(cx, &data);
    Ok(Value::NONE)
}

fn frequency(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = live::<I2cState>(cx, a[0])?;
    hw::int_value(cx, s.frequency as i64)
}

/// `busio.I2C`.
pub static I2C: ClassSpec = ClassSpec {
    name: "I2C",
    members: &[
        ("__new__", Member::Method(new)),
        ("deinit", Member::Method(m_deinit)),
        ("__enter__", Member::Method(enter)),
        ("__exit__", Member::Method(exit)),
        ("try_lock", Member::Method(m_try_lock)),
        ("unlock", Member::Method(m_unlock)),
        ("probe", Member::Method(probe)),
        ("scan", Member::Method(scan)),
        ("writeto", Member::Method(writeto)),
        ("readfrom_into", Member::Method(readfrom_into)),
        (
            "writeto_then_readfrom",
            Member::Method(writeto_then_readfrom),
        ),
        ("frequency", Member::Getter(frequency)),
    ],
};
