//! The lookup cache of the "fast" VM profile (cargo feature `vm-fast`): what looking a name up
//! along a type's MRO found, keyed by the type and the name.
//!
//! Attribute loads and stores, method loads and the special-method lookups of operators on
//! instances of classes all start with `type_lookup(type, name)`: a walk over the MRO with a
//! hash probe in each class dict (and a scan of the static tables of builtin bases). The cache
//! remembers the answer — including "not found" — in a small direct-mapped table indexed by
//! the type and name pointers, as MicroPython's `MICROPY_OPT_MAP_LOOKUP_CACHE` does for map
//! lookups. It is an inline cache without bytecode changes: `.mpy` stays MicroPython's.
//!
//! Validity rests on one global epoch ([`EPOCH`]) compared with the one stored in an entry:
//! - a class dict is flagged when its class is made (`table::mark_class_dict`) and every
//!   mutation of a flagged table (insert, replace, delete, clear) bumps the epoch, however
//!   it is reached (`setattr` on the class, `C.__dict__[k] = v`, `vars(C)`, the namespace
//!   dict given to `type()`);
//! - freeing an object bumps it (a sweep that freed anything, `Heap::free` and a moving
//!   `Heap::realloc` of an object; freeing buffers, such as the temporary ones of string
//!   formatting, does not), so a cached type or name pointer can never be mistaken for a new
//!   object at the same address, and a cached value is never a freed one.
//!
//! The epoch is shared by all interpreters in the process (it is only ever compared for
//! equality; a bump by another interpreter costs this one a refill, never a wrong answer).
//! Loads and stores are relaxed atomics, which every target has (Cortex-M0 included);
//! increments are a load and a store: two racing bumps may give one new value, which still
//! differs from every epoch an entry was filled under.
//!
//! The table lives in the interpreter's heap (a pinned buffer made at start-up, sized from
//! the heap: none on heaps under 64 KiB, so tiny heaps pay nothing). The compact profile
//! (without `vm-fast`) has no cache at all.

use core::sync::atomic::{AtomicUsize, Ordering};

use super::attr::Found;
use super::{Cx, PyResult};
use crate::obj::{self, instance, table, tflags, Kind, TypeObj};
use crate::qstrs::q;
use crate::value::Value;

/// The epoch entries are valid in (see the module documentation). Never 0: zeroed entries
/// (epoch 0) are empty.
static EPOCH: AtomicUsize = AtomicUsize::new(1);

/// Every cached answer is stale from now on.
#[inline]
#[cfg_attr(not(feature = "vm-fast"), allow(dead_code))]
pub(crate) fn invalidate() {
    let e = EPOCH.load(Ordering::Relaxed).wrapping_add(1);
    EPOCH.store(if e == 0 { 1 } else { e }, Ordering::Relaxed);
}

/// One cached lookup.
#[derive(Clone, Copy)]
#[repr(C)]
pub(crate) struct Entry {
    ty: usize,
    name: usize,
    epoch: usize,
    found: Option<Found>,
    /// Where the name was last found in an instance's dict (instances of one class usually
    /// have their attributes in the same order): tried first, checked by key identity.
    hint: u32,
    /// What the instance attribute paths may do with `found` (`ABSENT`, `PLAIN`, `FUNC`,
    /// `SLOW`).
    class: u8,
}

/// No class attribute: the instance dict, else the general path (`__getattr__`, the error).
const ABSENT: u8 = 0;
/// A class attribute that is not a descriptor: the instance dict wins, else the value.
const PLAIN: u8 = 1;
/// A function defined in the class: the instance dict wins, else a method.
const FUNC: u8 = 2;
/// Anything else (properties, descriptors, builtin methods...): the general path.
const SLOW: u8 = 3;

