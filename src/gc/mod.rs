//! The garbage collector: precise, non-moving, run only at well-defined points.
//!
//! # The rooting rule
//!
//! Collection happens only inside calls that take `&mut Cx`: when an allocation finds the heap
//! full (collect, retry, then `MemoryError`), at VM safepoints, and in `gc.collect()`. At that
//! moment every value the program still needs must be reachable from the roots: the frames
//! (their live stack and locals), the temporary root stack, the pending exception, the module
//! table and the interned strings. Native code therefore keeps any value it needs across a
//! call that may allocate either on the VM stack (its arguments are already there), inside a
//! reachable object, or pushed with `cx.root(v)`. Views into objects (`&ListObj`, slices of
//! items) borrow `&Cx`, so the borrow checker refuses to keep them across such calls.
//! `gc-stress` collects at every allocation and poisons freed memory to find violations.
//!
//! # Collectors
//!
//! `marksweep.rs` is stop-the-world mark and sweep; `incremental.rs` marks in slices with a
//! write barrier. Both implement [`Collector`]; the rest of the core only calls
//! [`Cx::collect`], [`Cx::gc_safepoint`] and [`write_barrier`].

pub mod heap;
pub mod marksweep;
mod trace;

use crate::value::Value;
use crate::vm::Cx;
use heap::{meta, Heap};

/// What a collector does. Exactly one implementation is compiled in.
pub trait Collector {
    /// Run a whole collection now: afterwards every unreachable block is free.
    fn full_collect(cx: &mut Cx);
    /// A safepoint: the collector may do a bounded amount of work.
    fn safepoint(cx: &mut Cx);
    /// A value is about to be stored into a heap object.
    fn write_barrier(cx: &Cx, v: Value);
}

#[cfg(not(feature = "gc-incremental"))]
type Active = marksweep::MarkSweep;
#[cfg(feature = "gc-incremental")]
type Active = marksweep::MarkSweep;

/// The write barrier: every store of a value into a heap object goes through here first.
#[inline(always)]
pub fn write_barrier(cx: &Cx, v: Value) {
    Active::write_barrier(cx, v)
}

impl Cx {
    /// Collect garbage now (a full collection with either collector).
    pub fn collect(&mut self) {
        if self.in_gc {
            return;
        }
        self.in_gc = true;
        Active::full_collect(self);
        self.gc_count += 1;
        self.heap.reset_allocated_since_gc();
        self.in_gc = false;
    }

    /// A VM safepoint (back-edges, calls): collect if the threshold says so.
    #[inline]
    pub(crate) fn gc_safepoint(&mut self) {
        #[cfg(feature = "gc-stress")]
        if self.gc_enabled {
            self.collect();
            return;
        }
        Active::safepoint(self);
    }
}

/// The marking machinery shared by the collectors: a bounded mark stack with a rescan of the
/// heap when it overflows (as MicroPython does), so marking never recurses.
pub(crate) struct Marker<'h> {
    pub(crate) heap: &'h Heap,
    stack: [u32; MARK_STACK],
    len: usize,
    overflowed: bool,
}

/// Entries in the mark stack (it lives on the Rust stack: 2 KiB).
const MARK_STACK: usize = 512;

impl<'h> Marker<'h> {
    pub(crate) fn new(heap: &'h Heap) -> Marker<'h> {
        Marker {
            heap,
            stack: [0; MARK_STACK],
            len: 0,
            overflowed: false,
        }
    }

    /// Mark the object a value points at (if it is in the heap and not yet marked).
    #[inline]
    pub(crate) fn value(&mut self, v: Value) {
        if let Some(p) = v.as_ptr() {
            self.object(p as *const u8);
        }
    }

    /// Mark an object by address.
    #[inline]
    pub(crate) fn object(&mut self, p: *const u8) {
        let Some(i) = self.heap.head_of(p) else {
            return;
        };
        let m = self.heap.meta(i);
        if m & meta::MARK != 0 {
            return;
        }
        self.heap.set_meta(i, m | meta::MARK);
        if m & meta::OBJ != 0 {
            if self.len < MARK_STACK {
                self.stack[self.len] = i as u32;
                self.len += 1;
            } else {
                self.overflowed = true;
            }
        }
    }

    /// Mark a buffer owned by an object (its contents are traced by the owner).
    #[inline]
    pub(crate) fn buffer(&mut self, p: *const u8) {
        if let Some(i) = self.heap.head_of(p) {
            let m = self.heap.meta(i);
            self.heap.set_meta(i, m | meta::MARK);
        }
    }

    /// Trace everything reachable from what has been marked so far.
    pub(crate) fn drain(&mut self) {
        loop {
            while self.len > 0 {
                self.len -= 1;
                let i = self.stack[self.len] as usize;
                trace::trace_object(self, self.heap.block_ptr(i));
            }
            if !self.overflowed {
                return;
            }
            // Some marked objects were not traced: trace every marked object again.
            self.overflowed = false;
            for i in 0..self.heap.n_blocks() {
                let m = self.heap.meta(i);
                if m & meta::STATE == meta::HEAD
                    && m & (meta::MARK | meta::OBJ) == (meta::MARK | meta::OBJ)
                {
                    trace::trace_object(self, self.heap.block_ptr(i));
                    while self.len > 0 {
                        self.len -= 1;
                        let j = self.stack[self.len] as usize;
                        trace::trace_object(self, self.heap.block_ptr(j));
                    }
                }
            }
        }
    }
}

/// Free every unmarked allocation and clear the marks. Pinned blocks are left alone.
pub(crate) fn sweep(cx: &mut Cx) {
    let heap = &cx.heap;
    let n = heap.n_blocks();
    let mut i = 0;
    while i < n {
        let m = heap.meta(i);
        if m & meta::STATE != meta::HEAD {
            i += 1;
            continue;
        }
        let len = heap.alloc_blocks(i);
        if m & (meta::MARK | meta::PINNED | meta::NEW) != 0 {
            heap.set_meta(i, m & !(meta::MARK | meta::NEW));
        } else {
            if m & meta::FIN != 0 {
                trace::finalise(heap.block_ptr(i));
            }
            heap.free_run(i, len);
        }
        i += len;
    }
}
