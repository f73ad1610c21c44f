//! Native modules in shared libraries (unix): `import name` finding `name.so` on sys.path.
//!
//! The library is opened with `dlopen` and never closed (its code must outlive every object
//! made from it); it exports its definition as `pyrite_module_NAME` (`PYR_MODULE_DEF`), or
//! `pyrite_module_MP_QSTR_NAME` (`MP_REGISTER_MODULE` of pyrite_micropython.h). Its calls to
//! the `pyr_` functions resolve against the program that loads it, which must export them
//! (link with `-rdynamic` and call [`keep_symbols`](crate::keep_symbols), as the unix port
//! does).

use std::ffi::{CStr, CString};

use pyrite::exceptions::IMPORT_ERROR;
use pyrite::{Cx, NativeModule, PyErr, PyResult, Value};

use crate::abi::ModuleDef;

/// Find and load `dir/name.so` (see the module docs); `None` when there is no such file.
pub fn load_native(dir: &str, name: &str) -> Option<Result<NativeModule, PyErr>> {
    let mut path = String::new();
    if dir.is_empty() {
        path.push_str("./");
    } else {
        path.push_str(dir);
        if !dir.ends_with('/') {
            path.push('/');
        }
    }
    path.push_str(name);
    path.push_str(".so");
    if !std::path::Path::new(&path).is_file() {
        return None;
    }
    let Ok(cpath) = CString::new(path) else {
        return None;
    };
    // SAFETY: a NUL-terminated path; dlopen runs the library's initialisers, which C
    // modules are expected to keep trivial.
    let lib = unsafe { libc::dlopen(cpath.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
    if lib.is_null() {
        // SAFETY: dlerror returns NULL or a NUL-terminated message.
        let msg = unsafe {
            let e = libc::dlerror();
            if e.is_null() {
                String::from("cannot load native module")
            } else {
                CStr::from_ptr(e).to_string_lossy().into_owned()
            }
        };
        return Some(Err(PyErr::new(&IMPORT_ERROR, &msg)));
    }
    for sym in [
        format!("pyrite_module_{name}"),
        format!("pyrite_module_MP_QSTR_{name}"),
    ] {
        let Ok(csym) = CString::new(sym) else {
            continue;
        };
        // SAFETY: a live library handle and a NUL-terminated symbol name.
        let p = unsafe { libc::dlsym(lib, csym.as_ptr()) };
        if !p.is_null() {
            return Some(Ok(NativeModule {
                init: init_native,
                data: p as *const (),
            }));
        }
    }
    Some(Err(PyErr::new(
        &IMPORT_ERROR,
        "shared library has no pyrite_module_<name> definition",
    )))
}

/// Register the definition found in a library under the imported name.
fn init_native(cx: &mut Cx, name: Value, data: *const ()) -> PyResult<Value> {
    // SAFETY: data is the address of the library's exported module definition, which the
    // library (never closed) keeps for ever; register checks its version first.
    unsafe { crate::module::register(cx, data as *const ModuleDef, Some(name)) }
}
