//! Number literals and MicroPython's parse-time constant folding arithmetic.
//!
//! MicroPython folds `int`/`float` expressions of constants while parsing, with Python
//! semantics, and leaves anything that would raise (division by zero, negative shift) or give
//! a complex number to run time. Ints of any size fold (with `crate::num`'s big ints, up to
//! `MAX_FOLD_LIMBS`). Where MicroPython's folding would give a value CPython does not
//! (`10.0 ** 400` or `10 ** 400 * 1.0` folded to `inf` where CPython raises `OverflowError`,
//! `10 ** 400 / 10 ** 399` folded to `nan`, big ints rounded to float differently) the
//! expression is left to run time instead: a deliberate difference from `mpy-cross`.

use super::lexer::Op;
use super::{CResult, CompileError};
use crate::num::{Big, BigRef, NumError};
use allocator_api2::alloc::Allocator;

/// A numeric constant in the parse tree, as the parser folds it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    /// An int that fits `i128`.
    Int(i128),
    /// A bigger int: limbs `start..start + len` of the tree's limb arena.
    Big {
        /// Negative.
        neg: bool,
        /// First limb.
        start: u32,
        /// Number of limbs.
        len: u32,
    },
    /// A float.
    Float(f64),
}

/// Result of parsing an integer literal.
pub enum IntLit {
    /// Fits `i128`.
    Val(i128),
    /// Does not fit: the caller converts the digits (`text[digits_start..]`) in `base`.
    Big { base: u32, digits_start: usize },
}

/// Parse an integer literal as MicroPython does with base 0 (prefixes `0x`/`0o`/`0b`;
/// a leading zero in a decimal literal is an error unless all digits are zero).
pub fn parse_int(text: &[u8]) -> Result<IntLit, ()> {
    let (base, start) = match text {
        [b'0', b'x' | b'X', ..] => (16, 2),
        [b'0', b'o' | b'O', ..] => (8, 2),
        [b'0', b'b' | b'B', ..] => (2, 2),
        _ => (10, 0),
    };
    let digits = text.get(start..).ok_or(())?;
    if digits.is_empty() {
        return Err(());
    }
    if base == 10 && digits.len() > 1 && digits[0] == b'0' && digits.iter().any(|&c| c != b'0') {
        return Err(());
    }
    let mut v: i128 = 0;
    let mut overflow = false;
    for &c in digits {
        let d = (c as char).to_digit(base).ok_or(())? as i128;
        if !overflow {
            match v.checked_mul(base as i128).and_then(|x| x.checked_add(d)) {
                Some(x) => v = x,
                None => overflow = true,
            }
        }
    }
    if overflow {
        Ok(IntLit::Big {
            base,
            digits_start: start,
        })
    } else {
        Ok(IntLit::Val(v))
    }
}

/// Parse a float/imaginary literal: returns (value, is_imaginary).
pub fn parse_float(text: &[u8]) -> Option<(f64, bool)> {
    let (body, imag) = match text.last() {
        Some(b'j') | Some(b'J') => (&text[..text.len() - 1], true),
        _ => (text, false),
    };
    if body.is_empty()
        || !body
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    let s = core::str::from_utf8(body).ok()?;
    s.parse::<f64>().ok().map(|v| (v, imag))
}

/// Size limit of a folded int (in 32-bit limbs, 65536 bits): a larger result is left to
/// run time, so `10 ** 10 ** 9` costs nothing to compile. MicroPython folds any size it has
/// memory for; the difference only shows on absurd constants.
const MAX_FOLD_LIMBS: usize = 2048;

/// An operand of a folding step: an int of any size, or a float.
#[derive(Clone, Copy, Debug)]
pub enum Operand<'a> {
    /// An int.
    Int(BigRef<'a>),
    /// A float.
    Float(f64),
}

/// A folded value; ints are owned by the caller's allocator.
pub enum Folded<A: Allocator> {
    /// An int.
    Int(Big<A>),
    /// A float.
    Float(f64),
}

/// Allocation failure is a compile error; any other numeric error means "do not fold"
/// (the operation raises at run time, as it must).
fn no_mem<T>(r: Result<T, NumError>) -> CResult<Option<T>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(NumError::NoMemory) => Err(CompileError::memory()),
        Err(_) => Ok(None),
    }
}

/// `float(v)` as mpy-cross computes it while folding: a cast for its small ints (62 bits
/// and a sign), else `mpz_as_float`, which accumulates the 32-bit digits from the top in
/// floating point (rounding at each step, and overflowing to `inf`).
fn mp_as_f64(v: BigRef<'_>) -> f64 {
    if let Some(i) = v.to_i64() {
        if (-(1i64 << 62)..(1i64 << 62)).contains(&i) {
            return i as f64;
        }
    }
    let mut r = 0.0f64;
    for &d in v.magnitude().iter().rev() {
        r = r * 4294967296.0 + f64::from(d);
    }
    if v.is_negative() {
        -r
    } else {
        r
    }
}

