//! `sys`: argv, path, modules, implementation, version, exit, stdio, `exc_info`, and in the
//! micropython flavour `print_exception` and `atexit` (FLAVOURS.md rows 27 and 30; the
//! circuitpython flavour has the `traceback` module instead).

use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::types::*;
use crate::obj::{self, dict, list, module, str as pystr, tuple, Attr, Kind, ObjHeader, TypeObj};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

fn exit(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    match a.first() {
        Some(&v) => Err(cx.raise_with_arg(&SYSTEM_EXIT_TYPE, v)),
        None => Err(cx.raise_empty(&SYSTEM_EXIT_TYPE)),
    }
}

#[cfg(not(feature = "circuitpython"))]
fn print_exception(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let file = a.get(1).copied().unwrap_or(Value::NULL);
    crate::embed::print_exception_to(cx, a[0], file)?;
    Ok(Value::NONE)
}

/// The exception being handled by the innermost `except`/`finally` of the running frames,
/// or NULL.
pub(crate) fn handled_exception(cx: &mut Cx) -> Value {
    let mut f = cx.frames.cur;
    while !f.is_null() {
        // SAFETY: f is a live frame of the chain; its records follow its state slots and
        // `exc_sp` of them are in use.
        unsafe {
            let recs = (*f).records();
            for k in (0..(*f).exc_sp as usize).rev() {
                let pe = (*recs.add(k)).prev_exc;
                if !pe.is_null() {
                    return pe;
                }
            }
            f = (*f).prev;
        }
    }
    Value::NULL
}

/// `sys.exc_info()`: `(type, value, None)` of the exception being handled (MicroPython has
/// no traceback objects), or `(None, None, None)`.
fn exc_info(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let e = handled_exception(cx);
    if e.is_null() {
        return tuple::new(cx, &[Value::NONE, Value::NONE, Value::NONE]);
    }
    let t = Value::from_ptr(obj::type_of(e));
    tuple::new(cx, &[t, e, Value::NONE])
}

/// `sys.atexit(func)` (bound to a one-item list holding the function): set the function to
/// call when the program ends, returning the previous one.
fn atexit(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = a[1];
    if !f.is_none() && !crate::builtins::core::is_callable(cx, f) {
        return Err(cx.type_error("callable expected"));
    }
    let prev = list::items_of(a[0])
        .and_then(|s| s.first().copied())
        .unwrap_or(Value::NONE);
    crate::gc::write_barrier(cx, f);
    if let Some(l) = obj::get_mut::<list::ListObj>(cx, a[0]) {
        if let Some(slot) = l.items_mut().first_mut() {
            *slot = f;
        }
    }
    Ok(prev)
}

/// Run the function given to `sys.atexit` (the ports call this when a program ends). An
/// exception it raises is printed like an uncaught one.
pub fn run_atexit(cx: &mut Cx) {
    #[cfg(feature = "circuitpython")]
    super::atexit::run(cx);
    if crate::flavour::CIRCUITPYTHON {
        return;
    }
    let Some(b) = dict::get_str(cx.sys_dict, q::atexit.value()) else {
        return;
    };
    let Some(bm) = obj::get::<obj::func::BoundMethodObj>(cx, b) else {
        return;
    };
    if bm.func != Value::from_static(&SYS_ATEXIT) {
        return;
    }
    let f = list::items_of(bm.self_)
        .and_then(|s| s.first().copied())
        .unwrap_or(Value::NONE);
    if f.is_none() {
        return;
    }
    if cx.call(f, &[], &[]).is_err() {
        let e = cx.take_pending();
        let mark = cx.roots_mark();
        if cx.root(e).is_ok() {
            let _ = crate::embed::print_exception_to(cx, e, Value::NULL);
        }
        cx.roots_truncate(mark);
    }
}

native_fn!(SYS_EXC_INFO, q::exc_info, 0, 0, false, exc_info);
native_fn!(SYS_ATEXIT, q::atexit, 2, 2, false, atexit);
native_fn!(SYS_EXIT, q::exit, 0, 1, false, exit);
#[cfg(not(feature = "circuitpython"))]
native_fn!(
    SYS_PRINT_EXCEPTION,
    q::print_exception,
    1,
    2,
    false,
    print_exception
);

/// The console stream objects (`sys.stdout` and friends).
#[repr(C)]
pub struct StreamObj {
    /// `TextIOWrapper`.
    pub header: ObjHeader,
    /// 0 stdin, 1 stdout, 2 stderr.
    pub fd: usize,
}

