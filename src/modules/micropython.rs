//! `micropython`: const, opt_level, mem_info, heap_lock/unlock, alloc_emergency_exception_buf...

use super::{Item, ModuleDef};
use crate::native_fn;
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

fn const_(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(a[0])
}

fn opt_level(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(if a.is_empty() {
        Value::small_int_unchecked(0)
    } else {
        Value::NONE
    })
}

fn mem_info(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (used, free, hw) = (
        cx.heap().bytes_used(),
        cx.heap().bytes_free(),
        cx.heap().high_water_bytes(),
    );
    let total = used + free;
    let mut b = crate::obj::str::StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(
        &mut b,
        format_args!("mem: total={total}, current={used}, peak={hw}\nGC: total: {total}, used: {used}, free: {free}\n"),
    );
    if !a.is_empty() {
        let lf = cx.heap().largest_free_bytes();
        let _ = core::fmt::Write::write_fmt(&mut b, format_args!(" max free sz: {lf}\n"));
    }
    cx.hal().write_out(&b.buf);
    Ok(Value::NONE)
}

fn qstr_info(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = cx.interned.len;
    let mut b = crate::obj::str::StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(&mut b, format_args!("qstr pool: n_pool=1, n_qstr={n}\n"));
    cx.hal().write_out(&b.buf);
    Ok(Value::NONE)
}

fn heap_lock(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = cx.heap().lock(true);
    Ok(Value::small_int_unchecked(d as isize - 1))
}

fn heap_unlock(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = cx.heap().lock(false);
    Ok(Value::small_int_unchecked(d as isize))
}

fn heap_locked(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(cx.heap().is_locked()))
}

fn nothing(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn stack_use(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(0))
}

native_fn!(MP_CONST, q::const_, 1, 1, false, const_);
native_fn!(MP_OPT_LEVEL, q::opt_level, 0, 1, false, opt_level);
native_fn!(MP_MEM_INFO, q::mem_info, 0, 1, false, mem_info);
native_fn!(MP_QSTR_INFO, q::qstr_info, 0, 1, false, qstr_info);
native_fn!(MP_HEAP_LOCK, q::heap_lock, 0, 0, false, heap_lock);
native_fn!(MP_HEAP_UNLOCK, q::heap_unlock, 0, 0, false, heap_unlock);
native_fn!(MP_HEAP_LOCKED, q::heap_locked, 0, 0, false, heap_locked);
native_fn!(
    MP_EMERGENCY,
    q::alloc_emergency_exception_buf,
    1,
    1,
    false,
    nothing
);
native_fn!(MP_KBD_INTR, q::kbd_intr, 1, 1, false, nothing);
native_fn!(MP_STACK_USE, q::stack_use, 0, 0, false, stack_use);

/// The `micropython` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::micropython,
    items: if crate::flavour::CIRCUITPYTHON {
        &[(&q::const_, Item::Obj(&MP_CONST.header))]
    } else {
        &[
            (&q::const_, Item::Obj(&MP_CONST.header)),
            (&q::opt_level, Item::Obj(&MP_OPT_LEVEL.header)),
            (&q::mem_info, Item::Obj(&MP_MEM_INFO.header)),
            (&q::qstr_info, Item::Obj(&MP_QSTR_INFO.header)),
            (&q::heap_lock, Item::Obj(&MP_HEAP_LOCK.header)),
            (&q::heap_unlock, Item::Obj(&MP_HEAP_UNLOCK.header)),
            (&q::heap_locked, Item::Obj(&MP_HEAP_LOCKED.header)),
            (
                &q::alloc_emergency_exception_buf,
                Item::Obj(&MP_EMERGENCY.header),
            ),
            (&q::kbd_intr, Item::Obj(&MP_KBD_INTR.header)),
            (&q::stack_use, Item::Obj(&MP_STACK_USE.header)),
            (
                &q::schedule,
                Item::Obj(&crate::embed::poll::MP_SCHEDULE.header),
            ),
        ]
    },
    init: None,
};
