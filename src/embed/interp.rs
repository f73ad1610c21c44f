//! [`Interpreter`]: one Python interpreter over one heap region, and the host's API to it.

use core::marker::PhantomData;
use core::ptr::NonNull;

use super::convert::{FromPython, IntoArgs, IntoPython};
use super::error::{Error, Exception};
use super::frozen::FrozenModule;
use super::handle::Handle;
use super::host::Suspended;
use super::module::ModuleBuilder;
use super::signal::Signal;
use super::{compile_source, write_exception, Mode};
use crate::gc::heap::Heap;
use crate::hal::Hal;
use crate::obj::code::{scope, CodeObj};
use crate::obj::func::FunctionObj;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, dict, exception, list, module, str as pystr, tuple, Kind, TypeObj};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::dispatch::Exit;
use crate::vm::frame::{Cont, Frame};
use crate::vm::{frame::FrameStack, Config, Cx, PyResult, RootStack};

/// Why an interpreter could not be created.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InitError {
    /// The heap region is too small for the interpreter's own state.
    HeapTooSmall,
}

/// A Python interpreter with its own heap region.
///
/// Several interpreters live side by side with nothing shared: each has its own heap, module
/// table, handles and signal. `'h` is the life of the [`Hal`] (console, files) it borrows.
///
/// ```
/// use pyrite::{Config, Hal, Interpreter};
///
/// /// The console: where `print` and tracebacks go.
/// struct Console(String);
/// impl Hal for Console {
///     fn write_out(&mut self, bytes: &[u8]) {
///         self.0.push_str(core::str::from_utf8(bytes).unwrap_or("?"));
///     }
/// }
///
/// let mut console = Console(String::new());
/// // Firmware passes a static array instead: `Interpreter::new(region, ...)`.
/// let mut py = Interpreter::with_heap_size(64 * 1024, &mut console, Config::default()).unwrap();
/// py.exec("x = 6 * 7\nprint('x is', x)").unwrap();
/// assert_eq!(py.global::<i64>("x").unwrap(), 42);
/// assert_eq!(py.eval::<String>("str(x) * 2").unwrap(), "4242");
/// drop(py);
/// assert_eq!(console.0, "x is 42\n");
/// ```
///
/// Every method that runs Python returns `Result<_, Error>`: a Python exception that was not
/// caught becomes [`Error::Exception`] (type, message, traceback); a run paused by the fuel
/// budget becomes [`Error::OutOfFuel`].
pub struct Interpreter<'h> {
    cx: Cx,
    owned: Option<(NonNull<u8>, core::alloc::Layout)>,
    _marker: PhantomData<&'h mut ()>,
}

// SAFETY: an interpreter owns its heap region and everything in it; the Hal it borrows
// exclusively for 'h is `Send`; the closures and native state in its heap are `Send` (the
// registration API requires it); handles only touch their slots with atomic stores.
unsafe impl Send for Interpreter<'_> {}

impl<'h> Interpreter<'h> {
    /// An interpreter whose heap is `region` (a static buffer, given for good), printing and
    /// reading files through `hal` (which must be `Send`, as the interpreter is: a port that
    /// holds raw peripheral pointers asserts it with `unsafe impl Send`).
    pub fn new(
        region: &'static mut [u8],
        hal: &'h mut (dyn Hal + Send),
        config: Config,
    ) -> Result<Self, InitError> {
        // SAFETY: the region is 'static and exclusively ours.
        let heap = unsafe { Heap::new(region.as_mut_ptr(), region.len()) }
            .ok_or(InitError::HeapTooSmall)?;
        Self::with_heap(heap, hal, config, None)
    }

