//! The embedding API, capability by capability, including misuse.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicI32, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use pyrite::exceptions::*;
use pyrite::{
    Bytes, Config, Cx, Dict, Error, Hal, Handle, Interpreter, PyErr, PyResult, Signal, Value,
};

/// A console that keeps what is printed.
#[derive(Default)]
struct Console {
    out: String,
    err: String,
}

impl Hal for Console {
    fn write_out(&mut self, bytes: &[u8]) {
        self.out.push_str(&String::from_utf8_lossy(bytes));
    }
    fn write_err(&mut self, bytes: &[u8]) {
        self.err.push_str(&String::from_utf8_lossy(bytes));
    }
}

fn interp(hal: &mut Console) -> Interpreter<'_> {
    Interpreter::with_heap_size(256 * 1024, hal, Config::default()).unwrap()
}

fn exc(e: Error) -> pyrite::Exception {
    match e {
        Error::Exception(x) => x,
        Error::OutOfFuel => panic!("out of fuel"),
    }
}

#[test]
fn exec_eval_globals() {
    let mut con = Console::default();
    {
        let mut py = interp(&mut con);
        py.exec("x = 6 * 7\nprint('hello', x)").unwrap();
        assert_eq!(py.global::<i64>("x").unwrap(), 42);
        py.set_global("y", 8u8).unwrap();
        assert_eq!(py.eval::<i64>("x + y").unwrap(), 50);
        assert_eq!(py.eval::<String>("'a' * 3").unwrap(), "aaa");
        assert!((py.eval::<f64>("1.5 * 2").unwrap() - 3.0).abs() < 1e-12);
        assert!(py.eval::<bool>("x > 1").unwrap());
        assert_eq!(py.eval::<Option<i64>>("None").unwrap(), None);
        let e = exc(py.global::<i64>("nope").unwrap_err());
        assert_eq!(e.type_name(), "NameError");
        assert_eq!(e.message(), "name 'nope' isn't defined");
        assert!(e.matches(&NAME_ERROR));
    }
    assert_eq!(con.out, "hello 42\n");
}

#[test]
fn conversions_both_ways() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    py.exec("def echo(x): return x\ndef kinds(*a): return [type(v).__name__ for v in a]")
        .unwrap();
    let echo: Handle = py.global("echo").unwrap();
    assert_eq!(py.call::<i64>(&echo, (-5i32,)).unwrap(), -5);
    assert_eq!(
        py.call::<u128>(&echo, (u64::MAX as u128 * 3,)).unwrap(),
        u64::MAX as u128 * 3
    );
    assert_eq!(py.call::<f32>(&echo, (2.5f32,)).unwrap(), 2.5);
    assert!(!py.call::<bool>(&echo, (false,)).unwrap());
    assert_eq!(py.call::<String>(&echo, ("héllo",)).unwrap(), "héllo");
    assert_eq!(
        py.call::<Bytes<Vec<u8>>>(&echo, (Bytes(&b"\x00\xff"[..]),))
            .unwrap()
            .0,
        b"\x00\xff"
    );
    assert_eq!(
        py.call::<Vec<i64>>(&echo, (vec![1i64, 2, 3],)).unwrap(),
        vec![1, 2, 3]
    );
    assert_eq!(
        py.call::<(i64, String, Option<bool>)>(&echo, ((1, "a", None::<bool>),))
            .unwrap(),
        (1, "a".to_string(), None)
    );
    let mut m = BTreeMap::new();
    m.insert("a".to_string(), 1i64);
    m.insert("b".to_string(), 2);
    assert_eq!(
        py.call::<BTreeMap<String, i64>>(&echo, (m.clone(),))
            .unwrap(),
        m
    );
    assert_eq!(
        py.call::<Dict<Vec<(i64, String)>>>(&echo, (Dict(vec![(1i64, "x")]),))
            .unwrap()
            .0,
        vec![(1, "x".to_string())]
    );
    assert_eq!(py.call::<()>(&echo, ((),)).unwrap(), ());
    let kinds: Handle = py.global("kinds").unwrap();
    let k: Vec<String> = py
        .call(
            &kinds,
            (1i64, 1.0f64, true, "s", Bytes(&b""[..]), [1u8, 2], ()),
        )
        .unwrap();
    assert_eq!(
        k,
        ["int", "float", "bool", "str", "bytes", "list", "NoneType"]
    );
    // Wrong types raise TypeError / OverflowError.
    let e = exc(py.call::<i64>(&echo, ("x",)).unwrap_err());
    assert_eq!(e.to_string(), "TypeError: can't convert str to int");
    let e = exc(py.call::<u8>(&echo, (300,)).unwrap_err());
    assert!(e.matches(&OVERFLOW_ERROR));
    let e = exc(py.call::<(i64, i64)>(&echo, ((1,),)).unwrap_err());
    assert!(e.matches(&VALUE_ERROR), "{e}");
}

