//! `bytearray` and `memoryview` methods, and the buffer protocol for natives.

use crate::native_fn;
use crate::obj::bytes::{ByteArrayObj, MemoryViewObj};
use crate::obj::types::*;
use crate::obj::{self, str as pystr, Attr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The bytes of a bytes-like value (bytes, bytearray, memoryview); TypeError otherwise.
/// Crate-internal lifetime rule: do not hold across anything that allocates.
pub fn buffer_bytes<'a>(cx: &mut Cx, v: Value) -> PyResult<&'a [u8]> {
    match obj::kind_of(v) {
        Kind::Bytes if v.is_ptr() => Ok(pystr::bytes_of(v).unwrap_or(&[])),
        Kind::ByteArray if v.is_ptr() => {
            // SAFETY: kind-checked bytearray; see the lifetime rule above.
            Ok(unsafe { (*(v.raw() as *const ByteArrayObj)).as_bytes() })
        }
        Kind::MemoryView if v.is_ptr() => {
            // SAFETY: kind-checked memoryview.
            let m = unsafe { &*(v.raw() as *const MemoryViewObj) };
            let base = buffer_bytes(cx, m.obj)?;
            let end = (m.start + m.len).min(base.len());
            Ok(&base[m.start.min(end)..end])
        }
        _ => {
            if let Some(b) = crate::vm::ops::instance_base(v) {
                return buffer_bytes(cx, b);
            }
            let tn = crate::vm::ops::alloc_free_name(cx.type_name(v));
            Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("object with buffer protocol required, not {tn}"),
            ))
        }
    }
}

fn byte_value(cx: &mut Cx, v: Value) -> PyResult<u8> {
    let i = crate::vm::seq::int_arg(cx, v)?;
    if !(0..=255).contains(&i) {
        return Err(cx.value_error("bytes value out of range"));
    }
    Ok(i as u8)
}

/// `b[i] = v` for a bytearray.
pub fn bytearray_setitem(cx: &mut Cx, o: Value, i: Value, v: Value) -> PyResult<()> {
    if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let len = obj::get::<ByteArrayObj>(cx, o).map_or(0, |b| b.len);
        let (start, stop, step, count) = crate::vm::seq::slice_indices(cx, i, len)?;
        let src = buffer_or_ints(cx, v)?;
        let mark = cx.roots_mark();
        cx.root(src)?;
        let new_data = buffer_bytes(cx, src)?;
        let n = new_data.len();
        if step != 1 {
            if n != count {
                cx.roots_truncate(mark);
                return Err(
                    cx.value_error("attempt to assign sequence of wrong size to extended slice")
                );
            }
            let dst = obj::get_mut::<ByteArrayObj>(cx, o).expect("bytearray");
            let nd = pystr::bytes_of(src).unwrap_or(&[]);
            for (k, &b) in nd.iter().enumerate().take(n) {
                dst.as_bytes_mut()[(start + k as isize * step) as usize] = b;
            }
            cx.roots_truncate(mark);
            return Ok(());
        }
        let stop = stop.max(start) as usize;
        let start = start as usize;
        let old_len = len;
        let new_len = old_len - (stop - start) + n;
        if new_len > old_len {
            crate::obj::bytes::resize(cx, o, new_len)?;
        }
        let nd = pystr::bytes_of(src).unwrap_or(&[]);
        let (np, nn) = (nd.as_ptr(), nd.len());
        let dst = obj::get_mut::<ByteArrayObj>(cx, o).expect("bytearray");
        // SAFETY: data holds max(old, new) bytes; regions computed within bounds.
        unsafe {
            core::ptr::copy(dst.data.add(stop), dst.data.add(start + nn), old_len - stop);
            core::ptr::copy_nonoverlapping(np, dst.data.add(start), nn);
        }
        dst.len = new_len;
        cx.roots_truncate(mark);
        return Ok(());
    }
    let idx = crate::vm::seq::index_value(cx, i, "bytearray")?;
    let bv = byte_value(cx, v)?;
    let b = obj::get_mut::<ByteArrayObj>(cx, o).expect("bytearray");
    match crate::vm::seq::norm_index(idx, b.len) {
        Some(j) => {
            b.as_bytes_mut()[j] = bv;
            Ok(())
        }
        None => Err(cx.index_error("bytearray index out of range")),
    }
}

