//! Stop-the-world mark and sweep: the smallest collector.

use super::{sweep, Collector, Marker};
use crate::value::Value;
use crate::vm::Cx;

/// Mark everything reachable from the roots, then sweep.
pub struct MarkSweep;

impl Collector for MarkSweep {
    fn full_collect(cx: &mut Cx) {
        {
            let mut m = Marker::new(&cx.heap);
            cx.trace_roots(&mut m);
            m.drain();
        }
        sweep(cx);
    }

    #[inline]
    fn safepoint(cx: &mut Cx) {
        if cx.gc_enabled && cx.gc_threshold != 0 && cx.heap.allocated_since_gc() >= cx.gc_threshold
        {
            cx.collect();
        }
    }

    #[inline(always)]
    fn write_barrier(_cx: &Cx, _v: Value) {}
}
