//! Raising exceptions from Rust.

use super::{Cx, Raised};
use crate::obj::types::*;
use crate::obj::{exception, str as pystr, tuple, TypeObj};
use crate::value::Value;

impl Cx {
    /// Raise `exc` (an exception instance).
    #[inline]
    pub fn raise(&mut self, exc: Value) -> Raised {
        self.exc = exc;
        Raised
    }

    /// The pending exception (valid after a `Raised`).
    #[inline]
    pub fn pending(&self) -> Value {
        self.exc
    }

    /// Take the pending exception.
    #[inline]
    pub fn take_pending(&mut self) -> Value {
        core::mem::replace(&mut self.exc, Value::NULL)
    }

    /// Raise a new exception of type `ty` with a message.
    pub fn raise_msg(&mut self, ty: &'static TypeObj, msg: &str) -> Raised {
        // No memory for it (a locked or full heap): build it in the emergency reserve
        // (`micropython.alloc_emergency_exception_buf`) if there is one, else the MemoryError
        // raised by the failed allocation stands.
        let locked = self.heap.is_locked();
        if locked {
            if let Some(e) = self.with_emergency(|cx| cx.new_exception_msg(ty, msg)) {
                return self.raise(e);
            }
        }
        match self.new_exception_msg(ty, msg) {
            Ok(e) => self.raise(e),
            Err(r) if !locked => match self.with_emergency(|cx| cx.new_exception_msg(ty, msg)) {
                Some(e) => self.raise(e),
                None => r,
            },
            Err(r) => r,
        }
    }

    /// Raise a new exception of type `ty` with a formatted message.
    pub fn raise_fmt(&mut self, ty: &'static TypeObj, args: core::fmt::Arguments) -> Raised {
        let mut b = pystr::StrBuilder::new(self);
        let _ = core::fmt::write(&mut b, args);
        if b.failed {
            return self.raise_memory_error(b.buf.len());
        }
        let msg = b.buf;
        // SAFETY: formatting writes UTF-8 only.
        let s = unsafe { core::str::from_utf8_unchecked(&msg) };
        self.raise_msg(ty, s)
    }

    /// Raise an exception of type `ty` with no arguments.
    pub fn raise_empty(&mut self, ty: &'static TypeObj) -> Raised {
        match exception::new(self, ty, tuple::empty()) {
            Ok(e) => self.raise(e),
            Err(r) => r,
        }
    }

    /// Raise an exception of type `ty` with one argument value.
    pub fn raise_with_arg(&mut self, ty: &'static TypeObj, arg: Value) -> Raised {
        let mark = self.roots_mark();
        if self.root(arg).is_err() {
            return Raised;
        }
        let r = tuple::new(self, &[arg]).and_then(|t| exception::new(self, ty, t));
        self.roots_truncate(mark);
        match r {
            Ok(e) => self.raise(e),
            Err(r) => r,
        }
    }

    /// A new exception object of type `ty` whose args are `(msg,)`.
    pub fn new_exception_msg(&mut self, ty: &'static TypeObj, msg: &str) -> Result<Value, Raised> {
        let s = pystr::new_from(self, msg)?;
        let mark = self.roots_mark();
        self.root(s)?;
        let t = tuple::new(self, &[s]);
        let r = t.and_then(|t| exception::new(self, ty, t));
        self.roots_truncate(mark);
        r
    }

    /// Raise `MemoryError` for a failed request of `size` bytes. Never fails: when there is no
    /// memory for a new exception, the preallocated one is raised.
    pub fn raise_memory_error(&mut self, size: usize) -> Raised {
        let locked = self.heap.is_locked();
        if !locked && !self.in_gc {
            let mut buf = [0u8; 64];
            let msg = fmt_alloc_msg(&mut buf, size);
            // Without collecting (the failed allocation just did) and without recursing: a
            // nested failure lands below, on the preallocated instance.
            self.in_gc = true;
            let r = self.new_exception_msg(&MEMORY_ERROR_TYPE, msg);
            self.in_gc = false;
            if let Ok(e) = r {
                return self.raise(e);
            }
        }
        if locked && !self.in_gc {
            let msg = "memory allocation failed, heap is locked";
            if let Some(e) = self.with_emergency(|cx| cx.new_exception_msg(&MEMORY_ERROR_TYPE, msg))
            {
                return self.raise(e);
            }
        }
        let e = self.memory_error;
        exception::clear_traceback(e);
        self.raise(e)
    }

