//! The source compiler: lexer → parser → scope analysis → MicroPython bytecode emitter.
//!
//! Behind the `compiler` feature. The output is a complete `.mpy` v6 image (MPY_FORMAT.md),
//! so a compiled program and a program precompiled by `mpy-cross` take the same path into the
//! VM (the loader in `bytecode/`). All temporary data lives in the allocator the caller
//! passes, which the interpreter backs with its own heap region.
