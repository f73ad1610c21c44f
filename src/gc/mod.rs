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
//! # The write barrier
//!
//! Every store of a value into a heap object goes through [`write_barrier`] first, including
//! stores into objects under construction and moves of values inside one object (a list
//! insertion shifts its items: [`write_barrier_values`]). A heap frame (a generator's) that
//! leaves the frame chain goes through [`Cx::frame_unlinked`]: while it ran, the dispatch loop
//! wrote its slots as roots, without barriers. Under mark-sweep all of these are no-ops.
//!
//! # Collectors
//!
//! `marksweep.rs` is stop-the-world mark and sweep; `incremental.rs` marks and sweeps in
//! bounded slices with a write barrier. Both implement [`Collector`]; the rest of the core only
//! calls [`Cx::collect`], [`Cx::gc_safepoint`], the allocation hooks and the barriers.
//!
//! # Marking
//!
//! Both collectors mark with the same machinery: the `MARK` bit says "reached", the `GREY` bit
//! "reached but not yet traced". Grey objects wait on a bounded stack inside the heap; when it
//! is full they simply stay grey in the metadata, and a scan of the metadata from the lowest
//! such block finds them later, so marking never recurses and never loses work. Large arrays
//! (list items, tuple items, dict entries) are traced in chunks, a continuation entry on the
//! stack remembering where to resume, so that no single step is unbounded.

pub mod heap;
#[cfg(feature = "gc-incremental")]
pub mod incremental;
#[cfg(not(feature = "gc-incremental"))]
pub mod marksweep;
mod trace;
#[cfg(all(feature = "gc-stress", feature = "gc-incremental"))]
mod verify;

pub use trace::Tracer;

use core::cell::Cell;

use crate::value::Value;
use crate::vm::frame::{fflags, Frame};
use crate::vm::Cx;
use heap::{meta, Heap, Phase};

/// What a collector does. Exactly one implementation is compiled in.
pub trait Collector {
    /// Run a whole collection now, finishing or abandoning any cycle in progress: afterwards
    /// every block unreachable from the roots is free.
    fn full_collect(cx: &mut Cx);
    /// Automatic work, called at safepoints and before allocations once
    /// `Heap::allocated_since_gc` reaches `GcState::poll_at` (and never while `gc.disable()`
    /// is in force): collect, start a cycle, or run a bounded slice of one.
    fn step(cx: &mut Cx);
    /// A value is about to be stored into a heap object.
    fn write_barrier(heap: &Heap, v: Value);
    /// A heap frame left the frame chain: what the dispatch loop wrote into it is now only
    /// reachable through its generator.
    fn frame_unlinked(heap: &Heap, f: *mut Frame);
    /// Set up a new heap's bookkeeping.
    fn init(heap: &Heap);
    /// `gc.threshold()` changed.
    fn threshold_changed(cx: &mut Cx);
    /// The collector's name (`micropython.mem_info`).
    const NAME: &'static str;
}

/// The collector compiled in (incremental wins when both features are on).
#[cfg(not(feature = "gc-incremental"))]
pub type Active = marksweep::MarkSweep;
/// The collector compiled in (incremental wins when both features are on).
#[cfg(feature = "gc-incremental")]
pub type Active = incremental::Incremental;

/// The incremental collector's work units per slice (0 under mark-sweep).
pub fn incremental_slice() -> usize {
    #[cfg(feature = "gc-incremental")]
    return incremental::SLICE;
    #[cfg(not(feature = "gc-incremental"))]
    return 0;
}

