//! `list`: a growable array of values in a separate heap buffer.

use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The layout of a list.
#[repr(C)]
pub struct ListObj {
    /// `list`.
    pub header: ObjHeader,
    /// Number of items.
    pub len: usize,
    /// Capacity of `items`.
    pub cap: usize,
    /// The item buffer (a heap buffer, or NULL when cap is 0).
    pub items: *mut Value,
}

impl PyObj for ListObj {
    const KIND: Kind = Kind::List;
}

impl ListObj {
    /// The items.
    #[inline]
    pub fn items(&self) -> &[Value] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: items holds len initialised values.
        unsafe { core::slice::from_raw_parts(self.items, self.len) }
    }

    /// The items, mutably.
    #[inline]
    pub fn items_mut(&mut self) -> &mut [Value] {
        if self.len == 0 {
            return &mut [];
        }
        // SAFETY: items holds len initialised values.
        unsafe { core::slice::from_raw_parts_mut(self.items, self.len) }
    }
}

/// A new empty list with room for `cap` items.
pub fn with_capacity(cx: &mut Cx, cap: usize) -> PyResult<Value> {
    let l: *mut ListObj = cx.alloc_obj(&super::types::LIST_TYPE, 0)?;
    let l = Value::from_ptr(l);
    if cap > 0 {
        let mark = cx.roots_mark();
        cx.root(l)?;
        let buf = cx.alloc_values(cap);
        cx.roots_truncate(mark);
        let buf = buf?;
        // SAFETY: l is a live list (rooted above).
        let lo = unsafe { &mut *(l.raw() as *mut ListObj) };
        lo.items = buf;
        lo.cap = cap;
    }
    Ok(l)
}

/// A new list holding copies of `items` (which must stay reachable: see tuple::new).
pub fn new(cx: &mut Cx, items: &[Value]) -> PyResult<Value> {
    let (src, n) = (items.as_ptr(), items.len());
    let l = with_capacity(cx, n)?;
    if n > 0 {
        // SAFETY: src still points at n live values (the caller keeps them reachable).
        crate::gc::write_barrier_values(cx, unsafe { core::slice::from_raw_parts(src, n) });
    }
    // SAFETY: l is a live list with capacity n; src still points at n live values.
    unsafe {
        let lo = &mut *(l.raw() as *mut ListObj);
        if n > 0 {
            core::ptr::copy_nonoverlapping(src, lo.items, n);
        }
        lo.len = n;
    }
    Ok(l)
}

/// Make room for `additional` more items.
pub fn reserve(cx: &mut Cx, l: Value, additional: usize) -> PyResult<()> {
    let Some(lo) = super::get::<ListObj>(cx, l) else {
        return Ok(());
    };
    let (len, cap, old) = (lo.len, lo.cap, lo.items);
    let Some(need) = len.checked_add(additional) else {
        return Err(cx.raise_memory_error(usize::MAX));
    };
    if need <= cap {
        return Ok(());
    }
    let new_cap = need.max(cap + cap / 2).max(4);
    let Some(bytes) = new_cap.checked_mul(core::mem::size_of::<Value>()) else {
        return Err(cx.raise_memory_error(usize::MAX));
    };
    let buf = cx.realloc_raw(old as *mut u8, bytes)? as *mut Value;
    // SAFETY: l is still live (callers hold it on the VM stack or rooted).
    let lo = unsafe { &mut *(l.raw() as *mut ListObj) };
    lo.items = buf;
    lo.cap = new_cap;
    Ok(())
}

/// Append an item (which must stay reachable across the possible growth).
pub fn append(cx: &mut Cx, l: Value, v: Value) -> PyResult<()> {
    // SAFETY: callers pass list-layout values.
    let (len, cap) = unsafe {
        let lo = &*(l.raw() as *const ListObj);
        (lo.len, lo.cap)
    };
    if len == cap {
        // v may be a fresh, otherwise unreachable object: keep it alive across the growth.
        let mark = cx.roots_mark();
        cx.root(v)?;
        reserve(cx, l, 1)?;
        cx.roots_truncate(mark);
    }
    crate::gc::write_barrier(cx, v);
    // SAFETY: l is a live list with len < cap now.
    unsafe {
        let lo = &mut *(l.raw() as *mut ListObj);
        *lo.items.add(lo.len) = v;
        lo.len += 1;
    }
    Ok(())
}

/// The items of a list value (crate-internal: do not hold across anything that collects).
#[inline]
pub(crate) fn items_of<'a>(v: Value) -> Option<&'a [Value]> {
    if super::is::<ListObj>(v) {
        // SAFETY: kind-checked live list; the rooting rule governs the lifetime.
        Some(unsafe { (*(v.raw() as *const ListObj)).items() })
    } else {
        None
    }
}
