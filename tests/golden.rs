//! Golden scripts run in-process through the library (see `tests/harness/golden.rs`).

#[path = "harness/golden.rs"]
mod harness;

#[macro_use]
#[path = "../ports/unix/src/host.rs"]
mod host;

use std::path::Path;

use host::HostServices;
use pyrite::{Config, Hal, Interpreter};

/// A port that captures output, reads standard input from the script's `.stdin` file, and
/// reaches the host's filesystem with the script's directory as its own current directory
/// (scripts run in parallel threads of one process, so the process's cannot be changed).
struct TestHal {
    out: Vec<u8>,
    stdin: Vec<u8>,
    stdin_pos: usize,
    host: HostServices,
}

impl Hal for TestHal {
    fn write_out(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }
    fn write_err(&mut self, _bytes: &[u8]) {}
    fn read_line(&mut self, sink: &mut dyn FnMut(&[u8])) -> Option<()> {
        let rest = &self.stdin[self.stdin_pos.min(self.stdin.len())..];
        if rest.is_empty() {
            return None;
        }
        let n = rest
            .iter()
            .position(|&c| c == b'\n')
            .map_or(rest.len(), |p| p + 1);
        self.stdin_pos += n;
        sink(rest[..n].strip_suffix(b"\n").unwrap_or(&rest[..n]));
        Some(())
    }
    fn read_stdin(&mut self, buf: &mut [u8]) -> usize {
        let rest = &self.stdin[self.stdin_pos.min(self.stdin.len())..];
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.stdin_pos += n;
        n
    }
    forward_host_services!(host);
}

/// Heap per script: small under gc-stress so every collection stays quick.
const HEAP: usize = if cfg!(feature = "gc-stress") {
    256 * 1024
} else {
    2 * 1024 * 1024
};

fn run(script: &Path) -> harness::Outcome {
    let dir = std::fs::canonicalize(script.parent().unwrap()).unwrap();
    let name = script.file_name().unwrap().to_string_lossy().to_string();
    let src = std::fs::read(script).unwrap();
    // Run on a thread with a generous stack, with a watchdog.
    let (tx, rx) = std::sync::mpsc::channel();
    let dir2 = dir.clone();
    let stdin = harness::stdin_of(script);
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let mut hal = TestHal {
                out: Vec::new(),
                stdin,
                stdin_pos: 0,
                host: HostServices::with_cwd(&dir2),
            };
            let status = {
                let mut it = Interpreter::with_heap_size(HEAP, &mut hal, Config::default())
                    .expect("interpreter");
                it.push_path(&dir2.to_string_lossy()).unwrap();
                it.set_argv(&[&name]).unwrap();
                // A process exit status is the code modulo 256.
                it.run_main(&src, &name) & 0xff
            };
            let _ = tx.send(harness::Outcome {
                stdout: String::from_utf8_lossy(&hal.out).into_owned(),
                status,
            });
        })
        .unwrap();
    match rx.recv_timeout(std::time::Duration::from_secs(60)) {
        Ok(o) => o,
        Err(_) => {
            eprintln!("golden: {} did not finish in 60 s", script.display());
            std::process::exit(101);
        }
    }
}

#[test]
fn golden_scripts_in_process() {
    harness::check_all(cfg!(feature = "circuitpython"), run);
}
