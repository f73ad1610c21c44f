//! str and bytes methods on random text: results against Rust's own string functions (which
//! share Python's semantics for these operations), and random method calls with random
//! arguments that must never panic (any Python exception is fine).

use proptest::prelude::*;
use pyrite::{Config, Hal, Interpreter};

struct Capture {
    out: Vec<u8>,
}

impl Hal for Capture {
    fn write_out(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }
}

/// Run `src` in a fresh interpreter; its stdout and exit status.
fn run(src: &str) -> (String, i32) {
    let mut hal = Capture { out: Vec::new() };
    let status = {
        let mut it =
            Interpreter::with_heap_size(1 << 20, &mut hal, Config::default()).expect("interpreter");
        it.run_main(src.as_bytes(), "prop.py")
    };
    (String::from_utf8_lossy(&hal.out).into_owned(), status)
}

/// A Python literal for `s` (non-ASCII escaped, so the source stays ASCII).
fn lit(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            ' '..='~' => out.push(c),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('\'');
    out
}

/// Python's repr of a str as the expectation (for the ASCII-printable subset the tests print
/// through `ascii()`).
fn py_ascii(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(q);
    out
}

fn py_list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| py_ascii(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// Characters from a few scripts whose properties are stable across Unicode versions.
fn text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        4 => prop::char::range('a', 'e'),
        2 => prop::sample::select(vec![' ', ',', '-', '\t', '\n', 'A', 'Z']),
        1 => prop::char::range('\u{e0}', '\u{ff}'),
        1 => prop::char::range('\u{391}', '\u{3c9}'),
        1 => prop::char::range('\u{4e00}', '\u{4e0f}'),
        1 => prop::char::range('\u{1f600}', '\u{1f60f}'),
    ];
    prop::collection::vec(ch, 0..24).prop_map(|v| v.into_iter().collect())
}

fn needle() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::char::range('a', 'c'), 1..3)
            .prop_map(|v| v.into_iter().collect::<String>()),
        1 => prop::sample::select(vec![",".to_string(), "-".to_string(), "\u{3b1}".to_string(),
                                       "\u{1f600}".to_string(), " ".to_string()]),
    ]
}

/// Python's `find` result: the char index of a byte offset.
fn char_index(s: &str, byte: Option<usize>) -> i64 {
    match byte {
        Some(b) => s[..b].chars().count() as i64,
        None => -1,
    }
}

/// Python slicing of a char sequence.
fn py_slice(chars: &[char], start: Option<i64>, stop: Option<i64>, step: i64) -> String {
    let n = chars.len() as i64;
    let (lo, hi) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let fix = |v: Option<i64>, d: i64| -> i64 {
        match v {
            None => d,
            Some(mut i) => {
                if i < 0 {
                    i += n;
                    if i < lo {
                        i = lo;
                    }
                } else if i > hi {
                    i = hi;
                }
                i
            }
        }
    };
    let mut i = fix(start, if step < 0 { hi } else { lo });
    let e = fix(stop, if step < 0 { lo } else { hi });
    let mut out = String::new();
    while (step > 0 && i < e) || (step < 0 && i > e) {
        out.push(chars[i as usize]);
        i += step;
    }
    out
}

fn opt(v: Option<i64>) -> String {
    v.map_or("None".to_string(), |i| i.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn search_split_replace(s in text(), t in needle(), u in text()) {
        let src = format!(
            "s = {}\nt = {}\nu = {}\n\
             print(len(s), s.find(t), s.rfind(t), s.count(t), s.startswith(t), s.endswith(t), t in s)\n\
             print(ascii(s.split(t)))\nprint(ascii(s.rsplit(t, 1)))\nprint(ascii(s.replace(t, u)))\n\
             print(ascii(s.upper()))\nprint(ascii(s.partition(t)[0]), ascii(s.rpartition(t)[2]))\n\
             print(s.encode().decode() == s, len(s.encode()))\n",
            lit(&s), lit(&t), lit(&u)
        );
        let (out, status) = run(&src);
        let rsplit: Vec<String> = {
            let mut v: Vec<String> = s.rsplitn(2, t.as_str()).map(String::from).collect();
            v.reverse();
            v
        };
        let split: Vec<String> = s.split(t.as_str()).map(String::from).collect();
        let part0 = s.split_once(t.as_str()).map_or(s.as_str(), |p| p.0).to_string();
        let rpart2 = s.rsplit_once(t.as_str()).map_or(s.as_str(), |p| p.1).to_string();
        let expect = format!(
            "{} {} {} {} {} {} {}\n{}\n{}\n{}\n{}\n{} {}\nTrue {}\n",
            s.chars().count(),
            char_index(&s, s.find(t.as_str())),
            char_index(&s, s.rfind(t.as_str())),
            s.matches(t.as_str()).count(),
            if s.starts_with(t.as_str()) { "True" } else { "False" },
            if s.ends_with(t.as_str()) { "True" } else { "False" },
            if s.contains(t.as_str()) { "True" } else { "False" },
            py_list(&split),
            py_list(&rsplit),
            py_ascii(&s.replace(t.as_str(), &u)),
            py_ascii(&s.to_uppercase()),
            py_ascii(&part0),
            py_ascii(&rpart2),
            s.len(),
        );
        prop_assert_eq!(status, 0, "{}", out);
        prop_assert_eq!(out, expect);
    }

    #[test]
    fn slicing(s in text(), a in prop::option::of(-30i64..30), b in prop::option::of(-30i64..30),
               c in prop::sample::select(vec![1i64, 2, 3, -1, -2, -5])) {
        let chars: Vec<char> = s.chars().collect();
        let src = format!(
            "s = {}\nprint(ascii(s[{}:{}:{}]))\nb = s.encode()\nprint(b[{}:{}:{}] == bytes(list(b)[{}:{}:{}]))\n",
            lit(&s), opt(a), opt(b), c, opt(a), opt(b), c, opt(a), opt(b), c
        );
        let (out, status) = run(&src);
        prop_assert_eq!(status, 0, "{}", out);
        prop_assert_eq!(out, format!("{}\nTrue\n", py_ascii(&py_slice(&chars, a, b, c))));
    }
}

/// A random argument: ints of every size, strs, bytes, None, containers.
fn arg() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "0",
            "1",
            "-1",
            "3",
            "-7",
            "255",
            "256",
            "2**64",
            "-2**70",
            "None",
            "True",
            "1.5",
            "''",
            "'a'",
            "'\\u00e9'",
            "'\\U0001f600'",
            "','",
            "'ab'",
            "b''",
            "b'a'",
            "b','",
            "bytearray(b'x')",
            "memoryview(b'y')",
            "[]",
            "[1]",
            "['a', 'b']",
            "[b'a']",
            "{}",
            "{97: 'z'}",
            "{97: None}",
            "()",
            "('a', 'b')",
            "(b'a',)",
            "'utf-8'",
            "'ascii'",
            "'latin-1'",
            "'ignore'",
            "'replace'",
            "'{}'",
            "'%s'",
            "object()",
        ])
        .prop_map(String::from),
        text().prop_map(|s| lit(&s)),
    ]
}

