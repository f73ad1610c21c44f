//! Collector benchmarks: allocation throughput, and the longest pause of the collector compiled
//! in on a heap holding about 1 MiB of live nested lists and dicts.
//!
//! ```text
//! cargo bench --bench gc                                      # mark-sweep (the default)
//! cargo bench --bench gc --no-default-features \
//!     --features micropython,compiler,gc-incremental          # incremental
//! ```
//!
//! The pause figures are printed first (medians of several runs): every automatic collection
//! or slice is timed inside the interpreter (`Cx::set_gc_clock`), and a full stop-the-world
//! collection of the same heap is timed for comparison. Criterion then measures allocation
//! throughput.

use std::sync::OnceLock;
use std::time::Instant;

use criterion::{criterion_group, Criterion, Throughput};
use pyrite::{Config, Interpreter, NullHal};

/// Wall-clock nanoseconds.
fn wall_clock() -> u64 {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_nanos() as u64
}

/// This thread's CPU time in nanoseconds: a pause's own cost, without the time the (shared,
/// loaded) machine gave to other processes meanwhile.
fn cpu_clock() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a valid timespec to write into.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

fn mpy(src: &str) -> Vec<u8> {
    let image = pyrite::compile::compile(
        src.as_bytes(),
        "bench.py",
        pyrite::compile::Mode::File,
        &pyrite::compile::CompileOptions::default(),
        allocator_api2::alloc::Global,
    )
    .expect("compiles");
    image.to_vec()
}

/// Builds about 1 MiB of live nested lists and dicts (`live`), and `churn(n)`, which allocates
/// garbage while it keeps changing the live structure (so the write barrier works too).
const SETUP: &str = r#"
import gc
def build(n):
    return [{'k%d' % j: [j, (i, j), [i] * 3] for j in range(6)} for i in range(n)]
live = build(LIVE_N)
def churn(n):
    t = None
    m = len(live)
    for i in range(n):
        t = [i, (i, float(i))]
        if i % 64 == 0:
            d = live[i % m]
            d['k%d' % (i % 6)] = [i, (i, i), t]
    return t
gc.collect()
"#;

const HEAP: usize = 3 * 1024 * 1024;
const LIVE_N: usize = 650;
const RUNS: usize = 7;

struct Pauses {
    live_bytes: usize,
    auto_max_ns: u64,
    slice_max_ns: u64,
    full_during: usize,
    auto_count: u64,
    auto_total_ns: u64,
    full_ns: u64,
    max_slice_work: usize,
}

fn measure_pauses(clock: fn() -> u64) -> Pauses {
    let mut hal = NullHal;
    let mut it = Interpreter::with_heap_size(HEAP, &mut hal, Config::default()).unwrap();
    let setup = SETUP.replace("LIVE_N", &LIVE_N.to_string());
    assert_eq!(it.run_main_mpy(&mpy(&setup)), 0);
    it.collect();
    let live_bytes = it.heap().bytes_used();
    let churn = mpy("churn(200000)\n");
    it.cx().set_gc_clock(Some(clock));
    assert_eq!(it.run_main_mpy(&churn), 0);
    let auto = it.cx().gc_stats();
    // A full collection of the same heap: the stop-the-world pause.
    let t = clock();
    it.collect();
    let full_ns = clock() - t;
    Pauses {
        live_bytes,
        auto_max_ns: auto.max_pause_ns,
        slice_max_ns: auto.max_slice_pause_ns,
        full_during: auto.full_collections,
        auto_count: auto.pauses,
        auto_total_ns: auto.total_pause_ns,
        full_ns,
        max_slice_work: auto.max_slice_work,
    }
}

fn median(mut v: Vec<u64>) -> u64 {
    v.sort_unstable();
    v[v.len() / 2]
}

