//! Compiles the C test modules and the C example into static libraries that only the tests
//! and the example link (`#[link(name = ...)]` there); the library itself contains no C.
fn main() {
    let include = "include";
    let libs: &[(&str, &[&str])] = &[
        (
            "pyrite_ffi_ctests",
            &["tests/c/testmod.c", "tests/c/mpcompat.c"],
        ),
        ("pyrite_ffi_example", &["../../examples/c_module/dsp.c"]),
    ];
    for (name, files) in libs {
        let mut b = cc::Build::new();
        b.include(include)
            .warnings(true)
            .extra_warnings(true)
            .flag_if_supported("-Wno-unused-parameter")
            .cargo_metadata(false);
        for f in *files {
            b.file(f);
            println!("cargo:rerun-if-changed={f}");
        }
        b.compile(name);
    }
    println!("cargo:rerun-if-changed=include/pyrite.h");
    println!("cargo:rerun-if-changed=include/pyrite_micropython.h");
    let out = std::env::var("OUT_DIR").unwrap_or_default();
    println!("cargo:rustc-link-search=native={out}");
}