#[test]
fn exceptions_have_type_message_traceback() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    let e = exc(py
        .exec_source(
            "def f(n):\n    raise ValueError('bad %d' % n)\nf(3)\n",
            "app.py",
        )
        .unwrap_err());
    assert_eq!(e.type_name(), "ValueError");
    assert_eq!(e.message(), "bad 3");
    assert!(e.matches(&VALUE_ERROR) && e.matches(&EXCEPTION) && !e.matches(&TYPE_ERROR));
    let mut tb = String::new();
    py.write_traceback(&e, &mut tb).unwrap();
    assert_eq!(
        tb,
        "Traceback (most recent call last):\n  File \"app.py\", line 3, in <module>\n  File \"app.py\", line 2, in f\nValueError: bad 3\n"
    );
    // Classes defined in Python match through their builtin base.
    let e = exc(py
        .exec("class E(KeyError): pass\nraise E('k')")
        .unwrap_err());
    assert_eq!(e.type_name(), "E");
    assert!(e.matches(&KEY_ERROR));
    // Syntax errors too.
    let e = exc(py.exec("x = (").unwrap_err());
    assert!(e.matches(&SYNTAX_ERROR));
    py.print_exception(&e);
    drop(py);
    assert!(con.err.contains("SyntaxError"), "{}", con.err);
}

