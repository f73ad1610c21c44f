//! Pure numeric computation for the interpreter: arbitrary-precision integers and the
//! float algorithms whose exact behaviour Python programs can observe (repr, formatting,
//! rounding, hashing, parsing).
//!
//! Nothing here knows about Python objects, the GC or the interpreter. Every function that
//! needs memory takes an [`allocator_api2::alloc::Allocator`] from the caller (the
//! interpreter passes one over its heap region) and reports allocation failure as
//! [`NumError::NoMemory`] instead of aborting: the core must not use the global allocator
//! (ARCHITECTURE.md, principle 3) and must not panic on any input (principle 6). Float
//! formatting needs no allocator at all: it works in fixed-size stack buffers.
//!
//! Semantics are CPython 3.11's. The error variants map one-to-one to the exception the
//! interpreter raises; [`NumError::message`] gives CPython's wording.
//!
//! # Map
//!
//! - [`BigRef`] (borrowed sign + `u32` limbs), [`Big`] (owned, limbs in the caller's
//!   allocator), [`InlineBig`] (an i64/i128 as a `BigRef` without allocating). Arithmetic,
//!   comparison, bitwise, shifts, `pow`/`pow_mod`/`gcd`/`round_digits` are methods of
//!   `BigRef` returning `Result<Big<A>, NumError>`; `write_radix`/[`Big::parse`] convert
//!   to and from text, `to_bytes`/[`Big::from_bytes`] to and from bytes, `to_f64`,
//!   `true_div`, `cmp_f64`, [`Big::from_f64`] and `hash` meet floats.
//! - `*_i64` functions: the small-int fast paths, reporting [`NumError::Overflow`] when the
//!   caller must switch to big ints.
//! - [`repr_float`], [`format_float`], [`write_grouped`]: float text output.
//! - [`parse_float`], [`parse_float_literal`], [`parse_hex_float`]: float text input.
//! - [`float_pow`]: `**` on floats, correctly rounded for integral exponents.
//! - `float_*` functions: `%`, `//`, `divmod`, `round`, `hash`, `as_integer_ratio`,
//!   `is_integer`, `int()` of floats.
//! - [`float_math`]: `exp`, `log`, `log2`, `log10` and `pow` rounded as CPython's C library
//!   rounds them (`libm`'s differ in the last bit often enough to show).
//!
//! Not here: CPython's `sys.set_int_max_str_digits` limit (4300 digits) on decimal
//! conversions, which is interpreter policy: check `bit_length()` before calling
//! `write_radix(10, ..)` / `Big::parse(.., 10, ..)` if the flavour wants it.

mod bigint;
mod bigint_bits;
mod bigint_float;
mod bigint_pow;
mod bigint_str;
mod float_dec;
mod float_fmt;
mod float_hex;
pub mod float_math;
mod float_ops;
mod float_parse;
mod float_pow;
pub mod float_trig;
mod limbs;
mod small;
mod unicode;

pub use bigint::{Big, BigRef, InlineBig};
pub use bigint_float::{HASH_INF, HASH_MODULUS};
pub use float_fmt::{
    format_float, repr_float, write_grouped, FloatFormat, FloatKind, FloatSign, MAX_PRECISION,
};
pub use float_hex::parse_hex_float;
pub use float_ops::{
    float_as_integer_ratio, float_divmod, float_floordiv, float_hash, float_hash32, float_hash64,
    float_is_integer, float_mod, float_round, float_round_half_even, float_to_big,
};
pub use float_parse::{parse_float, parse_float_literal};
pub use float_pow::float_pow;
pub use small::{
    add_i64, divmod_i64, floordiv_i64, mod_i64, mul_i64, neg_i64, pow_i64, shl_i64, shr_i64,
    sub_i64,
};

/// Why a numeric operation could not produce a value.
///
/// Each variant corresponds to one Python exception; the interpreter picks the class and can
/// use [`NumError::message`] for CPython's text (or its own flavour's wording).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumError {
    /// The allocator refused memory (`MemoryError`).
    NoMemory,
    /// The result would exceed the caller's `max_limbs` limit (the caller usually raises
    /// `MemoryError` or `OverflowError`).
    TooLarge,
    /// Division or modulo by zero (`ZeroDivisionError`).
    ZeroDivision,
    /// A shift by a negative count (`ValueError: negative shift count`).
    NegativeShiftCount,
    /// `pow(a, b)` with a negative `b` and no modulus: the caller computes a float instead.
    NegativeExponent,
    /// `pow(a, b, 0)` (`ValueError`).
    ZeroModulus,
    /// `pow(a, -n, m)` with `a` not coprime to `m` (`ValueError`).
    NotInvertible,
    /// An int too large for an f64 (`OverflowError`).
    IntTooLargeForFloat,
    /// A true division whose result overflows an f64 (`OverflowError`).
    DivisionTooLargeForFloat,
    /// Converting an infinite float to an int (`OverflowError`).
    FloatInfinity,
    /// Converting a NaN to an int (`ValueError`).
    FloatNan,
    /// `float.as_integer_ratio` of an infinity (`OverflowError`).
    RatioInfinity,
    /// `float.as_integer_ratio` of a NaN (`ValueError`).
    RatioNan,
    /// `round(x, n)` whose result is not representable (`OverflowError`).
    RoundOverflow,
    /// `int.to_bytes` with a length too small for the value (`OverflowError`).
    BytesOverflow,
    /// `int.to_bytes` of a negative value with `signed=False` (`OverflowError`).
    NegativeUnsigned,
    /// A malformed string given to `int()` or `float()` (`ValueError`; the caller adds the
    /// literal itself to the message, as CPython does).
    InvalidLiteral,
    /// `int(s, base)` with a base that is not 0 or 2..=36 (`ValueError`).
    InvalidBase,
    /// An i64 fast-path result that does not fit: not an error for Python, the caller retries
    /// with big ints.
    Overflow,
}

impl NumError {
    /// CPython 3.11's message for the error (without the offending value for literals).
    pub fn message(self) -> &'static str {
        match self {
            NumError::NoMemory => "memory allocation failed",
            NumError::TooLarge => "result too large",
            NumError::ZeroDivision => "integer division or modulo by zero",
            NumError::NegativeShiftCount => "negative shift count",
            NumError::NegativeExponent => "negative exponent",
            NumError::ZeroModulus => "pow() 3rd argument cannot be 0",
            NumError::NotInvertible => "base is not invertible for the given modulus",
            NumError::IntTooLargeForFloat => "int too large to convert to float",
            NumError::DivisionTooLargeForFloat => "integer division result too large for a float",
            NumError::FloatInfinity => "cannot convert float infinity to integer",
            NumError::FloatNan => "cannot convert float NaN to integer",
            NumError::RatioInfinity => "cannot convert Infinity to integer ratio",
            NumError::RatioNan => "cannot convert NaN to integer ratio",
            NumError::RoundOverflow => "rounded value too large to represent",
            NumError::BytesOverflow => "int too big to convert",
            NumError::NegativeUnsigned => "can't convert negative int to unsigned",
            NumError::InvalidLiteral => "invalid literal",
            NumError::InvalidBase => "int() base must be >= 2 and <= 36, or 0",
            NumError::Overflow => "overflow",
        }
    }
}

impl core::fmt::Display for NumError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.message())
    }
}
