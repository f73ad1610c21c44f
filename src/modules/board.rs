//! `board` (circuitpython flavour): the board's pin names as `microcontroller.Pin` objects,
//! `board_id`, and the singletons `I2C()`, `SPI()`, `UART()` on the board's default buses
//! (bus 0 of each kind), made again after `deinit()`.

use super::hw::class;
use super::hw::{self, key, with_board};
use super::ModuleDef;
use crate::embed::native;
use crate::hal::board::PinId;
use crate::obj::{module, str as pystr, str_intern};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The singleton in `hw[k]`, or a new `busio.<class>(*pins)` stored there. A deinitialised
/// object is replaced.
fn singleton(cx: &mut Cx, k: isize, class_name: &str, pins: &[Option<PinId>]) -> PyResult<Value> {
    if let Some(o) = hw::state_get(cx, k)? {
        if !super::busio::is_deinit(cx, o) {
            return Ok(o);
        }
    }
    let mark = cx.roots_mark();
    let r = (|| {
        let m = hw::import(cx, "busio")?;
        cx.root(m)?;
        let cls = class::get_attr(cx, m, class_name)?;
        cx.root(cls)?;
        let mut args = [Value::NONE; 3];
        for (slot, p) in args.iter_mut().zip(pins) {
            if let Some(p) = *p {
                *slot = super::microcontroller::pin_object(cx, p)?;
                cx.root(*slot)?;
            }
        }
        let o = cx.call(cls, &args[..pins.len()], &[])?;
        hw::state_set(cx, k, o)?;
        Ok(o)
    })();
    cx.roots_truncate(mark);
    r
}

fn i2c(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let pins = with_board(cx, |b| b.i2c_pins(0))?;
    let Some((scl, sda)) = pins else {
        return Err(cx.value_error("No default I2C bus"));
    };
    singleton(cx, key::BOARD_I2C, "I2C", &[Some(scl), Some(sda)])
}

fn spi(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let pins = with_board(cx, |b| b.spi_pins(0))?;
    let Some(p) = pins else {
        return Err(cx.value_error("No default SPI bus"));
    };
    singleton(cx, key::BOARD_SPI, "SPI", &[Some(p.sck), p.mosi, p.miso])
}

fn uart(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let pins = with_board(cx, |b| b.uart_pins(0))?;
    let Some((tx, rx)) = pins else {
        return Err(cx.value_error("No default UART bus"));
    };
    singleton(cx, key::BOARD_UART, "UART", &[tx, rx])
}

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    let mark = cx.roots_mark();
    let r = (|| {
        let mut id = [0u8; 64];
        let n = with_board(cx, |b| {
            let s = b.board_id().as_bytes();
            let n = s.len().min(64);
            id[..n].copy_from_slice(&s[..n]);
            n
        })?;
        let idv = pystr::new_str(cx, &id[..n])?;
        class::set_attr(cx, m, "board_id", idv)?;
        let (has_i2c, has_spi, has_uart) = with_board(cx, |b| {
            (
                b.i2c_pins(0).is_some(),
                b.spi_pins(0).is_some(),
                b.uart_pins(0).is_some(),
            )
        })?;
        for (name, f, yes) in [
            ("I2C", i2c as class::RawFn, has_i2c),
            ("SPI", spi, has_spi),
            ("UART", uart, has_uart),
        ] {
            if yes {
                let v = native::new_function(cx, name, f)?;
                class::set_attr(cx, m, name, v)?;
            }
        }
        let mut i = 0;
        loop {
            let mut name = [0u8; 64];
            let entry = with_board(cx, |b| {
                b.board_name(i).map(|(s, p)| {
                    let n = s.len().min(64);
                    name[..n].copy_from_slice(&s.as_bytes()[..n]);
                    (n, p)
                })
            })?;
            let Some((n, pin)) = entry else { break };
            let o = super::microcontroller::pin_object(cx, pin)?;
            cx.root(o)?;
            let k = str_intern::intern(cx, &name[..n])?;
            cx.root(k)?;
            if let Some(d) = module::dict_of(m) {
                crate::obj::dict::set(cx, d, k, o)?;
            }
            i += 1;
        }
        Ok(())
    })();
    cx.roots_truncate(mark);
    r
}

/// The `board` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::board,
    items: &[],
    init: Some(init),
};
