//! Export the binary's symbols (-rdynamic), so that C modules loaded from shared libraries
//! resolve their `pyr_` calls against it.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-rdynamic");
    }
}
