//! `Mode::Eval` / `Mode::Single` output, deep nesting limits, and no-panic fuzzing of the
//! compiler on random bytes and mutated Python sources.

use allocator_api2::alloc::Global;
use pyrite::compile::{compile, CompileOptions, ErrorKind, Mode};

/// Opcode bytes of the module raw code (after the prelude) for a tiny program whose qstr
/// table we can predict: decode with the same rules as tools/mpy_dump.py.
fn module_code(mpy: &[u8]) -> Vec<u8> {
    fn vuint(b: &[u8], p: &mut usize) -> usize {
        let mut v = 0usize;
        loop {
            let c = b[*p];
            *p += 1;
            v = (v << 7) | (c & 0x7f) as usize;
            if c & 0x80 == 0 {
                return v;
            }
        }
    }
    let mut p = 4;
    let nq = vuint(mpy, &mut p);
    let no = vuint(mpy, &mut p);
    assert_eq!(no, 0, "test programs use no constants");
    for _ in 0..nq {
        let h = vuint(mpy, &mut p);
        if h & 1 == 0 {
            p += (h >> 1) + 1;
        }
    }
    let kl = vuint(mpy, &mut p);
    let code = &mpy[p..p + (kl >> 3)];
    // skip signature
    let mut q = 0;
    while code[q] & 0x80 != 0 {
        q += 1;
    }
    q += 1;
    let (mut n_info, mut n_cell, mut sh) = (0usize, 0usize, 0);
    loop {
        let z = code[q];
        q += 1;
        n_cell |= ((z & 1) as usize) << sh;
        n_info |= (((z >> 1) & 0x3f) as usize) << (6 * sh);
        sh += 1;
        if z & 0x80 == 0 {
            break;
        }
    }
    code[q + n_info + n_cell..].to_vec()
}

#[test]
fn eval_mode_returns_value() {
    let out = compile(
        b"x + 1",
        "<stdin>",
        Mode::Eval,
        &CompileOptions::default(),
        Global,
    )
    .unwrap();
    assert_eq!(&out[..4], b"M\x06\x00\x1f");
    // LOAD_NAME x; LOAD_CONST_SMALL_INT 1; BINARY_OP ADD; RETURN_VALUE
    let code = module_code(&out);
    assert_eq!(code.len(), 5);
    assert_eq!(code[0], 0x11);
    assert_eq!(&code[2..], &[0x81, 0xf2, 0x63]);
    assert!(compile(
        b"x = 1",
        "<stdin>",
        Mode::Eval,
        &CompileOptions::default(),
        Global
    )
    .is_err());
}

#[test]
fn single_mode_prints_expressions() {
    let out = compile(
        b"1 + x\n",
        "<stdin>",
        Mode::Single,
        &CompileOptions::default(),
        Global,
    )
    .unwrap();
    let code = module_code(&out);
    // LOAD_NAME __repl_print__; LOAD_CONST_SMALL_INT 1; LOAD_NAME x; BINARY_OP ADD;
    // CALL_FUNCTION 1; POP_TOP; LOAD_CONST_NONE; RETURN_VALUE
    assert_eq!(code[0], 0x11);
    assert_eq!(code[2], 0x81);
    assert_eq!(code[3], 0x11);
    assert_eq!(&code[5..], &[0xf2, 0x34, 0x01, 0x59, 0x51, 0x63]);
    // Assignments are not printed; a lonely constant is.
    let out = compile(
        b"y = 2\n",
        "<stdin>",
        Mode::Single,
        &CompileOptions::default(),
        Global,
    )
    .unwrap();
    let code = module_code(&out);
    assert_eq!((code[0], code[1]), (0x82, 0x16));
    assert_eq!(&code[3..], &[0x51, 0x63]);
    let out = compile(
        b"5\n",
        "<stdin>",
        Mode::Single,
        &CompileOptions::default(),
        Global,
    )
    .unwrap();
    let code = module_code(&out);
    assert_eq!(&code[2..], &[0x85, 0x34, 0x01, 0x59, 0x51, 0x63]);
    // A compound statement is one REPL input.
    assert!(compile(
        b"for i in x:\n    i\n\n",
        "<stdin>",
        Mode::Single,
        &CompileOptions::default(),
        Global
    )
    .is_ok());
}

