//! `random`: MicroPython's functions over its yasmarang generator, seedable with `seed`.
//!
//! The state lives in a small bytearray that the module functions are bound to. Without a
//! seed the generator starts from the port's clock (the core has no entropy source).
//! Results follow CPython's rules (ranges, errors); the sequence is MicroPython's.

use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::{bytes, float, int};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// yasmarang's state.
#[derive(Clone, Copy)]
pub struct Yasmarang {
    pad: u32,
    n: u32,
    d: u32,
    dat: u8,
}

impl Yasmarang {
    /// The state after `seed(s)`.
    pub fn seeded(s: u32) -> Yasmarang {
        Yasmarang {
            pad: s,
            n: 69,
            d: 233,
            dat: 0,
        }
    }

    /// The next 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        self.pad = self
            .pad
            .wrapping_add(self.dat as u32)
            .wrapping_add(self.d.wrapping_mul(self.n));
        self.pad = (self.pad << 3).wrapping_add(self.pad >> 29);
        self.n = self.pad | 2;
        self.d ^= (self.pad << 31).wrapping_add(self.pad >> 1);
        self.dat ^= (self.pad as u8) ^ ((self.d >> 8) as u8) ^ 1;
        self.pad ^ (self.d << 5) ^ (self.pad >> 18) ^ ((self.dat as u32) << 1)
    }

    /// A uniform integer in `0..n` (n > 0), by masking and rejection as MicroPython does.
    pub fn below(&mut self, n: u64) -> u64 {
        let mut mask: u64 = 1;
        while (n & mask) < n {
            mask = (mask << 1) | 1;
        }
        loop {
            let r = if mask > u32::MAX as u64 {
                ((self.next_u32() as u64) << 32 | self.next_u32() as u64) & mask
            } else {
                self.next_u32() as u64 & mask
            };
            if r < n {
                return r;
            }
        }
    }

    /// A float in [0, 1) with 52 random mantissa bits.
    pub fn float(&mut self) -> f64 {
        let hi = self.next_u32() as u64;
        let lo = self.next_u32() as u64;
        let frac = ((hi << 32) | lo) & ((1u64 << 52) - 1);
        f64::from_bits(0x3ff0_0000_0000_0000 | frac) - 1.0
    }

    fn to_bytes(self) -> [u8; 13] {
        let mut b = [0u8; 13];
        b[0..4].copy_from_slice(&self.pad.to_le_bytes());
        b[4..8].copy_from_slice(&self.n.to_le_bytes());
        b[8..12].copy_from_slice(&self.d.to_le_bytes());
        b[12] = self.dat;
        b
    }

    fn from_bytes(b: &[u8]) -> Yasmarang {
        let w = |i: usize| {
            b.get(i..i + 4)
                .and_then(|s| s.try_into().ok())
                .map_or(0, u32::from_le_bytes)
        };
        Yasmarang {
            pad: w(0),
            n: w(4),
            d: w(8),
            dat: b.get(12).copied().unwrap_or(0),
        }
    }
}

/// Run `f` on the generator in state bytearray `st` and store the new state.
fn with_gen<T>(cx: &mut Cx, st: Value, f: impl FnOnce(&mut Yasmarang) -> T) -> PyResult<T> {
    let b = super::native::writable(cx, st)?;
    let mut g = Yasmarang::from_bytes(b);
    let r = f(&mut g);
    if b.len() == 13 {
        b.copy_from_slice(&g.to_bytes());
    }
    Ok(r)
}

/// A seed from the port's randomness source, else its clock, else a constant.
fn seed_from_clock(cx: &mut Cx) -> u32 {
    let mut b = [0u8; 4];
    if cx.hal().random_bytes(&mut b).is_ok() {
        return u32::from_le_bytes(b);
    }
    let t = cx.hal().monotonic_ns().unwrap_or(0);
    (t ^ (t >> 32)) as u32 ^ 0xeda4_baba
}

fn seed(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = match a.get(1) {
        None => seed_from_clock(cx),
        Some(v) if v.is_none() => seed_from_clock(cx),
        Some(&v) => match int::to_i128(v).or_else(|| v.as_bool().map(|b| b as i128)) {
            Some(i) => i as u32,
            None => ops::hash(cx, v)? as u32,
        },
    };
    with_gen(cx, a[0], |g| *g = Yasmarang::seeded(s))?;
    Ok(Value::NONE)
}

fn getrandbits(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = crate::vm::seq::int_arg(cx, a[1])?;
    if n < 0 {
        return Err(cx.value_error("number of bits must be non-negative"));
    }
    let n = n as usize;
    if n <= 32 {
        let r = with_gen(cx, a[0], |g| g.next_u32())?;
        let v = if n == 0 { 0 } else { r >> (32 - n) };
        return int::from_i64(cx, v as i64);
    }
    // Wider: 32-bit limbs, least significant first, the top one trimmed.
    let nl = n.div_ceil(32);
    if nl > crate::vm::num::max_limbs(cx) {
        return Err(cx.overflow_error("result too large"));
    }
    let mut limbs = allocator_api2::vec::Vec::new_in(cx.temp_alloc());
    if limbs.try_reserve(nl).is_err() {
        return Err(cx.raise_memory_error(nl * 4));
    }
    with_gen(cx, a[0], |g| {
        for i in 0..nl {
            let mut w = g.next_u32();
            if i == nl - 1 && !n.is_multiple_of(32) {
                w >>= 32 - n % 32;
            }
            limbs.push(w);
        }
    })?;
    int::from_limbs(cx, false, &limbs)
}

