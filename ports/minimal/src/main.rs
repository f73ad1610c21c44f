//! pyrite on bare x86_64 Linux: the stand-in for firmware.
//!
//! No standard library and no C library: the entry point is `_start` (below), the console is
//! two raw `write` system calls, the interpreter's heap is a static array, and the global
//! allocator (which the core never needs when given a static region: this port checks it) is
//! `linked_list_allocator` over another small static array. The Python program is frozen
//! into the binary at build time (`build.rs`, `py/`) and runs from there. Built with the
//! `compiler` feature, it then also runs the Python read from standard input.
//!
//! Anything that pulls in `std` fails the link (`duplicate lang item`), which is the point.

#![no_std]
#![no_main]

use core::arch::{asm, global_asm};
use core::cell::RefCell;
use core::ptr::addr_of_mut;
use core::sync::atomic::{AtomicUsize, Ordering};

use critical_section::Mutex;
use pyrite::{Config, Error, Hal, Interpreter};

include!(concat!(env!("OUT_DIR"), "/frozen.rs"));

// ---- the C runtime we do not have ----

global_asm!(
    ".globl _start",
    "_start:",
    "xor ebp, ebp",
    "mov rdi, rsp",
    "and rsp, -16",
    "call {entry}",
    "ud2",
    entry = sym entry,
);

/// `syscall(n, a, b, c)`.
///
/// # Safety
/// The arguments must be valid for system call `n`.
unsafe fn syscall3(n: usize, a: usize, b: usize, c: usize) -> isize {
    let r: isize;
    // SAFETY: the caller's promise; the kernel clobbers rcx and r11 only.
    unsafe {
        asm!(
            "syscall",
            inlateout("rax") n as isize => r,
            in("rdi") a,
            in("rsi") b,
            in("rdx") c,
            lateout("rcx") _,
            lateout("r11") _,
            options(nostack),
        );
    }
    r
}

const SYS_READ: usize = 0;
const SYS_WRITE: usize = 1;
const SYS_EXIT_GROUP: usize = 231;

fn write_fd(fd: usize, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: bytes is a valid buffer of that length.
        let n = unsafe { syscall3(SYS_WRITE, fd, bytes.as_ptr() as usize, bytes.len()) };
        if n <= 0 {
            return;
        }
        bytes = &bytes[n as usize..];
    }
}

fn read_fd(fd: usize, buf: &mut [u8]) -> usize {
    let mut got = 0;
    while got < buf.len() {
        let rest = &mut buf[got..];
        // SAFETY: rest is a valid writable buffer of that length.
        let n = unsafe { syscall3(SYS_READ, fd, rest.as_mut_ptr() as usize, rest.len()) };
        if n <= 0 {
            break;
        }
        got += n as usize;
    }
    got
}

fn exit(code: i32) -> ! {
    // SAFETY: exit_group takes a status and does not return.
    unsafe { syscall3(SYS_EXIT_GROUP, code as usize, 0, 0) };
    loop {
        core::hint::spin_loop();
    }
}

/// The memory functions the compiler emits calls to. Volatile accesses keep LLVM from
/// turning these loops back into calls of themselves.
mod mem {
    /// # Safety
    /// As C's `memcpy`.
    #[no_mangle]
    pub unsafe extern "C" fn memcpy(d: *mut u8, s: *const u8, n: usize) -> *mut u8 {
        let mut i = 0;
        while i < n {
            // SAFETY: the caller's promise.
            unsafe { d.add(i).write_volatile(s.add(i).read_volatile()) };
            i += 1;
        }
        d
    }

    /// # Safety
    /// As C's `memmove`.
    #[no_mangle]
    pub unsafe extern "C" fn memmove(d: *mut u8, s: *const u8, n: usize) -> *mut u8 {
        if (d as usize) <= (s as usize) || (d as usize) >= (s as usize) + n {
            // SAFETY: forward copy is safe for these overlaps.
            return unsafe { memcpy(d, s, n) };
        }
        let mut i = n;
        while i > 0 {
            i -= 1;
            // SAFETY: the caller's promise.
            unsafe { d.add(i).write_volatile(s.add(i).read_volatile()) };
        }
        d
    }

    /// # Safety
    /// As C's `memset`.
    #[no_mangle]
    pub unsafe extern "C" fn memset(d: *mut u8, c: i32, n: usize) -> *mut u8 {
        let mut i = 0;
        while i < n {
            // SAFETY: the caller's promise.
            unsafe { d.add(i).write_volatile(c as u8) };
            i += 1;
        }
        d
    }

    /// # Safety
    /// As C's `memcmp`.
    #[no_mangle]
    pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
        let mut i = 0;
        while i < n {
            // SAFETY: the caller's promise.
            let (x, y) = unsafe { (a.add(i).read_volatile(), b.add(i).read_volatile()) };
            if x != y {
                return x as i32 - y as i32;
            }
            i += 1;
        }
        0
    }

    /// # Safety
    /// As C's `bcmp`.
    #[no_mangle]
    pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
        // SAFETY: the caller's promise.
        unsafe { memcmp(a, b, n) }
    }
}

/// Referenced by the precompiled `core` (built to unwind); never called with panic=abort.
#[no_mangle]
pub extern "C" fn rust_eh_personality() {}

