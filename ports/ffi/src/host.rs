//! C hosts: an interpreter created, fed and dropped from C (`pyr_interp_*`).

use core::ffi::{c_char, c_int, c_void};
use std::ffi::CString;
use std::io::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyrite::{Config, Error, Hal, Interpreter, PathKind};

use crate::abi::{ModuleDef, Obj};

/// The port of a C-hosted interpreter: the process's stdout, stderr and files, and native
/// modules from shared libraries on unix.
struct StdHal {
    start: std::time::Instant,
}

impl Hal for StdHal {
    fn write_out(&mut self, bytes: &[u8]) {
        let _ = std::io::stdout().write_all(bytes);
    }
    fn write_err(&mut self, bytes: &[u8]) {
        let _ = std::io::stderr().write_all(bytes);
    }
    fn stat(&mut self, path: &str) -> PathKind {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => PathKind::Dir,
            Ok(_) => PathKind::File,
            Err(_) => PathKind::Missing,
        }
    }
    fn file_size(&mut self, path: &str) -> Option<usize> {
        std::fs::metadata(path).ok().map(|m| m.len() as usize)
    }
    fn read_file(&mut self, path: &str, buf: &mut [u8]) -> Option<usize> {
        let data = std::fs::read(path).ok()?;
        let n = data.len().min(buf.len());
        buf[..n].copy_from_slice(&data[..n]);
        Some(n)
    }
    fn monotonic_ns(&mut self) -> Option<u64> {
        Some(self.start.elapsed().as_nanos() as u64)
    }
    #[cfg(unix)]
    fn load_native(
        &mut self,
        dir: &str,
        name: &str,
    ) -> Option<Result<pyrite::NativeModule, pyrite::PyErr>> {
        crate::load_native(dir, name)
    }
}

/// `pyr_interp`.
pub struct Interp {
    /// Dropped before `hal` (see `Drop`).
    py: core::mem::ManuallyDrop<Interpreter<'static>>,
    hal: *mut StdHal,
    error: CString,
    /// A `pyr_interp_` call is running (C code it runs may not re-enter it).
    busy: bool,
}

impl Drop for Interp {
    fn drop(&mut self) {
        // SAFETY: the interpreter is dropped once, here, before the hal it borrows.
        unsafe { core::mem::ManuallyDrop::drop(&mut self.py) };
        // SAFETY: made by Box::into_raw in pyr_interp_new; no borrow of it is left.
        drop(unsafe { Box::from_raw(self.hal) });
    }
}

impl Interp {
    fn fail(&mut self, e: &Error) -> c_int {
        self.error = CString::new(e.to_string().replace('\0', "?")).unwrap_or_default();
        -1
    }
}

/// Run a host entry, catching panics.
fn host<R>(err: R, f: impl FnOnce() -> R) -> R {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(err)
}

/// `pyr_interp_new`.
#[no_mangle]
pub extern "C" fn pyr_interp_new(heap_bytes: usize) -> *mut Interp {
    host(core::ptr::null_mut(), || {
        let hal = Box::into_raw(Box::new(StdHal {
            start: std::time::Instant::now(),
        }));
        // SAFETY: the box lives until Interp's drop, after the interpreter that borrows it.
        let hal_ref: &'static mut StdHal = unsafe { &mut *hal };
        match Interpreter::with_heap_size(heap_bytes, hal_ref, Config::default()) {
            Ok(py) => Box::into_raw(Box::new(Interp {
                py: core::mem::ManuallyDrop::new(py),
                hal,
                error: CString::default(),
                busy: false,
            })),
            Err(_) => {
                // SAFETY: made above; the failed constructor kept no borrow.
                drop(unsafe { Box::from_raw(hal) });
                core::ptr::null_mut()
            }
        }
    })
}

/// `pyr_interp_free`.
///
/// # Safety
/// `interp` is NULL or from `pyr_interp_new`, not used again.
#[no_mangle]
pub unsafe extern "C" fn pyr_interp_free(interp: *mut Interp) {
    // SAFETY: the caller's promise; a read through the raw pointer (see `with_interp`).
    if interp.is_null() || unsafe { core::ptr::addr_of!((*interp).busy).read() } {
        return;
    }
    host((), || {
        // SAFETY: the caller's promise.
        drop(unsafe { Box::from_raw(interp) });
    })
}

/// Marks an interpreter busy for the length of a call.
struct Busy(*mut Interp);

