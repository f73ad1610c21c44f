//! pyrite: a `no_std` Python 3 interpreter that speaks MicroPython and CircuitPython.
#![no_std]

extern crate alloc;

pub mod bytecode;
#[cfg(feature = "compiler")]
pub mod compile;
pub mod num;