    /// An interpreter with a heap of `size` bytes allocated once from the global allocator
    /// (the only allocation the core ever makes outside its region). It is freed when the
    /// interpreter is dropped, unless a [`Handle`] is still alive (it is then leaked).
    pub fn with_heap_size(
        size: usize,
        hal: &'h mut (dyn Hal + Send),
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
        hal: &'h mut (dyn Hal + Send),
        config: Config,
        owned: Option<(NonNull<u8>, core::alloc::Layout)>,
    ) -> Result<Self, InitError> {
        let hal: NonNull<dyn Hal + 'h> = NonNull::from(hal as &'h mut dyn Hal);
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
            gc_threshold: usize::MAX,
            gc_count: 0,
            in_gc: false,
            handles: Value::NULL,
            trace_to_stderr: false,
            repr_stack: [Value::NULL; 32],
            repr_depth: 0,
            host: super::host::Host::new(),
            lookup_cache: crate::vm::cache::LookupCache::empty(),
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
        // A quarter of the heap (an eighth on tiny heaps, where objects need the room), at
        // most the configured size.
        let heap_bytes = cx.heap.n_blocks() * crate::gc::heap::BLOCK;
        let share = if heap_bytes >= 64 * 1024 {
            heap_bytes / 4
        } else {
            heap_bytes / 8
        };
        let fs_bytes = cx.config.frame_stack_bytes.min(share).max(1024);
        let base = cx
            .heap
            .alloc(fs_bytes, crate::gc::heap::AllocKind::Pinned)
            .ok_or(crate::vm::Raised)?;
        cx.frames.base = base.as_ptr();
        cx.frames.cap = fs_bytes;
        // The temporary-root stack, made now so that rooting works on a full heap (a program
        // that just caught MemoryError calls natives that root their values).
        let roots = cx
            .heap
            .alloc(
                32 * core::mem::size_of::<Value>(),
                crate::gc::heap::AllocKind::Buffer,
            )
            .ok_or(crate::vm::Raised)?;
        cx.roots.buf = roots.as_ptr() as *mut Value;
        cx.roots.cap = 32;
        cx.init_lookup_cache();
        // Collection is off until the roots exist.
        cx.gc_enabled = false;
        cx.memory_error = exception::new(cx, &MEMORY_ERROR_TYPE, tuple::empty())?;
        cx.modules = dict::new(cx)?;
        super::handle::init(cx)?;
        // Only what programs assign to builtins: the builtins themselves are a static table.
        cx.builtins_dict = dict::new(cx)?;
        // Assigning a builtin invalidates the cached global lookups (vm::cache).
        crate::obj::table::mark_class_dict(cx.builtins_dict);
        cx.handles = list::with_capacity(cx, 0)?;
        let sys = crate::modules::make(cx, &crate::modules::sys::DEF)?;
        cx.sys_dict = module::dict_of(sys).unwrap_or(Value::NULL);
        dict::set(cx, cx.modules, q::sys.value(), sys)?;
        let main = module::new(cx, q::__main__.value())?;
        cx.main_dict = module::dict_of(main).unwrap_or(Value::NULL);
        dict::set(cx, cx.modules, q::__main__.value(), main)?;
        cx.gc_enabled = true;
        // Arm the collector's poll now: until the first collection it was never checked, so
        // a heap that filled with garbage made a temporary buffer (which cannot collect) fail
        // before any object allocation did — a spurious MemoryError.
        cx.gc_threshold_changed();
        Ok(())
    }

    /// The interpreter context, for native code.
    pub fn cx(&mut self) -> &mut Cx {
        &mut self.cx
    }

    /// Set `sys.argv`.
    pub fn set_argv(&mut self, args: &[&str]) -> Result<(), Error> {
        self.with(|cx| {
            let argv = dict::get_str(cx.sys_dict, q::argv.value()).unwrap_or(Value::NULL);
            for a in args {
                let s = pystr::new_from(cx, a)?;
                cx.root(s)?;
                list::append(cx, argv, s)?;
            }
            Ok(())
        })
    }

    /// Append a directory to `sys.path` (modules are then found through the hal's `stat`
    /// and `read_file`: `name.py`, `name.mpy`, `name/__init__.py`).
    pub fn push_path(&mut self, dir: &str) -> Result<(), Error> {
        self.with(|cx| {
            let path = dict::get_str(cx.sys_dict, q::path.value()).unwrap_or(Value::NULL);
            let s = pystr::new_from(cx, dir)?;
            cx.root(s)?;
            list::append(cx, path, s)
        })
    }

    /// Write to the console (the hal's standard output), in order with the program's output.
    pub fn write_out(&mut self, bytes: &[u8]) {
        self.cx.hal().write_out(bytes);
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
        if cx.host.suspended.is_none() {
            cx.frames.cur = core::ptr::null_mut();
            cx.frames.top = 0;
            cx.depth = 0;
            cx.reentry = 0;
            cx.roots.len = 0;
        }
        // The program is over: a heap it left locked is unlocked, and what it left behind is
        // collected so that the traceback has room (the exception is held in a local: root it).
        while cx.heap.lock(false) > 0 {}
        let mark = cx.roots_mark();
        if cx.root(exc).is_ok() {
            cx.collect();
        }
        cx.roots_truncate(mark);
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

    /// Give `__main__` a fresh, empty namespace: the globals of the programs run so far become
    /// garbage (imported modules stay in `sys.modules`, interned names stay interned).
    pub fn reset_main(&mut self) -> PyResult<()> {
        let cx = &mut self.cx;
        let main = module::new(cx, q::__main__.value())?;
        let mark = cx.roots_mark();
        cx.root(main)?;
        let r = dict::set(cx, cx.modules, q::__main__.value(), main);
        cx.roots_truncate(mark);
        r?;
        cx.main_dict = module::dict_of(main).unwrap_or(Value::NULL);
        Ok(())
    }

    /// Heap statistics.
    pub fn heap(&self) -> &Heap {
        &self.cx.heap
    }
}

