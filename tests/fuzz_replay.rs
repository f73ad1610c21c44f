//! Every fuzz corpus file and every crash the fuzzers found (`fuzz/corpus/<target>/`,
//! `fuzz/regressions/<target>/`) replayed through the fuzz targets' bodies
//! (`tests/harness/fuzz_targets.rs`), so `cargo test` checks them without a fuzzer.

#[path = "harness/fuzz_targets.rs"]
mod fuzz_targets;

use std::path::Path;

type Target = fn(&[u8]);

const TARGETS: [(&str, Target); 5] = [
    ("compile", fuzz_targets::compile_source),
    ("exec", fuzz_targets::exec_source),
    ("mpy", fuzz_targets::load_mpy),
    ("structured", fuzz_targets::structured),
    ("modules", fuzz_targets::modules),
];

fn replay(name: &str, f: Target) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = Vec::new();
    for kind in ["corpus", "regressions"] {
        let Ok(rd) = std::fs::read_dir(root.join(kind).join(name)) else {
            continue;
        };
        for e in rd {
            let p = e.unwrap().path();
            if p.is_file() && !p.file_name().unwrap().to_string_lossy().starts_with('.') {
                files.push(p);
            }
        }
    }
    files.sort();
    let n = files.len();
    // A thread with a large stack, as libFuzzer's main thread has (debug builds use more).
    let failures = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut failures = Vec::new();
            for p in files {
                let data = std::fs::read(&p).unwrap();
                if std::panic::catch_unwind(|| f(&data)).is_err() {
                    failures.push(p.display().to_string());
                }
            }
            failures
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(
        failures.is_empty(),
        "{name}: {} of {n} inputs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{name}: {n} inputs replayed");
}

#[test]
fn replay_compile() {
    replay(TARGETS[0].0, TARGETS[0].1);
}

#[test]
fn replay_exec() {
    replay(TARGETS[1].0, TARGETS[1].1);
}

#[test]
fn replay_mpy() {
    replay(TARGETS[2].0, TARGETS[2].1);
}

#[test]
fn replay_structured() {
    replay(TARGETS[3].0, TARGETS[3].1);
}

#[test]
fn replay_modules() {
    replay(TARGETS[4].0, TARGETS[4].1);
}

/// Every target has a seed corpus.
#[test]
fn every_target_has_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    for (name, _) in TARGETS {
        let n = std::fs::read_dir(root.join(name)).map_or(0, |d| d.count());
        assert!(n > 0, "fuzz/corpus/{name} is empty");
    }
}

/// The structured target's programs are valid Python: most of them compile.
#[test]
fn structured_programs_compile() {
    use arbitrary::{Arbitrary, Unstructured};
    let mut ok = 0;
    let mut seed = 1u64;
    for _ in 0..200 {
        let bytes: Vec<u8> = (0..512)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (seed >> 56) as u8
            })
            .collect();
        let mut u = Unstructured::new(&bytes);
        let Ok(p) = fuzz_targets::Program::arbitrary(&mut u) else {
            continue;
        };
        let src = fuzz_targets::program_source(&p);
        let r = pyrite::compile::compile(
            src.as_bytes(),
            "s.py",
            pyrite::compile::Mode::File,
            &Default::default(),
            allocator_api2::alloc::Global,
        );
        match r {
            Ok(_) => ok += 1,
            Err(e) => eprintln!("--- {}\n{src}", e.msg()),
        }
    }
    assert!(ok >= 180, "only {ok} of 200 generated programs compile");
}

/// Triage: `PYRITE_SHOW_STRUCTURED=FILE cargo test --test fuzz_replay show_structured --
/// --nocapture` prints the program a `structured` input decodes to.
#[test]
fn show_structured() {
    use arbitrary::{Arbitrary, Unstructured};
    let Some(path) = std::env::var_os("PYRITE_SHOW_STRUCTURED") else {
        return;
    };
    let data = std::fs::read(path).unwrap();
    let mut u = Unstructured::new(&data);
    if let Ok(p) = fuzz_targets::Program::arbitrary(&mut u) {
        println!("{}", fuzz_targets::program_source(&p));
    }
}
