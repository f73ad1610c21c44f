//! `gc`: collect, enable, disable, isenabled, mem_free, mem_alloc, threshold.

use super::{Item, ModuleDef};
use crate::native_fn;
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// `gc.collect()`: a full collection. MicroPython's unix port (`MICROPY_PY_GC_COLLECT_RETVAL`)
/// returns the number of allocations it freed; CircuitPython returns None.
fn collect(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cx.collect();
    if crate::flavour::CIRCUITPYTHON {
        return Ok(Value::NONE);
    }
    let n = cx.gc_stats().last_freed;
    crate::obj::int::from_i64(cx, n as i64)
}

fn enable(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cx.gc_enabled = true;
    Ok(Value::NONE)
}

fn disable(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cx.gc_enabled = false;
    Ok(Value::NONE)
}

fn isenabled(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(cx.gc_enabled))
}

fn mem_free(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = cx.heap().bytes_free();
    crate::obj::int::from_i64(cx, n as i64)
}

fn mem_alloc(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = cx.heap().bytes_used();
    crate::obj::int::from_i64(cx, n as i64)
}

/// `gc.threshold([bytes])`: collect (mark-sweep) or start a cycle (incremental) once this many
/// bytes were allocated since the last collection; -1 (the default): only when the heap is
/// full (mark-sweep) or by the incremental collector's own pacing. As in MicroPython the
/// amount is kept in whole blocks (rounded down).
fn threshold(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    match a.first() {
        None => {
            let t = cx.gc_threshold;
            if t == usize::MAX {
                return Ok(Value::small_int_unchecked(-1));
            }
            crate::obj::int::from_i64(cx, (t * crate::gc::heap::BLOCK) as i64)
        }
        Some(&v) => {
            let n = crate::vm::seq::int_arg(cx, v)?;
            cx.gc_threshold = if n < 0 {
                usize::MAX
            } else {
                n as usize / crate::gc::heap::BLOCK
            };
            cx.gc_threshold_changed();
            Ok(Value::NONE)
        }
    }
}

native_fn!(GC_COLLECT, q::collect, 0, 0, false, collect);
native_fn!(GC_ENABLE, q::enable, 0, 0, false, enable);
native_fn!(GC_DISABLE, q::disable, 0, 0, false, disable);
native_fn!(GC_ISENABLED, q::isenabled, 0, 0, false, isenabled);
native_fn!(GC_MEM_FREE, q::mem_free, 0, 0, false, mem_free);
native_fn!(GC_MEM_ALLOC, q::mem_alloc, 0, 0, false, mem_alloc);
native_fn!(GC_THRESHOLD, q::threshold, 0, 1, false, threshold);

/// The `gc` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::gc,
    items: if crate::flavour::CIRCUITPYTHON {
        &[
            (&q::collect, Item::Obj(&GC_COLLECT.header)),
            (&q::enable, Item::Obj(&GC_ENABLE.header)),
            (&q::disable, Item::Obj(&GC_DISABLE.header)),
            (&q::isenabled, Item::Obj(&GC_ISENABLED.header)),
            (&q::mem_free, Item::Obj(&GC_MEM_FREE.header)),
            (&q::mem_alloc, Item::Obj(&GC_MEM_ALLOC.header)),
        ]
    } else {
        &[
            (&q::collect, Item::Obj(&GC_COLLECT.header)),
            (&q::enable, Item::Obj(&GC_ENABLE.header)),
            (&q::disable, Item::Obj(&GC_DISABLE.header)),
            (&q::isenabled, Item::Obj(&GC_ISENABLED.header)),
            (&q::mem_free, Item::Obj(&GC_MEM_FREE.header)),
            (&q::mem_alloc, Item::Obj(&GC_MEM_ALLOC.header)),
            (&q::threshold, Item::Obj(&GC_THRESHOLD.header)),
        ]
    },
    init: None,
};