/// Collector bookkeeping that lives beside the heap.
#[cfg_attr(not(feature = "gc-incremental"), allow(dead_code))]
pub struct GcState {
    /// Automatic work runs when `Heap::allocated_since_gc` reaches this.
    pub(crate) poll_at: Cell<usize>,
    /// Objects freed by the cycle in progress.
    pub(crate) freeing: Cell<usize>,
    /// Objects freed by the last finished collection (`gc.collect()`'s result).
    pub(crate) last_freed: Cell<usize>,
    /// Incremental: work units owed per block allocated during a cycle.
    pub(crate) ratio: Cell<usize>,
    /// Incremental: start the next cycle after this many blocks were allocated.
    pub(crate) trigger: Cell<usize>,
    /// Cycles finished (either collector; a full collection counts as one).
    pub(crate) cycles: Cell<usize>,
    /// Incremental slices run.
    pub(crate) slices: Cell<usize>,
    /// The most work units one slice did (incremental).
    pub(crate) max_slice_work: Cell<usize>,
    /// Incremental: allocated_since_gc when the cycle started.
    pub(crate) base: Cell<usize>,
    /// Incremental: work done in this cycle.
    pub(crate) done: Cell<usize>,
    /// A clock (nanoseconds) to time pauses with, set by the embedder.
    pub(crate) clock: Cell<Option<fn() -> u64>>,
    /// The longest pause timed, in nanoseconds.
    pub(crate) max_pause: Cell<u64>,
    /// The sum of the pauses timed.
    pub(crate) total_pause: Cell<u64>,
    /// Pauses timed.
    pub(crate) pauses: Cell<u64>,
    /// The longest pause of automatic work that was not a full collection (incremental
    /// slices; mark-sweep's threshold collections are full ones).
    pub(crate) max_step_pause: Cell<u64>,
    /// Full collections run (gc.collect(), allocation failures, mark-sweep's threshold).
    pub(crate) full_collections: Cell<usize>,
}

impl GcState {
    pub(crate) const fn new() -> GcState {
        GcState {
            poll_at: Cell::new(usize::MAX),
            freeing: Cell::new(0),
            last_freed: Cell::new(0),
            ratio: Cell::new(1),
            trigger: Cell::new(0),
            cycles: Cell::new(0),
            slices: Cell::new(0),
            max_slice_work: Cell::new(0),
            base: Cell::new(0),
            done: Cell::new(0),
            clock: Cell::new(None),
            max_pause: Cell::new(0),
            total_pause: Cell::new(0),
            pauses: Cell::new(0),
            max_step_pause: Cell::new(0),
            full_collections: Cell::new(0),
        }
    }

    /// Start timing a pause (when a clock is set).
    #[inline]
    pub(crate) fn clock_start(&self) -> Option<u64> {
        self.clock.get().map(|c| c())
    }

    /// Finish timing a pause (`full`: a full collection, else a slice).
    #[inline]
    pub(crate) fn clock_stop(&self, start: Option<u64>, full: bool) {
        if let (Some(t0), Some(c)) = (start, self.clock.get()) {
            let d = c().saturating_sub(t0);
            self.max_pause.set(self.max_pause.get().max(d));
            if !full {
                self.max_step_pause.set(self.max_step_pause.get().max(d));
            }
            self.total_pause
                .set(self.total_pause.get().saturating_add(d));
            self.pauses.set(self.pauses.get() + 1);
        }
    }
}

/// Statistics of the collector (see [`Cx::gc_stats`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GcStats {
    /// Collection cycles finished.
    pub cycles: usize,
    /// Incremental slices run (0 under mark-sweep).
    pub slices: usize,
    /// The most work units a single slice did (values traced, blocks swept / 4).
    pub max_slice_work: usize,
    /// Objects freed by the last finished cycle.
    pub last_freed: usize,
    /// The longest collector pause timed with the clock given to [`Cx::set_gc_clock`], in
    /// nanoseconds: a full collection, or one slice (with the root scan or rescan it may do).
    pub max_pause_ns: u64,
    /// The sum of the timed pauses, in nanoseconds.
    pub total_pause_ns: u64,
    /// The number of timed pauses.
    pub pauses: u64,
    /// The longest timed pause that was not a full collection (an incremental slice), in
    /// nanoseconds.
    pub max_slice_pause_ns: u64,
    /// Full collections run (gc.collect(), allocation failures, mark-sweep's threshold).
    pub full_collections: usize,
}

/// The write barrier: every store of a value into a heap object goes through here first.
#[inline(always)]
pub fn write_barrier(cx: &Cx, v: Value) {
    Active::write_barrier(&cx.heap, v)
}

