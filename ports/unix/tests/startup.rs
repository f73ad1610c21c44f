//! `pyrite --startup DIR`: the board start-up sequence (FLAVOURS.md rows 6-8).

use std::process::{Command, Stdio};

fn run_in(files: &[(&str, &str)]) -> String {
    let dir = std::env::temp_dir().join(format!(
        "pyrite-startup-{}-{}",
        std::process::id(),
        files.len()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .arg("--startup")
        .arg(&dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n")
}

#[test]
fn startup_sequence() {
    let files = [
        ("boot.py", "print('boot')\n"),
        ("code.py", "print('code')\n"),
        ("main.py", "print('main')\n"),
    ];
    let out = run_in(&files);
    if cfg!(feature = "circuitpython") {
        assert_eq!(
            out,
            "boot\n\x1b[2K\x1b[0Gcode.py output:\ncode\n\nCode done running.\nAuto-reload is off.\n"
        );
    } else {
        assert_eq!(out, "boot\nmain\n");
    }
}

#[test]
fn startup_main_py_and_errors() {
    let out = run_in(&[("main.py", "print('main')\n1/0\n"), ("code.py.txt", "")]);
    if cfg!(feature = "circuitpython") {
        assert_eq!(
            out,
            "WARNING: Your code filename has two extensions\n\x1b[2K\x1b[0Gmain.py output:\nmain\n\
             Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n\
             ZeroDivisionError: division by zero\n\nCode done running.\nAuto-reload is off.\n"
        );
    } else {
        assert_eq!(
            out,
            "main\nTraceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n\
             ZeroDivisionError: divide by zero\n"
        );
    }
}
