//! The traits a port implements: console, filesystem, clock, randomness and stack limit.
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

/// An error number from the port, as MicroPython's `errno` module numbers them (see [`errno`]).
pub type Errno = i32;

/// The error numbers ports return (MicroPython's, which are Linux's).
pub mod errno {
    #![allow(missing_docs)]
    pub const EPERM: i32 = 1;
    pub const ENOENT: i32 = 2;
    pub const EIO: i32 = 5;
    pub const EBADF: i32 = 9;
    pub const EAGAIN: i32 = 11;
    pub const ENOMEM: i32 = 12;
    pub const EACCES: i32 = 13;
    pub const EEXIST: i32 = 17;
    pub const ENODEV: i32 = 19;
    pub const ENOTDIR: i32 = 20;
    pub const EISDIR: i32 = 21;
    pub const EINVAL: i32 = 22;
    pub const ENOSPC: i32 = 28;
    pub const EROFS: i32 = 30;
    pub const ENOTEMPTY: i32 = 39;
    pub const EOPNOTSUPP: i32 = 95;
    pub const ETIMEDOUT: i32 = 110;
}

/// A port's handle for an open file.
pub type Fd = u32;

/// How to open a file (`open`'s mode string, decoded).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct OpenOptions {
    /// Reading allowed.
    pub read: bool,
    /// Writing allowed.
    pub write: bool,
    /// Every write goes to the end.
    pub append: bool,
    /// Create the file if it is missing.
    pub create: bool,
    /// Empty the file when it is opened.
    pub truncate: bool,
    /// Fail with `EEXIST` if the file exists (`x` mode).
    pub exclusive: bool,
}

/// Where a seek offset counts from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Whence {
    /// The start of the file.
    Start,
    /// The current position.
    Current,
    /// The end of the file.
    End,
}

/// What `os.stat` reports (the fields of its 10-tuple; 0 where the port has no such thing).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Metadata {
    /// Type and permission bits (`0o040000` directory, `0o100000` regular file).
    pub mode: u32,
    /// Inode number.
    pub ino: u64,
    /// Device.
    pub dev: u64,
    /// Hard links.
    pub nlink: u64,
    /// Owner.
    pub uid: u32,
    /// Group.
    pub gid: u32,
    /// Size in bytes.
    pub size: u64,
    /// Last access, seconds since the epoch.
    pub atime: i64,
    /// Last modification, seconds since the epoch.
    pub mtime: i64,
    /// Last status change, seconds since the epoch.
    pub ctime: i64,
}

/// A native module library a port has loaded (see [`Hal::load_native`]).
#[derive(Clone, Copy, Debug)]
pub struct NativeModule {
    /// Define the module (named by the str `name`, its full dotted name), register it in
    /// `sys.modules` and return it. Called by `import` once the port's borrow has ended.
    pub init: fn(
        cx: &mut crate::vm::Cx,
        name: crate::Value,
        data: *const (),
    ) -> crate::PyResult<crate::Value>,
    /// What the port passes to `init` (the C ABI: the module definition in the library).
    pub data: *const (),
}

