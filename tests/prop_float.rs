//! Float formatting, parsing, rounding, hashing and arithmetic against tables produced by
//! CPython 3.11 (tests/data/gen_float_tables.py), plus round-trip properties.

use allocator_api2::alloc::Global;
use proptest::prelude::*;
use pyrite::num::{
    float_as_integer_ratio, float_divmod, float_floordiv, float_hash64, float_is_integer,
    float_mod, float_round, float_round_half_even, format_float, parse_float, parse_float_literal,
    repr_float, write_grouped, FloatFormat, FloatKind, NumError,
};

fn f(hex: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(hex, 16).unwrap())
}

fn unhex(s: &str) -> String {
    if s == "-" {
        return String::new();
    }
    let bytes: Vec<u8> = (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect();
    String::from_utf8(bytes).unwrap()
}

fn raw(s: &str) -> &str {
    if s == "-" {
        ""
    } else {
        s
    }
}

fn repr(x: f64) -> String {
    let mut s = String::new();
    repr_float(x, &mut s).unwrap();
    s
}

/// Parse `[%][#][.prec][type]` (the specs in the table) and format like Python, including
/// the sign that the caller of `format_float` writes.
fn py_format(x: f64, spec: &str) -> String {
    let mut s = if spec.len() > 1 {
        spec.strip_prefix('%').unwrap_or(spec)
    } else {
        spec
    };
    let alternate = s.starts_with('#');
    if alternate {
        s = &s[1..];
    }
    let (prec, ty) = match s.strip_prefix('.') {
        Some(rest) => {
            let end = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            (Some(rest[..end].parse().unwrap()), &rest[end..])
        }
        None => (None, s),
    };
    let kind = match ty {
        "e" => FloatKind::Exp,
        "E" => FloatKind::ExpUpper,
        "f" => FloatKind::Fixed,
        "F" => FloatKind::FixedUpper,
        "g" => FloatKind::General,
        "G" => FloatKind::GeneralUpper,
        "%" => FloatKind::Percent,
        "" => FloatKind::NoType,
        _ => panic!("spec {spec}"),
    };
    let mut body = String::new();
    let sign = format_float(
        x,
        &FloatFormat {
            kind,
            precision: prec,
            alternate,
        },
        &mut body,
    )
    .unwrap();
    if sign.negative {
        format!("-{body}")
    } else {
        body
    }
}

#[test]
fn repr_table() {
    let mut n = 0;
    for line in include_str!("data/float_repr.txt").lines() {
        let mut it = line.split(' ');
        let x = f(it.next().unwrap());
        let expect = raw(it.next().unwrap());
        assert_eq!(repr(x), expect, "repr of {x:e}");
        // str() and format(x, '') are the same.
        assert_eq!(
            py_format(x, ""),
            expect
                .trim_start_matches('-')
                .to_string()
                .as_str()
                .pipe(|b| if x.is_sign_negative() && !x.is_nan() {
                    format!("-{b}")
                } else {
                    b.to_string()
                })
        );
        n += 1;
    }
    assert!(n > 2000);
}

trait Pipe: Sized {
    fn pipe<R>(self, f: impl FnOnce(Self) -> R) -> R {
        f(self)
    }
}
impl<T> Pipe for T {}

#[test]
fn format_table() {
    let mut failures = Vec::new();
    let mut n = 0;
    for line in include_str!("data/float_format.txt").lines() {
        let mut it = line.split(' ');
        let x = f(it.next().unwrap());
        let spec = raw(it.next().unwrap());
        let expect = raw(it.next().unwrap());
        let got = py_format(x, spec);
        if got != expect {
            failures.push(format!(
                "format({x:e} [{}], {spec:?}) = {got:?}, expected {expect:?}",
                x.to_bits()
            ));
        }
        n += 1;
    }
    assert!(n > 20000);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}

#[test]
fn round_table() {
    for line in include_str!("data/float_round.txt").lines() {
        let mut it = line.split(' ');
        let x = f(it.next().unwrap());
        let nd: i64 = it.next().unwrap().parse().unwrap();
        let expect = it.next().unwrap();
        let got = float_round(x, nd);
        if expect == "OVERFLOW" {
            assert_eq!(got, Err(NumError::RoundOverflow), "round({x:e}, {nd})");
        } else {
            let e = f(expect);
            let g = got.unwrap();
            assert!(
                g.to_bits() == e.to_bits() || (g.is_nan() && e.is_nan()),
                "round({x:e}, {nd}) = {g:e}, expected {e:e}"
            );
        }
    }
    assert_eq!(float_round(2.675, 2), Ok(2.67));
    assert_eq!(float_round_half_even(0.5), 0.0);
    assert_eq!(float_round_half_even(1.5), 2.0);
    assert_eq!(float_round_half_even(2.5), 2.0);
    assert_eq!(float_round_half_even(-2.5), -2.0);
    assert_eq!(float_round_half_even(2.4999999999999996), 2.0);
    assert_eq!(
        float_round_half_even(4503599627370497.0),
        4503599627370497.0
    );
}

#[test]
fn ops_table() {
    for line in include_str!("data/float_ops.txt").lines() {
        let v: Vec<f64> = line.split(' ').map(f).collect();
        let (x, y, q, m, fq) = (v[0], v[1], v[2], v[3], v[4]);
        let same = |a: f64, b: f64| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan());
        let (gq, gm) = float_divmod(x, y).unwrap();
        assert!(
            same(gq, q) && same(gm, m),
            "divmod({x:e}, {y:e}) = ({gq:e}, {gm:e}), expected ({q:e}, {m:e})"
        );
        assert!(same(float_mod(x, y).unwrap(), m), "{x:e} % {y:e}");
        assert!(same(float_floordiv(x, y).unwrap(), fq), "{x:e} // {y:e}");
    }
    assert_eq!(float_mod(1.0, 0.0), Err(NumError::ZeroDivision));
    assert_eq!(float_divmod(1.0, -0.0), Err(NumError::ZeroDivision));
    assert_eq!(float_floordiv(1.0, 0.0), Err(NumError::ZeroDivision));
}

