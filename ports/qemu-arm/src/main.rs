//! pyrite on a Cortex-M3: QEMU's mps2-an385 board.
//!
//! `cortex-m-rt` starts the chip; the interpreter's heap is a static array (`build.rs` sets its
//! size); the console, the script file and the exit status go through ARM semihosting; SysTick
//! is the clock (`time`); the board is sixteen pins wired to nothing (`machine`, `board`).
//! The program frozen from `py/` runs at reset. Built with the `compiler` feature, a host path
//! on QEMU's command line (`-append PATH`) names a script to run instead.
//!
//! The core never uses the global allocator when given a static region; the one here fails
//! every allocation, so a use would show as a panic.

#![no_std]
#![no_main]

mod board;
mod clock;
#[cfg_attr(not(feature = "compiler"), allow(dead_code))]
mod semi;

use core::ptr::addr_of_mut;

use cortex_m_rt::{entry, exception, ExceptionFrame};
use pyrite::{Config, Hal, Interpreter};

include!(concat!(env!("OUT_DIR"), "/frozen.rs"));
include!(concat!(env!("OUT_DIR"), "/config.rs"));

/// The interpreter's heap.
static mut PY_HEAP: [u8; HEAP_BYTES] = [0; HEAP_BYTES];

/// The port: semihosting console, SysTick clock, the board.
struct Port {
    console: semi::Console,
    /// The wall clock at boot (ns since 1970), read from the host as a real-time clock would
    /// be set: `time.time()` is this plus the SysTick clock.
    boot_wall_ns: Option<i64>,
    board: board::Mps2,
}

impl Hal for Port {
    fn write_out(&mut self, bytes: &[u8]) {
        if let Some(h) = self.console.stdout {
            semi::write(h, bytes);
        }
    }

    fn write_err(&mut self, bytes: &[u8]) {
        if let Some(h) = self.console.stderr.or(self.console.stdout) {
            semi::write(h, bytes);
        }
    }

    fn read_stdin(&mut self, buf: &mut [u8]) -> usize {
        self.console.stdin.map_or(0, |h| semi::read(h, buf))
    }

    fn read_line(&mut self, each: &mut dyn FnMut(&[u8])) -> Option<()> {
        let h = self.console.stdin?;
        let mut byte = [0u8; 1];
        let mut any = false;
        loop {
            if semi::read(h, &mut byte) == 0 {
                return any.then_some(());
            }
            any = true;
            if byte[0] == b'\n' {
                return Some(());
            }
            each(&byte);
        }
    }

    fn stack_remaining(&mut self) -> Option<usize> {
        extern "C" {
            // The end of the statics (cortex-m-rt's link.x); the stack grows down towards it.
            static __sheap: u8;
        }
        let floor = core::ptr::addr_of!(__sheap) as usize;
        Some((cortex_m::register::msp::read() as usize).saturating_sub(floor))
    }

    fn monotonic_ns(&mut self) -> Option<u64> {
        Some(clock::now_ns())
    }

    fn wall_time_ns(&mut self) -> Option<i64> {
        self.boot_wall_ns
            .map(|b| b.saturating_add(clock::now_ns() as i64))
    }

    fn sleep_ns(&mut self, ns: u64) {
        clock::sleep_ns(ns);
    }

    fn system_name(&self) -> &'static str {
        "mps2-an385"
    }

    fn board(&mut self) -> Option<&mut dyn pyrite::hal::Board> {
        Some(&mut self.board)
    }
}

/// A global allocator that has nothing to give: the core allocates only inside its region.
struct NoAlloc;

// SAFETY: alloc always fails (returns null), which GlobalAlloc allows; dealloc is never
// given a pointer since none was handed out.
unsafe impl core::alloc::GlobalAlloc for NoAlloc {
    unsafe fn alloc(&self, _layout: core::alloc::Layout) -> *mut u8 {
        core::ptr::null_mut()
    }
    unsafe fn dealloc(&self, _ptr: *mut u8, _layout: core::alloc::Layout) {}
}

#[global_allocator]
static ALLOCATOR: NoAlloc = NoAlloc;