impl Drop for Interpreter<'_> {
    fn drop(&mut self) {
        // Drop the Rust values of native objects (closures may own host resources).
        crate::gc::finalise_all(&self.cx.heap);
        if let Some((p, layout)) = self.owned.take() {
            if self.cx.host.handles.any_live() {
                // A handle outlived its interpreter: its slot is in this memory. Leak it.
                return;
            }
            // SAFETY: allocated in with_heap_size with this layout; no handle points into it
            // and nothing else uses it after the interpreter is gone.
            unsafe { alloc::alloc::dealloc(p.as_ptr(), layout) };
        }
    }
}

/// The host's API: running code, values, native modules, fuel and signals.
impl<'h> Interpreter<'h> {
    /// Take the pending exception as an [`Error`].
    fn fail(&mut self) -> Error {
        Error::Exception(Exception::take(&mut self.cx))
    }

    /// Raise `ty(msg)` and return it as an [`Error`].
    fn fail_msg(&mut self, ty: &'static TypeObj, msg: &str) -> Error {
        let _ = self.cx.raise_msg(ty, msg);
        self.fail()
    }

    /// Run `f` with the interpreter context, turning a raised exception into an [`Error`].
    /// This is the door to everything the typed API does not cover (see [`Cx`]).
    pub fn with<R>(&mut self, f: impl FnOnce(&mut Cx) -> PyResult<R>) -> Result<R, Error> {
        let mark = self.cx.roots_mark();
        let r = f(&mut self.cx);
        self.cx.roots_truncate(mark);
        r.map_err(|_| self.fail())
    }

    /// Convert `v` (kept alive meanwhile).
    fn convert<T: FromPython>(&mut self, v: Value) -> Result<T, Error> {
        self.with(|cx| {
            cx.root(v)?;
            T::from_python(cx, v)
        })
    }

    /// Run code object `code` (rooted by the caller) in `__main__`, pausable.
    fn run_code(&mut self, code: Value) -> Result<Value, Error> {
        let cx = &mut self.cx;
        // SAFETY: callers pass code objects.
        let co = unsafe { &*(code.raw() as *const CodeObj) };
        let f = match cx.alloc_frame(co, false) {
            Ok(f) => f,
            Err(_) => return Err(self.fail()),
        };
        // SAFETY: a fresh frame.
        unsafe {
            (*f).code = code;
            (*f).globals = cx.main_dict;
            (*f).locals = Value::NULL;
        }
        cx.link_frame(f);
        self.drive(f)
    }

    /// Run the linked frame `f` (the base of a new run) to completion or pause.
    fn drive(&mut self, f: *mut Frame) -> Result<Value, Error> {
        let cx = &mut self.cx;
        // SAFETY: f is a live frame on the frame stack, just linked.
        let before = unsafe {
            (*f).cont = Cont::Native;
            Suspended {
                cur: (*f).prev,
                top: (f as usize).wrapping_sub(cx.frames.base as usize),
                depth: cx.depth.saturating_sub(1),
            }
        };
        self.run_pausable(before)
    }

