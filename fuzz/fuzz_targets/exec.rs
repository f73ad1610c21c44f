//! cargo-fuzz target `exec`: see `harness::exec_source` (tests/harness/fuzz_targets.rs).
#![no_main]

#[path = "../../tests/harness/fuzz_targets.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::exec_source(data));