/// `float(v)` when folding it cannot differ from CPython: MicroPython's conversion
/// ([`mp_as_f64`]) must give CPython's correctly rounded value (an int too big for a float is
/// an `OverflowError` in CPython, while MicroPython folds it to `inf`).
fn int_as_f64(v: BigRef<'_>) -> Option<f64> {
    let py = v.to_f64().ok()?;
    (py.to_bits() == mp_as_f64(v).to_bits()).then_some(py)
}

fn as_float(a: Operand<'_>) -> Option<f64> {
    match a {
        Operand::Int(v) => int_as_f64(v),
        Operand::Float(f) => Some(f),
    }
}

/// `x ** y` on floats unless CPython raises: `0.0 ** -n` (`ZeroDivisionError`), a negative
/// base with a fractional exponent (a complex result) and an infinite result from finite
/// operands (`OverflowError`; MicroPython folds `10.0 ** 400` to `inf`).
fn float_pow<A: Allocator + Clone>(x: f64, y: f64, alloc: A) -> CResult<Option<f64>> {
    if x == 0.0 && y < 0.0 && !y.is_infinite() {
        return Ok(None);
    }
    if x < 0.0 && y.is_finite() && y != libm::trunc(y) {
        return Ok(None);
    }
    let Some(r) = no_mem(crate::num::float_pow(x, y, alloc))? else {
        return Ok(None);
    };
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Ok(None);
    }
    Ok(Some(r))
}

fn int_binary<A: Allocator + Clone>(
    op: Op,
    x: BigRef<'_>,
    y: BigRef<'_>,
    alloc: A,
) -> CResult<Option<Folded<A>>> {
    let r = match op {
        Op::Pipe => x.or(y, alloc),
        Op::Caret => x.xor(y, alloc),
        Op::Amp => x.and(y, alloc),
        Op::Shl => {
            if y.is_negative() {
                return Ok(None);
            }
            match y.to_u64() {
                Some(n) => x.shl(n, MAX_FOLD_LIMBS, alloc),
                None if x.is_zero() => Ok(Big::zero(alloc)),
                None => return Ok(None),
            }
        }
        Op::Shr => x.shr_by(y, alloc),
        Op::Plus => x.add(y, alloc),
        Op::Minus => x.sub(y, alloc),
        Op::Star => {
            if x.magnitude().len() + y.magnitude().len() > MAX_FOLD_LIMBS {
                return Ok(None);
            }
            x.mul(y, alloc)
        }
        Op::DblSlash => x.floordiv(y, alloc),
        Op::Percent => x.modulo(y, alloc),
        Op::Slash => {
            // CPython divides ints exactly and rounds once; MicroPython converts both to
            // float first. Fold only where the two agree.
            let py = match x.true_div(y, alloc) {
                Ok(v) => v,
                Err(NumError::NoMemory) => return Err(CompileError::memory()),
                Err(_) => return Ok(None),
            };
            let mp = mp_as_f64(x) / mp_as_f64(y);
            return Ok((py.to_bits() == mp.to_bits()).then_some(Folded::Float(py)));
        }
        Op::DblStar => {
            if y.is_negative() {
                // CPython: float(x) ** float(y).
                let (Some(a), Some(b)) = (int_as_f64(x), int_as_f64(y)) else {
                    return Ok(None);
                };
                return Ok(float_pow(a, b, alloc)?.map(Folded::Float));
            }
            x.pow(y, MAX_FOLD_LIMBS, alloc)
        }
        _ => return Ok(None),
    };
    Ok(no_mem(r)?.map(Folded::Int))
}

