//! `bytearray` and `memoryview`: mutation, slice assignment, the operators between bytes-like
//! objects, memoryview formats and casts, and the buffer protocol natives use
//! (`buffer_bytes`). bytearray's str-like methods are shared with bytes (`str.rs`).

use super::codec;
use super::str::{self as strm, bytes_like_attrs};
use crate::bytecode::opcode::BinaryOp;
use crate::native_fn;
use crate::obj::bytes::{format_itemsize, new_memoryview, resize, ByteArrayObj, MemoryViewObj};
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, float, int, list, str as pystr, Attr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// The bytes of a bytes-like value (bytes, bytearray, memoryview); TypeError otherwise.
/// Crate-internal lifetime rule: do not hold across anything that allocates or runs Python.
pub fn buffer_bytes<'a>(cx: &mut Cx, v: Value) -> PyResult<&'a [u8]> {
    match obj::kind_of(v) {
        Kind::Bytes if v.is_ptr() => Ok(pystr::bytes_of(v).unwrap_or(&[])),
        Kind::ByteArray if v.is_ptr() => {
            // SAFETY: kind-checked bytearray; see the lifetime rule above.
            Ok(unsafe { (*(v.raw() as *const ByteArrayObj)).as_bytes() })
        }
        Kind::MemoryView if v.is_ptr() => {
            let (base, lo, hi) = mv_window(cx, v)?;
            let b = buffer_bytes(cx, base)?;
            let hi = hi.min(b.len());
            Ok(&b[lo.min(hi)..hi])
        }
        _ => {
            if let Some(b) = ops::instance_base(v) {
                return buffer_bytes(cx, b);
            }
            let tn = ops::alloc_free_name(cx.type_name(v));
            Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("object with buffer protocol required, not {tn}"),
            ))
        }
    }
}

/// A memoryview's fields.
#[derive(Clone, Copy)]
struct View {
    base: Value,
    start: usize,
    len: usize,
    readonly: bool,
    format: u8,
    itemsize: usize,
}

/// The fields of memoryview `o` (ValueError once released).
fn view_of(cx: &mut Cx, o: Value) -> PyResult<View> {
    // SAFETY: callers pass memoryviews.
    let m = unsafe { &*(o.raw() as *const MemoryViewObj) };
    if m.released {
        return Err(cx.value_error("operation forbidden on released memoryview object"));
    }
    let format = if m.format == 0 { b'B' } else { m.format };
    Ok(View {
        base: m.obj,
        start: m.start,
        len: m.len,
        readonly: m.readonly,
        format,
        itemsize: format_itemsize(format).unwrap_or(1),
    })
}

/// The underlying object and byte range of a memoryview.
fn mv_window(cx: &mut Cx, o: Value) -> PyResult<(Value, usize, usize)> {
    let v = view_of(cx, o)?;
    Ok((v.base, v.start, v.start + v.len * v.itemsize))
}

fn byte_value(cx: &mut Cx, v: Value) -> PyResult<u8> {
    let i = crate::vm::seq::int_arg(cx, v)?;
    if !(0..=255).contains(&i) {
        return Err(cx.value_error("bytes value out of range"));
    }
    Ok(i as u8)
}

/// A copy of the bytes to store from `v` (a buffer or an iterable of ints), as a new bytes.
fn source_bytes(cx: &mut Cx, v: Value) -> PyResult<Value> {
    if matches!(
        obj::kind_of(v),
        Kind::Bytes | Kind::ByteArray | Kind::MemoryView
    ) && v.is_ptr()
    {
        let b = buffer_bytes(cx, v)?;
        return pystr::new_bytes(cx, b);
    }
    if crate::vm::num::is_intlike(v) || obj::kind_of(v) == Kind::Str {
        return Err(
            cx.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        );
    }
    crate::builtins::ctors::bytes_from(cx, v)
}

fn ba_len(o: Value) -> usize {
    // SAFETY: callers pass bytearrays.
    unsafe { (*(o.raw() as *const ByteArrayObj)).len }
}

fn ba_bytes_mut<'a>(o: Value) -> &'a mut [u8] {
    // SAFETY: callers pass bytearrays and use the slice before anything can allocate.
    unsafe { (*(o.raw() as *mut ByteArrayObj)).as_bytes_mut() }
}

