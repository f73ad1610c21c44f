//! Special methods of Python classes: which one runs first for `a <op> b` (the in-place one,
//! a subclass's reflected one, the plain one, the reflected one), `NotImplemented`, the default
//! `__ne__`, and the checks on what `__bool__`, `__len__`, `__index__` and `__iter__` return.
//! Opcodes call them stacklessly through `vm/stackless.rs`; Rust code through `user_binop`
//! and friends here.

use super::ops::{is_user_object, lookup_special, op_dunder, reflected_dunder};
use super::{Cx, PyResult};
use crate::bytecode::opcode::BinaryOp;
use crate::obj::code::{scope, CodeObj};
use crate::obj::func::FunctionObj;
use crate::obj::types::*;
use crate::obj::{self, int, str as pystr, Kind};
use crate::qstrs::q;
use crate::value::Value;

/// Whether `v` is a Python function (not a generator function): its call can be a frame.
pub(crate) fn is_plain_function(v: Value) -> bool {
    if obj::kind_of(v) != Kind::Function || !v.is_ptr() {
        return false;
    }
    // SAFETY: kind-checked function with a live code object.
    unsafe {
        let fo = &*(v.raw() as *const FunctionObj);
        (*(fo.code.raw() as *const CodeObj)).scope_flags & scope::GENERATOR == 0
    }
}

/// What `__bool__` returned, as a truth value: it must be a bool (CPython raises otherwise).
pub(crate) fn bool_result(cx: &mut Cx, r: Value) -> PyResult<bool> {
    match r.as_bool() {
        Some(b) => Ok(b),
        None => {
            let tn = super::ops::alloc_free_name(cx.type_name(r));
            Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("__bool__ should return bool, returned {tn}"),
            ))
        }
    }
}

