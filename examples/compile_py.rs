//! Compile a Python file to `.mpy` with pyrite's compiler: `compile_py IN.py OUT.mpy [NAME]`.
//! NAME (default: IN.py as given) becomes qstr 0, the file name in tracebacks.

use allocator_api2::alloc::Global;
use pyrite::compile::{compile, CompileOptions, Mode};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: compile_py IN.py OUT.mpy [NAME]");
        std::process::exit(2);
    }
    let src = std::fs::read(&args[1]).expect("read input");
    let name = args.get(3).cloned().unwrap_or_else(|| args[1].clone());
    match compile(&src, &name, Mode::File, &CompileOptions::default(), Global) {
        Ok(bytes) => std::fs::write(&args[2], &bytes[..]).expect("write output"),
        Err(e) => {
            let scope = e
                .scope
                .map(|s| format!(", in {}", s.as_str()))
                .unwrap_or_default();
            println!(
                "  File \"{}\", line {}{}\n{}: {}",
                name,
                e.line,
                scope,
                e.kind_name(),
                e.msg()
            );
            std::process::exit(1);
        }
    }
}