impl Drop for Busy {
    fn drop(&mut self) {
        // SAFETY: the interpreter outlives the call that made this guard.
        unsafe { core::ptr::addr_of_mut!((*self.0).busy).write(false) };
    }
}

/// Run `f` on the interpreter behind a pointer, with its error cleared; -1 when it is NULL
/// or already running a call (C code called from it cannot re-enter it).
///
/// # Safety
/// `interp` is NULL or live.
unsafe fn with_interp(interp: *mut Interp, f: impl FnOnce(&mut Interp) -> c_int) -> c_int {
    if interp.is_null() {
        return -1;
    }
    // SAFETY: the caller's promise; reading one field through the raw pointer creates no
    // reference that could alias the one held by a running call.
    if unsafe { core::ptr::addr_of!((*interp).busy).read() } {
        return -1;
    }
    // SAFETY: as above: not busy, so no other reference to it is in use.
    unsafe { core::ptr::addr_of_mut!((*interp).busy).write(true) };
    let _busy = Busy(interp);
    // SAFETY: live and not in use elsewhere.
    let i = unsafe { &mut *interp };
    i.error = CString::default();
    host(-1, || f(i))
}

/// `pyr_interp_add_module`.
///
/// # Safety
/// `interp` is NULL or live; `def` is NULL or a module definition as the header describes.
#[no_mangle]
pub unsafe extern "C" fn pyr_interp_add_module(
    interp: *mut Interp,
    def: *const ModuleDef,
) -> c_int {
    // SAFETY: the caller's promise.
    unsafe {
        with_interp(interp, |i| {
            let r = i.py.with(|cx| crate::module::register(cx, def, None));
            match r {
                Ok(_) => 0,
                Err(e) => i.fail(&e),
            }
        })
    }
}

/// `pyr_interp_exec`.
///
/// # Safety
/// `interp` is NULL or live; `source` is NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn pyr_interp_exec(interp: *mut Interp, source: *const c_char) -> c_int {
    // SAFETY: the caller's promise.
    unsafe {
        with_interp(interp, |i| {
            if source.is_null() {
                i.error = c"TypeError: NULL source".into();
                return -1;
            }
            // The caller promises a NUL-terminated source (in the unsafe block above).
            let Ok(src) = core::ffi::CStr::from_ptr(source).to_str() else {
                i.error = c"ValueError: source is not UTF-8".into();
                return -1;
            };
            run_source(i, src)
        })
    }
}

/// `pyr_interp_run`.
///
/// # Safety
/// `interp` is NULL or live; `f` is a C function that may use the object functions.
#[no_mangle]
pub unsafe extern "C" fn pyr_interp_run(
    interp: *mut Interp,
    f: Option<unsafe extern "C" fn(*mut c_void) -> c_int>,
    user: *mut c_void,
) -> c_int {
    // SAFETY: the caller's promise.
    unsafe {
        with_interp(interp, |i| {
            let Some(f) = f else {
                i.error = c"TypeError: NULL function".into();
                return -1;
            };
            let r = i.py.with(|cx| {
                crate::module::run_c(cx, "C function", |_| {
                    // The caller promises f may run with the scope open (unsafe block above).
                    let rc = f(user);
                    Ok(if rc == 0 {
                        Obj::from_word(2)
                    } else {
                        Obj::NULL
                    })
                })
            });
            match r {
                Ok(_) => 0,
                Err(e) => i.fail(&e),
            }
        })
    }
}

/// `pyr_interp_error`.
///
/// # Safety
/// `interp` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn pyr_interp_error(interp: *const Interp) -> *const c_char {
    // SAFETY: the caller's promise.
    match unsafe { interp.as_ref() } {
        Some(i) => i.error.as_ptr(),
        None => c"TypeError: NULL interpreter".as_ptr(),
    }
}

/// Run source in `__main__`, printing the traceback on failure.
#[cfg(feature = "compiler")]
fn run_source(i: &mut Interp, src: &str) -> c_int {
    match i.py.exec(src) {
        Ok(()) => 0,
        Err(e) => {
            if let Some(x) = e.exception() {
                i.py.print_exception(x);
            }
            i.fail(&e)
        }
    }
}

/// Without the compiler there is no source to run.
#[cfg(not(feature = "compiler"))]
fn run_source(i: &mut Interp, _src: &str) -> c_int {
    i.error = c"RuntimeError: built without the compiler".into();
    -1
}
