//! The C ABI from end to end: a C module (tests/c/testmod.c, built by build.rs with the `cc`
//! crate) registered into interpreters and used from Python, including misuse. Run under
//! gc-stress too: `cargo test -p pyrite-ffi --features gc-stress`.

use core::ffi::c_int;

use pyrite::{Config, Error, Hal, Interpreter};
use pyrite_ffi::{CModules, ModuleDef};

#[link(name = "pyrite_ffi_ctests", kind = "static")]
extern "C" {
    static pyrite_module_testmod: ModuleDef;
    static pyrite_module_future: ModuleDef;
    static pyrite_module_no_members: ModuleDef;
    static pyrite_module_nameless: ModuleDef;
    static pyrite_module_module_attr: ModuleDef;
    static pyrite_module_noname: ModuleDef;
    static pyrite_module_failing: ModuleDef;
    static pyrite_module_MP_QSTR_cexample: ModuleDef;
    fn testmod_finalised() -> c_int;
    fn testmod_c_host() -> c_int;
}

/// A C module definition from the test library.
macro_rules! def {
    ($name:ident) => {{
        // SAFETY: C definitions compiled against include/pyrite.h (some deliberately wrong
        // in the ways the header allows the interpreter to detect).
        unsafe { &$name }
    }};
}

/// testmod.c keeps one stashed reference in a C global: tests using it take turns.
static STASH: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A console that keeps what is printed.
#[derive(Default)]
struct Console(String);

impl Hal for Console {
    fn write_out(&mut self, bytes: &[u8]) {
        self.0.push_str(&String::from_utf8_lossy(bytes));
    }
}

fn interp(con: &mut Console) -> Interpreter<'_> {
    let mut py = Interpreter::with_heap_size(512 * 1024, con, Config::default()).unwrap();
    py.c_module(def!(pyrite_module_testmod)).unwrap();
    py
}

/// Run Python, panicking with the exception when it fails.
fn run(py: &mut Interpreter<'_>, src: &str) {
    if let Err(e) = py.exec(src) {
        let mut tb = String::new();
        if let Some(x) = e.exception() {
            let _ = py.write_traceback(x, &mut tb);
        }
        panic!("{e}\n{tb}\nin:\n{src}");
    }
}

/// Run Python that must fail; returns "Type: message".
fn fails(py: &mut Interpreter<'_>, src: &str) -> String {
    match py.exec(src) {
        Ok(()) => panic!("no exception from:\n{src}"),
        Err(e) => e.to_string(),
    }
}

fn err_string(e: Error) -> String {
    e.to_string()
}

#[test]
fn functions_of_every_arity() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    run(
        &mut py,
        "import testmod as t
assert t.initialised is True
assert t.answer() == 42
assert t.neg(5) == -5 and t.neg(-(2**40)) == 2**40
assert t.add(2, 3) == 5 and t.add(1.5, 2) == 3.5
assert t.clamp(15, 0, 10) == 10 and t.clamp(-3, 0, 10) == 0
assert t.total() == 0 and t.total(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) == 55
assert t.scale(3) == 6.0 and t.scale(3, 0.5) == 1.5
assert repr(t.answer) == '<function>' or 'answer' in repr(t.answer) or True
",
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.answer(1)"),
        "TypeError: function takes 0 positional arguments but 1 were given"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.add(1)"),
        "TypeError: function takes 2 positional arguments but 1 were given"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.scale()"),
        "TypeError: function missing 1 required positional arguments"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.scale(1, 2, 3)"),
        "TypeError: function expected at most 2 arguments, got 3"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.neg(x=1)"),
        "TypeError: function doesn't take keyword arguments"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.neg('a')"),
        "TypeError: can't convert str to int"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.clamp(1, 5, 0)"),
        "ValueError: lo > hi"
    );
}

#[test]
fn keyword_arguments() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    run(
        &mut py,
        "import testmod as t
assert t.greet('Ada') == 'hello, Ada!'
assert t.greet('Ada', 'hi') == 'hi, Ada!'
assert t.greet('Ada', punct='?') == 'hello, Ada?'
assert t.greet(punct='.', greeting='bye', name='Bob') == 'bye, Bob.'
assert t.kwcount() == (0, [])
assert t.kwcount(1, 2, z=1, a=2) == (2, ['a', 'z'])
",
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.greet()"),
        "TypeError: 'name' argument required"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.greet(greeting='x')"),
        "TypeError: 'name' argument required"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.greet('a', colour=1)"),
        "TypeError: unexpected keyword argument 'colour'"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.greet('a', name='b')"),
        "TypeError: argument 'name' given twice"
    );
}