fn run_big_stack<F: FnOnce() + Send + 'static>(f: F) {
    std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    run_big_stack(|| {
        let opts = CompileOptions::default();
        for src in [
            format!("x = {}1{}\n", "(".repeat(10000), ")".repeat(10000)),
            format!("x = {}1{}\n", "[".repeat(10000), "]".repeat(10000)),
            format!("x = {}1\n", "-".repeat(10000)),
            format!("x = {}1\n", "not ".repeat(10000)),
            format!("x = 1{}\n", " + 1".repeat(100000)),
            (0..500)
                .map(|i| format!("{}if x:\n", " ".repeat(i)))
                .collect::<String>()
                + &" ".repeat(500)
                + "pass\n",
            format!("x = {}\n", "lambda: ".repeat(5000)),
            format!("x = a{}\n", ".b".repeat(100000)),
            format!("x = {}\n", "f'{".repeat(300) + &"}'".repeat(300)),
        ] {
            match compile(src.as_bytes(), "deep.py", Mode::File, &opts, Global) {
                Ok(_) => {}
                Err(e) => assert!(
                    matches!(
                        e.kind,
                        ErrorKind::RuntimeError | ErrorKind::SyntaxError | ErrorKind::MemoryError
                    ),
                    "{:?}",
                    e
                ),
            }
        }
    });
}

/// A small deterministic PRNG (xorshift) so the fuzz test is reproducible.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SEEDS: &[&str] = &[
    "def f(a, b=1, *c, d, e=2, **g):\n    return [x for x in a if x] + {k: v for k, v in g.items()}\n",
    "class A(B, metaclass=M):\n    def m(self):\n        return super().m(1, *a, **k)\n",
    "try:\n    x = f'{a!r:>{w}}'\nexcept E as e:\n    raise\nfinally:\n    del x\n",
    "for i in range(0, 10, 2):\n    while i:\n        with a as b, c:\n            break\n    else:\n        continue\n",
    "async def f():\n    await g()\nx = lambda *a: (yield)\nimport a.b as c\nfrom . import d\n",
    "X = const(1 << 40)\nif not X and 0 or None:\n    pass\nelif (y := 3):\n    a, *b = 1, 2, 3\n",
    "x = 0x_ff + 1e-3j - 0o7 * 0b1 // 2 ** -1 % 3.5 @ m\nglobal q\nnonlocal r\n",
];

const PIECES: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", "\n", "    ", "\t", "'", "\"", "'''", "f'", "b'", "\\",
    "#", "=", "*", "**", "lambda", "yield", "await", "def", "class", "if", "else", "for", "in",
    "not", "is", "0x", "1e", "1_", ".", "...", "@", ":=", "\\N{x}", "\\x4", "\u{e9}", "\0", "\r",
    "return", "global", "nonlocal", "try", "except",
];

#[test]
fn fuzz_no_panic() {
    run_big_stack(|| {
        let opts = CompileOptions::default();
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for round in 0..3000 {
            let mut src: Vec<u8> = if round % 4 == 0 {
                (0..rng.below(200)).map(|_| rng.next() as u8).collect()
            } else {
                SEEDS[rng.below(SEEDS.len())].as_bytes().to_vec()
            };
            for _ in 0..rng.below(8) {
                let pos = rng.below(src.len() + 1);
                match rng.below(4) {
                    0 if !src.is_empty() => {
                        let end = (pos + rng.below(10)).min(src.len());
                        src.drain(pos.min(end)..end);
                    }
                    1 => {
                        let p = PIECES[rng.below(PIECES.len())].as_bytes();
                        src.splice(pos..pos, p.iter().copied());
                    }
                    2 if !src.is_empty() => {
                        let i = rng.below(src.len());
                        src[i] = rng.next() as u8;
                    }
                    _ => {
                        let a = rng.below(src.len() + 1);
                        let b = (a + rng.below(30)).min(src.len());
                        let copy: Vec<u8> = src[a..b].to_vec();
                        src.splice(pos..pos, copy);
                    }
                }
            }
            for mode in [Mode::File, Mode::Single, Mode::Eval] {
                let _ = compile(&src, "fuzz.py", mode, &opts, Global);
            }
        }
    });
}
