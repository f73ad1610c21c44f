//! The interpreter state that belongs to the embedding: one field of [`Cx`](crate::Cx).

use super::frozen::FrozenModule;
use super::handle::HandleTable;
use super::signal::Signal;
use crate::value::Value;
use crate::vm::frame::Frame;

/// Callbacks `micropython.schedule` may queue at once (MicroPython's default depth).
pub(crate) const SCHED_DEPTH: usize = 8;

/// A run the fuel budget paused: what the frame stack looked like before it started, to
/// abandon it.
#[derive(Clone, Copy)]
pub(crate) struct Suspended {
    pub(crate) cur: *mut Frame,
    pub(crate) top: usize,
    pub(crate) depth: u32,
}

pub(crate) struct Host {
    /// The safepoint has embedder work to do (fuel, a signal attached, callbacks queued).
    pub(crate) active: bool,
    /// Fuel left; may go negative inside nested runs (see `poll`).
    pub(crate) fuel: i64,
    /// A budget is set.
    pub(crate) fuel_on: bool,
    /// The budget last given: the overdraft allowed to nested runs.
    pub(crate) budget: i64,
    /// Items native code has taken from iterators (every [`NATIVE_TICK`](super::poll::NATIVE_TICK)
    /// of them is a poll point).
    pub(crate) native_items: u32,
    /// The re-entry level at which running out of fuel pauses (0: never).
    pub(crate) pause_reentry: u32,
    /// The attached signal object.
    pub(crate) signal: Option<&'static Signal>,
    /// Queued callbacks: a list `[f, arg, f, arg, ...]`, or NULL.
    pub(crate) sched: Value,
    /// A scheduled callback is running.
    pub(crate) in_sched: bool,
    /// Signal token -> callable (a dict), or NULL.
    pub(crate) sig_handlers: Value,
    /// Host-held roots.
    pub(crate) handles: HandleTable,
    /// State of the hardware modules (`modules::hw`), a dict, or NULL.
    pub(crate) hw: Value,
    /// Frozen modules importable without a filesystem.
    pub(crate) frozen: &'static [FrozenModule],
    /// The paused run, if any.
    pub(crate) suspended: Option<Suspended>,
    /// The embedders' registry (a dict, made on first use), or NULL.
    pub(crate) registry: Value,
}

impl Host {
    pub(crate) const fn new() -> Host {
        Host {
            active: false,
            fuel: 0,
            fuel_on: false,
            budget: 0,
            native_items: 0,
            pause_reentry: 0,
            signal: None,
            sched: Value::NULL,
            in_sched: false,
            sig_handlers: Value::NULL,
            handles: HandleTable::empty(),
            hw: Value::NULL,
            frozen: &[],
            suspended: None,
            registry: Value::NULL,
        }
    }

    /// Recompute `active` after a change.
    pub(crate) fn update_active(&mut self) {
        let queued = crate::obj::list::items_of(self.sched).is_some_and(|l| !l.is_empty());
        self.active = self.fuel_on || self.signal.is_some() || queued;
    }

    /// Mark the values the embedding keeps.
    pub(crate) fn trace<T: crate::gc::Tracer>(&self, m: &mut T) {
        m.value(self.sched);
        m.value(self.sig_handlers);
        m.value(self.registry);
        m.value(self.hw);
        self.handles.trace(m);
    }
}

impl crate::vm::Cx {
    /// The registry: a dict private to this interpreter, alive as long as it is, where
    /// embedding layers keep their own Python values (the C ABI keeps the class of each C
    /// type there). Python code cannot reach it. Use keys that name their owner
    /// (`"ffi.types"`), so that layers do not collide.
    pub fn registry(&mut self) -> crate::vm::PyResult<Value> {
        if self.host.registry.is_null() {
            self.host.registry = crate::obj::dict::new(self)?;
        }
        Ok(self.host.registry)
    }
}
