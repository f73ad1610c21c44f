//! `import` loading C modules from shared libraries (`name.so` on `sys.path`).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Compile `tests/c/sensor.c` into `dir/name.so` with the system C compiler.
fn build_so(dir: &Path, name: &str) -> bool {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cc = std::env::var("CC").unwrap_or_else(|_| String::from("cc"));
    let status = Command::new(cc)
        .args(["-shared", "-fPIC", "-O1", "-Wall", "-Werror", "-I"])
        .arg(manifest.join("../ffi/include"))
        .arg(manifest.join("tests/c/sensor.c"))
        .arg("-o")
        .arg(dir.join(format!("{name}.so")))
        .status();
    matches!(status, Ok(s) if s.success())
}

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn import_loads_a_shared_library() {
    let d = dir("native_so");
    if !build_so(&d, "sensor") {
        eprintln!("no C compiler: skipped");
        return;
    }
    // The same library under another name: its definition is pyrite_module_sensor, so
    // `import othername` finds none.
    std::fs::copy(d.join("sensor.so"), d.join("othername.so")).unwrap();
    std::fs::write(
        d.join("main.py"),
        "import sensor
print(sensor.CHANNELS, sensor.read(1), sensor.__name__)
out = []
sensor.each(out.append)
print(out)
try:
    sensor.read(9)
except ValueError as e:
    print('ValueError', e)
try:
    import othername
except ImportError as e:
    print('ImportError', e)
try:
    import nothere
except ImportError as e:
    print('ImportError', e)
",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .arg("main.py")
        .current_dir(&d)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text,
        "4 20.5 sensor\n[20.0, 20.5, 21.0, 21.5]\nValueError no such channel\n\
         ImportError shared library has no pyrite_module_<name> definition\n\
         ImportError no module named 'nothere'\n",
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn import_checks_the_abi_version() {
    let d = dir("native_so_version");
    if !build_so(&d, "oldsensor") {
        eprintln!("no C compiler: skipped");
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(["-c", "import oldsensor"])
        .current_dir(&d)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "ImportError: C module 'oldsensor' built for pyrite C ABI version 2, interpreter has version 1"
        ),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
}
