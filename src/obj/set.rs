//! `set` and `frozenset`: the dict table with no values.

use super::table::{self, Table};
use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The layout of a set or frozenset.
#[repr(C)]
pub struct SetObj {
    /// `set` or `frozenset`.
    pub header: ObjHeader,
    /// The members (values unused).
    pub table: Table,
}

impl PyObj for SetObj {
    const KIND: Kind = Kind::Set;
}

/// Marker for the frozenset kind (same layout).
pub struct FrozenSetObj;
impl PyObj for FrozenSetObj {
    const KIND: Kind = Kind::FrozenSet;
}

/// A new empty set.
pub fn new(cx: &mut Cx) -> PyResult<Value> {
    let s: *mut SetObj = cx.alloc_obj(&super::types::SET_TYPE, 0)?;
    Ok(Value::from_ptr(s))
}

/// A new empty frozenset.
pub fn new_frozen(cx: &mut Cx) -> PyResult<Value> {
    let s: *mut SetObj = cx.alloc_obj(&super::types::FROZENSET_TYPE, 0)?;
    Ok(Value::from_ptr(s))
}

/// Add a member.
pub fn add(cx: &mut Cx, s: Value, v: Value) -> PyResult<()> {
    table::set(cx, s, v, Value::NULL)
}

/// Whether `v` is a member.
pub fn contains(cx: &mut Cx, s: Value, v: Value) -> PyResult<bool> {
    Ok(table::get(cx, s, v)?.is_some())
}

/// Whether a value has the set layout (set or frozenset).
pub fn is_anyset(v: Value) -> bool {
    matches!(super::kind_of(v), Kind::Set | Kind::FrozenSet) && v.is_ptr()
}