/// Whether the write barrier is active (incremental marking in progress): callers that would
/// have to compute the values to shade test this first.
#[inline(always)]
pub fn marking(cx: &Cx) -> bool {
    cx.heap.phase() == Phase::Mark
}

/// The write barrier for several values stored (or moved) at once.
#[inline(always)]
pub fn write_barrier_values(cx: &Cx, vs: &[Value]) {
    if cx.heap.phase() == Phase::Mark {
        for &v in vs {
            Active::write_barrier(&cx.heap, v);
        }
    }
}

impl Cx {
    /// Collect garbage now: a full collection with either collector (an incremental cycle in
    /// progress is finished or abandoned first). Does nothing inside a collection.
    pub fn collect(&mut self) {
        if self.in_gc {
            return;
        }
        self.in_gc = true;
        let t = self.heap.gc.clock_start();
        Active::full_collect(self);
        self.heap.gc.clock_stop(t, true);
        let g = &self.heap.gc;
        g.full_collections.set(g.full_collections.get() + 1);
        self.gc_count += 1;
        self.heap.reset_allocated_since_gc();
        self.in_gc = false;
        self.refill_emergency();
    }

    /// A VM safepoint (back-edges, calls): the collector may do a bounded amount of work.
    #[inline]
    pub(crate) fn gc_safepoint(&mut self) {
        #[cfg(feature = "gc-stress")]
        if self.gc_enabled {
            self.gc_stress_step();
            return;
        }
        if self.heap.allocated_since_gc() >= self.heap.gc.poll_at.get() {
            self.gc_step();
        }
    }

    /// Before every allocation made through `alloc_raw`/`realloc_raw`.
    #[inline]
    pub(crate) fn gc_before_alloc(&mut self) {
        #[cfg(feature = "gc-stress")]
        if self.gc_enabled {
            self.gc_stress_step();
            return;
        }
        if self.heap.allocated_since_gc() >= self.heap.gc.poll_at.get() {
            self.gc_step();
        }
    }

    /// An allocation failed: collect if allowed (not locked, automatic collection enabled, not
    /// inside a collection). Returns whether it collected (the caller retries).
    pub(crate) fn gc_after_alloc_failure(&mut self) -> bool {
        if self.in_gc || self.heap.is_locked() || !self.gc_enabled {
            return false;
        }
        self.collect();
        true
    }

    #[inline(never)]
    fn gc_step(&mut self) {
        if !self.gc_enabled || self.in_gc {
            return;
        }
        Active::step(self);
    }

    /// `gc.threshold()` changed.
    pub(crate) fn gc_threshold_changed(&mut self) {
        Active::threshold_changed(self);
    }

    /// gc-stress: mark-sweep collects at every allocation and safepoint; the incremental
    /// collector runs a tiny slice there instead (starting cycles back to back), which keeps
    /// marking in progress nearly all the time so that a missing barrier shows up.
    #[cfg(feature = "gc-stress")]
    fn gc_stress_step(&mut self) {
        if self.in_gc {
            return;
        }
        #[cfg(not(feature = "gc-incremental"))]
        self.collect();
        #[cfg(feature = "gc-incremental")]
        {
            self.in_gc = true;
            incremental::stress_step(self);
            self.in_gc = false;
        }
    }

    /// Run `f` with the emergency reserve released and allocation allowed even if the heap
    /// is locked, without collecting: to build an exception when there is no memory for it.
    /// `None` when there is no reserve (or `f` failed anyway). The reserve is spent; the next
    /// collection made while the heap is unlocked reserves it again.
    pub(crate) fn with_emergency<T>(
        &mut self,
        f: impl FnOnce(&mut Cx) -> crate::vm::PyResult<T>,
    ) -> Option<T> {
        let p = self.heap.emergency.replace(core::ptr::null_mut());
        if p.is_null() || self.in_gc {
            self.heap.emergency.set(p);
            return None;
        }
        self.heap.free(p);
        let depth = self.heap.lock_depth();
        self.heap.set_lock_depth(0);
        self.in_gc = true;
        let saved_exc = self.exc;
        let r = f(self);
        self.in_gc = false;
        self.heap.set_lock_depth(depth);
        match r {
            Ok(v) => Some(v),
            Err(_) => {
                self.exc = saved_exc;
                None
            }
        }
    }

