//! `pyrite --startup [DIR]`: what a board does when it starts, run from DIR (the board's
//! filesystem), so that `code.py` projects run unchanged on the desktop (FLAVOURS.md rows
//! 6-8).
//!
//! * circuitpython: `boot.py` if present, then the first of `code.txt`, `code.py`, `main.py`,
//!   `main.txt`, announced by `<file> output:` (after the line-clear `ESC[2K ESC[0G`) and
//!   followed by `Code done running.`; a file name with two extensions gets CircuitPython's
//!   warning. Auto-reload does not exist here (`Auto-reload is off.`).
//! * micropython: `boot.py`, then `main.py` only if `boot.py` succeeded; no messages.
//!
//! Then, on a terminal, the REPL (circuitpython first waits for Enter, as for "any key").

use std::io::{BufRead, IsTerminal};
use std::path::Path;

use pyrite::Interpreter;

/// Run file `name` of `dir` as `__main__`; `None` if it does not exist.
fn run_file(interp: &mut Interpreter, dir: &Path, name: &str) -> Option<i32> {
    let src = std::fs::read(dir.join(name)).ok()?;
    Some(interp.run_main(&src, name))
}

/// The code file circuitpython runs, and whether a doubled extension was seen.
fn code_file(dir: &Path) -> (Option<&'static str>, bool) {
    const FILES: [&str; 4] = ["code.txt", "code.py", "main.py", "main.txt"];
    let found = FILES.into_iter().find(|f| dir.join(f).is_file());
    let double = FILES.iter().any(|f| {
        ["py", "txt"]
            .iter()
            .any(|ext| dir.join(format!("{f}.{ext}")).is_file())
    });
    (found, double)
}

pub fn run(interp: &mut Interpreter, dir: &str) -> i32 {
    let dir = Path::new(dir);
    let mut status = 0;
    if pyrite::flavour::CIRCUITPYTHON {
        if let Some(s) = run_file(interp, dir, "boot.py") {
            status = s;
        }
        let (file, double) = code_file(dir);
        if double {
            interp.write_out(b"WARNING: Your code filename has two extensions\n");
        }
        if let Some(f) = file {
            interp.write_out(format!("\x1b[2K\x1b[0G{f} output:\n").as_bytes());
            status = run_file(interp, dir, f).unwrap_or(0);
            interp.write_out(b"\nCode done running.\n");
        }
        interp.write_out(b"Auto-reload is off.\n");
        if std::io::stdin().is_terminal() {
            interp.write_out(b"\r\nPress any key to enter the REPL. Use CTRL-D to reload.\n");
            let mut line = String::new();
            if matches!(std::io::stdin().lock().read_line(&mut line), Ok(0) | Err(_)) {
                return status;
            }
            return crate::repl(interp);
        }
    } else {
        let boot_ok = run_file(interp, dir, "boot.py").is_none_or(|s| s == 0);
        if boot_ok {
            if let Some(s) = run_file(interp, dir, "main.py") {
                status = s;
            }
        }
        if std::io::stdin().is_terminal() {
            return crate::repl(interp);
        }
    }
    status
}
