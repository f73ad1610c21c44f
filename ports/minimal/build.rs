//! Link as a static binary with no C runtime, and freeze the Python program.
fn main() {
    for arg in ["-nostartfiles", "-nostdlib", "-static", "-Wl,--gc-sections"] {
        println!("cargo:rustc-link-arg-bins={arg}");
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    pyrite_freeze::Freezer::new()
        .module("main", "py/main.py")
        .dir("py/lib")
        .write(&out.join("frozen.rs"))
        .unwrap_or_else(|e| panic!("freezing failed: {e}"));
}