/// The port: where output goes, where files come from, the clock and the entropy source.
///
/// Only [`Hal::write_out`] is required. Every other service has a default that makes a port
/// without it behave as a board without that hardware: `import time` raises `ImportError`
/// without a clock, file and `os` functions raise `OSError(ENODEV)` without a filesystem,
/// `os.urandom` raises `OSError(ENODEV)` without an entropy source. The core calls the port
/// only from inside interpreter calls, never re-entrantly (no method is called while another
/// one runs).
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

    /// How many bytes of Rust stack the interpreter may still use before it must raise
    /// `RuntimeError` instead of recursing (checked by the parser, compiler, repr and friends).
    /// `None` means unknown: the interpreter then relies on its depth counters alone.
    fn stack_remaining(&mut self) -> Option<usize> {
        None
    }

    // ----- the clock (`time`, `asyncio`) -----

    /// Nanoseconds since some fixed point (boot), never going backwards: `time.ticks_ms/us`,
    /// `time.monotonic`, `time.sleep`. `None`: the port has no clock, and `import time`
    /// raises `ImportError`.
    fn monotonic_ns(&mut self) -> Option<u64> {
        None
    }

    /// The wall clock: nanoseconds since 1970-01-01 00:00 UTC (`time.time()`, `localtime()`).
    /// `None`: no real-time clock; `time.time()` then counts from the epoch at boot (the
    /// monotonic clock), as boards without an RTC do.
    fn wall_time_ns(&mut self) -> Option<i64> {
        None
    }

    /// The local time zone's offset from UTC in seconds at the UTC time `secs` (for
    /// `time.localtime`/`mktime`). The default is UTC.
    fn utc_offset(&mut self, _secs: i64) -> i64 {
        0
    }

    /// Sleep for `ns` nanoseconds (the core sleeps in slices of at most 10 ms, polling for
    /// `KeyboardInterrupt` between them). The default busy-waits on [`Hal::monotonic_ns`].
    fn sleep_ns(&mut self, ns: u64) {
        if let Some(start) = self.monotonic_ns() {
            while self
                .monotonic_ns()
                .is_some_and(|t| t.wrapping_sub(start) < ns)
            {
                core::hint::spin_loop();
            }
        }
    }

    // ----- randomness (`os.urandom`, the `random` module's default seed) -----

    /// Fill `buf` with random bytes from the port's entropy source. The default has none.
    fn random_bytes(&mut self, _buf: &mut [u8]) -> Result<(), Errno> {
        Err(errno::ENODEV)
    }

    // ----- the filesystem (`open`, `os`) -----
    // Every default raises `OSError(ENODEV)`: a port without a filesystem. Paths are as the
    // program wrote them (relative to the port's current directory).

    /// Open a file, returning the port's handle for it.
    fn open(&mut self, _path: &str, _how: OpenOptions) -> Result<Fd, Errno> {
        Err(errno::ENODEV)
    }

    /// Read up to `buf.len()` bytes at the file's position; 0 at end of file.
    fn read(&mut self, _fd: Fd, _buf: &mut [u8]) -> Result<usize, Errno> {
        Err(errno::EBADF)
    }

    /// Write bytes at the file's position (at its end in append mode); returns how many.
    fn write(&mut self, _fd: Fd, _buf: &[u8]) -> Result<usize, Errno> {
        Err(errno::EBADF)
    }

    /// Move the file's position; returns the new position from the start.
    fn seek(&mut self, _fd: Fd, _offset: i64, _whence: Whence) -> Result<u64, Errno> {
        Err(errno::EBADF)
    }

    /// Push buffered writes to the device.
    fn flush(&mut self, _fd: Fd) -> Result<(), Errno> {
        Ok(())
    }

    /// Close the file. Called once per handle: by `close()`, or when the file object is
    /// collected or the interpreter is dropped.
    fn close(&mut self, _fd: Fd) -> Result<(), Errno> {
        Ok(())
    }

    /// What is at `path` (`os.stat`).
    fn metadata(&mut self, _path: &str) -> Result<Metadata, Errno> {
        Err(errno::ENODEV)
    }

    /// Call `each` with every entry of the directory `path` (without `.` and `..`): its name,
    /// what it is, and its inode number (0 if the port has none).
    fn list_dir(
        &mut self,
        _path: &str,
        _each: &mut dyn FnMut(&str, PathKind, u64),
    ) -> Result<(), Errno> {
        Err(errno::ENODEV)
    }

    /// Remove a file.
    fn remove(&mut self, _path: &str) -> Result<(), Errno> {
        Err(errno::ENODEV)
    }

    /// Rename (move) a file or directory.
    fn rename(&mut self, _from: &str, _to: &str) -> Result<(), Errno> {
        Err(errno::ENODEV)
    }

    /// Make a directory.
    fn mkdir(&mut self, _path: &str) -> Result<(), Errno> {
        Err(errno::ENODEV)
    }

    /// Remove an empty directory.
    fn rmdir(&mut self, _path: &str) -> Result<(), Errno> {
        Err(errno::ENODEV)
    }

    /// Pass the current directory to `each`.
    fn getcwd(&mut self, _each: &mut dyn FnMut(&str)) -> Result<(), Errno> {
        Err(errno::ENODEV)
    }

    /// Change the current directory.
    fn chdir(&mut self, _path: &str) -> Result<(), Errno> {
        Err(errno::ENODEV)
    }

    // ----- the process -----

    /// Pass the value of the environment variable `name` to `each`; false if it is unset.
    fn getenv(&mut self, _name: &str, _each: &mut dyn FnMut(&str)) -> bool {
        false
    }

    /// Read up to `buf.len()` bytes of standard input (`sys.stdin.read`); 0 at end of input.
    /// The default has no input.
    fn read_stdin(&mut self, _buf: &mut [u8]) -> usize {
        0
    }

    /// `sys.platform`, `os.uname().sysname` and `platform.platform()`'s system name.
    fn system_name(&self) -> &'static str {
        "linux"
    }

    /// Find and load a native module (a C module built as a shared library, on hosted ports)
    /// called `name` in directory `dir` of the import path, after `name.py` and `name.mpy`
    /// were not found there. `None` when there is none (the default: no native modules);
    /// `Some(Err(e))` when one was found but could not be loaded (`import` raises `e`).
    fn load_native(
        &mut self,
        _dir: &str,
        _name: &str,
    ) -> Option<Result<NativeModule, crate::PyErr>> {
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
