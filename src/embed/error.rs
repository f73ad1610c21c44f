//! Errors of the embedding API: Python exceptions that reached the host, a paused run, and
//! exceptions native code asks to raise.

use core::fmt;

use super::handle::Handle;
use crate::obj::types::*;
use crate::obj::{self, TypeObj};
use crate::vm::{Cx, Raised};

/// Why a call into the interpreter did not return a value.
#[derive(Debug)]
pub enum Error {
    /// A Python exception was raised and not caught (`SystemExit` included).
    Exception(Exception),
    /// The fuel budget ran out and the run is paused: add fuel with
    /// [`Interpreter::set_fuel`](crate::Interpreter::set_fuel) and continue it with
    /// [`Interpreter::resume`](crate::Interpreter::resume), or drop it with
    /// [`Interpreter::abandon`](crate::Interpreter::abandon).
    OutOfFuel,
}

impl Error {
    /// The exception, if this is one.
    pub fn exception(&self) -> Option<&Exception> {
        match self {
            Error::Exception(e) => Some(e),
            Error::OutOfFuel => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Exception(e) => fmt::Display::fmt(e, f),
            Error::OutOfFuel => f.write_str("out of fuel (run paused)"),
        }
    }
}

impl core::error::Error for Error {}

/// Bytes of "Type: message" an [`Exception`] keeps for `Display` without the interpreter.
const SUMMARY: usize = 88;

/// A Python exception that reached the host.
///
/// It keeps the exception object alive through a [`Handle`] (use it with
/// [`Interpreter::write_traceback`](crate::Interpreter::write_traceback),
/// [`Interpreter::print_exception`](crate::Interpreter::print_exception) or
/// [`Exception::matches`]), and a short text summary (`"ValueError: bad pin"`, cut at 88
/// bytes) for `Display` and [`type_name`](Exception::type_name)/[`message`](Exception::message)
/// without the interpreter.
pub struct Exception {
    handle: Option<Handle>,
    /// The nearest builtin exception type (for checks without the interpreter).
    builtin: &'static TypeObj,
    summary: [u8; SUMMARY],
    len: u8,
    name_len: u8,
}

impl Exception {
    /// Take the pending exception of `cx` (after a `Raised`).
    pub(crate) fn take(cx: &mut Cx) -> Exception {
        let exc = cx.take_pending();
        let mark = cx.roots_mark();
        let _ = cx.root(exc);
        let mut e = Exception {
            handle: None,
            builtin: builtin_of(exc),
            summary: [0; SUMMARY],
            len: 0,
            name_len: 0,
        };
        // SAFETY: a live value's type is live.
        let name = unsafe { &*obj::type_of(exc) }.name_bytes();
        e.push(name);
        e.name_len = e.len;
        let mut b = crate::obj::str::StrBuilder::new(cx);
        if crate::obj::methods::repr::write_str(cx, &mut b, exc).is_err() {
            cx.take_pending();
        } else if !b.buf.is_empty() {
            e.push(b": ");
            e.push(&b.buf);
        }
        drop(b);
        e.handle = cx.handle(exc).ok();
        if e.handle.is_none() {
            cx.take_pending();
        }
        cx.roots_truncate(mark);
        e
    }

    fn push(&mut self, s: &[u8]) {
        for &c in s {
            let i = self.len as usize;
            if i >= SUMMARY {
                break;
            }
            self.summary[i] = c;
            self.len += 1;
        }
        // Never end inside a UTF-8 sequence.
        while core::str::from_utf8(&self.summary[..self.len as usize]).is_err() {
            self.len -= 1;
        }
    }

    /// The exception's class name (`"ValueError"`).
    pub fn type_name(&self) -> &str {
        core::str::from_utf8(&self.summary[..self.name_len as usize]).unwrap_or("?")
    }

