//! The rooting rule in the type system: views of heap objects (`Cx::str_view`,
//! `Cx::bytes_view`, `obj::get`, `Cx::native_mut`) borrow the interpreter, so holding one
//! across a call that may collect does not compile. Each file in `tests/compile_fail/` must
//! fail with the borrow error recorded beside it (`.stderr`, rustc's exact output; regenerate
//! with `TRYBUILD=overwrite cargo test --test compile_fail` after a toolchain change).

#[test]
fn views_cannot_outlive_a_collection() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/compile_fail/*.rs");
}