#[entry]
fn main() -> ! {
    if let Some(p) = cortex_m::Peripherals::take() {
        clock::start(p.SYST);
    }
    semi::exit(run())
}

/// Run the program; its exit status.
fn run() -> i32 {
    let mut port = Port {
        console: semi::Console::open(),
        boot_wall_ns: semi::time()
            .map(|s| (s as i64).saturating_mul(1_000_000_000) - clock::now_ns() as i64),
        board: board::Mps2::new(),
    };
    // SAFETY: run is entered once; nothing else uses the array.
    let region: &'static mut [u8] = unsafe { &mut *addr_of_mut!(PY_HEAP) };

    #[cfg(feature = "compiler")]
    let (script, region) = match script::load(region) {
        Ok(x) => x,
        Err(msg) => {
            port.write_err(msg);
            return 1;
        }
    };

    let config = Config {
        frame_stack_bytes: FRAME_BYTES,
        ..Config::default()
    };
    let Ok(mut py) = Interpreter::new(region, &mut port, config) else {
        port.write_err(b"heap too small\n");
        return 1;
    };
    py.add_frozen(FROZEN);
    py.attach_signal(&clock::SIGNAL);

    #[cfg(feature = "compiler")]
    if let Some((path, source)) = script {
        let _ = py.set_argv(&[path]);
        if let Some(dir) = path.rfind('/').map(|i| &path[..i]) {
            let _ = py.push_path(if dir.is_empty() { "/" } else { dir });
        }
        return py.run_main(source, path);
    }
    py.run_module("main")
}

/// The script named on the command line (compiler builds).
#[cfg(feature = "compiler")]
mod script {
    use super::semi;
    use core::ptr::addr_of_mut;

    static mut CMDLINE: [u8; 512] = [0; 512];
    static mut PATH: [u8; 512] = [0; 512];

    /// A path and its source.
    type Script = Option<(&'static str, &'static [u8])>;

    /// Read the script QEMU's command line names (its second word: the first is the program),
    /// into the front of `region`. Returns it and the rest of the region.
    pub fn load(region: &'static mut [u8]) -> Result<(Script, &'static mut [u8]), &'static [u8]> {
        // SAFETY: load is called once; nothing else uses these arrays.
        let (cmd, pathbuf) = unsafe { (&mut *addr_of_mut!(CMDLINE), &mut *addr_of_mut!(PATH)) };
        let Some(line) = semi::cmdline(cmd) else {
            return Ok((None, region));
        };
        let line = line.split(|&b| b == 0).next().unwrap_or(&[]);
        let Some(path) = line
            .split(|b| b.is_ascii_whitespace())
            .filter(|w| !w.is_empty())
            .nth(1)
        else {
            return Ok((None, region));
        };
        if path.len() >= pathbuf.len() {
            return Err(b"script path too long\n");
        }
        pathbuf[..path.len()].copy_from_slice(path);
        pathbuf[path.len()] = 0;
        let (pathbuf, _) = pathbuf.split_at_mut(path.len() + 1);
        let pathbuf: &'static [u8] = pathbuf;
        let Ok(name) = core::str::from_utf8(&pathbuf[..path.len()]) else {
            return Err(b"script path is not UTF-8\n");
        };
        let Some(h) = semi::open(pathbuf, semi::MODE_READ) else {
            return Err(b"cannot open the script\n");
        };
        let len = semi::flen(h);
        let len = match len {
            Some(n) if n <= region.len() / 2 => n,
            _ => {
                semi::close(h);
                return Err(b"the script does not fit in half the heap\n");
            }
        };
        let (src, rest) = region.split_at_mut(len);
        let got = semi::read_all(h, src);
        semi::close(h);
        if got != len {
            return Err(b"cannot read the script\n");
        }
        let src: &'static [u8] = src;
        Ok((Some((name, src)), rest))
    }
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
    if let Some(h) = semi::open(b":tt\0", 8) {
        semi::write(h, &buf[..n]);
    }
    semi::exit(101)
}

#[exception]
unsafe fn HardFault(_frame: &ExceptionFrame) -> ! {
    if let Some(h) = semi::open(b":tt\0", 8) {
        semi::write(h, b"HardFault\n");
    }
    semi::exit(102)
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