fn receiver() -> impl Strategy<Value = String> {
    prop_oneof![
        text().prop_map(|s| lit(&s)),
        text().prop_map(|s| format!("{}.encode()", lit(&s))),
        text().prop_map(|s| format!("bytearray({}.encode())", lit(&s))),
        Just("memoryview(bytearray(b'abcd'))".to_string()),
        Just("'{0}{1!r:>{2}}%s%d'".to_string()),
        Just("b'%s%c%x'".to_string()),
    ]
}

const METHODS: &[&str] = &[
    "capitalize",
    "casefold",
    "center",
    "count",
    "decode",
    "encode",
    "endswith",
    "expandtabs",
    "find",
    "format",
    "format_map",
    "hex",
    "index",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "isidentifier",
    "islower",
    "isnumeric",
    "isprintable",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "maketrans",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "translate",
    "upper",
    "zfill",
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "clear",
    "reverse",
    "copy",
    "cast",
    "tolist",
    "tobytes",
    "fromhex",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__mod__",
    "__mul__",
    "__add__",
    "__contains__",
    "__eq__",
    "__lt__",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Any method with any arguments: a result or a Python exception, never a panic.
    #[test]
    fn random_calls_never_panic(recv in receiver(), m in prop::sample::select(METHODS),
                                args in prop::collection::vec(arg(), 0..4)) {
        let src = format!(
            "x = {}\ntry:\n    r = x.{}({})\n    print(type(r).__name__)\nexcept Exception as e:\n    print(type(e).__name__)\n\
             try:\n    print(len(repr(x % ({}))))\nexcept Exception as e:\n    print(type(e).__name__)\n",
            recv, m, args.join(", "),
            args.iter().map(|a| format!("{a},")).collect::<String>()
        );
        let (out, status) = run(&src);
        prop_assert_eq!(status, 0, "{}\n{}", src, out);
    }
}

/// Results larger than the heap fail at once with MemoryError (no long loops, no panic); empty
/// repetitions of huge counts are instant.
#[test]
fn huge_sizes_fail_fast() {
    let src = "def t(f):\n    try:\n        print(len(f()))\n    except MemoryError:\n        print('MemoryError')\n\
               t(lambda: '' * 10**18)\nt(lambda: b'' * 10**18)\nt(lambda: 'ab' * 10**18)\n\
               t(lambda: 'x'.zfill(10**12))\nt(lambda: 'x'.center(10**12))\nt(lambda: 'x\\ty'.expandtabs(10**12))\n\
               t(lambda: '{:1000000000}'.format(1))\nt(lambda: '{:01000000000,}'.format(1))\n\
               t(lambda: '{:01000000000,.2f}'.format(1.5))\nt(lambda: '%.1000000000d' % 1)\n\
               t(lambda: '%1000000000s' % 'x')\nt(lambda: 'x'.ljust(10**12, '\\u00e9'))\n\
               t(lambda: '{:.100000000f}'.format(1.5))\nb = bytearray()\nb *= 10**18\nt(lambda: b)\n";
    let start = std::time::Instant::now();
    let (out, status) = run(src);
    assert_eq!(status, 0, "{out}");
    let expect = "0\n0\n".to_string() + &"MemoryError\n".repeat(11) + "0\n";
    assert_eq!(out, expect);
    assert!(start.elapsed().as_secs() < 20);
}
