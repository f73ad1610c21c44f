//! `io` and `open()`: in-memory streams (`StringIO`, `BytesIO`) and files through the port's
//! filesystem (`TextIOWrapper` for text mode, `FileIO` for binary mode), all with the layout
//! [`IoObj`] (kind `Stream`).
//!
//! A file object owns a port handle: `close()` releases it, and so does the collector when
//! an unclosed file becomes garbage (the object is allocated with a finaliser; see
//! [`finalise`]) or the interpreter is dropped.
//!
//! Errors follow MicroPython: a missing file is `OSError(ENOENT)`, an operation on a closed
//! stream `ValueError: I/O operation on closed file`, reading a write-only file
//! `OSError(EBADF)`. What succeeds follows CPython: text files take `str` and binary
//! files bytes-like objects, `read(n)` on a text file counts characters.

use core::ptr::NonNull;

use super::{Item, ModuleDef};
use crate::gc::heap::AllocKind;
use crate::hal::{errno, Fd, Hal, OpenOptions, Whence};
use crate::native_fn;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, list, str as pystr, Attr, Kind, ObjHeader, PyObj, TypeObj};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult, Raised};

/// Flag bits of an [`IoObj`].
mod fl {
    pub const CLOSED: u32 = 1;
    pub const READ: u32 = 2;
    pub const WRITE: u32 = 4;
    pub const APPEND: u32 = 8;
    /// Text (str) rather than bytes.
    pub const TEXT: u32 = 16;
    /// A port file rather than a memory buffer.
    pub const FILE: u32 = 32;
}

/// The layout of every `io` stream object.
#[repr(C)]
pub struct IoObj {
    /// `StringIO`, `BytesIO`, `TextIOWrapper` or `FileIO`.
    pub header: ObjHeader,
    /// Memory streams: the contents (a bytearray). Files: NULL.
    pub buf: Value,
    /// Memory streams: the position in bytes.
    pub pos: usize,
    /// Files: the port that owns the handle (to close it from the finaliser).
    hal: Option<NonNull<dyn Hal>>,
    /// Files: the port's handle.
    pub fd: Fd,
    /// [`fl`] bits.
    flags: u32,
}

impl PyObj for IoObj {
    const KIND: Kind = Kind::Stream;
}

fn io_of(v: Value) -> Option<*mut IoObj> {
    obj::is::<IoObj>(v).then(|| v.raw() as *mut IoObj)
}

fn flags(v: Value) -> u32 {
    // SAFETY: io_of checked the layout; reading a word of a live object.
    io_of(v).map_or(0, |p| unsafe { (*p).flags })
}

/// Run the finaliser of a stream being freed: close a file that is still open.
pub(crate) fn finalise(p: *mut u8) {
    // SAFETY: p is a live IoObj about to be freed (the collector checked its kind).
    let o = unsafe { &mut *(p as *mut IoObj) };
    if o.flags & (fl::FILE | fl::CLOSED) == fl::FILE {
        o.flags |= fl::CLOSED;
        if let Some(mut h) = o.hal {
            // SAFETY: finalisers run inside a collection (inside a `&mut Cx` call, where no
            // borrow of the Hal is live: every use of it borrows the Cx) or while the
            // Interpreter that borrows the Hal for its whole life is dropped.
            let _ = unsafe { h.as_mut() }.close(o.fd);
        }
    }
}

/// The memory stream's contents and position, if `v` is one.
fn mem_parts(v: Value) -> Option<(Value, usize)> {
    // SAFETY: a live IoObj.
    io_of(v).map(|p| unsafe { ((*p).buf, (*p).pos) })
}

fn set_pos(v: Value, pos: usize) {
    if let Some(p) = io_of(v) {
        // SAFETY: a live IoObj; a plain word store.
        unsafe { (*p).pos = pos };
    }
}

fn mem_bytes<'a>(buf: Value) -> &'a [u8] {
    if obj::is::<crate::obj::bytes::ByteArrayObj>(buf) {
        // SAFETY: the kind check says buf is a live bytearray.
        unsafe { (*(buf.raw() as *const crate::obj::bytes::ByteArrayObj)).as_bytes() }
    } else {
        &[]
    }
}