    /// The message (`str(exc)`, possibly cut short); empty when there is none.
    pub fn message(&self) -> &str {
        let s = core::str::from_utf8(&self.summary[..self.len as usize]).unwrap_or("");
        s.get(self.name_len as usize..)
            .map_or("", |m| m.strip_prefix(": ").unwrap_or(m))
    }

    /// Whether the exception is an instance of `ty` (a builtin exception type such as
    /// `pyrite::exceptions::VALUE_ERROR`). Classes defined in Python are checked through
    /// their nearest builtin base.
    pub fn matches(&self, ty: &'static TypeObj) -> bool {
        obj::is_subtype(self.builtin, ty)
    }

    /// The exception object (`None` when there was no memory left for a handle).
    pub fn handle(&self) -> Option<&Handle> {
        self.handle.as_ref()
    }
}

fn builtin_of(exc: crate::value::Value) -> &'static TypeObj {
    // SAFETY: a live value's type is live; every type's native base is a static type.
    unsafe {
        let nb = (*obj::type_of(exc)).native_base;
        if nb.is_null() {
            &BASE_EXCEPTION_TYPE
        } else {
            &*nb
        }
    }
}

impl fmt::Display for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(core::str::from_utf8(&self.summary[..self.len as usize]).unwrap_or("?"))
    }
}

impl fmt::Debug for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Exception({self})")
    }
}

impl core::error::Error for Exception {}

/// Bytes of message a [`PyErr`] holds.
const PYERR_MSG: usize = 96;

/// An exception for native code to raise, made without the interpreter: return
/// `Err(PyErr::value_error("bad pin"))` from a typed native function.
#[derive(Clone)]
pub struct PyErr {
    ty: &'static TypeObj,
    msg: [u8; PYERR_MSG],
    len: u8,
}

impl PyErr {
    /// An exception of type `ty` with `msg` (cut at 96 bytes).
    pub fn new(ty: &'static TypeObj, msg: &str) -> PyErr {
        let mut n = msg.len().min(PYERR_MSG);
        while !msg.is_char_boundary(n) {
            n -= 1;
        }
        let mut e = PyErr {
            ty,
            msg: [0; PYERR_MSG],
            len: n as u8,
        };
        e.msg[..n].copy_from_slice(&msg.as_bytes()[..n]);
        e
    }

    /// `ValueError(msg)`.
    pub fn value_error(msg: &str) -> PyErr {
        PyErr::new(&VALUE_ERROR_TYPE, msg)
    }

    /// `TypeError(msg)`.
    pub fn type_error(msg: &str) -> PyErr {
        PyErr::new(&TYPE_ERROR_TYPE, msg)
    }

    /// `RuntimeError(msg)`.
    pub fn runtime_error(msg: &str) -> PyErr {
        PyErr::new(&RUNTIME_ERROR_TYPE, msg)
    }

    /// `OSError(msg)`.
    pub fn os_error(msg: &str) -> PyErr {
        PyErr::new(&OS_ERROR_TYPE, msg)
    }

    /// Raise it in `cx`.
    pub fn raise(&self, cx: &mut Cx) -> Raised {
        let msg = core::str::from_utf8(&self.msg[..self.len as usize]).unwrap_or("");
        cx.raise_msg(self.ty, msg)
    }
}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let msg = core::str::from_utf8(&self.msg[..self.len as usize]).unwrap_or("");
        let name = core::str::from_utf8(self.ty.name_bytes()).unwrap_or("?");
        write!(f, "{name}: {msg}")
    }
}

/// A `fmt::Write` into a fixed buffer (output past its end is dropped).
pub(crate) struct FixedBuf<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl<'a> FixedBuf<'a> {
    pub(crate) fn new(buf: &'a mut [u8]) -> FixedBuf<'a> {
        FixedBuf { buf, len: 0 }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

impl fmt::Write for FixedBuf<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for &c in s.as_bytes() {
            if self.len < self.buf.len() {
                self.buf[self.len] = c;
                self.len += 1;
            }
        }
        Ok(())
    }
}
