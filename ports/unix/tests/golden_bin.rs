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
    harness::wait_output(child, 60)
}

#[test]
fn golden_scripts_through_binary() {
    harness::check_all(cfg!(feature = "circuitpython"), run);
}