/// Check the stream is open (and readable/writable when `need` says so).
fn check(cx: &mut Cx, v: Value, need: u32) -> PyResult<u32> {
    let f = flags(v);
    if f & fl::CLOSED != 0 {
        return Err(cx.value_error("I/O operation on closed file"));
    }
    if f & need != need {
        return Err(super::os::raise_errno(cx, errno::EBADF));
    }
    Ok(f)
}

fn port_err(cx: &mut Cx, e: i32) -> Raised {
    super::os::raise_errno(cx, e)
}

/// Make the result of a read: str (checking UTF-8) or bytes.
fn finish_read(cx: &mut Cx, text: bool, b: StrBuilder) -> PyResult<Value> {
    if b.failed {
        return Err(cx.raise_memory_error(b.buf.len()));
    }
    if text {
        if core::str::from_utf8(&b.buf).is_err() {
            return Err(cx.raise_msg(&UNICODE_ERROR_TYPE, "invalid utf-8"));
        }
        b.finish(cx)
    } else {
        b.finish_bytes(cx)
    }
}

/// Bytes that start a character (not UTF-8 continuation bytes).
fn is_char_start(c: u8) -> bool {
    c & 0xc0 != 0x80
}

/// Read from a file into `b`: `n` characters (text) or bytes, or everything when `n` is None.
fn file_read_into(
    cx: &mut Cx,
    fd: Fd,
    text: bool,
    n: Option<usize>,
    b: &mut StrBuilder,
) -> PyResult<()> {
    let mut chunk = [0u8; 512];
    let mut chars = 0usize;
    loop {
        let want = match n {
            None => chunk.len(),
            Some(n) if text => {
                if chars >= n {
                    // Finish a character whose first byte was read.
                    1
                } else {
                    (n - chars).min(chunk.len())
                }
            }
            Some(n) => (n - b.buf.len()).min(chunk.len()),
        };
        if want == 0 {
            return Ok(());
        }
        if text && n.is_some_and(|n| chars >= n) {
            // Only continuation bytes of the last character are still wanted: peek one.
            let mut one = [0u8; 1];
            let got = match cx.hal().read(fd, &mut one) {
                Ok(k) => k,
                Err(e) => return Err(port_err(cx, e)),
            };
            if got == 0 {
                return Ok(());
            }
            if is_char_start(one[0]) {
                // Put it back.
                let _ = cx.hal().seek(fd, -1, Whence::Current);
                return Ok(());
            }
            b.push(&one);
            continue;
        }
        let got = match cx.hal().read(fd, &mut chunk[..want]) {
            Ok(k) => k,
            Err(e) => return Err(port_err(cx, e)),
        };
        if got == 0 {
            return Ok(());
        }
        b.push(&chunk[..got]);
        if b.failed {
            return Err(cx.raise_memory_error(b.buf.len()));
        }
        if text {
            chars += chunk[..got].iter().filter(|&&c| is_char_start(c)).count();
        }
    }
}

