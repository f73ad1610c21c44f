//! `busio` (circuitpython flavour): `I2C`, `SPI` and `UART` on the board's buses, chosen by
//! their pins (`ValueError: Invalid pins` when no bus is wired to them). Buses claim their
//! pins; I2C and SPI transfers need the lock (`try_lock()`), else
//! `RuntimeError: Function requires lock`; everything after `deinit()` raises the
//! "deinitialized" error. Address NACKs raise `OSError: [Errno 19] No such device`.

pub mod i2c;
pub mod spi;
pub mod uart;

use super::hw::class::{self, make_class};
use super::hw::{self};
use super::ModuleDef;
use crate::hal::board::PinId;
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// What every bus object has: its pins, and whether it was deinitialised or is locked.
#[derive(Clone, Copy)]
pub struct Common {
    /// The bus index on the board.
    pub bus: usize,
    /// The pins it claimed.
    pub pins: [Option<PinId>; 3],
    /// `deinit()` ran.
    pub deinit: bool,
    /// The lock is held.
    pub locked: bool,
}

impl Common {
    /// Claim `pins` for bus `bus` (releasing those already claimed if one is in use).
    pub fn claim(cx: &mut Cx, bus: usize, pins: [Option<PinId>; 3]) -> PyResult<Common> {
        for (i, p) in pins.iter().enumerate() {
            if let Some(p) = *p {
                if let Err(e) = hw::claim(cx, p) {
                    for q in pins[..i].iter().flatten() {
                        let _ = hw::release(cx, *q);
                    }
                    return Err(e);
                }
            }
        }
        Ok(Common {
            bus,
            pins,
            deinit: false,
            locked: false,
        })
    }

    /// Release the pins.
    pub fn release(&mut self, cx: &mut Cx) -> PyResult<()> {
        if !self.deinit {
            self.deinit = true;
            for p in self.pins.iter().flatten() {
                hw::release(cx, *p)?;
            }
        }
        Ok(())
    }
}

/// A bus state type: the part common to all of them.
pub trait BusState: Copy + Send + 'static {
    /// The common part.
    fn common(&mut self) -> &mut Common;
}

/// The state of bus object `o`, or the "deinitialized" error.
pub fn live<T: BusState>(cx: &mut Cx, o: Value) -> PyResult<T> {
    let mut s = class::state::<T>(cx, o)?;
    if s.common().deinit {
        return Err(hw::deinited(cx));
    }
    Ok(s)
}

/// The state of a live bus object whose lock is held, else `RuntimeError`.
pub fn locked<T: BusState>(cx: &mut Cx, o: Value) -> PyResult<T> {
    let mut s = live::<T>(cx, o)?;
    if !s.common().locked {
        return Err(cx.runtime_error("Function requires lock"));
    }
    Ok(s)
}

/// `deinit()`.
pub fn deinit<T: BusState>(cx: &mut Cx, o: Value) -> PyResult<Value> {
    let mut s = class::state::<T>(cx, o)?;
    s.common().release(cx)?;
    class::set_state(cx, o, s);
    Ok(Value::NONE)
}

/// `try_lock()`.
pub fn try_lock<T: BusState>(cx: &mut Cx, o: Value) -> PyResult<Value> {
    let mut s = live::<T>(cx, o)?;
    let was = s.common().locked;
    s.common().locked = true;
    class::set_state(cx, o, s);
    Ok(Value::bool(!was))
}

/// `unlock()`.
pub fn unlock<T: BusState>(cx: &mut Cx, o: Value) -> PyResult<Value> {
    let mut s = live::<T>(cx, o)?;
    s.common().locked = false;
    class::set_state(cx, o, s);
    Ok(Value::NONE)
}

/// Whether `o` is a bus object that was deinitialised (for `board`'s singletons).
pub fn is_deinit(cx: &mut Cx, o: Value) -> bool {
    fn check<T: BusState>(cx: &mut Cx, o: Value) -> Option<bool> {
        cx.native_mut::<T>(o).map(|s| s.common().deinit)
    }
    check::<i2c::I2cState>(cx, o)
        .or_else(|| check::<spi::SpiState>(cx, o))
        .or_else(|| check::<uart::UartState>(cx, o))
        .unwrap_or(true)
}

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    make_class(cx, Some(m), &i2c::I2C)?;
    make_class(cx, Some(m), &spi::SPI)?;
    let u = make_class(cx, Some(m), &uart::UART)?;
    let mark = cx.roots_mark();
    cx.root(u)?;
    let r = uart::add_parity(cx, m, u);
    cx.roots_truncate(mark);
    r
}

/// The `busio` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::busio,
    items: &[],
    init: Some(init),
};