#[test]
fn hash_ratio_table() {
    for line in include_str!("data/float_hash.txt").lines() {
        let mut it = line.split(' ');
        let x = f(it.next().unwrap());
        let h: i64 = it.next().unwrap().parse().unwrap();
        let num = it.next().unwrap();
        let den = it.next().unwrap();
        let is_int = it.next().unwrap() == "1";
        assert_eq!(float_hash64(x), h, "hash({x:e})");
        assert_eq!(float_is_integer(x), is_int, "{x:e}.is_integer()");
        if x.is_finite() {
            let (n, d) = float_as_integer_ratio(x, Global).unwrap();
            let mut s = allocator_api2::vec::Vec::new_in(Global);
            n.as_ref().write_radix(10, &mut s).unwrap();
            assert_eq!(std::str::from_utf8(&s).unwrap(), num);
            let mut s = allocator_api2::vec::Vec::new_in(Global);
            d.as_ref().write_radix(10, &mut s).unwrap();
            assert_eq!(std::str::from_utf8(&s).unwrap(), den);
        } else {
            let e = float_as_integer_ratio(x, Global).err();
            assert_eq!(e, Some(NumError::RatioInfinity));
        }
    }
    assert_eq!(float_hash64(f64::NAN), 0);
    assert_eq!(
        float_as_integer_ratio(f64::NAN, Global).err(),
        Some(NumError::RatioNan)
    );
    assert_eq!(pyrite::num::float_hash32(f64::INFINITY), 314159);
    assert_eq!(pyrite::num::float_hash32(-1.0), -2);
    assert_eq!(pyrite::num::float_hash32(0.5), 1 << 30);
}

#[test]
fn parse_table() {
    for line in include_str!("data/float_parse.txt").lines() {
        let mut it = line.split(' ');
        let s = unhex(it.next().unwrap());
        let expect = it.next().unwrap();
        let got = parse_float(&s);
        if expect == "ERR" {
            assert_eq!(got, Err(NumError::InvalidLiteral), "float({s:?})");
        } else {
            let e = f(expect);
            let g = got.unwrap_or_else(|err| panic!("float({s:?}): {err:?}"));
            assert!(
                g.to_bits() == e.to_bits() || (g.is_nan() && e.is_nan()),
                "float({s:?}) = {g:e}, expected {e:e}"
            );
        }
    }
    assert_eq!(parse_float_literal("1_000.5"), Ok(1000.5));
    assert_eq!(parse_float_literal(".5e-3"), Ok(0.0005));
    assert_eq!(parse_float_literal("5."), Ok(5.0));
    assert_eq!(parse_float_literal("-5.0"), Err(NumError::InvalidLiteral));
    assert_eq!(parse_float_literal("inf"), Err(NumError::InvalidLiteral));
    assert_eq!(parse_float_literal(" 5.0"), Err(NumError::InvalidLiteral));
}

