//! What the VM does at a safepoint for the embedder: interrupts and tokens from the
//! [`Signal`](super::Signal), callbacks queued by `micropython.schedule`, and the fuel budget.
//!
//! # Fuel
//!
//! With a budget set ([`Interpreter::set_fuel`](crate::Interpreter::set_fuel)), every
//! safepoint costs one unit: a backward jump (one loop iteration) or a call of a Python
//! function. A run pauses only at a backward jump; when the budget is spent
//! while the host's own run is executing (the code given to `exec`, `exec_mpy`, `eval`, or a
//! Python function given to `call`), the run **pauses**: the API call returns
//! [`Error::OutOfFuel`](crate::Error::OutOfFuel), every frame stays as it was, and
//! [`Interpreter::resume`](crate::Interpreter::resume) continues exactly there (after the
//! host has added fuel, or it pauses again at the next safepoint).
//!
//! A pause cannot happen in the middle of Rust code, so when the budget runs out inside a
//! nested run (a Python function called by a native function, an import, a scheduled
//! callback) or at a call, execution goes on until the host's run reaches a backward jump,
//! where it pauses. If it spends another whole budget first (deep recursion without loops,
//! a loop in a nested run), it is interrupted by raising `FuelExhausted` (a `BaseException`,
//! so `except Exception` does not catch it); outside the host's run the exception is raised
//! again at every later safepoint until the host adds fuel, so a bare `except:` cannot keep
//! the code running. Either way control is back with the host within about twice the budget.
//!
//! Loops inside native code (a builtin consuming an iterator) cost one unit every
//! [`NATIVE_TICK`] items taken (`poll_item`), so they are bounded too.

use super::host::SCHED_DEPTH;
use crate::native_fn;
use crate::obj::types::*;
use crate::obj::{self, list, tflags, Kind, ObjHeader, TypeObj};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

static FUEL_EXHAUSTED_NAME: crate::obj::str::StrObj = crate::obj::str::StrObj::new_static(
    b"FuelExhausted",
    crate::obj::str::hash_bytes(b"FuelExhausted"),
    13,
);

/// `FuelExhausted(BaseException)`: raised when a nested run overdraws the fuel budget (see
/// the module documentation).
pub static FUEL_EXHAUSTED_TYPE: TypeObj = TypeObj {
    header: ObjHeader::new(&TYPE_TYPE),
    kind: Kind::Exception,
    flags: tflags::BASETYPE | tflags::EXCEPTION,
    name: &FUEL_EXHAUSTED_NAME,
    base: &BASE_EXCEPTION_TYPE,
    attrs: &[],
    dict: Value::NULL,
    bases: Value::NULL,
    mro: Value::NULL,
    native_base: &FUEL_EXHAUSTED_TYPE,
};

/// The embedder's part of a safepoint (a back-edge). Ok(true) pauses the run.
#[inline]
pub(crate) fn poll(cx: &mut Cx) -> PyResult<bool> {
    if idle(cx) {
        return Ok(false);
    }
    poll_at(cx, true, true)
}

/// Nothing for a poll point to do: no signal pending, no callback queued, no fuel counted
/// (checked inline at every back-edge and call before the real work).
#[inline(always)]
fn idle(cx: &Cx) -> bool {
    !cx.host.fuel_on
        && cx.host.signal.is_none_or(|s| !s.is_pending())
        && (cx.host.sched.is_null() || sched_len(cx) == 0)
}

/// The embedder's part of a call (a Python function about to get a frame): like a
/// back-edge, except that the run cannot pause there.
#[inline]
pub(crate) fn poll_call(cx: &mut Cx) -> PyResult<()> {
    if idle(cx) {
        return Ok(());
    }
    poll_at(cx, false, true).map(|_| ())
}

/// Items a native loop takes from an iterator per poll point.
pub(crate) const NATIVE_TICK: u32 = 64;

/// The embedder's part of taking an item from an iterator: every [`NATIVE_TICK`] items it is
/// a poll point that cannot pause, so loops in native code (`sum(iter(int, 1))`,
/// `max(range(10**18))`) are bounded by fuel and interrupts like loops in Python. Scheduled
/// callbacks wait for the next safepoint of the bytecode.
pub(crate) fn poll_item(cx: &mut Cx) -> PyResult<()> {
    let n = cx.host.native_items.wrapping_add(1);
    cx.host.native_items = n;
    if n.is_multiple_of(NATIVE_TICK) {
        poll_at(cx, false, false)?;
    }
    Ok(())
}