#[test]
fn native_module_functions_and_closures() {
    let mut con = Console::default();
    let calls = Arc::new(AtomicU32::new(0));
    let log = Mutex::new(Vec::<String>::new());
    {
        let mut py = interp(&mut con);
        let c2 = calls.clone();
        let log_ref = &log;
        py.define_module("board", |m| {
            m.constant("PINS", 16)?;
            m.function("add", |a: i64, b: i64| a + b)?;
            m.function("count", move || {
                c2.store(c2.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
                c2.load(Ordering::Relaxed)
            })?;
            m.function("log", move |s: String| log_ref.lock().unwrap().push(s))?;
            m.function("opt", |a: i64, b: Option<i64>| a * b.unwrap_or(10))?;
            m.function("check", |pin: i64| -> Result<i64, PyErr> {
                if pin < 0 {
                    Err(PyErr::value_error("pin must be >= 0"))
                } else {
                    Ok(pin)
                }
            })?;
            // Calls back into Python with the context.
            m.function(
                "apply",
                |cx: &mut Cx, f: Value, x: i64| -> PyResult<Value> {
                    let v = pyrite::IntoPython::into_python(x, cx)?;
                    cx.call(f, &[v], &[])
                },
            )?;
            // Raw shape, keywords included.
            m.function(
                "nkw",
                |_cx: &mut Cx, a: &[Value], k: &[Value]| -> PyResult<Value> {
                    Ok(Value::small_int((a.len() * 10 + k.len() / 2) as isize).unwrap())
                },
            )?;
            Ok(())
        })
        .unwrap();
        py.exec(concat!(
            "import board\n",
            "print(board.PINS, board.add(2, 3), board.opt(2), board.opt(2, 3))\n",
            "board.count(); board.count()\n",
            "board.log('hi')\n",
            "print(board.apply(lambda v: v * 100, 4))\n",
            "print(board.nkw(1, 2, a=3))\n",
            "try:\n    board.check(-1)\nexcept ValueError as e:\n    print('caught', e)\n",
            "print(callable(board.add), type(board.add).__name__)\n",
        ))
        .unwrap();
        // A Python exception inside a native callback reaches the host.
        let e = exc(py.exec("board.apply(lambda v: 1 // 0, 1)").unwrap_err());
        assert!(e.matches(&ZERO_DIVISION_ERROR));
        // Wrong argument types and counts.
        let e = exc(py.exec("board.add('a', 1)").unwrap_err());
        assert_eq!(e.to_string(), "TypeError: can't convert str to int");
        let e = exc(py.exec("board.add(1)").unwrap_err());
        assert_eq!(
            e.to_string(),
            "TypeError: function takes 2 positional arguments but 1 were given"
        );
        let e = exc(py.exec("board.opt()").unwrap_err());
        assert_eq!(
            e.to_string(),
            "TypeError: function missing 1 required positional arguments"
        );
        let e = exc(py.exec("board.add(1, b=2)").unwrap_err());
        assert!(e.matches(&TYPE_ERROR));
        // Closures survive collections.
        py.collect();
        py.exec("board.count()").unwrap();
    }
    assert_eq!(calls.load(Ordering::Relaxed), 3);
    assert_eq!(*log.lock().unwrap(), ["hi"]);
    assert_eq!(
        con.out,
        "16 5 20 6\n400\n21\ncaught pin must be >= 0\nTrue function\n"
    );
    // The closures were dropped with the interpreter.
    assert_eq!(Arc::strong_count(&calls), 1);
}

struct Led {
    pin: u8,
    level: u8,
}

#[test]
fn native_classes() {
    let mut con = Console::default();
    let dropped = Arc::new(AtomicI32::new(0));
    {
        let mut py = interp(&mut con);
        struct Tracked(Arc<AtomicI32>);
        impl Drop for Tracked {
            fn drop(&mut self) {
                self.0.fetch_add(1, Ordering::Relaxed);
            }
        }
        let d2 = dropped.clone();
        py.define_module("hw", move |m| {
            m.class::<Led>("LED", |c| {
                c.init(|pin: u8| -> Result<Led, PyErr> {
                    if pin > 31 {
                        return Err(PyErr::value_error("no such pin"));
                    }
                    Ok(Led { pin, level: 0 })
                })?;
                c.method("on", |led: &mut Led| led.level = 255)?;
                c.method("dim", |led: &mut Led, by: u8| {
                    led.level = led.level.saturating_sub(by);
                    led.level
                })?;
                c.getter("pin", |led: &Led| led.pin)?;
                c.property(
                    "level",
                    |led: &Led| led.level,
                    |led: &mut Led, v: u8| led.level = v,
                )?;
                c.constant("MAX", 255)?;
                Ok(())
            })?;
            m.class::<Tracked>("Tracked", move |c| {
                let d3 = d2.clone();
                c.init(move || Tracked(d3.clone()))?;
                Ok(())
            })?;
            Ok(())
        })
        .unwrap();
        py.exec(concat!(
            "from hw import LED, Tracked\n",
            "a = LED(3)\n",
            "a.on(); print(a.pin, a.level, a.dim(5), LED.MAX)\n",
            "a.level = 7; print(a.level)\n",
            "a.note = 'attrs work'; print(a.note)\n",
            "class Blinky(LED):\n",
            "    def blink(self):\n        self.on(); return self.level\n",
            "print(Blinky(4).blink(), isinstance(Blinky(1), LED))\n",
            "print(repr(a)[:11])\n",
            "t = [Tracked() for i in range(5)]\n",
            "del t\n",
        ))
        .unwrap();
        let e = exc(py.exec("LED(40)").unwrap_err());
        assert_eq!(e.to_string(), "ValueError: no such pin");
        let e = exc(py.exec("a.level = 'x'").unwrap_err());
        assert!(e.matches(&TYPE_ERROR));
        let e = exc(py.exec("a.pin = 3").unwrap_err());
        assert!(e.matches(&ATTRIBUTE_ERROR), "{e}");
        // A method called on something that is not an LED.
        let e = exc(py.exec("LED.on(5)").unwrap_err());
        assert!(e.matches(&TYPE_ERROR));
        py.collect();
        assert_eq!(dropped.load(Ordering::Relaxed), 5);
        py.exec("keep = Tracked()").unwrap();
    }
    assert_eq!(dropped.load(Ordering::Relaxed), 6);
    assert_eq!(
        con.out,
        "3 255 250 255\n7\nattrs work\n255 True\n<LED object\n"
    );
}

#[test]
fn handles_keep_values_alive() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    py.exec("big = list(range(5000))").unwrap();
    let h: Handle = py.global("big").unwrap();
    py.exec("del big").unwrap();
    py.collect();
    let before = py.heap().bytes_used();
    assert_eq!(py.call_method::<i64>(&h, "count", (7,)).unwrap(), 1);
    assert_eq!(py.get::<Vec<i64>>(&h).unwrap()[4999], 4999);
    drop(h);
    py.collect();
    let after = py.heap().bytes_used();
    assert!(after + 5000 * 8 <= before, "{before} -> {after}");
    // Many handles.
    let hs: Vec<Handle> = (0..200).map(|i| py.handle(i * 1000).unwrap()).collect();
    py.collect();
    for (i, h) in hs.iter().enumerate() {
        assert_eq!(py.get::<i64>(h).unwrap(), i as i64 * 1000);
    }
    // getattr / setattr through handles.
    py.exec("class C: pass\nc = C()").unwrap();
    let c: Handle = py.global("c").unwrap();
    py.setattr(&c, "v", "val").unwrap();
    assert_eq!(py.getattr::<String>(&c, "v").unwrap(), "val");
    let m = py.import("micropython").unwrap();
    assert!(py.getattr::<Handle>(&m, "const").is_ok());
}

