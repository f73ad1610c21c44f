//! The embedding API: create an interpreter over a heap region, run source or `.mpy`, print
//! exceptions the way MicroPython does.

use core::marker::PhantomData;
use core::ptr::NonNull;

use crate::gc::heap::Heap;
use crate::gc::Marker;
use crate::hal::Hal;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, dict, exception, list, module, str as pystr, tuple, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{frame::FrameStack, Config, Cx, PyResult, RootStack};

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

/// Why an interpreter could not be created.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InitError {
    /// The heap region is too small for the interpreter's own state.
    HeapTooSmall,
}

/// A Python interpreter with its own heap. Several can live side by side; nothing is shared.
pub struct Interpreter<'h> {
    cx: Cx,
    owned: Option<(NonNull<u8>, core::alloc::Layout)>,
    _marker: PhantomData<&'h mut ()>,
}

// SAFETY: an interpreter owns its heap region and everything in it; the Hal reference it
// holds is `'h` and exclusively borrowed; nothing is shared with other threads.
unsafe impl Send for Interpreter<'_> {}

impl<'h> Interpreter<'h> {
    /// An interpreter whose heap is `region`, printing through `hal`.
    pub fn new(
        region: &'h mut [u8],
        hal: &'h mut dyn Hal,
        config: Config,
    ) -> Result<Self, InitError> {
        // SAFETY: the region is exclusively borrowed for 'h, which the interpreter cannot
        // outlive (PhantomData<&'h mut>).
        let heap = unsafe { Heap::new(region.as_mut_ptr(), region.len()) }
            .ok_or(InitError::HeapTooSmall)?;
        Self::with_heap(heap, hal, config, None)
    }

    /// An interpreter with a heap of `size` bytes allocated once from the global allocator
    /// (the only allocation the core ever makes outside its region).
    pub fn with_heap_size(
        size: usize,
        hal: &'h mut dyn Hal,
        config: Config,
    ) -> Result<Self, InitError> {
        let layout = core::alloc::Layout::from_size_align(size.max(1024), 16)
            .map_err(|_| InitError::HeapTooSmall)?;
        // SAFETY: layout has a non-zero size.
        let p = unsafe { alloc::alloc::alloc(layout) };
        let Some(p) = NonNull::new(p) else {
            return Err(InitError::HeapTooSmall);
        };
        // SAFETY: p is a fresh allocation of layout.size() bytes owned by the interpreter
        // until drop.
        let heap = match unsafe { Heap::new(p.as_ptr(), layout.size()) } {
            Some(h) => h,
            None => {
                // SAFETY: allocated above with this layout.
                unsafe { alloc::alloc::dealloc(p.as_ptr(), layout) };
                return Err(InitError::HeapTooSmall);
            }
        };
        Self::with_heap(heap, hal, config, Some((p, layout)))
    }

    fn with_heap(
        heap: Heap,
        hal: &'h mut dyn Hal,
        config: Config,
        owned: Option<(NonNull<u8>, core::alloc::Layout)>,
    ) -> Result<Self, InitError> {
        let hal: NonNull<dyn Hal + 'h> = NonNull::from(hal);
        // SAFETY: the lifetime is erased for storage only; Interpreter<'h> keeps the borrow
        // alive and never lets the pointer escape beyond 'h.
        let hal: NonNull<dyn Hal + 'static> = unsafe { core::mem::transmute(hal) };
        let cx = Cx {
            heap,
            roots: RootStack {
                buf: core::ptr::null_mut(),
                len: 0,
                cap: 0,
            },
            exc: Value::NULL,
            modules: Value::NULL,
            main_dict: Value::NULL,
            builtins_dict: Value::NULL,
            interned: crate::obj::str_intern::InternTable::empty(),
            frames: FrameStack::empty(),
            depth: 0,
            reentry: 0,
            memory_error: Value::NULL,
            sys_dict: Value::NULL,
            hal,
            config,
            gc_enabled: true,
            gc_threshold: 0,
            gc_count: 0,
            in_gc: false,
            handles: Value::NULL,
            trace_to_stderr: false,
            repr_stack: [Value::NULL; 32],
            repr_depth: 0,
        };
        let mut it = Interpreter {
            cx,
            owned,
            _marker: PhantomData,
        };
        it.init().map_err(|_| InitError::HeapTooSmall)?;
        Ok(it)
    }

