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

pub use embed::{InitError, Interpreter, Mode};
pub use hal::{Hal, NullHal, PathKind};
pub use value::Value;
pub use vm::{Config, Cx, PyResult, Raised};