#[test]
fn interpreters_side_by_side() {
    let (mut c1, mut c2) = (Console::default(), Console::default());
    {
        let mut a = interp(&mut c1);
        let mut b = interp(&mut c2);
        a.exec("x = 1").unwrap();
        b.exec("x = 2").unwrap();
        a.exec("print(x)").unwrap();
        b.exec("print(x)").unwrap();
        // A handle of one interpreter is refused by the other.
        let h = a.handle(5).unwrap();
        let e = exc(b.get::<i64>(&h).unwrap_err());
        assert!(e.matches(&TYPE_ERROR));
        assert_eq!(a.get::<i64>(&h).unwrap(), 5);
    }
    assert_eq!((c1.out.as_str(), c2.out.as_str()), ("1\n", "2\n"));
}

#[test]
fn static_region() {
    let region: &'static mut [u8] = Box::leak(vec![0u8; 128 * 1024].into_boxed_slice());
    let mut con = Console::default();
    let mut py = Interpreter::new(region, &mut con, Config::default()).unwrap();
    assert_eq!(py.eval::<i64>("sum(range(10))").unwrap(), 45);
    let h = py.handle("kept").unwrap();
    drop(py);
    // A handle may outlive its interpreter (its slot is in the static region).
    drop(h);
}

#[test]
fn handle_outliving_owned_heap() {
    let mut con = Console::default();
    let h;
    {
        let mut py = interp(&mut con);
        h = py.handle(1).unwrap();
    }
    drop(h);
}

