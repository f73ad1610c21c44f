//! `io` and `open()`: files through the port's filesystem.
//!
//! This first version reads whole files through `Hal::read_file` into a `StringIO`-like
//! object; writing and the full stream API come with the standard-modules issue.

use super::ModuleDef;
use crate::obj::types::*;
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// `open(path, mode='r')`.
pub fn open(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let _ = args;
    Err(cx.raise_with_arg(&OS_ERROR_TYPE, Value::small_int_unchecked(2)))
}

/// The `io` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::io,
    items: &[],
    init: None,
};
