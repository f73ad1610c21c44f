//! Stop-the-world mark and sweep: the smallest collector.
//!
//! A collection marks everything reachable from the roots and sweeps the whole heap in one
//! pause. It runs when an allocation finds the heap full, in `gc.collect()`, when the free space
//! falls below a headroom kept for temporary buffers, and, when `gc.threshold(n)` is set, once
//! `n` bytes were allocated since the last collection. The barriers are no-ops: nothing runs
//! between marking and sweeping.

use super::heap::Heap;
use super::{mark_all, sweep_all, Collector};
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::Cx;

/// Mark everything reachable from the roots, then sweep.
pub struct MarkSweep;

impl Collector for MarkSweep {
    const NAME: &'static str = "mark-sweep";

    fn full_collect(cx: &mut Cx) {
        mark_all(cx);
        sweep_all(&cx.heap);
        let g = &cx.heap.gc;
        g.cycles.set(g.cycles.get() + 1);
        set_poll(cx);
    }

    fn step(cx: &mut Cx) {
        let h = &cx.heap;
        if h.allocated_since_gc() >= cx.gc_threshold || h.free_blocks() < headroom(h) {
            cx.collect();
        }
        set_poll(cx);
    }

    fn init(_heap: &Heap) {}

    fn threshold_changed(cx: &mut Cx) {
        set_poll(cx);
    }

    #[inline(always)]
    fn write_barrier(_heap: &Heap, _v: Value) {}

    #[inline(always)]
    fn frame_unlinked(_heap: &Heap, _f: *mut Frame) {}
}

/// Automatic collection is due after `gc_threshold` blocks, or once the free blocks would fall
/// below the headroom (whichever comes first; `allocated_since_gc` counts every allocation, so
/// the poll comes no later than that). Past that point every allocation polls until the next
/// collection: cheap, and it keeps the headroom exact (a relative re-arm that polled less
/// often let tight 8 KiB heaps run out, see `memory_error_caught_and_recovered_at_every_heap_size`).
fn set_poll(cx: &Cx) {
    let h = &cx.heap;
    let room = headroom(h);
    let until_low = h.free_blocks().saturating_sub(room).max(room);
    h.gc.poll_at.set(cx.gc_threshold.min(until_low));
}

/// Free blocks kept for temporary buffers (big-int limbs, formatting): those come from the heap
/// through `TempAlloc`, which cannot collect (the values it works on are not rooted), so a heap
/// left full of garbage until an object allocation fails would make them fail instead. A
/// thirty-second of the heap, between 1 KiB and 16 KiB.
fn headroom(h: &Heap) -> usize {
    (h.n_blocks() / 32).clamp(64, 1024)
}