    fn run_pausable(&mut self, before: Suspended) -> Result<Value, Error> {
        let cx = &mut self.cx;
        let pausable = cx.host.suspended.is_none();
        let saved = cx.host.pause_reentry;
        cx.reentry += 1;
        cx.host.pause_reentry = if pausable { cx.reentry } else { 0 };
        let r = cx.run();
        cx.reentry -= 1;
        cx.host.pause_reentry = saved;
        match r {
            Ok(Exit::Return(v)) => Ok(v),
            Ok(Exit::Paused) => {
                cx.host.suspended = Some(before);
                Err(Error::OutOfFuel)
            }
            Ok(Exit::Yield(_)) => Err(self.fail_msg(&RUNTIME_ERROR_TYPE, "unexpected yield")),
            Err(_) => Err(self.fail()),
        }
    }

    /// Run Python source as the body of `__main__` (needs the `compiler` feature).
    #[cfg(feature = "compiler")]
    pub fn exec(&mut self, source: &str) -> Result<(), Error> {
        self.exec_source(source, "<string>")
    }

    /// Run Python source, naming it `filename` in tracebacks.
    #[cfg(feature = "compiler")]
    pub fn exec_source(&mut self, source: &str, filename: &str) -> Result<(), Error> {
        let code = self.with(|cx| compile_source(cx, source.as_bytes(), filename, Mode::File))?;
        self.run_rooted(code).map(|_| ())
    }

    /// Evaluate one Python expression in `__main__` (needs the `compiler` feature).
    #[cfg(feature = "compiler")]
    pub fn eval<T: FromPython>(&mut self, expr: &str) -> Result<T, Error> {
        let code = self.with(|cx| compile_source(cx, expr.as_bytes(), "<string>", Mode::Eval))?;
        let v = self.run_rooted(code)?;
        self.convert(v)
    }

    /// Run a precompiled `.mpy` image (from `mpy-cross` or `pyrite --compile`) as the body of
    /// `__main__`. The image is copied into the heap.
    pub fn exec_mpy(&mut self, image: &[u8]) -> Result<(), Error> {
        let code = self.with(|cx| crate::bytecode::loader::load_mpy(cx, image, false))?;
        self.run_rooted(code).map(|_| ())
    }

    /// Run a `.mpy` image that lives for ever (frozen in flash) in place, without copying
    /// its bytecode into the heap.
    pub fn exec_mpy_static(&mut self, image: &'static [u8]) -> Result<(), Error> {
        let code = self.with(|cx| crate::bytecode::loader::load_mpy_static(cx, image))?;
        self.run_rooted(code).map(|_| ())
    }

    /// Run a code object, keeping it rooted meanwhile (even while paused: the frame holds it).
    fn run_rooted(&mut self, code: Value) -> Result<Value, Error> {
        let mark = self.cx.roots_mark();
        if self.cx.root(code).is_err() {
            return Err(self.fail());
        }
        let r = self.run_code(code);
        self.cx.roots_truncate(mark);
        r
    }

    /// Continue a run paused by the fuel budget; returns what the paused call would have
    /// returned (`()` for `exec`), or pauses again.
    pub fn resume<T: FromPython>(&mut self) -> Result<T, Error> {
        let Some(before) = self.cx.host.suspended.take() else {
            return Err(self.fail_msg(&RUNTIME_ERROR_TYPE, "no paused run"));
        };
        let v = self.run_pausable(before)?;
        self.convert(v)
    }

    /// Whether a run is paused (waiting for [`resume`](Self::resume)).
    pub fn is_paused(&self) -> bool {
        self.cx.host.suspended.is_some()
    }

    /// Drop the paused run, if any, without running its `finally` blocks.
    pub fn abandon(&mut self) {
        if let Some(b) = self.cx.host.suspended.take() {
            let cx = &mut self.cx;
            cx.frames.cur = b.cur;
            cx.frames.top = b.top;
            cx.depth = b.depth;
        }
    }

    /// Set the fuel budget: `Some(n)` allows about `n` loop iterations before the run pauses
    /// (see [`resume`](Self::resume) and the `poll` module docs); `None` removes the limit.
    pub fn set_fuel(&mut self, fuel: Option<u64>) {
        let h = &mut self.cx.host;
        match fuel {
            Some(n) => {
                let n = n.min(i64::MAX as u64 / 2) as i64;
                h.fuel = n;
                h.budget = n;
                h.fuel_on = true;
            }
            None => h.fuel_on = false,
        }
        h.update_active();
    }

    /// The fuel left (`None`: no budget). Nested runs may overdraw it: it is then 0.
    pub fn fuel(&self) -> Option<u64> {
        let h = &self.cx.host;
        h.fuel_on.then(|| h.fuel.max(0) as u64)
    }