#[inline(never)]
fn poll_at(cx: &mut Cx, can_pause: bool, run_sched: bool) -> PyResult<bool> {
    if let Some(sig) = cx.host.signal {
        if sig.is_pending() {
            sig.clear_pending();
            if sig.take_interrupt() {
                return Err(cx.raise_empty(&KEYBOARD_INTERRUPT_TYPE));
            }
            while let Some(t) = sig.take_token() {
                queue_token(cx, t)?;
            }
        }
    }
    if run_sched && !cx.host.in_sched && sched_len(cx) > 0 {
        run_scheduled(cx)?;
    }
    if cx.host.fuel_on {
        cx.host.fuel -= 1;
        if cx.host.fuel <= 0 {
            if can_pause && cx.host.pause_reentry != 0 && cx.reentry == cx.host.pause_reentry {
                cx.host.fuel = 0;
                return Ok(true);
            }
            let limit = -cx.host.budget.max(1);
            if cx.host.fuel <= limit {
                cx.host.fuel = limit;
                return Err(cx.raise_msg(&FUEL_EXHAUSTED_TYPE, "out of fuel"));
            }
        }
    }
    Ok(false)
}

fn sched_len(cx: &Cx) -> usize {
    list::items_of(cx.host.sched).map_or(0, |l| l.len())
}

/// Queue the handler registered for `token` (tokens without a handler are dropped).
fn queue_token(cx: &mut Cx, token: u16) -> PyResult<()> {
    let t = Value::small_int_unchecked(token as isize);
    let h = cx.host.sig_handlers;
    if h.is_null() {
        return Ok(());
    }
    let Some(f) = obj::dict::get(cx, h, t)? else {
        return Ok(());
    };
    // Hardware handlers (pin interrupts, timers) are registered as `(handler, object)`: the
    // handler gets the pin or timer, as MicroPython's do.
    if let Some(&[handler, arg]) = obj::tuple::items_of(f) {
        return push_sched(cx, handler, arg);
    }
    push_sched(cx, f, t)
}

/// Append `(f, arg)` to the schedule queue (both must be reachable).
pub(crate) fn push_sched(cx: &mut Cx, f: Value, arg: Value) -> PyResult<()> {
    if cx.host.sched.is_null() {
        let mark = cx.roots_mark();
        cx.root(f)?;
        cx.root(arg)?;
        let l = list::with_capacity(cx, 2 * SCHED_DEPTH);
        cx.roots_truncate(mark);
        cx.host.sched = l?;
    }
    let q = cx.host.sched;
    list::append(cx, q, f)?;
    list::append(cx, q, arg)?;
    cx.host.active = true;
    Ok(())
}

/// Take the oldest `(f, arg)` from the queue.
fn pop_sched(cx: &mut Cx) -> Option<(Value, Value)> {
    let q = cx.host.sched;
    let l = obj::get_mut::<list::ListObj>(cx, q)?;
    if l.len < 2 {
        return None;
    }
    let items = l.items_mut();
    let (f, a) = (items[0], items[1]);
    items.copy_within(2.., 0);
    let n = items.len();
    items[n - 2] = Value::NULL;
    items[n - 1] = Value::NULL;
    l.len -= 2;
    Some((f, a))
}

/// Run every queued callback (not nested: callbacks queued meanwhile wait for the next
/// safepoint after this one).
fn run_scheduled(cx: &mut Cx) -> PyResult<()> {
    cx.host.in_sched = true;
    let mut r = Ok(());
    while let Some((f, a)) = pop_sched(cx) {
        let mark = cx.roots_mark();
        let call = cx
            .root(f)
            .and_then(|_| cx.root(a))
            .and_then(|_| cx.call(f, &[a], &[]));
        cx.roots_truncate(mark);
        if let Err(e) = call {
            r = Err(e);
            break;
        }
    }
    cx.host.in_sched = false;
    cx.host.update_active();
    r
}

/// `micropython.schedule(func, arg)`: call `func(arg)` at the next safepoint.
fn schedule(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if !crate::builtins::core::is_callable(cx, a[0]) {
        return Err(cx.type_error("object not callable"));
    }
    if sched_len(cx) >= 2 * SCHED_DEPTH {
        return Err(cx.runtime_error("schedule queue full"));
    }
    push_sched(cx, a[0], a[1])?;
    Ok(Value::NONE)
}

native_fn!(pub MP_SCHEDULE, q::schedule, 2, 2, false, schedule);
