//! Exception attributes and printing (`str`, `repr`) in MicroPython's style.

use crate::obj::exception::exc_of;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, tuple, Attr};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

fn args_of(v: Value) -> &'static [Value] {
    exc_of(v)
        .and_then(|e| tuple::items_of(e.args))
        .unwrap_or(&[])
}

/// Errno names for `OSError` messages (micropython flavour) and readable text
/// (circuitpython flavour, FLAVOURS.md row 35).
pub fn errno_name(n: isize) -> Option<(&'static str, &'static str)> {
    Some(match n {
        1 => ("EPERM", "Operation not permitted"),
        2 => ("ENOENT", "No such file/directory"),
        5 => ("EIO", "Input/output error"),
        9 => ("EBADF", "EBADF"),
        11 => ("EAGAIN", "EAGAIN"),
        12 => ("ENOMEM", "ENOMEM"),
        13 => ("EACCES", "Permission denied"),
        17 => ("EEXIST", "File exists"),
        19 => ("ENODEV", "No such device"),
        20 => ("ENOTDIR", "ENOTDIR"),
        21 => ("EISDIR", "EISDIR"),
        22 => ("EINVAL", "Invalid argument"),
        28 => ("ENOSPC", "No space left on device"),
        30 => ("EROFS", "Read-only filesystem"),
        95 => ("EOPNOTSUPP", "EOPNOTSUPP"),
        110 => ("ETIMEDOUT", "ETIMEDOUT"),
        _ => return None,
    })
}

/// `str(exc)`.
pub fn write_exc_str(cx: &mut Cx, b: &mut StrBuilder, v: Value) -> PyResult<()> {
    let args = args_of(v);
    if obj::isinstance(v, &OS_ERROR_TYPE) {
        if let Some(n) = args.first().and_then(|a| a.as_small_int()) {
            if let Some((name, text)) = errno_name(n) {
                let shown = if crate::flavour::CIRCUITPYTHON {
                    text
                } else {
                    name
                };
                let _ = core::fmt::Write::write_fmt(b, format_args!("[Errno {n}] {shown}"));
                if let Some(&m) = args.get(1) {
                    b.push_str(": ");
                    super::repr::write_str(cx, b, m)?;
                }
                return Ok(());
            }
        }
    }
    match args.len() {
        0 => Ok(()),
        1 => {
            let a = args[0];
            super::repr::write_str(cx, b, a)
        }
        _ => {
            let t = exc_of(v).map_or(Value::NONE, |e| e.args);
            super::repr::write_tuple_repr(cx, b, t, 0)
        }
    }
}

/// `repr(exc)`: `Name('x',)` with MicroPython's trailing comma.
pub fn write_exc_repr(cx: &mut Cx, b: &mut StrBuilder, v: Value, depth: u32) -> PyResult<()> {
    // SAFETY: live type.
    b.push(unsafe { &*obj::type_of(v) }.name_bytes());
    let t = exc_of(v).map_or(Value::NONE, |e| e.args);
    if args_of(v).is_empty() {
        b.push_str("()");
        return Ok(());
    }
    super::repr::write_tuple_repr(cx, b, t, depth)
}

/// Computed exception attributes.
pub fn exc_attr(cx: &mut Cx, v: Value, name: &[u8]) -> PyResult<Option<Value>> {
    let Some(e) = exc_of(v) else { return Ok(None) };
    Ok(Some(match name {
        b"args" => e.args,
        b"value" => {
            if crate::flavour::CIRCUITPYTHON && !obj::isinstance(v, &STOP_ITERATION_TYPE) {
                return Ok(None);
            }
            args_of(v).first().copied().unwrap_or(Value::NONE)
        }
        b"errno" if obj::isinstance(v, &OS_ERROR_TYPE) => {
            args_of(v).first().copied().unwrap_or(Value::NONE)
        }
        b"strerror" if crate::flavour::CIRCUITPYTHON && obj::isinstance(v, &OS_ERROR_TYPE) => {
            args_of(v).get(1).copied().unwrap_or(Value::NONE)
        }
        b"code" if obj::isinstance(v, &SYSTEM_EXIT_TYPE) => {
            args_of(v).first().copied().unwrap_or(Value::NONE)
        }
        b"__cause__" if crate::flavour::CIRCUITPYTHON => {
            if e.cause.is_null() {
                Value::NONE
            } else {
                e.cause
            }
        }
        b"__context__" if crate::flavour::CIRCUITPYTHON => {
            if e.context.is_null() {
                Value::NONE
            } else {
                e.context
            }
        }
        b"__suppress_context__" if crate::flavour::CIRCUITPYTHON => Value::bool(e.suppress_context),
        b"__traceback__" if crate::flavour::CIRCUITPYTHON => Value::NONE,
        _ => {
            let _ = cx;
            return Ok(None);
        }
    }))
}

/// `BaseException`'s attributes (all computed; see `exc_attr`).
pub const ATTRS: &[Attr] = &[];