/// Replace bytes `start..stop` of bytearray `o` with `new` (which must not live in `o`).
fn splice(cx: &mut Cx, o: Value, start: usize, stop: usize, new: Value) -> PyResult<()> {
    // The bounds were computed earlier: Python code (`__index__`, a generator) may have
    // shrunk the bytearray since.
    let old_len = ba_len(o);
    let start = start.min(old_len);
    let stop = stop.clamp(start, old_len);
    let n = pystr::bytes_of(new).map_or(0, |b| b.len());
    let new_len = old_len - (stop - start) + n;
    if new_len > old_len {
        resize(cx, o, new_len)?;
    }
    let nd = pystr::bytes_of(new).unwrap_or(&[]);
    // SAFETY: o is a live bytearray with room for max(old_len, new_len) bytes; the ranges
    // below lie within it, and nd lives in another object.
    unsafe {
        let d = (*(o.raw() as *mut ByteArrayObj)).data;
        core::ptr::copy(d.add(stop), d.add(start + n), old_len - stop);
        core::ptr::copy_nonoverlapping(nd.as_ptr(), d.add(start), n);
        (*(o.raw() as *mut ByteArrayObj)).len = new_len;
    }
    Ok(())
}

/// `b[i] = v` for a bytearray.
pub fn bytearray_setitem(cx: &mut Cx, o: Value, i: Value, v: Value) -> PyResult<()> {
    if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let src = source_bytes(cx, v)?;
        let mark = cx.roots_mark();
        cx.root(src)?;
        let (start, stop, step, count) = crate::vm::seq::slice_indices(cx, i, ba_len(o))?;
        let r = if step == 1 {
            splice(cx, o, start as usize, stop.max(start) as usize, src)
        } else {
            let nd = pystr::bytes_of(src).unwrap_or(&[]);
            if nd.len() != count {
                let (n, c) = (nd.len(), count);
                Err(cx.raise_fmt(
                    &VALUE_ERROR_TYPE,
                    format_args!(
                        "attempt to assign bytes of size {n} to extended slice of size {c}"
                    ),
                ))
            } else {
                let dst = ba_bytes_mut(o);
                for (k, &b) in nd.iter().enumerate() {
                    if let Some(d) = dst.get_mut((start + k as isize * step) as usize) {
                        *d = b;
                    }
                }
                Ok(())
            }
        };
        cx.roots_truncate(mark);
        return r;
    }
    let idx = crate::vm::seq::index_value(cx, i, "bytearray")?;
    let bv = byte_value(cx, v)?;
    let b = ba_bytes_mut(o);
    match crate::vm::seq::norm_index(idx, b.len()) {
        Some(j) => {
            b[j] = bv;
            Ok(())
        }
        None => Err(cx.index_error(crate::flavour::msg::BYTEARRAY_INDEX)),
    }
}

/// `del b[i]` for a bytearray.
pub fn bytearray_delitem(cx: &mut Cx, o: Value, i: Value) -> PyResult<()> {
    let len = ba_len(o);
    if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let (s, e, step, count) = crate::vm::seq::slice_indices(cx, i, len)?;
        if step == 1 {
            let empty = pystr::new_bytes(cx, b"")?;
            return splice(cx, o, s as usize, e.max(s) as usize, empty);
        }
        // Compact, skipping the deleted positions.
        let (lo, step_abs) = if step > 0 {
            (s, step)
        } else {
            (s + (count as isize - 1) * step, -step)
        };
        let b = ba_bytes_mut(o);
        let mut w = 0;
        for r in 0..b.len() {
            let k = r as isize - lo;
            let deleted = count > 0 && k >= 0 && k % step_abs == 0 && k / step_abs < count as isize;
            if !deleted {
                b[w] = b[r];
                w += 1;
            }
        }
        // SAFETY: o is a live bytearray; w <= len.
        unsafe { (*(o.raw() as *mut ByteArrayObj)).len = w };
        return Ok(());
    }
    let idx = crate::vm::seq::index_value(cx, i, "bytearray")?;
    match crate::vm::seq::norm_index(idx, len) {
        Some(j) => {
            let empty = pystr::new_bytes(cx, b"")?;
            splice(cx, o, j, j + 1, empty)
        }
        None => Err(cx.index_error(crate::flavour::msg::BYTEARRAY_INDEX)),
    }
}

