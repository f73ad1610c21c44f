//! Link the C module in `dsp.c` into an interpreter and use it from Python.
//!
//! Run with `cargo run -p pyrite-ffi --example c_module`. The crate's build script compiles
//! `dsp.c` (with the `cc` crate) into a static library; a firmware build does the same with
//! its own C toolchain, then links the library beside pyrite and pyrite-ffi.

use pyrite::{Config, Hal, Interpreter};
use pyrite_ffi::{CModules, ModuleDef};

// The definition `PYR_MODULE_DEF(dsp)` makes in C, from the static library built from dsp.c.
#[link(name = "pyrite_ffi_example", kind = "static")]
extern "C" {
    static pyrite_module_dsp: ModuleDef;
}

/// The console: print and tracebacks go to stdout.
struct Console;

impl Hal for Console {
    fn write_out(&mut self, bytes: &[u8]) {
        print!("{}", String::from_utf8_lossy(bytes));
    }
}

fn main() {
    let mut console = Console;
    let mut py = Interpreter::with_heap_size(128 * 1024, &mut console, Config::default())
        .expect("heap too small");

    // Register the C module: its ABI version is checked, its functions, type and constant
    // become Python objects, and `import dsp` finds it.
    // SAFETY: the C definition follows include/pyrite.h (it was compiled against it).
    py.c_module(unsafe { &pyrite_module_dsp })
        .expect("registering the C module");

    let program = r#"
import dsp

f = dsp.MovingAverage(4)
f.on_full(lambda avg: print("window full, average", avg))
for x in (1, 2, 3, 4, 5):
    f.push(x)
print("average now", f.average)
print("mix:", dsp.mix(0.0, 10.0), dsp.mix(0.0, 10.0, t=0.25))
print("WINDOW_MAX:", dsp.WINDOW_MAX)

try:
    dsp.MovingAverage(100)
except ValueError as e:
    print("ValueError:", e)
"#;
    if let Err(e) = py.exec(program) {
        if let Some(x) = e.exception() {
            py.print_exception(x);
        }
        std::process::exit(1);
    }
}
