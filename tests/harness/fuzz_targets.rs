//! The bodies of the fuzz targets, shared by `fuzz/fuzz_targets/*.rs` (cargo-fuzz) and
//! `tests/fuzz_replay.rs` (which replays every file of `fuzz/corpus/*` and
//! `fuzz/regressions/*` under `cargo test`). Each takes arbitrary bytes and must return
//! normally whatever they are: a panic, an abort, a stack overflow or a sanitizer report is a
//! bug in pyrite.
//!
//! Execution budget: every run has a small heap, a small `max_depth` and [`FUEL`] (loops and
//! calls in Python, items taken from iterators by native code), so no input runs long.

#![allow(dead_code)]

use allocator_api2::alloc::Global;
use arbitrary::{Arbitrary, Unstructured};
use pyrite::compile::{compile, CompileOptions, ErrorKind, Mode};
use pyrite::{Config, Hal, Interpreter};

/// Heap of the interpreters that run fuzz input.
pub const HEAP: usize = 96 * 1024;

/// Execution budget of a run ([`Interpreter::set_fuel`]): loop iterations and calls of
/// Python functions, and every 64 items native code takes from an iterator. A run that
/// overdraws it raises `FuelExhausted` within about twice this.
pub const FUEL: u64 = 20_000;

/// Settings for running fuzz input: shallow recursion, little frame stack.
pub fn config() -> Config {
    Config {
        max_depth: 24,
        max_reentry: 8,
        frame_stack_bytes: 24 * 1024,
    }
}

/// A port that keeps at most a little output.
#[derive(Default)]
pub struct Sink {
    pub out: Vec<u8>,
}

impl Hal for Sink {
    fn write_out(&mut self, bytes: &[u8]) {
        if self.out.len() < 1 << 16 {
            self.out.extend_from_slice(bytes);
        }
    }
}

fn options() -> CompileOptions {
    CompileOptions {
        circuitpython: cfg!(feature = "circuitpython"),
        ..CompileOptions::default()
    }
}

/// Target `compile`: source text through the compiler in each mode. Whatever compiles must
/// load and pass the bytecode verifier.
pub fn compile_source(data: &[u8]) {
    let mut hal = Sink::default();
    let Ok(mut it) = Interpreter::with_heap_size(1 << 20, &mut hal, Config::default()) else {
        return;
    };
    for mode in [Mode::File, Mode::Eval, Mode::Single] {
        match compile(data, "fuzz.py", mode, &options(), Global) {
            Ok(image) => {
                let cx = it.cx();
                if pyrite::bytecode::loader::load_mpy(cx, &image, true).is_err() {
                    let e = cx.take_pending();
                    let msg = exception_text(&mut it, e);
                    assert!(
                        msg.contains("MemoryError"),
                        "compiler output refused by the loader: {msg}"
                    );
                }
            }
            Err(e) => assert!(
                !matches!(e.kind, ErrorKind::NotImplementedError) || !e.msg().is_empty(),
                "empty error message"
            ),
        }
    }
}

fn exception_text(it: &mut Interpreter, e: pyrite::Value) -> String {
    let cx = it.cx();
    let mut b = pyrite::obj::str::StrBuilder::new(cx);
    let _ = pyrite::embed::write_exception(cx, &mut b, e);
    String::from_utf8_lossy(&b.buf).into_owned()
}

/// Run `src` as `__main__` with a small heap; afterwards the heap must still be consistent
/// (a collection runs over it).
pub fn run_source(src: &[u8], heap: usize) -> Vec<u8> {
    let mut hal = Sink::default();
    {
        let Ok(mut it) = Interpreter::with_heap_size(heap, &mut hal, config()) else {
            return Vec::new();
        };
        it.set_fuel(Some(FUEL));
        let _ = it.run_main(src, "fuzz.py");
        it.collect();
    }
    hal.out
}

/// Target `exec`: source executed with a small heap and an execution budget.
pub fn exec_source(data: &[u8]) {
    run_source(data, HEAP);
}