#[test]
fn fuel_pauses_and_resumes() {
    let mut con = Console::default();
    {
        let mut py = interp(&mut con);
        py.set_fuel(Some(100));
        let r = py.exec("n = 0\nwhile n < 1000:\n    n += 1\nprint('done', n)");
        assert!(matches!(r, Err(Error::OutOfFuel)));
        assert!(py.is_paused());
        // While paused, the host can look around and run other code.
        let n: i64 = py.global("n").unwrap();
        assert!((90..=110).contains(&n), "{n}");
        assert_eq!(py.eval::<i64>("n * 0 + 1").unwrap(), 1);
        let mut pauses = 1;
        loop {
            py.set_fuel(Some(100));
            match py.resume::<()>() {
                Ok(()) => break,
                Err(Error::OutOfFuel) => pauses += 1,
                Err(e) => panic!("{e}"),
            }
        }
        assert!((9..=11).contains(&pauses), "{pauses}");
        assert!(!py.is_paused());
        // A paused call of a Python function returns its value on resume.
        py.exec("def work(k):\n    t = 0\n    for i in range(k):\n        t += i\n    return t")
            .unwrap();
        let work: Handle = py.global("work").unwrap();
        py.set_fuel(Some(10));
        assert!(matches!(
            py.call::<i64>(&work, (100,)),
            Err(Error::OutOfFuel)
        ));
        py.set_fuel(None);
        assert_eq!(py.resume::<i64>().unwrap(), 4950);
        // Abandoning a paused run.
        py.set_fuel(Some(5));
        assert!(matches!(py.exec("while True: pass"), Err(Error::OutOfFuel)));
        py.abandon();
        py.set_fuel(None);
        assert_eq!(py.eval::<i64>("2 + 2").unwrap(), 4);
        assert!(py.resume::<()>().is_err());
    }
    assert_eq!(con.out, "done 1000\n");
}

#[test]
fn fuel_overdrawn_in_nested_run_raises() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    py.exec("def gen():\n    while True:\n        yield 1")
        .unwrap();
    // A loop inside a Python function called by native code (here `sorted`'s key) cannot
    // pause: its overdraft ends in FuelExhausted, which `except Exception` does not catch.
    py.exec("def spin(x):\n    while True:\n        pass")
        .unwrap();
    py.set_fuel(Some(50));
    let r = py.exec("try:\n    sorted([1, 2], key=spin)\nexcept Exception:\n    print('caught')");
    let e = exc(r.unwrap_err());
    assert!(e.matches(&FUEL_EXHAUSTED), "{e}");
    // A bare except may catch it, but control still comes back to the host: the top
    // level pauses at its next safepoint (the budget is still spent).
    py.set_fuel(Some(50));
    let r = py.exec(
        "for i in range(3):\n    try:\n        sorted([1, 2], key=spin)\n    except:\n        pass\n",
    );
    assert!(matches!(r, Err(Error::OutOfFuel)));
    py.abandon();
    // Nested deeper, the exception is raised again at every safepoint.
    py.set_fuel(Some(50));
    let r = py.exec(concat!(
        "def stubborn(x):\n",
        "    for i in range(3):\n",
        "        try:\n            spin(0)\n        except:\n            pass\n",
        "sorted([1, 2], key=stubborn)\n",
    ));
    let e = exc(r.unwrap_err());
    assert!(e.matches(&FUEL_EXHAUSTED), "{e}");
    // A generator that yields often lets the top level pause normally.
    py.set_fuel(Some(50));
    let r = py.exec("t = 0\nfor x in gen():\n    t += x\n    if t > 200: break");
    assert!(matches!(r, Err(Error::OutOfFuel)));
    py.set_fuel(None);
    py.resume::<()>().unwrap();
    assert_eq!(py.global::<i64>("t").unwrap(), 201);
}

