//! Typed conversions between Rust and Python values: [`IntoPython`] and [`FromPython`].
//!
//! | Rust | Python |
//! |---|---|
//! | `i8` … `i128`, `u8` … `u128`, `isize`, `usize` | `int` (`OverflowError` when it does not fit) |
//! | `f64`, `f32` | `float` (an `int` is accepted too) |
//! | `bool` | `bool` (from Python: any object, by its truth value) |
//! | `()` | `None` (from Python: any value, ignored) |
//! | `Option<T>` | `None` or `T`; a missing trailing argument of a native function |
//! | `&str`, `String` | `str` |
//! | [`Bytes`]`(&[u8])`, `Bytes(Vec<u8>)` | `bytes` (from Python: `bytes` or `bytearray`) |
//! | `Vec<T>`, `&[T]`, `[T; N]` | `list` (from Python: `list` or `tuple`) |
//! | `(A,)` … `(A, B, C, D, E, F, G, H)` | `tuple` (from Python: `tuple` or `list` of that length) |
//! | [`Dict`]`(iterable of (K, V))`, `BTreeMap<K, V>` | `dict` |
//! | [`Handle`] | any value, kept alive |
//! | [`Value`] | any value, unrooted: only for native code (see the rooting rule) |
//!
//! A value of the wrong type raises `TypeError` (`"can't convert str to int"`), as
//! MicroPython's own functions do.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use super::handle::Handle;
use crate::obj::types::*;
use crate::obj::{self, float, int, list, str as pystr, tuple, Kind};
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// A Rust value that can become a Python value.
pub trait IntoPython {
    /// Make the Python value (unrooted: the caller keeps it reachable).
    fn into_python(self, cx: &mut Cx) -> PyResult<Value>;
}

/// A Rust value that can be made from a Python value.
pub trait FromPython: Sized {
    /// Convert `v` (which the caller keeps reachable), raising `TypeError` when it has the
    /// wrong type.
    fn from_python(cx: &mut Cx, v: Value) -> PyResult<Self>;

    /// The value of a missing trailing argument of a native function (`Some(None)` for
    /// `Option<T>`); `None` means the argument is required.
    fn missing() -> Option<Self> {
        None
    }
}

/// Arguments for a call from Rust: `()`, or a tuple of [`IntoPython`] values (`(1, "a")`).
pub trait IntoArgs {
    /// Make the argument tuple (unrooted).
    fn into_args(self, cx: &mut Cx) -> PyResult<Value>;
}

/// `bytes` (a newtype, so that `Vec<u8>` stays a list of ints).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Bytes<T>(pub T);

/// A `dict` from any iterable of pairs (a newtype, so that `Vec<(K, V)>` stays a list of
/// tuples).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Dict<T>(pub T);

/// Raise `TypeError: can't convert <type> to <what>`.
pub(crate) fn cant_convert(cx: &mut Cx, v: Value, what: &str) -> crate::vm::Raised {
    let tn = ops::alloc_free_name(cx.type_name(v));
    cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("can't convert {tn} to {what}"),
    )
}

/// The builtin value behind an instance of a class deriving from a builtin.
fn unwrap_instance(v: Value) -> Value {
    ops::instance_base(v).unwrap_or(v)
}

/// Root `v`, then run `f` (which may allocate), then drop the root.
fn with_root<T>(cx: &mut Cx, v: Value, f: impl FnOnce(&mut Cx) -> PyResult<T>) -> PyResult<T> {
    let mark = cx.roots_mark();
    cx.root(v)?;
    let r = f(cx);
    cx.roots_truncate(mark);
    r
}

impl IntoPython for Value {
    fn into_python(self, _cx: &mut Cx) -> PyResult<Value> {
        Ok(self)
    }
}

impl FromPython for Value {
    fn from_python(_cx: &mut Cx, v: Value) -> PyResult<Value> {
        Ok(v)
    }
}

impl IntoPython for &Handle {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        cx.handle_value(self)
    }
}

impl IntoPython for Handle {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        cx.handle_value(&self)
    }
}

impl FromPython for Handle {
    fn from_python(cx: &mut Cx, v: Value) -> PyResult<Handle> {
        cx.handle(v)
    }
}

fn to_i128(cx: &mut Cx, v: Value) -> PyResult<i128> {
    let v = unwrap_instance(v);
    if let Some(b) = v.as_bool() {
        return Ok(b as i128);
    }
    if !int::is_int(v) {
        return Err(cant_convert(cx, v, "int"));
    }
    match int::to_i128(v) {
        Some(i) => Ok(i),
        None => Err(overflow(cx)),
    }
}

fn overflow(cx: &mut Cx) -> crate::vm::Raised {
    cx.raise_msg(
        &OVERFLOW_ERROR_TYPE,
        "overflow converting long int to machine word",
    )
}