fn buffer_or_ints(cx: &mut Cx, v: Value) -> PyResult<Value> {
    if matches!(
        obj::kind_of(v),
        Kind::Bytes | Kind::ByteArray | Kind::MemoryView
    ) && v.is_ptr()
    {
        let b = buffer_bytes(cx, v)?;
        return pystr::new_bytes(cx, b);
    }
    crate::builtins::ctors::bytes_from(cx, v)
}

/// `del b[i]` for a bytearray.
pub fn bytearray_delitem(cx: &mut Cx, o: Value, i: Value) -> PyResult<()> {
    let len = obj::get::<ByteArrayObj>(cx, o).map_or(0, |b| b.len);
    let (start, stop) = if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let (s, e, step, _) = crate::vm::seq::slice_indices(cx, i, len)?;
        if step != 1 {
            return Err(cx.raise_empty(&NOT_IMPLEMENTED_ERROR_TYPE));
        }
        (s as usize, e.max(s) as usize)
    } else {
        let idx = crate::vm::seq::index_value(cx, i, "bytearray")?;
        match crate::vm::seq::norm_index(idx, len) {
            Some(j) => (j, j + 1),
            None => return Err(cx.index_error("bytearray index out of range")),
        }
    };
    let b = obj::get_mut::<ByteArrayObj>(cx, o).expect("bytearray");
    // SAFETY: start <= stop <= len.
    unsafe { core::ptr::copy(b.data.add(stop), b.data.add(start), len - stop) };
    b.len = len - (stop - start);
    Ok(())
}

/// `m[i]` for a memoryview.
pub fn memoryview_getitem(cx: &mut Cx, o: Value, i: Value) -> PyResult<Value> {
    // SAFETY: callers pass memoryviews.
    let (base, start, len, ro) = unsafe {
        let m = &*(o.raw() as *const MemoryViewObj);
        (m.obj, m.start, m.len, m.readonly)
    };
    if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let (s, e, step, _) = crate::vm::seq::slice_indices(cx, i, len)?;
        if step != 1 {
            return Err(cx.raise_empty(&NOT_IMPLEMENTED_ERROR_TYPE));
        }
        let p: *mut MemoryViewObj = cx.alloc_obj(&MEMORYVIEW_TYPE, 0)?;
        crate::gc::write_barrier(cx, base);
        // SAFETY: fresh object.
        unsafe {
            (*p).obj = base;
            (*p).start = start + s as usize;
            (*p).len = (e.max(s) - s) as usize;
            (*p).readonly = ro;
        }
        return Ok(Value::from_ptr(p));
    }
    let idx = crate::vm::seq::index_value(cx, i, "memoryview")?;
    let Some(j) = crate::vm::seq::norm_index(idx, len) else {
        return Err(cx.index_error("memoryview index out of range"));
    };
    let b = buffer_bytes(cx, o)?;
    Ok(Value::small_int_unchecked(
        b.get(j).copied().unwrap_or(0) as isize
    ))
}