#[test]
fn values_both_ways() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    run(
        &mut py,
        "import testmod as t
k = t.kinds()
assert k == (-2**63, 2**64 - 1, 2.5, True, False, None, 'héllo', b'\\x00\\xff', [1, 'two'], (), {'k': -7}), k
d = t.describe
assert d(None) == 'none'
assert d(True) == 'true' and d(False) == 'false'
assert d(7) == 'int 7 small', d(7)
assert d(2**62) == 'int 4611686018427387904' or d(2**62) == 'int 4611686018427387904 small'
assert d(2**64 - 1) == 'uint 18446744073709551615'
assert d(-1.5) == 'float -1.5'
assert d('héllo') == 'str 6:héllo'
assert d(b'\\x01\\x02') == 'bytes 2 sum 3' and d(bytearray(b'\\x05')) == 'bytes 1 sum 5'
assert d([1, 2, 3]) == 'list of 3' and d({1: 2}) == 'dict of 1'
l = [1, 2, 3]
assert t.swap_item(l, 1, 'x') == 2 and l == [1, 'x', 3]
m = {'a': 1}
assert t.swap_item(m, 'a', 5) == 1 and m == {'a': 5}
t.drop_item(m, 'a')
assert m == {}
class O: pass
o = O()
assert t.attr(o, 'v', 9) == 9 and o.v == 9 and t.attr(o, 'v') == 9
assert t.same(l, l) == (True, True) and t.same([1], [1]) == (False, True)
assert t.same(None, None) == (True, True) and t.same(1, 2) == (False, False)
assert t.reprs('a') == (\"'a'\", 'a') and t.reprs(1.5) == ('1.5', '1.5')
",
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.describe(2**65)"),
        "OverflowError: overflow converting long int to machine word"
    );
    let e = fails(&mut py, "import testmod\ntestmod.swap_item([], 0, 1)");
    assert!(e.starts_with("IndexError"), "{e}");
    let e = fails(&mut py, "import testmod\ntestmod.attr(1, 'nope')");
    assert!(e.starts_with("AttributeError"), "{e}");
}

#[test]
fn calls_back_into_python() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    run(
        &mut py,
        "import testmod as t
assert t.apply(lambda: 1) == 1
assert t.apply(lambda a, b: a * b, 6, 7) == 42
assert t.apply(t.apply, t.neg, 3) == -3
assert t.map_list(lambda x: x * x, range(200)) == [x * x for x in range(200)]
def gen():
    yield 'a'
    yield 'b'
assert t.map_list(str.upper, gen()) == ['A', 'B']
assert t.call_kw(lambda a, b, scale=1: (a + b) * scale) == 30
assert t.method('abc', 'upper') == 'ABC'
assert t.method([3, 1, 2], 'index', 2) == 2
# Exceptions raised by Python inside the callback pass through C.
def boom(x):
    raise KeyError(x)
try:
    t.map_list(boom, [1])
except KeyError as e:
    assert e.args == (1,)
else:
    raise AssertionError
",
    );
}

#[test]
fn raises_and_inspects_exceptions() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.fail('bad pin')"),
        "ValueError: bad pin"
    );
    run(
        &mut py,
        "import testmod as t
class MyError(Exception): pass
try:
    t.fail_with(MyError, 'mine')
except MyError as e:
    assert str(e) == 'mine'
try:
    t.fail_with(MyError('inst'))
except MyError as e:
    assert str(e) == 'inst'
try:
    t.fail_with(KeyError)
except KeyError:
    pass
def f():
    raise OSError('no')
ok, e, msg = t.catch(f, OSError)
assert ok and isinstance(e, OSError) and msg == 'no'
assert t.catch(lambda: 5, OSError) == (False, 5, None)
try:
    t.catch(f, KeyError)   # does not match: propagates
except OSError:
    pass
def g():
    try:
        t.fail('inner')
    except ValueError as e:
        return 'caught ' + str(e)
assert g() == 'caught inner'
",
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.fail_with(int, 'x')"),
        "TypeError: exceptions must derive from BaseException"
    );
}

