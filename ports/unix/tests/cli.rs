//! The command line: `pyrite --compile FILE.py -o FILE.mpy`, `import` finding `.mpy` files on
//! `sys.path`, and Ctrl-C.

use std::process::Command;

fn pyrite() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pyrite"))
}

#[test]
fn compile_then_import_mpy() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("compile_flag");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("helper.py"), "def f(x):\n    return x * 21\n").unwrap();
    std::fs::write(dir.join("pkg/__init__.py"), "from .inner import G\n").unwrap();
    std::fs::write(dir.join("pkg/inner.py"), "G = 'inner'\n").unwrap();
    std::fs::write(
        dir.join("main.py"),
        "import helper, pkg\nprint(helper.f(2), pkg.G, helper.__file__)\n",
    )
    .unwrap();
    for (src, out) in [
        ("helper.py", Some("helper.mpy")),
        ("pkg/__init__.py", None),
        ("pkg/inner.py", Some("pkg/inner.mpy")),
    ] {
        let mut c = pyrite();
        c.arg("--compile").arg(src).current_dir(&dir);
        if let Some(o) = out {
            c.arg("-o").arg(o);
        }
        assert!(c.status().unwrap().success(), "compile {src}");
        std::fs::remove_file(dir.join(src)).unwrap();
    }
    assert!(dir.join("pkg/__init__.mpy").is_file());
    let out = pyrite().arg("main.py").current_dir(&dir).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("42 inner "), "{text}");
    assert!(text.trim_end().ends_with("helper.mpy"), "{text}");
    // The main program itself may be a .mpy.
    let c = pyrite()
        .args(["--compile", "main.py", "-o", "main.mpy"])
        .current_dir(&dir)
        .status()
        .unwrap();
    assert!(c.success());
    let out = pyrite().arg("main.mpy").current_dir(&dir).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("42 inner "));
    // Compile errors are reported like MicroPython's, with status 1.
    std::fs::write(dir.join("bad.py"), "x = (\n").unwrap();
    let out = pyrite()
        .args(["--compile", "bad.py"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SyntaxError"));
    assert!(!dir.join("bad.mpy").exists());
}

/// Ctrl-C (SIGINT) raises KeyboardInterrupt in the running program: traceback, status 130.
#[test]
fn sigint_raises_keyboard_interrupt() {
    let child = pyrite()
        .args([
            "-c",
            "print('spinning', flush=True)\nwhile True:\n    pass\n",
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(130), "{text}");
    assert!(text.contains("KeyboardInterrupt"), "{text}");
}
