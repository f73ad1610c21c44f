//! `machine.I2C` and `machine.SoftI2C`.
//!
//! `I2C(id, *, scl, sda, freq=400000, timeout=50000)` opens the board's bus `id`;
//! `SoftI2C(scl, sda, *, freq=400000, timeout=50000)` opens the bus wired to those pins (pyrite
//! does not bit-bang: the board's controller on those pins does the work). An address
//! nobody acknowledges raises `OSError: [Errno 19] ENODEV` on SoftI2C and
//! `[Errno 5] EIO` on hardware I2C, as on the rp2 port. `stop=False` is accepted; every
//! call is a complete transaction (embedded-hal has no open-ended transfers), and the
//! register functions use a write then a repeated-start read.

use crate::builtins::args;
use crate::hal::board::PinId;
use crate::modules::hw::buf::{self, TempBuf};
use crate::modules::hw::class::{self, ClassSpec, Member};
use crate::modules::hw::{self, bus, with_board};
use crate::obj::types::*;
use crate::obj::{list, str as pystr};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

#[derive(Clone, Copy)]
struct I2cState {
    bus: usize,
    soft: bool,
    scl: PinId,
    sda: PinId,
    freq: u32,
    timeout: u32,
}

fn nack_errno(s: &I2cState) -> isize {
    if s.soft {
        19
    } else {
        5
    }
}

fn apply_freq(cx: &mut Cx, s: &I2cState) -> PyResult<()> {
    let (bus, f) = (s.bus, s.freq);
    let _ = with_board(cx, |b| b.i2c(bus).map(|i| i.set_frequency(f)))?;
    Ok(())
}

fn i2c_new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [id, scl, sda, freq, timeout] =
        args::parse(cx, &a[1..], k, ["id", "scl", "sda", "freq", "timeout"], 1)?;
    if id.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let n = crate::vm::seq::int_arg(cx, id)?;
    let pins = with_board(cx, |b| usize::try_from(n).ok().and_then(|i| b.i2c_pins(i)))?;
    let Some((bscl, bsda)) = pins else {
        return Err(cx.raise_fmt(&VALUE_ERROR_TYPE, format_args!("I2C({n}) doesn't exist")));
    };
    if let Some(p) = hw::opt(scl) {
        if super::pin::pin_id(cx, p)? != bscl {
            return Err(cx.value_error("bad SCL pin"));
        }
    }
    if let Some(p) = hw::opt(sda) {
        if super::pin::pin_id(cx, p)? != bsda {
            return Err(cx.value_error("bad SDA pin"));
        }
    }
    let s = I2cState {
        bus: n as usize,
        soft: false,
        scl: bscl,
        sda: bsda,
        freq: hw::int_or(cx, freq, 400_000)?.max(1) as u32,
        timeout: hw::int_or(cx, timeout, 50_000)?.max(0) as u32,
    };
    apply_freq(cx, &s)?;
    class::new_object(cx, a[0], s)
}

/// The bus wired to `scl` and `sda`.
fn bus_on(cx: &mut Cx, scl: PinId, sda: PinId) -> PyResult<Option<usize>> {
    with_board(cx, |b| (0..8).find(|&i| b.i2c_pins(i) == Some((scl, sda))))
}

fn soft_new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [scl, sda, freq, timeout] =
        args::parse(cx, &a[1..], k, ["scl", "sda", "freq", "timeout"], 2)?;
    if scl.is_null() || sda.is_null() {
        return Err(cx.type_error("function missing required positional arguments"));
    }
    let scl = super::pin::pin_id(cx, scl)?;
    let sda = super::pin::pin_id(cx, sda)?;
    let Some(bus) = bus_on(cx, scl, sda)? else {
        return Err(cx.value_error("no I2C bus on these pins"));
    };
    let s = I2cState {
        bus,
        soft: true,
        scl,
        sda,
        freq: hw::int_or(cx, freq, 400_000)?.max(1) as u32,
        timeout: hw::int_or(cx, timeout, 50_000)?.max(0) as u32,
    };
    apply_freq(cx, &s)?;
    class::new_object(cx, a[0], s)
}

fn i2c_init(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [_scl, _sda, freq] = args::parse(cx, &a[1..], k, ["scl", "sda", "freq"], 2)?;
    let mut s = class::state::<I2cState>(cx, a[0])?;
    s.freq = hw::int_or(cx, freq, 400_000)?.max(1) as u32;
    class::set_state(cx, a[0], s);
    apply_freq(cx, &s)?;
    Ok(Value::NONE)
}

