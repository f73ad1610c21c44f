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

/// `mem_info([verbose])`, in MicroPython's format: the allocator's totals (`mem:`), the GC heap
/// (`GC:` and the block counts, sizes in blocks), and with an argument the allocation table,
/// 64 blocks a line (`.` free, `h` head, `=` tail, a letter for some object kinds). There is
/// no `stack:` line: the Rust stack use is not measured.
fn mem_info(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let h = cx.heap();
    let (used, free, hw, total) = (
        h.bytes_used(),
        h.bytes_free(),
        h.high_water_bytes(),
        h.total_allocated_bytes(),
    );
    let info = h.block_info();
    let mut b = crate::obj::str::StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(
        &mut b,
        format_args!(
            "mem: total={total}, current={used}, peak={hw}\n\
             GC: total: {}, used: {used}, free: {free}\n \
             No. of 1-blocks: {}, 2-blocks: {}, max blk sz: {}, max free sz: {}\n",
            used + free,
            info.one_blocks,
            info.two_blocks,
            info.max_block,
            info.max_free
        ),
    );
    if !a.is_empty() {
        dump_table(cx, &mut b);
    }
    if b.failed {
        return Err(cx.raise_memory_error(b.buf.len()));
    }
    cx.hal().write_out(&b.buf);
    Ok(Value::NONE)
}

/// The allocation table, as `gc_dump_alloc_table` prints it.
fn dump_table(cx: &Cx, b: &mut crate::obj::str::StrBuilder) {
    const LINE: usize = 64;
    let h = cx.heap();
    let n = h.n_blocks();
    let _ = core::fmt::Write::write_fmt(
        b,
        format_args!("GC memory layout; from {:x}:", h.pool_addr()),
    );
    let mut bl = 0;
    while bl < n {
        let end = (bl + LINE).min(n);
        // Runs of whole free lines are summarised.
        if (bl..end).all(|i| h.block_char(i) == b'.') {
            let mut lines = 0;
            let mut k = bl;
            while k < n && (k..(k + LINE).min(n)).all(|i| h.block_char(i) == b'.') {
                lines += 1;
                k += LINE;
            }
            if lines > 1 {
                let _ = core::fmt::Write::write_fmt(
                    b,
                    format_args!("\n       ({lines} lines all free)"),
                );
                bl = k;
                continue;
            }
        }
        let _ =
            core::fmt::Write::write_fmt(b, format_args!("\n{:08x}: ", bl * crate::gc::heap::BLOCK));
        for i in bl..end {
            b.push_byte(h.block_char(i));
        }
        bl = end;
    }
    b.push_byte(b'\n');
}

fn qstr_info(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = cx.interned.len;
    let mut b = crate::obj::str::StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(&mut b, format_args!("qstr pool: n_pool=1, n_qstr={n}\n"));
    cx.hal().write_out(&b.buf);
    Ok(Value::NONE)
}

/// `heap_lock()`: allocation raises MemoryError until the matching `heap_unlock()`.
fn heap_lock(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cx.heap().lock(true);
    Ok(Value::NONE)
}

/// `heap_unlock()`: returns the lock depth left.
fn heap_unlock(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let d = cx.heap().lock(false);
    if d == 0 {
        cx.refill_emergency();
    }
    Ok(Value::small_int_unchecked(d as isize))
}

/// `heap_locked()`: the lock depth.
fn heap_locked(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(cx.heap().lock_depth() as isize))
}

/// `alloc_emergency_exception_buf(size)`: keep `size` bytes (at least 256) in reserve, so that
/// an exception raised while the heap is locked or full still carries its type and message
/// instead of becoming a bare MemoryError.
fn alloc_emergency_exception_buf(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = crate::vm::seq::int_arg(cx, a[0])?;
    cx.set_emergency_reserve(n.max(0) as usize)?;
    Ok(Value::NONE)
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
    alloc_emergency_exception_buf
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