/// Read item `b` (itemsize bytes) of format `f`.
fn item_get(cx: &mut Cx, f: u8, b: &[u8]) -> PyResult<Value> {
    let mut w = [0u8; 8];
    w[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
    let u = u64::from_le_bytes(w);
    let n = b.len();
    let signed = |u: u64| -> i64 {
        let shift = 64 - 8 * n as u32;
        ((u << shift) as i64) >> shift
    };
    match f {
        b'c' => pystr::new_bytes(cx, b),
        b'?' => Ok(Value::bool(u != 0)),
        b'f' => float::new(cx, f32::from_le_bytes([w[0], w[1], w[2], w[3]]) as f64),
        b'd' => float::new(cx, f64::from_le_bytes(w)),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => int::from_i64(cx, signed(u)),
        _ => int::from_i128(cx, u as i128),
    }
}

/// Write `v` as one item of format `f` into `out` (itemsize bytes).
fn item_set(cx: &mut Cx, f: u8, v: Value, out: &mut [u8; 8], n: usize) -> PyResult<()> {
    let bad = |cx: &mut Cx| {
        let c = f as char;
        cx.raise_fmt(
            &VALUE_ERROR_TYPE,
            format_args!("memoryview: invalid value for format '{c}'"),
        )
    };
    match f {
        b'c' => {
            let b = buffer_bytes(cx, v)?;
            if b.len() != 1 {
                return Err(bad(cx));
            }
            out[0] = b[0];
        }
        b'f' | b'd' => {
            let Some(x) = crate::vm::num::to_f64(cx, v)? else {
                return Err(cx.type_error("memoryview: invalid type for format"));
            };
            if f == b'f' {
                out[..4].copy_from_slice(&(x as f32).to_le_bytes());
            } else {
                *out = x.to_le_bytes();
            }
        }
        b'?' => out[0] = ops::truthy(cx, v)? as u8,
        _ => {
            if !crate::vm::num::is_intlike(v) {
                return Err(cx.type_error("memoryview: invalid type for format"));
            }
            let Some(x) = int::to_i128(v) else {
                return Err(bad(cx));
            };
            let bits = 8 * n as u32;
            let signed = matches!(f, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let ok = if signed {
                x >= -(1i128 << (bits - 1)) && x < (1i128 << (bits - 1))
            } else {
                x >= 0 && x < (1i128 << bits)
            };
            if !ok {
                return Err(bad(cx));
            }
            *out = (x as u64).to_le_bytes();
        }
    }
    Ok(())
}

/// `m[i]` for a memoryview.
pub fn memoryview_getitem(cx: &mut Cx, o: Value, i: Value) -> PyResult<Value> {
    let v = view_of(cx, o)?;
    if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let (s, e, step, _) = crate::vm::seq::slice_indices(cx, i, v.len)?;
        if step != 1 {
            return Err(cx.raise_msg(
                &NOT_IMPLEMENTED_ERROR_TYPE,
                "only slices with step=1 (aka None) are supported",
            ));
        }
        let n = (e.max(s) - s) as usize;
        return new_memoryview(
            cx,
            v.base,
            v.start + s as usize * v.itemsize,
            n,
            v.readonly,
            v.format,
        );
    }
    let idx = crate::vm::seq::index_value(cx, i, "memoryview")?;
    let Some(j) = crate::vm::seq::norm_index(idx, v.len) else {
        return Err(cx.index_error("memoryview index out of range"));
    };
    let b = buffer_bytes(cx, v.base)?;
    let lo = v.start + j * v.itemsize;
    let Some(item) = b.get(lo..lo + v.itemsize) else {
        return Err(cx.index_error("memoryview index out of range"));
    };
    let mut tmp = [0u8; 8];
    tmp[..item.len()].copy_from_slice(item);
    item_get(cx, v.format, &tmp[..v.itemsize])
}

/// `m[i] = v` for a memoryview.
pub fn memoryview_setitem(cx: &mut Cx, o: Value, i: Value, x: Value) -> PyResult<()> {
    let v = view_of(cx, o)?;
    if v.readonly {
        return Err(cx.type_error("'memoryview' object doesn't support item assignment"));
    }
    if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let (s, e, step, _) = crate::vm::seq::slice_indices(cx, i, v.len)?;
        if step != 1 {
            return Err(cx.raise_msg(
                &NOT_IMPLEMENTED_ERROR_TYPE,
                "only slices with step=1 (aka None) are supported",
            ));
        }
        let src = source_bytes(cx, x)?;
        let n = (e.max(s) - s) as usize * v.itemsize;
        let sb = pystr::bytes_of(src).unwrap_or(&[]);
        if sb.len() != n {
            return Err(cx.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let lo = v.start + s as usize * v.itemsize;
        if let Some(d) = base_bytes_mut(v.base).and_then(|d| d.get_mut(lo..lo + n)) {
            d.copy_from_slice(sb);
        }
        return Ok(());
    }
    let idx = crate::vm::seq::index_value(cx, i, "memoryview")?;
    let Some(j) = crate::vm::seq::norm_index(idx, v.len) else {
        return Err(cx.index_error("memoryview index out of range"));
    };
    let mut tmp = [0u8; 8];
    item_set(cx, v.format, x, &mut tmp, v.itemsize)?;
    let lo = v.start + j * v.itemsize;
    if let Some(d) = base_bytes_mut(v.base).and_then(|d| d.get_mut(lo..lo + v.itemsize)) {
        d.copy_from_slice(&tmp[..v.itemsize]);
    }
    Ok(())
}

/// The writable bytes under a memoryview (a bytearray, or a bytearray subclass instance).
fn base_bytes_mut<'a>(base: Value) -> Option<&'a mut [u8]> {
    let base = ops::instance_base(base).unwrap_or(base);
    if obj::kind_of(base) == Kind::ByteArray && base.is_ptr() {
        Some(ba_bytes_mut(base))
    } else {
        None
    }
}

/// `memoryview(o)`.
pub fn memoryview_new(cx: &mut Cx, o: Value) -> PyResult<Value> {
    if obj::kind_of(o) == Kind::MemoryView && o.is_ptr() {
        let v = view_of(cx, o)?;
        return new_memoryview(cx, v.base, v.start, v.len, v.readonly, v.format);
    }
    let len = buffer_bytes(cx, o)?.len();
    let base = ops::instance_base(o).unwrap_or(o);
    let ro = obj::kind_of(base) != Kind::ByteArray;
    new_memoryview(cx, o, 0, len, ro, b'B')
}

/// `x in b` for bytes-like `b`.
pub fn bytes_contains(cx: &mut Cx, b: Value, x: Value) -> PyResult<bool> {
    if crate::vm::num::is_intlike(x) {
        let i = int::to_i64(x).unwrap_or(-1);
        if !(0..=255).contains(&i) {
            return Err(cx.value_error("byte must be in range(0, 256)"));
        }
        let h = buffer_bytes(cx, b)?;
        return Ok(h.contains(&(i as u8)));
    }
    if !matches!(
        obj::kind_of(x),
        Kind::Bytes | Kind::ByteArray | Kind::MemoryView
    ) {
        let tn = ops::alloc_free_name(cx.type_name(x));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("a bytes-like object is required, not '{tn}'"),
        ));
    }
    let n = buffer_bytes(cx, x)?;
    let (np, nl) = (n.as_ptr(), n.len());
    let h = buffer_bytes(cx, b)?;
    // SAFETY: both buffers are live (held by the caller) and nothing allocated in between.
    let n = unsafe { core::slice::from_raw_parts(np, nl) };
    Ok(strm::find_sub(h, n, 0).is_some())
}

