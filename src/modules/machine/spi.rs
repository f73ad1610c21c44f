//! `machine.SPI` and `machine.SoftSPI`: the board's SPI bus `id`, or the bus wired to the
//! given pins. Chip select is an ordinary `Pin` the program drives.

use crate::builtins::args;
use crate::hal::board::{HwError, SpiConfig, SpiPins};
use crate::modules::hw::buf;
use crate::modules::hw::class::{self, ClassSpec, Member};
use crate::modules::hw::{self, bus, with_board};
use crate::obj::types::*;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

#[derive(Clone, Copy)]
struct SpiState {
    bus: usize,
    soft: bool,
    cfg: SpiConfig,
    pins: SpiPins,
}

/// Apply `init`-style keyword arguments (after `baudrate`) to `s`.
fn apply_kw(cx: &mut Cx, s: &mut SpiState, vals: &[Value; 8]) -> PyResult<()> {
    let [baudrate, polarity, phase, bits, firstbit, sck, mosi, miso] = *vals;
    if !baudrate.is_null() {
        s.cfg.baudrate = crate::vm::seq::int_arg(cx, baudrate)?.max(1) as u32;
    }
    s.cfg.polarity = hw::int_or(cx, polarity, s.cfg.polarity as isize)?.clamp(0, 1) as u8;
    s.cfg.phase = hw::int_or(cx, phase, s.cfg.phase as isize)?.clamp(0, 1) as u8;
    let b = hw::int_or(cx, bits, s.cfg.bits as isize)?;
    if b != 8 {
        return Err(cx.value_error("bits must be 8"));
    }
    s.cfg.bits = 8;
    s.cfg.lsb_first = hw::int_or(cx, firstbit, s.cfg.lsb_first as isize)? == 1;
    for (v, want, what) in [
        (sck, Some(s.pins.sck), "bad SCK pin"),
        (mosi, s.pins.mosi, "bad MOSI pin"),
        (miso, s.pins.miso, "bad MISO pin"),
    ] {
        if let Some(p) = hw::opt(v) {
            if Some(super::pin::pin_id(cx, p)?) != want {
                return Err(cx.value_error(what));
            }
        }
    }
    let (bus, cfg) = (s.bus, s.cfg);
    let r = with_board(cx, |b| match b.spi(bus) {
        Some(sp) => sp.configure(&cfg),
        None => Err(HwError::Unsupported),
    })?;
    r.map_err(|_| cx.value_error("SPI configuration not supported"))
}

const NAMES: [&str; 9] = [
    "id", "baudrate", "polarity", "phase", "bits", "firstbit", "sck", "mosi", "miso",
];

fn rest(v: &[Value; 9]) -> [Value; 8] {
    let mut o = [Value::NULL; 8];
    o.copy_from_slice(&v[1..]);
    o
}

fn default_cfg(baudrate: u32) -> SpiConfig {
    SpiConfig {
        baudrate,
        polarity: 0,
        phase: 0,
        bits: 8,
        lsb_first: false,
    }
}

fn spi_new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let v = args::parse(cx, &a[1..], k, NAMES, 2)?;
    if v[0].is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let n = crate::vm::seq::int_arg(cx, v[0])?;
    let pins = with_board(cx, |b| usize::try_from(n).ok().and_then(|i| b.spi_pins(i)))?;
    let Some(pins) = pins else {
        return Err(cx.raise_fmt(&VALUE_ERROR_TYPE, format_args!("SPI({n}) doesn't exist")));
    };
    let mut s = SpiState {
        bus: n as usize,
        soft: false,
        cfg: default_cfg(1_000_000),
        pins,
    };
    apply_kw(cx, &mut s, &rest(&v))?;
    class::new_object(cx, a[0], s)
}

fn soft_new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let v = args::parse(cx, &a[1..], k, NAMES, 0)?;
    let mut want = [None; 3];
    for (i, &p) in [v[6], v[7], v[8]].iter().enumerate() {
        if let Some(p) = hw::opt(p) {
            want[i] = Some(super::pin::pin_id(cx, p)?);
        }
    }
    let bus = with_board(cx, |b| {
        (0..8).find(|&i| {
            b.spi_pins(i).is_some_and(|p| {
                want[0].is_none_or(|x| x == p.sck)
                    && want[1].is_none_or(|x| Some(x) == p.mosi)
                    && want[2].is_none_or(|x| Some(x) == p.miso)
            })
        })
    })?;
    let pins = bus.and_then(|i| cx.hal().board().and_then(|b| b.spi_pins(i)));
    let (Some(bus), Some(pins)) = (bus, pins) else {
        return Err(cx.value_error("no SPI bus on these pins"));
    };
    let mut s = SpiState {
        bus,
        soft: true,
        cfg: default_cfg(500_000),
        pins,
    };
    apply_kw(cx, &mut s, &rest(&v))?;
    class::new_object(cx, a[0], s)
}

