//! `array.array(typecode[, initializer])` with the typecodes `bBhHiIlLqQfd` (native sizes).
//!
//! An array instance holds a memoryview (its format is the typecode) over a bytearray it
//! owns, so the buffer protocol (`bytes(a)`, `struct.pack_into`, `memoryview(a)`) sees its
//! bytes. Items are read and written with `struct`'s codec. Values out of range raise
//! `OverflowError` (CPython); MicroPython's messages otherwise (`bad typecode`,
//! `array index out of range`).

use super::native::{self, ClassDef, Member};
use super::struct_::{self, EncodeError};
use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::bytes::{self, ByteArrayObj, MemoryViewObj};
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, list, str as pystr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

const TYPECODES: &[u8] = b"bBhHiIlLqQfd";

const LITTLE: bool = cfg!(target_endian = "little");

/// An array's parts: its memoryview, bytearray, typecode and item size.
#[derive(Clone, Copy)]
struct Arr {
    mv: Value,
    data: Value,
    code: u8,
    size: usize,
}

fn arr(cx: &mut Cx, v: Value) -> PyResult<Arr> {
    let mv = native::state_of(cx, v, Kind::MemoryView, "array")?;
    // SAFETY: kind-checked memoryview.
    let (data, code) = unsafe {
        let m = &*(mv.raw() as *const MemoryViewObj);
        (m.obj, m.format)
    };
    if obj::kind_of(data) != Kind::ByteArray || !TYPECODES.contains(&code) {
        return Err(cx.type_error("'array' object required"));
    }
    let size = struct_::item_size(code, true).unwrap_or(1);
    Ok(Arr {
        mv,
        data,
        code,
        size,
    })
}

fn nbytes(a: &Arr) -> usize {
    // SAFETY: arr() checked the kind.
    unsafe { (*(a.data.raw() as *const ByteArrayObj)).len }
}

fn len(a: &Arr) -> usize {
    nbytes(a) / a.size
}

/// Keep the memoryview's item count in step with the bytearray.
fn sync(a: &Arr) {
    let n = len(a);
    // SAFETY: arr() checked the kind; the memoryview is owned by the array.
    unsafe { (*(a.mv.raw() as *mut MemoryViewObj)).len = n };
}

fn data_bytes<'a>(a: &Arr) -> &'a mut [u8] {
    // SAFETY: arr() checked the kind; callers use the slice before anything allocates.
    unsafe { (*(a.data.raw() as *mut ByteArrayObj)).as_bytes_mut() }
}

fn item(cx: &mut Cx, a: &Arr, i: usize) -> PyResult<Value> {
    let mut tmp = [0u8; 8];
    match data_bytes(a).get(i * a.size..(i + 1) * a.size) {
        Some(s) => tmp[..a.size].copy_from_slice(s),
        None => return Err(cx.index_error("array index out of range")),
    }
    struct_::decode(cx, a.code, &tmp[..a.size], LITTLE)
}

fn encode(cx: &mut Cx, code: u8, v: Value) -> PyResult<[u8; 8]> {
    let size = struct_::item_size(code, true).unwrap_or(1);
    let mut tmp = [0u8; 8];
    match struct_::encode(cx, code, size, LITTLE, true, v, &mut tmp) {
        Ok(()) => Ok(tmp),
        Err(EncodeError::Raised(r)) => Err(r),
        Err(EncodeError::Range(_)) => Err(cx.overflow_error("array item out of range")),
    }
}

fn push(cx: &mut Cx, a: &Arr, v: Value) -> PyResult<()> {
    let tmp = encode(cx, a.code, v)?;
    let n = nbytes(a);
    bytes::resize(cx, a.data, n + a.size)?;
    if let Some(d) = data_bytes(a).get_mut(n..n + a.size) {
        d.copy_from_slice(&tmp[..a.size]);
    }
    sync(a);
    Ok(())
}