fn is_buffer(v: Value) -> bool {
    matches!(
        obj::kind_of(v),
        Kind::Bytes | Kind::ByteArray | Kind::MemoryView
    ) && v.is_ptr()
}

/// Operators between bytes-like objects that involve a bytearray or memoryview (bytes with
/// bytes is `str.rs`'s): `+`, `*`, `%`, `+=`, `*=` and ordering. `None` when not applicable.
pub fn bytes_binop(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    use BinaryOp::*;
    let (ka, kb) = (obj::kind_of(a), obj::kind_of(b));
    let involved = |k| matches!(k, Kind::ByteArray | Kind::MemoryView);
    if !(involved(ka) || involved(kb)) {
        return Ok(None);
    }
    match op {
        InplaceAdd if ka == Kind::ByteArray && is_buffer(b) => {
            let src = source_bytes(cx, b)?;
            let mark = cx.roots_mark();
            cx.root(src)?;
            let n = ba_len(a);
            let r = splice(cx, a, n, n, src);
            cx.roots_truncate(mark);
            r?;
            Ok(Some(a))
        }
        Add | InplaceAdd if is_buffer(a) && is_buffer(b) && ka != Kind::MemoryView => {
            let x = buffer_bytes(cx, a)?;
            let mut out = StrBuilder::new(cx);
            out.push(x);
            let y = buffer_bytes(cx, b)?;
            out.push(y);
            Ok(Some(strm::finish_like(cx, out, a)?))
        }
        InplaceMultiply if ka == Kind::ByteArray && crate::vm::num::is_intlike(b) => {
            let n = crate::vm::seq::int_arg(cx, b)?.max(0) as usize;
            let len = ba_len(a);
            if len == 0 || n == 1 {
                return Ok(Some(a));
            }
            let total = len.saturating_mul(n);
            if total > cx.heap().n_blocks() * crate::gc::heap::BLOCK {
                return Err(cx.raise_memory_error(total));
            }
            resize(cx, a, total)?;
            let d = ba_bytes_mut(a);
            for k in 1..n {
                d.copy_within(0..len, k * len);
            }
            Ok(Some(a))
        }
        Multiply | InplaceMultiply if ka == Kind::ByteArray && crate::vm::num::is_intlike(b) => {
            let n = crate::vm::seq::int_arg(cx, b)?.max(0) as usize;
            Ok(Some(strm::repeat(cx, a, n)?))
        }
        Multiply if kb == Kind::ByteArray && crate::vm::num::is_intlike(a) => {
            let n = crate::vm::seq::int_arg(cx, a)?.max(0) as usize;
            Ok(Some(strm::repeat(cx, b, n)?))
        }
        Modulo | InplaceModulo if ka == Kind::ByteArray => {
            Ok(Some(super::format::percent_format(cx, a, b)?))
        }
        Less | LessEqual | More | MoreEqual
            if is_buffer(a) && is_buffer(b) && ka != Kind::MemoryView && kb != Kind::MemoryView =>
        {
            let x = buffer_bytes(cx, a)?;
            let y = buffer_bytes(cx, b)?;
            let r = match op {
                Less => x < y,
                LessEqual => x <= y,
                More => x > y,
                _ => x >= y,
            };
            Ok(Some(Value::bool(r)))
        }
        _ => Ok(None),
    }
}