fn classify(found: Option<Found>) -> u8 {
    match found {
        None => ABSENT,
        Some(Found::Value(f)) => match obj::kind_of(f) {
            Kind::Function if f.is_ptr() => FUNC,
            Kind::Function
            | Kind::NativeFn
            | Kind::Native
            | Kind::Property
            | Kind::ClassMethod
            | Kind::StaticMethod => SLOW,
            _ if super::ops::is_user_object(f) => SLOW,
            _ => PLAIN,
        },
        Some(_) => SLOW,
    }
}

/// What an instance attribute lookup found without binding anything.
enum InstanceAttr {
    /// In the instance's dict.
    Dict(Value),
    /// A class attribute that is not a descriptor.
    Plain(Value),
    /// A function defined in the class (a method).
    Func(Value),
}

/// The instance (an object of a class made in Python, with a dict and no
/// `__getattribute__`) whose attributes the fast paths handle, and its dict.
#[inline]
fn plain_instance(o: Value) -> Option<(*const TypeObj, Value)> {
    let i = instance::inst_of(o)?;
    let ty = obj::type_of(o);
    // SAFETY: a live instance's type is live.
    if i.dict.is_null() || unsafe { (*ty).flags } & tflags::HAS_GETATTRIBUTE != 0 {
        return None;
    }
    Some((ty, i.dict))
}

/// One cached global-name lookup: where `name` is in the globals dict `dict`, or the
/// builtin it resolves to while the globals (and builtins) dicts keep their shape.
#[derive(Clone, Copy)]
#[repr(C)]
pub(crate) struct GlobalEntry {
    dict: usize,
    name: usize,
    epoch: usize,
    /// NULL: the name is in the globals, at entry `hint`; else the builtin's value, valid
    /// while the globals dict's version is `version` (no key added or removed).
    value: Value,
    version: usize,
    hint: u32,
}

/// The per-interpreter tables (in the heap; `mask` 0 and no tables when disabled).
pub(crate) struct LookupCache {
    entries: *mut Entry,
    globals: *mut GlobalEntry,
    mask: usize,
}

impl LookupCache {
    pub(crate) const fn empty() -> LookupCache {
        LookupCache {
            entries: core::ptr::null_mut(),
            globals: core::ptr::null_mut(),
            mask: 0,
        }
    }
}

#[inline]
fn slot_of(a: usize, n: usize, mask: usize) -> usize {
    ((a >> 4) ^ (n >> 3) ^ (n >> 11)) & mask
}

/// Entries for a heap of `heap_bytes`: one per 4 KiB, a power of two from 16 to 512; none
/// under 64 KiB (and none in the compact profile).
pub(crate) fn entries_for_heap(heap_bytes: usize) -> usize {
    if !cfg!(feature = "vm-fast") || heap_bytes < 64 * 1024 {
        return 0;
    }
    let n = heap_bytes / 4096;
    let p = if n.is_power_of_two() {
        n
    } else {
        n.next_power_of_two() / 2
    };
    p.clamp(16, 512)
}

impl Cx {
    /// Make the table (at start-up): a pinned buffer in the heap, zeroed (every entry empty).
    pub(crate) fn init_lookup_cache(&mut self) {
        let heap_bytes = self.heap.n_blocks() * crate::gc::heap::BLOCK;
        let n = entries_for_heap(heap_bytes);
        if n == 0 {
            return;
        }
        let (Some(p), Some(g)) = (
            self.heap.alloc(
                n * core::mem::size_of::<Entry>(),
                crate::gc::heap::AllocKind::Pinned,
            ),
            self.heap.alloc(
                n * core::mem::size_of::<GlobalEntry>(),
                crate::gc::heap::AllocKind::Pinned,
            ),
        ) else {
            return;
        };
        let entries = p.as_ptr() as *mut Entry;
        let globals = g.as_ptr() as *mut GlobalEntry;
        for i in 0..n {
            // SAFETY: the buffer holds n entries (16-byte aligned, which suffices for Entry).
            unsafe {
                entries.add(i).write(Entry {
                    ty: 0,
                    name: 0,
                    epoch: 0,
                    found: None,
                    hint: 0,
                    class: SLOW,
                });
                globals.add(i).write(GlobalEntry {
                    dict: 0,
                    name: 0,
                    epoch: 0,
                    value: Value::NULL,
                    version: 0,
                    hint: 0,
                });
            };
        }
        self.lookup_cache = LookupCache {
            entries,
            globals,
            mask: n - 1,
        };
    }