fn append_bytes(cx: &mut Cx, a: &Arr, src: Value) -> PyResult<()> {
    let add = native::readable(cx, src)?.len();
    if add % a.size != 0 {
        return Err(cx.value_error("bytes length not a multiple of item size"));
    }
    let n = nbytes(a);
    bytes::resize(cx, a.data, n + add)?;
    let s = native::readable(cx, src)?;
    let (p, k) = (s.as_ptr(), s.len().min(add));
    // SAFETY: the source is a live, rooted buffer; copy is used because it may be this very
    // array's storage (which resize may have moved: it is read again above).
    unsafe {
        let d = data_bytes(a);
        if let Some(dst) = d.get_mut(n..n + k) {
            core::ptr::copy(p, dst.as_mut_ptr(), k);
        }
    }
    sync(a);
    Ok(())
}

/// A new array of class `cls` with typecode `code` holding `raw` bytes.
fn new_array(cx: &mut Cx, cls: Value, code: u8, raw: &[u8]) -> PyResult<Value> {
    let data = bytes::new_bytearray(cx, raw)?;
    let mark = cx.roots_mark();
    cx.root(data)?;
    let size = struct_::item_size(code, true).unwrap_or(1);
    let r = bytes::new_memoryview(cx, data, 0, raw.len() / size, false, code).and_then(|mv| {
        cx.root(mv)?;
        native::new_instance(cx, cls, mv)
    });
    cx.roots_truncate(mark);
    r
}

fn is_array(v: Value) -> bool {
    ops::instance_base(v).is_some_and(|b| obj::kind_of(b) == Kind::MemoryView)
        && ops::is_user_object(v)
}

fn extend_from(cx: &mut Cx, a: &Arr, src: Value) -> PyResult<()> {
    if is_array(src) {
        if let Ok(b) = arr(cx, src) {
            if b.code != a.code {
                return Err(cx.type_error("can only extend with array of same kind"));
            }
            return append_bytes(cx, a, src);
        }
    }
    let it = ops::get_iter(cx, src)?;
    let mark = cx.roots_mark();
    cx.root(it)?;
    let r = (|| {
        while let Some(v) = ops::iter_next(cx, it)? {
            push(cx, a, v)?;
        }
        Ok(())
    })();
    cx.roots_truncate(mark);
    r
}

fn array_new(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let cls = a[0];
    let code = match pystr::bytes_of(a[1]) {
        Some(&[c]) if obj::kind_of(a[1]) == Kind::Str && TYPECODES.contains(&c) => c,
        Some(_) if obj::kind_of(a[1]) == Kind::Str => return Err(cx.value_error("bad typecode")),
        _ => return Err(cx.type_error("array() argument 1 must be a unicode character, not int")),
    };
    let v = new_array(cx, cls, code, &[])?;
    let Some(&init) = a.get(2) else { return Ok(v) };
    let mark = cx.roots_mark();
    cx.root(v)?;
    let r = (|| {
        let ar = arr(cx, v)?;
        match obj::kind_of(init) {
            Kind::Bytes | Kind::ByteArray | Kind::MemoryView if init.is_ptr() => {
                append_bytes(cx, &ar, init)
            }
            Kind::Str if init.is_ptr() => Err(cx.type_error(
                "cannot use a str to initialize an array with typecode other than 'u'",
            )),
            _ => extend_from(cx, &ar, init),
        }
    })();
    cx.roots_truncate(mark);
    r.map(|_| v)
}

fn method_append(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    push(cx, &ar, a[1])?;
    Ok(Value::NONE)
}

fn method_extend(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    extend_from(cx, &ar, a[1])?;
    Ok(Value::NONE)
}

fn method_frombytes(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    append_bytes(cx, &ar, a[1])?;
    Ok(Value::NONE)
}

fn method_tobytes(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    let b = data_bytes(&ar);
    pystr::new_bytes(cx, b)
}

fn method_tolist(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    let l = list::with_capacity(cx, len(&ar))?;
    let mark = cx.roots_mark();
    cx.root(l)?;
    let r = (|| {
        let mut i = 0;
        while i < len(&ar) {
            let v = item(cx, &ar, i)?;
            list::append(cx, l, v)?;
            i += 1;
        }
        Ok(l)
    })();
    cx.roots_truncate(mark);
    r
}

fn remove_item(cx: &mut Cx, ar: &Arr, j: usize) -> PyResult<()> {
    let n = nbytes(ar);
    let d = data_bytes(ar);
    if (j + 1) * ar.size <= n {
        d.copy_within((j + 1) * ar.size..n, j * ar.size);
        bytes::resize(cx, ar.data, n - ar.size)?;
    }
    sync(ar);
    Ok(())
}