macro_rules! ints {
    ($($t:ty),*) => {$(
        impl IntoPython for $t {
            fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
                match i128::try_from(self) {
                    Ok(i) => int::from_i128(cx, i),
                    Err(_) => Err(overflow(cx)),
                }
            }
        }
        impl FromPython for $t {
            fn from_python(cx: &mut Cx, v: Value) -> PyResult<$t> {
                let i = to_i128(cx, v)?;
                <$t>::try_from(i).map_err(|_| overflow(cx))
            }
        }
    )*};
}

ints!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl IntoPython for f64 {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        float::new(cx, self)
    }
}

impl FromPython for f64 {
    fn from_python(cx: &mut Cx, v: Value) -> PyResult<f64> {
        let v = unwrap_instance(v);
        if let Some(f) = float::value_of(v) {
            return Ok(f);
        }
        if let Some(b) = v.as_bool() {
            return Ok(b as u8 as f64);
        }
        if int::is_int(v) {
            return match int::to_i128(v) {
                Some(i) => Ok(i as f64),
                None => Err(overflow(cx)),
            };
        }
        Err(cant_convert(cx, v, "float"))
    }
}

impl IntoPython for f32 {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        float::new(cx, self as f64)
    }
}

impl FromPython for f32 {
    fn from_python(cx: &mut Cx, v: Value) -> PyResult<f32> {
        f64::from_python(cx, v).map(|f| f as f32)
    }
}

impl IntoPython for bool {
    fn into_python(self, _cx: &mut Cx) -> PyResult<Value> {
        Ok(Value::bool(self))
    }
}

impl FromPython for bool {
    fn from_python(cx: &mut Cx, v: Value) -> PyResult<bool> {
        ops::truthy(cx, v)
    }
}

impl IntoPython for () {
    fn into_python(self, _cx: &mut Cx) -> PyResult<Value> {
        Ok(Value::NONE)
    }
}

impl FromPython for () {
    fn from_python(_cx: &mut Cx, _v: Value) -> PyResult<()> {
        Ok(())
    }
}

impl<T: IntoPython> IntoPython for Option<T> {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        match self {
            Some(t) => t.into_python(cx),
            None => Ok(Value::NONE),
        }
    }
}

impl<T: FromPython> FromPython for Option<T> {
    fn from_python(cx: &mut Cx, v: Value) -> PyResult<Option<T>> {
        if v.is_none() {
            Ok(None)
        } else {
            T::from_python(cx, v).map(Some)
        }
    }

    fn missing() -> Option<Option<T>> {
        Some(None)
    }
}

impl IntoPython for &str {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        pystr::new_from(cx, self)
    }
}

impl IntoPython for String {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        pystr::new_from(cx, &self)
    }
}

impl IntoPython for &String {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        pystr::new_from(cx, self)
    }
}

impl FromPython for String {
    fn from_python(cx: &mut Cx, v: Value) -> PyResult<String> {
        match pystr::str_of(unwrap_instance(v)) {
            Some(s) if obj::kind_of(unwrap_instance(v)) == Kind::Str => Ok(String::from(s)),
            _ => Err(cant_convert(cx, v, "str")),
        }
    }
}

impl IntoPython for Bytes<&[u8]> {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        pystr::new_bytes(cx, self.0)
    }
}

impl IntoPython for Bytes<Vec<u8>> {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        pystr::new_bytes(cx, &self.0)
    }
}

impl FromPython for Bytes<Vec<u8>> {
    fn from_python(cx: &mut Cx, v: Value) -> PyResult<Bytes<Vec<u8>>> {
        let u = unwrap_instance(v);
        match obj::kind_of(u) {
            Kind::Bytes => Ok(Bytes(pystr::bytes_of(u).unwrap_or(&[]).to_vec())),
            Kind::ByteArray => {
                let b = obj::get::<crate::obj::bytes::ByteArrayObj>(cx, u);
                Ok(Bytes(b.map(|b| b.as_bytes().to_vec()).unwrap_or_default()))
            }
            _ => Err(cant_convert(cx, v, "bytes")),
        }
    }
}

/// A new list from converted items.
fn list_from<I: IntoPython>(cx: &mut Cx, items: impl Iterator<Item = I>) -> PyResult<Value> {
    let l = list::with_capacity(cx, 0)?;
    with_root(cx, l, |cx| {
        for x in items {
            let v = x.into_python(cx)?;
            with_root(cx, v, |cx| list::append(cx, l, v))?;
        }
        Ok(l)
    })
}

impl<T: IntoPython> IntoPython for Vec<T> {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        list_from(cx, self.into_iter())
    }
}

impl<T: IntoPython + Clone> IntoPython for &[T] {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        list_from(cx, self.iter().cloned())
    }
}

impl<T: IntoPython, const N: usize> IntoPython for [T; N] {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        list_from(cx, self.into_iter())
    }
}

/// Item `i` of a list or tuple (read afresh each time: converting an item may run Python).
fn seq_item(v: Value, i: usize) -> Option<Value> {
    list::items_of(v)
        .or_else(|| tuple::items_of(v))
        .and_then(|s| s.get(i).copied())
}

fn seq_len(v: Value) -> Option<usize> {
    list::items_of(v)
        .or_else(|| tuple::items_of(v))
        .map(|s| s.len())
}

