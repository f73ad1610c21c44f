//! Run every benchmark program in `benches/programs/` under the release `pyrite` and under
//! `python3` in the same run, several times, and print per-program medians, the ratio
//! pyrite/CPython, the geometric mean of the ratios, peak memory (the process's RSS, and for
//! pyrite the heap's own peak: the RSS mostly counts the heap region given with `-X heapsize`,
//! `PYRITE_BENCH_HEAP`, default 64M) and the start-up time of `-c pass`.
//!
//! `cargo bench -p pyrite-unix --bench compare` (set `PYRITE_BENCH_RUNS` for the number of
//! runs, default 5, and `PYRITE_BENCH_FILTER` to pick programs). Each program prints a
//! checksum; the outputs of pyrite and CPython must agree or the program is reported as wrong.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../benches/programs");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("benches/programs")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    if let Ok(f) = std::env::var("PYRITE_BENCH_FILTER") {
        v.retain(|p| p.to_string_lossy().contains(&f));
    }
    v
}

/// One timed run: (seconds, stdout, peak RSS in KiB from /usr/bin/time when available, the
/// heap's peak in KiB that `pyrite -X stats` reports).
fn run(cmd: &[&str], script: Option<&Path>) -> (f64, String, Option<u64>, Option<u64>) {
    let timer = Path::new("/usr/bin/time").exists();
    let mut c = if timer {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f").arg("%M").args(cmd);
        c
    } else {
        let mut c = Command::new(cmd[0]);
        c.args(&cmd[1..]);
        c
    };
    if let Some(script) = script {
        c.arg(script.file_name().unwrap())
            .current_dir(script.parent().unwrap());
    }
    let t = Instant::now();
    let out = c.output().expect("run benchmark");
    let secs = t.elapsed().as_secs_f64();
    let err = String::from_utf8_lossy(&out.stderr);
    let rss = if timer {
        err.lines().last().and_then(|l| l.trim().parse().ok())
    } else {
        None
    };
    let heap = err.lines().find_map(|l| {
        l.strip_prefix("pyrite stats: heap peak ")?
            .strip_suffix(" bytes")?
            .parse::<u64>()
            .ok()
            .map(|b| b.div_ceil(1024))
    });
    (secs, String::from_utf8_lossy(&out.stdout).into_owned(), rss, heap)
}

/// The CPython to compare with: `PYRITE_BENCH_PYTHON`, else the interpreter `python3` names
/// (resolved once, so that wrappers such as pyenv shims are not timed).
fn python_exe() -> String {
    if let Ok(p) = std::env::var("PYRITE_BENCH_PYTHON") {
        return p;
    }
    Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "python3".into())
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; ignore arguments.
    let runs: usize = std::env::var("PYRITE_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let pyrite = env!("CARGO_BIN_EXE_pyrite");
    let python = python_exe();
    let heap = std::env::var("PYRITE_BENCH_HEAP").unwrap_or_else(|_| "64M".into());
    println!("cpython: {python}; pyrite heap {heap}");
    println!(
        "{:<14} {:>10} {:>10} {:>8} {:>10} {:>10} {:>10}  check",
        "program", "cpython s", "pyrite s", "ratio", "cpy KiB", "pyr KiB", "heap KiB"
    );
    let mut logs = Vec::new();
    let mut worst: f64 = 0.0;
    let heap_opt = format!("heapsize={heap}");
    for p in programs() {
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        let (mut tc, mut tp) = (Vec::new(), Vec::new());
        let (mut oc, mut op) = (String::new(), String::new());
        let (mut mc, mut mp, mut hp) = (0u64, 0u64, 0u64);
        for _ in 0..runs {
            let (s, o, m, _) = run(&[&python], Some(&p));
            tc.push(s);
            oc = o;
            mc = mc.max(m.unwrap_or(0));
            let (s, o, m, h) = run(&[pyrite, "-X", &heap_opt, "-X", "stats"], Some(&p));
            tp.push(s);
            op = o;
            mp = mp.max(m.unwrap_or(0));
            hp = hp.max(h.unwrap_or(0));
        }
        let (c, y) = (median(&mut tc), median(&mut tp));
        let ratio = y / c;
        let ok = oc == op;
        if ok {
            logs.push(ratio.ln());
            worst = worst.max(ratio);
        }
        println!(
            "{:<14} {:>10.3} {:>10.3} {:>8.2} {:>10} {:>10} {:>10}  {}",
            name,
            c,
            y,
            ratio,
            mc,
            mp,
            hp,
            if ok {
                "ok".to_string()
            } else {
                format!("WRONG: {}", op.lines().last().unwrap_or(""))
            }
        );
    }
    if !logs.is_empty() {
        let gm = (logs.iter().sum::<f64>() / logs.len() as f64).exp();
        println!("geometric mean pyrite/CPython: {gm:.3} over {} programs ({} runs each, medians); slowest ratio {worst:.2}", logs.len(), runs);
    }
    // Start-up: `-c pass`, the median of twenty runs each (with the default heap).
    let (mut sc, mut sp) = (Vec::new(), Vec::new());
    for _ in 0..20 {
        sc.push(run(&[&python, "-c", "pass"], None).0);
        sp.push(run(&[pyrite, "-c", "pass"], None).0);
    }
    println!(
        "startup -c pass: cpython {:.1} ms, pyrite {:.1} ms (medians of 20, process start included)",
        median(&mut sc) * 1e3,
        median(&mut sp) * 1e3
    );
}
