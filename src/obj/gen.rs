//! Generators (and coroutines, which MicroPython makes the same objects).
//!
//! A generator owns a heap copy of its frame. Resuming it links that frame above the
//! resumer's and runs it until it yields or returns.

use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;

/// Where a generator is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum GenState {
    /// Made, not yet started.
    Created,
    /// Suspended at a yield.
    Suspended,
    /// Running now.
    Running,
    /// Returned or raised: finished.
    Finished,
}

/// The layout of a generator.
#[repr(C)]
pub struct GenObj {
    /// `generator`.
    pub header: ObjHeader,
    /// Its frame (a heap buffer laid out as a `vm::frame::Frame`).
    pub frame: *mut crate::vm::frame::Frame,
    /// State.
    pub state: GenState,
    /// The function's name (for repr).
    pub name: Value,
}

impl PyObj for GenObj {
    const KIND: Kind = Kind::Generator;
}

/// The generator's fields.
pub(crate) fn gen_of<'a>(v: Value) -> Option<&'a mut GenObj> {
    if super::is::<GenObj>(v) {
        // SAFETY: kind-checked live GenObj.
        Some(unsafe { &mut *(v.raw() as *mut GenObj) })
    } else {
        None
    }
}
