//! Bytecode: opcodes, the static qstr table, and the `.mpy` reader.

pub mod loader;
pub mod opcode;
pub mod static_qstr;
pub mod verify;
