//! Embedding pyrite in a Rust program, step by step: `cargo run --example embed`.
//!
//! The host is a pretend board with LEDs and a temperature sensor. It gives Python a native
//! module `board` (functions, a constant and a class written in Rust), runs a script that
//! uses it, then calls back into the functions the script defined, with a fuel budget so a
//! runaway script cannot hang the host.

use std::sync::Mutex;

use pyrite::{Config, Error, Hal, Handle, Interpreter, PyErr};

/// 1. The port: where `print` and tracebacks go. Firmware would write to a UART here.
struct Console;

impl Hal for Console {
    fn write_out(&mut self, bytes: &[u8]) {
        print!("{}", String::from_utf8_lossy(bytes));
    }
}

/// The Rust state behind each `board.LED` object Python creates.
struct Led {
    pin: u8,
    on: bool,
}

fn main() -> Result<(), Error> {
    // Host state the native functions reach through their closures. It lives longer than the
    // interpreter (which borrows the console for the same lifetime), so closures may borrow it.
    // (Closures must be `Send`, as an interpreter may move between threads: share state
    // through `Sync` types; firmware would use `critical_section::Mutex` or atomics.)
    let temperature = Mutex::new(21.5f64);
    let log = Mutex::new(Vec::<String>::new());

    let mut console = Console;
    // 2. An interpreter with a 256 KiB heap. Firmware would rather pass a static array:
    //    `Interpreter::new(unsafe { &mut *addr_of_mut!(HEAP) }, &mut console, config)`.
    let mut py = Interpreter::with_heap_size(256 * 1024, &mut console, Config::default())
        .expect("heap too small");

    // 3. A native module. Typed closures: arguments are converted from Python (a wrong type
    //    raises TypeError in Python), results are converted back.
    py.define_module("board", |m| {
        m.constant("LED_COUNT", 4)?;
        m.function("temperature", || *temperature.lock().unwrap())?;
        m.function("log", |line: String| log.lock().unwrap().push(line))?;
        // Returning Err(PyErr) raises a Python exception.
        m.function("check_pin", |pin: i64| -> Result<u8, PyErr> {
            u8::try_from(pin)
                .ok()
                .filter(|&p| p < 4)
                .ok_or_else(|| PyErr::value_error("no such pin"))
        })?;
        // A class: `board.LED(pin)` makes a Python object holding a Rust `Led`.
        m.class::<Led>("LED", |c| {
            c.init(|pin: u8| Led { pin, on: false })?;
            c.method("toggle", |led: &mut Led| {
                led.on = !led.on;
                led.on
            })?;
            c.getter("pin", |led: &Led| led.pin)?;
            c.getter("on", |led: &Led| led.on)?;
            Ok(())
        })?;
        Ok(())
    })?;

    // 4. Run a script that uses the module and defines functions for the host to call.
    py.exec(
        r#"
import board

leds = [board.LED(p) for p in range(board.LED_COUNT)]
leds[1].toggle()
print("LEDs on:", [led.pin for led in leds if led.on])
board.log("script started at %.1f C" % board.temperature())

def on_tick(n):
    # Called by the host every tick.
    if board.temperature() > 30:
        return "too hot"
    return "tick %d ok" % n

def on_button(pin):
    return leds[board.check_pin(pin)].toggle()
"#,
    )?;

    // 5. Call back into Python: handles keep the functions alive; arguments and results are
    //    converted both ways.
    let on_tick: Handle = py.global("on_tick")?;
    let on_button: Handle = py.global("on_button")?;
    for n in 0..3 {
        *temperature.lock().unwrap() += 4.0;
        let status: String = py.call(&on_tick, (n,))?;
        println!("host: {status}");
    }
    let lit: bool = py.call(&on_button, (2,))?;
    println!("host: LED 2 is now {}", if lit { "on" } else { "off" });

    // 6. Python exceptions come back as values with their type, message and traceback.
    if let Err(Error::Exception(e)) = py.call::<bool>(&on_button, (9,)) {
        println!(
            "host: on_button failed with {} ({})",
            e.type_name(),
            e.message()
        );
        let mut tb = String::new();
        py.write_traceback(&e, &mut tb).unwrap();
        print!("{tb}");
    }

    // 7. A fuel budget: a runaway script pauses instead of hanging the host.
    py.set_fuel(Some(10_000));
    match py.exec("while True:\n    pass") {
        Err(Error::OutOfFuel) => {
            println!("host: the script ran out of fuel; dropping it");
            py.abandon();
        }
        other => println!("host: unexpected {other:?}"),
    }
    py.set_fuel(None);

    drop(py);
    println!("host log: {:?}", log.lock().unwrap());
    Ok(())
}
