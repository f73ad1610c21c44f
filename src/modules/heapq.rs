//! `heapq`: `heappush`, `heappop`, `heapify` (MicroPython's), and CPython's `heappushpop` and
//! `heapreplace`, over a list with `<` as the order (which may run Python `__lt__`).
//!
//! Every step re-reads the list: a comparison may change it, and then the result is
//! whatever order the comparisons gave, never an out-of-range access.

use super::{Item, ModuleDef};
use crate::bytecode::opcode::BinaryOp;
use crate::native_fn;
use crate::obj::{list, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

fn heap_list(cx: &mut Cx, v: Value) -> PyResult<Value> {
    let l = ops::instance_base(v).unwrap_or(v);
    if crate::obj::kind_of(l) != Kind::List || !l.is_ptr() {
        return Err(cx.type_error("heap must be a list"));
    }
    Ok(l)
}

fn get(l: Value, i: usize) -> Option<Value> {
    list::items_of(l).and_then(|s| s.get(i).copied())
}

fn set(cx: &mut Cx, l: Value, i: usize, v: Value) {
    crate::gc::write_barrier(cx, v);
    if let Some(lo) = crate::obj::get_mut::<list::ListObj>(cx, l) {
        if let Some(s) = lo.items_mut().get_mut(i) {
            *s = v;
        }
    }
}

fn less(cx: &mut Cx, a: Value, b: Value) -> PyResult<bool> {
    let r = ops::binary(cx, BinaryOp::Less, a, b)?;
    ops::truthy(cx, r)
}

fn len(l: Value) -> usize {
    list::items_of(l).map_or(0, |s| s.len())
}

/// Move the item at `pos` up towards `start` (CPython's `_siftdown`).
fn sift_down(cx: &mut Cx, l: Value, start: usize, mut pos: usize) -> PyResult<()> {
    let Some(new) = get(l, pos) else {
        return Ok(());
    };
    let mark = cx.roots_mark();
    cx.root(new)?;
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let Some(parent) = get(l, parent_pos) else {
            break;
        };
        if less(cx, new, parent)? {
            set(cx, l, pos, parent);
            pos = parent_pos;
            continue;
        }
        break;
    }
    if pos < len(l) {
        set(cx, l, pos, new);
    }
    cx.roots_truncate(mark);
    Ok(())
}

/// CPython's `_siftup`: move the smaller child up until a leaf, then sift down.
fn sift_up(cx: &mut Cx, l: Value, mut pos: usize) -> PyResult<()> {
    let end = len(l);
    let start = pos;
    let Some(new) = get(l, pos) else {
        return Ok(());
    };
    let mark = cx.roots_mark();
    cx.root(new)?;
    let mut child = 2 * pos + 1;
    while child < end.min(len(l)) {
        let right = child + 1;
        if right < end.min(len(l)) {
            let (Some(c), Some(r)) = (get(l, child), get(l, right)) else {
                break;
            };
            if !less(cx, c, r)? {
                child = right;
            }
        }
        let Some(c) = get(l, child) else { break };
        set(cx, l, pos, c);
        pos = child;
        child = 2 * pos + 1;
    }
    if pos < len(l) {
        set(cx, l, pos, new);
    }
    cx.roots_truncate(mark);
    sift_down(cx, l, start, pos)
}

fn heappush(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = heap_list(cx, a[0])?;
    list::append(cx, l, a[1])?;
    let n = len(l);
    sift_down(cx, l, 0, n - 1)?;
    Ok(Value::NONE)
}

fn pop_last(cx: &mut Cx, l: Value) -> PyResult<Value> {
    let n = len(l);
    if n == 0 {
        return Err(cx.index_error("empty heap"));
    }
    let last = get(l, n - 1).unwrap_or(Value::NONE);
    if let Some(lo) = crate::obj::get_mut::<list::ListObj>(cx, l) {
        lo.len = n - 1;
    }
    Ok(last)
}

fn heappop(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = heap_list(cx, a[0])?;
    let last = pop_last(cx, l)?;
    if len(l) == 0 {
        return Ok(last);
    }
    let top = get(l, 0).unwrap_or(Value::NONE);
    let mark = cx.roots_mark();
    cx.root(top)?;
    set(cx, l, 0, last);
    let r = sift_up(cx, l, 0);
    cx.roots_truncate(mark);
    r?;
    Ok(top)
}

fn heapreplace(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = heap_list(cx, a[0])?;
    let Some(top) = get(l, 0) else {
        return Err(cx.index_error("empty heap"));
    };
    let mark = cx.roots_mark();
    cx.root(top)?;
    set(cx, l, 0, a[1]);
    let r = sift_up(cx, l, 0);
    cx.roots_truncate(mark);
    r?;
    Ok(top)
}

fn heappushpop(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = heap_list(cx, a[0])?;
    let item = a[1];
    let Some(top) = get(l, 0) else {
        return Ok(item);
    };
    if !less(cx, top, item)? {
        return Ok(item);
    }
    let Some(top) = get(l, 0) else {
        return Ok(item);
    };
    let mark = cx.roots_mark();
    cx.root(top)?;
    set(cx, l, 0, item);
    let r = sift_up(cx, l, 0);
    cx.roots_truncate(mark);
    r?;
    Ok(top)
}

fn heapify(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = heap_list(cx, a[0])?;
    let n = len(l);
    for i in (0..n / 2).rev() {
        sift_up(cx, l, i)?;
    }
    Ok(Value::NONE)
}

native_fn!(HEAPPUSH, q::heappush, 2, 2, false, heappush);
native_fn!(HEAPPOP, q::heappop, 1, 1, false, heappop);
native_fn!(HEAPIFY, q::heapify, 1, 1, false, heapify);
native_fn!(HEAPREPLACE, q::heapreplace, 2, 2, false, heapreplace);
native_fn!(HEAPPUSHPOP, q::heappushpop, 2, 2, false, heappushpop);

/// The `heapq` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::heapq,
    items: &[
        (&q::heappush, Item::Obj(&HEAPPUSH.header)),
        (&q::heappop, Item::Obj(&HEAPPOP.header)),
        (&q::heapify, Item::Obj(&HEAPIFY.header)),
        (&q::heapreplace, Item::Obj(&HEAPREPLACE.header)),
        (&q::heappushpop, Item::Obj(&HEAPPUSHPOP.header)),
    ],
    init: None,
};
