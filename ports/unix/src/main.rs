//! The desktop `pyrite` binary: a drop-in for MicroPython's unix port where tools rely on it.
//!
//! `pyrite FILE [args]`, `pyrite -c CODE`, `pyrite -m MODULE`, the program read from stdin
//! when stdin is not a terminal, `-X heapsize=N[K|M]`, `-X emit=bytecode`, `-X stats` (the
//! heap's peak use on stderr at exit), `MICROPYPATH`, and a REPL when started with no arguments
//! on a terminal. `FILE` may be a `.mpy` image.
//!
//! `import name` also loads C modules built as shared libraries (`name.so` on `sys.path`,
//! see ports/ffi/include/pyrite.h).
//!
//! `pyrite --compile FILE.py [-o FILE.mpy]` compiles to a `.mpy` image (as `mpy-cross`
//! does) instead of running.
//!
//! `--board FILE.toml` gives the program a simulated board (`sim`): `machine` or
//! `board`/`digitalio`/`busio`... drive it, and `--board-log FILE` (`-`: stderr) records every
//! pin change and bus transaction. `--startup [DIR]` runs the board's start-up sequence
//! instead of a script (`startup`).

mod sim;
mod startup;

use std::io::{BufRead, IsTerminal, Read, Write};

use pyrite::{Config, Hal, Interpreter, Signal};

#[macro_use]
mod host;
use host::HostServices;

/// Ctrl-C reaches the running program as `KeyboardInterrupt` through this signal object.
static SIGNAL: Signal = Signal::new();

extern "C" fn on_sigint(_sig: libc::c_int) {
    // Two atomic stores: safe in a signal handler.
    SIGNAL.interrupt();
}

/// Turn SIGINT into `KeyboardInterrupt` (not in the REPL, where Ctrl-C at the prompt would
/// linger until the next input runs).
fn catch_sigint(interp: &mut Interpreter) {
    interp.attach_signal(&SIGNAL);
    let handler: extern "C" fn(libc::c_int) = on_sigint;
    // SAFETY: the handler only performs atomic stores (async-signal-safe).
    unsafe { libc::signal(libc::SIGINT, handler as libc::sighandler_t) };
}

/// The port: the process's stdio, and the OS services of `host.rs`.
struct UnixHal {
    out: std::io::BufWriter<std::io::Stdout>,
    host: HostServices,
    board: Option<sim::SimBoard>,
}

impl UnixHal {
    fn new() -> UnixHal {
        UnixHal {
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            host: HostServices::new(),
            board: None,
        }
    }
}

impl Hal for UnixHal {
    fn write_out(&mut self, bytes: &[u8]) {
        let _ = self.out.write_all(bytes);
        if std::io::stdout().is_terminal() {
            let _ = self.out.flush();
        }
    }

    fn write_err(&mut self, bytes: &[u8]) {
        let _ = self.out.flush();
        let _ = std::io::stderr().write_all(bytes);
    }

    fn read_line(&mut self, sink: &mut dyn FnMut(&[u8])) -> Option<()> {
        let _ = self.out.flush();
        // Stdin's buffer is global: locking it per line loses nothing.
        let mut line = Vec::new();
        match std::io::stdin().lock().read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => {
                if line.last() == Some(&b'\n') {
                    line.pop();
                }
                sink(&line);
                Some(())
            }
        }
    }

    fn read_stdin(&mut self, buf: &mut [u8]) -> usize {
        let _ = self.out.flush();
        std::io::stdin().lock().read(buf).unwrap_or(0)
    }

    /// Input waiting on fd 0 (`poll(2)` with no timeout). Bytes already taken into the
    /// process's stdin buffer by an earlier line read are not seen.
    fn stdin_ready(&mut self) -> bool {
        let mut p = libc::pollfd {
            fd: 0,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, no timeout.
        let n = unsafe { libc::poll(&mut p, 1, 0) };
        n != 0
    }

    forward_host_services!(host);

    /// `import name` finds `name.so` (a C module built against pyrite.h) on `sys.path`.
    fn load_native(
        &mut self,
        dir: &str,
        name: &str,
    ) -> Option<Result<pyrite::NativeModule, pyrite::PyErr>> {
        pyrite_ffi::load_native(dir, name)
    }

    fn board(&mut self) -> Option<&mut dyn pyrite::hal::Board> {
        self.board
            .as_mut()
            .map(|b| b as &mut dyn pyrite::hal::Board)
    }
}

