//! Syntax errors: MicroPython's exception class, message, line and scope (MESSAGES.md rows
//! 472-555). `scope` is `None` for errors MicroPython's lexer/parser reports (no `, in ...`)
//! and the scope name for errors found by the compiler.

use allocator_api2::alloc::Global;
use pyrite::compile::{compile, CompileOptions, ErrorKind, Mode};

type Row = (
    u32,
    &'static str,
    Option<(ErrorKind, u32, Option<&'static str>, &'static str)>,
);

use ErrorKind::{IndentationError as IE, NotImplementedError as NIE, SyntaxError as SE};

const M: Option<&str> = Some("<module>");
const ASSIGN: &str = "can't assign to expression";

const ROWS: &[Row] = &[
    (472, "x = = 1", Some((SE, 1, None, "invalid syntax"))),
    (
        473,
        "if True:\n    x = 1\n  y = 2",
        Some((IE, 2, None, "unindent doesn't match any outer indent level")),
    ),
    (
        474,
        "return 1",
        Some((SE, 1, M, "'return' outside function")),
    ),
    (
        475,
        "break",
        Some((SE, 1, M, "'break'/'continue' outside loop")),
    ),
    (
        476,
        "continue",
        Some((SE, 1, M, "'break'/'continue' outside loop")),
    ),
    (
        477,
        "def f(a=1, b): pass",
        Some((SE, 1, M, "non-default argument follows default argument")),
    ),
    (478, "f(a=1, a=2)", None),
    (479, "1 = x", Some((SE, 1, M, ASSIGN))),
    (480, "f() = 1", Some((SE, 1, M, ASSIGN))),
    (481, "x + 1 = 2", Some((SE, 1, M, ASSIGN))),
    (482, "(a, 1) = 2", Some((SE, 1, M, ASSIGN))),
    (483, "del 1", Some((SE, 1, M, "can't delete expression"))),
    (484, "x + 1 += 1", Some((SE, 1, M, ASSIGN))),
    (485, "[a, b] += 1", Some((SE, 1, M, ASSIGN))),
    (
        486,
        "def f():\n    x = 1\n    global x",
        Some((SE, 3, Some("f"), "identifier redefined as global")),
    ),
    (
        487,
        "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x",
        Some((SE, 5, Some("g"), "identifier redefined as nonlocal")),
    ),
    (
        488,
        "nonlocal x",
        Some((SE, 1, M, "can't declare nonlocal in outer code")),
    ),
    (
        489,
        "def f():\n    nonlocal x",
        Some((SE, 2, Some("f"), "no binding for nonlocal found")),
    ),
    (490, "*x = 1", Some((SE, 1, M, ASSIGN))),
    (491, "*x", Some((SE, 1, M, "*x must be assignment target"))),
    (
        492,
        "a, *b, *c = 1, 2",
        Some((SE, 1, M, "multiple *x in assignment")),
    ),
    (493, "await x", Some((SE, 1, M, "'await' outside function"))),
    (494, "f'{'", Some((SE, 1, None, "invalid syntax"))),
    (495, "f'{}'", Some((SE, 1, None, "malformed f-string"))),
    (496, "f'{x!z}'", Some((SE, 1, None, "invalid syntax"))),
    (497, "f'}'", None),
    (498, "  x = 1", Some((IE, 1, None, "unexpected indent"))),
    (
        499,
        "x = 1\n    y = 2",
        Some((IE, 2, None, "unexpected indent")),
    ),
    (500, "yield 1", Some((SE, 1, M, "'yield' outside function"))),
    (
        501,
        "def f(x, x): pass",
        Some((SE, 1, Some("f"), "argument name reused")),
    ),
    (502, "x = 1 +", Some((SE, 1, None, "invalid syntax"))),
    (503, "f(", Some((SE, 2, None, "invalid syntax"))),
    (504, "x = 'abc", Some((SE, 1, None, "invalid syntax"))),
    (505, "'''abc", Some((SE, 1, None, "invalid syntax"))),
    (
        506,
        "class A:\n    return 1",
        Some((SE, 2, Some("A"), "'return' outside function")),
    ),
    (507, "print 'hello'", Some((SE, 1, None, "invalid syntax"))),
    (508, "import", Some((SE, 1, None, "invalid syntax"))),
    (509, "a b", Some((SE, 1, None, "invalid syntax"))),
    (510, "else: pass", Some((SE, 1, None, "invalid syntax"))),
    (511, "def f(*): pass", None),
    (512, "f(**a, *b)", Some((SE, 1, M, "* arg after **"))),
    (513, "f(x for x in y, 1)", None),
    (514, "del f()", Some((SE, 1, M, "can't delete expression"))),
    (515, "for 1 in x: pass", Some((SE, 1, M, ASSIGN))),
    (
        516,
        "[x for 1 in y]",
        Some((SE, 1, Some("<listcomp>"), ASSIGN)),
    ),
    (517, "True = 1", Some((SE, 1, M, ASSIGN))),
    (518, "None = 1", Some((SE, 1, M, ASSIGN))),
    (519, "x = 1 if 2", Some((SE, 1, None, "invalid syntax"))),
    (
        520,
        "lambda x=1, y: 0",
        Some((SE, 1, M, "non-default argument follows default argument")),
    ),
    (
        521,
        "def f():\n    from math import *",
        Some((SE, 2, Some("f"), "import * not at module level")),
    ),
    (
        522,
        "0777",
        Some((
            SE,
            1,
            None,
            "invalid syntax for integer with base 0: '0777'",
        )),
    ),
    (
        523,
        "x = 08",
        Some((SE, 1, None, "invalid syntax for integer with base 0: '08'")),
    ),
    (524, "1__0", None),
    (
        525,
        "def f(:\n    pass",
        Some((SE, 1, None, "invalid syntax")),
    ),
    (526, "if x\n    pass", Some((SE, 1, None, "invalid syntax"))),
    (
        527,
        "while True\n    pass",
        Some((SE, 1, None, "invalid syntax")),
    ),
    (
        528,
        "def f():\nreturn 1",
        Some((SE, 2, None, "invalid syntax")),
    ),
    (529, "x = (1,\n", Some((SE, 3, None, "invalid syntax"))),
    (530, "x = [1, 2", Some((SE, 2, None, "invalid syntax"))),
    (531, "(x := 1) = 2", Some((SE, 1, M, ASSIGN))),
    (
        532,
        "def f():\n    yield 1\n    return 2\nasync def g():\n    yield from f()",
        None,
    ),
    (
        533,
        "async def f():\n    x = [await y async for y in z]\nreturn",
        Some((SE, 2, None, "invalid syntax")),
    ),
    (
        534,
        "@1\ndef f(): pass",
        Some((SE, 1, None, "invalid syntax")),
    ),
    (
        535,
        "f(a for a in b for)",
        Some((SE, 1, None, "invalid syntax")),
    ),
    (
        536,
        "x = 1\n\tif x:\n        pass",
        Some((IE, 2, None, "unexpected indent")),
    ),
    (
        537,
        "def f(a, b, a=1): pass",
        Some((SE, 1, Some("f"), "argument name reused")),
    ),
    (538, "class A(x=1, x=2): pass", None),
    (539, "a.1", Some((SE, 1, None, "invalid syntax"))),
    (
        540,
        "1.__class__",
        Some((SE, 1, None, "invalid syntax for number")),
    ),
    (541, "x = 1 2", Some((SE, 1, None, "invalid syntax"))),
    (
        542,
        "'\\N{foo}'",
        Some((NIE, 1, None, "unicode name escapes")),
    ),
    (543, "b'\\u1234\u{e9}'", None),
    (544, "global x\nx = 1\nglobal x", None),
    (
        545,
        "def f():\n    x\n    global x",
        Some((SE, 3, Some("f"), "identifier redefined as global")),
    ),
    (
        546,
        "def f(*a, *b): pass",
        Some((SE, 1, Some("f"), "invalid syntax")),
    ),
    (
        547,
        "def f(**a, b): pass",
        Some((SE, 1, Some("f"), "invalid syntax")),
    ),
    (548, "with x as 1: pass", Some((SE, 1, M, ASSIGN))),
    (549, "try:\n    pass", Some((SE, 3, None, "invalid syntax"))),
    (
        550,
        "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass",
        Some((SE, 3, M, "default 'except' must be last")),
    ),
    (
        551,
        "from x import (a, b",
        Some((SE, 2, None, "invalid syntax")),
    ),
    (
        552,
        "assert(x, 'msg')\nx = $",
        Some((SE, 2, None, "invalid syntax")),
    ),
    (
        553,
        "u = 'x' 'y' b'z'",
        Some((SE, 1, None, "invalid syntax")),
    ),
    (
        554,
        "d = {1: 2, 3}",
        Some((SE, 1, M, "expecting key:value for dict")),
    ),
    (555, "def f(): pass\nf() += 1", Some((SE, 2, M, ASSIGN))),
];