#[test]
fn fuel_bounds_loops_in_native_code() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    // Builtins consuming an endless or huge iterator run no Python frame: every 64 items
    // they take are a poll point, so the budget ends them too.
    for src in [
        "sum(iter(int, 1))",
        "max(range(10**18))",
        "any(map(abs, iter(int, 1)))",
        "try:\n    sum(iter(int, 1))\nexcept Exception:\n    pass",
    ] {
        py.set_fuel(Some(100));
        let e = exc(py.exec(src).unwrap_err());
        assert!(e.matches(&FUEL_EXHAUSTED), "{src}: {e}");
    }
    py.set_fuel(None);
    py.exec("assert sum(range(1000)) == 499500").unwrap();
}

static SIGNAL: Signal = Signal::new();

#[test]
fn interrupt_and_schedule() {
    let mut con = Console::default();
    {
        let mut py = interp(&mut con);
        py.attach_signal(&SIGNAL);
        // An interrupt raised from another thread during a long computation.
        let t = std::thread::spawn(|| {
            std::thread::sleep(std::time::Duration::from_millis(50));
            SIGNAL.interrupt();
        });
        let e = exc(py.exec("n = 0\nwhile True:\n    n += 1").unwrap_err());
        t.join().unwrap();
        assert!(e.matches(&KEYBOARD_INTERRUPT));
        assert!(py.global::<i64>("n").unwrap() > 0);
        // The interpreter keeps working.
        assert_eq!(py.eval::<i64>("1 + 1").unwrap(), 2);
        // Tokens from an interrupt handler call the registered Python handler.
        py.exec("hits = []\ndef on_tok(t):\n    hits.append(t)")
            .unwrap();
        let h: Handle = py.global("on_tok").unwrap();
        py.on_signal(7, &h).unwrap();
        assert!(SIGNAL.schedule(7));
        assert!(SIGNAL.schedule(9)); // no handler: dropped
        assert!(SIGNAL.schedule(7));
        py.exec("for i in range(3): pass\nprint(hits)").unwrap();
        // micropython.schedule from Python.
        py.exec(concat!(
            "import micropython\n",
            "micropython.schedule(print, 'scheduled')\n",
            "for i in range(2): pass\n",
            "print('after')\n",
        ))
        .unwrap();
        let e = exc(py.exec("micropython.schedule(5, 1)").unwrap_err());
        assert!(e.matches(&TYPE_ERROR));
        // An exception in a scheduled callback propagates into the running code.
        let e = exc(py
            .exec("micropython.schedule(lambda a: 1 // 0, 0)\nfor i in range(2): pass")
            .unwrap_err());
        assert!(e.matches(&ZERO_DIVISION_ERROR));
        // A full ring.
        let mut n = 0;
        while SIGNAL.schedule(1) {
            n += 1;
        }
        assert_eq!(n, pyrite::embed::signal::SIGNAL_RING);
        py.exec("for i in range(2): pass").unwrap();
        assert!(SIGNAL.schedule(1));
        py.exec("for i in range(2): pass").unwrap();
    }
    assert_eq!(con.out, "[7, 7]\nscheduled\nafter\n");
}

#[test]
fn heap_exhausted_inside_native_call() {
    let mut con = Console::default();
    let mut py = Interpreter::with_heap_size(64 * 1024, &mut con, Config::default()).unwrap();
    py.define_module("hog", |m| {
        m.function("make", |n: usize| vec![7u32; n])?;
        m.function("text", |n: usize| "x".repeat(n))?;
        Ok(())
    })
    .unwrap();
    let e = exc(py.exec("import hog\nx = hog.make(100000)").unwrap_err());
    assert!(e.matches(&MEMORY_ERROR), "{e}");
    let e = exc(py.exec("y = hog.text(1000000)").unwrap_err());
    assert!(e.matches(&MEMORY_ERROR), "{e}");
    // Caught in Python, and the interpreter goes on.
    py.exec("try:\n    hog.make(100000)\nexcept MemoryError:\n    ok = True")
        .unwrap();
    assert!(py.global::<bool>("ok").unwrap());
    assert_eq!(py.eval::<usize>("len(hog.make(100))").unwrap(), 100);
}