impl Drop for UnixHal {
    fn drop(&mut self) {
        let _ = self.out.flush();
    }
}

fn parse_size(s: &str) -> Option<usize> {
    let (num, mul) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1024),
        'm' | 'M' => (&s[..s.len() - 1], 1024 * 1024),
        _ => (s, 1),
    };
    num.parse::<usize>().ok().map(|n| n * mul)
}

enum Program {
    Startup(String),
    File(String),
    Code(String),
    Module(String),
    Stdin,
    Repl,
}

fn usage(argv0: &str) -> i32 {
    eprintln!("usage: {argv0} [<opts>] [-X <implopt>] [-c <command> | -m <module> | <filename>]");
    2
}

/// `--compile IN.py [-o OUT.mpy]`: write the `.mpy` image of IN.py (default OUT: IN with
/// the `.mpy` extension). The file name as given becomes the name in tracebacks.
#[cfg(feature = "compiler")]
fn compile_file(argv0: &str, args: &[String]) -> i32 {
    use pyrite::compile::{compile, CompileOptions, Mode};
    let (input, output) = match args {
        [i] => (i.clone(), None),
        [i, o, out] if o == "-o" => (i.clone(), Some(out.clone())),
        _ => {
            eprintln!("usage: {argv0} --compile FILE.py [-o FILE.mpy]");
            return 2;
        }
    };
    let output = output.unwrap_or_else(|| {
        let stem = input.strip_suffix(".py").unwrap_or(&input);
        format!("{stem}.mpy")
    });
    let src = match std::fs::read(&input) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{argv0}: can't open file '{input}': {e}");
            return 2;
        }
    };
    let opts = CompileOptions {
        circuitpython: pyrite::flavour::CIRCUITPYTHON,
        ..CompileOptions::default()
    };
    match compile(
        &src,
        &input,
        Mode::File,
        &opts,
        allocator_api2::alloc::Global,
    ) {
        Ok(image) => match std::fs::write(&output, &image[..]) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("{argv0}: can't write '{output}': {e}");
                1
            }
        },
        Err(e) => {
            let scope = e
                .scope
                .as_ref()
                .map(|s| format!(", in {}", s.as_str()))
                .unwrap_or_default();
            eprintln!(
                "Traceback (most recent call last):\n  File \"{input}\", line {}{scope}\n{}: {}",
                e.line,
                e.kind_name(),
                e.msg()
            );
            1
        }
    }
}

#[cfg(not(feature = "compiler"))]
fn compile_file(argv0: &str, _args: &[String]) -> i32 {
    eprintln!("{argv0}: --compile needs a build with the compiler");
    2
}