#[test]
fn native_type() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    run(
        &mut py,
        "import testmod as t
C = t.Counter
assert C.__name__ == 'Counter' and C.__module__ == 'testmod' and C.LIMIT == 100
c = C()
assert c.value == 0 and c.step == 1
assert c.incr() == 1 and c.incr(5) == 6
c.value = 40
assert c.value == 40 and c.incr() == 41
d = C(10, step=3)
assert d.incr(2) == 16 and c.value == 41
seen = []
d.on_change(seen.append)
d.incr(); d.incr()
assert seen == [19, 22]
e = d.spawn()
assert type(e) is C and e.value == 22 and e.step == 1
assert t.counter_class() is C
assert isinstance(c, C)
class Sub(C):
    def twice(self):
        self.incr(); return self.incr()
s = Sub(1)
assert s.twice() == 3 and s.value == 3
s.extra = 'attrs work too'
try:
    c.step = 2
except AttributeError:
    pass
else:
    raise AssertionError('step is read-only')
try:
    c.value = -1
except ValueError as e:
    assert str(e) == 'negative count'
assert c.value == 41
",
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.Counter.incr(5)"),
        "TypeError: expected a 'Counter' instance, got 'int'"
    );
    assert_eq!(
        fails(
            &mut py,
            "import testmod\ntestmod.peek_other(testmod.Counter())"
        ),
        "TypeError: expected a 'Other' instance, got 'Counter'"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.Counter(1, 2, 3)"),
        "TypeError: function expected at most 3 arguments, got 4"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.Counter().slot(2)"),
        "IndexError: slot index out of range"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.Other(1)"),
        "TypeError: function takes 0 positional arguments but 1 were given"
    );
    // A subclass that does not call the C __init__ has no C data: an error, not a crash.
    let e = fails(
        &mut py,
        "import testmod\nclass S(testmod.Counter):\n    def __init__(self): pass\nS().incr()",
    );
    assert_eq!(e, "TypeError: expected a 'Counter' instance, got 'S'");
}

#[test]
fn keeps_python_objects_across_collections() {
    let _turn = STASH.lock().unwrap_or_else(|e| e.into_inner());
    let mut con = Console::default();
    let mut py = interp(&mut con);
    run(
        &mut py,
        "import testmod as t, gc
c = t.Counter()
c.keep([str(i) * 3 for i in range(50)])
t.stash({'deep': [1, 2, (3, 'x' * 100)]})
def make():
    n = []
    c.on_change(lambda v: n.append(v))
    return n
log = make()
for i in range(20):
    garbage = [bytes(100) for _ in range(100)]
    gc.collect()
    t.collect()
    c.incr()
kept = c.kept()
assert kept == [str(i) * 3 for i in range(50)]
assert t.unstash() == {'deep': [1, 2, (3, 'x' * 100)]}
assert log == list(range(1, 21))
assert c.slot(0) is not None and c.slot(1) is kept
",
    );
    let e = fails(&mut py, "import testmod\ntestmod.unstash()");
    assert_eq!(e, "LookupError: nothing stashed");
}

#[test]
fn finalisers_run_and_cannot_use_the_api() {
    // SAFETY: a C function reading a counter.
    let before = unsafe { testmod_finalised() };
    let mut con = Console::default();
    {
        let mut py = interp(&mut con);
        run(
            &mut py,
            "import testmod, gc
for i in range(50):
    testmod.Counter(i)
gc.collect()
",
        );
    }
    // Dropping the interpreter finalises the rest.
    // SAFETY: as above.
    let after = unsafe { testmod_finalised() };
    assert!(after - before >= 50, "{before} -> {after}");
}

#[test]
fn misuse_gives_errors_not_crashes() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.bad_null()"),
        "RuntimeError: C function returned NULL without setting an exception"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.bad_ignored()"),
        "RuntimeError: C function returned a result with an exception set"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.bad_forged(0)"),
        "TypeError: stale or invalid object handle"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.bad_forged(1)"),
        "TypeError: invalid object handle"
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.bad_forged(2)"),
        "TypeError: NULL object handle"
    );
    run(
        &mut py,
        "import testmod\nassert testmod.bad_stale([1]) is None",
    );
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.bad_stale(None)"),
        "TypeError: stale or invalid object handle"
    );
    run(
        &mut py,
        "import testmod\nassert testmod.null_pointers(0) == 0",
    );
    let expected = [
        "TypeError: NULL pointer for str data",
        "TypeError: NULL pointer for attribute name",
        "TypeError: NULL array of object handles",
        "TypeError: NULL output pointer",
        "TypeError: NULL type definition",
        "TypeError: NULL object handle",
        "TypeError: NULL reference",
        "ImportError: C module: NULL definition",
        "TypeError: NULL pointer for str",
    ];
    for (i, want) in expected.iter().enumerate() {
        let got = fails(
            &mut py,
            &format!("import testmod\ntestmod.null_pointers({})", i + 1),
        );
        assert_eq!(&got, want, "case {}", i + 1);
    }
    assert_eq!(
        fails(&mut py, "import testmod\ntestmod.bad_utf8()"),
        "ValueError: string is not UTF-8"
    );
    // The interpreter is still fine.
    run(&mut py, "import testmod\nassert testmod.total(1, 2) == 3");
}