fn spi_init(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let mut names = [""; 8];
    names.copy_from_slice(&NAMES[1..]);
    let v = args::parse(cx, &a[1..], k, names, 1)?;
    let mut s = class::state::<SpiState>(cx, a[0])?;
    apply_kw(cx, &mut s, &v)?;
    class::set_state(cx, a[0], s);
    Ok(Value::NONE)
}

fn spi_deinit(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn fail(cx: &mut Cx, e: HwError) -> crate::vm::Raised {
    hw::bus_error(cx, e, 5)
}

/// `read(nbytes, write=0x00)`.
fn spi_read(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [n, w] = args::parse(cx, &a[1..], k, ["nbytes", "write"], 2)?;
    if n.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let s = class::state::<SpiState>(cx, a[0])?;
    let n = crate::vm::seq::int_arg(cx, n)?.max(0) as usize;
    let fill = hw::int_or(cx, w, 0)? as u8;
    let r = bus::spi_read(cx, s.bus, n, fill)?;
    let data = r.map_err(|e| fail(cx, e))?;
    buf::new_bytes(cx, &data)
}

/// `readinto(buf, write=0x00)`.
fn spi_readinto(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [b, w] = args::parse(cx, &a[1..], k, ["buf", "write"], 2)?;
    if b.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let s = class::state::<SpiState>(cx, a[0])?;
    let t = buf::target(cx, b)?;
    let fill = hw::int_or(cx, w, 0)? as u8;
    let r = bus::spi_read(cx, s.bus, t.len, fill)?;
    let data = r.map_err(|e| fail(cx, e))?;
    t.store(cx, &data);
    Ok(Value::NONE)
}

/// `write(buf)`.
fn spi_write(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<SpiState>(cx, a[0])?;
    let data = buf::read_copy(cx, crate::modules::hw::at(a, 1))?;
    let r = bus::spi_write(cx, s.bus, &data)?;
    r.map_err(|e| fail(cx, e))?;
    Ok(Value::NONE)
}

/// `write_readinto(write_buf, read_buf)`.
fn spi_write_readinto(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<SpiState>(cx, a[0])?;
    let out = buf::read_copy(cx, crate::modules::hw::at(a, 1))?;
    let t = buf::target(cx, crate::modules::hw::at(a, 2))?;
    if t.len != out.len() {
        return Err(cx.value_error("buffers must be the same length"));
    }
    let r = bus::spi_transfer(cx, s.bus, &out)?;
    let data = r.map_err(|e| fail(cx, e))?;
    t.store(cx, &data);
    Ok(Value::NONE)
}

fn spi_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = class::state::<SpiState>(cx, a[0])?;
    let mut b = crate::obj::str::StrBuilder::new(cx);
    let c = s.cfg;
    let _ = if s.soft {
        core::fmt::Write::write_fmt(
            &mut b,
            format_args!(
                "SoftSPI(baudrate={}, polarity={}, phase={})",
                c.baudrate, c.polarity, c.phase
            ),
        )
    } else {
        core::fmt::Write::write_fmt(
            &mut b,
            format_args!(
                "SPI({}, baudrate={}, polarity={}, phase={}, bits={})",
                s.bus, c.baudrate, c.polarity, c.phase, c.bits
            ),
        )
    };
    b.finish(cx)
}

macro_rules! spi_members {
    ($new:expr) => {
        [
            ("__new__", Member::Method($new)),
            ("init", Member::Method(spi_init)),
            ("deinit", Member::Method(spi_deinit)),
            ("read", Member::Method(spi_read)),
            ("readinto", Member::Method(spi_readinto)),
            ("write", Member::Method(spi_write)),
            ("write_readinto", Member::Method(spi_write_readinto)),
            ("__repr__", Member::Method(spi_repr)),
            ("MSB", Member::Int(0)),
            ("LSB", Member::Int(1)),
        ]
    };
}

static SPI_MEMBERS: [(&str, Member); 10] = spi_members!(spi_new);
static SOFT_MEMBERS: [(&str, Member); 10] = spi_members!(soft_new);

/// `machine.SPI`.
pub static SPI: ClassSpec = ClassSpec {
    name: "SPI",
    members: &SPI_MEMBERS,
};

/// `machine.SoftSPI`.
pub static SOFT_SPI: ClassSpec = ClassSpec {
    name: "SoftSPI",
    members: &SOFT_MEMBERS,
};
