//! Operators on instances of Python classes: which special method runs first (the reflected
//! one of a subclass, the in-place one, the plain one), `NotImplemented` fallbacks, and the
//! default `__ne__`.

use super::ops::{is_user_object, lookup_special, op_dunder, reflected_dunder};
use super::{Cx, PyResult};
use crate::bytecode::opcode::BinaryOp;
use crate::obj::{self, str as pystr};
use crate::qstrs::q;
use crate::value::Value;

/// Call `v.name(other)` if `v`'s class defines `name`: `None` when it does not or when the
/// method returned `NotImplemented`. A missing `__ne__` falls back to the negation of
/// `__eq__` (`object.__ne__`).
fn call_dunder(
    cx: &mut Cx,
    v: Value,
    name: &'static pystr::StrObj,
    other: Value,
) -> PyResult<Option<Value>> {
    if let Some(m) = lookup_special(cx, v, name) {
        let r = cx.call_with_self(m, v, &[other], &[])?;
        return Ok(if r == Value::NOT_IMPLEMENTED {
            None
        } else {
            Some(r)
        });
    }
    if core::ptr::eq(name, &q::__ne__) {
        if let Some(m) = lookup_special(cx, v, &q::__eq__) {
            let r = cx.call_with_self(m, v, &[other], &[])?;
            if r == Value::NOT_IMPLEMENTED {
                return Ok(None);
            }
            return Ok(Some(Value::bool(!super::ops::truthy(cx, r)?)));
        }
    }
    Ok(None)
}

/// Whether the right operand's method runs first: its class is a proper subclass of the left
/// operand's and (for arithmetic) overrides the reflected method.
fn right_first(cx: &mut Cx, a: Value, b: Value, refl: &'static pystr::StrObj, cmp: bool) -> bool {
    let (ta, tb) = (obj::type_of(a), obj::type_of(b));
    if ta == tb || !obj::is_subtype(tb, ta) {
        return false;
    }
    let mb = lookup_special(cx, b, refl);
    if mb.is_none() {
        return false;
    }
    cmp || mb != lookup_special(cx, a, refl)
}

/// The special methods of Python classes for `a <op> b` (arithmetic, in-place or comparison).
/// `None` when no method applies (all missing or `NotImplemented`).
pub(crate) fn user_binop(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let a_user = is_user_object(a);
    let b_user = is_user_object(b);
    if !a_user && !b_user {
        return Ok(None);
    }
    let plain = op.non_inplace();
    let cmp = (plain as u8) <= BinaryOp::NotEqual as u8;
    let fwd = op_dunder(plain);
    let refl = reflected_dunder(plain);
    if a_user && plain != op {
        if let Some(r) = call_dunder(cx, a, op_dunder(op), b)? {
            return Ok(Some(r));
        }
    }
    let b_first = match refl {
        Some(rn) if b_user => right_first(cx, a, b, rn, cmp),
        _ => false,
    };
    if b_first {
        if let Some(rn) = refl {
            if let Some(r) = call_dunder(cx, b, rn, a)? {
                return Ok(Some(r));
            }
        }
    }
    if a_user {
        if let Some(r) = call_dunder(cx, a, fwd, b)? {
            return Ok(Some(r));
        }
    }
    if b_user && !b_first {
        if let Some(rn) = refl {
            if let Some(r) = call_dunder(cx, b, rn, a)? {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

/// The int behind `v` for index and int-argument use: ints and bools themselves, the int an
/// int subclass wraps, or what a Python `__index__` returns when that is an int. `None` when
/// `v` has no integer value (callers report their own error naming `v`).
pub(crate) fn to_index(cx: &mut Cx, v: Value) -> PyResult<Option<Value>> {
    if v.is_small_int() || (obj::kind_of(v) == obj::Kind::Int && v.is_ptr()) {
        return Ok(Some(v));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Some(Value::small_int_unchecked(b as isize)));
    }
    if !is_user_object(v) {
        return Ok(None);
    }
    if let Some(m) = lookup_special(cx, v, &q::__index__) {
        let r = cx.call_with_self(m, v, &[], &[])?;
        if r.is_small_int() || (obj::kind_of(r) == obj::Kind::Int && r.is_ptr()) {
            return Ok(Some(r));
        }
        if let Some(b) = r.as_bool() {
            return Ok(Some(Value::small_int_unchecked(b as isize)));
        }
        return Ok(None);
    }
    match super::ops::instance_base(v) {
        Some(b) if obj::kind_of(b) == obj::Kind::Int || b.is_small_int() => Ok(Some(b)),
        _ => Ok(None),
    }
}
