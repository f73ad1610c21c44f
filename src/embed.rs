//! The embedding API: everything firmware needs to run Python.
//!
//! * [`Interpreter`]: one interpreter over one heap region, with a console and an optional
//!   filesystem through the port's [`Hal`](crate::Hal); `exec`, `exec_mpy`, `eval`,
//!   `import`, globals, calls with typed conversions ([`FromPython`], [`IntoPython`]);
//!   errors are [`Error`] values carrying the Python exception ([`Exception`]).
//! * [`Handle`]: a Python value the host keeps alive across calls.
//! * [`Interpreter::define_module`]: native modules, functions ([`NativeFunction`]) and
//!   classes ([`ClassBuilder`]) written in Rust, closures included.
//! * Fuel ([`Interpreter::set_fuel`], [`poll`]) and interrupts ([`Signal`]).
//! * Frozen modules ([`FrozenModule`], [`frozen_modules!`](crate::frozen_modules)).
//!
//! The traceback printer (`write_exception`) lives here too.

pub mod convert;
pub mod error;
pub mod frozen;
pub mod function;
pub mod handle;
pub(crate) mod host;
pub mod interp;
pub mod module;
pub mod native;
pub mod poll;
pub mod signal;

pub use convert::{Bytes, Dict, FromPython, IntoArgs, IntoPython};
pub use error::{Error, Exception, PyErr};
pub use frozen::FrozenModule;
pub use function::{IntoNative, IntoPyResult, NativeFunction, NativeInit, NativeMethod};
pub use handle::Handle;
pub use interp::{InitError, Interpreter};
pub use module::{ClassBuilder, ModuleBuilder};
pub use signal::Signal;

use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, exception, str as pystr};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// How source is compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module.
    File,
    /// One expression, whose value is the result.
    Eval,
    /// One REPL input: expression statements print their value.
    Single,
}

/// Most chained exceptions printed before the one raised (a `__context__` cycle stops there).
const MAX_CHAIN: u32 = 16;

/// Append MicroPython's traceback text for `exc`.
pub fn write_exception(cx: &mut Cx, b: &mut StrBuilder, exc: Value) -> PyResult<()> {
    write_exception_chain(cx, b, exc, 0)
}

