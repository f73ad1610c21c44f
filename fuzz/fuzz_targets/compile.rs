//! cargo-fuzz target `compile`: see `harness::compile_source` (tests/harness/fuzz_targets.rs).
#![no_main]

#[path = "../../tests/harness/fuzz_targets.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::compile_source(data));