#[test]
fn micropython_syntax_errors() {
    let mut bad = Vec::new();
    for &(row, src, expect) in ROWS {
        let src = format!("{src}\n");
        let got = compile(
            src.as_bytes(),
            "s.py",
            Mode::File,
            &CompileOptions::default(),
            Global,
        );
        match (got, expect) {
            (Ok(_), None) => {}
            (Ok(_), Some(e)) => bad.push(format!("row {row}: compiled, expected {e:?}")),
            (Err(e), None) => bad.push(format!(
                "row {row}: unexpected error line {}: {}",
                e.line,
                e.msg()
            )),
            (Err(e), Some((kind, line, scope, msg))) => {
                let got_scope = e.scope.map(|s| s.as_str().to_string());
                if e.kind != kind
                    || e.msg() != msg
                    || (kind != NIE && (e.line != line || got_scope.as_deref() != scope))
                {
                    bad.push(format!(
                        "row {row}: got {:?} line {} scope {:?} {:?}; expected {:?} line {} scope {:?} {:?}",
                        e.kind,
                        e.line,
                        got_scope,
                        e.msg(),
                        kind,
                        line,
                        scope,
                        msg
                    ));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} rows differ:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// A syntax error on a leaf (a literal, `None`) is reported on the line of the statement
/// around it, not on the scope's first line (MicroPython's `compile_error_set_line`).
#[test]
fn leaf_errors_take_the_statement_line() {
    let cases: &[(&str, u32, &str)] = &[
        ("# c\n\nx = 1\n1 = x\n", 4, ASSIGN),
        ("# c\nNone = 1\n", 2, ASSIGN),
        ("\n\ndef f():\n  y = 2\n  1 = x\n", 5, ASSIGN),
        ("\n\nclass C:\n  y = 2\n  (a, 1) = 2\n", 5, ASSIGN),
        ("\n\nx = [1 for 1 in y]\n", 3, ASSIGN),
        ("# c\n\ndel 1\n", 3, "can't delete expression"),
        ("# c\nfor 1 in x: pass\n", 2, ASSIGN),
        ("# c\nwith x as 1: pass\n", 2, ASSIGN),
    ];
    for &(src, line, msg) in cases {
        let e = compile(
            src.as_bytes(),
            "t.py",
            Mode::File,
            &CompileOptions::default(),
            Global,
        )
        .expect_err(src);
        assert_eq!((e.line, e.msg()), (line, msg), "{src:?}");
    }
}

/// The `.mpy` header's first byte is the flavour's magic: 'M', or 'C' for CircuitPython
/// (FLAVOURS.md row 18).
#[test]
fn header_magic_follows_the_flavour() {
    let mut opts = CompileOptions::default();
    let mp = compile(b"x = 1\n", "t.py", Mode::File, &opts, Global).unwrap();
    assert_eq!(&mp[..2], b"M\x06");
    opts.circuitpython = true;
    let cp = compile(b"x = 1\n", "t.py", Mode::File, &opts, Global).unwrap();
    assert_eq!(&cp[..2], b"C\x06");
    assert_eq!(mp[1..], cp[1..]);
}
