//! Freeze the Python program, fix the heap size, and put `memory.x` where the linker finds it.
//!
//! The interpreter's heap is a static array of `PYRITE_HEAP_KB` KiB (default 64), of which
//! `PYRITE_FRAME_KB` KiB (default an eighth of the heap, 2 to 128) hold the Python frame stack.
//! `PYRITE_MAIN` names another file to freeze as `main` (the program run at reset).
use std::io::Write as _;
use std::path::PathBuf;

fn kib(var: &str) -> Option<usize> {
    println!("cargo:rerun-if-env-changed={var}");
    let v = std::env::var(var).ok()?;
    match v.trim().parse::<usize>() {
        Ok(n) if n > 0 => Some(n),
        _ => panic!("{var} must be a positive number of KiB, not {v:?}"),
    }
}

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());

    // memory.x next to link.x (cortex-m-rt's), for any target directory.
    std::fs::copy("memory.x", out.join("memory.x")).unwrap();
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rerun-if-changed=memory.x");

    let heap = kib("PYRITE_HEAP_KB").unwrap_or(64);
    let frames = kib("PYRITE_FRAME_KB").unwrap_or((heap / 8).clamp(2, 128));
    assert!(
        frames < heap,
        "the frame stack must be smaller than the heap"
    );
    let mut f = std::fs::File::create(out.join("config.rs")).unwrap();
    writeln!(f, "/// Bytes of the interpreter's heap region.").unwrap();
    writeln!(f, "const HEAP_BYTES: usize = {};", heap * 1024).unwrap();
    writeln!(f, "/// Bytes of the heap that hold the frame stack.").unwrap();
    writeln!(f, "const FRAME_BYTES: usize = {};", frames * 1024).unwrap();

    // The frozen `main`: py/main.py, or the file PYRITE_MAIN names (relative to this crate).
    println!("cargo:rerun-if-env-changed=PYRITE_MAIN");
    println!("cargo:rerun-if-changed=py");
    let main = std::env::var("PYRITE_MAIN").unwrap_or_else(|_| "py/main.py".into());
    println!("cargo:rerun-if-changed={main}");
    pyrite_freeze::Freezer::new()
        .module("main", &main)
        .dir("py/lib")
        .write(&out.join("frozen.rs"))
        .unwrap_or_else(|e| panic!("freezing failed: {e}"));
}