fn real_main() -> i32 {
    let args: Vec<String> = std::env::args().collect();
    let argv0 = args.first().cloned().unwrap_or_else(|| "pyrite".into());
    if args.get(1).map(String::as_str) == Some("--compile") {
        return compile_file(&argv0, &args[2..]);
    }
    let mut heap_size = 2 * 1024 * 1024;
    let mut stats = false;
    let mut i = 1;
    let mut program = None;
    let mut board_file: Option<String> = None;
    let mut board_log: Option<String> = None;
    while i < args.len() {
        let a = &args[i];
        if a == "--board" || a == "--board-log" {
            let Some(v) = args.get(i + 1) else {
                return usage(&argv0);
            };
            if a == "--board" {
                board_file = Some(v.clone());
            } else {
                board_log = Some(v.clone());
            }
            i += 1;
        } else if a == "--startup" {
            let dir = match args.get(i + 1) {
                Some(d) if !d.starts_with('-') => {
                    i += 1;
                    d.clone()
                }
                _ => ".".into(),
            };
            program = Some(Program::Startup(dir));
            i += 1;
            break;
        } else if a == "-X" {
            i += 1;
            let Some(opt) = args.get(i) else {
                return usage(&argv0);
            };
            if let Some(v) = opt.strip_prefix("heapsize=") {
                match parse_size(v) {
                    Some(n) => heap_size = n,
                    None => return usage(&argv0),
                }
            } else if opt == "stats" {
                stats = true;
            } else if opt.starts_with("emit=") {
                // Bytecode is the only emitter.
            } else {
                return usage(&argv0);
            }
        } else if a == "-c" {
            let Some(c) = args.get(i + 1) else {
                return usage(&argv0);
            };
            program = Some(Program::Code(c.clone()));
            i += 2;
            break;
        } else if a == "-m" {
            let Some(m) = args.get(i + 1) else {
                return usage(&argv0);
            };
            program = Some(Program::Module(m.clone()));
            i += 2;
            break;
        } else if a == "-i" || a == "-O" || a == "-v" || a == "-B" {
            // Accepted and ignored.
        } else if a == "--version" {
            let (ma, mi, pa) = pyrite::flavour::VERSION;
            println!(
                "{} v{ma}.{mi}.{pa}; pyrite {}",
                pyrite::flavour::PRODUCT,
                env!("CARGO_PKG_VERSION")
            );
            return 0;
        } else if a.starts_with('-') && a.len() > 1 {
            return usage(&argv0);
        } else {
            program = Some(Program::File(a.clone()));
            i += 1;
            break;
        }
        i += 1;
    }
    let rest: Vec<String> = args[i.min(args.len())..].to_vec();
    let program = program.unwrap_or_else(|| {
        if std::io::stdin().is_terminal() {
            Program::Repl
        } else {
            Program::Stdin
        }
    });

    let mut hal = UnixHal::new();
    if let Some(f) = &board_file {
        match load_board(f, board_log.as_deref()) {
            Ok(b) => hal.board = Some(b),
            Err(e) => {
                eprintln!("{argv0}: {f}: {e}");
                return 2;
            }
        }
    }
    let has_board = hal.board.is_some();
    let mut interp = match Interpreter::with_heap_size(heap_size, &mut hal, Config::default()) {
        Ok(i) => i,
        Err(_) => {
            eprintln!("MemoryError: memory allocation failed, allocating {heap_size} bytes");
            return 1;
        }
    };
    // sys.path: MICROPYPATH replaces the default; the script's directory comes first.
    let mut path: Vec<String> = match std::env::var("MICROPYPATH") {
        Ok(p) => p.split(':').map(String::from).collect(),
        Err(_) => vec![
            String::new(),
            ".frozen".into(),
            "~/.micropython/lib".into(),
            "/usr/lib/micropython".into(),
        ],
    };
    if let Some(home) = std::env::var_os("HOME") {
        let home = home.to_string_lossy().to_string();
        for p in path.iter_mut() {
            if let Some(r) = p.strip_prefix('~') {
                *p = format!("{home}{r}");
            }
        }
    }
    if let Program::Startup(d) = &program {
        let abs = std::fs::canonicalize(d).unwrap_or_else(|_| d.into());
        path.insert(0, abs.to_string_lossy().to_string());
    }
    if let Program::File(f) = &program {
        let dir = std::path::Path::new(f)
            .parent()
            .map(|d| d.to_path_buf())
            .unwrap_or_default();
        let dir = if dir.as_os_str().is_empty() {
            std::path::PathBuf::from(".")
        } else {
            dir
        };
        let abs = std::fs::canonicalize(&dir).unwrap_or(dir);
        if !path.is_empty() && path[0].is_empty() {
            path[0] = abs.to_string_lossy().to_string();
        } else {
            path.insert(0, abs.to_string_lossy().to_string());
        }
    }
    for p in &path {
        let _ = interp.push_path(p);
    }
    let mut argv: Vec<&str> = Vec::new();
    match &program {
        Program::File(f) => argv.push(f),
        Program::Code(_) | Program::Stdin | Program::Repl | Program::Startup(_) => argv.push(""),
        Program::Module(m) => argv.push(m),
    }
    argv.extend(rest.iter().map(|s| s.as_str()));
    let _ = interp.set_argv(&argv);

    if !matches!(program, Program::Repl) {
        catch_sigint(&mut interp);
    } else if has_board {
        // Pin interrupts and timers of the simulated board arrive through the signal.
        interp.attach_signal(&SIGNAL);
    }
    let rc = match program {
        Program::Startup(dir) => startup::run(&mut interp, &dir),
        Program::File(f) => {
            let src = match std::fs::read(&f) {
                Ok(s) => s,
                Err(e) => {
                    drop(interp);
                    drop(hal);
                    eprintln!(
                        "{argv0}: can't open file '{f}': [Errno {}] {}",
                        e.raw_os_error().unwrap_or(2),
                        errno_text(&e)
                    );
                    return 2;
                }
            };
            if f.ends_with(".mpy") {
                interp.run_main_mpy(&src)
            } else {
                interp.run_main(&src, &f)
            }
        }
        Program::Code(c) => interp.run_main(c.as_bytes(), "<stdin>"),
        Program::Module(m) => {
            interp.set_traceback_to_stderr(true);
            interp.run_module(&m)
        }
        Program::Stdin => {
            let mut src = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut src);
            interp.set_traceback_to_stderr(true);
            interp.run_main(&src, "<stdin>")
        }
        Program::Repl => repl(&mut interp),
    };
    if stats {
        eprintln!(
            "pyrite stats: heap peak {} bytes",
            interp.heap().high_water_bytes()
        );
    }
    rc
}

