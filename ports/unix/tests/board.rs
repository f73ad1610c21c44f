//! Golden scripts on the simulated board (`tests/board/`): each runs as
//! `pyrite --board ../sim.toml --board-log LOG script.py` in its own directory, and its stdout
//! and board log must equal `script.py.exp` and `script.py.log` (`.cp.exp`/`.cp.log` first
//! in the circuitpython flavour). `mp/` runs in the micropython flavour, `cp/` in the
//! circuitpython flavour, `both/` in both. `PYRITE_BLESS=1` writes the expectations.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/board")
}

fn expected(script: &Path, ext: &str, cp: bool) -> PathBuf {
    let s = script.to_string_lossy();
    let cp_file = PathBuf::from(format!("{s}.cp.{ext}"));
    if cp && (cp_file.exists() || script.starts_with(root().join("both"))) {
        return cp_file;
    }
    PathBuf::from(format!("{s}.{ext}"))
}

#[test]
fn board_scripts() {
    let cp = cfg!(feature = "circuitpython");
    let bless = std::env::var_os("PYRITE_BLESS").is_some();
    let dirs = if cp { ["cp", "both"] } else { ["mp", "both"] };
    let mut failures = Vec::new();
    let mut n = 0;
    for d in dirs {
        let mut scripts: Vec<PathBuf> = std::fs::read_dir(root().join(d))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        scripts.sort();
        for script in scripts {
            n += 1;
            let dir = script.parent().unwrap();
            let log = std::env::temp_dir().join(format!(
                "pyrite-board-{}-{}-{}.log",
                std::process::id(),
                d,
                script.file_name().unwrap().to_string_lossy()
            ));
            let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
                .args(["--board", "../sim.toml", "--board-log"])
                .arg(&log)
                .arg(script.file_name().unwrap())
                .current_dir(dir)
                .stdin(Stdio::null())
                .output()
                .expect("run pyrite");
            let stdout = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
            let trace = std::fs::read_to_string(&log).unwrap_or_default();
            let _ = std::fs::remove_file(&log);
            for (got, ext) in [(&stdout, "exp"), (&trace, "log")] {
                let file = expected(&script, ext, cp);
                if bless {
                    std::fs::write(&file, got).unwrap();
                    continue;
                }
                let want = std::fs::read_to_string(&file).unwrap_or_default();
                if *got != want {
                    failures.push(format!(
                        "{}: {ext} differs\n--- expected\n{want}--- got\n{got}",
                        script.display()
                    ));
                }
            }
        }
    }
    assert!(n > 0, "no board scripts found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("{n} board scripts passed");
}
