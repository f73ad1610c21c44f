//! `hashlib`: `sha256`, `sha1`, `md5` (MicroPython's unix port) and CPython's `new(name)`.
//!
//! Hash objects have `update`, `digest`, `hexdigest`, `copy`, `digest_size`, `block_size` and
//! `name`. As in CPython, `digest()` does not end the hash: more data may follow. The
//! algorithms are written here (`Hasher`); the state lives in a bytearray the object holds.

use super::native::{self, ClassDef, Member};
use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::str::StrBuilder;
use crate::obj::{bytes, str as pystr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The hash algorithms.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Algo {
    /// SHA-256.
    Sha256 = 1,
    /// SHA-1.
    Sha1 = 2,
    /// MD5.
    Md5 = 3,
}

impl Algo {
    fn from_u8(b: u8) -> Option<Algo> {
        match b {
            1 => Some(Algo::Sha256),
            2 => Some(Algo::Sha1),
            3 => Some(Algo::Md5),
            _ => None,
        }
    }

    /// The digest size in bytes.
    pub fn digest_size(self) -> usize {
        match self {
            Algo::Sha256 => 32,
            Algo::Sha1 => 20,
            Algo::Md5 => 16,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Algo::Sha256 => "sha256",
            Algo::Sha1 => "sha1",
            Algo::Md5 => "md5",
        }
    }
}

/// A streaming hash: SHA-256, SHA-1 or MD5 (all 64-byte blocks, 32-bit words).
#[derive(Clone)]
pub struct Hasher {
    algo: Algo,
    len: u64,
    buf: [u8; 64],
    buf_len: usize,
    h: [u32; 8],
}

/// Bytes a serialised `Hasher` takes.
const STATE_SIZE: usize = 1 + 8 + 64 + 1 + 32;

const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

const MD5_S: [u32; 64] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
    14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15,
    21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];

/// MD5's per-round constants: floor(abs(sin(i + 1)) * 2^32).
const MD5_K: [u32; 64] = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];

impl Hasher {
    /// A fresh hash.
    pub fn new(algo: Algo) -> Hasher {
        let h = match algo {
            Algo::Sha256 => [
                0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
                0x5be0cd19,
            ],
            Algo::Sha1 => [
                0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0, 0, 0, 0,
            ],
            Algo::Md5 => [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0, 0, 0, 0],
        };
        Hasher {
            algo,
            len: 0,
            buf: [0; 64],
            buf_len: 0,
            h,
        }
    }

    fn block(&mut self, b: &[u8; 64]) {
        match self.algo {
            Algo::Sha256 => self.sha256_block(b),
            Algo::Sha1 => self.sha1_block(b),
            Algo::Md5 => self.md5_block(b),
        }
    }