    /// The entry for `(ty, name)`, filled if it was not valid; None without a cache.
    /// The reference is only good until the next lookup (which may reuse the slot).
    #[inline]
    fn entry<'a>(&mut self, ty: *const TypeObj, name: Value) -> Option<&'a mut Entry> {
        let c = &self.lookup_cache;
        // The compact profile has no table: the constant lets the compiler drop the paths.
        if !cfg!(feature = "vm-fast") || c.mask == 0 {
            return None;
        }
        let (t, n) = (ty as usize, name.raw());
        let i = slot_of(t, n, c.mask);
        // SAFETY: i <= mask < the entries written at start-up; the buffer is pinned for the
        // interpreter's life.
        let e = unsafe { &mut *c.entries.add(i) };
        let epoch = EPOCH.load(Ordering::Relaxed);
        if e.ty != t || e.name != n || e.epoch != epoch {
            let found = super::attr::type_lookup(ty, name);
            *e = Entry {
                ty: t,
                name: n,
                epoch,
                found,
                hint: 0,
                class: classify(found),
            };
        }
        Some(e)
    }

    /// LOAD_GLOBAL / LOAD_NAME's global part: `name` in `globals`, else a builtin. `None`:
    /// not found (the general path raises `NameError`) or no cache.
    #[inline]
    pub(crate) fn load_global_cached(&mut self, globals: Value, name: Value) -> Option<Value> {
        let c = &self.lookup_cache;
        // The compact profile has no table: the constant lets the compiler drop the paths.
        if !cfg!(feature = "vm-fast") || c.mask == 0 {
            return None;
        }
        let (d, n) = (globals.raw(), name.raw());
        // SAFETY: as in `entry`.
        let e = unsafe { &mut *c.globals.add(slot_of(d, n, c.mask)) };
        let epoch = EPOCH.load(Ordering::Relaxed);
        if e.dict == d && e.name == n && e.epoch == epoch {
            if e.value.is_null() {
                if let Some(v) = table::get_str_hinted(globals, name, &mut e.hint) {
                    return Some(v);
                }
            } else if table::version(globals) == e.version {
                return Some(e.value);
            }
        }
        let mut hint = 0;
        let (value, v) = match table::get_str_hinted(globals, name, &mut hint) {
            Some(v) => (Value::NULL, v),
            None => {
                // The builtins dict is flagged like a class dict: assigning a builtin bumps
                // the epoch.
                let v = crate::builtins::lookup(self, name)?;
                (v, v)
            }
        };
        *e = GlobalEntry {
            dict: d,
            name: n,
            epoch,
            value,
            version: table::version(globals),
            hint,
        };
        Some(v)
    }

    /// STORE_GLOBAL of a name already in the globals: into its slot (found through the
    /// global-lookup entry's hint). Whether it was stored.
    #[inline]
    pub(crate) fn store_global_cached(&mut self, globals: Value, name: Value, v: Value) -> bool {
        let c = &self.lookup_cache;
        if !cfg!(feature = "vm-fast") || c.mask == 0 {
            return false;
        }
        let (d, n) = (globals.raw(), name.raw());
        // SAFETY: as in `entry`.
        let e = unsafe { &mut *c.globals.add(slot_of(d, n, c.mask)) };
        if e.dict != d || e.name != n || !e.value.is_null() {
            return false;
        }
        let Some(slot) = table::find_str_hinted(globals, name, &mut e.hint) else {
            return false;
        };
        crate::gc::write_barrier(self, v);
        table::set_value_at(globals, slot, v);
        true
    }