#[test]
fn mpy_images_and_frozen_modules() {
    use allocator_api2::alloc::Global;
    use pyrite::compile::{compile, CompileOptions, Mode};
    let image = |src: &str, name: &str| -> &'static [u8] {
        let v = compile(
            src.as_bytes(),
            name,
            Mode::File,
            &CompileOptions::default(),
            Global,
        )
        .unwrap();
        Box::leak(v.to_vec().into_boxed_slice())
    };
    let mut con = Console::default();
    {
        let mut py = interp(&mut con);
        py.exec_mpy(image("print('from mpy', 1 + 1)", "m.py"))
            .unwrap();
        py.exec_mpy_static(image("print('in place')", "s.py"))
            .unwrap();
        let e = exc(py.exec_mpy(b"garbage").unwrap_err());
        assert_eq!(e.to_string(), "ValueError: incompatible .mpy file");
        let frozen: &'static [pyrite::FrozenModule] = Box::leak(Box::new([
            pyrite::FrozenModule {
                name: "greet",
                mpy: image("def hi(n):\n    return 'hi ' + n\n", "greet.py"),
                is_package: false,
            },
            pyrite::FrozenModule {
                name: "pkg",
                mpy: image("from . import sub\nV = sub.W * 2\n", "pkg/__init__.py"),
                is_package: true,
            },
            pyrite::FrozenModule {
                name: "pkg.sub",
                mpy: image("W = 21\n", "pkg/sub.py"),
                is_package: false,
            },
            pyrite::FrozenModule {
                name: "broken",
                mpy: image("1 / 0\n", "broken.py"),
                is_package: false,
            },
        ]));
        py.add_frozen(frozen);
        py.exec("import greet, pkg\nprint(greet.hi('there'), pkg.V)")
            .unwrap();
        let e = exc(py.exec("import broken").unwrap_err());
        assert!(e.matches(&ZERO_DIVISION_ERROR));
        let mut tb = String::new();
        py.write_traceback(&e, &mut tb).unwrap();
        assert!(tb.contains("File \"broken.py\", line 1"), "{tb}");
        let e = exc(py.exec("import nothere").unwrap_err());
        assert!(e.matches(&IMPORT_ERROR));
    }
    assert_eq!(con.out, "from mpy 2\nin place\nhi there 42\n");
}

#[test]
fn interpreter_moves_between_threads() {
    fn assert_send<T: Send>(_: &T) {}
    let mut con = Console::default();
    let hits = AtomicU32::new(0);
    let mut py = interp(&mut con);
    py.define_module("m", |m| {
        m.function("hit", || hits.fetch_add(1, Ordering::Relaxed))?;
        Ok(())
    })
    .unwrap();
    assert_send(&py);
    std::thread::scope(|s| {
        s.spawn(move || {
            py.exec("import m\nfor i in range(5): m.hit()\nprint('thread')")
                .unwrap();
        });
    });
    assert_eq!(hits.load(Ordering::Relaxed), 5);
    assert_eq!(con.out, "thread\n");
}

/// A port whose filesystem is a map of paths to contents.
struct MapFs {
    files: BTreeMap<&'static str, &'static [u8]>,
    out: String,
}

impl Hal for MapFs {
    fn write_out(&mut self, bytes: &[u8]) {
        self.out.push_str(&String::from_utf8_lossy(bytes));
    }
    fn stat(&mut self, path: &str) -> pyrite::PathKind {
        if self.files.contains_key(path) {
            pyrite::PathKind::File
        } else if self
            .files
            .keys()
            .any(|k| k.starts_with(&format!("{path}/")))
        {
            pyrite::PathKind::Dir
        } else {
            pyrite::PathKind::Missing
        }
    }
    fn file_size(&mut self, path: &str) -> Option<usize> {
        self.files.get(path).map(|f| f.len())
    }
    fn read_file(&mut self, path: &str, buf: &mut [u8]) -> Option<usize> {
        let f = self.files.get(path)?;
        buf[..f.len()].copy_from_slice(f);
        Some(f.len())
    }
}