/// `a == b` between bytes-like objects (None when either is not one).
pub fn bytes_eq(cx: &mut Cx, a: Value, b: Value) -> Option<bool> {
    if !is_buffer(a) || !is_buffer(b) {
        return None;
    }
    let x = buffer_bytes(cx, a).ok()?;
    let (xp, xl) = (x.as_ptr(), x.len());
    let y = buffer_bytes(cx, b).ok()?;
    // SAFETY: both buffers are live and nothing allocated in between.
    Some(unsafe { core::slice::from_raw_parts(xp, xl) } == y)
}

fn ba_append(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let v = byte_value(cx, a[1])?;
    let len = ba_len(a[0]);
    resize(cx, a[0], len + 1)?;
    ba_bytes_mut(a[0])[len] = v;
    Ok(Value::NONE)
}

fn ba_extend(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let src = source_bytes(cx, a[1])?;
    let mark = cx.roots_mark();
    cx.root(src)?;
    let n = ba_len(a[0]);
    let r = splice(cx, a[0], n, n, src);
    cx.roots_truncate(mark);
    r?;
    Ok(Value::NONE)
}

fn ba_insert(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let i = crate::vm::seq::int_arg(cx, a[1])?;
    let v = byte_value(cx, a[2])?;
    let len = ba_len(a[0]) as isize;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    let one = pystr::new_bytes(cx, &[v])?;
    let mark = cx.roots_mark();
    cx.root(one)?;
    let r = splice(cx, a[0], at, at, one);
    cx.roots_truncate(mark);
    r?;
    Ok(Value::NONE)
}