fn i2c_deinit(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn addr_arg(cx: &mut Cx, v: Value) -> PyResult<u8> {
    let a = crate::vm::seq::int_arg(cx, v)?;
    Ok((a & 0x7f) as u8)
}

fn check(
    cx: &mut Cx,
    s: &I2cState,
    r: Result<TempBuf, crate::hal::board::HwError>,
) -> PyResult<TempBuf> {
    r.map_err(|e| hw::bus_error(cx, e, nack_errno(s)))
}

fn i2c_scan(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<I2cState>(cx, a[0])?;
    let r = bus::i2c_scan(cx, s.bus)?;
    let found = check(cx, &s, r)?;
    let l = list::with_capacity(cx, found.len())?;
    let mark = cx.roots_mark();
    cx.root(l)?;
    for &addr in found.iter() {
        list::append(cx, l, Value::small_int_unchecked(addr as isize))?;
    }
    cx.roots_truncate(mark);
    Ok(l)
}

fn positional(cx: &mut Cx, a: &[Value], k: &[Value], min: usize, max: usize) -> PyResult<()> {
    if !k.is_empty() {
        return Err(cx.type_error("function doesn't take keyword arguments"));
    }
    if a.len() < min {
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!(
                "function missing {} required positional arguments",
                min - a.len()
            ),
        ));
    }
    if a.len() > max {
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!(
                "function expected at most {} arguments, got {}",
                max,
                a.len()
            ),
        ));
    }
    Ok(())
}

fn write_all(cx: &mut Cx, s: &I2cState, addr: u8, data: &[u8]) -> PyResult<()> {
    let r = bus::i2c_write(cx, s.bus, addr, data)?;
    r.map_err(|e| hw::bus_error(cx, e, nack_errno(s)))
}

/// `writeto(addr, buf, stop=True, /)`: the number of bytes acknowledged.
fn i2c_writeto(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    positional(cx, a, k, 3, 4)?;
    let s = class::state::<I2cState>(cx, a[0])?;
    let addr = addr_arg(cx, crate::modules::hw::at(a, 1))?;
    let data = buf::read_copy(cx, crate::modules::hw::at(a, 2))?;
    write_all(cx, &s, addr, &data)?;
    Ok(Value::small_int_unchecked(data.len() as isize))
}

/// `writevto(addr, vector, stop=True, /)`: the buffers sent as one write.
fn i2c_writevto(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    positional(cx, a, k, 3, 4)?;
    let s = class::state::<I2cState>(cx, a[0])?;
    let addr = addr_arg(cx, crate::modules::hw::at(a, 1))?;
    let items = crate::vm::seq::list_from_iter(cx, crate::modules::hw::at(a, 2))?;
    let mark = cx.roots_mark();
    cx.root(items)?;
    let r = (|| {
        let mut all = buf::temp(cx, 0, 0)?;
        let n = list::items_of(items).map_or(0, |t| t.len());
        for i in 0..n {
            let v = list::items_of(items)
                .and_then(|t| t.get(i).copied())
                .unwrap_or(Value::NONE);
            let part = buf::read_copy(cx, v)?;
            all.extend_from_slice(&part);
        }
        write_all(cx, &s, addr, &all)?;
        Ok(Value::small_int_unchecked(all.len() as isize))
    })();
    cx.roots_truncate(mark);
    r
}

/// `readfrom(addr, nbytes, stop=True, /)`.
fn i2c_readfrom(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    positional(cx, a, k, 3, 4)?;
    let s = class::state::<I2cState>(cx, a[0])?;
    let addr = addr_arg(cx, crate::modules::hw::at(a, 1))?;
    let n = crate::vm::seq::int_arg(cx, crate::modules::hw::at(a, 2))?.max(0) as usize;
    let r = bus::i2c_read(cx, s.bus, addr, n)?;
    let data = check(cx, &s, r)?;
    buf::new_bytes(cx, &data)
}

/// `readfrom_into(addr, buf, stop=True, /)`.
fn i2c_readfrom_into(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    positional(cx, a, k, 3, 4)?;
    let s = class::state::<I2cState>(cx, a[0])?;
    let addr = addr_arg(cx, crate::modules::hw::at(a, 1))?;
    let t = buf::target(cx, crate::modules::hw::at(a, 2))?;
    let r = bus::i2c_read(cx, s.bus, addr, t.len)?;
    let data = check(cx, &s, r)?;
    t.store(cx, &data);
    Ok(Value::NONE)
}

/// The memory address bytes (big-endian, `addrsize` bits).
fn mem_addr(cx: &mut Cx, memaddr: Value, addrsize: Value) -> PyResult<([u8; 4], usize)> {
    let m = crate::vm::seq::int_arg(cx, memaddr)?;
    let bits = hw::int_or(cx, addrsize, 8)?;
    if !(8..=32).contains(&bits) || bits % 8 != 0 {
        return Err(cx.value_error("invalid addrsize"));
    }
    let n = (bits / 8) as usize;
    let be = (m as u32).to_be_bytes();
    let mut out = [0u8; 4];
    out[..n].copy_from_slice(&be[4 - n..]);
    Ok((out, n))
}