    fn sha256_block(&mut self, b: &[u8; 64]) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut bb, mut c, mut d, mut e, mut f, mut g, mut h] = self.h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = h
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K256[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & bb) ^ (a & c) ^ (bb & c);
            let t2 = s0.wrapping_add(maj);
            h = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = bb;
            bb = a;
            a = t1.wrapping_add(t2);
        }
        for (s, v) in self.h.iter_mut().zip([a, bb, c, d, e, f, g, h]) {
            *s = s.wrapping_add(v);
        }
    }

    fn sha1_block(&mut self, b: &[u8; 64]) {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut bb, mut c, mut d, mut e, ..] = self.h;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((bb & c) | (!bb & d), 0x5a827999),
                20..=39 => (bb ^ c ^ d, 0x6ed9eba1),
                40..=59 => ((bb & c) | (bb & d) | (c & d), 0x8f1bbcdc),
                _ => (bb ^ c ^ d, 0xca62c1d6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(wi);
            e = d;
            d = c;
            c = bb.rotate_left(30);
            bb = a;
            a = t;
        }
        for (s, v) in self.h.iter_mut().zip([a, bb, c, d, e]) {
            *s = s.wrapping_add(v);
        }
    }

    fn md5_block(&mut self, b: &[u8; 64]) {
        let mut m = [0u32; 16];
        for (i, w) in m.iter_mut().enumerate() {
            *w = u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
        }
        let [mut a, mut bb, mut c, mut d, ..] = self.h;
        for i in 0..64 {
            let (f, g) = match i {
                0..=15 => ((bb & c) | (!bb & d), i),
                16..=31 => ((d & bb) | (!d & c), (5 * i + 1) % 16),
                32..=47 => (bb ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (bb | !d), (7 * i) % 16),
            };
            let f = f.wrapping_add(a).wrapping_add(MD5_K[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = bb;
            bb = bb.wrapping_add(f.rotate_left(MD5_S[i]));
        }
        for (s, v) in self.h.iter_mut().zip([a, bb, c, d]) {
            *s = s.wrapping_add(v);
        }
    }

    /// Add data.
    pub fn update(&mut self, mut data: &[u8]) {
        self.len = self.len.wrapping_add(data.len() as u64);
        while !data.is_empty() {
            let take = (64 - self.buf_len).min(data.len());
            self.buf[self.buf_len..self.buf_len + take].copy_from_slice(&data[..take]);
            self.buf_len += take;
            data = &data[take..];
            if self.buf_len == 64 {
                let b = self.buf;
                self.block(&b);
                self.buf_len = 0;
            }
        }
    }

    /// The digest of the data so far (the hash itself is unchanged).
    pub fn digest(&self, out: &mut [u8; 32]) -> usize {
        let mut h = self.clone();
        let bits = self.len.wrapping_mul(8);
        let mut pad = [0u8; 72];
        pad[0] = 0x80;
        let zeros = (55usize.wrapping_sub(self.buf_len)) % 64;
        let len_bytes = if self.algo == Algo::Md5 {
            bits.to_le_bytes()
        } else {
            bits.to_be_bytes()
        };
        pad[1 + zeros..9 + zeros].copy_from_slice(&len_bytes);
        let len = h.len;
        h.update(&pad[..9 + zeros]);
        h.len = len;
        let n = self.algo.digest_size();
        for (i, w) in h.h.iter().enumerate().take(n / 4) {
            let b = if self.algo == Algo::Md5 {
                w.to_le_bytes()
            } else {
                w.to_be_bytes()
            };
            out[4 * i..4 * i + 4].copy_from_slice(&b);
        }
        n
    }

    fn to_bytes(&self) -> [u8; STATE_SIZE] {
        let mut s = [0u8; STATE_SIZE];
        s[0] = self.algo as u8;
        s[1..9].copy_from_slice(&self.len.to_le_bytes());
        s[9..73].copy_from_slice(&self.buf);
        s[73] = self.buf_len as u8;
        for (i, w) in self.h.iter().enumerate() {
            s[74 + 4 * i..78 + 4 * i].copy_from_slice(&w.to_le_bytes());
        }
        s
    }

    fn from_bytes(s: &[u8]) -> Option<Hasher> {
        if s.len() != STATE_SIZE {
            return None;
        }
        let algo = Algo::from_u8(s[0])?;
        let mut h = [0u32; 8];
        for (i, w) in h.iter_mut().enumerate() {
            *w = u32::from_le_bytes(s[74 + 4 * i..78 + 4 * i].try_into().ok()?);
        }
        let mut buf = [0u8; 64];
        buf.copy_from_slice(&s[9..73]);
        Some(Hasher {
            algo,
            len: u64::from_le_bytes(s[1..9].try_into().ok()?),
            buf,
            buf_len: (s[73] as usize).min(63),
            h,
        })
    }
}

/// The hasher of hash object `v`.
fn hasher(cx: &mut Cx, v: Value) -> PyResult<(Value, Hasher)> {
    let st = native::state_of(cx, v, Kind::ByteArray, "hash")?;
    let b = native::readable(cx, st)?;
    match Hasher::from_bytes(b) {
        Some(h) => Ok((st, h)),
        None => Err(cx.type_error("'hash' object required")),
    }
}

fn store(cx: &mut Cx, st: Value, h: &Hasher) -> PyResult<()> {
    let b = native::writable(cx, st)?;
    if b.len() == STATE_SIZE {
        b.copy_from_slice(&h.to_bytes());
    }
    Ok(())
}

/// A new hash object of class `cls` for `algo`, fed `data` (NULL for none).
fn new_hash(cx: &mut Cx, cls: Value, algo: Algo, data: Value) -> PyResult<Value> {
    let mut h = Hasher::new(algo);
    if !data.is_null() {
        h.update(hash_data(cx, data)?);
    }
    let st = bytes::new_bytearray(cx, &h.to_bytes())?;
    let mark = cx.roots_mark();
    cx.root(st)?;
    let r = native::new_instance(cx, cls, st);
    cx.roots_truncate(mark);
    r
}

fn hash_data<'a>(cx: &mut Cx, v: Value) -> PyResult<&'a [u8]> {
    if crate::obj::kind_of(v) == Kind::Str {
        return Err(cx.type_error("Strings must be encoded before hashing"));
    }
    native::readable(cx, v)
}

fn update(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (st, mut h) = hasher(cx, a[0])?;
    h.update(hash_data(cx, a[1])?);
    store(cx, st, &h)?;
    Ok(Value::NONE)
}

fn digest(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (_, h) = hasher(cx, a[0])?;
    let mut out = [0u8; 32];
    let n = h.digest(&mut out);
    pystr::new_bytes(cx, &out[..n])
}

fn hexdigest(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (_, h) = hasher(cx, a[0])?;
    let mut out = [0u8; 32];
    let n = h.digest(&mut out);
    let mut s = StrBuilder::new(cx);
    super::binascii::hexlify_bytes(&out[..n], None, &mut s);
    s.finish(cx)
}

fn copy(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (_, h) = hasher(cx, a[0])?;
    let cls = Value::from_ptr(crate::obj::type_of(a[0]));
    let st = bytes::new_bytearray(cx, &h.to_bytes())?;
    let mark = cx.roots_mark();
    cx.root(st)?;
    let r = native::new_instance(cx, cls, st);
    cx.roots_truncate(mark);
    r
}

fn digest_size(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (_, h) = hasher(cx, a[0])?;
    Ok(Value::small_int_unchecked(h.algo.digest_size() as isize))
}

fn block_size(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    hasher(cx, a[0])?;
    Ok(Value::small_int_unchecked(64))
}

fn name(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (_, h) = hasher(cx, a[0])?;
    pystr::new_from(cx, h.algo.name())
}

native_fn!(UPDATE, q::update, 2, 2, false, update);
native_fn!(DIGEST, q::digest, 1, 1, false, digest);
native_fn!(HEXDIGEST, q::hexdigest, 1, 1, false, hexdigest);
native_fn!(COPY, q::copy, 1, 1, false, copy);
native_fn!(DIGEST_SIZE, q::digest_size, 1, 1, false, digest_size);
native_fn!(BLOCK_SIZE, q::block_size, 1, 1, false, block_size);
native_fn!(NAME, q::name, 1, 1, false, name);

/// A hash class: its constructor `NAME(data=None)` and the shared methods.
macro_rules! hash_class {
    ($class:ident, $new:ident, $newfn:ident, $name:ident, $algo:expr) => {
        fn $newfn(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
            new_hash(cx, a[0], $algo, a.get(1).copied().unwrap_or(Value::NULL))
        }
        native_fn!($new, q::__new__, 1, 2, false, $newfn);
        static $class: ClassDef = ClassDef {
            name: &q::$name,
            base: &crate::obj::types::OBJECT_TYPE,
            members: &[
                (&q::__new__, Member::Method(&$new)),
                (&q::update, Member::Method(&UPDATE)),
                (&q::digest, Member::Method(&DIGEST)),
                (&q::hexdigest, Member::Method(&HEXDIGEST)),
                (&q::copy, Member::Method(&COPY)),
                (&q::digest_size, Member::Getter(&DIGEST_SIZE)),
                (&q::block_size, Member::Getter(&BLOCK_SIZE)),
                (&q::name, Member::Getter(&NAME)),
            ],
        };
    };
}

hash_class!(SHA256_CLASS, SHA256_NEW, sha256_new, sha256, Algo::Sha256);
hash_class!(SHA1_CLASS, SHA1_NEW, sha1_new, sha1, Algo::Sha1);
hash_class!(MD5_CLASS, MD5_NEW, md5_new, md5, Algo::Md5);

/// `hashlib.new(name, data=b'')` (args[0] is the module state).
fn new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [name, data] = crate::builtins::args::parse(cx, &a[1..], k, ["name", "data"], 2)?;
    let (algo, i) = match pystr::bytes_of(name).map(|b| b.to_ascii_lowercase()) {
        Some(n) if n == b"sha256" => (Algo::Sha256, 0),
        Some(n) if n == b"sha1" => (Algo::Sha1, 1),
        Some(n) if n == b"md5" => (Algo::Md5, 2),
        _ => return Err(cx.value_error("unsupported hash type")),
    };
    let cls = native::state_class(cx, a[0], i)?;
    new_hash(cx, cls, algo, data)
}

native_fn!(NEW, q::new, 1, 3, true, new);

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    native::install(
        cx,
        m,
        &[&SHA256_CLASS, &SHA1_CLASS, &MD5_CLASS],
        &[(&q::new, &NEW)],
    )
}

/// The `hashlib` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::hashlib,
    items: &[] as &[(&crate::obj::str::StrObj, Item)],
    init: Some(init),
};