fn ba_pop(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let i = match a.get(1) {
        Some(&v) => crate::vm::seq::int_arg(cx, v)?,
        None => -1,
    };
    let len = ba_len(a[0]);
    if len == 0 {
        return Err(cx.index_error("pop from empty bytearray"));
    }
    let Some(j) = crate::vm::seq::norm_index(i, len) else {
        return Err(cx.index_error("pop index out of range"));
    };
    let b = ba_bytes_mut(a[0]);
    let v = b[j];
    b.copy_within(j + 1.., j);
    // SAFETY: a[0] is a live bytearray of length len > 0.
    unsafe { (*(a[0].raw() as *mut ByteArrayObj)).len = len - 1 };
    Ok(Value::small_int_unchecked(v as isize))
}

fn ba_remove(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let v = byte_value(cx, a[1])?;
    let b = ba_bytes_mut(a[0]);
    let Some(j) = b.iter().position(|&c| c == v) else {
        return Err(cx.value_error("value not found in bytearray"));
    };
    let len = b.len();
    b.copy_within(j + 1.., j);
    // SAFETY: a[0] is a live bytearray of length len > j.
    unsafe { (*(a[0].raw() as *mut ByteArrayObj)).len = len - 1 };
    Ok(Value::NONE)
}

fn ba_clear(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    // SAFETY: a[0] is a live bytearray.
    unsafe { (*(a[0].raw() as *mut ByteArrayObj)).len = 0 };
    Ok(Value::NONE)
}

fn ba_reverse(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    ba_bytes_mut(a[0]).reverse();
    Ok(Value::NONE)
}

fn ba_copy(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let b = buffer_bytes(cx, a[0])?;
    crate::obj::bytes::new_bytearray(cx, b)
}

fn mv_tobytes(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let b = buffer_bytes(cx, a[0])?;
    pystr::new_bytes(cx, b)
}

fn mv_tolist(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = view_of(cx, a[0])?.len;
    let l = list::with_capacity(cx, n)?;
    let mark = cx.roots_mark();
    cx.root(l)?;
    for k in 0..n {
        let x = memoryview_getitem(cx, a[0], Value::small_int_unchecked(k as isize))?;
        list::append(cx, l, x)?;
    }
    cx.roots_truncate(mark);
    Ok(l)
}

fn mv_cast(cx: &mut Cx, a: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [m, fmt, shape] = crate::builtins::args::parse(cx, a, kw, ["self", "format", "shape"], 3)?;
    let v = view_of(cx, m)?;
    let f = match pystr::str_of(fmt).map(|s| s.strip_prefix('@').unwrap_or(s).as_bytes()) {
        Some(&[c]) if format_itemsize(c).is_some() => c,
        Some(_) => {
            return Err(cx.value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ))
        }
        None => return Err(strm::implicit_conversion_error(cx, fmt, "str")),
    };
    if !shape.is_null() && !shape.is_none() {
        return Err(cx.raise_msg(
            &NOT_IMPLEMENTED_ERROR_TYPE,
            "memoryview: only one-dimensional casts are supported",
        ));
    }
    let byte_fmt = |c: u8| matches!(c, b'B' | b'b' | b'c');
    if !byte_fmt(v.format) && !byte_fmt(f) {
        return Err(cx.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = v.len * v.itemsize;
    let size = format_itemsize(f).unwrap_or(1);
    if nbytes % size != 0 {
        return Err(cx.type_error("memoryview: length is not a multiple of itemsize"));
    }
    new_memoryview(cx, v.base, v.start, nbytes / size, v.readonly, f)
}

fn mv_release(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    // SAFETY: a[0] is a live memoryview.
    unsafe { (*(a[0].raw() as *mut MemoryViewObj)).released = true };
    Ok(Value::NONE)
}

fn mv_enter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    view_of(cx, a[0])?;
    Ok(a[0])
}

fn mv_exit(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    mv_release(cx, &a[..1], k)
}

fn mv_readonly(cx: &mut Cx, m: Value) -> PyResult<Value> {
    Ok(Value::bool(view_of(cx, m)?.readonly))
}
fn mv_itemsize(cx: &mut Cx, m: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(
        view_of(cx, m)?.itemsize as isize,
    ))
}
fn mv_nbytes(cx: &mut Cx, m: Value) -> PyResult<Value> {
    let v = view_of(cx, m)?;
    Ok(Value::small_int_unchecked((v.len * v.itemsize) as isize))
}
fn mv_format(cx: &mut Cx, m: Value) -> PyResult<Value> {
    let f = view_of(cx, m)?.format;
    pystr::intern(cx, &[f])
}
fn mv_obj(cx: &mut Cx, m: Value) -> PyResult<Value> {
    Ok(view_of(cx, m)?.base)
}
fn mv_ndim(cx: &mut Cx, m: Value) -> PyResult<Value> {
    view_of(cx, m)?;
    Ok(Value::small_int_unchecked(1))
}
fn mv_shape(cx: &mut Cx, m: Value) -> PyResult<Value> {
    let n = view_of(cx, m)?.len;
    crate::obj::tuple::new(cx, &[Value::small_int_unchecked(n as isize)])
}