    fn init(&mut self) -> PyResult<()> {
        let cx = &mut self.cx;
        // The frame stack: pinned, never collected.
        let fs_bytes = cx
            .config
            .frame_stack_bytes
            .min(cx.heap.n_blocks() * crate::gc::heap::BLOCK / 4)
            .max(1024);
        let base = cx
            .heap
            .alloc(fs_bytes, crate::gc::heap::AllocKind::Pinned)
            .ok_or(crate::vm::Raised)?;
        cx.frames.base = base.as_ptr();
        cx.frames.cap = fs_bytes;
        // Collection is off until the roots exist.
        cx.gc_enabled = false;
        cx.memory_error = exception::new(cx, &MEMORY_ERROR_TYPE, tuple::empty())?;
        cx.modules = dict::new(cx)?;
        cx.builtins_dict = dict::new(cx)?;
        let bd = cx.builtins_dict;
        crate::builtins::init(cx, bd)?;
        cx.handles = list::with_capacity(cx, 0)?;
        let sys = crate::modules::make(cx, &crate::modules::sys::DEF)?;
        cx.sys_dict = module::dict_of(sys).unwrap_or(Value::NULL);
        dict::set(cx, cx.modules, q::sys.value(), sys)?;
        let main = module::new(cx, q::__main__.value())?;
        cx.main_dict = module::dict_of(main).unwrap_or(Value::NULL);
        dict::set(cx, cx.modules, q::__main__.value(), main)?;
        cx.gc_enabled = true;
        Ok(())
    }

    /// The interpreter context, for native code.
    pub fn cx(&mut self) -> &mut Cx {
        &mut self.cx
    }

    /// Set `sys.argv`.
    pub fn set_argv(&mut self, args: &[&str]) -> PyResult<()> {
        let cx = &mut self.cx;
        let argv = dict::get_str(cx.sys_dict, q::argv.value()).unwrap_or(Value::NULL);
        for a in args {
            let s = pystr::new_from(cx, a)?;
            list::append(cx, argv, s)?;
        }
        Ok(())
    }

    /// Append a directory to `sys.path`.
    pub fn push_path(&mut self, dir: &str) -> PyResult<()> {
        let cx = &mut self.cx;
        let path = dict::get_str(cx.sys_dict, q::path.value()).unwrap_or(Value::NULL);
        let s = pystr::new_from(cx, dir)?;
        list::append(cx, path, s)
    }

    /// Send tracebacks printed by `run_main` to stderr (programs read from stdin and `-m`).
    pub fn set_traceback_to_stderr(&mut self, yes: bool) {
        self.cx.trace_to_stderr = yes;
    }

    /// Run a program as `__main__` and report the outcome as a process exit status: 0 on
    /// success, the `SystemExit` code, 130 for `KeyboardInterrupt`, else 1 after printing the
    /// traceback as MicroPython does.
    pub fn run_main(&mut self, source: &[u8], filename: &str) -> i32 {
        let cx = &mut self.cx;
        let main = cx.main_dict;
        let _ = dict::set_static(cx, main, &q::__file__, Value::NONE);
        let r = (|| -> PyResult<()> {
            let code = compile_source(cx, source, filename, Mode::File)?;
            let mark = cx.roots_mark();
            cx.root(code)?;
            let r = cx.exec_code(code, main, Value::NULL);
            cx.roots_truncate(mark);
            r.map(|_| ())
        })();
        let status = match r {
            Ok(()) => 0,
            Err(_) => self.report_uncaught(),
        };
        crate::modules::sys::run_atexit(&mut self.cx);
        status
    }

    /// Run precompiled `.mpy` bytes as `__main__` (see `run_main` for the status).
    pub fn run_main_mpy(&mut self, image: &[u8]) -> i32 {
        let cx = &mut self.cx;
        let main = cx.main_dict;
        let r = (|| -> PyResult<()> {
            let code = crate::bytecode::loader::load_mpy(cx, image, false)?;
            let mark = cx.roots_mark();
            cx.root(code)?;
            let r = cx.exec_code(code, main, Value::NULL);
            cx.roots_truncate(mark);
            r.map(|_| ())
        })();
        let status = match r {
            Ok(()) => 0,
            Err(_) => self.report_uncaught(),
        };
        crate::modules::sys::run_atexit(&mut self.cx);
        status
    }

    /// Import a module by name as `python -m` does, running it as `__main__`.
    pub fn run_module(&mut self, name: &str) -> i32 {
        let cx = &mut self.cx;
        let r = (|| -> PyResult<()> {
            let n = pystr::intern(cx, name.as_bytes())?;
            crate::vm::import::import_name(
                cx,
                n,
                Value::NONE,
                Value::small_int_unchecked(0),
                cx.main_dict,
            )?;
            Ok(())
        })();
        match r {
            Ok(()) => 0,
            Err(_) => self.report_uncaught(),
        }
    }

