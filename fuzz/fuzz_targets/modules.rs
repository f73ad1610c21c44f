//! cargo-fuzz target `modules`: `json.loads`, `struct.unpack`, `re.compile` with arbitrary
//! input (the first byte selects); see `harness::modules` (tests/harness/fuzz_targets.rs).
#![no_main]

#[path = "../../tests/harness/fuzz_targets.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::modules(data));
