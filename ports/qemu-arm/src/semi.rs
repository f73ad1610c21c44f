//! ARM semihosting: the debugger's (here QEMU's) console, files and exit.
//!
//! Each call is a `BKPT 0xAB` with the operation in r0 and a pointer to its argument block in
//! r1 (`cortex_m_semihosting::syscall1`). Handles are the host's; paths are host paths.

use cortex_m_semihosting::{nr, syscall1};

/// `SYS_EXIT_EXTENDED`: exit with a status code (semihosting v2, which QEMU implements).
const SYS_EXIT_EXTENDED: usize = 0x20;
/// `ADP_Stopped_ApplicationExit`: a normal exit; the status is the second word.
const ADP_STOPPED_APPLICATION_EXIT: usize = 0x20026;

/// `SYS_OPEN` modes (fopen's "rb", "w", "a").
pub const MODE_READ: usize = 1;
const MODE_WRITE: usize = 4;
const MODE_APPEND: usize = 8;

fn call(op: usize, block: &[usize]) -> isize {
    // SAFETY: `block` is the argument block `op` takes; every buffer it points to is valid for
    // the length beside it, and the host only writes inside the buffers given to it.
    unsafe { syscall1(op, block.as_ptr() as usize) as isize }
}

/// Open the host file `path` (NUL-terminated) in `mode`; the host's handle.
pub fn open(path: &[u8], mode: usize) -> Option<usize> {
    let len = path.iter().position(|&b| b == 0)?;
    let h = call(nr::OPEN, &[path.as_ptr() as usize, mode, len]);
    (h >= 0).then_some(h as usize)
}

/// Close a handle.
pub fn close(h: usize) {
    call(nr::CLOSE, &[h]);
}

/// The length of an open file.
pub fn flen(h: usize) -> Option<usize> {
    let n = call(nr::FLEN, &[h]);
    (n >= 0).then_some(n as usize)
}

/// Read up to `buf.len()` bytes; how many were read (0 at end of file or on error).
pub fn read(h: usize, buf: &mut [u8]) -> usize {
    if buf.is_empty() {
        return 0;
    }
    // SYS_READ returns the number of bytes *not* read.
    let left = call(nr::READ, &[h, buf.as_mut_ptr() as usize, buf.len()]);
    if left < 0 || left as usize > buf.len() {
        return 0;
    }
    buf.len() - left as usize
}

/// Fill `buf` as far as the file goes; how many bytes were read.
pub fn read_all(h: usize, buf: &mut [u8]) -> usize {
    let mut got = 0;
    while got < buf.len() {
        let n = read(h, &mut buf[got..]);
        if n == 0 {
            break;
        }
        got += n;
    }
    got
}

/// Write all of `bytes`.
pub fn write(h: usize, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SYS_WRITE returns the number of bytes *not* written.
        let left = call(nr::WRITE, &[h, bytes.as_ptr() as usize, bytes.len()]);
        if left <= 0 || left as usize >= bytes.len() {
            // All written, or an error (nothing written): stop rather than spin.
            return;
        }
        bytes = &bytes[bytes.len() - left as usize..];
    }
}

/// The console's handles: standard input, output and error of the host.
pub struct Console {
    pub stdin: Option<usize>,
    pub stdout: Option<usize>,
    pub stderr: Option<usize>,
}

impl Console {
    /// Open the three streams (`:tt` in modes "r", "w", "a").
    pub fn open() -> Console {
        Console {
            stdin: open(b":tt\0", 0),
            stdout: open(b":tt\0", MODE_WRITE),
            stderr: open(b":tt\0", MODE_APPEND),
        }
    }
}

/// The command line QEMU was given (`-append` or the `arg=` of `-semihosting-config`), in
/// `buf`.
pub fn cmdline(buf: &mut [u8]) -> Option<&[u8]> {
    // SYS_GET_CMDLINE takes [buffer, size] and writes the length back into the block.
    let mut block = [buf.as_mut_ptr() as usize, buf.len()];
    // SAFETY: block is the argument block; the host writes at most `buf.len()` bytes
    // (including a NUL) into buf and the length into block[1].
    let r = unsafe { syscall1(nr::GET_CMDLINE, block.as_mut_ptr() as usize) } as isize;
    if r != 0 {
        return None;
    }
    let n = block[1].min(buf.len());
    Some(&buf[..n])
}

/// The host's clock: seconds since 1970-01-01 00:00 UTC (`SYS_TIME`).
pub fn time() -> Option<u64> {
    // SAFETY: SYS_TIME takes no argument block (r1 must be 0).
    let t = unsafe { syscall1(nr::TIME, 0) } as isize;
    (t > 0).then_some(t as u64)
}

/// Stop the machine: QEMU exits with `status`.
pub fn exit(status: i32) -> ! {
    call(
        SYS_EXIT_EXTENDED,
        &[ADP_STOPPED_APPLICATION_EXIT, status as u32 as usize],
    );
    // A host without SYS_EXIT_EXTENDED: the plain exit can only tell success from failure.
    let reason = if status == 0 {
        ADP_STOPPED_APPLICATION_EXIT
    } else {
        0x20023 // ADP_Stopped_RunTimeErrorUnknown
    };
    // SAFETY: SYS_EXIT takes the reason code itself (not a block) on 32-bit targets.
    unsafe { syscall1(nr::REPORT_EXCEPTION, reason) };
    loop {
        cortex_m::asm::wfi();
    }
}
