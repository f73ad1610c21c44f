//! Property tests of `pyrite::num` big ints against num-bigint (the oracle), with Python's
//! semantics (floor division, two's-complement bitwise ops, int() syntax) applied on top.

use allocator_api2::alloc::Global;
use allocator_api2::vec::Vec as AVec;
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, Zero};
use proptest::prelude::*;
use pyrite::num::{Big, BigRef, InlineBig, NumError};

/// Holds the limbs of a num-bigint value so a `BigRef` can borrow them.
struct Limbs {
    neg: bool,
    mag: Vec<u32>,
}

impl Limbs {
    fn new(x: &BigInt) -> Self {
        Limbs {
            neg: x.is_negative(),
            mag: x.magnitude().to_u32_digits(),
        }
    }
    fn r(&self) -> BigRef<'_> {
        BigRef::new(self.neg, &self.mag)
    }
}

fn num(b: BigRef<'_>) -> BigInt {
    let sign = if b.is_negative() {
        Sign::Minus
    } else {
        Sign::Plus
    };
    BigInt::from_slice(sign, b.magnitude())
}

fn ob(b: &Big<Global>) -> BigInt {
    // Owned results must be canonical.
    assert_ne!(b.magnitude().last(), Some(&0), "trailing zero limb");
    assert!(!(b.is_negative() && b.is_zero()), "negative zero");
    num(b.as_ref())
}

fn limb() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0u32),
        Just(u32::MAX),
        Just(1u32),
        Just(0x8000_0000u32),
        any::<u32>(),
        any::<u32>()
    ]
}

fn bigint_len(max: usize) -> impl Strategy<Value = BigInt> {
    (any::<bool>(), prop::collection::vec(limb(), 0..max)).prop_map(|(neg, v)| {
        let m = BigInt::from(BigUint::new(v));
        if neg {
            -m
        } else {
            m
        }
    })
}

/// Values from zero and one-limb numbers to several hundred limbs.
fn bigint() -> impl Strategy<Value = BigInt> {
    prop_oneof![
        3 => bigint_len(3),
        3 => bigint_len(12),
        2 => bigint_len(80),
        1 => bigint_len(400),
    ]
}

fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let q = a / b;
    let r = a % b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        (q - 1, r + b)
    } else {
        (q, r)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn add_sub_mul(a in bigint(), b in bigint()) {
        let (la, lb) = (Limbs::new(&a), Limbs::new(&b));
        prop_assert_eq!(ob(&la.r().add(lb.r(), Global).unwrap()), &a + &b);
        prop_assert_eq!(ob(&la.r().sub(lb.r(), Global).unwrap()), &a - &b);
        prop_assert_eq!(ob(&la.r().mul(lb.r(), Global).unwrap()), &a * &b);
        prop_assert_eq!(ob(&la.r().neg(Global).unwrap()), -&a);
        prop_assert_eq!(ob(&la.r().abs(Global).unwrap()), a.abs());
        prop_assert_eq!(la.r().cmp(&lb.r()), a.cmp(&b));
        prop_assert_eq!(la.r() == lb.r(), a == b);
    }

    #[test]
    fn divmod_floor(a in bigint(), b in bigint()) {
        let (la, lb) = (Limbs::new(&a), Limbs::new(&b));
        if b.is_zero() {
            prop_assert_eq!(la.r().divmod(lb.r(), Global).err(), Some(NumError::ZeroDivision));
        } else {
            let (q, r) = la.r().divmod(lb.r(), Global).unwrap();
            let (eq, er) = floor_divmod(&a, &b);
            prop_assert_eq!(ob(&q), eq);
            prop_assert_eq!(ob(&r), er);
            let (tq, tr) = la.r().divrem_trunc(lb.r(), Global).unwrap();
            prop_assert_eq!(ob(&tq), &a / &b);
            prop_assert_eq!(ob(&tr), &a % &b);
        }
    }

    /// Divisors close to the dividend and with top limbs that stress Knuth's qhat fix-ups.
    #[test]
    fn divmod_near(q in bigint_len(40), b in bigint_len(40), r in bigint_len(40)) {
        prop_assume!(!b.is_zero());
        let a = &q * &b + (r % &b);
        let (la, lb) = (Limbs::new(&a), Limbs::new(&b));
        let (gq, gr) = la.r().divmod(lb.r(), Global).unwrap();
        let (eq, er) = floor_divmod(&a, &b);
        prop_assert_eq!(ob(&gq), eq);
        prop_assert_eq!(ob(&gr), er);
    }

    #[test]
    fn pow_small(a in bigint_len(6), e in 0u64..40) {
        let la = Limbs::new(&a);
        let eb = InlineBig::from_u64(e);
        let r = la.r().pow(eb.as_ref(), 1 << 20, Global).unwrap();
        prop_assert_eq!(ob(&r), num_traits::pow(a.clone(), e as usize));
    }

    #[test]
    fn pow_mod(a in bigint_len(8), e in bigint_len(3), m in bigint_len(6)) {
        let (la, le, lm) = (Limbs::new(&a), Limbs::new(&e), Limbs::new(&m));
        let got = la.r().pow_mod(le.r(), lm.r(), Global);
        if m.is_zero() {
            prop_assert_eq!(got.err(), Some(NumError::ZeroModulus));
        } else if !e.is_negative() {
            let expect = a.modpow(&e, &m);
            prop_assert_eq!(ob(&got.unwrap()), expect);
        } else {
            let am = a.mod_floor(&m.abs());
            if am.gcd(&m) != BigInt::one() && !m.abs().is_one() {
                prop_assert_eq!(got.err(), Some(NumError::NotInvertible));
            } else {
                let got = ob(&got.unwrap());
                // got = inv(a)^|e| mod m: check got * a^|e| == 1 (mod m).
                let check = (&got * a.modpow(&(-&e), &m)).mod_floor(&m.abs());
                prop_assert_eq!(check, if m.abs().is_one() { BigInt::zero() } else { BigInt::one() });
                prop_assert!(got.is_zero() || got.is_negative() == m.is_negative());
                prop_assert!(got.abs() < m.abs());
            }
        }
    }

    #[test]
    fn gcd(a in bigint(), b in bigint()) {
        let (la, lb) = (Limbs::new(&a), Limbs::new(&b));
        prop_assert_eq!(ob(&la.r().gcd(lb.r(), Global).unwrap()), a.gcd(&b));
    }

    #[test]
    fn shifts(a in bigint(), n in prop_oneof![0u64..70, 0u64..20000]) {
        let la = Limbs::new(&a);
        let l = la.r().shl(n, 1 << 20, Global).unwrap();
        prop_assert_eq!(ob(&l), &a << n as usize);
        let r = la.r().shr(n, Global).unwrap();
        let (eq, _) = floor_divmod(&a, &(BigInt::one() << n as usize));
        prop_assert_eq!(ob(&r), eq);
        let cnt = InlineBig::from_u64(n);
        prop_assert_eq!(ob(&la.r().shr_by(cnt.as_ref(), Global).unwrap()), ob(&r));
        let neg = InlineBig::from_i64(-1);
        prop_assert_eq!(la.r().shr_by(neg.as_ref(), Global).err(), Some(NumError::NegativeShiftCount));
        prop_assert_eq!(la.r().shl_by(neg.as_ref(), 10, Global).err(), Some(NumError::NegativeShiftCount));
    }

    #[test]
    fn bitwise(a in bigint(), b in bigint()) {
        let (la, lb) = (Limbs::new(&a), Limbs::new(&b));
        prop_assert_eq!(ob(&la.r().and(lb.r(), Global).unwrap()), &a & &b);
        prop_assert_eq!(ob(&la.r().or(lb.r(), Global).unwrap()), &a | &b);
        prop_assert_eq!(ob(&la.r().xor(lb.r(), Global).unwrap()), &a ^ &b);
        prop_assert_eq!(ob(&la.r().not(Global).unwrap()), -&a - 1);
        prop_assert_eq!(la.r().bit_length(), a.bits());
        prop_assert_eq!(la.r().bit_count(), a.magnitude().count_ones());
    }

    #[test]
    fn strings(a in bigint(), base in 2u32..=36) {
        let la = Limbs::new(&a);
        let mut s = AVec::new_in(Global);
        la.r().write_radix(base, &mut s).unwrap();
        let s = std::str::from_utf8(&s).unwrap().to_string();
        prop_assert_eq!(&s, &a.to_str_radix(base));
        prop_assert_eq!(ob(&Big::parse(&s, base, Global).unwrap()), a.clone());
        // Upper case, whitespace, underscores and '+' parse too.
        let mut fancy = String::from(" \t+");
        if let Some(rest) = s.strip_prefix('-') {
            fancy = String::from("\n -");
            for (i, c) in rest.chars().enumerate() {
                if i > 0 && i % 3 == 0 { fancy.push('_'); }
                fancy.push(c.to_ascii_uppercase());
            }
        } else {
            for (i, c) in s.chars().enumerate() {
                if i > 0 && i % 3 == 0 { fancy.push('_'); }
                fancy.push(c.to_ascii_uppercase());
            }
        }
        fancy.push_str("  ");
        prop_assert_eq!(ob(&Big::parse(&fancy, base, Global).unwrap()), a.clone());
        // Base 0 with the prefixes.
        for (b, p) in [(16u32, "0x"), (8, "0o"), (2, "0b")] {
            let mut t = AVec::new_in(Global);
            la.r().abs_ref().write_radix(b, &mut t).unwrap();
            let body = std::str::from_utf8(&t).unwrap();
            let lit = format!("{}{}{}", if a.is_negative() { "-" } else { "" }, p, body);
            prop_assert_eq!(ob(&Big::parse(&lit, 0, Global).unwrap()), a.clone());
            prop_assert_eq!(ob(&Big::parse(&lit, b, Global).unwrap()), a.clone());
        }
    }

    #[test]
    fn bytes(a in bigint_len(20), extra in 0usize..6, little in any::<bool>(), signed in any::<bool>()) {
        let la = Limbs::new(&a);
        let need = if signed { ((a.magnitude().bits() + 8) / 8) as usize } else { a.magnitude().bits().div_ceil(8) as usize };
        for n in need.saturating_sub(2)..need + extra {
            let mut out = vec![0u8; n];
            let got = la.r().to_bytes(&mut out, little, signed);
            let lo = if signed { -(BigInt::one() << (8 * n)) / 2 } else { BigInt::zero() };
            let hi = if signed && n > 0 { (BigInt::one() << (8 * n)) / 2 } else { BigInt::one() << (8 * n) };
            if !a.is_negative() || signed {
                prop_assert_eq!(got.is_ok(), n as u64 >= la.r().min_bytes(signed), "min_bytes {}", n);
            }
            if a.is_negative() && !signed {
                prop_assert_eq!(got, Err(NumError::NegativeUnsigned));
            } else if a < lo || a >= hi {
                prop_assert_eq!(got, Err(NumError::BytesOverflow));
            } else {
                prop_assert_eq!(got, Ok(()));
                let modulus = BigInt::one() << (8 * n);
                let u = a.mod_floor(&modulus).to_biguint().unwrap();
                let mut expect = u.to_bytes_le();
                if expect == [0] { expect.clear(); }
                expect.resize(n, 0);
                if !little { expect.reverse(); }
                prop_assert_eq!(&out, &expect);
                let back = Big::from_bytes(&out, little, signed, Global).unwrap();
                prop_assert_eq!(ob(&back), a.clone());
            }
        }
    }

    #[test]
    fn small_conversions(v in any::<i64>(), u in any::<u64>(), w in any::<i128>()) {
        let b = Big::from_i64(v, Global).unwrap();
        prop_assert_eq!(b.to_i64(), Some(v));
        prop_assert_eq!(ob(&b), BigInt::from(v));
        prop_assert_eq!(b.to_u64(), u64::try_from(v).ok());
        let b = Big::from_u64(u, Global).unwrap();
        prop_assert_eq!(b.to_u64(), Some(u));
        prop_assert_eq!(b.to_i64(), i64::try_from(u).ok());
        let b = Big::from_i128(w, Global).unwrap();
        prop_assert_eq!(b.as_ref().to_i128(), Some(w));
        prop_assert_eq!(b.to_i64(), i64::try_from(w).ok());
        prop_assert_eq!(ob(&b), BigInt::from(w));
        let inl = InlineBig::from_i128(w);
        prop_assert_eq!(inl.as_ref(), b.as_ref());
    }

    #[test]
    fn to_f64(a in bigint_len(40), shift in 0usize..1100) {
        // Values around and beyond the f64 range, with rounding-sensitive low bits.
        let a = &a << shift;
        let la = Limbs::new(&a);
        let expect: f64 = a.to_string().parse().unwrap();
        match la.r().to_f64() {
            Ok(v) => prop_assert_eq!(v.to_bits(), expect.to_bits(), "{}", a),
            Err(e) => {
                prop_assert_eq!(e, NumError::IntTooLargeForFloat);
                prop_assert!(expect.is_infinite());
            }
        }
    }

    #[test]
    fn from_f64(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        let got = Big::from_f64(x, Global);
        if x.is_nan() {
            prop_assert_eq!(got.err(), Some(NumError::FloatNan));
        } else if x.is_infinite() {
            prop_assert_eq!(got.err(), Some(NumError::FloatInfinity));
        } else {
            let expect: BigInt = num_traits::FromPrimitive::from_f64(x.trunc()).unwrap();
            prop_assert_eq!(ob(&got.unwrap()), expect);
        }
    }

    #[test]
    fn true_div(a in bigint_len(40), b in bigint_len(40), sa in 0usize..600, sb in 0usize..600) {
        let a = &a << sa;
        let b = &b << sb;
        let (la, lb) = (Limbs::new(&a), Limbs::new(&b));
        let got = la.r().true_div(lb.r(), Global);
        if b.is_zero() {
            prop_assert_eq!(got.err(), Some(NumError::ZeroDivision));
            return Ok(());
        }
        let expect = ref_true_div(&a, &b);
        match got {
            Ok(v) => prop_assert_eq!(v.to_bits(), expect.to_bits(), "{} / {}", a, b),
            Err(e) => {
                prop_assert_eq!(e, NumError::DivisionTooLargeForFloat);
                prop_assert!(expect.is_infinite());
            }
        }
    }

    #[test]
    fn cmp_f64(a in bigint_len(34), bits in any::<u64>(), near in any::<bool>()) {
        let x = f64::from_bits(bits);
        let a = if near && x.is_finite() {
            let t: BigInt = num_traits::FromPrimitive::from_f64(x.trunc()).unwrap();
            t + (a % 3)
        } else { a };
        let la = Limbs::new(&a);
        let got = la.r().cmp_f64(x);
        if x.is_nan() {
            prop_assert_eq!(got, None);
        } else if x.is_infinite() {
            prop_assert_eq!(got, Some(if x > 0.0 { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater }));
        } else {
            // Exact: compare a * 2^1074 with x * 2^1074 (an integer).
            let scale = BigInt::one() << 1074usize;
            let (n, d) = pyrite::num::float_as_integer_ratio(x, Global).unwrap();
            let xn = ob(&n) * &scale / ob(&d);
            prop_assert_eq!(got, Some((&a * &scale).cmp(&xn)));
        }
    }

    #[test]
    fn round_digits(a in bigint_len(12), nd in -120i64..5) {
        let la = Limbs::new(&a);
        let got = ob(&la.r().round_digits(nd, 1 << 16, Global).unwrap());
        let expect = if nd >= 0 {
            a.clone()
        } else {
            let p = num_traits::pow(BigInt::from(10), (-nd) as usize);
            let (q, r) = floor_divmod(&a, &p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && q.is_odd()) { q + 1 } else { q };
            q * p
        };
        prop_assert_eq!(got, expect);
    }

    /// No input string makes the parsers panic; what they accept re-formats to itself.
    #[test]
    fn parse_never_panics(s in "\\PC{0,40}", t in "[-+ _0-9a-zA-Z\\.\u{660}-\u{669}]{0,30}", base in 0u32..40) {
        for input in [&s, &t] {
            if let Ok(v) = Big::parse(input, base, Global) {
                let mut out = AVec::new_in(Global);
                let b = if base == 0 { 10 } else { base };
                v.as_ref().write_radix(b, &mut out).unwrap();
                let again = Big::parse(std::str::from_utf8(&out).unwrap(), b, Global).unwrap();
                prop_assert_eq!(again.as_ref(), v.as_ref());
            }
            let _ = pyrite::num::parse_float(input);
            let _ = pyrite::num::parse_float_literal(input);
        }
    }

    #[test]
    fn hash_matches_float_hash(m in any::<u64>(), e in 0u32..1000, neg in any::<bool>()) {
        // Integral floats hash like the equal int.
        let m = m >> 11;
        let x = (m as f64) * 2f64.powi(e as i32);
        prop_assume!(x.is_finite());
        let x = if neg { -x } else { x };
        let b = Big::from_f64(x, Global).unwrap();
        prop_assert_eq!(b.as_ref().hash64(), pyrite::num::float_hash64(x));
        prop_assert_eq!(b.as_ref().hash32(), pyrite::num::float_hash32(x));
    }
}

