//! pyrite: a `no_std` Python 3 interpreter that speaks MicroPython and CircuitPython.
//!
//! The core is organised by stage (see ARCHITECTURE.md): `compile/` turns source into
//! `.mpy` images, `bytecode/` loads them into code objects, `vm/` runs them over the objects
//! in `obj/`, whose memory the collector in `gc/` manages inside one heap region per
//! interpreter. `builtins/` and `modules/` are the Python-visible library, `flavour/` what
//! differs between MicroPython and CircuitPython, `hal.rs` what a port provides, and
//! `embed.rs` the API for firmware.
#![no_std]
#![warn(missing_docs)]

extern crate alloc;

pub mod builtins;
pub mod bytecode;
#[cfg(feature = "compiler")]
pub mod compile;
pub mod embed;
pub mod flavour;
pub mod gc;
pub mod hal;
pub mod modules;
pub mod num;
pub mod obj;
pub mod unicode;
pub mod value;
pub mod vm;

/// The static strings generated from `src/qstrs.txt`.
#[allow(missing_docs)]
pub mod qstrs {
    include!(concat!(env!("OUT_DIR"), "/qstrs.rs"));
}

pub use embed::{
    Bytes, ClassBuilder, Dict, Error, Exception, FromPython, FrozenModule, Handle, InitError,
    Interpreter, IntoArgs, IntoPython, Mode, ModuleBuilder, NativeFunction, NativeMethod, PyErr,
    Signal,
};
pub use hal::{
    errno, Errno, Fd, Hal, Metadata, NativeModule, NullHal, OpenOptions, PathKind, Whence,
};
pub use value::Value;

/// The builtin exception types, for [`PyErr::new`] and [`Exception::matches`].
pub mod exceptions {
    pub use crate::embed::poll::FUEL_EXHAUSTED_TYPE as FUEL_EXHAUSTED;
    pub use crate::obj::types::{
        ARITHMETIC_ERROR_TYPE as ARITHMETIC_ERROR, ASSERTION_ERROR_TYPE as ASSERTION_ERROR,
        ATTRIBUTE_ERROR_TYPE as ATTRIBUTE_ERROR, BASE_EXCEPTION_TYPE as BASE_EXCEPTION,
        EOF_ERROR_TYPE as EOF_ERROR, EXCEPTION_TYPE as EXCEPTION,
        IMPORT_ERROR_TYPE as IMPORT_ERROR, INDEX_ERROR_TYPE as INDEX_ERROR,
        KEYBOARD_INTERRUPT_TYPE as KEYBOARD_INTERRUPT, KEY_ERROR_TYPE as KEY_ERROR,
        LOOKUP_ERROR_TYPE as LOOKUP_ERROR, MEMORY_ERROR_TYPE as MEMORY_ERROR,
        NAME_ERROR_TYPE as NAME_ERROR, NOT_IMPLEMENTED_ERROR_TYPE as NOT_IMPLEMENTED_ERROR,
        OS_ERROR_TYPE as OS_ERROR, OVERFLOW_ERROR_TYPE as OVERFLOW_ERROR,
        RUNTIME_ERROR_TYPE as RUNTIME_ERROR, STOP_ITERATION_TYPE as STOP_ITERATION,
        SYNTAX_ERROR_TYPE as SYNTAX_ERROR, SYSTEM_EXIT_TYPE as SYSTEM_EXIT,
        TYPE_ERROR_TYPE as TYPE_ERROR, VALUE_ERROR_TYPE as VALUE_ERROR,
        ZERO_DIVISION_ERROR_TYPE as ZERO_DIVISION_ERROR,
    };
}
pub use vm::{Config, Cx, PyResult, Raised};
