//! `str` and `bytes` objects: immutable byte strings with a cached hash and length.
//!
//! Both share one layout. A `str` holds valid UTF-8 and caches its length in code points
//! (equal to the byte length exactly when it is ASCII, which makes indexing O(1)). Heap strings
//! keep their bytes right after the struct; static strings point at bytes in the binary.
//! Interned strings are unique per content, so name lookups compare pointers first.

use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;

/// The layout of `str` and `bytes` objects.
///
/// A heap string keeps its bytes inline, starting where `data` is (so a heap string costs
/// three words plus its bytes and a NUL: up to 7 bytes fit in 32 bytes on a 64-bit target, 15
/// in 32 bytes on a 32-bit one); a static string (the names in `src/qstrs.txt`) has its bytes
/// in the binary and `data` points at them. The top bit of `len` says which.
#[repr(C)]
pub struct StrObj {
    /// `str` or `bytes` (or a subclass's instance base).
    pub header: ObjHeader,
    /// FNV-1a of the bytes.
    pub hash: u32,
    /// Length in code points (`str`) or bytes (`bytes`).
    pub char_len: u32,
    /// Length in bytes, with [`OUT_OF_LINE`] set for static strings.
    len: usize,
    /// Static strings: the bytes. Heap strings: the first bytes themselves.
    data: *const u8,
}

/// The bit of `StrObj::len` marking a static string (bytes out of line).
const OUT_OF_LINE: usize = 1 << (usize::BITS - 1);

/// The bytes a heap string of `len` bytes needs (header fields, the bytes, a NUL).
pub(crate) const fn heap_str_size(len: usize) -> usize {
    core::mem::offset_of!(StrObj, data) + len + 1
}

// Even an empty heap string's allocation (whole blocks) covers the whole struct, so a
// `&StrObj` to a heap string never reaches past its allocation.
const _: () = assert!(
    heap_str_size(0).div_ceil(crate::gc::heap::BLOCK) * crate::gc::heap::BLOCK
        >= core::mem::size_of::<StrObj>()
);

// SAFETY: static strings are immutable; heap ones belong to one interpreter.
unsafe impl Sync for StrObj {}

impl PyObj for StrObj {
    const KIND: Kind = Kind::Str;
}

/// Bytes objects share the str layout; this marker type gives them their own kind.
#[repr(transparent)]
pub struct BytesObj(pub StrObj);

impl PyObj for BytesObj {
    const KIND: Kind = Kind::Bytes;
}

/// FNV-1a: the hash every str caches (build.rs computes the same for static strings).
pub const fn hash_bytes(b: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

impl StrObj {
    /// A static `str` (used by the generated table of names).
    pub const fn new_static(s: &'static [u8], hash: u32, char_len: u32) -> StrObj {
        StrObj {
            header: ObjHeader::new(&super::types::STR_TYPE),
            hash,
            char_len,
            len: s.len() | OUT_OF_LINE,
            data: s.as_ptr(),
        }
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.len & !OUT_OF_LINE
    }

    /// Whether it has no bytes.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        let p = if self.len & OUT_OF_LINE != 0 {
            self.data
        } else {
            core::ptr::addr_of!(self.data) as *const u8
        };
        // SAFETY: a static string's data points at len bytes in the binary; a heap string's
        // len bytes start at its data field, inside its allocation (`heap_str_size`).
        unsafe { core::slice::from_raw_parts(p, self.len()) }
    }

    /// The text (for `str` objects, which are valid UTF-8).
    #[inline]
    pub fn as_str(&self) -> &str {
        // SAFETY: str objects are only ever created from valid UTF-8.
        unsafe { core::str::from_utf8_unchecked(self.as_bytes()) }
    }

    /// Whether every character is ASCII.
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len as usize == self.len()
    }

    /// The static name as a `Value`.
    #[inline]
    pub fn value(&'static self) -> Value {
        Value::from_static(self)
    }
}

/// Count code points in UTF-8.
pub fn char_count(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (c & 0xc0) != 0x80).count()
}

/// The byte offset of code point `i` in UTF-8 text `b` (or `b.len()` when `i` is the end).
pub fn char_to_byte(b: &[u8], ascii: bool, i: usize) -> usize {
    if ascii {
        return i.min(b.len());
    }
    let mut n = 0;
    for (off, &c) in b.iter().enumerate() {
        if (c & 0xc0) != 0x80 {
            if n == i {
                return off;
            }
            n += 1;
        }
    }
    b.len()
}

/// The bytes of a `str` or `bytes` value (including interned and static strings).
#[inline]
pub(crate) fn bytes_of<'a>(v: Value) -> Option<&'a [u8]> {
    let k = super::kind_of(v);
    if v.is_ptr() && (k == Kind::Str || k == Kind::Bytes) {
        // SAFETY: the kind check says v is a StrObj; callers use the slice before anything can
        // collect (the crate's rooting rule).
        Some(unsafe { (*(v.raw() as *const StrObj)).as_bytes() })
    } else {
        None
    }
}

/// The text of a `str` value.
#[inline]
pub(crate) fn str_of<'a>(v: Value) -> Option<&'a str> {
    if super::is::<StrObj>(v) {
        // SAFETY: v is a live StrObj holding valid UTF-8; see bytes_of for the lifetime rule.
        Some(unsafe { (*(v.raw() as *const StrObj)).as_str() })
    } else {
        None
    }
}