/// Fold a binary operator (a plain operator token) if MicroPython would and the result is
/// CPython's: `None` leaves the operation to run time.
pub fn binary<A: Allocator + Clone>(
    op: Op,
    a: Operand<'_>,
    b: Operand<'_>,
    alloc: A,
) -> CResult<Option<Folded<A>>> {
    if let (Operand::Int(x), Operand::Int(y)) = (a, b) {
        return int_binary(op, x, y, alloc);
    }
    let (Some(x), Some(y)) = (as_float(a), as_float(b)) else {
        return Ok(None);
    };
    let r = match op {
        Op::Plus => x + y,
        Op::Minus => x - y,
        Op::Star => x * y,
        Op::Slash => {
            if y == 0.0 {
                return Ok(None);
            }
            x / y
        }
        Op::DblSlash => match no_mem(crate::num::float_floordiv(x, y))? {
            Some(v) => v,
            None => return Ok(None),
        },
        Op::Percent => match no_mem(crate::num::float_mod(x, y))? {
            Some(v) => v,
            None => return Ok(None),
        },
        Op::DblStar => match float_pow(x, y, alloc)? {
            Some(v) => v,
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    Ok(Some(Folded::Float(r)))
}

/// Fold a unary `+`, `-` or `~`.
pub fn unary<A: Allocator + Clone>(op: Op, a: Operand<'_>, alloc: A) -> CResult<Option<Folded<A>>> {
    match (op, a) {
        (Op::Plus, Operand::Float(f)) => Ok(Some(Folded::Float(f))),
        (Op::Minus, Operand::Float(f)) => Ok(Some(Folded::Float(-f))),
        (Op::Plus, Operand::Int(v)) => Ok(no_mem(v.to_owned_in(alloc))?.map(Folded::Int)),
        (Op::Minus, Operand::Int(v)) => Ok(no_mem(v.neg(alloc))?.map(Folded::Int)),
        (Op::Tilde, Operand::Int(v)) => Ok(no_mem(v.not(alloc))?.map(Folded::Int)),
        _ => Ok(None),
    }
}

/// Format a float as Python's `repr` (shortest round-trip) into `buf`; returns the length.
pub fn float_repr(f: f64, buf: &mut [u8; 40]) -> usize {
    let mut n = 0;
    let mut put = |s: &[u8], n: &mut usize| {
        for &c in s {
            if *n < buf.len() {
                buf[*n] = c;
                *n += 1;
            }
        }
    };
    if f.is_nan() {
        put(b"nan", &mut n);
        return n;
    }
    if f.is_infinite() {
        put(if f < 0.0 { b"-inf" } else { b"inf" }, &mut n);
        return n;
    }
    let mut rb = ryu::Buffer::new();
    let s = rb.format_finite(f).as_bytes();
    // ryu writes "1e100"; Python writes "1e+100".
    for (i, &c) in s.iter().enumerate() {
        put(&[c], &mut n);
        if c == b'e' && s.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
            put(b"+", &mut n);
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints() {
        assert!(matches!(parse_int(b"0x1f"), Ok(IntLit::Val(31))));
        assert!(parse_int(b"0777").is_err());
        assert!(matches!(parse_int(b"000"), Ok(IntLit::Val(0))));
        assert!(parse_int(b"0b2").is_err());
    }

    #[test]
    fn folding() {
        use crate::num::InlineBig;
        use allocator_api2::alloc::Global;
        fn int(v: &InlineBig) -> Operand<'_> {
            Operand::Int(v.as_ref())
        }
        let as_int = |r: Option<Folded<Global>>| match r {
            Some(Folded::Int(b)) => b.as_ref().to_i128(),
            _ => None,
        };
        let as_float = |r: Option<Folded<Global>>| match r {
            Some(Folded::Float(f)) => Some(f),
            _ => None,
        };
        let (m7, p2, p0, p10) = (
            InlineBig::from_i64(-7),
            InlineBig::from_i64(2),
            InlineBig::from_i64(0),
            InlineBig::from_i64(10),
        );
        let r = binary(Op::DblSlash, int(&m7), int(&p2), Global).unwrap();
        assert_eq!(as_int(r), Some(-4));
        let r = binary(Op::Percent, int(&m7), int(&p2), Global).unwrap();
        assert_eq!(as_int(r), Some(1));
        assert!(binary(Op::DblSlash, int(&m7), int(&p0), Global)
            .unwrap()
            .is_none());
        let r = binary(Op::Shl, int(&p2), int(&InlineBig::from_i64(70)), Global).unwrap();
        assert_eq!(as_int(r), Some(1 << 71));
        let r = binary(Op::DblStar, int(&p2), int(&InlineBig::from_i64(-1)), Global).unwrap();
        assert_eq!(as_float(r), Some(0.5));
        // 10 ** 400 is folded; as a float it would overflow, so `* 1.0` is not.
        let r = binary(
            Op::DblStar,
            int(&p10),
            int(&InlineBig::from_i64(400)),
            Global,
        )
        .unwrap();
        let Some(Folded::Int(big)) = r else {
            panic!("10 ** 400 not folded")
        };
        assert_eq!(big.as_ref().bit_length(), 1329);
        let r = binary(
            Op::Star,
            Operand::Int(big.as_ref()),
            Operand::Float(1.0),
            Global,
        );
        assert!(r.unwrap().is_none());
        // 10.0 ** 400 raises OverflowError in CPython: not folded.
        let r = binary(
            Op::DblStar,
            Operand::Float(10.0),
            int(&InlineBig::from_i64(400)),
            Global,
        );
        assert!(r.unwrap().is_none());
        let r = binary(
            Op::DblStar,
            Operand::Float(10.0),
            int(&InlineBig::from_i64(-5)),
            Global,
        );
        assert_eq!(as_float(r.unwrap()), Some(1e-05));
        // MicroPython's -1.4285714285714288e+24 is not CPython's -1.4285714285714285e+24.
        let big = InlineBig::from_i128(-10i128.pow(25));
        let r = binary(Op::Slash, int(&big), int(&InlineBig::from_i64(7)), Global).unwrap();
        assert!(r.is_none());
        let big = InlineBig::from_i128(10i128.pow(30));
        let r = binary(Op::Slash, int(&big), int(&InlineBig::from_i64(3)), Global).unwrap();
        assert_eq!(as_float(r), Some(3.333333333333333e+29));
    }

    #[test]
    fn repr() {
        let mut b = [0u8; 40];
        let n = float_repr(1e100, &mut b);
        assert_eq!(&b[..n], b"1e+100");
        let n = float_repr(6.0, &mut b);
        assert_eq!(&b[..n], b"6.0");
    }
}