    /// `TypeError(msg)`.
    pub fn type_error(&mut self, msg: &str) -> Raised {
        self.raise_msg(&TYPE_ERROR_TYPE, msg)
    }

    /// `ValueError(msg)`.
    pub fn value_error(&mut self, msg: &str) -> Raised {
        self.raise_msg(&VALUE_ERROR_TYPE, msg)
    }

    /// `IndexError(msg)`.
    pub fn index_error(&mut self, msg: &str) -> Raised {
        self.raise_msg(&INDEX_ERROR_TYPE, msg)
    }

    /// `RuntimeError(msg)`.
    pub fn runtime_error(&mut self, msg: &str) -> Raised {
        self.raise_msg(&RUNTIME_ERROR_TYPE, msg)
    }

    /// `OverflowError(msg)`.
    pub fn overflow_error(&mut self, msg: &str) -> Raised {
        self.raise_msg(&OVERFLOW_ERROR_TYPE, msg)
    }

    /// `ZeroDivisionError` with the flavour's wording.
    pub fn zero_division(&mut self) -> Raised {
        self.raise_msg(
            &ZERO_DIVISION_ERROR_TYPE,
            crate::flavour::msg::DIVIDE_BY_ZERO,
        )
    }

    /// `RuntimeError: maximum recursion depth exceeded`.
    pub fn recursion_error(&mut self) -> Raised {
        self.raise_msg(&RUNTIME_ERROR_TYPE, "maximum recursion depth exceeded")
    }

    /// `TypeError: unsupported types for __op__: 'a', 'b'`.
    pub fn unsupported_binop(&mut self, op: &str, a: Value, b: Value) -> Raised {
        let ta = crate::obj::type_of(a);
        let tb = crate::obj::type_of(b);
        // SAFETY: types of live values are live.
        let (na, nb) = unsafe { ((*ta).name_bytes(), (*tb).name_bytes()) };
        let (na, nb) = (as_str(na), as_str(nb));
        self.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("unsupported types for {op}: '{na}', '{nb}'"),
        )
    }

    /// `TypeError: unsupported type for __op__: 'a'`.
    pub fn unsupported_unop(&mut self, op: &str, a: Value) -> Raised {
        let ta = crate::obj::type_of(a);
        // SAFETY: types of live values are live.
        let na = as_str(unsafe { (*ta).name_bytes() });
        self.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("unsupported type for {op}: '{na}'"),
        )
    }

    /// `TypeError: '<type>' object <what>` (e.g. "isn't iterable").
    pub fn type_error_obj(&mut self, v: Value, what: &str) -> Raised {
        let t = crate::obj::type_of(v);
        // SAFETY: types of live values are live.
        let n = as_str(unsafe { (*t).name_bytes() });
        self.raise_fmt(&TYPE_ERROR_TYPE, format_args!("'{n}' object {what}"))
    }

    /// The type name of a value (for messages).
    pub fn type_name(&self, v: Value) -> &str {
        let t = crate::obj::type_of(v);
        // SAFETY: types of live values are live; the borrow of self prevents collection.
        as_str(unsafe { (*t).name_bytes() })
    }
}

/// Bytes known to be UTF-8 (names) as a str, or "?" if not.
pub(crate) fn as_str(b: &[u8]) -> &str {
    core::str::from_utf8(b).unwrap_or("?")
}

fn fmt_alloc_msg(buf: &mut [u8; 64], size: usize) -> &str {
    let prefix = b"memory allocation failed, allocating ";
    let suffix = b" bytes";
    let mut n = 0;
    buf[..prefix.len()].copy_from_slice(prefix);
    n += prefix.len();
    let mut digits = [0u8; 20];
    let mut d = 0;
    let mut s = size;
    loop {
        digits[d] = b'0' + (s % 10) as u8;
        d += 1;
        s /= 10;
        if s == 0 {
            break;
        }
    }
    for i in (0..d).rev() {
        buf[n] = digits[i];
        n += 1;
    }
    buf[n..n + suffix.len()].copy_from_slice(suffix);
    n += suffix.len();
    as_str(&buf[..n])
}