/// As above.
#[no_mangle]
pub extern "C" fn _Unwind_Resume() -> ! {
    exit(134)
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    let mut buf = [0u8; 256];
    let mut w = Buf {
        buf: &mut buf,
        len: 0,
    };
    let _ = core::fmt::Write::write_fmt(&mut w, format_args!("panic: {info}\n"));
    let n = w.len;
    write_fd(2, &buf[..n]);
    exit(101)
}

/// Formatting into a fixed buffer.
struct Buf<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl core::fmt::Write for Buf<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for &c in s.as_bytes() {
            if self.len < self.buf.len() {
                self.buf[self.len] = c;
                self.len += 1;
            }
        }
        Ok(())
    }
}

// ---- one core, no preemption: the critical section has nothing to mask ----

struct SingleCore;
critical_section::set_impl!(SingleCore);

// SAFETY: this process has one thread and installs no signal handlers, so nothing can run
// between acquire and release (on a microcontroller, acquire would mask interrupts).
unsafe impl critical_section::Impl for SingleCore {
    unsafe fn acquire() -> bool {
        false
    }
    unsafe fn release(_was: bool) {}
}

// ---- the global allocator: a small fixed arena, counted ----

const ARENA: usize = 16 * 1024;
static mut ARENA_MEM: [u8; ARENA] = [0; ARENA];
static GLOBAL_ALLOCS: AtomicUsize = AtomicUsize::new(0);

struct Allocator {
    heap: Mutex<RefCell<Option<linked_list_allocator::Heap>>>,
}

// SAFETY: every access to the heap is inside a critical section; allocations come from the
// arena, which only this allocator touches.
unsafe impl core::alloc::GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: core::alloc::Layout) -> *mut u8 {
        critical_section::with(|cs| {
            let mut h = self.heap.borrow_ref_mut(cs);
            let heap = h.get_or_insert_with(|| {
                // SAFETY: the arena is used by this allocator only, initialised once.
                unsafe {
                    linked_list_allocator::Heap::new(addr_of_mut!(ARENA_MEM) as *mut u8, ARENA)
                }
            });
            GLOBAL_ALLOCS.store(GLOBAL_ALLOCS.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
            heap.allocate_first_fit(layout)
                .map_or(core::ptr::null_mut(), |p| p.as_ptr())
        })
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: core::alloc::Layout) {
        critical_section::with(|cs| {
            if let Some(heap) = self.heap.borrow_ref_mut(cs).as_mut() {
                if let Some(p) = core::ptr::NonNull::new(ptr) {
                    // SAFETY: p was allocated by this heap with this layout.
                    unsafe { heap.deallocate(p, layout) };
                }
            }
        })
    }
}

#[global_allocator]
static ALLOCATOR: Allocator = Allocator {
    heap: Mutex::new(RefCell::new(None)),
};

// ---- the port ----

/// The console: standard output and error.
struct Console;

impl Hal for Console {
    fn write_out(&mut self, bytes: &[u8]) {
        write_fd(1, bytes);
    }
    fn write_err(&mut self, bytes: &[u8]) {
        write_fd(2, bytes);
    }
}

/// The interpreter's heap.
static mut PY_HEAP: [u8; 512 * 1024] = [0; 512 * 1024];

/// Python source read from standard input (compiler builds).
#[cfg(feature = "compiler")]
static mut STDIN: [u8; 64 * 1024] = [0; 64 * 1024];

fn report(py: &mut Interpreter, e: Error) -> i32 {
    match e {
        Error::Exception(x) => {
            py.print_exception(&x);
            if x.matches(&pyrite::exceptions::SYSTEM_EXIT) {
                0
            } else {
                1
            }
        }
        Error::OutOfFuel => 1,
    }
}

extern "C" fn entry(_sp: *const usize) -> ! {
    exit(run())
}

fn run() -> i32 {
    let mut console = Console;
    // SAFETY: entered once; nothing else uses the array.
    let region: &'static mut [u8] = unsafe { &mut *addr_of_mut!(PY_HEAP) };
    let Ok(mut py) = Interpreter::new(region, &mut console, Config::default()) else {
        write_fd(2, b"heap too small\n");
        return 1;
    };
    py.add_frozen(FROZEN);
    let mut status = 0;
    if let Err(e) = py.import("main") {
        status = report(&mut py, e);
    }
    #[cfg(feature = "compiler")]
    if status == 0 {
        // SAFETY: entered once; nothing else uses the array.
        let buf: &'static mut [u8] = unsafe { &mut *addr_of_mut!(STDIN) };
        let n = read_fd(0, buf);
        match core::str::from_utf8(&buf[..n]) {
            Ok(src) if !src.trim().is_empty() => {
                if let Err(e) = py.exec_source(src, "<stdin>") {
                    status = report(&mut py, e);
                }
            }
            Ok(_) => {}
            Err(_) => {
                write_fd(2, b"stdin is not UTF-8\n");
                status = 1;
            }
        }
    }
    #[cfg(not(feature = "compiler"))]
    let _ = read_fd;
    drop(py);
    if GLOBAL_ALLOCS.load(Ordering::Relaxed) != 0 {
        write_fd(2, b"the core used the global allocator\n");
        status = 3;
    }
    status
}