    /// Set the size of the emergency reserve and reserve it now (0: drop it).
    pub(crate) fn set_emergency_reserve(&mut self, size: usize) -> crate::vm::PyResult<()> {
        let old = self.heap.emergency.replace(core::ptr::null_mut());
        if !old.is_null() {
            self.heap.free(old);
        }
        // Room for at least an exception, its args tuple and a short message.
        let size = if size == 0 { 0 } else { size.max(256) };
        self.heap.emergency_size.set(size);
        if size == 0 {
            return Ok(());
        }
        if !self.refill_emergency() {
            self.collect();
            if !self.refill_emergency() {
                return Err(self.raise_memory_error(size));
            }
        }
        Ok(())
    }

    /// Reserve the emergency buffer if it is wanted and missing. Returns whether it is there.
    pub(crate) fn refill_emergency(&mut self) -> bool {
        let size = self.heap.emergency_size.get();
        if size == 0 || !self.heap.emergency.get().is_null() {
            return true;
        }
        if self.heap.is_locked() {
            return false;
        }
        match self.heap.alloc(size, heap::AllocKind::Pinned) {
            Some(p) => {
                self.heap.emergency.set(p.as_ptr());
                true
            }
            None => false,
        }
    }

    /// A heap frame (a generator's) left the frame chain.
    #[inline(always)]
    pub(crate) fn frame_unlinked(&self, f: *mut Frame) {
        Active::frame_unlinked(&self.heap, f)
    }

    /// Statistics of the collector.
    pub fn gc_stats(&self) -> GcStats {
        let g = &self.heap.gc;
        GcStats {
            cycles: g.cycles.get(),
            slices: g.slices.get(),
            max_slice_work: g.max_slice_work.get(),
            last_freed: g.last_freed.get(),
            max_pause_ns: g.max_pause.get(),
            total_pause_ns: g.total_pause.get(),
            pauses: g.pauses.get(),
            max_slice_pause_ns: g.max_step_pause.get(),
            full_collections: g.full_collections.get(),
        }
    }

    /// Time every collector pause with `clock` (a monotonic clock in nanoseconds), for
    /// [`Cx::gc_stats`]; `None` stops timing. The statistics restart.
    pub fn set_gc_clock(&mut self, clock: Option<fn() -> u64>) {
        let g = &self.heap.gc;
        g.clock.set(clock);
        g.max_pause.set(0);
        g.total_pause.set(0);
        g.pauses.set(0);
        g.max_slice_work.set(0);
        g.max_step_pause.set(0);
        g.full_collections.set(0);
    }

    /// Shade every root. `volatile_only` skips the roots that are barriered (the interned-string
    /// table, whose stores go through the write barrier) for the rescan that ends marking.
    pub(crate) fn mark_roots<T: Tracer>(&self, m: &mut T, volatile_only: bool) {
        self.trace_roots(m, volatile_only);
    }
}

/// Whether a heap frame leaving the chain must be re-traced (it is a generator's).
#[cfg_attr(not(feature = "gc-incremental"), allow(dead_code))]
#[inline(always)]
pub(crate) fn is_heap_frame(f: *mut Frame) -> bool {
    // SAFETY: callers pass live frames.
    unsafe { (*f).flags & fflags::GENERATOR != 0 }
}

/// The marking machinery shared by the collectors (see the module comment).
pub(crate) struct Marker<'h> {
    pub(crate) heap: &'h Heap,
    /// Work done so far: values looked at, objects traced, metadata bytes scanned / 16.
    pub(crate) work: usize,
}

/// Values traced per step of a large array (list or tuple items, dict entries * 2).
pub(crate) const CHUNK: usize = 256;

