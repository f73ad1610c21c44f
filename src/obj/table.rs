//! The hash table behind `dict` and `set`: compact, insertion-ordered, with cached hashes.
//!
//! Entries are kept in insertion order in one buffer, followed by an index of `u32` slots
//! (0 = empty, 1 = deleted, n + 2 = entry n) probed with CPython's perturbation scheme.
//! Deleted entries keep their place with a NULL key until the table is rebuilt.
//!
//! Looking a key up may call `__eq__` or `__hash__` in Python, which may change the very table
//! being searched. Every probe therefore re-reads the table after such a call and restarts if
//! the entries buffer or the version changed.

use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// One entry.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Entry {
    /// The key's hash.
    pub hash: usize,
    /// The key, or NULL for a deleted entry.
    pub key: Value,
    /// The value (NULL in sets).
    pub value: Value,
}

/// A hash table embedded in a dict or set object, right after its header.
#[repr(C)]
pub struct Table {
    /// Live entries.
    pub len: usize,
    /// Entries used, including deleted ones.
    pub used: usize,
    /// Entry capacity.
    pub cap: usize,
    /// Entries then the index, in one heap buffer (NULL when cap is 0).
    pub entries: *mut Entry,
    /// Bumped on every structural change (for re-validating a probe that ran Python); the top
    /// bit ([`CLASS_DICT`]) marks a class's dict, whose every change invalidates the lookup
    /// cache (`vm::cache`).
    pub version: usize,
}

/// The flag in `Table::version` of a class dict.
const CLASS_DICT: usize = 1 << (usize::BITS - 1);

impl Table {
    /// A structural change: bump the version (keeping the flag).
    #[inline]
    fn changed(&mut self) {
        let v = self.version;
        self.version = (v & CLASS_DICT) | (v.wrapping_add(1) & !CLASS_DICT);
        self.value_changed();
    }

    /// A value replaced: only class dicts care (their lookups are cached).
    #[inline]
    fn value_changed(&self) {
        #[cfg(feature = "vm-fast")]
        if self.version & CLASS_DICT != 0 {
            crate::vm::cache::invalidate();
        }
    }
}

/// Flag the table of dict `d` as a class's dict (see `vm::cache`): from now on every change
/// to it invalidates the lookup cache.
pub(crate) fn mark_class_dict(d: Value) {
    let t = table_of(d);
    t.version |= CLASS_DICT;
    #[cfg(feature = "vm-fast")]
    crate::vm::cache::invalidate();
}

const EMPTY: u32 = 0;
const DUMMY: u32 = 1;

impl Table {
    #[inline]
    fn idx_size(&self) -> usize {
        index_size(self.cap)
    }

    #[inline]
    fn index(&self) -> *mut u32 {
        // SAFETY: the buffer holds cap entries followed by the index.
        unsafe { self.entries.add(self.cap) as *mut u32 }
    }

    /// The entries in use (including deleted ones, whose key is NULL).
    #[inline]
    pub fn entries(&self) -> &[Entry] {
        if self.used == 0 {
            return &[];
        }
        // SAFETY: entries holds `used` initialised entries.
        unsafe { core::slice::from_raw_parts(self.entries, self.used) }
    }
}

#[inline]
fn index_size(cap: usize) -> usize {
    if cap == 0 {
        0
    } else {
        (cap + cap / 2).next_power_of_two()
    }
}

/// The table inside a dict or set object (both have it right after the header).
#[inline]
pub(crate) fn table_of<'a>(obj: Value) -> &'a mut Table {
    // SAFETY: callers pass dict/set layout objects, whose table follows the one-word header;
    // the rooting rule governs the lifetime.
    unsafe { &mut *((obj.raw() + core::mem::size_of::<super::ObjHeader>()) as *mut Table) }
}

enum Probe {
    Found(usize),
    /// Not found; where to insert.
    Vacant,
}