#[test]
fn grouping() {
    // Expected values from CPython: format(n, f"0{w},") and format(n, f"0{w}_").
    let cases: &[(&str, char, usize, usize, &str)] = &[
        ("1234", ',', 3, 0, "1,234"),
        ("1234", ',', 3, 6, "01,234"),
        ("1234", ',', 3, 7, "001,234"),
        ("1234", ',', 3, 8, "0,001,234"),
        ("1234", ',', 3, 9, "0,001,234"),
        ("1234", ',', 3, 10, "00,001,234"),
        ("123", ',', 3, 0, "123"),
        ("1234567", '_', 3, 0, "1_234_567"),
        ("ffffff", '_', 4, 0, "ff_ffff"),
        ("0", ',', 3, 5, "0,000"),
        ("0", ',', 3, 4, "0,000"),
        ("12", ',', 0, 0, "12"),
        ("", ',', 3, 0, "0"),
    ];
    for &(digits, sep, group, width, expect) in cases {
        let mut s = String::new();
        write_grouped(&mut s, digits, sep, group, width).unwrap();
        assert_eq!(s, expect, "{digits} {sep} {group} {width}");
    }
}

#[test]
fn negative_zero_sign_and_z() {
    let spec = FloatFormat {
        kind: FloatKind::Fixed,
        precision: Some(2),
        alternate: false,
    };
    let mut s = String::new();
    let sign = format_float(-0.0001, &spec, &mut s).unwrap();
    assert_eq!(s, "0.00");
    assert!(sign.negative && sign.rounded_zero);
    let mut s = String::new();
    let sign = format_float(-f64::NAN, &spec, &mut s).unwrap();
    assert_eq!(s, "nan");
    assert!(!sign.negative);
    let mut s = String::new();
    let sign = format_float(-1.5, &spec, &mut s).unwrap();
    assert_eq!(s, "1.50");
    assert!(sign.negative && !sign.rounded_zero);
}

#[test]
fn spot_checks() {
    assert_eq!(py_format(2.675, "%.2f"), "2.67");
    assert_eq!(py_format(0.5, "%.0f"), "0");
    assert_eq!(py_format(0.25, "%.1f"), "0.2");
    assert_eq!(py_format(1e22, "f"), "10000000000000000000000.000000");
    assert_eq!(repr(1e16), "1e+16");
    assert_eq!(repr(1e-5), "1e-05");
    assert_eq!(repr(0.0001), "0.0001");
    assert_eq!(repr(123.0), "123.0");
    assert_eq!(repr(-0.0), "-0.0");
    assert_eq!(repr(f64::INFINITY), "inf");
    assert_eq!(repr(f64::NEG_INFINITY), "-inf");
    assert_eq!(repr(f64::NAN), "nan");
    assert_eq!(py_format(1.0, ".3"), "1.0");
    assert_eq!(py_format(1234.0, ".3"), "1.23e+03");
    assert_eq!(py_format(0.1, ".1100f").len(), 1102);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn repr_round_trips(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        let s = repr(x);
        let y = parse_float(&s).unwrap();
        prop_assert!(y.to_bits() == x.to_bits() || (x.is_nan() && y.is_nan()), "{} -> {}", s, y);
    }

    #[test]
    fn fixed_e_consistent_with_std(bits in any::<u64>(), p in 0usize..40) {
        // Rust's own {:.p$e} / {:.p$} are correctly rounded half-to-even on the exact value
        // too, so they must agree digit for digit (modulo exponent layout).
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        let ours = py_format(x, &format!(".{p}f"));
        let std = format!("{x:.p$}");
        prop_assert_eq!(ours, std);
        let ours = py_format(x, &format!(".{p}e"));
        let std = format!("{x:.p$e}");
        let (m, e) = std.split_once('e').unwrap();
        let e: i32 = e.parse().unwrap();
        prop_assert_eq!(ours, format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs()));
    }

    #[test]
    fn any_spec_is_safe(bits in any::<u64>(), kind in 0usize..8, p in prop::option::of(0usize..1200), alternate in any::<bool>()) {
        let x = f64::from_bits(bits);
        let kinds = [FloatKind::Exp, FloatKind::ExpUpper, FloatKind::Fixed, FloatKind::FixedUpper,
            FloatKind::General, FloatKind::GeneralUpper, FloatKind::Percent, FloatKind::NoType];
        let spec = FloatFormat { kind: kinds[kind], precision: p, alternate };
        let mut s = String::new();
        format_float(x, &spec, &mut s).unwrap();
        prop_assert!(!s.is_empty() && s.is_ascii());
        if x.is_finite() && kinds[kind] == FloatKind::Exp && p.is_some_and(|p| p >= 16) {
            // 17 significant digits always identify the double.
            let y = parse_float(&s).unwrap();
            prop_assert_eq!(y.to_bits(), x.abs().to_bits());
        }
    }

    #[test]
    fn parse_random_decimal(int in "[0-9]{0,30}", frac in "[0-9]{0,30}", exp in -400i32..400) {
        prop_assume!(!(int.is_empty() && frac.is_empty()));
        let s = format!("{int}.{frac}e{exp}");
        prop_assert_eq!(parse_float(&s).unwrap().to_bits(), s.parse::<f64>().unwrap().to_bits());
    }
}
