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
    fn ticks_ms(&mut self) -> u64 {
        self.start.elapsed().as_millis() as u64
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
    if interp.is_null() {
        return;
    }
    host((), || {
        // SAFETY: the caller's promise.
        drop(unsafe { Box::from_raw(interp) });
    })
}

/// The interpreter behind a pointer, with its error cleared.
///
/// # Safety
/// `interp` is NULL or live.
unsafe fn interp<'a>(interp: *mut Interp) -> Option<&'a mut Interp> {
    // SAFETY: the caller's promise.
    let i = unsafe { interp.as_mut() }?;
    i.error = CString::default();
    Some(i)
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
    host(-1, || {
        // SAFETY: the caller's promise.
        let Some(i) = (unsafe { self::interp(interp) }) else {
            return -1;
        };
        let r = i.py.with(|cx| {
            // SAFETY: the caller's promise about def.
            unsafe { crate::module::register(cx, def, None) }
        });
        match r {
            Ok(_) => 0,
            Err(e) => i.fail(&e),
        }
    })
}

/// `pyr_interp_exec`.
///
/// # Safety
/// `interp` is NULL or live; `source` is NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn pyr_interp_exec(interp: *mut Interp, source: *const c_char) -> c_int {
    host(-1, || {
        // SAFETY: the caller's promise.
        let Some(i) = (unsafe { self::interp(interp) }) else {
            return -1;
        };
        if source.is_null() {
            i.error = c"TypeError: NULL source".into();
            return -1;
        }
        // SAFETY: the caller's promise.
        let Ok(src) = unsafe { core::ffi::CStr::from_ptr(source) }.to_str() else {
            i.error = c"ValueError: source is not UTF-8".into();
            return -1;
        };
        match i.py.exec(src) {
            Ok(()) => 0,
            Err(e) => {
                if let Some(x) = e.exception() {
                    i.py.print_exception(x);
                }
                i.fail(&e)
            }
        }
    })
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
    host(-1, || {
        // SAFETY: the caller's promise.
        let Some(i) = (unsafe { self::interp(interp) }) else {
            return -1;
        };
        let Some(f) = f else {
            i.error = c"TypeError: NULL function".into();
            return -1;
        };
        let r = i.py.with(|cx| {
            crate::module::run_c(cx, "C function", |_| {
                // SAFETY: the caller's promise; the scope is open.
                let rc = unsafe { f(user) };
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
