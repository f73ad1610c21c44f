//! gc-stress only: check, when incremental marking finishes, that it marked everything a
//! stop-the-world mark would have. A live object left white would be freed by the sweep: that
//! is a missing write barrier (or an unbarriered root), and this reports it at once, naming
//! the kind of the object and of the object that holds it, instead of letting a use-after-free
//! show up much later.
//!
//! The check marks from the roots with a separate metadata bit (`VERIFY_BIT`), on its own
//! bounded stack with MicroPython's rescan on overflow; the sweep clears the bit.

use super::heap::{meta, Heap};
use super::trace::{trace_object, Tracer};
use super::VERIFY_BIT;
use crate::obj::{Kind, ObjHeader};
use crate::value::Value;
use crate::vm::Cx;

const STACK: usize = 256;

struct Verifier<'h> {
    heap: &'h Heap,
    stack: [u32; STACK],
    len: usize,
    overflowed: bool,
    /// The kind of the object being traced (for the report).
    parent: Option<Kind>,
}

fn kind_at(heap: &Heap, i: usize) -> Kind {
    // SAFETY: i is the head of a live object allocation whose header names a live type.
    unsafe { (*(*(heap.block_ptr(i) as *const ObjHeader)).ty).kind }
}

impl Verifier<'_> {
    fn visit(&mut self, p: *const u8) {
        let Some(i) = self.heap.head_of(p) else {
            return;
        };
        let m = self.heap.meta(i);
        if m & VERIFY_BIT != 0 {
            return;
        }
        if m & (meta::MARK | meta::PINNED) == 0 {
            // (No allocation here: the message is formatted by the panic machinery.)
            let held_by = self.parent;
            if m & meta::OBJ != 0 {
                panic!(
                    "incremental GC: live object of kind {:?} at block {i} left unmarked \
                     (held by {held_by:?}; None: a root)",
                    kind_at(self.heap, i)
                );
            }
            panic!(
                "incremental GC: live buffer at block {i} left unmarked \
                 (held by {held_by:?}; None: a root)"
            );
        }
        self.heap.set_meta(i, m | VERIFY_BIT);
        if m & meta::OBJ != 0 {
            if self.len < STACK {
                self.stack[self.len] = i as u32;
                self.len += 1;
            } else {
                self.overflowed = true;
            }
        }
    }

    fn trace(&mut self, i: usize) {
        self.parent = Some(kind_at(self.heap, i));
        trace_object(self, self.heap.block_ptr(i), 0, usize::MAX);
    }

    fn drain(&mut self) {
        loop {
            while self.len > 0 {
                self.len -= 1;
                let i = self.stack[self.len] as usize;
                self.trace(i);
            }
            if !self.overflowed {
                return;
            }
            self.overflowed = false;
            for i in 0..self.heap.n_blocks() {
                let m = self.heap.meta(i);
                if m & meta::STATE == meta::HEAD
                    && m & (VERIFY_BIT | meta::OBJ) == VERIFY_BIT | meta::OBJ
                {
                    self.trace(i);
                    while self.len > 0 {
                        self.len -= 1;
                        let j = self.stack[self.len] as usize;
                        self.trace(j);
                    }
                }
            }
        }
    }
}

impl Tracer for Verifier<'_> {
    fn value(&mut self, v: Value) {
        if let Some(p) = v.as_ptr() {
            self.visit(p as *const u8);
        }
    }

    fn object(&mut self, p: *const u8) {
        self.visit(p);
    }

    fn buffer(&mut self, p: *const u8) {
        self.visit(p);
    }
}

/// Check that everything reachable is marked (panics otherwise).
pub(crate) fn check(cx: &Cx) {
    let mut v = Verifier {
        heap: &cx.heap,
        stack: [0; STACK],
        len: 0,
        overflowed: false,
        parent: None,
    };
    cx.trace_roots(&mut v, false);
    v.parent = None;
    v.drain();
}