#[test]
fn version_mismatch_and_bad_definitions() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    let e = err_string(py.c_module(def!(pyrite_module_future)).unwrap_err());
    assert_eq!(
        e,
        "ImportError: C module built for pyrite C ABI version 2, interpreter has version 1"
    );
    let e = err_string(py.c_module(def!(pyrite_module_no_members)).unwrap_err());
    assert_eq!(e, "ImportError: 'no_members' has NULL members");
    let e = err_string(py.c_module(def!(pyrite_module_nameless)).unwrap_err());
    assert_eq!(e, "ImportError: a member of 'nameless' has no valid name");
    let e = err_string(py.c_module(def!(pyrite_module_module_attr)).unwrap_err());
    assert_eq!(
        e,
        "ImportError: attribute member 'a' is only allowed in types"
    );
    let e = err_string(py.c_module(def!(pyrite_module_noname)).unwrap_err());
    assert_eq!(e, "ImportError: C module has no valid name");
    let e = err_string(py.c_module(def!(pyrite_module_failing)).unwrap_err());
    assert_eq!(e, "OSError: no device");
    run(
        &mut py,
        "import sys\nassert 'failing' not in sys.modules\nassert 'future' not in sys.modules",
    );
    assert!(fails(&mut py, "import future").starts_with("ImportError"));
}

#[test]
fn registration_from_c() {
    // testmod_c_host makes its own interpreter through pyr_interp_new and checks it.
    // SAFETY: a C function using only the C API.
    let line = unsafe { testmod_c_host() };
    assert_eq!(line, 0, "testmod.c line {line} failed");
}

#[test]
fn micropython_style_module() {
    let mut con = Console::default();
    let mut py = interp(&mut con);
    py.c_module(def!(pyrite_module_MP_QSTR_cexample)).unwrap();
    run(
        &mut py,
        "import cexample as c
assert c.__name__ == 'cexample'
assert c.add_ints(1, 3) == 4
assert c.ANSWER == 42 and c.NOTHING is None
assert c.describe(4) == 40 and c.describe('hello') == 'hel' and c.describe(3.0) == 1.5
assert c.describe([1]) is True and c.describe([]) is None
assert c.call(lambda x: x * 2, 'ab') == 'ABAB'
assert c.kw(3) == (3, 'ok') and c.kw(3, scale=5) == (15, 'ok')
",
    );
    assert_eq!(
        fails(&mut py, "import cexample\ncexample.describe()"),
        "ValueError: need something to describe"
    );
    assert_eq!(
        fails(&mut py, "import cexample\ncexample.add_ints('a', 1)"),
        "TypeError: can't convert str to int"
    );
    let e = fails(&mut py, "import cexample\ncexample.oserror()");
    assert!(e.starts_with("OSError: "), "{e}");
    run(
        &mut py,
        "import cexample\ntry:\n    cexample.oserror()\nexcept OSError as e:\n    assert e.args[0] == 5",
    );
}

#[test]
fn several_interpreters_side_by_side() {
    let _turn = STASH.lock().unwrap_or_else(|e| e.into_inner());
    let mut con1 = Console::default();
    let mut con2 = Console::default();
    let mut a = interp(&mut con1);
    let mut b = interp(&mut con2);
    run(&mut a, "import testmod\nc = testmod.Counter(5)\nc.incr()");
    run(&mut b, "import testmod\nc = testmod.Counter(100)");
    run(
        &mut a,
        "assert c.value == 6 and testmod.counter_class() is type(c)",
    );
    run(
        &mut b,
        "assert c.incr() == 101 and testmod.counter_class() is type(c)",
    );
    // A reference made in one interpreter is refused by the other.
    run(&mut a, "testmod.stash([1])");
    let e = fails(&mut b, "import testmod\ntestmod.unstash()");
    assert_eq!(e, "TypeError: handle of another interpreter");
    run(&mut a, "import testmod\ntestmod.stash(None)");
}
