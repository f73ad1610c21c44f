//! The clock: SysTick interrupts every millisecond; the time in between is read from its
//! counter. On mps2-an385 the processor clock is 25 MHz.
//!
//! The same interrupt runs the board's timers (`machine.Timer`): when one is due it queues the
//! timer's token on the interpreter's [`Signal`], and the interpreter calls the Python callback
//! at its next safepoint.

use core::cell::{Cell, RefCell};

use cortex_m::interrupt::Mutex;
use cortex_m::peripheral::syst::SystClkSource;
use cortex_m::peripheral::{SCB, SYST};
use cortex_m_rt::exception;
use pyrite::hal::board::{timer_token, HwError};
use pyrite::Signal;

/// How interrupt handlers reach the interpreter (attached in `main`).
pub static SIGNAL: Signal = Signal::new();

/// A running timer: its id, period and next expiry, in milliseconds.
#[derive(Clone, Copy)]
struct Timer {
    id: u16,
    period_ms: u64,
    due_ms: u64,
    periodic: bool,
}

/// Timers that can run at once.
const TIMERS: usize = 8;

static RUNNING: Mutex<RefCell<[Option<Timer>; TIMERS]>> = Mutex::new(RefCell::new([None; TIMERS]));

/// The processor clock.
pub const CPU_HZ: u32 = 25_000_000;
/// SysTick counts this many processor cycles per interrupt (1 ms).
const CYCLES_PER_MS: u32 = CPU_HZ / 1000;
/// Nanoseconds per processor cycle.
const NS_PER_CYCLE: u64 = 1_000_000_000 / CPU_HZ as u64;

/// Milliseconds since `start` (whole SysTick periods).
static MILLIS: Mutex<Cell<u64>> = Mutex::new(Cell::new(0));

/// Start SysTick: an interrupt every millisecond from the processor clock.
pub fn start(mut syst: SYST) {
    syst.set_clock_source(SystClkSource::Core);
    syst.set_reload(CYCLES_PER_MS - 1);
    syst.clear_current();
    syst.enable_interrupt();
    syst.enable_counter();
}

#[exception]
fn SysTick() {
    // Interrupts are masked here: nothing else can touch the count. A load and a store, no
    // read-modify-write atomics (which the M0 does not have).
    cortex_m::interrupt::free(|cs| {
        let c = MILLIS.borrow(cs);
        let now = c.get() + 1;
        c.set(now);
        for slot in RUNNING.borrow(cs).borrow_mut().iter_mut() {
            let Some(t) = slot else { continue };
            if t.due_ms > now {
                continue;
            }
            // A full ring drops the tick, as a missed hardware interrupt would be.
            SIGNAL.schedule(timer_token(t.id));
            if t.periodic {
                t.due_ms = now + t.period_ms;
            } else {
                *slot = None;
            }
        }
    });
}

/// Start timer `id` (replacing a running one with that id): due in `period_us` (rounded up to
/// whole milliseconds), then every `period_us` if `periodic`.
pub fn start_timer(id: u16, period_us: u64, periodic: bool) -> Result<(), HwError> {
    let period_ms = period_us.div_ceil(1000).max(1);
    cortex_m::interrupt::free(|cs| {
        let now = MILLIS.borrow(cs).get();
        let mut running = RUNNING.borrow(cs).borrow_mut();
        for slot in running.iter_mut() {
            if slot.is_some_and(|t| t.id == id) {
                *slot = None;
            }
        }
        let free = running
            .iter_mut()
            .find(|s| s.is_none())
            .ok_or(HwError::Unsupported)?;
        *free = Some(Timer {
            id,
            period_ms,
            due_ms: now + period_ms,
            periodic,
        });
        Ok(())
    })
}

/// Stop timer `id`.
pub fn stop_timer(id: u16) {
    cortex_m::interrupt::free(|cs| {
        for slot in RUNNING.borrow(cs).borrow_mut().iter_mut() {
            if slot.is_some_and(|t| t.id == id) {
                *slot = None;
            }
        }
    });
}

/// Nanoseconds since SysTick started.
pub fn now_ns() -> u64 {
    cortex_m::interrupt::free(|cs| {
        let mut ms = MILLIS.borrow(cs).get();
        let mut cur = SYST::get_current();
        // The counter wrapped but its interrupt has not run yet (interrupts are masked): count
        // that millisecond here, reading the counter again in case it wrapped after the read.
        if SCB::is_pendst_pending() {
            ms += 1;
            cur = SYST::get_current();
        }
        let into = (CYCLES_PER_MS - 1).saturating_sub(cur) as u64;
        ms * 1_000_000 + into * NS_PER_CYCLE
    })
}

/// Wait `ns` nanoseconds, sleeping between SysTick interrupts.
pub fn sleep_ns(ns: u64) {
    let start = now_ns();
    while now_ns().wrapping_sub(start) < ns {
        let left = ns - now_ns().wrapping_sub(start).min(ns);
        if left > 1_000_000 {
            // The next SysTick interrupt (at most 1 ms away) wakes the core.
            cortex_m::asm::wfi();
        }
    }
}
