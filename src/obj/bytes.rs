//! `bytearray` and `memoryview` layouts (`bytes` shares `str`'s layout).

use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The layout of a bytearray: a growable byte buffer.
#[repr(C)]
pub struct ByteArrayObj {
    /// `bytearray`.
    pub header: ObjHeader,
    /// Bytes used.
    pub len: usize,
    /// Capacity.
    pub cap: usize,
    /// The buffer (a heap buffer or NULL).
    pub data: *mut u8,
}

impl PyObj for ByteArrayObj {
    const KIND: Kind = Kind::ByteArray;
}

impl ByteArrayObj {
    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: data holds len bytes.
        unsafe { core::slice::from_raw_parts(self.data, self.len) }
    }

    /// The bytes, mutably.
    pub fn as_bytes_mut(&mut self) -> &mut [u8] {
        if self.len == 0 {
            return &mut [];
        }
        // SAFETY: data holds len bytes.
        unsafe { core::slice::from_raw_parts_mut(self.data, self.len) }
    }
}

/// A new bytearray holding a copy of `b`.
pub fn new_bytearray(cx: &mut Cx, b: &[u8]) -> PyResult<Value> {
    let (src, n) = (b.as_ptr(), b.len());
    let p: *mut ByteArrayObj = cx.alloc_obj(&super::types::BYTEARRAY_TYPE, 0)?;
    let v = Value::from_ptr(p);
    if n > 0 {
        let mark = cx.roots_mark();
        cx.root(v)?;
        let data = cx.alloc_bytes(n);
        cx.roots_truncate(mark);
        let data = data?;
        // SAFETY: fresh buffer of n bytes; src valid (rooted owner / Rust memory).
        unsafe {
            core::ptr::copy_nonoverlapping(src, data, n);
            (*p).data = data;
            (*p).len = n;
            (*p).cap = n;
        }
    }
    Ok(v)
}

/// Resize a bytearray to `n` bytes (new bytes zero).
pub fn resize(cx: &mut Cx, ba: Value, n: usize) -> PyResult<()> {
    // SAFETY: callers pass bytearray values.
    let (cap, data) = unsafe {
        let o = &*(ba.raw() as *const ByteArrayObj);
        (o.cap, o.data)
    };
    if n > cap {
        let new_cap = n.max(cap + cap / 2).max(8);
        let d = cx.realloc_raw(data, new_cap)?;
        // SAFETY: ba is live (held by the caller).
        unsafe {
            let o = &mut *(ba.raw() as *mut ByteArrayObj);
            o.data = d;
            o.cap = new_cap;
        }
    }
    // SAFETY: ba is live with cap >= n.
    unsafe {
        let o = &mut *(ba.raw() as *mut ByteArrayObj);
        if n > o.len {
            core::ptr::write_bytes(o.data.add(o.len), 0, n - o.len);
        }
        o.len = n;
    }
    Ok(())
}

/// The layout of a memoryview: a window on a bytes-like object.
#[repr(C)]
pub struct MemoryViewObj {
    /// `memoryview`.
    pub header: ObjHeader,
    /// The underlying object: a bytes or bytearray (never another memoryview).
    pub obj: Value,
    /// Start offset in bytes.
    pub start: usize,
    /// Length in items (`len(m)`); the window is `len * itemsize` bytes.
    pub len: usize,
    /// Whether writes are refused.
    pub readonly: bool,
    /// The item format (`b'B'`, `b'b'`, `b'h'`, ...; 0 means `b'B'`).
    pub format: u8,
    /// Set by `release()`: every later use raises.
    pub released: bool,
}

impl PyObj for MemoryViewObj {
    const KIND: Kind = Kind::MemoryView;
}

/// The size in bytes of one item of memoryview format `f` (None for unknown formats).
pub fn format_itemsize(f: u8) -> Option<usize> {
    Some(match f {
        0 | b'B' | b'b' | b'c' | b'?' => 1,
        b'H' | b'h' => 2,
        b'I' | b'i' | b'f' => 4,
        b'L' | b'l' | b'N' | b'n' | b'P' => core::mem::size_of::<usize>(),
        b'Q' | b'q' | b'd' => 8,
        _ => return None,
    })
}

/// A new memoryview of `len` items of `format` starting `start` bytes into `obj`, which the
/// caller keeps rooted.
pub fn new_memoryview(
    cx: &mut Cx,
    obj: Value,
    start: usize,
    len: usize,
    readonly: bool,
    format: u8,
) -> PyResult<Value> {
    let m: *mut MemoryViewObj = cx.alloc_obj(&super::types::MEMORYVIEW_TYPE, 0)?;
    crate::gc::write_barrier(cx, obj);
    // SAFETY: a fresh object; obj is rooted by the caller.
    unsafe {
        (*m).obj = obj;
        (*m).start = start;
        (*m).len = len;
        (*m).readonly = readonly;
        (*m).format = format;
        (*m).released = false;
    }
    Ok(Value::from_ptr(m))
}