fn method_pop(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    let n = len(&ar);
    let idx = match a.get(1) {
        Some(&i) => crate::vm::seq::index_value(cx, i, "array")?,
        None => -1,
    };
    if n == 0 {
        return Err(cx.index_error("pop from empty array"));
    }
    let Some(j) = crate::vm::seq::norm_index(idx, n) else {
        return Err(cx.index_error("array index out of range"));
    };
    let v = item(cx, &ar, j)?;
    let mark = cx.roots_mark();
    cx.root(v)?;
    let r = remove_item(cx, &ar, j);
    cx.roots_truncate(mark);
    r.map(|_| v)
}

fn method_insert(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    let idx = crate::vm::seq::index_value(cx, a[1], "array")?;
    let tmp = encode(cx, ar.code, a[2])?;
    let n = len(&ar);
    let j = if idx < 0 {
        (idx + n as isize).max(0) as usize
    } else {
        (idx as usize).min(n)
    };
    let nb = nbytes(&ar);
    bytes::resize(cx, ar.data, nb + ar.size)?;
    let d = data_bytes(&ar);
    d.copy_within(j * ar.size..nb, (j + 1) * ar.size);
    d[j * ar.size..(j + 1) * ar.size].copy_from_slice(&tmp[..ar.size]);
    sync(&ar);
    Ok(Value::NONE)
}

/// The index of the first item equal to `x`, if any.
fn find(cx: &mut Cx, ar: &Arr, x: Value) -> PyResult<Option<usize>> {
    let mut i = 0;
    while i < len(ar) {
        let v = item(cx, ar, i)?;
        if ops::eq(cx, v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn method_index(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    match find(cx, &ar, a[1])? {
        Some(i) => Ok(Value::small_int_unchecked(i as isize)),
        None => Err(cx.value_error("array.index(x): x not in array")),
    }
}

fn method_remove(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    match find(cx, &ar, a[1])? {
        Some(i) => {
            remove_item(cx, &ar, i)?;
            Ok(Value::NONE)
        }
        None => Err(cx.value_error("array.remove(x): x not in array")),
    }
}

fn method_count(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    let (mut i, mut n) = (0, 0);
    while i < len(&ar) {
        let v = item(cx, &ar, i)?;
        if ops::eq(cx, v, a[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::small_int_unchecked(n))
}

fn method_reverse(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    let d = data_bytes(&ar);
    let n = d.len() / ar.size;
    for i in 0..n / 2 {
        let (lo, hi) = (i * ar.size, (n - 1 - i) * ar.size);
        for k in 0..ar.size {
            d.swap(lo + k, hi + k);
        }
    }
    Ok(Value::NONE)
}

fn method_byteswap(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    for ch in data_bytes(&ar).chunks_exact_mut(ar.size) {
        ch.reverse();
    }
    Ok(Value::NONE)
}

fn typecode(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    pystr::new_str(cx, &[ar.code])
}

fn itemsize(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    Ok(Value::small_int_unchecked(ar.size as isize))
}

fn dunder_len(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    Ok(Value::small_int_unchecked(len(&ar) as isize))
}

fn dunder_getitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    let i = a[1];
    if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let (start, _, step, n) = crate::vm::seq::slice_indices(cx, i, len(&ar))?;
        let mut out = StrBuilder::new(cx);
        let d = data_bytes(&ar);
        for k in 0..n {
            let j = (start + k as isize * step) as usize;
            if let Some(s) = d.get(j * ar.size..(j + 1) * ar.size) {
                out.push(s);
            }
        }
        if out.failed {
            return Err(cx.raise_memory_error(n * ar.size));
        }
        let cls = Value::from_ptr(obj::type_of(a[0]));
        return new_array(cx, cls, ar.code, out.as_bytes());
    }
    let idx = crate::vm::seq::index_value(cx, i, "array")?;
    match crate::vm::seq::norm_index(idx, len(&ar)) {
        Some(j) => item(cx, &ar, j),
        None => Err(cx.index_error("array index out of range")),
    }
}

fn dunder_setitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    let i = a[1];
    if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let src = match is_array(a[2]).then(|| arr(cx, a[2])) {
            Some(Ok(b)) if b.code == ar.code => b,
            _ => return Err(cx.type_error("can only assign array (not \"list\") to array slice")),
        };
        let (start, stop, step, n) = crate::vm::seq::slice_indices(cx, i, len(&ar))?;
        let m = len(&src);
        let newb = pystr::new_bytes(cx, data_bytes(&src))?;
        let mark = cx.roots_mark();
        cx.root(newb)?;
        let sb = pystr::bytes_of(newb).unwrap_or(&[]);
        let r = if step == 1 {
            let (s, e) = (start as usize, (stop.max(start)) as usize);
            let old = nbytes(&ar);
            let new_len = old - (e - s) * ar.size + m * ar.size;
            let r = if new_len > old {
                bytes::resize(cx, ar.data, new_len)
            } else {
                Ok(())
            };
            r.map(|_| {
                let d = data_bytes(&ar);
                d.copy_within(e * ar.size..old, s * ar.size + m * ar.size);
                d[s * ar.size..(s + m) * ar.size].copy_from_slice(sb);
                if new_len < old {
                    // SAFETY: shrinking a live bytearray.
                    unsafe { (*(ar.data.raw() as *mut ByteArrayObj)).len = new_len };
                }
                sync(&ar);
            })
        } else if m != n {
            Err(cx.value_error("attempt to assign array of wrong size to extended slice"))
        } else {
            let d = data_bytes(&ar);
            for k in 0..n {
                let j = (start + k as isize * step) as usize;
                d[j * ar.size..(j + 1) * ar.size]
                    .copy_from_slice(&sb[k * ar.size..(k + 1) * ar.size]);
            }
            Ok(())
        };
        cx.roots_truncate(mark);
        r?;
        return Ok(Value::NONE);
    }
    let idx = crate::vm::seq::index_value(cx, i, "array")?;
    let tmp = encode(cx, ar.code, a[2])?;
    match crate::vm::seq::norm_index(idx, len(&ar)) {
        Some(j) => {
            if let Some(d) = data_bytes(&ar).get_mut(j * ar.size..(j + 1) * ar.size) {
                d.copy_from_slice(&tmp[..ar.size]);
            }
            Ok(Value::NONE)
        }
        None => Err(cx.index_error("array index out of range")),
    }
}

fn dunder_iter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    // Iterate over a list snapshot of the items.
    let l = method_tolist(cx, a, &[])?;
    let mark = cx.roots_mark();
    cx.root(l)?;
    let r = ops::get_iter(cx, l);
    cx.roots_truncate(mark);
    r
}