/// What `__len__` returned, as a length: a non-negative int (CPython raises otherwise).
pub(crate) fn len_result(cx: &mut Cx, r: Value) -> PyResult<usize> {
    let r = match to_index(cx, r)? {
        Some(i) => i,
        None => {
            let tn = super::ops::alloc_free_name(cx.type_name(r));
            return Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("'{tn}' object can't be interpreted as an integer"),
            ));
        }
    };
    match int::to_i64(r) {
        Some(n) if n >= 0 => Ok(n as usize),
        Some(_) => Err(cx.value_error("__len__() should return >= 0")),
        None => Err(cx.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

/// The int behind `v` for index and int-argument use: ints and bools themselves, the int an
/// int subclass wraps, or what a Python `__index__` returns when that is an int. `None` when
/// `v` has no integer value (callers report their own error naming `v`).
pub(crate) fn to_index(cx: &mut Cx, v: Value) -> PyResult<Option<Value>> {
    if v.is_small_int() || (obj::kind_of(v) == Kind::Int && v.is_ptr()) {
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
        if r.is_small_int() || (obj::kind_of(r) == Kind::Int && r.is_ptr()) {
            return Ok(Some(r));
        }
        if let Some(b) = r.as_bool() {
            return Ok(Some(Value::small_int_unchecked(b as isize)));
        }
        return Ok(None);
    }
    match super::ops::instance_base(v) {
        Some(b) if obj::kind_of(b) == Kind::Int || b.is_small_int() => Ok(Some(b)),
        _ => Ok(None),
    }
}

/// Check what `__iter__` returned: an iterator, else `TypeError: 'int' object isn't an
/// iterator` (CPython raises at `iter()`; MicroPython at the first `next()`).
pub(crate) fn iter_result(cx: &mut Cx, it: Value) -> PyResult<Value> {
    let ok = match obj::kind_of(it) {
        Kind::Iter | Kind::Generator => true,
        _ => {
            is_user_object(it)
                && (lookup_special(cx, it, &q::__next__).is_some()
                    || super::ops::instance_base(it).is_some_and(|b| obj::kind_of(b) == Kind::Iter))
        }
    };
    if ok {
        Ok(it)
    } else {
        Err(cx.type_error_obj(it, "isn't an iterator"))
    }
}

// ---- The binary operator protocol --------------------------------------------------------

/// The next special method to try for `a <op> b`.
pub(crate) enum BinStep {
    /// Call `func(self_, other)`. If it returns `NotImplemented`, go on from stage `next`;
    /// with `negate`, the call is `__eq__` standing in for a missing `__ne__`.
    Call {
        func: Value,
        self_: Value,
        other: Value,
        next: u8,
        negate: bool,
    },
    /// No special method of a Python class applies.
    Fallback,
}

/// The special method `v.name` (Python-defined), or for a missing `__ne__` its `__eq__`
/// (to negate).
fn find(cx: &mut Cx, v: Value, name: &'static pystr::StrObj) -> Option<(Value, bool)> {
    if let Some(m) = lookup_special(cx, v, name) {
        return Some((m, false));
    }
    if core::ptr::eq(name, &q::__ne__) {
        return lookup_special(cx, v, &q::__eq__).map(|m| (m, true));
    }
    None
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

/// Stages: 0 in-place `a.__iop__(b)`, 1 a subclass's `b.__rop__(a)`, 2 `a.__op__(b)`,
/// 3 `b.__rop__(a)`, 4 fallback.
pub(crate) fn binop_next(cx: &mut Cx, op: BinaryOp, a: Value, b: Value, mut stage: u8) -> BinStep {
    let plain = op.non_inplace();
    let cmp = (plain as u8) <= BinaryOp::NotEqual as u8;
    let (a_user, b_user) = (is_user_object(a), is_user_object(b));
    let refl = reflected_dunder(plain);
    loop {
        let (v, other, name, next) = match stage {
            0 if a_user && plain != op => (a, b, op_dunder(op), 1),
            1 if b_user => match refl {
                Some(rn) if right_first(cx, a, b, rn, cmp) => (b, a, rn, 2),
                _ => {
                    stage = 2;
                    continue;
                }
            },
            2 if a_user => (a, b, op_dunder(plain), 3),
            3 if b_user => match refl {
                Some(rn) if !right_first(cx, a, b, rn, cmp) => (b, a, rn, 4),
                _ => return BinStep::Fallback,
            },
            0..=3 => {
                stage += 1;
                continue;
            }
            _ => return BinStep::Fallback,
        };
        if let Some((func, negate)) = find(cx, v, name) {
            return BinStep::Call {
                func,
                self_: v,
                other,
                next,
                negate,
            };
        }
        stage = next;
    }
}

/// What a special method returned, for the operator: `None` for `NotImplemented`, the
/// negation for a `__ne__` standing in by `__eq__`.
pub(crate) fn bin_result(cx: &mut Cx, r: Value, negate: bool) -> PyResult<Option<Value>> {
    if r == Value::NOT_IMPLEMENTED {
        return Ok(None);
    }
    if negate {
        return Ok(Some(Value::bool(!super::ops::truthy(cx, r)?)));
    }
    Ok(Some(r))
}

/// The special methods of Python classes for `a <op> b` (arithmetic, in-place or comparison),
/// called from Rust. `None` when no method applies (all missing or `NotImplemented`).
pub(crate) fn user_binop(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !is_user_object(a) && !is_user_object(b) {
        return Ok(None);
    }
    let mut stage = 0;
    loop {
        match binop_next(cx, op, a, b, stage) {
            BinStep::Fallback => return Ok(None),
            BinStep::Call {
                func,
                self_,
                other,
                next,
                negate,
            } => {
                let r = cx.call_with_self(func, self_, &[other], &[])?;
                if let Some(r) = bin_result(cx, r, negate)? {
                    return Ok(Some(r));
                }
                stage = next;
            }
        }
    }
}

/// A binary builtin function's special methods (`divmod` → `__divmod__`/`__rdivmod__`,
/// `pow(a, b, m)` → `__pow__`): the left operand's method, then the right's reflected one.
/// `None` when neither applies.
pub(crate) fn user_binary_call(
    cx: &mut Cx,
    a: Value,
    b: Value,
    extra: &[Value],
    fwd: &'static pystr::StrObj,
    refl: &'static pystr::StrObj,
) -> PyResult<Option<Value>> {
    if is_user_object(a) {
        if let Some(m) = lookup_special(cx, a, fwd) {
            let mut args = [b, Value::NONE];
            let n = 1 + extra.len().min(1);
            if let Some(&x) = extra.first() {
                args[1] = x;
            }
            let r = cx.call_with_self(m, a, &args[..n], &[])?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(Some(r));
            }
        }
    }
    if is_user_object(b) && extra.is_empty() {
        if let Some(m) = lookup_special(cx, b, refl) {
            let r = cx.call_with_self(m, b, &[a], &[])?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

/// A unary special method of a Python class for a builtin function (`math.floor` →
/// `__floor__`): `None` when the class does not define it.
pub(crate) fn user_unary_call(
    cx: &mut Cx,
    v: Value,
    name: &'static pystr::StrObj,
) -> PyResult<Option<Value>> {
    if !is_user_object(v) {
        return Ok(None);
    }
    match lookup_special(cx, v, name) {
        Some(m) => cx.call_with_self(m, v, &[], &[]).map(Some),
        None => Ok(None),
    }
}
