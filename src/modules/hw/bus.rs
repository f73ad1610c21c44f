//! Bus transfers shared by both flavours: I2C, SPI and UART operations on the board's buses,
//! with Python buffers in and out. Errors come back as [`HwError`] for the caller to word
//! as its flavour does; a missing board raises at once.

use super::buf::{self, TempBuf};
use super::with_board;
use crate::hal::board::{HwError, I2cOp};
use crate::vm::{Cx, PyResult};

/// I2C: write `data` to `addr`.
pub fn i2c_write(cx: &mut Cx, bus: usize, addr: u8, data: &[u8]) -> PyResult<Result<(), HwError>> {
    with_board(cx, |b| match b.i2c(bus) {
        Some(i) => i.transaction(addr, &mut [I2cOp::Write(data)]),
        None => Err(HwError::Unsupported),
    })
}

/// I2C: read `n` bytes from `addr`.
pub fn i2c_read(cx: &mut Cx, bus: usize, addr: u8, n: usize) -> PyResult<Result<TempBuf, HwError>> {
    let mut t = buf::temp(cx, n, 0)?;
    let r = with_board(cx, |b| match b.i2c(bus) {
        Some(i) => i.transaction(addr, &mut [I2cOp::Read(&mut t)]),
        None => Err(HwError::Unsupported),
    })?;
    Ok(r.map(|_| t))
}

/// I2C: write `out` then read `n` bytes after a repeated start.
pub fn i2c_write_read(
    cx: &mut Cx,
    bus: usize,
    addr: u8,
    out: &[u8],
    n: usize,
) -> PyResult<Result<TempBuf, HwError>> {
    let mut t = buf::temp(cx, n, 0)?;
    let r = with_board(cx, |b| match b.i2c(bus) {
        Some(i) => i.transaction(addr, &mut [I2cOp::Write(out), I2cOp::Read(&mut t)]),
        None => Err(HwError::Unsupported),
    })?;
    Ok(r.map(|_| t))
}

/// I2C: whether a device acknowledges `addr` (an empty write).
pub fn i2c_probe(cx: &mut Cx, bus: usize, addr: u8) -> PyResult<Result<bool, HwError>> {
    let r = i2c_write(cx, bus, addr, &[])?;
    Ok(match r {
        Ok(()) => Ok(true),
        Err(HwError::AddressNack) | Err(HwError::DataNack) => Ok(false),
        Err(e) => Err(e),
    })
}

/// I2C: the addresses 0x08..=0x77 that acknowledge.
pub fn i2c_scan(cx: &mut Cx, bus: usize) -> PyResult<Result<TempBuf, HwError>> {
    let mut found = buf::temp(cx, 0, 0)?;
    for addr in 0x08u8..=0x77 {
        match i2c_probe(cx, bus, addr)? {
            Ok(true) => found.push(addr),
            Ok(false) => {}
            Err(e) => return Ok(Err(e)),
        }
    }
    Ok(Ok(found))
}

/// SPI: send `data`.
pub fn spi_write(cx: &mut Cx, bus: usize, data: &[u8]) -> PyResult<Result<(), HwError>> {
    with_board(cx, |b| match b.spi(bus) {
        Some(s) => s.write(data),
        None => Err(HwError::Unsupported),
    })
}

/// SPI: read `n` bytes while sending `fill`.
pub fn spi_read(cx: &mut Cx, bus: usize, n: usize, fill: u8) -> PyResult<Result<TempBuf, HwError>> {
    let mut t = buf::temp(cx, n, fill)?;
    let r = with_board(cx, |b| match b.spi(bus) {
        Some(s) => s.transfer_in_place(&mut t),
        None => Err(HwError::Unsupported),
    })?;
    Ok(r.map(|_| t))
}

/// SPI: send `out` while receiving as many bytes.
pub fn spi_transfer(cx: &mut Cx, bus: usize, out: &[u8]) -> PyResult<Result<TempBuf, HwError>> {
    let mut t = buf::temp(cx, out.len(), 0)?;
    let r = with_board(cx, |b| match b.spi(bus) {
        Some(s) => s.transfer(&mut t, out),
        None => Err(HwError::Unsupported),
    })?;
    Ok(r.map(|_| t))
}

/// UART: bytes waiting.
pub fn uart_available(cx: &mut Cx, bus: usize) -> PyResult<usize> {
    with_board(cx, |b| b.uart(bus).map_or(0, |u| u.available()))
}

/// UART: send `data`.
pub fn uart_write(cx: &mut Cx, bus: usize, data: &[u8]) -> PyResult<Result<usize, HwError>> {
    with_board(cx, |b| match b.uart(bus) {
        Some(u) => u.write(data),
        None => Err(HwError::Unsupported),
    })
}

/// UART: read up to `max` bytes, waiting at most `timeout_us` for each byte (so the whole
/// read ends `timeout_us` after the last byte arrived); stop after a newline when `line`.
pub fn uart_read(
    cx: &mut Cx,
    bus: usize,
    max: usize,
    timeout_us: u64,
    line: bool,
) -> PyResult<Result<TempBuf, HwError>> {
    let mut out = buf::temp(cx, 0, 0)?;
    let mut last = super::ticks_us(cx)?;
    while out.len() < max {
        let mut byte = [0u8; 1];
        let r = with_board(cx, |b| match b.uart(bus) {
            Some(u) => u.read(&mut byte),
            None => Err(HwError::Unsupported),
        })?;
        match r {
            Err(e) => return Ok(Err(e)),
            Ok(1) => {
                out.push(byte[0]);
                last = super::ticks_us(cx)?;
                if line && byte[0] == b'\n' {
                    break;
                }
            }
            Ok(_) => {
                let now = super::ticks_us(cx)?;
                if now.saturating_sub(last) >= timeout_us {
                    break;
                }
                with_board(cx, |b| b.idle())?;
            }
        }
    }
    Ok(Ok(out))
}