/// Target `mpy`: arbitrary bytes through the `.mpy` loader and the bytecode verifier; what
/// verifies is run (with the execution budget).
pub fn load_mpy(data: &[u8]) {
    let mut hal = Sink::default();
    let Ok(mut it) = Interpreter::with_heap_size(HEAP, &mut hal, config()) else {
        return;
    };
    let cx = it.cx();
    match pyrite::bytecode::loader::load_mpy(cx, data, false) {
        Ok(_) => {
            it.set_fuel(Some(FUEL));
            let _ = it.run_main_mpy(data);
        }
        Err(_) => {
            cx.take_pending();
        }
    }
    it.collect();
}

/// Target `modules`: the first byte picks a library entry point that parses untrusted
/// input, the rest is that input:
/// * 0: `json.loads` (the text as `str` when it is UTF-8, else as `bytes`), then `json.dumps`
///   of what it returned;
/// * 1: `struct.calcsize`/`unpack`/`unpack_from`/`iter_unpack`: a format up to the first NUL,
///   the buffer after it;
/// * 2: `re.compile`: a pattern up to the first NUL; a pattern that compiles is matched
///   (`search`, `match`, `split`, `sub`) against the short subject after it.
pub fn modules(data: &[u8]) {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let (head, tail) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &[][..]),
    };
    let script = match sel % 3 {
        0 => MODULE_JSON,
        1 => MODULE_STRUCT,
        _ => MODULE_RE,
    };
    let mut hal = Sink::default();
    let Ok(mut it) = Interpreter::with_heap_size(HEAP, &mut hal, config()) else {
        return;
    };
    let set = |it: &mut Interpreter, name: &str, b: &[u8]| match std::str::from_utf8(b) {
        Ok(s) => it.set_global(name, s),
        Err(_) => it.set_global(name, pyrite::embed::Bytes(b)),
    };
    if sel % 3 == 0 {
        if set(&mut it, "a", rest).is_err() {
            return;
        }
    } else if set(&mut it, "a", head).is_err()
        || it.set_global("b", pyrite::embed::Bytes(tail)).is_err()
    {
        return;
    }
    it.set_fuel(Some(FUEL));
    let _ = it.run_main(script.as_bytes(), "fuzz.py");
    it.collect();
}

const MODULE_JSON: &str = "\
import json
try:
    v = json.loads(a)
    json.dumps(v)
except Exception:
    pass
";

const MODULE_STRUCT: &str = "\
import struct
f = a
for g in (lambda: struct.calcsize(f), lambda: struct.unpack(f, b),
          lambda: struct.unpack_from(f, b), lambda: struct.unpack_from(f, b, 1),
          lambda: list(struct.iter_unpack(f, b)), lambda: struct.pack(f, *struct.unpack(f, b))):
    try:
        g()
    except Exception:
        pass
";

const MODULE_RE: &str = "\
import re
try:
    p = re.compile(a)
except Exception:
    p = None
if p is not None and len(a) <= 48:
    s = b[:16]
    try:
        s = s.decode() if isinstance(a, str) else s
    except Exception:
        s = 'aab'
    for g in (lambda: p.search(s), lambda: p.match(s), lambda: p.split(s),
              lambda: p.sub('x', s), lambda: re.findall(a, s)):
        try:
            m = g()
            if m is not None and hasattr(m, 'group'):
                m.group(0)
                m.groups()
                m.span()
        except Exception:
            pass
";

// ---- the structured target: syntactically valid programs ----------------------------------

/// Nesting limits of generated programs (they keep every run short: loops run at most
/// `MAX_ITER` times and nest at most `MAX_LOOPS` deep; functions only call earlier ones).
const MAX_DEPTH: usize = 5;
const MAX_ITER: u8 = 4;
const MAX_LOOPS: usize = 3;

#[derive(Arbitrary, Debug)]
pub struct Program {
    stmts: Vec<Stmt>,
}