/// Read a board description and make the simulated board (its interrupts go through
/// `SIGNAL`).
fn load_board(file: &str, log: Option<&str>) -> Result<sim::SimBoard, String> {
    let text = std::fs::read_to_string(file).map_err(|e| errno_text(&e))?;
    let conf = sim::config::parse(&text)?;
    let log: Option<sim::Log> = match log {
        None => None,
        Some("-") => Some(Box::new(std::io::stderr())),
        Some(p) => Some(Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| format!("{p}: {}", errno_text(&e)))?,
        ))),
    };
    sim::SimBoard::new(&conf, log, &SIGNAL)
}

fn errno_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(p) => s[..p].to_string(),
        None => s,
    }
}

pub(crate) fn repl(interp: &mut Interpreter) -> i32 {
    let (ma, mi, pa) = pyrite::flavour::VERSION;
    println!(
        "{} v{ma}.{mi}.{pa}; linux [pyrite {}] version",
        pyrite::flavour::PRODUCT,
        env!("CARGO_PKG_VERSION")
    );
    if !pyrite::flavour::CIRCUITPYTHON {
        println!("Use Ctrl-D to exit, Ctrl-E for paste mode");
    }
    let stdin = std::io::stdin();
    let mut buf = String::new();
    loop {
        print!("{}", if buf.is_empty() { ">>> " } else { "... " });
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        match stdin.lock().read_line(&mut line) {
            Ok(0) | Err(_) => {
                println!();
                return 0;
            }
            Ok(_) => {}
        }
        if buf.is_empty() && line.trim().is_empty() {
            continue;
        }
        buf.push_str(&line);
        if interp.is_incomplete(buf.as_bytes()) && !line.trim().is_empty() {
            continue;
        }
        let src = std::mem::take(&mut buf);
        if let Err(code) = interp.repl_line(src.as_bytes()) {
            return code;
        }
    }
}

fn main() {
    // Native modules loaded from shared libraries call the pyr_ functions of this binary
    // (exported by -rdynamic, see build.rs): keep them all linked in.
    std::hint::black_box(pyrite_ffi::keep_symbols());
    // Run on a thread with a large stack: native re-entries (sorted(key=...), __repr__, ...)
    // recurse on the Rust stack, bounded by the interpreter's re-entry limit.
    let child = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(real_main);
    let code = match child {
        Ok(h) => h.join().unwrap_or(1),
        Err(_) => real_main(),
    };
    std::process::exit(code);
}
