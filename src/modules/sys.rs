//! `sys`: argv, path, modules, implementation, version, exit, stdio, print_exception.

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

fn print_exception(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let file = a.get(1).copied().unwrap_or(Value::NULL);
    crate::embed::print_exception_to(cx, a[0], file)?;
    Ok(Value::NONE)
}

native_fn!(SYS_EXIT, q::exit, 0, 1, false, exit);
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
    cx.roots_truncate(mark);
    Ok(())
}

/// The `sys` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::sys,
    items: &[
        (&q::exit, Item::Obj(&SYS_EXIT.header)),
        (&q::print_exception, Item::Obj(&SYS_PRINT_EXCEPTION.header)),
        (&q::stdin, Item::Obj(&STDIN.header)),
        (&q::stdout, Item::Obj(&STDOUT.header)),
        (&q::stderr, Item::Obj(&STDERR.header)),
        (&q::byteorder, Item::Obj(&q::little.header)),
        (&q::platform, Item::Obj(&q::linux.header)),
    ],
    init: Some(init),
};