impl<'h> Marker<'h> {
    pub(crate) fn new(heap: &'h Heap) -> Marker<'h> {
        Marker { heap, work: 0 }
    }

    /// Shade an object by address: mark it, and queue it when it holds values.
    #[inline]
    pub(crate) fn shade(heap: &Heap, p: *const u8) {
        let Some(i) = heap.head_of(p) else {
            return;
        };
        let m = heap.meta(i);
        if m & meta::MARK != 0 {
            return;
        }
        if m & meta::OBJ != 0 {
            heap.set_meta(i, m | meta::MARK | meta::GREY);
            heap.grey_push_limited(i, 0, true);
        } else {
            heap.set_meta(i, m | meta::MARK);
        }
    }

    /// Trace grey objects until none is left (true) or `budget` work is done (false).
    pub(crate) fn drain(&mut self, budget: usize) -> bool {
        let heap = self.heap;
        loop {
            if self.work >= budget {
                return heap.grey_is_empty();
            }
            match heap.grey_pop() {
                Some((i, off)) => self.trace_entry(i, off),
                None => {
                    if heap.grey_is_empty() {
                        return true;
                    }
                    // Grey objects the stack could not hold: find them in the metadata.
                    let room = budget.saturating_sub(self.work).saturating_mul(16);
                    let scanned = heap.grey_refill(room.saturating_add(16));
                    self.work += scanned / 16 + 1;
                }
            }
        }
    }

    fn trace_entry(&mut self, i: usize, off: u32) {
        let heap = self.heap;
        let m = heap.meta(i);
        let want = meta::HEAD | meta::OBJ | meta::MARK;
        if m & (meta::STATE | meta::OBJ | meta::MARK) != want {
            return;
        }
        if off == 0 {
            if m & meta::GREY == 0 {
                return;
            }
            heap.set_meta(i, m & !meta::GREY);
        }
        // SAFETY: i is the head of a live object allocation, at least one word long.
        if unsafe { (*(heap.block_ptr(i) as *const crate::obj::ObjHeader)).ty }.is_null() {
            // Born grey but its header not yet written (cannot happen: `alloc_obj` writes it
            // before anything can trace); nothing to trace.
            return;
        }
        self.work += 1;
        if let Some(next) = trace::trace_object(self, heap.block_ptr(i), off as usize, CHUNK) {
            // The slot this entry was popped from is free: children leave it (see `shade`).
            heap.grey_push(i, next as u32);
        }
    }
}

impl Tracer for Marker<'_> {
    #[inline]
    fn value(&mut self, v: Value) {
        self.work += 1;
        if let Some(p) = v.as_ptr() {
            Marker::shade(self.heap, p as *const u8);
        }
    }

    #[inline]
    fn object(&mut self, p: *const u8) {
        self.work += 1;
        Marker::shade(self.heap, p);
    }

    #[inline]
    fn buffer(&mut self, p: *const u8) {
        if let Some(i) = self.heap.head_of(p) {
            let m = self.heap.meta(i);
            self.heap.set_meta(i, m | meta::MARK);
        }
    }
}

