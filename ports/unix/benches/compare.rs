//! Run every benchmark program in `benches/programs/` under the release `pyrite` and under
//! `python3` in the same run, several times, and print per-program medians (wall clock, and CPU
//! time, user plus system, which a shared machine disturbs less), the ratio pyrite/CPython, the
//! geometric mean of the ratios, peak memory (the process's RSS, and for
//! pyrite the heap's own peak: the RSS mostly counts the heap region given with `-X heapsize`,
//! `PYRITE_BENCH_HEAP`, default 16M: room for every program, small enough to stay in cache)
//! and the start-up time of `-c pass`.
//!
//! `cargo bench -p pyrite-unix --bench compare` (the fast VM profile; add
//! `--no-default-features --features micropython,compiler,gc-marksweep` for the compact one; set `PYRITE_BENCH_RUNS` for the number of
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

/// One timed run.
struct Run {
    /// Wall-clock seconds.
    wall: f64,
    /// User plus system CPU seconds (from /usr/bin/time; the wall time when it is missing):
    /// steadier than the wall time on a shared machine.
    cpu: f64,
    stdout: String,
    /// Peak RSS in KiB (from /usr/bin/time).
    rss: Option<u64>,
    /// The heap's peak in KiB that `pyrite -X stats` reports.
    heap: Option<u64>,
}

fn run(cmd: &[&str], script: Option<&Path>) -> Run {
    let timer = Path::new("/usr/bin/time").exists();
    let mut c = if timer {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f").arg("%M %U %S").args(cmd);
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
    let last: Vec<f64> = if timer {
        err.lines()
            .last()
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect()
    } else {
        Vec::new()
    };
    let heap = err.lines().find_map(|l| {
        l.strip_prefix("pyrite stats: heap peak ")?
            .strip_suffix(" bytes")?
            .parse::<u64>()
            .ok()
            .map(|b| b.div_ceil(1024))
    });
    Run {
        wall: secs,
        cpu: if last.len() == 3 {
            last[1] + last[2]
        } else {
            secs
        },
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        rss: last.first().map(|&k| k as u64),
        heap,
    }
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
    let heap = std::env::var("PYRITE_BENCH_HEAP").unwrap_or_else(|_| "16M".into());
    let profile = if cfg!(feature = "vm-fast") {
        "fast"
    } else {
        "compact"
    };
    let size = std::fs::metadata(pyrite).map_or(0, |m| m.len());
    println!(
        "cpython: {python}; pyrite heap {heap}; VM profile {profile} (binary {size} bytes, with debug info)"
    );
    println!(
        "{:<14} {:>9} {:>9} {:>7} {:>9} {:>9} {:>7} {:>9} {:>9} {:>9}  check",
        "program",
        "cpy wall",
        "pyr wall",
        "ratio",
        "cpy cpu",
        "pyr cpu",
        "ratio",
        "cpy KiB",
        "pyr KiB",
        "heap KiB"
    );
    let (mut logs, mut logs_cpu) = (Vec::new(), Vec::new());
    let (mut worst, mut worst_cpu): (f64, f64) = (0.0, 0.0);
    let heap_opt = format!("heapsize={heap}");
    for p in programs() {
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        let (mut tc, mut tp, mut uc, mut up) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut oc, mut op) = (String::new(), String::new());
        let (mut mc, mut mp, mut hp) = (0u64, 0u64, 0u64);
        for _ in 0..runs {
            let r = run(&[&python], Some(&p));
            tc.push(r.wall);
            uc.push(r.cpu);
            oc = r.stdout;
            mc = mc.max(r.rss.unwrap_or(0));
            let r = run(&[pyrite, "-X", &heap_opt, "-X", "stats"], Some(&p));
            tp.push(r.wall);
            up.push(r.cpu);
            op = r.stdout;
            mp = mp.max(r.rss.unwrap_or(0));
            hp = hp.max(r.heap.unwrap_or(0));
        }
        let (c, y) = (median(&mut tc), median(&mut tp));
        let (cu, yu) = (median(&mut uc), median(&mut up));
        let ratio = y / c;
        // /usr/bin/time counts CPU time in hundredths: floor both at half of one.
        let ratio_cpu = yu.max(0.005) / cu.max(0.005);
        let ok = oc == op;
        if ok {
            logs.push(ratio.ln());
            logs_cpu.push(ratio_cpu.ln());
            worst = worst.max(ratio);
            worst_cpu = worst_cpu.max(ratio_cpu);
        }
        println!(
            "{:<14} {:>9.3} {:>9.3} {:>7.2} {:>9.3} {:>9.3} {:>7.2} {:>9} {:>9} {:>9}  {}",
            name,
            c,
            y,
            ratio,
            cu,
            yu,
            ratio_cpu,
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
        let gm = |l: &[f64]| (l.iter().sum::<f64>() / l.len() as f64).exp();
        println!(
            "geometric mean pyrite/CPython: wall {:.3} (slowest {worst:.2}), cpu {:.3} (slowest {worst_cpu:.2}); {} programs, {runs} runs each, medians",
            gm(&logs),
            gm(&logs_cpu),
            logs.len()
        );
    }
    // Start-up: `-c pass`, the median of twenty runs each (with the default heap).
    let (mut sc, mut sp) = (Vec::new(), Vec::new());
    for _ in 0..20 {
        sc.push(run(&[&python, "-c", "pass"], None).wall);
        sp.push(run(&[pyrite, "-c", "pass"], None).wall);
    }
    println!(
        "startup -c pass: cpython {:.1} ms, pyrite {:.1} ms (medians of 20, process start included)",
        median(&mut sc) * 1e3,
        median(&mut sp) * 1e3
    );
}