/// Find `key` (with hash `h`) in the table of `obj`: the entry index if present.
fn probe(cx: &mut Cx, obj: Value, key: Value, h: usize) -> PyResult<Probe> {
    'restart: loop {
        let t = table_of(obj);
        if t.cap == 0 {
            return Ok(Probe::Vacant);
        }
        let (entries, version) = (t.entries, t.version);
        let mask = t.idx_size() - 1;
        let idx = t.index();
        let mut i = h & mask;
        let mut perturb = h;
        loop {
            // SAFETY: i <= mask < idx_size.
            let slot = unsafe { *idx.add(i) };
            if slot == EMPTY {
                return Ok(Probe::Vacant);
            }
            if slot != DUMMY {
                let e = (slot - 2) as usize;
                // SAFETY: index slots name entries below `used`.
                let ent = unsafe { *entries.add(e) };
                if ent.key == key {
                    return Ok(Probe::Found(e));
                }
                if ent.hash == h && !ent.key.is_null() {
                    let eq = match ops::eq_fast(ent.key, key) {
                        Some(b) => b,
                        None => {
                            let r = ops::eq(cx, ent.key, key)?;
                            let t = table_of(obj);
                            if t.entries != entries || t.version != version {
                                continue 'restart;
                            }
                            r
                        }
                    };
                    if eq {
                        return Ok(Probe::Found(e));
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
    }
}

/// Insert entry `e` into the index.
fn index_insert(t: &mut Table, h: usize, e: usize) {
    let mask = t.idx_size() - 1;
    let idx = t.index();
    let mut i = h & mask;
    let mut perturb = h;
    loop {
        // SAFETY: i <= mask < idx_size.
        let slot = unsafe { &mut *idx.add(i) };
        if *slot == EMPTY || *slot == DUMMY {
            *slot = (e + 2) as u32;
            return;
        }
        perturb >>= 5;
        i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
    }
}

/// Rebuild with room for at least `min_cap` entries, dropping deleted ones.
fn resize(cx: &mut Cx, obj: Value, min_cap: usize) -> PyResult<()> {
    let cap = min_cap.max(4);
    if cap > (u32::MAX as usize) / 2 {
        return Err(cx.raise_memory_error(usize::MAX));
    }
    let bytes = cap * core::mem::size_of::<Entry>() + index_size(cap) * 4;
    let buf = cx.alloc_bytes(bytes)? as *mut Entry;
    if crate::gc::marking(cx) {
        // Entries move down over deleted ones: a chunked trace of this table may already have
        // passed their new positions.
        for e in table_of(obj).entries() {
            crate::gc::write_barrier(cx, e.key);
            crate::gc::write_barrier(cx, e.value);
        }
    }
    let t = table_of(obj);
    let mut n = 0;
    for i in 0..t.used {
        // SAFETY: i < used.
        let e = unsafe { *t.entries.add(i) };
        if !e.key.is_null() {
            // SAFETY: n < len <= cap.
            unsafe { *buf.add(n) = e };
            n += 1;
        }
    }
    let old = t.entries;
    t.entries = buf;
    t.cap = cap;
    t.used = n;
    t.len = n;
    t.changed();
    for i in 0..n {
        // SAFETY: i < n.
        let h = unsafe { (*buf.add(i)).hash };
        index_insert(t, h, i);
    }
    if !old.is_null() {
        cx.heap.free(old as *mut u8);
    }
    Ok(())
}

/// Look `key` up.
pub fn get(cx: &mut Cx, obj: Value, key: Value) -> PyResult<Option<Value>> {
    let h = ops::hash(cx, key)?;
    get_hashed(cx, obj, key, h)
}

/// Look `key` up with a known hash.
pub fn get_hashed(cx: &mut Cx, obj: Value, key: Value, h: usize) -> PyResult<Option<Value>> {
    match probe(cx, obj, key, h)? {
        Probe::Found(e) => Ok(Some(table_of(obj).entries()[e].value)),
        Probe::Vacant => Ok(None),
    }
}

/// Look up a str key without running Python (str equality never does). For attribute and
/// global lookups: interned names hit on identity.
pub fn get_str(obj: Value, key: Value) -> Option<Value> {
    let e = find_str(obj, key)?;
    // SAFETY: find_str returns live entries (< used).
    Some(unsafe { (*table_of(obj).entries.add(e)).value })
}

/// The table's version (changes whenever a key is added or removed).
#[inline]
pub(crate) fn version(obj: Value) -> usize {
    table_of(obj).version
}

/// The entry index of str key `key` (as `get_str` finds it).
fn find_str(obj: Value, key: Value) -> Option<usize> {
    let t = table_of(obj);
    if t.cap == 0 {
        return None;
    }
    let kb = super::str::bytes_of(key)?;
    let h = super::str::hash_of(key)? as usize;
    let mask = t.idx_size() - 1;
    let idx = t.index();
    let mut i = h & mask;
    let mut perturb = h;
    loop {
        // SAFETY: i <= mask.
        let slot = unsafe { *idx.add(i) };
        if slot == EMPTY {
            return None;
        }
        if slot != DUMMY {
            let e = (slot - 2) as usize;
            // SAFETY: index slots name entries below used.
            let ent = unsafe { &*t.entries.add(e) };
            if ent.key == key {
                return Some(e);
            }
            if ent.hash == h && super::is::<super::str::StrObj>(ent.key) {
                if let Some(b) = super::str::bytes_of(ent.key) {
                    if b == kb {
                        return Some(e);
                    }
                }
            }
        }
        perturb >>= 5;
        i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
    }
}

/// `find_str`, trying entry `*hint` first (by key identity) and remembering where the key
/// was found.
#[inline]
pub(crate) fn find_str_hinted(obj: Value, key: Value, hint: &mut u32) -> Option<usize> {
    let t = table_of(obj);
    let h = *hint as usize;
    // SAFETY: h < used.
    if h < t.used && unsafe { (*t.entries.add(h)).key } == key {
        return Some(h);
    }
    let e = find_str(obj, key)?;
    *hint = e as u32;
    Some(e)
}

/// `get_str` with a hint (see `find_str_hinted`).
#[inline]
pub(crate) fn get_str_hinted(obj: Value, key: Value, hint: &mut u32) -> Option<Value> {
    let e = find_str_hinted(obj, key, hint)?;
    // SAFETY: find_str_hinted returns live entries (< used).
    Some(unsafe { (*table_of(obj).entries.add(e)).value })
}

/// Replace the value of live entry `e` (the caller ran the write barrier for `value`).
pub(crate) fn set_value_at(obj: Value, e: usize, value: Value) {
    let t = table_of(obj);
    if e < t.used {
        // SAFETY: e < used.
        unsafe { (*t.entries.add(e)).value = value };
        t.value_changed();
    }
}

/// Insert or replace. `key` and `value` must stay reachable (they are stored after a possible
/// resize; the caller holds them on the VM stack or rooted).
pub fn set(cx: &mut Cx, obj: Value, key: Value, value: Value) -> PyResult<()> {
    let h = ops::hash(cx, key)?;
    set_hashed(cx, obj, key, value, h)
}

/// Insert or replace with a known hash.
pub fn set_hashed(cx: &mut Cx, obj: Value, key: Value, value: Value, h: usize) -> PyResult<()> {
    if let Probe::Found(e) = probe(cx, obj, key, h)? {
        crate::gc::write_barrier(cx, value);
        let t = table_of(obj);
        // SAFETY: e < used.
        unsafe { (*t.entries.add(e)).value = value };
        t.value_changed();
        return Ok(());
    }
    let t = table_of(obj);
    if t.used == t.cap {
        let want = if t.len * 2 < t.cap { t.cap } else { t.cap * 2 };
        let mark = cx.roots_mark();
        cx.root(key)?;
        cx.root(value)?;
        let r = resize(cx, obj, want);
        cx.roots_truncate(mark);
        r?;
    }
    crate::gc::write_barrier(cx, key);
    crate::gc::write_barrier(cx, value);
    let t = table_of(obj);
    let e = t.used;
    // SAFETY: used < cap after the resize.
    unsafe {
        *t.entries.add(e) = Entry {
            hash: h,
            key,
            value,
        }
    };
    t.used += 1;
    t.len += 1;
    t.changed();
    index_insert(t, h, e);
    Ok(())
}

/// Remove `key`, returning its (key, value) if it was there.
pub fn remove(cx: &mut Cx, obj: Value, key: Value) -> PyResult<Option<(Value, Value)>> {
    let h = ops::hash(cx, key)?;
    let Probe::Found(e) = probe(cx, obj, key, h)? else {
        return Ok(None);
    };
    Ok(Some(remove_entry(obj, e)))
}

/// Remove entry `e` (which must be live).
pub fn remove_entry(obj: Value, e: usize) -> (Value, Value) {
    let t = table_of(obj);
    // SAFETY: e < used.
    let ent = unsafe { &mut *t.entries.add(e) };
    let out = (ent.key, ent.value);
    // Find its index slot and mark it deleted.
    let mask = t.idx_size() - 1;
    let idx = t.index();
    let mut i = ent.hash & mask;
    let mut perturb = ent.hash;
    loop {
        // SAFETY: i <= mask.
        let slot = unsafe { &mut *idx.add(i) };
        if *slot == (e + 2) as u32 {
            *slot = DUMMY;
            break;
        }
        if *slot == EMPTY {
            break;
        }
        perturb >>= 5;
        i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
    }
    ent.key = Value::NULL;
    ent.value = Value::NULL;
    t.len -= 1;
    t.changed();
    // Trailing deleted entries can be reused by the next insertion.
    while t.used > 0 {
        // SAFETY: used - 1 < used.
        if unsafe { (*t.entries.add(t.used - 1)).key.is_null() } {
            t.used -= 1;
        } else {
            break;
        }
    }
    out
}

/// Remove everything.
pub fn clear(cx: &mut Cx, obj: Value) {
    let t = table_of(obj);
    let old = t.entries;
    t.entries = core::ptr::null_mut();
    t.cap = 0;
    t.used = 0;
    t.len = 0;
    t.changed();
    if !old.is_null() {
        cx.heap.free(old as *mut u8);
    }
}

/// Make sure `n` more entries fit without a resize.
pub fn reserve(cx: &mut Cx, obj: Value, n: usize) -> PyResult<()> {
    let t = table_of(obj);
    if t.used + n > t.cap {
        resize(cx, obj, t.len + n)?;
    }
    Ok(())
}

/// Give back the room beyond the live entries (for tables that are built once and then
/// mostly read, such as the globals of builtin modules).
pub fn shrink_to_fit(cx: &mut Cx, obj: Value) -> PyResult<()> {
    let t = table_of(obj);
    if t.len < t.cap && t.len > 0 {
        resize(cx, obj, t.len)?;
    }
    Ok(())
}

/// The entry at position `i` or later that is live: `(next position, key, value)`.
pub fn next_entry(obj: Value, mut i: usize) -> Option<(usize, Value, Value)> {
    let t = table_of(obj);
    while i < t.used {
        // SAFETY: i < used.
        let e = unsafe { *t.entries.add(i) };
        if !e.key.is_null() {
            return Some((i + 1, e.key, e.value));
        }
        i += 1;
    }
    None
}

/// Copy every entry of `src`'s table into the empty table of `dst` (same hashes, no Python).
pub fn copy_into(cx: &mut Cx, dst: Value, src: Value) -> PyResult<()> {
    let n = table_of(src).len;
    reserve(cx, dst, n)?;
    let mut i = 0;
    while let Some((next, k, v)) = next_entry(src, i) {
        let h = {
            let t = table_of(src);
            t.entries()[next - 1].hash
        };
        set_hashed(cx, dst, k, v, h)?;
        i = next;
    }
    Ok(())
}

/// A new iterator over the table of `obj` (a dict, set or frozenset): `kind` is one of
/// `DictKeys`, `DictValues`, `DictItems`, `Set`. It remembers the size so that a change
/// during iteration raises `RuntimeError`, as in CPython.
pub fn iter_new(cx: &mut Cx, obj: Value, kind: super::iter::IterKind) -> PyResult<Value> {
    let it = super::iter::new(cx, &super::types::ITERATOR_TYPE, kind, obj, Value::NULL)?;
    if let Some(io) = super::iter::iter_of(it) {
        io.i = 0;
        io.j = table_of(obj).len;
    }
    Ok(it)
}

/// A new iterator over the table of a dict from its last entry to its first (`reversed()` of
/// a dict or a dict view); `which` is 0 for keys, 1 for values, 2 for items.
pub fn iter_new_reversed(cx: &mut Cx, d: Value, which: isize) -> PyResult<Value> {
    let it = super::iter::new(
        cx,
        &super::types::REVERSED_TYPE,
        super::iter::IterKind::DictReversed,
        d,
        Value::NULL,
    )?;
    if let Some(io) = super::iter::iter_of(it) {
        let t = table_of(d);
        io.i = t.used;
        io.j = t.len;
        io.n = which;
    }
    Ok(it)
}

/// The next item of a table iterator made by [`iter_new`] or [`iter_new_reversed`].
pub fn iter_next(cx: &mut Cx, it: Value) -> PyResult<Option<Value>> {
    use super::iter::IterKind;
    let Some(io) = super::iter::iter_of(it) else {
        return Ok(None);
    };
    let (kind, obj, start_len) = (io.kind, io.a, io.j);
    if table_of(obj).len != start_len {
        io.kind = IterKind::Exhausted;
        let msg = if kind == IterKind::Set {
            "Set changed size during iteration"
        } else {
            "dictionary changed size during iteration"
        };
        return Err(cx.runtime_error(msg));
    }
    let found = if kind == IterKind::DictReversed {
        let t = table_of(obj);
        let mut i = io.i.min(t.used);
        let mut found = None;
        while i > 0 {
            i -= 1;
            // SAFETY: i < used.
            let e = unsafe { *t.entries.add(i) };
            if !e.key.is_null() {
                found = Some((e.key, e.value));
                break;
            }
        }
        io.i = i;
        found
    } else {
        match next_entry(obj, io.i) {
            Some((next, k, v)) => {
                io.i = next;
                Some((k, v))
            }
            None => None,
        }
    };
    let Some((k, v)) = found else {
        io.kind = IterKind::Exhausted;
        return Ok(None);
    };
    let which = match kind {
        IterKind::DictValues => 1,
        IterKind::DictItems => 2,
        IterKind::DictReversed => io.n,
        _ => 0,
    };
    match which {
        1 => Ok(Some(v)),
        2 => super::tuple::new(cx, &[k, v]).map(Some),
        _ => Ok(Some(k)),
    }
}
