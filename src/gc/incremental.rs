//! The incremental collector: tri-colour marking and sweeping in bounded slices.
//!
//! # Colours
//!
//! White: unmarked. Grey: `MARK | GREY`, reached but not yet traced (queued on the grey stack,
//! or left in the metadata when the stack was full). Black: `MARK` alone, traced.
//!
//! # A cycle
//!
//! 1. **Start** (one pause, proportional to the roots): the phase becomes `Mark` and every root
//!    is shaded, including the interned-string table.
//! 2. **Marking slices**: each traces grey objects until `SLICE` units of work are done (a unit
//!    is one value looked at; lists, tuples and dict tables are traced in chunks of `CHUNK`
//!    values, so one huge list does not make one huge step).
//! 3. **End of marking**: when no grey object is left, the roots that are written without a
//!    barrier (the frames' stacks and locals, the temporary root stack, the interpreter's own
//!    value slots) are shaded again. If that found nothing new, marking is complete; otherwise
//!    marking goes on in slices and the roots are rescanned when the grey set empties again.
//!    This terminates: objects allocated during the cycle are born grey, so the set of white
//!    objects only shrinks, and each rescan that finds something shrinks it. The pause of a
//!    rescan is proportional to the roots (the live frames, at most `Config::frame_stack_bytes`
//!    of them, plus the root stack), not to the heap.
//! 4. **Sweeping slices**: the sweep walks the heap from block 0 in steps of `SLICE` units (one
//!    unit per allocation plus one per four blocks), freeing unmarked allocations (after their
//!    finalisers) and clearing the marks of the rest. An allocation made during the sweep is
//!    born marked if the sweep has yet to reach its block, unmarked otherwise (see
//!    `Heap::birth_colour`).
//!
//! # The write barrier: Dijkstra's insertion barrier
//!
//! While marking, every value stored into a heap object is shaded first. This keeps the strong
//! tri-colour invariant for the heap, "no black object points to a white one": a white value
//! can only become reachable from a black object through a store, and the store makes it grey.
//! We chose it over the alternatives because:
//!
//! * it needs only the value being stored, which every store site has (`gc::write_barrier(cx,
//!   v)`); Yuasa's deletion barrier needs the value being overwritten, so every store site
//!   would have to read the slot first, and bulk operations (list slice assignment, `clear`,
//!   dict resize) would have to shade everything they drop;
//! * Steele's barrier needs the object being written to (to make it grey again), which many
//!   store sites do not have at hand (they write through item pointers);
//! * its cost is the same single "are we marking?" test outside a cycle.
//!
//! Its price is that stores into the *roots* (the VM stack, locals, the root stack) are not
//! barriered, so the roots must be rescanned at the end of marking (step 3); a snapshot
//! (Yuasa) barrier would not need that rescan. Two kinds of unbarriered writes into heap
//! memory remain and are handled explicitly:
//!
//! * a generator's frame lives in a heap buffer but is written by the dispatch loop as a root
//!   while it runs: when it leaves the frame chain (`Cx::frame_unlinked`), its values are
//!   shaded;
//! * values moved inside one object (list insertion, deletion, sort, dict resize) are shaded
//!   with `gc::write_barrier_values`, since a chunked trace of that object may already have
//!   passed their new position.
//!
//! New objects are born grey rather than black: whatever their constructor stores before the
//! next slice is traced without needing a barrier (the barrier is still applied by the
//! constructors that can collect between allocation and store).
//!
//! # Pacing
//!
//! A cycle starts when `gc.threshold()` bytes (if set) or half the memory that was free when
//! the last cycle ended has been allocated since. At the start the collector estimates the
//! cycle's work (two units per used block for marking, one per four blocks for sweeping) and
//! spreads it over the allocations the remaining free memory allows: every block allocated
//! during the cycle owes `ratio` units, and a slice runs at the next safepoint or allocation
//! once a slice's worth is owed. If the program outruns the collector anyway, the allocation
//! that finds the heap full runs a full collection (`full_collect`): the bounded pause holds
//! as long as there is headroom, and the budget is never exceeded.
//!
//! `gc.collect()` and the out-of-memory path call `full_collect`: a sweep in progress is
//! finished, a mark in progress is abandoned (its marks cleared), and a stop-the-world
//! collection follows, so that afterwards exactly the unreachable memory is free.

use super::heap::{Heap, Phase};
use super::{clear_marks, mark_all, sweep_all, sweep_range, Collector, Marker};
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::Cx;

/// Work units per slice (a unit is one value traced, or one allocation or four blocks swept).
/// `benches/gc.rs` measures what a slice costs in time.
pub const SLICE: usize = 2048;

/// Work units per slice under gc-stress (tiny, so that marking is nearly always in progress).
#[cfg(feature = "gc-stress")]
const STRESS_SLICE: usize = 48;

/// Tri-colour marking and sweeping in slices.
pub struct Incremental;

impl Collector for Incremental {
    const NAME: &'static str = "incremental";

    fn init(heap: &Heap) {
        heap.gc.trigger.set((heap.n_blocks() / 2).max(16));
        heap.gc.poll_at.set(heap.gc.trigger.get());
    }

    fn threshold_changed(cx: &mut Cx) {
        if cx.heap.phase() == Phase::Idle {
            set_trigger(cx);
        }
    }

    fn full_collect(cx: &mut Cx) {
        let heap = &cx.heap;
        let mut freed = 0;
        match heap.phase() {
            Phase::Idle => {}
            Phase::Mark => {
                // Abandon the marking: a full mark from scratch follows.
                clear_marks(heap);
                heap.set_phase(Phase::Idle);
            }
            Phase::Sweep => {
                // Finish the sweep: what it frees is garbage.
                sweep_range(heap, heap.sweep_cursor(), usize::MAX);
                freed = heap.gc.freeing.get();
                heap.set_phase(Phase::Idle);
            }
        }
        mark_all(cx);
        sweep_all(heap);
        let g = &heap.gc;
        g.last_freed.set(g.last_freed.get() + freed);
        g.cycles.set(g.cycles.get() + 1);
        set_trigger(cx);
    }

