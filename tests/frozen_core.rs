//! The Python modules frozen into the core (`src/modules/asyncio/*.py`) are checked in as
//! `.mpy` images for each flavour (`src/modules/asyncio/mpy/{mp,cp}/`): the core crate cannot
//! run its own compiler at build time. This test recompiles the sources and fails when an
//! image is stale; `PYRITE_UPDATE_FROZEN=1 cargo test --test frozen_core` rewrites them.

use std::path::PathBuf;

use pyrite::compile::{compile, CompileOptions, Mode};

/// (module file stem, source path relative to the crate root)
const SOURCES: &[&str] = &["__init__", "core", "funcs", "event", "lock"];

#[test]
fn frozen_images_match_their_sources() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/modules/asyncio");
    let update = std::env::var_os("PYRITE_UPDATE_FROZEN").is_some();
    let mut stale = Vec::new();
    for (dir, cp) in [("mp", false), ("cp", true)] {
        let out_dir = root.join("mpy").join(dir);
        if update {
            std::fs::create_dir_all(&out_dir).unwrap();
        }
        for stem in SOURCES {
            let src = std::fs::read(root.join(format!("{stem}.py"))).unwrap();
            let opts = CompileOptions {
                circuitpython: cp,
                ..CompileOptions::default()
            };
            let shown = format!("asyncio/{stem}.py");
            let image = compile(
                &src,
                &shown,
                Mode::File,
                &opts,
                allocator_api2::alloc::Global,
            )
            .unwrap_or_else(|e| panic!("{shown}:{}: {}", e.line, e.msg()));
            let path = out_dir.join(format!("{stem}.mpy"));
            if update {
                std::fs::write(&path, &image[..]).unwrap();
            } else if std::fs::read(&path).ok().as_deref() != Some(&image[..]) {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale frozen images (run PYRITE_UPDATE_FROZEN=1 cargo test --test frozen_core): {stale:?}"
    );
}