#[test]
fn imports_through_the_port_filesystem() {
    let mut fs = MapFs {
        files: BTreeMap::from([
            (
                "/flash/lib/util.py",
                &b"def twice(x):\n    return 2 * x\n"[..],
            ),
            ("/flash/lib/drv/__init__.py", &b"NAME = 'drv'\n"[..]),
        ]),
        out: String::new(),
    };
    {
        let mut py = Interpreter::with_heap_size(128 * 1024, &mut fs, Config::default()).unwrap();
        let e = exc(py.import("util").unwrap_err());
        assert!(e.matches(&IMPORT_ERROR));
        py.push_path("/flash/lib").unwrap();
        let util = py.import("util").unwrap();
        assert_eq!(py.call_method::<i64>(&util, "twice", (21,)).unwrap(), 42);
        py.exec("import drv\nprint(drv.NAME)").unwrap();
    }
    assert_eq!(fs.out, "drv\n");
}

#[test]
fn frozen_code_runs_in_place() {
    use allocator_api2::alloc::Global;
    use pyrite::compile::{compile, CompileOptions, Mode};
    // A module whose functions keep its code (and so its image) alive.
    let mut src = String::from("def f():\n    x = 0\n");
    for i in 0..300 {
        src.push_str(&format!("    x = x + {i} * 3\n"));
    }
    src.push_str("    return x\n");
    let image: &'static [u8] = Box::leak(
        compile(
            src.as_bytes(),
            "big.py",
            Mode::File,
            &CompileOptions::default(),
            Global,
        )
        .unwrap()
        .to_vec()
        .into_boxed_slice(),
    );
    let used = |copy: bool| {
        let mut con = Console::default();
        let mut py = interp(&mut con);
        py.collect();
        let before = py.heap().bytes_used();
        if copy {
            py.exec_mpy(image).unwrap();
        } else {
            py.exec_mpy_static(image).unwrap();
        }
        assert_eq!(py.eval::<i64>("f()").unwrap(), 3 * 299 * 300 / 2);
        py.collect();
        py.heap().bytes_used() - before
    };
    let (copied, in_place) = (used(true), used(false));
    assert!(
        in_place + image.len() <= copied + 16,
        "in place {in_place}, copied {copied}, image {}",
        image.len()
    );
}

#[test]
fn frozen_modules_macro() {
    static FROZEN: &[pyrite::FrozenModule] = pyrite::frozen_modules! {
        "a" => "data/gen_int_hashes.py",
        "pkg" => package "data/gen_float_tables.py",
    };
    assert_eq!(FROZEN.len(), 2);
    assert_eq!((FROZEN[0].name, FROZEN[0].is_package), ("a", false));
    assert_eq!((FROZEN[1].name, FROZEN[1].is_package), ("pkg", true));
    assert!(FROZEN[0].mpy.starts_with(b"\"\"\""));
}

#[test]
fn recursion_without_loops_is_bounded_and_interruptible() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    py.exec("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)")
        .unwrap();
    // No back-edge to pause at: the overdrawn budget raises.
    py.set_fuel(Some(1000));
    let e = exc(py.exec("fib(40)").unwrap_err());
    assert!(e.matches(&FUEL_EXHAUSTED), "{e}");
    py.set_fuel(None);
    // An interrupt reaches it too.
    static SIG: Signal = Signal::new();
    py.attach_signal(&SIG);
    let t = std::thread::spawn(|| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        SIG.interrupt();
    });
    let e = exc(py.exec("fib(60)").unwrap_err());
    t.join().unwrap();
    assert!(e.matches(&KEYBOARD_INTERRUPT), "{e}");
    assert_eq!(py.eval::<i64>("fib(10)").unwrap(), 55);
}
