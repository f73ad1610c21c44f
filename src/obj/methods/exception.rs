//! Exception attributes and printing (`str`, `repr`) in MicroPython's style.

use crate::native_fn;
use crate::obj::exception::exc_of;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, tuple, Attr};
use crate::qstrs::q;
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

/// CircuitPython's implicit chaining: `exc`, being raised for the first time, gets as its
/// `__context__` the exception being handled (in an `except` or `finally` block of this frame
/// or a caller's), if any.
pub(crate) fn chain_context(cx: &mut Cx, exc: Value) {
    if !crate::flavour::CIRCUITPYTHON {
        return;
    }
    match exc_of(exc) {
        Some(e) if e.context.is_null() && e.tb_len == 0 => {}
        _ => return,
    }
    let mut f = cx.frames.cur;
    let mut handled = Value::NULL;
    'frames: while !f.is_null() {
        // SAFETY: frames on the chain are live; records follow their state.
        let fr = unsafe { &mut *f };
        let recs = fr.records();
        for k in (0..fr.exc_sp as usize).rev() {
            // SAFETY: k < exc_sp <= n_exc.
            let rec = unsafe { *recs.add(k) };
            if rec.handler <= fr.op_ip && !rec.prev_exc.is_null() {
                handled = rec.prev_exc;
                break 'frames;
            }
        }
        f = fr.prev;
    }
    if handled.is_null() || handled == exc {
        return;
    }
    crate::gc::write_barrier(cx, handled);
    if let Some(e) = exc_of(exc) {
        e.context = handled;
    }
}

/// Assigning an exception's built-in attributes: `args` (any iterable, stored as a tuple) and,
/// in the circuitpython flavour, `__cause__`, `__context__`, `__suppress_context__`.
/// Returns false for other names (they go to the instance dict).
pub(crate) fn exc_setattr(cx: &mut Cx, v: Value, name: &[u8], x: Value) -> PyResult<bool> {
    if exc_of(v).is_none() {
        return Ok(false);
    }
    let cp = crate::flavour::CIRCUITPYTHON;
    match name {
        b"args" => {
            let t = if tuple::items_of(x).is_some() {
                x
            } else {
                let l = crate::vm::seq::list_from_iter(cx, x)?;
                let mark = cx.roots_mark();
                cx.root(l)?;
                let t = tuple::new(cx, crate::obj::list::items_of(l).unwrap_or(&[]));
                cx.roots_truncate(mark);
                t?
            };
            crate::gc::write_barrier(cx, t);
            if let Some(e) = exc_of(v) {
                e.args = t;
            }
        }
        b"__cause__" | b"__context__" if cp => {
            if !x.is_none() && !obj::isinstance(x, &BASE_EXCEPTION_TYPE) {
                return Err(
                    cx.type_error("exception cause must be None or derive from BaseException")
                );
            }
            crate::gc::write_barrier(cx, x);
            if let Some(e) = exc_of(v) {
                if name == b"__cause__" {
                    e.cause = x;
                    e.suppress_context = true;
                } else {
                    e.context = x;
                }
            }
        }
        b"__suppress_context__" if cp => {
            let b = crate::vm::ops::truthy(cx, x)?;
            if let Some(e) = exc_of(v) {
                e.suppress_context = b;
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// `BaseException.__init__(self, *args)`: the arguments become `args`.
fn init(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if exc_of(a[0]).is_none() {
        return Ok(Value::NONE);
    }
    let t = tuple::new(cx, &a[1..])?;
    crate::gc::write_barrier(cx, t);
    if let Some(e) = exc_of(a[0]) {
        e.args = t;
    }
    Ok(Value::NONE)
}

fn str_(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut b = StrBuilder::new(cx);
    write_exc_str(cx, &mut b, a[0])?;
    b.finish(cx)
}

fn repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut b = StrBuilder::new(cx);
    write_exc_repr(cx, &mut b, a[0], 0)?;
    b.finish(cx)
}

fn with_traceback(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(a[0])
}

native_fn!(
    EXC_INIT,
    q::__init__,
    1,
    crate::obj::func::VARARGS,
    false,
    init
);
native_fn!(EXC_STR, q::__str__, 1, 1, false, str_);
native_fn!(EXC_REPR, q::__repr__, 1, 1, false, repr);
native_fn!(EXC_WITH_TB, q::with_traceback, 2, 2, false, with_traceback);

/// `BaseException`'s attributes (the rest are computed; see `exc_attr`).
pub const ATTRS: &[Attr] = &[
    crate::method!(q::__init__, EXC_INIT),
    crate::method!(q::__str__, EXC_STR),
    crate::method!(q::__repr__, EXC_REPR),
    crate::method!(q::with_traceback, EXC_WITH_TB),
];