/// Sweep from block `from`: free every unmarked allocation (running finalisers), clear the
/// marks of the rest, until the end of the heap or until `budget` work is done (one unit per
/// allocation plus one per four blocks). Pinned blocks are left alone. Returns where it
/// stopped (`n_blocks` when done) and the work done.
pub(crate) fn sweep_range(heap: &Heap, from: usize, budget: usize) -> (usize, usize) {
    let n = heap.n_blocks();
    let mut i = from;
    let mut blocks = 0usize;
    let mut heads = 0usize;
    let mut objects_freed = 0usize;
    // Neighbouring garbage is freed as one run: `run` is where the current run of free blocks
    // started (if it holds freed ones), `freed` the blocks freed in it, `end` the end of the last.
    let mut run: Option<usize> = None;
    let (mut freed, mut end) = (0usize, 0usize);
    while i < n && heads + blocks / 4 < budget {
        let m = heap.meta(i);
        if m & meta::STATE != meta::HEAD {
            // A free block: step to the next head, eight metadata bytes at a time (bit 0 of
            // the state is set only in heads).
            if i + 8 <= n && heads + blocks / 4 + 2 < budget {
                let heads_here = heap.meta_word(i) & LOW_BYTES;
                let k = if heads_here == 0 {
                    8
                } else {
                    heads_here.trailing_zeros() as usize / 8
                };
                i += k;
                blocks += k;
            } else {
                i += 1;
                blocks += 1;
            }
            continue;
        }
        let len = heap.alloc_blocks(i);
        heads += 1;
        blocks += len;
        if m & (meta::MARK | meta::PINNED) != 0 {
            heap.set_meta(i, m & !(meta::MARK | meta::GREY | VERIFY_BIT));
            if let Some(s) = run.take() {
                heap.note_freed(s, end, freed);
            }
            i += len;
            continue;
        }
        if m & meta::FIN != 0 {
            trace::finalise(heap.block_ptr(i));
        }
        heap.clear_run(i, len);
        if run.is_none() {
            run = Some(i);
            freed = 0;
        }
        freed += len;
        objects_freed += 1;
        i += len;
        // After a one-block garbage object, more of them eight at a time (the floats and
        // small tuples a numeric loop leaves behind): eight bare heads (no mark, finaliser,
        // pin or grey bit) whose ninth neighbour is not a tail of the eighth.
        if len == 1 {
            while i + 9 <= n && heads + blocks / 4 + 10 <= budget {
                let w = heap.meta_word(i);
                if w & !(meta::OBJ as u64 * LOW_BYTES) != LOW_BYTES
                    || heap.meta(i + 8) & meta::STATE == meta::TAIL
                {
                    break;
                }
                heap.clear_run(i, 8);
                freed += 8;
                objects_freed += 8;
                heads += 8;
                blocks += 8;
                i += 8;
            }
        }
        end = i;
    }
    if let Some(s) = run {
        heap.note_freed(s, end, freed);
    }
    heap.gc.freeing.set(heap.gc.freeing.get() + objects_freed);
    // Objects freed: their addresses may be reused, so cached lookups keyed by them go.
    #[cfg(feature = "vm-fast")]
    if objects_freed != 0 {
        crate::vm::cache::invalidate();
    }
    (i, heads + blocks / 4)
}

/// Bit 0 of every byte of a word.
const LOW_BYTES: u64 = 0x0101_0101_0101_0101;

/// Metadata bit used only by the gc-stress verifier (a second, independent mark).
pub(crate) const VERIFY_BIT: u8 = 1 << 7;

/// Clear every mark (an abandoned incremental cycle, before a full collection).
#[cfg_attr(not(feature = "gc-incremental"), allow(dead_code))]
pub(crate) fn clear_marks(heap: &Heap) {
    heap.grey_clear();
    for i in 0..heap.n_blocks() {
        let m = heap.meta(i);
        if m & meta::STATE == meta::HEAD && m & (meta::MARK | meta::GREY | VERIFY_BIT) != 0 {
            heap.set_meta(i, m & !(meta::MARK | meta::GREY | VERIFY_BIT));
        }
    }
}

/// Mark everything reachable from the roots without a budget (a stop-the-world mark).
pub(crate) fn mark_all(cx: &Cx) {
    let mut m = Marker::new(&cx.heap);
    cx.mark_roots(&mut m, false);
    m.drain(usize::MAX);
}

/// A stop-the-world sweep of the whole heap; records the objects freed.
pub(crate) fn sweep_all(heap: &Heap) {
    heap.gc.freeing.set(0);
    sweep_range(heap, 0, usize::MAX);
    heap.gc.last_freed.set(heap.gc.freeing.get());
}

/// Run the finaliser of every live object that has one (the interpreter is going away).
pub(crate) fn finalise_all(heap: &Heap) {
    let n = heap.n_blocks();
    let mut i = 0;
    while i < n {
        // Eight blocks without a finaliser bit at a time (most of a heap).
        if i + 8 <= n && heap.meta_word(i) & (meta::FIN as u64 * LOW_BYTES) == 0 {
            i += 8;
            continue;
        }
        let m = heap.meta(i);
        if m & meta::STATE == meta::HEAD && m & meta::FIN != 0 {
            heap.set_meta(i, m & !meta::FIN);
            trace::finalise(heap.block_ptr(i));
        }
        i += 1;
    }
}