fn stream_write(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let fd = console_stream(cx, a[0]).unwrap_or(1);
    let b = match pystr::bytes_of(a[1]) {
        Some(b) => b,
        None => crate::obj::methods::bytes::buffer_bytes(cx, a[1])?,
    };
    let n = if obj::is::<pystr::StrObj>(a[1]) {
        pystr::char_count(b)
    } else {
        b.len()
    };
    let (p, len) = (b.as_ptr(), b.len());
    // SAFETY: the argument is on the caller's stack; no allocation in between.
    let b = unsafe { core::slice::from_raw_parts(p, len) };
    if fd == 2 {
        cx.hal().write_err(b);
    } else {
        cx.hal().write_out(b);
    }
    crate::obj::int::from_i64(cx, n as i64)
}

fn stream_flush(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn stream_readline(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    console_readline(cx)
}

/// One line of standard input with its newline (`""` at the end of input).
pub(crate) fn console_readline(cx: &mut Cx) -> PyResult<Value> {
    let mut line = crate::obj::str::StrBuilder::new(cx);
    if cx.hal().read_line(&mut |b| line.push(b)).is_some() {
        line.push_byte(b'\n');
    }
    line.finish(cx)
}

/// `sys.stdin.read(n=-1)`: up to `n` characters of standard input, or all of it.
fn stream_read(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = match a.get(1) {
        Some(&v) if !v.is_none() => usize::try_from(crate::vm::seq::int_arg(cx, v)?).ok(),
        _ => None,
    };
    let mut b = crate::obj::str::StrBuilder::new(cx);
    let mut chars = 0;
    let mut chunk = [0u8; 256];
    loop {
        let want = match n {
            Some(n) if chars >= n => {
                // Complete a character whose first byte was read.
                if core::str::from_utf8(&b.buf).is_ok() {
                    break;
                }
                1
            }
            Some(n) => (n - chars).min(chunk.len()),
            None => chunk.len(),
        };
        let got = cx.hal().read_stdin(&mut chunk[..want]);
        if got == 0 {
            break;
        }
        chars += chunk[..got].iter().filter(|&&c| c & 0xc0 != 0x80).count();
        b.push(&chunk[..got]);
        if b.failed {
            return Err(cx.raise_memory_error(b.buf.len()));
        }
    }
    if core::str::from_utf8(&b.buf).is_err() {
        return Err(cx.raise_msg(&UNICODE_ERROR_TYPE, "invalid utf-8"));
    }
    b.finish(cx)
}

fn stream_readlines(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let out = list::with_capacity(cx, 0)?;
    let mark = cx.roots_mark();
    cx.root(out)?;
    let per_line = cx.roots_mark();
    loop {
        let l = console_readline(cx)?;
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

/// Whether `v` is `sys.stdin` (iterable line by line).
pub(crate) fn console_stream_value(v: Value) -> bool {
    v.is_ptr() && core::ptr::eq(v.raw() as *const StreamObj, &STDIN)
}

native_fn!(STREAM_WRITE, q::write, 2, 2, false, stream_write);
native_fn!(STREAM_FLUSH, q::flush, 1, 1, false, stream_flush);
native_fn!(STREAM_READLINE, q::readline, 1, 2, false, stream_readline);
native_fn!(STREAM_READ, q::read, 1, 2, false, stream_read);
native_fn!(
    STREAM_READLINES,
    q::readlines,
    1,
    1,
    false,
    stream_readlines
);

const STREAM_ATTRS: &[Attr] = &[
    crate::method!(q::write, STREAM_WRITE),
    crate::method!(q::flush, STREAM_FLUSH),
    crate::method!(q::readline, STREAM_READLINE),
    crate::method!(q::read, STREAM_READ),
    crate::method!(q::readlines, STREAM_READLINES),
];

/// The type of the console streams.
pub static STREAM_TYPE: TypeObj = TypeObj {
    header: ObjHeader::new(&TYPE_TYPE),
    kind: Kind::Object,
    flags: 0,
    name: &q::TextIOWrapper,
    base: &OBJECT_TYPE,
    attrs: STREAM_ATTRS,
    dict: Value::NULL,
    bases: Value::NULL,
    mro: Value::NULL,
    native_base: &STREAM_TYPE,
};

static STDIN: StreamObj = StreamObj {
    header: ObjHeader::new(&STREAM_TYPE),
    fd: 0,
};
static STDOUT: StreamObj = StreamObj {
    header: ObjHeader::new(&STREAM_TYPE),
    fd: 1,
};
static STDERR: StreamObj = StreamObj {
    header: ObjHeader::new(&STREAM_TYPE),
    fd: 2,
};

/// If `v` is one of the console streams, its fd.
pub fn console_stream(_cx: &Cx, v: Value) -> Option<usize> {
    if v.is_ptr() && core::ptr::eq(obj::type_of(v), &STREAM_TYPE) {
        // SAFETY: the type says it is a StreamObj.
        Some(unsafe { (*(v.raw() as *const StreamObj)).fd })
    } else {
        None
    }
}

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    let d = module::dict_of(m).unwrap_or(Value::NULL);
    let mark = cx.roots_mark();
    let argv = list::with_capacity(cx, 0)?;
    dict::set_static(cx, d, &q::argv, argv)?;
    let path = list::with_capacity(cx, 4)?;
    dict::set_static(cx, d, &q::path, path)?;
    dict::set_static(cx, d, &q::modules, cx.modules)?;
    // The port's system name ("linux" on unix, the board's elsewhere), as in MicroPython.
    let name = cx.hal().system_name();
    let platform = crate::obj::str_intern::intern(cx, name.as_bytes())?;
    dict::set_static(cx, d, &q::platform, platform)?;
    // The largest machine word (2**63 - 1 on 64-bit targets): a big int, as in MicroPython's
    // unix port and CPython.
    let maxsize = crate::obj::int::from_i64(cx, isize::MAX as i64)?;
    dict::set_static(cx, d, &q::maxsize, maxsize)?;
    let (ma, mi, pa) = crate::flavour::VERSION;
    let vt = tuple::new(
        cx,
        &[
            Value::small_int_unchecked(3),
            Value::small_int_unchecked(4),
            Value::small_int_unchecked(0),
        ],
    )?;
    dict::set_static(cx, d, &q::version_info, vt)?;
    let mut b = crate::obj::str::StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(
        &mut b,
        format_args!(
            "3.4.0; {} v{ma}.{mi}.{pa} (pyrite {})",
            crate::flavour::PRODUCT,
            env!("CARGO_PKG_VERSION")
        ),
    );
    let ver = b.finish(cx)?;
    dict::set_static(cx, d, &q::version, ver)?;
    // sys.implementation
    let imp = module::new(cx, q::implementation.value())?;
    cx.root(imp)?;
    let id = module::dict_of(imp).unwrap_or(Value::NULL);
    let name = pystr::new_from(cx, crate::flavour::IMPL_NAME)?;
    dict::set_static(cx, id, &q::name, name)?;
    let vt = tuple::new(
        cx,
        &[
            Value::small_int_unchecked(ma as isize),
            Value::small_int_unchecked(mi as isize),
            Value::small_int_unchecked(pa as isize),
            q::EMPTY.value(),
        ],
    )?;
    dict::set_static(cx, id, &q::version, vt)?;
    dict::set_static(cx, id, &q::_mpy, Value::small_int_unchecked(0x306))?;
    let build = pystr::new_from(cx, "pyrite")?;
    dict::set_static(cx, id, &q::_build, build)?;
    dict::set_static(cx, d, &q::implementation, imp)?;
    if !crate::flavour::CIRCUITPYTHON {
        let slot = list::new(cx, &[Value::NONE])?;
        cx.root(slot)?;
        super::native::bind(cx, m, slot, &[(&q::atexit, &SYS_ATEXIT)])?;
    }
    cx.roots_truncate(mark);
    Ok(())
}

/// The `sys` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::sys,
    items: &[
        (&q::exit, Item::Obj(&SYS_EXIT.header)),
        (&q::exc_info, Item::Obj(&SYS_EXC_INFO.header)),
        #[cfg(not(feature = "circuitpython"))]
        (&q::print_exception, Item::Obj(&SYS_PRINT_EXCEPTION.header)),
        (&q::stdin, Item::Obj(&STDIN.header)),
        (&q::stdout, Item::Obj(&STDOUT.header)),
        (&q::stderr, Item::Obj(&STDERR.header)),
        (&q::byteorder, Item::Obj(&q::little.header)),
    ],
    init: Some(init),
};
