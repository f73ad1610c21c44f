//! The golden-script harness shared by the library test (`tests/golden.rs`) and the binary
//! test (`ports/unix/tests/golden_bin.rs`).
//!
//! Every `tests/py/**/*.py` (except helpers in `mods/` and files starting with `_`) is run;
//! its stdout and exit status must equal the expectation: `<name>.py.cp.exp` (circuitpython
//! flavour), else `<name>.py.exp`, else what CPython 3.11 prints. A `<name>.py.stdin` file is
//! the script's standard input in every run (none: empty input). CPython's output is computed
//! at test time with `python3` and cached under `target/golden-cache` by content hash.
//!
//! `tests/py/KNOWN_FAILURES` lists scripts that do not pass yet, per flavour. A listed script
//! that passes is an error too (remove it from the list), so the list can only shrink.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// What a run produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Standard output.
    pub stdout: String,
    /// Exit status.
    pub status: i32,
}

/// The workspace root (the nearest ancestor of the crate that holds `tests/py`).
/// Wait for `child` (its stdin already written and closed) for at most `secs` seconds,
/// draining its stdout and stderr meanwhile (a child that prints more than a pipe holds would
/// otherwise block until the deadline): its stdout and exit status, -1 when it was killed or
/// died of a signal.
#[allow(dead_code)]
pub fn wait_output(mut child: std::process::Child, secs: u64) -> Outcome {
    use std::io::Read;
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
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break st.code().unwrap_or(-1),
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(2))
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
    Outcome {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        status,
    }
}

pub fn workspace_root() -> PathBuf {
    let mut d = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    while !d.join("tests/py").is_dir() {
        if !d.pop() {
            return PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        }
    }
    d
}

/// The corpus root.
pub fn corpus_root() -> PathBuf {
    workspace_root().join("tests/py")
}

/// Every test script, sorted.
pub fn scripts(root: &Path) -> Vec<PathBuf> {
    fn walk(d: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            let p = e.path();
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            if p.is_dir() {
                if name != "mods" && !name.starts_with('.') && name != "__pycache__" {
                    walk(&p, out);
                }
            } else if name.ends_with(".py") && !name.starts_with('_') {
                out.push(p);
            }
        }
    }
    let mut v = Vec::new();
    walk(root, &mut v);
    v.sort();
    v
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// The `.exp` file for a flavour, if any.
pub fn exp_file(script: &Path, circuitpython: bool) -> Option<PathBuf> {
    let s = script.to_string_lossy();
    if circuitpython {
        let cp = PathBuf::from(format!("{s}.cp.exp"));
        if cp.exists() {
            return Some(cp);
        }
    }
    let e = PathBuf::from(format!("{s}.exp"));
    e.exists().then_some(e)
}

/// The standard input a script gets: its `<name>.py.stdin` file, else nothing.
pub fn stdin_of(script: &Path) -> Vec<u8> {
    std::fs::read(format!("{}.stdin", script.to_string_lossy())).unwrap_or_default()
}

/// Run CPython on a script (cached).
pub fn cpython(script: &Path) -> Outcome {
    let dir = script.parent().unwrap();
    // The cache key covers the script and the files beside it (imports).
    let mut key = std::fs::read(script).unwrap_or_default();
    key.extend_from_slice(script.to_string_lossy().as_bytes());
    let stdin = stdin_of(script);
    key.extend_from_slice(&stdin);
    let mods = dir.join("mods");
    let mut extra: Vec<PathBuf> = Vec::new();
    fn collect(d: &Path, out: &mut Vec<PathBuf>) {
        if let Ok(rd) = std::fs::read_dir(d) {
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    collect(&p, out);
                } else if p.extension().is_some_and(|x| x == "py") {
                    out.push(p);
                }
            }
        }
    }
    collect(&mods, &mut extra);
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('_') && n.ends_with(".py"))
            {
                extra.push(p);
            }
        }
    }
    extra.sort();
    for p in &extra {
        key.extend_from_slice(&std::fs::read(p).unwrap_or_default());
    }
    let cache_dir = workspace_root().join("target/golden-cache");
    let _ = std::fs::create_dir_all(&cache_dir);
    let cache = cache_dir.join(format!("{:016x}", fnv(&key)));
    if let Ok(c) = std::fs::read_to_string(&cache) {
        if let Some((status, out)) = c.split_once('\n') {
            if let Ok(status) = status.parse() {
                return Outcome {
                    stdout: out.to_string(),
                    status,
                };
            }
        }
    }
    let mut child = Command::new("python3")
        .arg(script.file_name().unwrap())
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 must be installed to compute golden outputs");
    if let Some(mut i) = child.stdin.take() {
        use std::io::Write;
        let _ = i.write_all(&stdin);
    }
    let out = child.wait_with_output().expect("python3 output");
    let o = Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        status: out.status.code().unwrap_or(-1),
    };
    let _ = std::fs::write(&cache, format!("{}\n{}", o.status, o.stdout));
    o
}

