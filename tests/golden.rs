//! Golden scripts run in-process through the library (see `tests/harness/golden.rs`).

#[path = "harness/golden.rs"]
mod harness;

use std::io::Read;
use std::path::Path;

use pyrite::{Config, Hal, Interpreter, PathKind};

/// A port that captures output and reads files from the host.
struct TestHal {
    out: Vec<u8>,
}

impl Hal for TestHal {
    fn write_out(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }
    fn write_err(&mut self, _bytes: &[u8]) {}
    fn stat(&mut self, path: &str) -> PathKind {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => PathKind::Dir,
            Ok(_) => PathKind::File,
            Err(_) => PathKind::Missing,
        }
    }
    fn file_size(&mut self, path: &str) -> Option<usize> {
        std::fs::metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len() as usize)
    }
    fn read_file(&mut self, path: &str, buf: &mut [u8]) -> Option<usize> {
        let mut f = std::fs::File::open(path).ok()?;
        let mut n = 0;
        while n < buf.len() {
            match f.read(&mut buf[n..]) {
                Ok(0) => break,
                Ok(k) => n += k,
                Err(_) => return None,
            }
        }
        Some(n)
    }
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
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let mut hal = TestHal { out: Vec::new() };
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