#[derive(Arbitrary, Debug)]
enum Stmt {
    Assign(u8, Expr),
    AugAssign(u8, BinOp, Expr),
    Unpack(u8, u8, Expr),
    Print(Vec<Expr>),
    Expr(Expr),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    For(u8, Expr, Vec<Stmt>, Vec<Stmt>),
    While(u8, Vec<Stmt>),
    Try(
        Vec<Stmt>,
        Vec<(Exc, bool, Vec<Stmt>)>,
        Vec<Stmt>,
        Option<Vec<Stmt>>,
    ),
    With(u8, bool, Vec<Stmt>),
    Raise(Exc, Expr),
    Reraise,
    Break,
    Continue,
    Return(Expr),
    Yield(Expr),
    Def(Vec<u8>, Vec<Stmt>),
    Class(Vec<(Dunder, Vec<Stmt>)>),
    Del(u8),
    Global(u8),
    Assert(Expr),
    SetItem(Expr, Expr, Expr),
    SetAttr(u8, Expr),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Exc {
    Exception,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    ZeroDivisionError,
    StopIteration,
    RuntimeError,
    MemoryError,
    BaseException,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Dunder {
    Init,
    Add,
    Eq,
    Lt,
    Hash,
    Bool,
    Len,
    GetItem,
    Call,
    Repr,
    Iter,
    Enter,
    Exit,
    Getattr,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    Lt,
    Eq,
    Ne,
    In,
    Is,
    BoolAnd,
    BoolOr,
}

#[derive(Arbitrary, Debug)]
enum Expr {
    Int(i32),
    Big(u8),
    Float(f32),
    Str(u8),
    Bytes(u8),
    None,
    Bool(bool),
    Var(u8),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    Set(Vec<Expr>),
    Bin(Box<Expr>, BinOp, Box<Expr>),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Invert(Box<Expr>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    Call(u8, Vec<Expr>),
    Builtin(u8, Vec<Expr>),
    Method(Box<Expr>, u8, Vec<Expr>),
    Index(Box<Expr>, Box<Expr>),
    Slice(
        Box<Expr>,
        Option<Box<Expr>>,
        Option<Box<Expr>>,
        Option<Box<Expr>>,
    ),
    Attr(Box<Expr>, u8),
    Lambda(Box<Expr>),
    ListComp(Box<Expr>, Box<Expr>, Option<Box<Expr>>),
    DictComp(Box<Expr>, Box<Expr>),
    GenExp(Box<Expr>, Box<Expr>),
    FString(Box<Expr>, u8),
    Star(Box<Expr>),
    Instance(Vec<Expr>),
}

const BUILTINS: [&str; 24] = [
    "len",
    "str",
    "repr",
    "int",
    "float",
    "bool",
    "abs",
    "list",
    "tuple",
    "dict",
    "set",
    "sorted",
    "min",
    "max",
    "sum",
    "any",
    "all",
    "hash",
    "isinstance",
    "type",
    "bytes",
    "divmod",
    "round",
    "chr",
];
const METHODS: [&str; 16] = [
    "append",
    "pop",
    "get",
    "keys",
    "items",
    "split",
    "join",
    "upper",
    "index",
    "count",
    "insert",
    "copy",
    "update",
    "format",
    "startswith",
    "replace",
];
const ATTRS: [&str; 4] = ["a", "b", "__class__", "real"];

struct Gen {
    out: String,
    /// Functions defined so far (calls only go to these: no recursion).
    n_funcs: usize,
    n_classes: usize,
}

struct Ctx {
    indent: usize,
    depth: usize,
    loops: usize,
    in_func: bool,
    in_except: bool,
}

impl Gen {
    fn line(&mut self, c: &Ctx, s: &str) {
        for _ in 0..c.indent {
            self.out.push_str("    ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn block(&mut self, c: &Ctx, body: &[Stmt], loops: usize, in_except: bool) {
        let inner = Ctx {
            indent: c.indent + 1,
            depth: c.depth + 1,
            loops,
            in_func: c.in_func,
            in_except,
        };
        let before = self.out.len();
        if c.depth < MAX_DEPTH {
            for s in body.iter().take(8) {
                self.stmt(&inner, s);
            }
        }
        if self.out.len() == before {
            self.line(&inner, "pass");
        }
    }

    fn var(v: u8) -> String {
        format!("v{}", v % 6)
    }

    fn stmt(&mut self, c: &Ctx, s: &Stmt) {
        match s {
            Stmt::Assign(v, e) => {
                let e = self.expr(e, 0);
                self.line(c, &format!("{} = {e}", Self::var(*v)));
            }
            Stmt::AugAssign(v, op, e) => {
                let e = self.expr(e, 0);
                let op = binop(*op);
                if op.chars().all(|ch| !ch.is_alphabetic())
                    && !op.starts_with('<')
                    && op != "=="
                    && op != "!="
                {
                    self.line(c, &format!("{} {op}= {e}", Self::var(*v)));
                } else {
                    self.line(
                        c,
                        &format!("{} = {} {op} {e}", Self::var(*v), Self::var(*v)),
                    );
                }
            }
            Stmt::Unpack(a, b, e) => {
                let e = self.expr(e, 0);
                self.line(c, &format!("{}, *{} = {e}", Self::var(*a), Self::var(*b)));
            }
            Stmt::Print(es) => {
                let args: Vec<String> = es.iter().take(4).map(|e| self.expr(e, 0)).collect();
                self.line(c, &format!("print({})", args.join(", ")));
            }
            Stmt::Expr(e) => {
                let e = self.expr(e, 0);
                self.line(c, &e);
            }
            Stmt::If(e, a, b) => {
                let e = self.expr(e, 0);
                self.line(c, &format!("if {e}:"));
                self.block(c, a, c.loops, c.in_except);
                if !b.is_empty() {
                    self.line(c, "else:");
                    self.block(c, b, c.loops, c.in_except);
                }
            }
            Stmt::For(v, e, body, orelse) => {
                if c.loops >= MAX_LOOPS {
                    return;
                }
                // Iterate over a bounded slice of whatever the expression is, if iterable.
                let e = self.expr(e, 0);
                self.line(
                    c,
                    &format!(
                        "for {} in (({e}) if isinstance({e}, (list, tuple, str, bytes, dict)) else range({MAX_ITER}))[:{MAX_ITER}]:",
                        Self::var(*v)
                    ),
                );
                self.block(c, body, c.loops + 1, c.in_except);
                if !orelse.is_empty() {
                    self.line(c, "else:");
                    self.block(c, orelse, c.loops, c.in_except);
                }
            }
            Stmt::While(n, body) => {
                if c.loops >= MAX_LOOPS {
                    return;
                }
                let w = format!("w{}", c.depth);
                self.line(c, &format!("{w} = 0"));
                self.line(c, &format!("while {w} < {}:", n % (MAX_ITER + 1)));
                let inner = Ctx {
                    indent: c.indent + 1,
                    ..*c
                };
                self.line(&inner, &format!("{w} += 1"));
                self.block(c, body, c.loops + 1, c.in_except);
            }
            Stmt::Try(body, handlers, orelse, fin) => {
                self.line(c, "try:");
                self.block(c, body, c.loops, c.in_except);
                for (exc, named, h) in handlers.iter().take(3) {
                    if *named {
                        self.line(c, &format!("except {exc:?} as e{}:", c.depth));
                    } else {
                        self.line(c, &format!("except ({exc:?}, TypeError):"));
                    }
                    self.block(c, h, c.loops, true);
                }
                if handlers.is_empty() && fin.is_none() {
                    self.line(c, "except:");
                    self.block(c, &[], c.loops, true);
                }
                if !handlers.is_empty() && !orelse.is_empty() {
                    self.line(c, "else:");
                    self.block(c, orelse, c.loops, c.in_except);
                }
                if let Some(f) = fin {
                    self.line(c, "finally:");
                    self.block(c, f, c.loops, c.in_except);
                }
            }
            Stmt::With(v, suppress, body) => {
                self.line(
                    c,
                    &format!(
                        "with CM({}) as {}:",
                        if *suppress { "True" } else { "False" },
                        Self::var(*v)
                    ),
                );
                self.block(c, body, c.loops, c.in_except);
            }
            Stmt::Raise(exc, e) => {
                let e = self.expr(e, 0);
                self.line(c, &format!("raise {exc:?}({e})"));
            }
            Stmt::Reraise => {
                if c.in_except {
                    self.line(c, "raise");
                }
            }
            Stmt::Break => {
                if c.loops > 0 {
                    self.line(c, "break");
                }
            }
            Stmt::Continue => {
                if c.loops > 0 {
                    self.line(c, "continue");
                }
            }
            Stmt::Return(e) => {
                if c.in_func {
                    let e = self.expr(e, 0);
                    self.line(c, &format!("return {e}"));
                }
            }
            Stmt::Yield(e) => {
                if c.in_func {
                    let e = self.expr(e, 0);
                    self.line(c, &format!("v0 = yield {e}"));
                }
            }
            Stmt::Def(params, body) => {
                if c.in_func && c.depth > 2 {
                    return;
                }
                let k = self.n_funcs;
                let ps: Vec<String> = params
                    .iter()
                    .take(4)
                    .enumerate()
                    .map(|(i, p)| match p % 4 {
                        0 => format!("p{i}"),
                        1 => format!("p{i}=None"),
                        2 if i == 0 => "*a".to_string(),
                        _ => format!("p{i}={}", p / 4),
                    })
                    .collect();
                let ps = dedup_star(ps);
                self.line(c, &format!("def f{k}({}):", ps.join(", ")));
                let inner = Ctx {
                    indent: c.indent,
                    depth: c.depth,
                    loops: 0,
                    in_func: true,
                    in_except: false,
                };
                self.line(
                    &Ctx {
                        indent: c.indent + 1,
                        ..inner
                    },
                    "global v0, v1",
                );
                self.block(&inner, body, 0, false);
                self.n_funcs += 1;
            }
            Stmt::Class(methods) => {
                let k = self.n_classes;
                self.line(c, &format!("class C{k}:"));
                let inner = Ctx {
                    indent: c.indent + 1,
                    depth: c.depth + 1,
                    loops: 0,
                    in_func: true,
                    in_except: false,
                };
                self.line(&inner, "a = 1");
                for (d, body) in methods.iter().take(4) {
                    let (sig, ret) = dunder(*d);
                    self.line(&inner, &format!("def {sig}:"));
                    let body_ctx = Ctx {
                        indent: inner.indent,
                        depth: inner.depth,
                        loops: 0,
                        in_func: true,
                        in_except: false,
                    };
                    self.block(&body_ctx, body, 0, false);
                    self.line(
                        &Ctx {
                            indent: inner.indent + 1,
                            ..body_ctx
                        },
                        &format!("return {ret}"),
                    );
                }
                self.n_classes += 1;
            }
            Stmt::Del(v) => self.line(c, &format!("del {}", Self::var(*v))),
            Stmt::Global(v) => {
                if c.in_func {
                    self.line(c, &format!("global {}", Self::var(*v)));
                }
            }
            Stmt::Assert(e) => {
                let e = self.expr(e, 0);
                self.line(c, &format!("assert {e}, 'a'"));
            }
            Stmt::SetItem(o, i, v) => {
                let (o, i, v) = (self.expr(o, 0), self.expr(i, 0), self.expr(v, 0));
                self.line(c, &format!("({o})[{i}] = {v}"));
            }
            Stmt::SetAttr(v, e) => {
                let e = self.expr(e, 0);
                self.line(c, &format!("{}.a = {e}", Self::var(*v)));
            }
        }
    }

    fn exprs(&mut self, es: &[Expr], d: usize) -> String {
        let v: Vec<String> = es.iter().take(4).map(|e| self.expr(e, d + 1)).collect();
        v.join(", ")
    }

    fn expr(&mut self, e: &Expr, d: usize) -> String {
        if d > 4 {
            return "1".to_string();
        }
        let d1 = d + 1;
        match e {
            Expr::Int(i) => format!("{i}"),
            Expr::Big(n) => format!("{}**{}", 3 + n % 7, 20 + (*n as u32) * 3),
            Expr::Float(f) => {
                if f.is_finite() {
                    format!("{f:?}")
                } else {
                    "float('inf')".to_string()
                }
            }
            Expr::Str(n) => format!(
                "{:?}",
                ["", "a", "abc", "x y", "é€", "\\n", "%s"][*n as usize % 7]
            ),
            Expr::Bytes(n) => format!("b'{}'", "xy".repeat(*n as usize % 4)),
            Expr::None => "None".to_string(),
            Expr::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            Expr::Var(v) => Self::var(*v),
            Expr::List(es) => format!("[{}]", self.exprs(es, d)),
            Expr::Tuple(es) if es.is_empty() => "()".to_string(),
            Expr::Tuple(es) => format!("({},)", self.exprs(es, d)),
            Expr::Dict(kv) => {
                let items: Vec<String> = kv
                    .iter()
                    .take(3)
                    .map(|(k, v)| format!("{}: {}", self.expr(k, d1), self.expr(v, d1)))
                    .collect();
                format!("{{{}}}", items.join(", "))
            }
            Expr::Set(es) => {
                if es.is_empty() {
                    "set()".to_string()
                } else {
                    format!("{{{}}}", self.exprs(es, d))
                }
            }
            Expr::Bin(a, op, b) => {
                format!("({} {} {})", self.expr(a, d1), binop(*op), self.expr(b, d1))
            }
            Expr::Neg(a) => format!("(-{})", self.expr(a, d1)),
            Expr::Not(a) => format!("(not {})", self.expr(a, d1)),
            Expr::Invert(a) => format!("(~{})", self.expr(a, d1)),
            Expr::IfExp(a, b, cnd) => format!(
                "({} if {} else {})",
                self.expr(a, d1),
                self.expr(cnd, d1),
                self.expr(b, d1)
            ),
            Expr::Call(f, args) => {
                if self.n_funcs == 0 {
                    return "0".to_string();
                }
                let k = *f as usize % self.n_funcs;
                format!("f{k}({})", self.exprs(args, d))
            }
            Expr::Builtin(b, args) => {
                let name = BUILTINS[*b as usize % BUILTINS.len()];
                format!("{name}({})", self.exprs(args, d))
            }
            Expr::Method(o, m, args) => {
                let name = METHODS[*m as usize % METHODS.len()];
                format!("({}).{name}({})", self.expr(o, d1), self.exprs(args, d))
            }
            Expr::Index(o, i) => format!("({})[{}]", self.expr(o, d1), self.expr(i, d1)),
            Expr::Slice(o, a, b, s) => {
                let mut f = |x: &Option<Box<Expr>>| match x {
                    Some(x) => self.expr(x, d1),
                    None => String::new(),
                };
                let (a, b, s) = (f(a), f(b), f(s));
                format!("({})[{a}:{b}:{s}]", self.expr(o, d1))
            }
            Expr::Attr(o, a) => {
                format!(
                    "({}).{}",
                    self.expr(o, d1),
                    ATTRS[*a as usize % ATTRS.len()]
                )
            }
            Expr::Lambda(b) => format!("(lambda x=1: {})", self.expr(b, d1)),
            Expr::ListComp(el, it, cond) => {
                let it = self.expr(it, d1);
                let el = self.expr(el, d1);
                let cond = match cond {
                    Some(cnd) => format!(" if {}", self.expr(cnd, d1)),
                    None => String::new(),
                };
                format!("[{el} for v5 in list({it})[:{MAX_ITER}]{cond}]")
            }
            Expr::DictComp(k, it) => {
                let it = self.expr(it, d1);
                let k = self.expr(k, d1);
                format!("{{{k}: v5 for v5 in list({it})[:{MAX_ITER}]}}")
            }
            Expr::GenExp(el, it) => {
                let it = self.expr(it, d1);
                let el = self.expr(el, d1);
                format!("list({el} for v5 in list({it})[:{MAX_ITER}])")
            }
            Expr::FString(a, spec) => {
                let spec = ["", ":>5", ":x", ":.3", "!r", ":^7s", ":+d"][*spec as usize % 7];
                format!("f'<{{{}{spec}}}>'", self.expr(a, d1))
            }
            // MicroPython has no `[*a]` displays: star-arguments instead.
            Expr::Star(a) => format!("print(*{}, sep='')", self.expr(a, d1)),
            Expr::Instance(args) => {
                if self.n_classes == 0 {
                    return "CM(False)".to_string();
                }
                let k = args.len() % self.n_classes;
                format!("C{k}({})", self.exprs(args, d))
            }
        }
    }
}

/// Only one `*a` parameter, first; no positional without default after one with.
fn dedup_star(ps: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen_default = false;
    let mut seen_star = false;
    for p in ps {
        if p.starts_with('*') {
            if seen_star || !out.is_empty() {
                continue;
            }
            seen_star = true;
        } else if p.contains('=') {
            seen_default = true;
        } else if seen_default || seen_star {
            continue;
        }
        out.push(p);
    }
    out
}

fn binop(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::And => "&",
        BinOp::Or => "|",
        BinOp::Xor => "^",
        BinOp::Lt => "<",
        BinOp::Eq => "==",
        BinOp::Ne => "!=",
        BinOp::In => "in",
        BinOp::Is => "is",
        BinOp::BoolAnd => "and",
        BinOp::BoolOr => "or",
    }
}

fn dunder(d: Dunder) -> (&'static str, &'static str) {
    match d {
        Dunder::Init => ("__init__(self, *a)", "None"),
        Dunder::Add => ("__add__(self, o)", "self"),
        Dunder::Eq => ("__eq__(self, o)", "self is o"),
        Dunder::Lt => ("__lt__(self, o)", "NotImplemented"),
        Dunder::Hash => ("__hash__(self)", "7"),
        Dunder::Bool => ("__bool__(self)", "False"),
        Dunder::Len => ("__len__(self)", "2"),
        Dunder::GetItem => ("__getitem__(self, i)", "[1, 2][i]"),
        Dunder::Call => ("__call__(self, *a)", "a"),
        Dunder::Repr => ("__repr__(self)", "'C'"),
        Dunder::Iter => ("__iter__(self)", "iter([1, 2])"),
        Dunder::Enter => ("__enter__(self)", "self"),
        Dunder::Exit => ("__exit__(self, *a)", "True"),
        Dunder::Getattr => ("__getattr__(self, n)", "n"),
    }
}

/// What every generated program starts with: the variables, a context manager.
const PRELUDE: &str = "\
v0, v1, v2, v3, v4, v5 = 0, 'ab', [1, 2], {'k': 1}, 2.5, (1, 2)
class CM:
    def __init__(self, s):
        self.s = s
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return self.s
";

/// The Python source for a program.
pub fn program_source(p: &Program) -> String {
    let mut g = Gen {
        out: String::from(PRELUDE),
        n_funcs: 0,
        n_classes: 0,
    };
    let c = Ctx {
        indent: 0,
        depth: 0,
        loops: 0,
        in_func: false,
        in_except: false,
    };
    for s in p.stmts.iter().take(16) {
        g.stmt(&c, s);
    }
    g.out
}

/// Target `structured`: a generated program (syntactically valid, bounded loops, no
/// recursion) compiled and run, deep in the VM.
pub fn structured(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(p) = Program::arbitrary(&mut u) else {
        return;
    };
    let src = program_source(&p);
    run_source(src.as_bytes(), 256 * 1024);
}
