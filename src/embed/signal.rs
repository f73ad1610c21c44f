//! The signal object: how interrupt handlers reach an interpreter.
//!
//! Firmware owns a `static SIGNAL: Signal = Signal::new();` and attaches it to an
//! interpreter with [`Interpreter::attach_signal`](crate::Interpreter::attach_signal). An
//! interrupt handler never touches Python values: it sets a flag or queues a small token, and
//! the interpreter acts on it at its next safepoint (a loop back-edge):
//!
//! * [`Signal::interrupt`] raises `KeyboardInterrupt` in the running code (Ctrl-C);
//! * [`Signal::schedule`] queues a token; the interpreter calls the Python callable registered
//!   for it with [`Interpreter::on_signal`](crate::Interpreter::on_signal), as
//!   `micropython.schedule` would.
//!
//! Only atomic loads and stores are used, plus a `critical-section` for the token ring, so it
//! works on cores without atomic read-modify-write (Cortex-M0). The firmware must provide a
//! `critical-section` implementation (on hosted targets, pyrite's `std` feature enables the
//! crate's standard one).

use core::cell::RefCell;
use core::sync::atomic::{AtomicBool, Ordering};

use critical_section::Mutex;

/// Tokens the ring holds before [`Signal::schedule`] reports it full.
pub const SIGNAL_RING: usize = 16;

#[derive(Clone, Copy)]
struct Ring {
    buf: [u16; SIGNAL_RING],
    head: u8,
    len: u8,
}

/// Flags and a token ring shared between interrupt handlers and one interpreter.
pub struct Signal {
    /// Something is waiting: checked by the interpreter at every safepoint.
    pending: AtomicBool,
    /// Raise `KeyboardInterrupt` at the next safepoint.
    interrupt: AtomicBool,
    ring: Mutex<RefCell<Ring>>,
}

impl Signal {
    /// A signal with nothing pending (usable in a `static`).
    pub const fn new() -> Signal {
        Signal {
            pending: AtomicBool::new(false),
            interrupt: AtomicBool::new(false),
            ring: Mutex::new(RefCell::new(Ring {
                buf: [0; SIGNAL_RING],
                head: 0,
                len: 0,
            })),
        }
    }

    /// Ask the interpreter to raise `KeyboardInterrupt` at its next safepoint. Safe to call
    /// from an interrupt handler or another thread.
    pub fn interrupt(&self) {
        self.interrupt.store(true, Ordering::Release);
        self.pending.store(true, Ordering::Release);
    }

    /// Queue `token` for the interpreter, which calls the handler registered for it at its
    /// next safepoint. Returns false when the ring is full (the token is dropped). Safe to
    /// call from an interrupt handler or another thread.
    pub fn schedule(&self, token: u16) -> bool {
        let ok = critical_section::with(|cs| {
            let mut r = self.ring.borrow_ref_mut(cs);
            if r.len as usize >= SIGNAL_RING {
                return false;
            }
            let i = (r.head as usize + r.len as usize) % SIGNAL_RING;
            r.buf[i] = token;
            r.len += 1;
            true
        });
        if ok {
            self.pending.store(true, Ordering::Release);
        }
        ok
    }

    /// Whether anything is pending (cheap: one atomic load).
    #[inline]
    pub(crate) fn is_pending(&self) -> bool {
        self.pending.load(Ordering::Acquire)
    }

    /// Clear the pending flag before looking at what is pending (a signal that arrives
    /// meanwhile sets it again).
    pub(crate) fn clear_pending(&self) {
        self.pending.store(false, Ordering::Release);
    }

    /// Take the interrupt request.
    pub(crate) fn take_interrupt(&self) -> bool {
        if self.interrupt.load(Ordering::Acquire) {
            self.interrupt.store(false, Ordering::Release);
            true
        } else {
            false
        }
    }

    /// Take the oldest queued token.
    pub(crate) fn take_token(&self) -> Option<u16> {
        critical_section::with(|cs| {
            let mut r = self.ring.borrow_ref_mut(cs);
            if r.len == 0 {
                return None;
            }
            let t = r.buf[r.head as usize % SIGNAL_RING];
            r.head = ((r.head as usize + 1) % SIGNAL_RING) as u8;
            r.len -= 1;
            Some(t)
        })
    }
}

impl Default for Signal {
    fn default() -> Signal {
        Signal::new()
    }
}
