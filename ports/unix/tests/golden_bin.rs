//! Golden scripts run through the `pyrite` binary, as a user runs them (see
//! `tests/harness/golden.rs` at the workspace root).

#[path = "../../../tests/harness/golden.rs"]
mod harness;

use std::path::Path;
use std::process::{Command, Stdio};

fn run(script: &Path) -> harness::Outcome {
    let dir = script.parent().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .arg(script.file_name().unwrap())
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run pyrite");
    if let Some(mut i) = child.stdin.take() {
        use std::io::Write;
        let _ = i.write_all(&harness::stdin_of(script));
    }
    // Drain the pipes while waiting: a script that prints more than a pipe holds would
    // otherwise block until the deadline.
    let drain = |p: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = p {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out_t = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let err_t = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break st.code().unwrap_or(-1),
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(5))
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break -1;
            }
        }
    };
    let stdout = out_t.join().unwrap_or_default();
    let _ = err_t.join();
    harness::Outcome {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        status,
    }
}

#[test]
fn golden_scripts_through_binary() {
    harness::check_all(cfg!(feature = "circuitpython"), run);
}
