//! Interning: one str object per distinct name.
//!
//! Static names (`src/qstrs.txt`) are found by binary search in a table built at compile time;
//! other interned strings live in the heap, in an open-addressing table that is a GC root.
//! Interned strings are never freed (as in MicroPython).

use super::str::{hash_bytes, StrObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The table of heap-interned strings.
pub(crate) struct InternTable {
    /// Slots: NULL or a str value. Power-of-two size.
    pub(crate) slots: *mut Value,
    pub(crate) cap: usize,
    pub(crate) len: usize,
}

impl InternTable {
    pub(crate) const fn empty() -> InternTable {
        InternTable {
            slots: core::ptr::null_mut(),
            cap: 0,
            len: 0,
        }
    }
}

/// The static str with these bytes, if there is one.
pub fn find_static(b: &[u8]) -> Option<&'static StrObj> {
    if let [c] = b {
        return crate::qstrs::ASCII1.get(*c as usize).copied().flatten();
    }
    let t = &crate::qstrs::SORTED;
    // First bytes decide most steps without a call to memcmp (the same order: lexicographic).
    let first = b.first();
    t.binary_search_by(|s| {
        let sb = s.as_bytes();
        sb.first().cmp(&first).then_with(|| sb.cmp(b))
    })
    .ok()
    .map(|i| t[i])
}

fn find_heap(cx: &Cx, b: &[u8], h: u32) -> Result<Value, usize> {
    let t = &cx.interned;
    if t.cap == 0 {
        return Err(usize::MAX);
    }
    let mask = t.cap - 1;
    let mut i = h as usize & mask;
    loop {
        // SAFETY: i <= mask < cap.
        let v = unsafe { *t.slots.add(i) };
        if v.is_null() {
            return Err(i);
        }
        // SAFETY: the table only holds live str objects.
        let s = unsafe { &*(v.raw() as *const StrObj) };
        if s.hash == h && s.as_bytes() == b {
            return Ok(v);
        }
        i = (i + 1) & mask;
    }
}

/// Look a name up without creating it.
pub fn lookup(cx: &Cx, b: &[u8]) -> Option<Value> {
    if let Some(s) = find_static(b) {
        return Some(Value::from_static(s));
    }
    find_heap(cx, b, hash_bytes(b)).ok()
}

/// The interned str for these UTF-8 bytes, creating it if needed.
pub fn intern(cx: &mut Cx, b: &[u8]) -> PyResult<Value> {
    if let Some(s) = find_static(b) {
        return Ok(Value::from_static(s));
    }
    let h = hash_bytes(b);
    if let Ok(v) = find_heap(cx, b, h) {
        return Ok(v);
    }
    // Grow at 3/4 load.
    if (cx.interned.len + 1) * 4 > cx.interned.cap * 3 {
        let new_cap = (cx.interned.cap * 2).max(16);
        let new_slots = cx.alloc_values(new_cap)?;
        let (old, old_cap) = (cx.interned.slots, cx.interned.cap);
        for i in 0..old_cap {
            // SAFETY: i < old_cap, the old table's size.
            let v = unsafe { *old.add(i) };
            if v.is_null() {
                continue;
            }
            // SAFETY: live str in the table.
            let sh = unsafe { (*(v.raw() as *const StrObj)).hash };
            let mut j = sh as usize & (new_cap - 1);
            // SAFETY: j < new_cap; the new table has room (load < 3/4).
            unsafe {
                while !(*new_slots.add(j)).is_null() {
                    j = (j + 1) & (new_cap - 1);
                }
                *new_slots.add(j) = v;
            }
        }
        cx.interned.slots = new_slots;
        cx.interned.cap = new_cap;
        if !old.is_null() {
            cx.heap.free(old as *mut u8);
        }
    }
    let s = super::str::new_str(cx, b)?;
    let Err(mut i) = find_heap(cx, b, h) else {
        return Ok(s);
    };
    if i == usize::MAX {
        i = h as usize & (cx.interned.cap - 1);
    }
    crate::gc::write_barrier(cx, s);
    // SAFETY: i < cap (find_heap returns an empty slot index).
    unsafe { *cx.interned.slots.add(i) = s };
    cx.interned.len += 1;
    Ok(s)
}

/// Intern an existing str value (returns the canonical object).
pub fn intern_value(cx: &mut Cx, v: Value) -> PyResult<Value> {
    let Some(b) = super::str::bytes_of(v) else {
        return Ok(v);
    };
    if let Some(s) = lookup(cx, b) {
        return Ok(s);
    }
    // Copy the bytes out of the heap object first: `intern` may collect, and v may be
    // unrooted... it is rooted by callers, but the copy keeps this function safe regardless.
    let mut tmp = allocator_api2::vec::Vec::new_in(cx.temp_alloc());
    if tmp.try_reserve(b.len()).is_err() {
        return Err(cx.raise_memory_error(b.len()));
    }
    tmp.extend_from_slice(b);
    intern(cx, &tmp)
}