fn report_pauses(clock: fn() -> u64, what: &str) {
    let collector = <pyrite::gc::Active as pyrite::gc::Collector>::NAME;
    let runs: Vec<Pauses> = (0..RUNS).map(|_| measure_pauses(clock)).collect();
    let live = runs[0].live_bytes;
    let auto_max = median(runs.iter().map(|p| p.auto_max_ns).collect());
    let auto_n = median(runs.iter().map(|p| p.auto_count).collect());
    let auto_mean = median(
        runs.iter()
            .map(|p| p.auto_total_ns / p.auto_count.max(1))
            .collect(),
    );
    let full = median(runs.iter().map(|p| p.full_ns).collect());
    let slice_max = median(runs.iter().map(|p| p.slice_max_ns).collect());
    let full_during = median(runs.iter().map(|p| p.full_during as u64).collect());
    let work = runs.iter().map(|p| p.max_slice_work).max().unwrap_or(0);
    println!();
    println!(
        "gc pauses ({what}): collector {collector}, heap {} KiB, live {} KiB, churn(200000); \
         medians of {RUNS} runs",
        HEAP / 1024,
        live / 1024
    );
    println!("  pauses during the churn:   {auto_n} (mean {:.1} us), {full_during} of them full collections", auto_mean as f64 / 1e3);
    println!(
        "  longest pause:             {:.1} us",
        auto_max as f64 / 1e3
    );
    if collector == "incremental" {
        println!(
            "  longest slice:             {:.1} us (largest: {work} work units; SLICE = {})",
            slice_max as f64 / 1e3,
            pyrite::gc::incremental_slice()
        );
    }
    println!(
        "  a full (stop-the-world) collection of this heap: {:.1} us",
        full as f64 / 1e3
    );
    if collector == "incremental" {
        println!(
            "  longest slice / full collection: {:.1}%",
            100.0 * slice_max as f64 / full.max(1) as f64
        );
    }
    println!();
}

fn throughput(c: &mut Criterion) {
    let mut hal = NullHal;
    let mut it = Interpreter::with_heap_size(HEAP, &mut hal, Config::default()).unwrap();
    let setup = r#"
def tuples(n):
    t = None
    for i in range(n):
        t = (i, i)
    return t
def lists(n):
    t = None
    for i in range(n):
        t = [i, i, i]
    return t
def floats(n):
    t = 0.5
    for i in range(n):
        t = t + 1.0
    return t
"#;
    assert_eq!(it.run_main_mpy(&mpy(setup)), 0);
    let n = 100_000u64;
    let mut g = c.benchmark_group("alloc");
    g.throughput(Throughput::Elements(n));
    for (name, call) in [
        ("tuple2", "tuples(100000)\n"),
        ("list3", "lists(100000)\n"),
        ("float", "floats(100000)\n"),
    ] {
        let image = mpy(call);
        g.bench_function(name, |b| b.iter(|| assert_eq!(it.run_main_mpy(&image), 0)));
    }
    g.finish();
    // The allocator alone: 2-block allocations in a heap kept half full.
    let mut g = c.benchmark_group("heap");
    g.throughput(Throughput::Elements(10_000));
    g.bench_function("alloc_free_32B", |b| {
        let mut region = vec![0u8; 1 << 20];
        // SAFETY: the region outlives the heap and nothing else uses it.
        let h = unsafe { pyrite::gc::heap::Heap::new(region.as_mut_ptr(), region.len()) }.unwrap();
        let mut keep = Vec::new();
        for _ in 0..10_000 {
            keep.push(h.alloc(32, pyrite::gc::heap::AllocKind::Buffer).unwrap());
        }
        for p in keep.iter().step_by(2) {
            h.free(p.as_ptr());
        }
        b.iter(|| {
            let mut ps = Vec::with_capacity(10_000);
            for _ in 0..10_000 {
                if let Some(p) = h.alloc(32, pyrite::gc::heap::AllocKind::Buffer) {
                    ps.push(p);
                }
            }
            for p in ps {
                h.free(p.as_ptr());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, throughput);

fn main() {
    report_pauses(cpu_clock, "thread CPU time");
    report_pauses(wall_clock, "wall clock");
    benches();
    Criterion::default().configure_from_args().final_summary();
}