    /// Attach the signal object interrupt handlers use to reach this interpreter
    /// ([`Signal::interrupt`] raises `KeyboardInterrupt`, [`Signal::schedule`] queues a call
    /// of the handler registered with [`on_signal`](Self::on_signal)).
    pub fn attach_signal(&mut self, signal: &'static Signal) {
        self.cx.host.signal = Some(signal);
        self.cx.host.update_active();
    }

    /// Call `handler(token)` at the next safepoint after `token` is scheduled on the attached
    /// [`Signal`] (as `micropython.schedule` would).
    pub fn on_signal(&mut self, token: u16, handler: &Handle) -> Result<(), Error> {
        self.with(|cx| {
            let f = cx.handle_value(handler)?;
            if cx.host.sig_handlers.is_null() {
                cx.root(f)?;
                cx.host.sig_handlers = dict::new(cx)?;
            }
            let d = cx.host.sig_handlers;
            dict::set(cx, d, Value::small_int_unchecked(token as isize), f)
        })
    }

    /// Make modules in `modules` importable (frozen: their bytecode runs from the static
    /// bytes). Replaces any table given before.
    pub fn add_frozen(&mut self, modules: &'static [FrozenModule]) {
        self.cx.host.frozen = modules;
    }

    /// Import a module (as `import name`; dotted names give the last component).
    pub fn import(&mut self, name: &str) -> Result<Handle, Error> {
        self.with(|cx| {
            let n = pystr::intern(cx, name.as_bytes())?;
            cx.root(n)?;
            let main = cx.main_dict;
            crate::vm::import::import_name(
                cx,
                n,
                Value::NONE,
                Value::small_int_unchecked(0),
                main,
            )?;
            let m = dict::get_str(cx.modules, n).unwrap_or(Value::NONE);
            cx.handle(m)
        })
    }

    /// The global `name` of `__main__`, converted (`NameError` when it is not defined).
    pub fn global<T: FromPython>(&mut self, name: &str) -> Result<T, Error> {
        self.with(|cx| {
            let n = pystr::intern(cx, name.as_bytes())?;
            let Some(v) = dict::get_str(cx.main_dict, n) else {
                let nb = crate::vm::ops::alloc_free_name(name);
                return Err(
                    cx.raise_fmt(&NAME_ERROR_TYPE, format_args!("name '{nb}' isn't defined"))
                );
            };
            cx.root(v)?;
            T::from_python(cx, v)
        })
    }

    /// Set the global `name` of `__main__`.
    pub fn set_global(&mut self, name: &str, value: impl IntoPython) -> Result<(), Error> {
        self.with(|cx| {
            let v = value.into_python(cx)?;
            cx.root(v)?;
            let n = pystr::intern(cx, name.as_bytes())?;
            cx.root(n)?;
            dict::set(cx, cx.main_dict, n, v)
        })
    }

    /// Keep a Rust value, converted, alive as a Python value.
    pub fn handle(&mut self, value: impl IntoPython) -> Result<Handle, Error> {
        self.with(|cx| {
            let v = value.into_python(cx)?;
            cx.handle(v)
        })
    }

    /// Convert the value a handle holds.
    pub fn get<T: FromPython>(&mut self, h: &Handle) -> Result<T, Error> {
        self.with(|cx| {
            let v = cx.handle_value(h)?;
            T::from_python(cx, v)
        })
    }

    /// `getattr(obj, name)`, converted.
    pub fn getattr<T: FromPython>(&mut self, obj: &Handle, name: &str) -> Result<T, Error> {
        self.with(|cx| {
            let o = cx.handle_value(obj)?;
            let n = pystr::intern(cx, name.as_bytes())?;
            let v = crate::vm::ops::getattr(cx, o, n)?;
            cx.root(v)?;
            T::from_python(cx, v)
        })
    }

    /// `setattr(obj, name, value)`.
    pub fn setattr(
        &mut self,
        obj: &Handle,
        name: &str,
        value: impl IntoPython,
    ) -> Result<(), Error> {
        self.with(|cx| {
            let v = value.into_python(cx)?;
            cx.root(v)?;
            let n = pystr::intern(cx, name.as_bytes())?;
            cx.root(n)?;
            let o = cx.handle_value(obj)?;
            crate::vm::ops::setattr(cx, o, n, v)
        })
    }

