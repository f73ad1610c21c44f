//! Buffers for bus transfers: reading Python's bytes-like objects and writing into writable
//! ones (bytearray, or a writable memoryview of one).
//!
//! Transfers go through a temporary Rust buffer: the data to send is copied out of the
//! Python object, the board runs, and received bytes are copied back. Nothing in Python's
//! heap is borrowed while the board runs.

use allocator_api2::vec::Vec;

use crate::gc::heap::TempAlloc;
use crate::obj::bytes::{ByteArrayObj, MemoryViewObj};
use crate::obj::types::*;
use crate::obj::{self, Kind};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// A temporary byte buffer in the heap region.
pub type TempBuf = Vec<u8, TempAlloc>;

/// A buffer of `n` bytes, each `fill`.
pub fn temp(cx: &mut Cx, n: usize, fill: u8) -> PyResult<TempBuf> {
    let mut v = Vec::new_in(cx.temp_alloc());
    if v.try_reserve(n).is_err() {
        cx.collect();
        if v.try_reserve(n).is_err() {
            return Err(cx.raise_memory_error(n));
        }
    }
    v.resize(n, fill);
    Ok(v)
}

/// A copy of the bytes of a bytes-like `v` (TypeError otherwise).
pub fn read_copy(cx: &mut Cx, v: Value) -> PyResult<TempBuf> {
    let n = crate::obj::methods::bytes::buffer_bytes(cx, v)?.len();
    let mut t = temp(cx, n, 0)?;
    let b = crate::obj::methods::bytes::buffer_bytes(cx, v)?;
    let n = n.min(b.len());
    t.truncate(n);
    t.copy_from_slice(&b[..n]);
    Ok(t)
}

/// Where a writable buffer's bytes are: the bytearray and the byte range in it.
#[derive(Clone, Copy)]
pub struct Target {
    ba: Value,
    start: usize,
    /// The length in bytes.
    pub len: usize,
}

/// The writable buffer `v`: a bytearray or a writable memoryview of one. Anything else
/// raises MicroPython's `TypeError: object with buffer protocol required`.
pub fn target(cx: &mut Cx, v: Value) -> PyResult<Target> {
    match obj::kind_of(v) {
        Kind::ByteArray if v.is_ptr() => {
            let len = obj::get::<ByteArrayObj>(cx, v).map_or(0, |b| b.len);
            Ok(Target {
                ba: v,
                start: 0,
                len,
            })
        }
        Kind::MemoryView if v.is_ptr() => {
            let m = obj::get::<MemoryViewObj>(cx, v).map(|m| {
                let size = crate::obj::bytes::format_itemsize(m.format).unwrap_or(1);
                (m.obj, m.start, m.len * size, m.readonly, m.released)
            });
            match m {
                Some((base, start, len, false, false)) if obj::kind_of(base) == Kind::ByteArray => {
                    Ok(Target {
                        ba: base,
                        start,
                        len,
                    })
                }
                _ => Err(cx.type_error("object with buffer protocol required")),
            }
        }
        _ => match crate::vm::ops::instance_base(v) {
            Some(b) => target(cx, b),
            None => Err(cx.type_error("object with buffer protocol required")),
        },
    }
}

impl Target {
    /// The sub-range `lo..hi` (bounds already clamped by the caller).
    pub fn slice(self, lo: usize, hi: usize) -> Target {
        let hi = hi.min(self.len);
        let lo = lo.min(hi);
        Target {
            ba: self.ba,
            start: self.start + lo,
            len: hi - lo,
        }
    }

    /// Copy `data` into the buffer (as much as fits, and as the bytearray still holds).
    pub fn store(self, cx: &mut Cx, data: &[u8]) {
        if let Some(b) = obj::get_mut::<ByteArrayObj>(cx, self.ba) {
            let bytes = b.as_bytes_mut();
            let end = (self.start + self.len.min(data.len())).min(bytes.len());
            if let Some(dst) = bytes.get_mut(self.start.min(end)..end) {
                let n = dst.len();
                dst.copy_from_slice(&data[..n]);
            }
        }
    }

    /// A copy of the buffer's current bytes.
    pub fn load(self, cx: &mut Cx) -> PyResult<TempBuf> {
        let mut t = temp(cx, self.len, 0)?;
        if let Some(b) = obj::get::<ByteArrayObj>(cx, self.ba) {
            let bytes = b.as_bytes();
            let end = (self.start + self.len).min(bytes.len());
            if let Some(src) = bytes.get(self.start.min(end)..end) {
                t[..src.len()].copy_from_slice(src);
            }
        }
        Ok(t)
    }
}

/// CircuitPython's `start`/`end` keyword arguments: the range of a buffer of `len` items
/// they select (negative values count from the end; both are clamped).
pub fn bounds(cx: &mut Cx, start: Value, end: Value, len: usize) -> PyResult<(usize, usize)> {
    let norm = |i: isize| -> usize {
        if i < 0 {
            (len as isize + i).max(0) as usize
        } else {
            (i as usize).min(len)
        }
    };
    let s = norm(super::int_or(cx, start, 0)?);
    let e = if end.is_null() {
        len
    } else {
        norm(crate::vm::seq::int_arg(cx, end)?)
    };
    Ok((s, e.max(s)))
}

/// `TypeError` unless `v` is a bytes-like object.
pub fn check_readable(cx: &mut Cx, v: Value) -> PyResult<()> {
    crate::obj::methods::bytes::buffer_bytes(cx, v).map(|_| ())
}

/// Bytes from Rust.
pub fn new_bytes(cx: &mut Cx, b: &[u8]) -> PyResult<Value> {
    crate::obj::str::new_bytes(cx, b)
}

/// `TypeError` when `v` is a str (a common mistake: buffers must be bytes).
pub fn no_str(cx: &mut Cx, v: Value) -> PyResult<()> {
    if obj::kind_of(v) == Kind::Str {
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("object with buffer protocol required"),
        ));
    }
    Ok(())
}