/// The arguments the `*_mem` methods share, `(addr, memaddr, third, *, addrsize=8)` with
/// `third` (`nbytes` or `buf`) required: the bus state, the device address, the memory address
/// bytes and the third argument.
fn mem_args(
    cx: &mut Cx,
    a: &[Value],
    k: &[Value],
    third: &'static str,
) -> PyResult<(I2cState, u8, [u8; 4], usize, Value)> {
    let [addr, memaddr, v, addrsize] =
        args::parse(cx, &a[1..], k, ["addr", "memaddr", third, "addrsize"], 3)?;
    if v.is_null() {
        return Err(cx.type_error("function missing required positional arguments"));
    }
    let s = class::state::<I2cState>(cx, a[0])?;
    let addr = addr_arg(cx, addr)?;
    let (ma, n) = mem_addr(cx, memaddr, addrsize)?;
    Ok((s, addr, ma, n, v))
}

/// `readfrom_mem(addr, memaddr, nbytes, *, addrsize=8)`.
fn i2c_readfrom_mem(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (s, addr, ma, n, nbytes) = mem_args(cx, a, k, "nbytes")?;
    let len = crate::vm::seq::int_arg(cx, nbytes)?.max(0) as usize;
    let r = bus::i2c_write_read(cx, s.bus, addr, &ma[..n], len)?;
    let data = check(cx, &s, r)?;
    buf::new_bytes(cx, &data)
}

/// `readfrom_mem_into(addr, memaddr, buf, *, addrsize=8)`.
fn i2c_readfrom_mem_into(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (s, addr, ma, n, b) = mem_args(cx, a, k, "buf")?;
    let t = buf::target(cx, b)?;
    let r = bus::i2c_write_read(cx, s.bus, addr, &ma[..n], t.len)?;
    let data = check(cx, &s, r)?;
    t.store(cx, &data);
    Ok(Value::NONE)
}

/// `writeto_mem(addr, memaddr, buf, *, addrsize=8)`: the address bytes and the data in one
/// write.
fn i2c_writeto_mem(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let (s, addr, ma, n, b) = mem_args(cx, a, k, "buf")?;
    let data = buf::read_copy(cx, b)?;
    let mut all = buf::temp(cx, 0, 0)?;
    all.extend_from_slice(&ma[..n]);
    all.extend_from_slice(&data);
    write_all(cx, &s, addr, &all)?;
    Ok(Value::NONE)
}

fn i2c_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<I2cState>(cx, a[0])?;
    let scl = hw::pin_name_str(cx, s.scl, false)?;
    let mark = cx.roots_mark();
    cx.root(scl)?;
    let sda = hw::pin_name_str(cx, s.sda, false)?;
    cx.roots_truncate(mark);
    let scl = pystr::str_of(scl).unwrap_or("?");
    let sda = pystr::str_of(sda).unwrap_or("?");
    let mut b = crate::obj::str::StrBuilder::new(cx);
    let _ = if s.soft {
        core::fmt::Write::write_fmt(
            &mut b,
            format_args!("SoftI2C(scl={scl}, sda={sda}, freq={})", s.freq),
        )
    } else {
        core::fmt::Write::write_fmt(
            &mut b,
            format_args!(
                "I2C({}, freq={}, scl={scl}, sda={sda}, timeout={})",
                s.bus, s.freq, s.timeout
            ),
        )
    };
    b.finish(cx)
}

const METHODS: [(&str, Member); 12] = [
    ("init", Member::Method(i2c_init)),
    ("deinit", Member::Method(i2c_deinit)),
    ("scan", Member::Method(i2c_scan)),
    ("writeto", Member::Method(i2c_writeto)),
    ("writevto", Member::Method(i2c_writevto)),
    ("readfrom", Member::Method(i2c_readfrom)),
    ("readfrom_into", Member::Method(i2c_readfrom_into)),
    ("readfrom_mem", Member::Method(i2c_readfrom_mem)),
    ("readfrom_mem_into", Member::Method(i2c_readfrom_mem_into)),
    ("writeto_mem", Member::Method(i2c_writeto_mem)),
    ("__repr__", Member::Method(i2c_repr)),
    ("__str__", Member::Method(i2c_repr)),
];

const fn with_new(new: class::RawFn) -> [(&'static str, Member); 13] {
    let mut out = [("__new__", Member::Method(new)); 13];
    let mut i = 0;
    while i < 12 {
        out[i + 1] = METHODS[i];
        i += 1;
    }
    out
}

static I2C_MEMBERS: [(&str, Member); 13] = with_new(i2c_new);
static SOFT_MEMBERS: [(&str, Member); 13] = with_new(soft_new);

/// `machine.I2C`.
pub static I2C: ClassSpec = ClassSpec {
    name: "I2C",
    members: &I2C_MEMBERS,
};

/// `machine.SoftI2C`.
pub static SOFT_I2C: ClassSpec = ClassSpec {
    name: "SoftI2C",
    members: &SOFT_MEMBERS,
};