impl<T: FromPython> FromPython for Vec<T> {
    fn from_python(cx: &mut Cx, v: Value) -> PyResult<Vec<T>> {
        let u = unwrap_instance(v);
        if seq_len(u).is_none() {
            return Err(cant_convert(cx, v, "list"));
        }
        with_root(cx, u, |cx| {
            let mut out = Vec::new();
            let mut i = 0;
            while let Some(x) = seq_item(u, i) {
                out.push(T::from_python(cx, x)?);
                i += 1;
            }
            Ok(out)
        })
    }
}

impl<I, K, V> IntoPython for Dict<I>
where
    I: IntoIterator<Item = (K, V)>,
    K: IntoPython,
    V: IntoPython,
{
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        let d = crate::obj::dict::new(cx)?;
        with_root(cx, d, |cx| {
            for (k, v) in self.0 {
                let k = k.into_python(cx)?;
                with_root(cx, k, |cx| {
                    let v = v.into_python(cx)?;
                    with_root(cx, v, |cx| crate::obj::dict::set(cx, d, k, v))
                })?;
            }
            Ok(d)
        })
    }
}

impl<K: IntoPython, V: IntoPython> IntoPython for BTreeMap<K, V> {
    fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
        Dict(self).into_python(cx)
    }
}

/// Convert every `(key, value)` of a dict.
fn dict_items<K: FromPython, V: FromPython>(
    cx: &mut Cx,
    v: Value,
    mut sink: impl FnMut(K, V),
) -> PyResult<()> {
    let u = unwrap_instance(v);
    if obj::kind_of(u) != Kind::Dict {
        return Err(cant_convert(cx, v, "dict"));
    }
    with_root(cx, u, |cx| {
        let mut i = 0;
        while let Some((next, k, x)) = crate::obj::table::next_entry(u, i) {
            let mark = cx.roots_mark();
            cx.root(x)?;
            let kk = K::from_python(cx, k);
            let r = kk.and_then(|kk| V::from_python(cx, x).map(|xx| (kk, xx)));
            cx.roots_truncate(mark);
            let (kk, xx) = r?;
            sink(kk, xx);
            i = next;
        }
        Ok(())
    })
}

impl<K: FromPython, V: FromPython> FromPython for Dict<Vec<(K, V)>> {
    fn from_python(cx: &mut Cx, v: Value) -> PyResult<Self> {
        let mut out = Vec::new();
        dict_items(cx, v, |k, x| out.push((k, x)))?;
        Ok(Dict(out))
    }
}

impl<K: FromPython + Ord, V: FromPython> FromPython for BTreeMap<K, V> {
    fn from_python(cx: &mut Cx, v: Value) -> PyResult<Self> {
        let mut out = BTreeMap::new();
        dict_items(cx, v, |k, x| {
            out.insert(k, x);
        })?;
        Ok(out)
    }
}

impl IntoArgs for () {
    fn into_args(self, _cx: &mut Cx) -> PyResult<Value> {
        Ok(tuple::empty())
    }
}

macro_rules! tuples {
    ($n:literal; $($t:ident $i:tt),*) => {
        impl<$($t: IntoPython),*> IntoPython for ($($t,)*) {
            fn into_python(self, cx: &mut Cx) -> PyResult<Value> {
                let mark = cx.roots_mark();
                let r = (|| {
                    let items = [$({
                        let v = self.$i.into_python(cx)?;
                        cx.root(v)?;
                        v
                    }),*];
                    tuple::new(cx, &items)
                })();
                cx.roots_truncate(mark);
                r
            }
        }
        impl<$($t: IntoPython),*> IntoArgs for ($($t,)*) {
            fn into_args(self, cx: &mut Cx) -> PyResult<Value> {
                self.into_python(cx)
            }
        }
        impl<$($t: FromPython),*> FromPython for ($($t,)*) {
            fn from_python(cx: &mut Cx, v: Value) -> PyResult<Self> {
                let u = unwrap_instance(v);
                match seq_len(u) {
                    Some($n) => {}
                    Some(_) => {
                        return Err(cx.raise_fmt(
                            &VALUE_ERROR_TYPE,
                            format_args!("requested length {} but object has length {}", $n, seq_len(u).unwrap_or(0)),
                        ))
                    }
                    None => return Err(cant_convert(cx, v, "tuple")),
                }
                with_root(cx, u, |cx| {
                    Ok(($({
                        let Some(x) = seq_item(u, $i) else {
                            return Err(cx.value_error("sequence changed size"));
                        };
                        $t::from_python(cx, x)?
                    },)*))
                })
            }
        }
    };
}

tuples!(1; A 0);
tuples!(2; A 0, B 1);
tuples!(3; A 0, B 1, C 2);
tuples!(4; A 0, B 1, C 2, D 3);
tuples!(5; A 0, B 1, C 2, D 3, E 4);
tuples!(6; A 0, B 1, C 2, D 3, E 4, F 5);
tuples!(7; A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuples!(8; A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