fn dunder_contains(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    Ok(Value::bool(find(cx, &ar, a[1])?.is_some()))
}

fn dunder_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    let mut b = StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(&mut b, format_args!("array('{}'", ar.code as char));
    if len(&ar) > 0 {
        b.push(b", [");
        let mut i = 0;
        while i < len(&ar) {
            if i > 0 {
                b.push(b", ");
            }
            let v = item(cx, &ar, i)?;
            crate::obj::methods::repr::write_repr(cx, &mut b, v, 1)?;
            i += 1;
        }
        b.push_byte(b']');
    }
    b.push_byte(b')');
    b.finish(cx)
}

fn dunder_eq(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    if !is_array(a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let br = arr(cx, a[1])?;
    if len(&ar) != len(&br) {
        return Ok(Value::FALSE);
    }
    if ar.code == br.code && !matches!(ar.code, b'f' | b'd') {
        return Ok(Value::bool(data_bytes(&ar) == data_bytes(&br)));
    }
    let mut i = 0;
    while i < len(&ar).min(len(&br)) {
        let x = item(cx, &ar, i)?;
        let mark = cx.roots_mark();
        cx.root(x)?;
        let y = item(cx, &br, i);
        let r = y.and_then(|y| ops::eq(cx, x, y));
        cx.roots_truncate(mark);
        if !r? {
            return Ok(Value::FALSE);
        }
        i += 1;
    }
    Ok(Value::TRUE)
}

fn dunder_add(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    if !is_array(a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let br = arr(cx, a[1])?;
    if br.code != ar.code {
        return Err(cx.type_error("bad argument type for built-in operation"));
    }
    let cls = Value::from_ptr(obj::type_of(a[0]));
    let v = new_array(cx, cls, ar.code, data_bytes(&ar))?;
    let mark = cx.roots_mark();
    cx.root(v)?;
    let r = arr(cx, v).and_then(|vr| append_bytes(cx, &vr, a[1]));
    cx.roots_truncate(mark);
    r.map(|_| v)
}

fn dunder_iadd(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ar = arr(cx, a[0])?;
    if !is_array(a[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    extend_from(cx, &ar, a[1])?;
    Ok(a[0])
}

native_fn!(ARRAY_NEW, q::__new__, 2, 3, false, array_new);
native_fn!(APPEND, q::append, 2, 2, false, method_append);
native_fn!(EXTEND, q::extend, 2, 2, false, method_extend);
native_fn!(FROMBYTES, q::frombytes, 2, 2, false, method_frombytes);
native_fn!(TOBYTES, q::tobytes, 1, 1, false, method_tobytes);
native_fn!(TOLIST, q::tolist, 1, 1, false, method_tolist);
native_fn!(POP, q::pop, 1, 2, false, method_pop);
native_fn!(INSERT, q::insert, 3, 3, false, method_insert);
native_fn!(INDEX, q::index, 2, 2, false, method_index);
native_fn!(REMOVE, q::remove, 2, 2, false, method_remove);
native_fn!(COUNT, q::count, 2, 2, false, method_count);
native_fn!(REVERSE, q::reverse, 1, 1, false, method_reverse);
native_fn!(BYTESWAP, q::byteswap, 1, 1, false, method_byteswap);
native_fn!(TYPECODE, q::typecode, 1, 1, false, typecode);
native_fn!(ITEMSIZE, q::itemsize, 1, 1, false, itemsize);
native_fn!(LEN, q::__len__, 1, 1, false, dunder_len);
native_fn!(GETITEM, q::__getitem__, 2, 2, false, dunder_getitem);
native_fn!(SETITEM, q::__setitem__, 3, 3, false, dunder_setitem);
native_fn!(ITER, q::__iter__, 1, 1, false, dunder_iter);
native_fn!(CONTAINS, q::__contains__, 2, 2, false, dunder_contains);
native_fn!(REPR, q::__repr__, 1, 1, false, dunder_repr);
native_fn!(EQ, q::__eq__, 2, 2, false, dunder_eq);
native_fn!(ADD, q::__add__, 2, 2, false, dunder_add);
native_fn!(IADD, q::__iadd__, 2, 2, false, dunder_iadd);

static ARRAY_CLASS: ClassDef = ClassDef {
    name: &q::array,
    base: &OBJECT_TYPE,
    members: &[
        (&q::__new__, Member::Method(&ARRAY_NEW)),
        (&q::append, Member::Method(&APPEND)),
        (&q::extend, Member::Method(&EXTEND)),
        (&q::frombytes, Member::Method(&FROMBYTES)),
        (&q::tobytes, Member::Method(&TOBYTES)),
        (&q::tolist, Member::Method(&TOLIST)),
        (&q::pop, Member::Method(&POP)),
        (&q::insert, Member::Method(&INSERT)),
        (&q::index, Member::Method(&INDEX)),
        (&q::remove, Member::Method(&REMOVE)),
        (&q::count, Member::Method(&COUNT)),
        (&q::reverse, Member::Method(&REVERSE)),
        (&q::byteswap, Member::Method(&BYTESWAP)),
        (&q::typecode, Member::Getter(&TYPECODE)),
        (&q::itemsize, Member::Getter(&ITEMSIZE)),
        (&q::__len__, Member::Method(&LEN)),
        (&q::__getitem__, Member::Method(&GETITEM)),
        (&q::__setitem__, Member::Method(&SETITEM)),
        (&q::__iter__, Member::Method(&ITER)),
        (&q::__contains__, Member::Method(&CONTAINS)),
        (&q::__repr__, Member::Method(&REPR)),
        (&q::__eq__, Member::Method(&EQ)),
        (&q::__add__, Member::Method(&ADD)),
        (&q::__iadd__, Member::Method(&IADD)),
    ],
};

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    native::install(cx, m, &[&ARRAY_CLASS], &[])
}

/// The `array` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::array,
    items: &[] as &[(&crate::obj::str::StrObj, Item)],
    init: Some(init),
};
