//! Handles: Python values the host keeps alive across calls.
//!
//! A [`Handle`] owns one slot in the interpreter's handle table, a chain of small chunks pinned
//! in the heap region (never collected, never moved). The collector treats every non-empty
//! slot as a root. Dropping a handle empties its slot with one atomic store, so a handle may be
//! dropped anywhere, at any time, even after its interpreter is gone:
//!
//! * a region given to [`Interpreter::new`](crate::Interpreter::new) is `'static`, so the slot
//!   stays valid memory for ever;
//! * a heap allocated by [`Interpreter::with_heap_size`](crate::Interpreter::with_heap_size)
//!   is freed when the interpreter is dropped only if no slot is in use; otherwise it is
//!   leaked (a handle outliving its interpreter is a bug in the host, but not undefined
//!   behaviour).
//!
//! Slots hold raw value words; an empty slot is 0 (`Value::NULL`, which no handle holds).
//! Only atomic loads and stores are used (principle 7: Cortex-M0 has no read-modify-write).

use core::ptr::NonNull;
use core::sync::atomic::{AtomicUsize, Ordering};

use crate::gc::heap::AllocKind;
use crate::obj::types::TYPE_ERROR_TYPE;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// Slots per chunk (a chunk is 32 words with its link).
const CHUNK: usize = 31;

#[repr(C)]
struct Chunk {
    next: *mut Chunk,
    slots: [AtomicUsize; CHUNK],
}

/// The chain of slot chunks of one interpreter.
pub(crate) struct HandleTable {
    first: *mut Chunk,
}

impl HandleTable {
    pub(crate) const fn empty() -> HandleTable {
        HandleTable {
            first: core::ptr::null_mut(),
        }
    }

    /// An identity for the table (the address of its first chunk): handles remember it so
    /// that a handle is never read through another interpreter.
    pub(crate) fn id(&self) -> usize {
        self.first as usize
    }

    fn chunks(&self) -> impl Iterator<Item = &Chunk> {
        let mut c = self.first;
        core::iter::from_fn(move || {
            if c.is_null() {
                return None;
            }
            // SAFETY: chunks are pinned heap blocks that live as long as the heap region;
            // `next` links are NULL or further chunks.
            let r = unsafe { &*c };
            c = r.next;
            Some(r)
        })
    }

    /// Mark every value held by a handle.
    pub(crate) fn trace<T: crate::gc::Tracer>(&self, m: &mut T) {
        for c in self.chunks() {
            for s in &c.slots {
                let w = s.load(Ordering::Acquire);
                if w != 0 {
                    m.value(Value::from_raw(w));
                }
            }
        }
    }

    /// Whether any handle is still alive.
    pub(crate) fn any_live(&self) -> bool {
        self.chunks()
            .any(|c| c.slots.iter().any(|s| s.load(Ordering::Acquire) != 0))
    }

    /// Store word `w` in a free slot, if there is one.
    fn try_take_slot(&self, w: usize) -> Option<NonNull<AtomicUsize>> {
        for c in self.chunks() {
            for s in &c.slots {
                if s.load(Ordering::Acquire) == 0 {
                    s.store(w, Ordering::Release);
                    return Some(NonNull::from(s));
                }
            }
        }
        None
    }

    /// Link a fresh zeroed chunk after the first one (the first chunk, the table's identity,
    /// never changes) and store `w` in its first slot.
    ///
    /// # Safety
    /// `p` must be a fresh, zeroed, pinned heap block of at least `size_of::<Chunk>()` bytes,
    /// and `self.first` must be non-NULL.
    unsafe fn add_chunk(&mut self, p: *mut Chunk, w: usize) -> NonNull<AtomicUsize> {
        // SAFETY: the caller guarantees p and first are live chunks.
        unsafe {
            (*p).next = (*self.first).next;
            (*self.first).next = p;
            (*p).slots[0].store(w, Ordering::Release);
            NonNull::from(&(*p).slots[0])
        }
    }
}

/// Allocate the first chunk (fixes the table's identity).
pub(crate) fn init(cx: &mut Cx) -> PyResult<()> {
    let p = cx.alloc_raw(core::mem::size_of::<Chunk>(), AllocKind::Pinned)?;
    cx.host.handles.first = p.as_ptr() as *mut Chunk;
    Ok(())
}

/// A Python value kept alive for the host until the handle is dropped.
///
/// Get one from [`Interpreter::handle`](crate::Interpreter::handle), from conversions
/// (`FromPython` for `Handle` accepts any value), or from native code with [`Cx::handle`].
/// Use it with the interpreter that made it: [`Interpreter::get`](crate::Interpreter::get)
/// converts it, [`Interpreter::call`](crate::Interpreter::call) calls it; passing it as an
/// argument (`&Handle` is [`IntoPython`](crate::IntoPython)) gives Python the value.
///
/// A handle is a root: a handle stored inside a Python-visible native object keeps that
/// object alive for ever (a cycle the collector cannot see through). Keep handles in host
/// state, not in native payloads.
pub struct Handle {
    slot: NonNull<AtomicUsize>,
    table: usize,
}

// SAFETY: the slot is only written with atomic stores (drop) and read with atomic loads; the
// value it names is only used through the owning interpreter, which the caller must borrow.
unsafe impl Send for Handle {}
// SAFETY: as above; `&Handle` gives no access without the interpreter.
unsafe impl Sync for Handle {}

impl Drop for Handle {
    fn drop(&mut self) {
        // SAFETY: the slot lives in memory that outlives every handle (see the module doc).
        unsafe { self.slot.as_ref() }.store(0, Ordering::Release);
    }
}

impl core::fmt::Debug for Handle {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Handle({:p})", self.slot)
    }
}

impl Cx {
    /// Keep `v` alive in a new [`Handle`] (released when the handle is dropped).
    pub fn handle(&mut self, v: Value) -> PyResult<Handle> {
        let w = if v.is_null() {
            Value::NONE.raw()
        } else {
            v.raw()
        };
        if self.host.handles.first.is_null() {
            return Err(self.runtime_error("interpreter not initialised"));
        }
        let slot = match self.host.handles.try_take_slot(w) {
            Some(s) => s,
            None => {
                let mark = self.roots_mark();
                self.root(v)?;
                let p = self.alloc_raw(core::mem::size_of::<Chunk>(), AllocKind::Pinned);
                self.roots_truncate(mark);
                // SAFETY: a fresh zeroed pinned block of the right size; first is set.
                unsafe { self.host.handles.add_chunk(p?.as_ptr() as *mut Chunk, w) }
            }
        };
        Ok(Handle {
            slot,
            table: self.host.handles.id(),
        })
    }

    /// The value a handle holds. Raises `TypeError` for a handle of another interpreter.
    pub fn handle_value(&mut self, h: &Handle) -> PyResult<Value> {
        if h.table != self.host.handles.id() {
            return Err(self.raise_msg(&TYPE_ERROR_TYPE, "handle of another interpreter"));
        }
        // SAFETY: the handle belongs to this live interpreter, so its slot is live memory.
        let w = unsafe { h.slot.as_ref() }.load(Ordering::Acquire);
        Ok(Value::from_raw(w))
    }
}
