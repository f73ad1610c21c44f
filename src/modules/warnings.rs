//! `warnings` (circuitpython flavour, FLAVOURS.md row 31): `warn(message, category=Warning)`
//! and `simplefilter(action)`. A warning prints `Category: message` on the console unless
//! the filter is `"ignore"`; with `"error"` it is raised instead.

use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, exception, list, str as pystr, tuple, TypeObj};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

const ACTIONS: &[&str] = &["error", "ignore", "always", "default", "module", "once"];

/// The current action (index into ACTIONS) kept in the state list.
fn action(state: Value) -> usize {
    list::items_of(state)
        .and_then(|s| s.first())
        .and_then(|v| v.as_small_int())
        .unwrap_or(3) as usize
}

fn warn(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [msg, category, _stacklevel] =
        crate::builtins::args::parse(cx, &a[1..], k, ["message", "category", "stacklevel"], 3)?;
    if msg.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let cat = if category.is_null() || category.is_none() {
        Value::from_static(&WARNING_TYPE)
    } else {
        category
    };
    if obj::kind_of(cat) != obj::Kind::Type
        || !obj::is_subtype(cat.raw() as *const TypeObj, &WARNING_TYPE)
    {
        return Err(cx.type_error("category must be a Warning subclass"));
    }
    match ACTIONS.get(action(a[0])).copied() {
        Some("ignore") => Ok(Value::NONE),
        Some("error") => {
            let args = tuple::new(cx, &[msg])?;
            let mark = cx.roots_mark();
            cx.root(args)?;
            let e = exception::new(cx, cat.raw() as *const TypeObj, args);
            cx.roots_truncate(mark);
            Err(cx.raise(e?))
        }
        _ => {
            let mut b = StrBuilder::new(cx);
            // SAFETY: a kind-checked live type.
            b.push(unsafe { (*(cat.raw() as *const TypeObj)).name_bytes() });
            b.push(b": ");
            crate::obj::methods::repr::write_str(cx, &mut b, msg)?;
            b.push_byte(b'\n');
            cx.hal().write_out(&b.buf);
            Ok(Value::NONE)
        }
    }
}

fn simplefilter(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [act, _category, _lineno, _append] = crate::builtins::args::parse(
        cx,
        &a[1..],
        k,
        ["action", "category", "lineno", "append"],
        4,
    )?;
    let name = pystr::str_of(act).unwrap_or("");
    let Some(i) = ACTIONS.iter().position(|&x| x == name) else {
        let n = ops::alloc_free_name(name);
        return Err(cx.raise_fmt(&VALUE_ERROR_TYPE, format_args!("invalid action: '{n}'")));
    };
    if let Some(l) = obj::get_mut::<list::ListObj>(cx, a[0]) {
        if let Some(s) = l.items_mut().first_mut() {
            *s = Value::small_int_unchecked(i as isize);
        }
    }
    Ok(Value::NONE)
}

native_fn!(WARN, q::warn, 2, 4, true, warn);
native_fn!(SIMPLEFILTER, q::simplefilter, 2, 5, true, simplefilter);

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    let st = list::new(cx, &[Value::small_int_unchecked(3)])?;
    let mark = cx.roots_mark();
    cx.root(st)?;
    let r = super::native::bind(
        cx,
        m,
        st,
        &[(&q::warn, &WARN), (&q::simplefilter, &SIMPLEFILTER)],
    );
    cx.roots_truncate(mark);
    r
}

/// The `warnings` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::warnings,
    items: &[] as &[(&crate::obj::str::StrObj, Item)],
    init: Some(init),
};