/// The optional size argument of read/readline: None for all (absent, None or negative).
fn size_arg(cx: &mut Cx, a: &[Value], i: usize) -> PyResult<Option<usize>> {
    match a.get(i) {
        None => Ok(None),
        Some(&v) if v.is_none() => Ok(None),
        Some(&v) => {
            let n = crate::vm::seq::int_arg(cx, v)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

fn read(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = check(cx, a[0], fl::READ)?;
    let n = size_arg(cx, a, 1)?;
    let text = f & fl::TEXT != 0;
    let mut b = StrBuilder::new(cx);
    if f & fl::FILE != 0 {
        // SAFETY: check() accepted an IoObj.
        let fd = unsafe { (*(a[0].raw() as *const IoObj)).fd };
        file_read_into(cx, fd, text, n, &mut b)?;
    } else {
        let (buf, pos) = mem_parts(a[0]).unwrap_or((Value::NULL, 0));
        let data = mem_bytes(buf);
        let start = pos.min(data.len());
        let rest = &data[start..];
        let end = match n {
            None => rest.len(),
            Some(n) if text => {
                // n characters.
                let mut seen = 0;
                let mut e = rest.len();
                for (i, &c) in rest.iter().enumerate() {
                    if is_char_start(c) {
                        if seen == n {
                            e = i;
                            break;
                        }
                        seen += 1;
                    }
                }
                e
            }
            Some(n) => n.min(rest.len()),
        };
        b.push(&rest[..end]);
        set_pos(a[0], start + end);
    }
    finish_read(cx, text, b)
}

/// Read one line (up to `limit` characters or bytes) into a new str/bytes.
fn readline_value(cx: &mut Cx, v: Value, limit: Option<usize>) -> PyResult<Value> {
    let f = check(cx, v, fl::READ)?;
    let text = f & fl::TEXT != 0;
    let mut b = StrBuilder::new(cx);
    if f & fl::FILE != 0 {
        // SAFETY: check() accepted an IoObj.
        let fd = unsafe { (*(v.raw() as *const IoObj)).fd };
        let mut count = 0usize;
        loop {
            if limit.is_some_and(|l| count >= l) {
                if text {
                    // Complete the last character.
                    file_read_into(cx, fd, true, Some(0), &mut b)?;
                }
                break;
            }
            let mut one = [0u8; 1];
            let got = match cx.hal().read(fd, &mut one) {
                Ok(k) => k,
                Err(e) => return Err(port_err(cx, e)),
            };
            if got == 0 {
                break;
            }
            b.push(&one);
            if !text || is_char_start(one[0]) {
                count += 1;
            }
            if one[0] == b'\n' {
                break;
            }
        }
    } else {
        let (buf, pos) = mem_parts(v).unwrap_or((Value::NULL, 0));
        let data = mem_bytes(buf);
        let start = pos.min(data.len());
        let rest = &data[start..];
        let mut end = rest
            .iter()
            .position(|&c| c == b'\n')
            .map_or(rest.len(), |p| p + 1);
        if let Some(l) = limit {
            let mut seen = 0;
            for (i, &c) in rest[..end].iter().enumerate() {
                if !text || is_char_start(c) {
                    if seen == l {
                        end = i;
                        break;
                    }
                    seen += 1;
                }
            }
        }
        b.push(&rest[..end]);
        set_pos(v, start + end);
    }
    finish_read(cx, text, b)
}

fn readline(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = size_arg(cx, a, 1)?;
    readline_value(cx, a[0], n)
}

fn readlines(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let out = list::with_capacity(cx, 0)?;
    let mark = cx.roots_mark();
    cx.root(out)?;
    let per_line = cx.roots_mark();
    loop {
        let l = readline_value(cx, a[0], None)?;
        if pystr::bytes_of(l).is_none_or(|b| b.is_empty()) {
            break;
        }
        cx.root(l)?;
        list::append(cx, out, l)?;
        cx.roots_truncate(per_line);
    }
    cx.roots_truncate(mark);
    Ok(out)
}

/// The bytes to write: a str for text streams, a bytes-like object for binary ones.
fn write_arg<'a>(cx: &mut Cx, text: bool, v: Value) -> PyResult<(&'a [u8], usize)> {
    if text {
        match pystr::str_of(v) {
            Some(s) if obj::kind_of(v) == Kind::Str => {
                Ok((s.as_bytes(), pystr::char_count(s.as_bytes())))
            }
            _ => {
                let tn = crate::vm::ops::alloc_free_name(cx.type_name(v));
                Err(cx.raise_fmt(
                    &TYPE_ERROR_TYPE,
                    format_args!("write() argument must be str, not {tn}"),
                ))
            }
        }
    } else {
        if obj::kind_of(v) == Kind::Str {
            return Err(cx.type_error("a bytes-like object is required, not 'str'"));
        }
        let b = crate::obj::methods::bytes::buffer_bytes(cx, v)?;
        Ok((b, b.len()))
    }
}

fn write(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = check(cx, a[0], fl::WRITE)?;
    let text = f & fl::TEXT != 0;
    let (data, count) = write_arg(cx, text, a[1])?;
    // Copy the data out of the heap before anything allocates.
    let mut tmp = StrBuilder::new(cx);
    tmp.push(data);
    if tmp.failed {
        return Err(cx.raise_memory_error(data.len()));
    }
    if f & fl::FILE != 0 {
        // SAFETY: check() accepted an IoObj.
        let fd = unsafe { (*(a[0].raw() as *const IoObj)).fd };
        let mut done = 0;
        while done < tmp.buf.len() {
            match cx.hal().write(fd, &tmp.buf[done..]) {
                Ok(0) => return Err(port_err(cx, errno::EIO)),
                Ok(k) => done += k,
                Err(e) => return Err(port_err(cx, e)),
            }
        }
    } else {
        let (buf, pos) = mem_parts(a[0]).unwrap_or((Value::NULL, 0));
        let len = mem_bytes(buf).len();
        let end = pos + tmp.buf.len();
        if end > len {
            crate::obj::bytes::resize(cx, buf, end)?;
        }
        if let Some(ba) = obj::get_mut::<crate::obj::bytes::ByteArrayObj>(cx, buf) {
            ba.as_bytes_mut()[pos..end].copy_from_slice(&tmp.buf);
        }
        set_pos(a[0], end);
    }
    crate::obj::int::from_i64(cx, count as i64)
}

fn seek(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = check(cx, a[0], 0)?;
    let off = crate::vm::seq::int_arg(cx, a[1])? as i64;
    let whence = match a.get(2) {
        None => 0,
        Some(&w) => crate::vm::seq::int_arg(cx, w)?,
    };
    let whence = match whence {
        0 => Whence::Start,
        1 => Whence::Current,
        2 => Whence::End,
        _ => return Err(super::os::raise_errno(cx, errno::EINVAL)),
    };
    if f & fl::FILE != 0 {
        // SAFETY: check() accepted an IoObj.
        let fd = unsafe { (*(a[0].raw() as *const IoObj)).fd };
        return match cx.hal().seek(fd, off, whence) {
            Ok(p) => crate::obj::int::from_i64(cx, p as i64),
            Err(e) => Err(port_err(cx, e)),
        };
    }
    let (buf, pos) = mem_parts(a[0]).unwrap_or((Value::NULL, 0));
    let base = match whence {
        Whence::Start => 0,
        Whence::Current => pos as i64,
        Whence::End => mem_bytes(buf).len() as i64,
    };
    let new = base.saturating_add(off);
    if new < 0 {
        if whence == Whence::Start {
            return Err(cx.raise_fmt(
                &VALUE_ERROR_TYPE,
                format_args!("negative seek position {off}"),
            ));
        }
        set_pos(a[0], 0);
        return Ok(Value::small_int_unchecked(0));
    }
    set_pos(a[0], new as usize);
    crate::obj::int::from_i64(cx, new)
}

fn tell(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = check(cx, a[0], 0)?;
    if f & fl::FILE != 0 {
        // SAFETY: check() accepted an IoObj.
        let fd = unsafe { (*(a[0].raw() as *const IoObj)).fd };
        return match cx.hal().seek(fd, 0, Whence::Current) {
            Ok(p) => crate::obj::int::from_i64(cx, p as i64),
            Err(e) => Err(port_err(cx, e)),
        };
    }
    let pos = mem_parts(a[0]).map_or(0, |p| p.1);
    crate::obj::int::from_i64(cx, pos as i64)
}

fn flush(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = check(cx, a[0], 0)?;
    if f & fl::FILE != 0 {
        // SAFETY: check() accepted an IoObj.
        let fd = unsafe { (*(a[0].raw() as *const IoObj)).fd };
        if let Err(e) = cx.hal().flush(fd) {
            return Err(port_err(cx, e));
        }
    }
    Ok(Value::NONE)
}

fn close(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let Some(p) = io_of(a[0]) else {
        return Ok(Value::NONE);
    };
    // SAFETY: a live IoObj; no allocation while the reference is used.
    let (f, fd) = unsafe { ((*p).flags, (*p).fd) };
    if f & fl::CLOSED != 0 {
        return Ok(Value::NONE);
    }
    // SAFETY: as above.
    unsafe { (*p).flags |= fl::CLOSED };
    if f & fl::FILE != 0 {
        if let Err(e) = cx.hal().close(fd) {
            return Err(port_err(cx, e));
        }
    }
    Ok(Value::NONE)
}

fn getvalue(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = check(cx, a[0], 0)?;
    let (buf, _) = mem_parts(a[0]).unwrap_or((Value::NULL, 0));
    let data = mem_bytes(buf);
    if f & fl::TEXT != 0 {
        pystr::new_str(cx, data)
    } else {
        pystr::new_bytes(cx, data)
    }
}

fn enter(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(a[0])
}

fn exit(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    close(cx, &a[..1], &[])
}

fn closed_get(_cx: &mut Cx, v: Value) -> PyResult<Value> {
    Ok(Value::bool(flags(v) & fl::CLOSED != 0))
}

fn fileno(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    check(cx, a[0], fl::FILE)?;
    // SAFETY: check() accepted an IoObj.
    let fd = unsafe { (*(a[0].raw() as *const IoObj)).fd };
    crate::obj::int::from_i64(cx, fd as i64)
}

fn readable(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = check(cx, a[0], 0)?;
    Ok(Value::bool(f & fl::READ != 0))
}

fn writable(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = check(cx, a[0], 0)?;
    Ok(Value::bool(f & fl::WRITE != 0))
}

native_fn!(IO_READ, q::read, 1, 2, false, read);
native_fn!(IO_READLINE, q::readline, 1, 2, false, readline);
native_fn!(IO_READLINES, q::readlines, 1, 2, false, readlines);
native_fn!(IO_WRITE, q::write, 2, 2, false, write);
native_fn!(IO_SEEK, q::seek, 2, 3, false, seek);
native_fn!(IO_TELL, q::tell, 1, 1, false, tell);
native_fn!(IO_FLUSH, q::flush, 1, 1, false, flush);
native_fn!(IO_CLOSE, q::close, 1, 1, false, close);
native_fn!(IO_GETVALUE, q::getvalue, 1, 1, false, getvalue);
native_fn!(IO_ENTER, q::__enter__, 1, 1, false, enter);
native_fn!(IO_EXIT, q::__exit__, 1, 4, false, exit);
native_fn!(IO_FILENO, q::fileno, 1, 1, false, fileno);
native_fn!(IO_READABLE, q::readable, 1, 1, false, readable);
native_fn!(IO_WRITABLE, q::writable, 1, 1, false, writable);

const MEM_ATTRS: &[Attr] = &[
    crate::method!(q::read, IO_READ),
    crate::method!(q::readline, IO_READLINE),
    crate::method!(q::readlines, IO_READLINES),
    crate::method!(q::write, IO_WRITE),
    crate::method!(q::seek, IO_SEEK),
    crate::method!(q::tell, IO_TELL),
    crate::method!(q::flush, IO_FLUSH),
    crate::method!(q::close, IO_CLOSE),
    crate::method!(q::getvalue, IO_GETVALUE),
    crate::method!(q::readable, IO_READABLE),
    crate::method!(q::writable, IO_WRITABLE),
    crate::method!(q::__enter__, IO_ENTER),
    crate::method!(q::__exit__, IO_EXIT),
    crate::getter!(q::closed, closed_get),
];

const FILE_ATTRS: &[Attr] = &[
    crate::method!(q::read, IO_READ),
    crate::method!(q::readline, IO_READLINE),
    crate::method!(q::readlines, IO_READLINES),
    crate::method!(q::write, IO_WRITE),
    crate::method!(q::seek, IO_SEEK),
    crate::method!(q::tell, IO_TELL),
    crate::method!(q::flush, IO_FLUSH),
    crate::method!(q::close, IO_CLOSE),
    crate::method!(q::fileno, IO_FILENO),
    crate::method!(q::readable, IO_READABLE),
    crate::method!(q::writable, IO_WRITABLE),
    crate::method!(q::__enter__, IO_ENTER),
    crate::method!(q::__exit__, IO_EXIT),
    crate::getter!(q::closed, closed_get),
];

macro_rules! stream_type {
    ($id:ident, $name:expr, $attrs:expr) => {
        #[allow(missing_docs)]
        pub static $id: TypeObj = TypeObj {
            header: ObjHeader::new(&TYPE_TYPE),
            kind: Kind::Stream,
            flags: 0,
            name: &$name,
            base: &OBJECT_TYPE,
            attrs: $attrs,
            dict: Value::NULL,
            bases: Value::NULL,
            mro: Value::NULL,
            native_base: &$id,
        };
    };
}

stream_type!(STRINGIO_TYPE, q::StringIO, MEM_ATTRS);
stream_type!(BYTESIO_TYPE, q::BytesIO, MEM_ATTRS);
stream_type!(TEXTIO_TYPE, q::TextIOWrapper, FILE_ATTRS);
stream_type!(FILEIO_TYPE, q::FileIO, FILE_ATTRS);

/// A new stream object.
fn alloc_stream(cx: &mut Cx, ty: &'static TypeObj, finaliser: bool) -> PyResult<*mut IoObj> {
    let kind = if finaliser {
        AllocKind::ObjectWithFinaliser
    } else {
        AllocKind::Object
    };
    let p = cx.alloc_raw(core::mem::size_of::<IoObj>(), kind)?.as_ptr() as *mut IoObj;
    // SAFETY: a fresh zeroed block the size of an IoObj.
    unsafe {
        core::ptr::addr_of_mut!((*p).header).write(ObjHeader::new(ty));
        core::ptr::addr_of_mut!((*p).buf).write(Value::NULL);
        core::ptr::addr_of_mut!((*p).hal).write(None);
    }
    Ok(p)
}

/// `StringIO(initial='')` / `BytesIO(initial=b'')`: called from `construct` for types of
/// kind `Stream`.
pub fn construct(cx: &mut Cx, t: &TypeObj, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let text = core::ptr::eq(t, &STRINGIO_TYPE);
    if !text && !core::ptr::eq(t, &BYTESIO_TYPE) {
        let n = crate::vm::ops::alloc_free_name(crate::vm::raise::as_str(t.name_bytes()));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("cannot create '{n}' instances"),
        ));
    }
    let [init] = crate::builtins::args::parse(cx, args, kw, ["initial_value"], 1)?;
    let mut tmp = StrBuilder::new(cx);
    if !init.is_null() && !init.is_none() {
        if text {
            match pystr::str_of(init) {
                Some(s) if obj::kind_of(init) == Kind::Str => tmp.push_str(s),
                _ => {
                    let tn = crate::vm::ops::alloc_free_name(cx.type_name(init));
                    return Err(cx.raise_fmt(
                        &TYPE_ERROR_TYPE,
                        format_args!("initial_value must be str or None, not {tn}"),
                    ));
                }
            }
        } else {
            let (b, _) = write_arg(cx, false, init)?;
            tmp.push(b);
        }
    } else if !init.is_null() && !text {
        return Err(cx.type_error("a bytes-like object is required, not 'NoneType'"));
    }
    if tmp.failed {
        return Err(cx.raise_memory_error(tmp.buf.len()));
    }
    let buf = crate::obj::bytes::new_bytearray(cx, &tmp.buf)?;
    let mark = cx.roots_mark();
    cx.root(buf)?;
    let ty: &'static TypeObj = if text { &STRINGIO_TYPE } else { &BYTESIO_TYPE };
    let p = alloc_stream(cx, ty, false);
    cx.roots_truncate(mark);
    let p = p?;
    crate::gc::write_barrier(cx, buf);
    // SAFETY: a fresh IoObj.
    unsafe {
        (*p).buf = buf;
        (*p).flags = fl::READ | fl::WRITE | if text { fl::TEXT } else { 0 };
    }
    Ok(Value::from_ptr(p))
}

