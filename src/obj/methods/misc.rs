//! Attributes of `range`, `slice` and `property`.

use crate::native_fn;
use crate::obj::func::{descr_of, new_descr};
use crate::obj::range;
use crate::obj::slice::SliceObj;
use crate::obj::types::*;
use crate::obj::{tuple, Attr};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

fn range_self(cx: &mut Cx, v: Value) -> PyResult<Value> {
    if crate::obj::kind_of(v) == crate::obj::Kind::Range && v.is_ptr() {
        return Ok(v);
    }
    Err(super::list::descriptor_error(cx, "index", "range", v))
}

fn r_start(cx: &mut Cx, v: Value) -> PyResult<Value> {
    Ok(range::parts(cx, v)?.0)
}
fn r_stop(cx: &mut Cx, v: Value) -> PyResult<Value> {
    Ok(range::parts(cx, v)?.1)
}
fn r_step(cx: &mut Cx, v: Value) -> PyResult<Value> {
    Ok(range::parts(cx, v)?.2)
}

fn r_index(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let r = range_self(cx, a[0])?;
    range::index(cx, r, a[1])
}

fn r_count(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let r = range_self(cx, a[0])?;
    range::count(cx, r, a[1])
}

fn slice_of(v: Value) -> &'static SliceObj {
    // SAFETY: getters of slice objects receive slice objects.
    unsafe { &*(v.raw() as *const SliceObj) }
}

fn s_start(_cx: &mut Cx, v: Value) -> PyResult<Value> {
    Ok(slice_of(v).start)
}
fn s_stop(_cx: &mut Cx, v: Value) -> PyResult<Value> {
    Ok(slice_of(v).stop)
}
fn s_step(_cx: &mut Cx, v: Value) -> PyResult<Value> {
    Ok(slice_of(v).step)
}

fn s_indices(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = crate::vm::seq::int_arg(cx, a[1])?;
    if n < 0 {
        return Err(cx.value_error("length should not be negative"));
    }
    let (s, e, st, _) = crate::vm::seq::slice_indices(cx, a[0], n as usize)?;
    tuple::new(
        cx,
        &[
            Value::small_int_unchecked(s),
            Value::small_int_unchecked(e),
            Value::small_int_unchecked(st),
        ],
    )
}

fn prop_with(cx: &mut Cx, a: &[Value], which: usize) -> PyResult<Value> {
    let d = descr_of(a[0]).map_or([Value::NONE; 3], |d| [d.a, d.b, d.c]);
    let mut parts = d;
    parts[which] = a[1];
    new_descr(cx, &PROPERTY_TYPE, parts[0], parts[1], parts[2])
}

fn p_getter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    prop_with(cx, a, 0)
}
fn p_setter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    prop_with(cx, a, 1)
}
fn p_deleter(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    prop_with(cx, a, 2)
}

native_fn!(R_INDEX, q::index, 2, 2, false, r_index);
native_fn!(R_COUNT, q::count, 2, 2, false, r_count);
native_fn!(S_INDICES, q::indices, 2, 2, false, s_indices);
native_fn!(P_GETTER, q::getter, 2, 2, false, p_getter);
native_fn!(P_SETTER, q::setter, 2, 2, false, p_setter);
native_fn!(P_DELETER, q::deleter, 2, 2, false, p_deleter);

/// `function.__get__(obj, type=None)`: a function is a descriptor that binds `obj`.
fn f_get(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if a[1].is_none() {
        return Ok(a[0]);
    }
    crate::obj::func::new_bound(cx, a[0], a[1])
}

native_fn!(F_GET, q::__get__, 2, 3, false, f_get);

/// The attributes of Python functions (the rest are computed in `vm/attr.rs`).
pub const FUNCTION_ATTRS: &[Attr] = &[crate::method!(q::__get__, F_GET)];

/// `range`'s attributes.
pub const RANGE_ATTRS: &[Attr] = &[
    crate::getter!(q::start, r_start),
    crate::getter!(q::stop, r_stop),
    crate::getter!(q::step, r_step),
    crate::method!(q::index, R_INDEX),
    crate::method!(q::count, R_COUNT),
];

/// `slice`'s attributes.
pub const SLICE_ATTRS: &[Attr] = &[
    crate::getter!(q::start, s_start),
    crate::getter!(q::stop, s_stop),
    crate::getter!(q::step, s_step),
    crate::method!(q::indices, S_INDICES),
];

/// `property`'s attributes.
pub const PROPERTY_ATTRS: &[Attr] = &[
    crate::method!(q::getter, P_GETTER),
    crate::method!(q::setter, P_SETTER),
    crate::method!(q::deleter, P_DELETER),
];