    fn step(cx: &mut Cx) {
        cx.in_gc = true;
        let start = cx.heap.gc.clock_start();
        match cx.heap.phase() {
            Phase::Idle => {
                if cx.heap.allocated_since_gc() >= cx.heap.gc.trigger.get() {
                    start_cycle(cx);
                    slice(cx, SLICE);
                } else {
                    cx.heap.gc.poll_at.set(cx.heap.gc.trigger.get());
                }
            }
            Phase::Mark | Phase::Sweep => {
                let g = &cx.heap.gc;
                let owed = (cx.heap.allocated_since_gc().saturating_sub(g.base.get()))
                    .saturating_mul(g.ratio.get());
                if owed >= g.done.get() + SLICE {
                    slice(cx, SLICE);
                } else {
                    set_poll(&cx.heap);
                }
            }
        }
        cx.heap.gc.clock_stop(start, false);
        cx.in_gc = false;
    }

    #[inline(always)]
    fn write_barrier(heap: &Heap, v: Value) {
        if heap.phase() == Phase::Mark {
            if let Some(p) = v.as_ptr() {
                Marker::shade(heap, p as *const u8);
            }
        }
    }

    #[inline(always)]
    fn frame_unlinked(heap: &Heap, f: *mut Frame) {
        if heap.phase() == Phase::Mark && super::is_heap_frame(f) {
            shade_frame(heap, f);
        }
    }
}

#[inline(never)]
fn shade_frame(heap: &Heap, f: *mut Frame) {
    let mut m = Marker::new(heap);
    super::Tracer::buffer(&mut m, f as *const u8);
    super::trace::frame(&mut m, f);
}

/// Start a cycle: shade every root (the pause proportional to the roots).
fn start_cycle(cx: &mut Cx) {
    let heap = &cx.heap;
    let g = &heap.gc;
    heap.set_phase(Phase::Mark);
    g.freeing.set(0);
    g.done.set(0);
    g.base.set(heap.allocated_since_gc());
    // Spread the estimated work over the allocations half the free memory allows.
    let used = heap.n_blocks() - heap.free_blocks();
    let work = used * 2 + heap.n_blocks() / 4 + 1;
    let room = (heap.free_blocks() / 2).max(1);
    g.ratio.set(work.div_ceil(room).clamp(1, 1 << 16));
    let mut m = Marker::new(heap);
    cx.mark_roots(&mut m, false);
    g.done.set(m.work);
}

/// Run one slice of at most `budget` units (plus, at the end of marking, one root rescan).
pub(crate) fn slice(cx: &mut Cx, budget: usize) {
    let heap = &cx.heap;
    let g = &heap.gc;
    let mut work = 0;
    if heap.phase() == Phase::Mark {
        let mut m = Marker::new(heap);
        loop {
            if !m.drain(budget) {
                break;
            }
            // No grey object left: rescan the unbarriered roots.
            cx.mark_roots(&mut m, true);
            if heap.grey_is_empty() {
                #[cfg(feature = "gc-stress")]
                super::verify::check(cx);
                heap.set_phase(Phase::Sweep);
                heap.set_sweep_cursor(0);
                break;
            }
            if m.work >= budget {
                break;
            }
        }
        work = m.work;
    }
    if heap.phase() == Phase::Sweep && work < budget {
        let (next, w) = sweep_range(heap, heap.sweep_cursor(), budget - work);
        work += w;
        heap.set_sweep_cursor(next);
        if next >= heap.n_blocks() {
            heap.set_phase(Phase::Idle);
            g.last_freed.set(g.freeing.get());
            g.cycles.set(g.cycles.get() + 1);
            cx.gc_count += 1;
            heap.reset_allocated_since_gc();
            g.done.set(0);
            g.slices.set(g.slices.get() + 1);
            g.max_slice_work.set(g.max_slice_work.get().max(work));
            set_trigger(cx);
            return;
        }
    }
    g.done.set(g.done.get() + work);
    g.slices.set(g.slices.get() + 1);
    g.max_slice_work.set(g.max_slice_work.get().max(work));
    set_poll(heap);
}

/// During a cycle: poll again once another slice's worth of work is owed.
fn set_poll(heap: &Heap) {
    let g = &heap.gc;
    let ratio = g.ratio.get().max(1);
    let blocks = (g.done.get() + SLICE).div_ceil(ratio);
    g.poll_at.set(g.base.get().saturating_add(blocks).max(1));
}

/// After a cycle: when the next one starts.
fn set_trigger(cx: &Cx) {
    let heap = &cx.heap;
    let t = if cx.gc_threshold != usize::MAX {
        cx.gc_threshold
    } else {
        (heap.free_blocks() / 2).max(heap.n_blocks() / 64).max(16)
    };
    heap.gc.trigger.set(t);
    heap.gc.poll_at.set(t);
}

/// gc-stress: a tiny slice at every allocation and safepoint, cycles back to back.
#[cfg(feature = "gc-stress")]
pub(crate) fn stress_step(cx: &mut Cx) {
    match cx.heap.phase() {
        Phase::Idle => {
            start_cycle(cx);
            slice(cx, STRESS_SLICE);
        }
        Phase::Mark => slice(cx, STRESS_SLICE),
        // Sweeping is not what stress is after: finish it, so that cycles (and the check at
        // the end of each marking) come often.
        Phase::Sweep => slice(cx, usize::MAX / 2),
    }
}
