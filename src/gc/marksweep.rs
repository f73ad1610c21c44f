//! Stop-the-world mark and sweep: the smallest collector.
//!
//! A collection marks everything reachable from the roots and sweeps the whole heap in one
//! pause. It runs when an allocation finds the heap full, in `gc.collect()`, and, when
//! `gc.threshold(n)` is set, once `n` bytes were allocated since the last collection. The
//! barriers are no-ops: nothing runs between marking and sweeping.

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
        if cx.heap.allocated_since_gc() >= cx.gc_threshold {
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

/// Automatic collection is due after `gc_threshold` blocks (never when it is `usize::MAX`).
fn set_poll(cx: &Cx) {
    cx.heap.gc.poll_at.set(cx.gc_threshold);
}