fn i64_arg(cx: &mut Cx, v: Value) -> PyResult<i64> {
    match int::to_i64(v) {
        Some(i) => Ok(i),
        None => Ok(crate::vm::seq::int_arg(cx, v)? as i64),
    }
}

/// A random integer in `range(start, stop, step)`.
fn rand_range(cx: &mut Cx, st: Value, start: i64, stop: i64, step: i64) -> PyResult<Value> {
    if step == 0 {
        return Err(cx.value_error("zero step for randrange()"));
    }
    let n: i128 = if step > 0 {
        (stop as i128 - start as i128 + step as i128 - 1) / step as i128
    } else {
        (start as i128 - stop as i128 - step as i128 - 1) / (-(step as i128))
    };
    if n <= 0 {
        return Err(cx.value_error("empty range for randrange()"));
    }
    let k = with_gen(cx, st, |g| g.below(n as u64))?;
    int::from_i128(cx, start as i128 + k as i128 * step as i128)
}

fn randrange(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = i64_arg(cx, a[1])?;
    match a.len() {
        2 => rand_range(cx, a[0], 0, x, 1),
        3 => {
            let y = i64_arg(cx, a[2])?;
            rand_range(cx, a[0], x, y, 1)
        }
        _ => {
            let y = i64_arg(cx, a[2])?;
            let s = i64_arg(cx, a[3])?;
            rand_range(cx, a[0], x, y, s)
        }
    }
}

fn randint(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let x = i64_arg(cx, a[1])?;
    let y = i64_arg(cx, a[2])?;
    if y < x {
        return Err(cx.value_error("empty range for randrange()"));
    }
    let n = (y as i128 - x as i128 + 1) as u64;
    let k = with_gen(cx, a[0], |g| {
        if n == 0 {
            // The whole 64-bit range.
            (g.next_u32() as u64) << 32 | g.next_u32() as u64
        } else {
            g.below(n)
        }
    })?;
    int::from_i128(cx, x as i128 + k as i128)
}

fn choice(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = ops::len(cx, a[1])?;
    if n == 0 {
        return Err(cx.index_error("cannot choose from an empty sequence"));
    }
    let k = with_gen(cx, a[0], |g| g.below(n as u64))?;
    let i = int::from_i64(cx, k as i64)?;
    ops::getitem(cx, a[1], i)
}

fn random(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let f = with_gen(cx, a[0], |g| g.float())?;
    float::new(cx, f)
}

fn float_arg(cx: &mut Cx, v: Value) -> PyResult<f64> {
    let v = if ops::is_user_object(v) {
        crate::builtins::ctors::float_from(cx, v)?
    } else {
        v
    };
    match crate::vm::num::to_f64(cx, v)? {
        Some(f) => Ok(f),
        None => {
            let tn = ops::alloc_free_name(cx.type_name(v));
            Err(cx.raise_fmt(
                &crate::obj::types::TYPE_ERROR_TYPE,
                format_args!("can't convert {tn} to float"),
            ))
        }
    }
}

fn uniform(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let lo = float_arg(cx, a[1])?;
    let hi = float_arg(cx, a[2])?;
    let f = with_gen(cx, a[0], |g| g.float())?;
    float::new(cx, lo + (hi - lo) * f)
}

// Bound to the generator state: args[0] is the state bytearray.
native_fn!(SEED, q::seed, 1, 2, false, seed);
native_fn!(GETRANDBITS, q::getrandbits, 2, 2, false, getrandbits);
native_fn!(RANDRANGE, q::randrange, 2, 4, false, randrange);
native_fn!(RANDINT, q::randint, 3, 3, false, randint);
native_fn!(CHOICE, q::choice, 2, 2, false, choice);
native_fn!(RANDOM, q::random, 1, 1, false, random);
native_fn!(UNIFORM, q::uniform, 3, 3, false, uniform);

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    let s = seed_from_clock(cx);
    let st = bytes::new_bytearray(cx, &Yasmarang::seeded(s).to_bytes())?;
    let mark = cx.roots_mark();
    cx.root(st)?;
    let r = super::native::bind(
        cx,
        m,
        st,
        &[
            (&q::seed, &SEED),
            (&q::getrandbits, &GETRANDBITS),
            (&q::randrange, &RANDRANGE),
            (&q::randint, &RANDINT),
            (&q::choice, &CHOICE),
            (&q::random, &RANDOM),
            (&q::uniform, &UNIFORM),
        ],
    );
    cx.roots_truncate(mark);
    r
}

/// The `random` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::random,
    items: &[] as &[(&crate::obj::str::StrObj, Item)],
    init: Some(init),
};