/// The expected outcome of a script for a flavour.
pub fn expected(script: &Path, circuitpython: bool) -> Outcome {
    let py = cpython(script);
    match exp_file(script, circuitpython) {
        Some(e) => {
            let dir = std::fs::canonicalize(script.parent().unwrap()).unwrap();
            let text = std::fs::read_to_string(e)
                .unwrap()
                .replace("$DIR", &dir.to_string_lossy());
            Outcome {
                stdout: text,
                status: py.status,
            }
        }
        None => py,
    }
}

/// Normalise line endings.
pub fn normalise(s: &str) -> String {
    s.replace("\r\n", "\n")
}

/// The known failures for a flavour (script paths relative to the corpus root).
pub fn known_failures(circuitpython: bool) -> BTreeMap<String, String> {
    let path = corpus_root().join("KNOWN_FAILURES");
    let mut m = BTreeMap::new();
    let Ok(text) = std::fs::read_to_string(path) else {
        return m;
    };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        // `<flavours> <path> [# reason]` where flavours is mp, cp or all.
        let (spec, rest) = line.split_once(' ').unwrap_or((line, ""));
        let (path, reason) = rest
            .split_once('#')
            .map_or((rest.trim(), ""), |(p, r)| (p.trim(), r.trim()));
        let applies = match spec {
            "all" => true,
            "mp" => !circuitpython,
            "cp" => circuitpython,
            _ => false,
        };
        if applies {
            m.insert(path.to_string(), reason.to_string());
        }
    }
    m
}

/// Which scripts to run: all, or those whose path contains `PYRITE_GOLDEN_FILTER`. A
/// `PYRITE_GOLDEN_SUBSET` file (one path fragment per line) restricts the set for the
/// non-default build combinations in CI.
pub fn selected(root: &Path) -> Vec<PathBuf> {
    let all = scripts(root);
    let filter = std::env::var("PYRITE_GOLDEN_FILTER").ok();
    let subset: Option<Vec<String>> = std::env::var("PYRITE_GOLDEN_SUBSET")
        .ok()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .map(|t| {
            t.lines()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        });
    all.into_iter()
        .filter(|p| {
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().to_string();
            filter.as_ref().is_none_or(|f| rel.contains(f.as_str()))
                && subset
                    .as_ref()
                    .is_none_or(|s| s.iter().any(|f| rel.starts_with(f.as_str())))
        })
        .collect()
}

/// Run every selected script with `run` (in parallel) and check the results against the
/// expectations and the known-failure list. Panics with a report on any mismatch.
pub fn check_all(circuitpython: bool, run: impl Fn(&Path) -> Outcome + Sync) {
    let root = corpus_root();
    let list = selected(&root);
    assert!(
        !list.is_empty(),
        "no golden scripts found under {}",
        root.display()
    );
    // Expectations first (python3 runs; cached).
    let results: Mutex<Vec<(String, Outcome, Outcome)>> = Mutex::new(Vec::new());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(p) = list.get(i) else { break };
                let exp = expected(p, circuitpython);
                let got = run(p);
                let rel = p.strip_prefix(&root).unwrap().to_string_lossy().to_string();
                results.lock().unwrap().push((rel, exp, got));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let known = known_failures(circuitpython);
    let mut failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    let mut passed = 0;
    for (rel, exp, got) in &results {
        let ok = normalise(&exp.stdout) == normalise(&got.stdout) && exp.status == got.status;
        match (ok, known.contains_key(rel)) {
            (true, false) => passed += 1,
            (true, true) => unexpected_passes.push(rel.clone()),
            (false, true) => {}
            (false, false) => failures.push((rel.clone(), exp.clone(), got.clone())),
        }
    }
    let mut report = String::new();
    for (rel, exp, got) in &failures {
        report.push_str(&format!(
            "\n=== FAIL {rel} (status expected {} got {})\n",
            exp.status, got.status
        ));
        report.push_str(&diff(&normalise(&exp.stdout), &normalise(&got.stdout)));
    }
    for rel in &unexpected_passes {
        report.push_str(&format!(
            "\n=== {rel} passes now: remove it from tests/py/KNOWN_FAILURES\n"
        ));
    }
    eprintln!(
        "golden ({}): {} run, {} passed, {} known failures, {} failed, {} unexpectedly passed",
        if circuitpython {
            "circuitpython"
        } else {
            "micropython"
        },
        results.len(),
        passed,
        known.len(),
        failures.len(),
        unexpected_passes.len()
    );
    if std::env::var("PYRITE_GOLDEN_LIST_FAILURES").is_ok() {
        for (rel, _, _) in &failures {
            println!("FAILING {rel}");
        }
    }
    assert!(
        failures.is_empty() && unexpected_passes.is_empty(),
        "{report}"
    );
}

/// A small line diff for the report.
pub fn diff(exp: &str, got: &str) -> String {
    let e: Vec<&str> = exp.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let mut out = String::new();
    let mut shown = 0;
    for i in 0..e.len().max(g.len()) {
        let (a, b) = (e.get(i), g.get(i));
        if a != b {
            out.push_str(&format!(
                "  line {}:\n    expected: {}\n    got:      {}\n",
                i + 1,
                a.unwrap_or(&"<none>"),
                b.unwrap_or(&"<none>")
            ));
            shown += 1;
            if shown >= 6 {
                out.push_str("  ...\n");
                break;
            }
        }
    }
    out
}
