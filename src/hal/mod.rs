//! The traits a port implements: console, filesystem, clock and stack limit.
//!
//! The core never touches an operating system. Everything outside the interpreter reaches it
//! through [`Hal`], which the embedder passes when it creates an interpreter.

pub mod board;

pub use board::Board;

/// What a path names.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PathKind {
    /// Nothing there.
    Missing,
    /// A regular file.
    File,
    /// A directory.
    Dir,
}

/// The port: where output goes and where files come from.
pub trait Hal {
    /// Write to standard output (`print`, tracebacks of scripts).
    fn write_out(&mut self, bytes: &[u8]);

    /// Write to standard error. Defaults to standard output.
    fn write_err(&mut self, bytes: &[u8]) {
        self.write_out(bytes)
    }

    /// What `path` names. The default port has no filesystem.
    fn stat(&mut self, _path: &str) -> PathKind {
        PathKind::Missing
    }

    /// The size of the file at `path`, if it exists and can be read.
    fn file_size(&mut self, _path: &str) -> Option<usize> {
        None
    }

    /// Read the whole file at `path` into `buf` (which has `file_size` bytes). Returns the
    /// number of bytes read.
    fn read_file(&mut self, _path: &str, _buf: &mut [u8]) -> Option<usize> {
        None
    }

    /// Read one line of input for `input()`, without the newline. `None` at end of input.
    fn read_line(&mut self, _buf: &mut dyn FnMut(&[u8])) -> Option<()> {
        None
    }

    /// Milliseconds since some fixed point (for `time.ticks_ms`).
    fn ticks_ms(&mut self) -> u64 {
        0
    }

    /// How many bytes of Rust stack the interpreter may still use before it must raise
    /// `RuntimeError` instead of recursing (checked by the parser, compiler, repr and friends).
    /// `None` means unknown: the interpreter then relies on its depth counters alone.
    fn stack_remaining(&mut self) -> Option<usize> {
        None
    }

    /// The board's pins and peripherals (`machine`, `board`, `digitalio`, `busio`...), if the
    /// port has any. See [`board`].
    fn board(&mut self) -> Option<&mut dyn Board> {
        None
    }
}

/// A port that discards output and has no filesystem (for tests and embedders that only
/// evaluate).
#[derive(Default)]
pub struct NullHal;

impl Hal for NullHal {
    fn write_out(&mut self, _bytes: &[u8]) {}
}
