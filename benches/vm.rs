//! Criterion benchmarks of the interpreter's inner pieces: the dispatch of a simple loop, a
//! call, an attribute lookup, a method call, a global lookup, dict get/set, an allocation, and
//! compiling a 1,000-line module. Each Python case runs a loop of `N` iterations, so a
//! criterion time divided by `N` (the throughput line) is the cost of one iteration.
//!
//! `cargo bench --bench vm` (add `-- NAME` to pick cases).

use criterion::{criterion_group, Criterion, Throughput};
use pyrite::{Config, Interpreter, NullHal};

const N: u64 = 100_000;
const HEAP: usize = 4 * 1024 * 1024;

fn mpy(src: &str) -> Vec<u8> {
    pyrite::compile::compile(
        src.as_bytes(),
        "bench.py",
        pyrite::compile::Mode::File,
        &pyrite::compile::CompileOptions::default(),
        allocator_api2::alloc::Global,
    )
    .expect("compiles")
    .to_vec()
}

const SETUP: &str = r#"
G = 3
class P:
    def __init__(self):
        self.x = 1
    def m(self):
        return self.x
def f(a):
    return a
def loop(n):
    i = 0
    while i < n:
        i += 1
def range_loop(n):
    for i in range(n):
        pass
def calls(n):
    for i in range(n):
        f(i)
def attrs(n):
    p = P()
    for i in range(n):
        p.x
def methods(n):
    p = P()
    for i in range(n):
        p.m()
def globals_(n):
    for i in range(n):
        G
def builtins_(n):
    for i in range(n):
        len
def dicts(n):
    d = {}
    k = 'key'
    for i in range(n):
        d[k] = i
        d[k]
def allocs(n):
    for i in range(n):
        (i, i)
"#;

fn python(c: &mut Criterion) {
    let mut hal = NullHal;
    let mut it = Interpreter::with_heap_size(HEAP, &mut hal, Config::default()).unwrap();
    assert_eq!(it.run_main_mpy(&mpy(SETUP)), 0);
    let mut g = c.benchmark_group("vm");
    g.throughput(Throughput::Elements(N));
    for name in [
        "loop",
        "range_loop",
        "calls",
        "attrs",
        "methods",
        "globals_",
        "builtins_",
        "dicts",
        "allocs",
    ] {
        let image = mpy(&format!("{name}({N})\n"));
        g.bench_function(name, |b| b.iter(|| assert_eq!(it.run_main_mpy(&image), 0)));
    }
    g.finish();
}

fn compile(c: &mut Criterion) {
    // 1,000 lines: functions with arithmetic, branches, loops, calls and a class.
    let mut src = String::new();
    let mut lines = 0;
    let mut k = 0;
    while lines < 1000 {
        src.push_str(&format!(
            "def f{k}(a, b=2, *args, **kw):\n    x = a * b + {k}\n    if x > 10:\n        \
             x -= len(args)\n    for i in range(3):\n        x += i\n    return [x, kw.get('y'), \
             (a, b)]\nclass C{k}:\n    def m(self, v):\n        return self.__class__, v + {k}\n"
        ));
        lines += 10;
        k += 1;
    }
    let mut g = c.benchmark_group("compile");
    g.throughput(Throughput::Elements(lines as u64));
    g.bench_function("module_1000_lines", |b| b.iter(|| mpy(&src)));
    g.finish();
}

criterion_group!(benches, python, compile);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