    /// `attr::type_lookup(ty, name)`, answered from the cache when it can be.
    #[inline]
    pub(crate) fn type_lookup(&mut self, ty: *const TypeObj, name: Value) -> Option<Found> {
        match self.entry(ty, name) {
            Some(e) => e.found,
            None => super::attr::type_lookup(ty, name),
        }
    }

    /// The part of LOAD_ATTR and LOAD_METHOD on an instance that needs no binding: the value
    /// in its dict, or else what its class gave (a class attribute's classification and
    /// value). `None`: take the general path.
    #[inline]
    fn instance_attr(&mut self, o: Value, name: Value) -> Option<InstanceAttr> {
        if !cfg!(feature = "vm-fast") {
            return None;
        }
        let (ty, d) = plain_instance(o)?;
        let e = self.entry(ty, name)?;
        if e.class == SLOW {
            return None;
        }
        if let Some(v) = table::get_str_hinted(d, name, &mut e.hint) {
            return Some(InstanceAttr::Dict(v));
        }
        match (e.class, e.found) {
            (PLAIN, Some(Found::Value(v))) => Some(InstanceAttr::Plain(v)),
            (FUNC, Some(Found::Value(f))) => Some(InstanceAttr::Func(f)),
            _ => None,
        }
    }

    /// LOAD_ATTR `o.name` without side effects when it can be: an instance attribute, or a
    /// plain class attribute. `None`: take the general path (which binds methods).
    #[inline]
    pub(crate) fn load_attr_cached(&mut self, o: Value, name: Value) -> Option<Value> {
        match self.instance_attr(o, name)? {
            InstanceAttr::Dict(v) | InstanceAttr::Plain(v) => Some(v),
            InstanceAttr::Func(_) => None,
        }
    }

    /// LOAD_METHOD `o.name` on an instance: `(function, self)` for a method of its class,
    /// `(value, NULL)` for an attribute. `None`: take the general path.
    #[inline]
    pub(crate) fn load_method_cached(&mut self, o: Value, name: Value) -> Option<(Value, Value)> {
        Some(match self.instance_attr(o, name)? {
            InstanceAttr::Dict(v) | InstanceAttr::Plain(v) => (v, Value::NULL),
            InstanceAttr::Func(f) => (f, o),
        })
    }

    /// STORE_ATTR `o.name = v` on an instance whose class has no `__setattr__` and no data
    /// descriptor `name`: straight into its dict (made, or grown, as needed). `Ok(false)`:
    /// take the general path. Allocation may collect: `o` and `v` are on the VM stack and
    /// `name` is a constant of the running code.
    #[inline]
    pub(crate) fn store_attr_cached(&mut self, o: Value, name: Value, v: Value) -> PyResult<bool> {
        if !cfg!(feature = "vm-fast") {
            return Ok(false);
        }
        let Some(inst) = instance::inst_of(o) else {
            return Ok(false);
        };
        let ty = obj::type_of(o);
        // SAFETY: a live instance's type is live.
        if unsafe { (*ty).flags } & tflags::HAS_GETATTRIBUTE != 0 {
            return Ok(false);
        }
        let d = inst.dict;
        match self.entry(ty, q::__setattr__.value()) {
            Some(e) if !matches!(e.found, Some(Found::Value(_))) => {}
            _ => return Ok(false),
        }
        let Some(e) = self.entry(ty, name) else {
            return Ok(false);
        };
        if e.class == SLOW {
            return Ok(false);
        }
        if !d.is_null() {
            if let Some(slot) = table::find_str_hinted(d, name, &mut e.hint) {
                crate::gc::write_barrier(self, v);
                table::set_value_at(d, slot, v);
                return Ok(true);
            }
        }
        // A new attribute.
        let Some(h) = crate::obj::str::hash_of(name) else {
            return Ok(false);
        };
        let d = super::attr::ensure_dict(self, o)?;
        table::set_hashed(self, d, name, v, h as usize)?;
        super::attr::note_dict_len(o, obj::dict::len(d));
        Ok(true)
    }
}
