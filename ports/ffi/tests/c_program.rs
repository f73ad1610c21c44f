//! The staticlib from C alone: `examples/c_module/main.c` (a C `main` hosting pyrite) and
//! `dsp.c` are compiled and linked against `libpyrite_ffi.a` with the system C compiler, as a
//! firmware build would, and the program's output is checked.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `libpyrite_ffi.a`, which cargo builds beside the rlib the tests link (`target/<profile>/deps`,
/// uplifted to `target/<profile>`).
fn staticlib() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let deps = exe.parent().expect("deps directory");
    let candidates = [
        deps.join("libpyrite_ffi.a"),
        deps.parent()
            .map(|p| p.join("libpyrite_ffi.a"))
            .unwrap_or_default(),
    ];
    candidates
        .iter()
        .find(|p| p.is_file())
        .cloned()
        .unwrap_or_else(|| panic!("libpyrite_ffi.a not found in {candidates:?}"))
}

#[test]
fn c_main_links_the_staticlib() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = root.join("../../examples/c_module");
    let out_dir = std::env::temp_dir().join(format!("pyrite-c-program-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).expect("temp dir");
    let exe = out_dir.join("dsp-host");
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let status = Command::new(&cc)
        .arg("-I")
        .arg(root.join("include"))
        .args([
            "-Wall",
            "-Wextra",
            "-Wno-unused-parameter",
            "-Werror",
            "-O1",
        ])
        .arg(example.join("main.c"))
        .arg(example.join("dsp.c"))
        .arg(staticlib())
        .args(["-lpthread", "-ldl", "-lm", "-o"])
        .arg(&exe)
        .status()
        .unwrap_or_else(|e| panic!("running the C compiler `{cc}`: {e}"));
    assert!(status.success(), "compiling and linking main.c failed");
    let out = Command::new(&exe).output().expect("running the C program");
    let _ = std::fs::remove_dir_all(&out_dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        (
            out.status.code(),
            stdout.as_ref(),
            String::from_utf8_lossy(&out.stderr).as_ref()
        ),
        (
            Some(0),
            "window full, average 2.5\n2.5 16\nC read average 3.50\n\
             C caught ValueError: t must be between 0 and 1\n",
            // pyr_interp_exec prints the traceback of a failure on stderr.
            "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n\
             ValueError: t must be between 0 and 1\n"
        )
    );
}
