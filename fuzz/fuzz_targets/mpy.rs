//! cargo-fuzz target `mpy`: see `harness::load_mpy` (tests/harness/fuzz_targets.rs).
#![no_main]

#[path = "../../tests/harness/fuzz_targets.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::load_mpy(data));