/// Correctly rounded a/b by way of an exact decimal string and Rust's correctly rounded
/// parser: q' = floor(|a| 2^k / |b|) with a sticky bit, and q' / 2^(k+1) written exactly.
fn ref_true_div(a: &BigInt, b: &BigInt) -> f64 {
    let neg = a.is_negative() != b.is_negative();
    let sign = |v: f64| if neg { -v } else { v };
    if a.is_zero() {
        return sign(0.0);
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff < -1100 {
        return sign(0.0);
    }
    if diff > 1100 {
        return sign(f64::INFINITY);
    }
    let k = (60 - diff).max(0) as usize;
    let (q, r) = ((a.abs() << k) / b.abs(), (a.abs() << k) % b.abs());
    let q2 = (q << 1usize) + if r.is_zero() { 0 } else { 1 };
    let k2 = k + 1;
    let digits = q2 * num_traits::pow(BigInt::from(5), k2);
    let s = format!("{}e-{}", digits, k2);
    sign(s.parse::<f64>().unwrap())
}

#[test]
fn parse_syntax() {
    let ok: &[(&str, u32, i64)] = &[
        ("0", 10, 0),
        ("  -12  ", 10, -12),
        ("+7", 10, 7),
        ("1_000", 10, 1000),
        ("0x_ff", 0, 255),
        ("0XfF", 16, 255),
        ("ff", 16, 255),
        ("0o17", 0, 15),
        ("0b1_0", 0, 2),
        ("0b1", 16, 0xb1),
        ("00", 0, 0),
        ("0_0", 0, 0),
        ("010", 10, 10),
        ("z", 36, 35),
        ("Z", 36, 35),
        ("\u{3000}5\u{a0}", 10, 5),
        ("\x1c5\x1f", 10, 5),
        ("-0", 10, 0),
        ("٣", 10, 3),
        ("١٢", 0, 12),
        ("٠x1", 0, 1),
        (" \u{ff11}\u{ff10} ", 10, 10),
        ("0_1", 16, 1),
        ("9223372036854775807", 10, i64::MAX),
        ("-9223372036854775808", 0, i64::MIN),
    ];
    for &(s, base, v) in ok {
        let b = Big::parse(s, base, Global).unwrap_or_else(|e| panic!("{s:?} base {base}: {e:?}"));
        assert_eq!(b.to_i64(), Some(v), "{s:?} base {base}");
    }
    let bad: &[(&str, u32)] = &[
        ("", 10),
        ("   ", 10),
        ("-", 10),
        ("+-1", 10),
        ("- 1", 10),
        ("_1", 10),
        ("1_", 10),
        ("1__0", 10),
        ("010", 0),
        ("0_1", 0),
        ("0x", 0),
        ("0x_", 0),
        ("0x__1", 0),
        ("0x1_", 0),
        ("0b2", 0),
        ("12a", 10),
        ("0o8", 8),
        ("1.0", 10),
        ("0x10", 10),
        ("1 2", 10),
        ("1\u{e9}", 16),
        ("\u{2167}", 10),
    ];
    for &(s, base) in bad {
        assert_eq!(
            Big::parse(s, base, Global).err(),
            Some(NumError::InvalidLiteral),
            "{s:?} base {base}"
        );
    }
    assert_eq!(
        Big::parse("1", 1, Global).err(),
        Some(NumError::InvalidBase)
    );
    assert_eq!(
        Big::parse("1", 37, Global).err(),
        Some(NumError::InvalidBase)
    );
    let mut out = AVec::new_in(Global);
    assert_eq!(
        BigRef::ZERO.write_radix(37, &mut out),
        Err(NumError::InvalidBase)
    );
    assert_eq!(
        BigRef::ZERO.write_radix(1, &mut out),
        Err(NumError::InvalidBase)
    );
}

#[test]
fn pow_limits() {
    let two = InlineBig::from_i64(2);
    let m1 = InlineBig::from_i64(-1);
    let huge = Big::parse("1000000000000000000000000000000", 10, Global).unwrap();
    // Absurd results are refused before any work.
    assert_eq!(
        two.as_ref().pow(huge.as_ref(), 1 << 20, Global).err(),
        Some(NumError::TooLarge)
    );
    let e = InlineBig::from_i64(1 << 40);
    assert_eq!(
        two.as_ref().pow(e.as_ref(), 1 << 20, Global).err(),
        Some(NumError::TooLarge)
    );
    // Trivial bases with huge exponents are fine.
    assert_eq!(
        m1.as_ref().pow(huge.as_ref(), 1, Global).unwrap().to_i64(),
        Some(1)
    );
    assert_eq!(
        BigRef::ZERO.pow(huge.as_ref(), 1, Global).unwrap().to_i64(),
        Some(0)
    );
    assert_eq!(
        BigRef::ZERO.pow(BigRef::ZERO, 1, Global).unwrap().to_i64(),
        Some(1)
    );
    let neg = InlineBig::from_i64(-3);
    assert_eq!(
        two.as_ref().pow(neg.as_ref(), 10, Global).err(),
        Some(NumError::NegativeExponent)
    );
    // 2**64 needs 3 limbs.
    let e = InlineBig::from_i64(64);
    assert_eq!(
        two.as_ref().pow(e.as_ref(), 2, Global).err(),
        Some(NumError::TooLarge)
    );
    assert!(two.as_ref().pow(e.as_ref(), 3, Global).is_ok());
    assert_eq!(
        two.as_ref().shl(64, 2, Global).err(),
        Some(NumError::TooLarge)
    );
    assert_eq!(
        two.as_ref().shl_by(huge.as_ref(), 1 << 30, Global).err(),
        Some(NumError::TooLarge)
    );
    assert!(BigRef::ZERO
        .shl_by(huge.as_ref(), 0, Global)
        .unwrap()
        .is_zero());
    assert_eq!(
        m1.as_ref().shr_by(huge.as_ref(), Global).unwrap().to_i64(),
        Some(-1)
    );
    // pow(a, -1, m) examples from the Python docs.
    let (a, m) = (InlineBig::from_i64(38), InlineBig::from_i64(97));
    assert_eq!(
        a.as_ref()
            .pow_mod(m1.as_ref(), m.as_ref(), Global)
            .unwrap()
            .to_i64(),
        Some(23)
    );
    let (a, m) = (InlineBig::from_i64(2), InlineBig::from_i64(4));
    assert_eq!(
        a.as_ref().pow_mod(m1.as_ref(), m.as_ref(), Global).err(),
        Some(NumError::NotInvertible)
    );
    let (a, e, m) = (
        InlineBig::from_i64(3),
        InlineBig::from_i64(2),
        InlineBig::from_i64(-5),
    );
    assert_eq!(
        a.as_ref()
            .pow_mod(e.as_ref(), m.as_ref(), Global)
            .unwrap()
            .to_i64(),
        Some(-1)
    );
}

/// hash(int) values computed by CPython 3.11 on a 64-bit machine (`hash(v)`), and with the
/// 32-bit modulus as `v % (2**31-1)` with CPython's sign and -1 rules.
#[test]
fn hash_table() {
    for (s, h64, h32) in HASHES {
        let b = Big::parse(s, 10, Global).unwrap();
        assert_eq!(b.as_ref().hash64(), *h64, "{s}");
        assert_eq!(b.as_ref().hash32(), *h32, "{s}");
    }
}

include!("data/int_hashes.rs");

/// Halfway cases and the overflow boundary of int -> float (expected values from CPython).
#[test]
fn to_f64_halfway() {
    let p = |s: &str| Big::parse(s, 0, Global).unwrap();
    let two53 = 9007199254740992.0f64;
    assert_eq!(p("9007199254740993").as_ref().to_f64(), Ok(two53)); // 2^53 + 1: tie, even
    assert_eq!(p("9007199254740995").as_ref().to_f64(), Ok(two53 + 4.0)); // 2^53 + 3: tie, up
    assert_eq!(p("-9007199254740993").as_ref().to_f64(), Ok(-two53));
    // (2^53 + 1) * 2^100: tie to even; one more unit far below breaks the tie upward.
    let tie = p("0x20000000000001_0000000000000000000000000");
    assert_eq!(tie.as_ref().to_f64(), Ok(two53 * 2f64.powi(100)));
    let above = p("0x20000000000001_0000000000000000000000001");
    assert_eq!(above.as_ref().to_f64(), Ok((two53 + 2.0) * 2f64.powi(100)));
    // 2^1024 - 2^970 rounds up to 2^1024: overflow. One less rounds down to f64::MAX.
    let mut half = String::from("0x");
    half.push_str(&"f".repeat(13));
    half.push('c');
    half.push_str(&"0".repeat(242));
    assert_eq!(
        p(&half).as_ref().to_f64(),
        Err(NumError::IntTooLargeForFloat)
    );
    let below = p(&half)
        .as_ref()
        .sub(BigRef::new(false, &[1]), Global)
        .unwrap();
    assert_eq!(below.as_ref().to_f64(), Ok(f64::MAX));
}
