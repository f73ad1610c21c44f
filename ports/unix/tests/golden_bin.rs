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
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(5))
            }
            _ => {
                let _ = child.kill();
                break;
            }
        }
    }
    let out = child.wait_with_output().expect("pyrite output");
    harness::Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        status: out.status.code().unwrap_or(-1),
    }
}

#[test]
fn golden_scripts_through_binary() {
    harness::check_all(cfg!(feature = "circuitpython"), run);
}
