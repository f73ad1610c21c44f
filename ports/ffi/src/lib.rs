//! pyrite-ffi: the C ABI of pyrite, for native modules written in C.
//!
//! `include/pyrite.h` (beside this crate's `Cargo.toml`) is the hand-written, documented
//! header; this crate implements it. A C module is a static [`ModuleDef`]: a name, a table of
//! functions (with their arities), constants and native types, and the ABI version it was
//! compiled with. Register one:
//!
//! * from Rust: [`CModules::c_module`] on an [`Interpreter`] (or [`register_module`] with a
//!   [`Cx`] from native code);
//! * from C: `pyr_interp_add_module` on an interpreter made by `pyr_interp_new`, or
//!   `pyr_module_register` from running C code;
//! * on unix, by `import name` finding `name.so` on `sys.path` ([`load_native`], which a
//!   port calls from its [`Hal::load_native`](pyrite::Hal::load_native)).
//!
//! ```ignore
//! extern "C" {
//!     static pyrite_module_counter: pyrite_ffi::ModuleDef; // PYR_MODULE_DEF(counter) in C
//! }
//! py.c_module(unsafe { &pyrite_module_counter })?;
//! py.exec("import counter")?;
//! ```
//!
//! See `examples/c_module/` at the root of the repository for a commented module.
//!
//! # How it works
//!
//! * **Handles** (`handles`): C code names Python values by `pyr_obj` handles, positions in
//!   the interpreter's root stack tagged with the scope that made them, so every value C
//!   holds is rooted for the precise collector, and a forged or stale handle is an error,
//!   not a crash.
//! * **Calls** (`module`): Python calls a C function through a native function object that
//!   checks the arity, opens a scope, turns the arguments into handles, calls C, and turns
//!   the result back (NULL means "raised"; the exception waits in the interpreter).
//! * **Native types**: a C type is a Python class whose instances hold the core's raw
//!   native state (`Cx::set_native_raw`): `n_slots` traced values and `data_size` bytes of C
//!   data.
//! * **No unwinding across C**: every `extern "C"` entry catches panics; C reports errors
//!   by return value. Nothing longjmps.

pub mod abi;
mod api;
#[cfg(unix)]
mod dl;
mod handles;
mod host;
mod module;

pub use abi::{ModuleDef, Obj, TypeDef, ABI_VERSION};
#[cfg(unix)]
pub use dl::load_native;

use pyrite::{Cx, Error, Handle, Interpreter, PyResult, Value};

/// Registering C modules into an interpreter.
pub trait CModules {
    /// Register the C module `def` (its functions, constants and types, then its init
    /// function), importable at once by its name. Fails with `ImportError` when the
    /// definition was built for another ABI version (the message says which) or is
    /// malformed.
    fn c_module(&mut self, def: &'static ModuleDef) -> Result<Handle, Error>;
}

impl CModules for Interpreter<'_> {
    fn c_module(&mut self, def: &'static ModuleDef) -> Result<Handle, Error> {
        self.with(|cx| {
            let m = register_module(cx, def)?;
            cx.handle(m)
        })
    }
}

/// Register the C module `def` from native code; returns the module (unrooted).
pub fn register_module(cx: &mut Cx, def: &'static ModuleDef) -> PyResult<Value> {
    // SAFETY: a `&'static ModuleDef` only comes from C (its fields are private), which
    // promises the layout and pointers of the header.
    unsafe { module::register(cx, def, None) }
}

/// A raw function pointer in the exports table.
struct Export(*const ());

// SAFETY: function addresses, only read.
unsafe impl Sync for Export {}

macro_rules! exports {
    ($($m:ident :: $f:ident),* $(,)?) => {
        static EXPORTS: &[Export] = &[$(Export($m::$f as *const ())),*];
    };
}

exports!(
    api::pyr_int,
    api::pyr_int_u64,
    api::pyr_int_value,
    api::pyr_int_value_u64,
    api::pyr_float,
    api::pyr_float_value,
    api::pyr_bool,
    api::pyr_truth,
    api::pyr_is_none,
    api::pyr_str,
    api::pyr_str_cstr,
    api::pyr_str_data,
    api::pyr_cstr,
    api::pyr_bytes,
    api::pyr_bytes_data,
    api::pyr_tuple,
    api::pyr_list,
    api::pyr_list_append,
    api::pyr_dict,
    api::pyr_len,
    api::pyr_getitem,
    api::pyr_setitem,
    api::pyr_delitem,
    api::pyr_iter,
    api::pyr_next,
    api::pyr_getattr,
    api::pyr_setattr,
    api::pyr_type_of,
    api::pyr_isinstance,
    api::pyr_is,
    api::pyr_equal,
    api::pyr_repr,
    api::pyr_to_str,
    api::pyr_import,
    api::pyr_call,
    api::pyr_call_kw,
    api::pyr_call_method,
    api::pyr_parse_args,
    api::pyr_raise,
    api::pyr_raise_obj,
    api::pyr_err_occurred,
    api::pyr_err_matches,
    api::pyr_err_fetch,
    api::pyr_err_clear,
    api::pyr_handles_mark,
    api::pyr_handles_release,
    api::pyr_ref_new,
    api::pyr_ref_get,
    api::pyr_ref_free,
    api::pyr_gc_collect,
    api::pyr_data,
    api::pyr_slot,
    api::pyr_set_slot,
    api::pyr_type_object,
    api::pyr_new,
    api::pyr_abi_version,
    api::pyr_module_register,
    host::pyr_interp_new,
    host::pyr_interp_free,
    host::pyr_interp_add_module,
    host::pyr_interp_exec,
    host::pyr_interp_run,
    host::pyr_interp_error,
);

/// Keep every `pyr_` function in a program that links this crate, so that shared libraries
/// it loads can call them (with `-rdynamic`, which exports them): a program calls this once.
/// Returns the number of functions.
pub fn keep_symbols() -> usize {
    core::hint::black_box(EXPORTS)
        .iter()
        .filter(|e| !e.0.is_null())
        .count()
}