/// The cached hash of a str/bytes value.
#[inline]
pub fn hash_of(v: Value) -> Option<u32> {
    let k = super::kind_of(v);
    if v.is_ptr() && (k == Kind::Str || k == Kind::Bytes) {
        // SAFETY: v is a live StrObj.
        Some(unsafe { (*(v.raw() as *const StrObj)).hash })
    } else {
        None
    }
}

/// The code-point length and ASCII flag of a str value.
#[inline]
pub fn char_len_of(v: Value) -> usize {
    debug_assert!(super::is::<StrObj>(v) || super::is::<BytesObj>(v));
    // SAFETY: callers pass str values only (checked by kind in debug builds).
    unsafe { (*(v.raw() as *const StrObj)).char_len as usize }
}

pub use super::str_intern::{intern, intern_value, lookup};
use crate::vm::{Cx, PyResult};

/// A new `str` from UTF-8 bytes the caller has validated. Short strings that are already
/// interned return the interned object.
pub fn new_str(cx: &mut Cx, s: &[u8]) -> PyResult<Value> {
    new_with_type(cx, &super::types::STR_TYPE, s, char_count(s) as u32)
}

/// A new `str` from a Rust `&str`.
pub fn new_from(cx: &mut Cx, s: &str) -> PyResult<Value> {
    new_str(cx, s.as_bytes())
}

/// A new `bytes` object.
pub fn new_bytes(cx: &mut Cx, b: &[u8]) -> PyResult<Value> {
    new_with_type(cx, &super::types::BYTES_TYPE, b, b.len() as u32)
}

/// A new str/bytes object of type `ty` with the bytes copied inline.
pub(crate) fn new_with_type(
    cx: &mut Cx,
    ty: *const super::TypeObj,
    s: &[u8],
    char_len: u32,
) -> PyResult<Value> {
    // The source may live in the heap: it stays put (the collector never moves), and callers
    // keep its owner rooted.
    let len = s.len();
    if len >= OUT_OF_LINE {
        return Err(cx.raise_memory_error(len));
    }
    let src = s.as_ptr();
    let p = cx
        .alloc_raw(heap_str_size(len), crate::gc::heap::AllocKind::Object)?
        .as_ptr() as *mut StrObj;
    // SAFETY: p is a fresh zeroed allocation of heap_str_size(len) bytes rounded up to whole
    // blocks, which covers all of StrObj (checked below); the source bytes are still valid
    // (non-moving heap, rooted owner) and do not overlap the new block.
    unsafe {
        (*p).header.ty = ty;
        let data = core::ptr::addr_of_mut!((*p).data) as *mut u8;
        core::ptr::copy_nonoverlapping(src, data, len);
        (*p).hash = hash_bytes(core::slice::from_raw_parts(data, len));
        (*p).char_len = char_len;
        (*p).len = len;
    }
    Ok(Value::from_ptr(p))
}

/// A str made by writing into a temporary buffer (for repr, format, join, ...).
pub struct StrBuilder {
    /// The bytes so far.
    pub buf: allocator_api2::vec::Vec<u8, crate::gc::heap::TempAlloc>,
    /// Set when an allocation failed; `finish` raises MemoryError.
    pub failed: bool,
}

impl StrBuilder {
    /// An empty builder.
    pub fn new(cx: &Cx) -> StrBuilder {
        StrBuilder {
            buf: allocator_api2::vec::Vec::new_in(cx.temp_alloc()),
            failed: false,
        }
    }

    /// Append bytes.
    pub fn push(&mut self, b: &[u8]) {
        // The first push takes room for a typical short result at once (one temporary
        // allocation instead of growing through 8, 16, 32 and 64 bytes).
        let want = if self.buf.capacity() == 0 {
            b.len().max(64)
        } else {
            b.len()
        };
        // Once an allocation failed the result is a MemoryError: stop trying (each attempt
        // searches the heap).
        if self.failed || self.buf.try_reserve(want).is_err() {
            self.failed = true;
            return;
        }
        self.buf.extend_from_slice(b);
    }

    /// Append one byte.
    pub fn push_byte(&mut self, b: u8) {
        self.push(&[b]);
    }

    /// Append `b` `n` times (reserving first, so a huge `n` fails at once).
    pub fn push_repeat(&mut self, b: &[u8], n: usize) {
        if b.is_empty() || n == 0 {
            return;
        }
        let total = b.len().saturating_mul(n);
        if self.failed || self.buf.try_reserve(total).is_err() {
            self.failed = true;
            return;
        }
        for _ in 0..n {
            self.buf.extend_from_slice(b);
        }
    }

    /// Append a char as UTF-8.
    pub fn push_char(&mut self, c: char) {
        let mut tmp = [0u8; 4];
        self.push(c.encode_utf8(&mut tmp).as_bytes());
    }

    /// Append a str.
    pub fn push_str(&mut self, s: &str) {
        self.push(s.as_bytes());
    }

    /// The bytes so far.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Make the str.
    pub fn finish(self, cx: &mut Cx) -> PyResult<Value> {
        if self.failed {
            return Err(cx.raise_memory_error(self.buf.len()));
        }
        new_str(cx, &self.buf)
    }

    /// Make a bytes object.
    pub fn finish_bytes(self, cx: &mut Cx) -> PyResult<Value> {
        if self.failed {
            return Err(cx.raise_memory_error(self.buf.len()));
        }
        new_bytes(cx, &self.buf)
    }
}

impl core::fmt::Write for StrBuilder {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.push(s.as_bytes());
        Ok(())
    }
}