/// `m[i] = v` for a memoryview.
pub fn memoryview_setitem(cx: &mut Cx, o: Value, i: Value, v: Value) -> PyResult<()> {
    // SAFETY: callers pass memoryviews.
    let (base, start, len, ro) = unsafe {
        let m = &*(o.raw() as *const MemoryViewObj);
        (m.obj, m.start, m.len, m.readonly)
    };
    if ro {
        return Err(cx.type_error("'memoryview' object doesn't support item assignment"));
    }
    if obj::kind_of(i) == Kind::Slice && i.is_ptr() {
        let (s, e, _, _) = crate::vm::seq::slice_indices(cx, i, len)?;
        let src = buffer_bytes(cx, v)?;
        let n = (e.max(s) - s) as usize;
        if src.len() != n {
            return Err(cx.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let (sp, sn) = (src.as_ptr(), src.len());
        if let Some(ba) = obj::get_mut::<ByteArrayObj>(cx, base) {
            // SAFETY: the view lies within the bytearray (start + len <= its length).
            unsafe { core::ptr::copy(sp, ba.data.add(start + s as usize), sn) };
        }
        return Ok(());
    }
    let idx = crate::vm::seq::index_value(cx, i, "memoryview")?;
    let Some(j) = crate::vm::seq::norm_index(idx, len) else {
        return Err(cx.index_error("memoryview index out of range"));
    };
    let bv = byte_value(cx, v)?;
    if let Some(ba) = obj::get_mut::<ByteArrayObj>(cx, base) {
        if start + j < ba.len {
            ba.as_bytes_mut()[start + j] = bv;
        }
    }
    Ok(())
}

/// `x in b` for bytes-like `b`.
pub fn bytes_contains(cx: &mut Cx, b: Value, x: Value) -> PyResult<bool> {
    if let Some(i) = crate::obj::int::to_i64(x) {
        if !(0..=255).contains(&i) {
            return Err(cx.value_error("byte must be in range(0, 256)"));
        }
        let h = buffer_bytes(cx, b)?;
        return Ok(h.contains(&(i as u8)));
    }
    let n = buffer_bytes(cx, x)?;
    let (np, nl) = (n.as_ptr(), n.len());
    let h = buffer_bytes(cx, b)?;
    // SAFETY: both buffers are live (held by the caller).
    let n = unsafe { core::slice::from_raw_parts(np, nl) };
    Ok(nl == 0 || h.windows(nl).any(|w| w == n))
}

fn ba_append(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let v = byte_value(cx, a[1])?;
    let len = obj::get::<ByteArrayObj>(cx, a[0]).map_or(0, |b| b.len);
    crate::obj::bytes::resize(cx, a[0], len + 1)?;
    if let Some(b) = obj::get_mut::<ByteArrayObj>(cx, a[0]) {
        b.as_bytes_mut()[len] = v;
    }
    Ok(Value::NONE)
}

fn ba_extend(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let src = buffer_or_ints(cx, a[1])?;
    let mark = cx.roots_mark();
    cx.root(src)?;
    let n = pystr::bytes_of(src).map_or(0, |b| b.len());
    let len = obj::get::<ByteArrayObj>(cx, a[0]).map_or(0, |b| b.len);
    crate::obj::bytes::resize(cx, a[0], len + n)?;
    let s = pystr::bytes_of(src).unwrap_or(&[]);
    if let Some(b) = obj::get_mut::<ByteArrayObj>(cx, a[0]) {
        b.as_bytes_mut()[len..].copy_from_slice(s);
    }
    cx.roots_truncate(mark);
    Ok(Value::NONE)
}

fn ba_decode(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let b = buffer_bytes(cx, a[0])?;
    if core::str::from_utf8(b).is_err() {
        return Err(cx.raise_empty(&UNICODE_ERROR_TYPE));
    }
    pystr::new_str(cx, b)
}

fn mv_tobytes(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let b = buffer_bytes(cx, a[0])?;
    pystr::new_bytes(cx, b)
}

native_fn!(BA_APPEND, q::append, 2, 2, false, ba_append);
native_fn!(BA_EXTEND, q::extend, 2, 2, false, ba_extend);
native_fn!(BA_DECODE, q::decode, 1, 3, false, ba_decode);
native_fn!(MV_TOBYTES, q::tobytes, 1, 1, false, mv_tobytes);

/// `bytearray`'s attributes.
pub const BYTEARRAY_ATTRS: &[Attr] = &[
    crate::method!(q::append, BA_APPEND),
    crate::method!(q::extend, BA_EXTEND),
    crate::method!(q::decode, BA_DECODE),
];

/// `memoryview`'s attributes.
pub const MEMORYVIEW_ATTRS: &[Attr] = &[crate::method!(q::tobytes, MV_TOBYTES)];