fn d_setitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    crate::vm::seq::setitem(cx, a[0], a[1], a[2])?;
    Ok(Value::NONE)
}

fn d_delitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    crate::vm::seq::delitem(cx, a[0], a[1])?;
    Ok(Value::NONE)
}

native_fn!(D_SETITEM, q::__setitem__, 3, 3, false, d_setitem);
native_fn!(D_DELITEM, q::__delitem__, 2, 2, false, d_delitem);
native_fn!(BA_APPEND, q::append, 2, 2, false, ba_append);
native_fn!(BA_EXTEND, q::extend, 2, 2, false, ba_extend);
native_fn!(BA_INSERT, q::insert, 3, 3, false, ba_insert);
native_fn!(BA_POP, q::pop, 1, 2, false, ba_pop);
native_fn!(BA_REMOVE, q::remove, 2, 2, false, ba_remove);
native_fn!(BA_CLEAR, q::clear, 1, 1, false, ba_clear);
native_fn!(BA_REVERSE, q::reverse, 1, 1, false, ba_reverse);
native_fn!(BA_COPY, q::copy, 1, 1, false, ba_copy);
native_fn!(MV_TOBYTES, q::tobytes, 1, 1, false, mv_tobytes);
native_fn!(MV_TOLIST, q::tolist, 1, 1, false, mv_tolist);
native_fn!(MV_CAST, q::cast, 2, 3, true, mv_cast);
native_fn!(MV_RELEASE, q::release, 1, 1, false, mv_release);
native_fn!(MV_ENTER, q::__enter__, 1, 1, false, mv_enter);
native_fn!(MV_EXIT, q::__exit__, 1, 4, false, mv_exit);

/// `bytearray`'s attributes.
pub const BYTEARRAY_ATTRS: &[Attr] = bytes_like_attrs!(
    crate::method!(q::append, BA_APPEND),
    crate::method!(q::extend, BA_EXTEND),
    crate::method!(q::insert, BA_INSERT),
    crate::method!(q::pop, BA_POP),
    crate::method!(q::remove, BA_REMOVE),
    crate::method!(q::clear, BA_CLEAR),
    crate::method!(q::reverse, BA_REVERSE),
    crate::method!(q::copy, BA_COPY),
    crate::classmethod!(q::fromhex, codec::S_FROMHEX),
    crate::method!(q::__setitem__, D_SETITEM),
    crate::method!(q::__delitem__, D_DELITEM),
);

/// `memoryview`'s attributes.
pub const MEMORYVIEW_ATTRS: &[Attr] = &[
    crate::method!(q::tobytes, MV_TOBYTES),
    crate::method!(q::tolist, MV_TOLIST),
    crate::method!(q::hex, codec::S_HEX),
    crate::method!(q::cast, MV_CAST),
    crate::method!(q::release, MV_RELEASE),
    crate::method!(q::__enter__, MV_ENTER),
    crate::method!(q::__exit__, MV_EXIT),
    crate::method!(q::__len__, strm::S_LEN),
    crate::method!(q::__getitem__, strm::S_GETITEM),
    crate::method!(q::__setitem__, D_SETITEM),
    crate::method!(q::__iter__, strm::S_ITER),
    crate::method!(q::__eq__, strm::S_EQ),
    crate::method!(q::__ne__, strm::S_NE),
    crate::getter!(q::readonly, mv_readonly),
    crate::getter!(q::itemsize, mv_itemsize),
    crate::getter!(q::nbytes, mv_nbytes),
    crate::getter!(q::format, mv_format),
    crate::getter!(q::obj, mv_obj),
    crate::getter!(q::ndim, mv_ndim),
    crate::getter!(q::shape, mv_shape),
];
