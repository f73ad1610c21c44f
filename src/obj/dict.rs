//! `dict`: an insertion-ordered hash table (see `table.rs`).

use super::table::{self, Table};
use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The layout of a dict.
#[repr(C)]
pub struct DictObj {
    /// `dict`.
    pub header: ObjHeader,
    /// The entries.
    pub table: Table,
}

impl PyObj for DictObj {
    const KIND: Kind = Kind::Dict;
}

/// A new empty dict.
pub fn new(cx: &mut Cx) -> PyResult<Value> {
    let d: *mut DictObj = cx.alloc_obj(&super::types::DICT_TYPE, 0)?;
    Ok(Value::from_ptr(d))
}

/// A new empty dict with room for `n` entries.
pub fn with_capacity(cx: &mut Cx, n: usize) -> PyResult<Value> {
    let d = new(cx)?;
    if n > 0 {
        let mark = cx.roots_mark();
        cx.root(d)?;
        let r = table::reserve(cx, d, n);
        cx.roots_truncate(mark);
        r?;
    }
    Ok(d)
}

/// `d[key]`, or None when missing.
pub fn get(cx: &mut Cx, d: Value, key: Value) -> PyResult<Option<Value>> {
    table::get(cx, d, key)
}

/// `d[key] = value`.
pub fn set(cx: &mut Cx, d: Value, key: Value, value: Value) -> PyResult<()> {
    table::set(cx, d, key, value)
}

/// Look up a str key (no Python code runs).
#[inline]
pub fn get_str(d: Value, key: Value) -> Option<Value> {
    table::get_str(d, key)
}

/// Store under a static name.
pub fn set_static(
    cx: &mut Cx,
    d: Value,
    key: &'static super::str::StrObj,
    value: Value,
) -> PyResult<()> {
    table::set_hashed(cx, d, Value::from_static(key), value, key.hash as usize)
}

/// Number of entries.
pub fn len(d: Value) -> usize {
    table::table_of(d).len
}