    /// Run one REPL input. Returns false when the input raised SystemExit (the REPL ends),
    /// with the exit status.
    pub fn repl_line(&mut self, source: &[u8]) -> Result<(), i32> {
        let cx = &mut self.cx;
        let main = cx.main_dict;
        let r = (|| -> PyResult<()> {
            let code = compile_source(cx, source, "<stdin>", Mode::Single)?;
            let mark = cx.roots_mark();
            cx.root(code)?;
            let r = cx.exec_code(code, main, Value::NULL);
            cx.roots_truncate(mark);
            r.map(|_| ())
        })();
        match r {
            Ok(()) => Ok(()),
            Err(_) => {
                if obj::isinstance(self.cx.exc, &SYSTEM_EXIT_TYPE) {
                    return Err(self.report_uncaught());
                }
                self.report_uncaught();
                Ok(())
            }
        }
    }

    /// Whether `source` is an incomplete REPL input (needs a continuation line).
    pub fn is_incomplete(&mut self, source: &[u8]) -> bool {
        let text = core::str::from_utf8(source).unwrap_or("");
        let last = text.trim_end_matches('\n').lines().last().unwrap_or("");
        if last.trim_end().ends_with(':') || last.trim_end().ends_with('\\') {
            return true;
        }
        let mut depth = 0i32;
        for c in text.chars() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                _ => {}
            }
        }
        if depth > 0 {
            return true;
        }
        // Inside an indented block: wait for an empty line.
        text.lines().count() > 1
            && !text.ends_with("\n\n")
            && text
                .lines()
                .nth(1)
                .is_some_and(|l| l.starts_with([' ', '\t']))
    }

    /// Print the pending exception (or handle SystemExit) and return the exit status.
    fn report_uncaught(&mut self) -> i32 {
        let cx = &mut self.cx;
        let exc = cx.take_pending();
        cx.frames.cur = core::ptr::null_mut();
        cx.frames.top = 0;
        cx.depth = 0;
        cx.reentry = 0;
        cx.roots.len = 0;
        if obj::isinstance(exc, &SYSTEM_EXIT_TYPE) {
            let args = exception::exc_of(exc)
                .and_then(|e| tuple::items_of(e.args))
                .unwrap_or(&[]);
            let code = args.first().copied().unwrap_or(Value::NONE);
            if code.is_none() {
                return 0;
            }
            if let Some(i) = crate::obj::int::to_i64(code) {
                return i as i32;
            }
            let mark = cx.roots_mark();
            let _ = cx.root(exc);
            let mut b = StrBuilder::new(cx);
            let _ = crate::obj::methods::repr::write_str(cx, &mut b, code);
            b.push_byte(b'\n');
            cx.hal().write_err(&b.buf);
            cx.roots_truncate(mark);
            return 1;
        }
        let mark = cx.roots_mark();
        let _ = cx.root(exc);
        let mut b = StrBuilder::new(cx);
        if write_exception(cx, &mut b, exc).is_err() {
            cx.take_pending();
        }
        if cx.trace_to_stderr {
            cx.hal().write_err(&b.buf);
        } else {
            cx.hal().write_out(&b.buf);
        }
        cx.roots_truncate(mark);
        if obj::isinstance(exc, &KEYBOARD_INTERRUPT_TYPE) {
            130
        } else {
            1
        }
    }

    /// Collect garbage now.
    pub fn collect(&mut self) {
        self.cx.collect();
    }

    /// Heap statistics.
    pub fn heap(&self) -> &Heap {
        &self.cx.heap
    }
}

impl Drop for Interpreter<'_> {
    fn drop(&mut self) {
        if let Some((p, layout)) = self.owned.take() {
            // SAFETY: allocated in with_heap_size with this layout; nothing uses it after the
            // interpreter is gone.
            unsafe { alloc::alloc::dealloc(p.as_ptr(), layout) };
        }
    }
}

/// Most chained exceptions printed before the one raised (a `__context__` cycle stops there).
const MAX_CHAIN: u32 = 16;

/// Append MicroPython's traceback text for `exc` (in the circuitpython flavour, preceded by
/// its cause or context, FLAVOURS.md rows 22-23).
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

/// Trace a native object (embedder-defined; none yet).
pub(crate) fn trace_native(_m: &mut Marker, _p: *mut u8) {}

/// Finalise a native object (embedder-defined; none yet).
pub(crate) fn finalise_native(_p: *mut u8) {}

#[allow(dead_code)]
fn _unused(_k: Kind) {}