/// Decode `open`'s mode string (CPython's rules).
fn parse_mode(m: &str) -> Option<(OpenOptions, bool)> {
    let mut o = OpenOptions::default();
    let (mut main, mut plus, mut b, mut t) = (0, false, false, false);
    for c in m.chars() {
        match c {
            'r' => {
                main += 1;
                o.read = true;
            }
            'w' => {
                main += 1;
                o.write = true;
                o.create = true;
                o.truncate = true;
            }
            'a' => {
                main += 1;
                o.write = true;
                o.append = true;
                o.create = true;
            }
            'x' => {
                main += 1;
                o.write = true;
                o.create = true;
                o.exclusive = true;
            }
            '+' if !plus => plus = true,
            'b' if !b => b = true,
            't' if !t => t = true,
            _ => return None,
        }
    }
    if main != 1 || (b && t) {
        return None;
    }
    if plus {
        o.read = true;
        o.write = true;
    }
    Some((o, !b))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn open(cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [file, mode, _buffering, encoding, _errors, _newline, _closefd, _opener] =
        crate::builtins::args::parse(
            cx,
            args,
            kw,
            [
                "file",
                "mode",
                "buffering",
                "encoding",
                "errors",
                "newline",
                "closefd",
                "opener",
            ],
            8,
        )?;
    if file.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let mode_s = if mode.is_null() {
        "r"
    } else {
        match pystr::str_of(mode) {
            Some(s) if obj::kind_of(mode) == Kind::Str => s,
            _ => {
                let tn = crate::vm::ops::alloc_free_name(cx.type_name(mode));
                return Err(cx.raise_fmt(
                    &TYPE_ERROR_TYPE,
                    format_args!("open() argument 'mode' must be str, not {tn}"),
                ));
            }
        }
    };
    let Some((how, text)) = parse_mode(mode_s) else {
        let m = crate::vm::ops::alloc_free_name(mode_s);
        return Err(cx.raise_fmt(&VALUE_ERROR_TYPE, format_args!("invalid mode: '{m}'")));
    };
    if !text && !encoding.is_null() && !encoding.is_none() {
        return Err(cx.value_error("binary mode doesn't take an encoding argument"));
    }
    let path = super::os::path_arg(cx, file)?;
    let p = alloc_stream(cx, if text { &TEXTIO_TYPE } else { &FILEIO_TYPE }, true)?;
    let v = Value::from_ptr(p);
    let mark = cx.roots_mark();
    cx.root(v)?;
    let r = cx
        .hal()
        .open(core::str::from_utf8(&path.buf).unwrap_or(""), how);
    cx.roots_truncate(mark);
    let fd = match r {
        Ok(fd) => fd,
        Err(e) => {
            // SAFETY: the object is live (just rooted); mark it closed so that its finaliser
            // does nothing.
            unsafe { (*p).flags = fl::FILE | fl::CLOSED };
            return Err(port_err(cx, e));
        }
    };
    let mut f = fl::FILE;
    if how.read {
        f |= fl::READ;
    }
    if how.write {
        f |= fl::WRITE;
    }
    if how.append {
        f |= fl::APPEND;
    }
    if text {
        f |= fl::TEXT;
    }
    let hal = cx.hal;
    // SAFETY: a live IoObj.
    unsafe {
        (*p).fd = fd;
        (*p).hal = Some(hal);
        (*p).flags = f;
    }
    Ok(v)
}

/// For `iter()`: a stream is its own iterator.
pub(crate) fn is_iterable_stream(v: Value) -> bool {
    obj::is::<IoObj>(v) || crate::modules::sys::console_stream_value(v)
}

/// The next line of a stream (for `for line in f`), `None` at the end.
pub(crate) fn next_line(cx: &mut Cx, v: Value) -> PyResult<Option<Value>> {
    let l = if obj::is::<IoObj>(v) {
        readline_value(cx, v, None)?
    } else {
        crate::modules::sys::console_readline(cx)?
    };
    Ok(if pystr::bytes_of(l).is_none_or(|b| b.is_empty()) {
        None
    } else {
        Some(l)
    })
}

fn io_open(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    open(cx, a, k)
}

native_fn!(IO_OPEN, q::open, 1, 8, true, io_open);

/// The `io` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::io,
    items: &[
        (&q::open, Item::Obj(&IO_OPEN.header)),
        (&q::StringIO, Item::Obj(&STRINGIO_TYPE.header)),
        (&q::BytesIO, Item::Obj(&BYTESIO_TYPE.header)),
        (&q::TextIOWrapper, Item::Obj(&TEXTIO_TYPE.header)),
        (&q::FileIO, Item::Obj(&FILEIO_TYPE.header)),
        (&q::SEEK_SET, Item::Int(0)),
        (&q::SEEK_CUR, Item::Int(1)),
        (&q::SEEK_END, Item::Int(2)),
    ],
    init: None,
};