fn write_exception_chain(cx: &mut Cx, b: &mut StrBuilder, exc: Value, depth: u32) -> PyResult<()> {
    if crate::flavour::CIRCUITPYTHON && depth < MAX_CHAIN {
        if let Some(e) = exception::exc_of(exc) {
            let (cause, context, suppress) = (e.cause, e.context, e.suppress_context);
            if !cause.is_null() && !cause.is_none() {
                write_exception_chain(cx, b, cause, depth + 1)?;
                b.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if !context.is_null() && !context.is_none() && !suppress {
                write_exception_chain(cx, b, context, depth + 1)?;
                b.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
    }
    let tb = exception::traceback_of(exc);
    if !tb.is_empty() {
        b.push_str("Traceback (most recent call last):\n");
        let n = tb.len() / 3;
        for k in (0..n).rev() {
            let tb = exception::traceback_of(exc);
            let (file, line, name) = (tb[3 * k], tb[3 * k + 1], tb[3 * k + 2]);
            b.push_str("  File \"");
            b.push(pystr::bytes_of(file).unwrap_or(b"?"));
            let _ = core::fmt::Write::write_fmt(
                b,
                format_args!("\", line {}", line.as_small_int().unwrap_or(0)),
            );
            if !name.is_null() {
                b.push_str(", in ");
                b.push(pystr::bytes_of(name).unwrap_or(b"?"));
            }
            b.push_byte(b'\n');
        }
    }
    // SAFETY: live type.
    b.push(unsafe { &*obj::type_of(exc) }.name_bytes());
    b.push_str(": ");
    crate::obj::methods::repr::write_str(cx, b, exc)?;
    b.push_byte(b'\n');
    Ok(())
}

/// `sys.print_exception(exc, file)`.
pub fn print_exception_to(cx: &mut Cx, exc: Value, file: Value) -> PyResult<()> {
    let mut b = StrBuilder::new(cx);
    write_exception(cx, &mut b, exc)?;
    if b.failed {
        return Err(cx.raise_memory_error(b.buf.len()));
    }
    crate::builtins::core::write_to(cx, file, &b.buf)
}

/// Compile source to a code object (needs the `compiler` feature).
#[cfg(feature = "compiler")]
pub(crate) fn compile_source(
    cx: &mut Cx,
    src: &[u8],
    filename: &str,
    mode: Mode,
) -> PyResult<Value> {
    use crate::compile::{self, CompileOptions, ErrorKind};
    let opts = CompileOptions {
        circuitpython: crate::flavour::CIRCUITPYTHON,
        ..CompileOptions::default()
    };
    let cmode = match mode {
        Mode::File => compile::Mode::File,
        Mode::Eval => compile::Mode::Eval,
        Mode::Single => compile::Mode::Single,
    };
    let mut r = compile::compile(src, filename, cmode, &opts, cx.temp_alloc());
    if matches!(&r, Err(e) if e.kind == ErrorKind::MemoryError) {
        cx.collect();
        r = compile::compile(src, filename, cmode, &opts, cx.temp_alloc());
    }
    match r {
        Ok(image) => crate::bytecode::loader::load_mpy(cx, &image, true),
        Err(e) => {
            let ty: &'static obj::TypeObj = match e.kind {
                ErrorKind::SyntaxError => &SYNTAX_ERROR_TYPE,
                ErrorKind::IndentationError => &INDENTATION_ERROR_TYPE,
                ErrorKind::MemoryError => return Err(cx.raise_memory_error(src.len())),
                ErrorKind::RuntimeError => &RUNTIME_ERROR_TYPE,
                ErrorKind::NotImplementedError => &NOT_IMPLEMENTED_ERROR_TYPE,
            };
            let exc = cx.new_exception_msg(ty, e.msg())?;
            let mark = cx.roots_mark();
            cx.root(exc)?;
            if e.kind != ErrorKind::NotImplementedError {
                let file = pystr::new_from(cx, filename)?;
                cx.root(file)?;
                let scope = match &e.scope {
                    Some(s) => pystr::new_from(cx, s.as_str())?,
                    None => Value::NULL,
                };
                exception::add_traceback(cx, exc, file, e.line as usize, scope);
            }
            cx.roots_truncate(mark);
            Err(cx.raise(exc))
        }
    }
}

/// Without the compiler, only `.mpy` runs.
#[cfg(not(feature = "compiler"))]
pub(crate) fn compile_source(
    cx: &mut Cx,
    _src: &[u8],
    _filename: &str,
    _mode: Mode,
) -> PyResult<Value> {
    Err(cx.raise_msg(&RUNTIME_ERROR_TYPE, "compiler not included in this build"))
}

/// Read a file through the port and make its code object (`.mpy` loaded, `.py` compiled).
pub(crate) fn load_path(cx: &mut Cx, path: &str) -> PyResult<Value> {
    let Some(size) = cx.hal().file_size(path) else {
        return Err(cx.raise_with_arg(&OS_ERROR_TYPE, Value::small_int_unchecked(2)));
    };
    let mut buf = allocator_api2::vec::Vec::new_in(cx.temp_alloc());
    if buf.try_reserve(size).is_err() {
        cx.collect();
        if buf.try_reserve(size).is_err() {
            return Err(cx.raise_memory_error(size));
        }
    }
    buf.resize(size, 0u8);
    let Some(n) = cx.hal().read_file(path, &mut buf) else {
        return Err(cx.raise_with_arg(&OS_ERROR_TYPE, Value::small_int_unchecked(5)));
    };
    buf.truncate(n);
    if path.ends_with(".mpy") {
        crate::bytecode::loader::load_mpy(cx, &buf, false)
    } else {
        compile_source(cx, &buf, path, Mode::File)
    }
}