    /// Call `f(*args)` and convert the result. A Python function runs as the host's own run:
    /// it may pause on the fuel budget (then [`resume`](Self::resume) gives its result).
    pub fn call<T: FromPython>(&mut self, f: &Handle, args: impl IntoArgs) -> Result<T, Error> {
        let (fv, argv) = self.with(|cx| {
            let fv = cx.handle_value(f)?;
            let a = args.into_args(cx)?;
            Ok((fv, a))
        })?;
        self.call_value(fv, argv)
    }

    /// `obj.name(*args)`, converted.
    pub fn call_method<T: FromPython>(
        &mut self,
        obj: &Handle,
        name: &str,
        args: impl IntoArgs,
    ) -> Result<T, Error> {
        let (fv, argv) = self.with(|cx| {
            let o = cx.handle_value(obj)?;
            let n = pystr::intern(cx, name.as_bytes())?;
            let m = crate::vm::ops::getattr(cx, o, n)?;
            cx.root(m)?;
            let a = args.into_args(cx)?;
            Ok((m, a))
        })?;
        self.call_value(fv, argv)
    }

    /// Call `f` with the argument tuple `argv` (both unrooted on entry).
    fn call_value<T: FromPython>(&mut self, f: Value, argv: Value) -> Result<T, Error> {
        let mark = self.cx.roots_mark();
        if self.cx.root(f).and_then(|_| self.cx.root(argv)).is_err() {
            self.cx.roots_truncate(mark);
            return Err(self.fail());
        }
        let items = tuple::items_of(argv).unwrap_or(&[]);
        let plain = obj::kind_of(f) == Kind::Function
            && f.is_ptr()
            // SAFETY: kind-checked function with a live code object.
            && unsafe {
                let fo = &*(f.raw() as *const FunctionObj);
                (*(fo.code.raw() as *const CodeObj)).scope_flags & scope::GENERATOR == 0
            };
        let r = if plain {
            match self.cx.bind_frame(f, items, &[], false) {
                Ok(fr) => self.drive(fr),
                Err(_) => Err(self.fail()),
            }
        } else {
            match self.cx.call(f, items, &[]) {
                Ok(v) => Ok(v),
                Err(_) => Err(self.fail()),
            }
        };
        let r = r.and_then(|v| self.convert(v));
        self.cx.roots_truncate(mark);
        r
    }

    /// Define (or extend) a native module, importable at once with `import name`. Closures
    /// registered in it may borrow host state for `'h`.
    pub fn define_module(
        &mut self,
        name: &str,
        build: impl FnOnce(&mut ModuleBuilder<'_, 'h>) -> PyResult<()>,
    ) -> Result<Handle, Error> {
        self.with(|cx| {
            // SAFETY: the interpreter borrows the hal for 'h, so it (and every closure in its
            // heap) ends within 'h.
            let m = unsafe { super::module::define(cx, name, build) }?;
            cx.handle(m)
        })
    }

    /// Write the exception's traceback as MicroPython prints it.
    pub fn write_traceback(
        &mut self,
        e: &Exception,
        out: &mut dyn core::fmt::Write,
    ) -> core::fmt::Result {
        let Some(h) = e.handle() else {
            return writeln!(out, "{e}");
        };
        let cx = &mut self.cx;
        let Ok(exc) = cx.handle_value(h) else {
            cx.take_pending();
            return writeln!(out, "{e}");
        };
        let mut b = StrBuilder::new(cx);
        if write_exception(cx, &mut b, exc).is_err() {
            cx.take_pending();
        }
        out.write_str(core::str::from_utf8(&b.buf).unwrap_or("?\n"))
    }

    /// Print the exception's traceback on the console (the hal's `write_err`).
    pub fn print_exception(&mut self, e: &Exception) {
        let cx = &mut self.cx;
        let exc = match e.handle().map(|h| cx.handle_value(h)) {
            Some(Ok(v)) => v,
            _ => {
                cx.take_pending();
                let mut buf = [0u8; 100];
                let mut w = super::error::FixedBuf::new(&mut buf);
                let _ = core::fmt::Write::write_fmt(&mut w, format_args!("{e}\n"));
                let n = w.len();
                cx.hal().write_err(&buf[..n]);
                return;
            }
        };
        let mut b = StrBuilder::new(cx);
        if write_exception(cx, &mut b, exc).is_err() {
            cx.take_pending();
        }
        cx.hal().write_err(&b.buf);
    }
}
