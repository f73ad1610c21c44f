//! `traceback` (circuitpython flavour, FLAVOURS.md row 28): `print_exception` and
//! `format_exception`, printing what an uncaught exception prints.

use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::list;
use crate::obj::str::StrBuilder;
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The exception to print from `(exc, /, value=None, tb=None, ...)`: `value` when both value
/// and tb are given (CPython's old form), else `exc`.
fn exception_arg(cx: &mut Cx, exc: Value, value: Value, tb: Value) -> PyResult<Value> {
    let given = |v: Value| !v.is_null() && !v.is_none();
    if given(value) != given(tb) && !(given(value) && tb.is_none()) {
        return Err(cx.value_error("Supply both or neither of value and tb"));
    }
    let e = if given(value) { value } else { exc };
    if !crate::obj::isinstance(e, &crate::obj::types::BASE_EXCEPTION_TYPE) {
        return Err(cx.type_error("exceptions must derive from BaseException"));
    }
    Ok(e)
}

fn print_exception(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [exc, value, tb, _limit, file, _chain] = crate::builtins::args::parse(
        cx,
        a,
        k,
        ["exc", "value", "tb", "limit", "file", "chain"],
        3,
    )?;
    let e = exception_arg(cx, exc, value, tb)?;
    crate::embed::print_exception_to(cx, e, file)?;
    Ok(Value::NONE)
}

fn format_exception(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [exc, value, tb, _limit, _chain] =
        crate::builtins::args::parse(cx, a, k, ["exc", "value", "tb", "limit", "chain"], 3)?;
    let e = exception_arg(cx, exc, value, tb)?;
    let mut b = StrBuilder::new(cx);
    crate::embed::write_exception(cx, &mut b, e)?;
    let s = b.finish(cx)?;
    let mark = cx.roots_mark();
    cx.root(s)?;
    let l = list::new(cx, &[s]);
    cx.roots_truncate(mark);
    l
}

native_fn!(
    PRINT_EXCEPTION,
    q::print_exception,
    1,
    6,
    true,
    print_exception
);
native_fn!(
    FORMAT_EXCEPTION,
    q::format_exception,
    1,
    5,
    true,
    format_exception
);

/// The `traceback` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::traceback,
    items: &[
        (&q::print_exception, Item::Obj(&PRINT_EXCEPTION.header)),
        (&q::format_exception, Item::Obj(&FORMAT_EXCEPTION.header)),
    ],
    init: None,
};
