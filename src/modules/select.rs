//! `select` (micropython flavour): `poll()` objects (`register`, `unregister`, `modify`,
//! `poll`, `ipoll`) and `select.select`, over what the port has: files (always ready, as
//! regular files are to `poll(2)`), the console streams (`sys.stdin` asks the port whether
//! input is waiting, `Hal::stdin_ready`; stdout and stderr are always writable) and Python
//! stream objects with an `ioctl(request, arg)` method, polled with `MP_STREAM_POLL` (3) as
//! MicroPython polls them. Memory streams have no poll operation (`OSError(EINVAL)`);
//! anything else is `OSError: stream operation not supported`. Waiting sleeps through the
//! port's clock in slices, so a port without a clock has no `select` (`ImportError`).

use super::native::{self, ClassDef, Member};
use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::types::*;
use crate::obj::{self, list, tuple};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

const POLLIN: isize = 1;
const POLLOUT: isize = 4;
const POLLERR: isize = 8;
const POLLHUP: isize = 16;
/// The stream ioctl request that polls (`MP_STREAM_POLL`).
const MP_STREAM_POLL: isize = 3;

/// How `obj` can be polled; `Err` when it cannot.
fn check_pollable(cx: &mut Cx, obj: Value) -> PyResult<()> {
    if console_fd(cx, obj).is_some() || obj::kind_of(obj) == obj::Kind::Stream {
        return Ok(());
    }
    if crate::vm::ops::is_user_object(obj)
        && crate::vm::attr::getattr_opt(cx, obj, q::ioctl.value())?.is_some()
    {
        return Ok(());
    }
    Err(cx.raise_msg(&OS_ERROR_TYPE, "stream operation not supported"))
}

/// `sys.stdin`/`stdout`/`stderr`, or the file descriptors 0-2.
fn console_fd(cx: &mut Cx, obj: Value) -> Option<usize> {
    if let Some(fd) = super::sys::console_stream(cx, obj) {
        return Some(fd);
    }
    match obj.as_small_int() {
        Some(fd @ 0..=2) => Some(fd as usize),
        _ => None,
    }
}

/// The events of `obj` among `mask` (errors and hang-ups are always reported).
fn events(cx: &mut Cx, obj: Value, mask: isize) -> PyResult<isize> {
    let want = mask | POLLERR | POLLHUP;
    if let Some(fd) = console_fd(cx, obj) {
        let ev = match fd {
            0 if cx.hal().stdin_ready() => POLLIN,
            0 => 0,
            _ => POLLOUT,
        };
        return Ok(ev & want);
    }
    if let Some(r) = super::io::poll_ready(cx, obj) {
        return Ok(if r? { (POLLIN | POLLOUT) & want } else { 0 });
    }
    let Some(m) = crate::vm::attr::getattr_opt(cx, obj, q::ioctl.value())? else {
        return Err(cx.raise_msg(&OS_ERROR_TYPE, "stream operation not supported"));
    };
    let mark = cx.roots_mark();
    cx.root(m)?;
    let r = cx.call(
        m,
        &[
            Value::small_int_unchecked(MP_STREAM_POLL),
            Value::small_int_unchecked(mask),
        ],
        &[],
    );
    cx.roots_truncate(mark);
    let r = r?;
    if r.is_none() {
        return Ok(0);
    }
    let ev = crate::vm::seq::int_arg(cx, r)?;
    if ev < 0 {
        return Err(super::os::raise_errno(cx, crate::hal::errno::EINVAL));
    }
    Ok(ev & want)
}

/// The registrations of a poll object: a list `[obj, mask, obj, mask, ...]`, kept in a
/// one-field record (so that the object is true and has no `len`, whatever it holds).
fn regs(cx: &mut Cx, v: Value) -> PyResult<Value> {
    let rec = native::record_of(cx, v, 1, "poll")?;
    let l = native::field(rec, 0);
    if obj::kind_of(l) != obj::Kind::List {
        return Err(cx.type_error("bad poll object"));
    }
    Ok(l)
}

/// Index of `obj` (by identity) in the registration list.
fn find(l: Value, obj: Value) -> Option<usize> {
    list::items_of(l)?
        .chunks(2)
        .position(|c| c.first() == Some(&obj))
        .map(|i| i * 2)
}

fn mask_arg(cx: &mut Cx, a: &[Value], i: usize) -> PyResult<isize> {
    match a.get(i) {
        Some(&m) => crate::vm::seq::int_arg(cx, m),
        None => Ok(POLLIN | POLLOUT),
    }
}

fn poll_new(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let cls = native::state_class(cx, a[0], 0)?;
    let l = list::with_capacity(cx, 0)?;
    let mark = cx.roots_mark();
    cx.root(l)?;
    let r = (|| {
        let rec = native::new_record(cx, &[l])?;
        cx.root(rec)?;
        native::new_instance(cx, cls, rec)
    })();
    cx.roots_truncate(mark);
    r
}

fn register(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = regs(cx, a[0])?;
    let mask = mask_arg(cx, a, 2)?;
    check_pollable(cx, a[1])?;
    let m = Value::small_int_unchecked(mask);
    match find(l, a[1]) {
        Some(i) => crate::vm::seq::setitem(cx, l, Value::small_int_unchecked(i as isize + 1), m)?,
        None => {
            list::append(cx, l, a[1])?;
            list::append(cx, l, m)?;
        }
    }
    Ok(Value::NONE)
}

fn unregister(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = regs(cx, a[0])?;
    if let Some(i) = find(l, a[1]) {
        let i = Value::small_int_unchecked(i as isize);
        crate::vm::seq::delitem(cx, l, i)?;
        crate::vm::seq::delitem(cx, l, i)?;
    }
    Ok(Value::NONE)
}

fn modify(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = regs(cx, a[0])?;
    let mask = crate::vm::seq::int_arg(cx, a[2])?;
    match find(l, a[1]) {
        Some(i) => {
            let (i, m) = (
                Value::small_int_unchecked(i as isize + 1),
                Value::small_int_unchecked(mask),
            );
            crate::vm::seq::setitem(cx, l, i, m)?;
            Ok(Value::NONE)
        }
        None => Err(super::os::raise_errno(cx, crate::hal::errno::ENOENT)),
    }
}

/// A timeout in milliseconds (`None` or negative: wait forever).
fn timeout_ms(cx: &mut Cx, v: Option<&Value>) -> PyResult<Option<u64>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(&v) => {
            let t = crate::vm::seq::int_arg(cx, v)?;
            Ok(u64::try_from(t).ok())
        }
    }
}

/// Wait until `ready` reports something or the timeout passes, sleeping through the port in
/// short slices (and handling signals between them).
fn wait(
    cx: &mut Cx,
    timeout_ns: Option<u64>,
    mut ready: impl FnMut(&mut Cx) -> PyResult<bool>,
) -> PyResult<()> {
    const SLICE: u64 = 1_000_000;
    let start = cx.hal().monotonic_ns().unwrap_or(0);
    loop {
        if ready(cx)? {
            return Ok(());
        }
        let done = cx.hal().monotonic_ns().unwrap_or(0).wrapping_sub(start);
        let step = match timeout_ns {
            Some(t) if done >= t => return Ok(()),
            Some(t) => (t - done).min(SLICE),
            None => SLICE,
        };
        cx.hal().sleep_ns(step);
        if cx.host.signal.is_some_and(|s| s.is_pending()) || cx.host.active {
            crate::embed::poll::poll_call(cx)?;
        }
    }
}

/// Poll every registered object once: a new list of `(obj, events)` tuples of the ready ones.
/// `one_shot` clears the mask of each reported object (`ipoll`'s flag 1).
fn poll_once(cx: &mut Cx, l: Value, one_shot: bool) -> PyResult<Value> {
    let out = list::with_capacity(cx, 0)?;
    let mark = cx.roots_mark();
    cx.root(out)?;
    let r = (|| {
        let mut i = 0;
        // Re-read each time: an ioctl method may change the registrations.
        while let Some(&[o, m]) = list::items_of(l).and_then(|s| s.get(i..i + 2)) {
            let mask = m.as_small_int().unwrap_or(0);
            let ev = events(cx, o, mask)?;
            if ev != 0 {
                let t = tuple::new(cx, &[o, Value::small_int_unchecked(ev)])?;
                cx.root(t)?;
                list::append(cx, out, t)?;
                if one_shot {
                    let idx = Value::small_int_unchecked(i as isize + 1);
                    crate::vm::seq::setitem(cx, l, idx, Value::small_int_unchecked(0))?;
                }
            }
            i += 2;
        }
        Ok(out)
    })();
    cx.roots_truncate(mark);
    r
}

fn poll_wait(cx: &mut Cx, a: &[Value], one_shot: bool) -> PyResult<Value> {
    let l = regs(cx, a[0])?;
    let t = timeout_ms(cx, a.get(1))?;
    let mut found = Value::NULL;
    let mark = cx.roots_mark();
    let r = wait(cx, t.map(|ms| ms.saturating_mul(1_000_000)), |cx| {
        let r = poll_once(cx, l, one_shot)?;
        cx.roots_truncate(mark);
        cx.root(r)?;
        found = r;
        Ok(list::items_of(r).is_some_and(|s| !s.is_empty()))
    });
    cx.roots_truncate(mark);
    r?;
    Ok(found)
}

fn poll_poll(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    poll_wait(cx, a, false)
}

fn poll_ipoll(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let flags = match a.get(2) {
        Some(&f) => crate::vm::seq::int_arg(cx, f)?,
        None => 0,
    };
    let l = poll_wait(cx, &a[..a.len().min(2)], flags & 1 != 0)?;
    let mark = cx.roots_mark();
    cx.root(l)?;
    let r = crate::vm::seq::get_iter(cx, l);
    cx.roots_truncate(mark);
    r
}

/// `select.select(rlist, wlist, xlist[, timeout])`: the lists of objects ready to read,
/// ready to write and in error; the timeout is in seconds (`None`: wait forever).
fn select(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let timeout = match a.get(4) {
        Some(&t) if !t.is_none() => {
            let s = match crate::vm::num::to_f64(cx, t)? {
                Some(s) => s,
                None => return Err(cx.type_error("can't convert to float")),
            };
            Some(if s.is_nan() || s <= 0.0 {
                0
            } else {
                (s * 1e9).min(u64::MAX as f64) as u64
            })
        }
        _ => None,
    };
    let mark = cx.roots_mark();
    let r = (|| {
        // The three sequences (any iterables) as lists, their objects checked.
        let mut ins = [Value::NULL; 3];
        for (k, slot) in ins.iter_mut().enumerate() {
            let l = crate::vm::seq::list_from_iter(cx, a[k + 1])?;
            cx.root(l)?;
            *slot = l;
            let mut i = 0;
            while let Some(&o) = list::items_of(l).and_then(|s| s.get(i)) {
                check_pollable(cx, o)?;
                i += 1;
            }
        }
        let mut outs = [Value::NULL; 3];
        for slot in outs.iter_mut() {
            let l = list::with_capacity(cx, 0)?;
            cx.root(l)?;
            *slot = l;
        }
        let per = cx.roots_mark();
        wait(cx, timeout, |cx| {
            let mut any = false;
            for (k, &l) in ins.iter().enumerate() {
                let (mask, hit) = match k {
                    0 => (POLLIN, POLLIN | POLLERR | POLLHUP),
                    1 => (POLLOUT, POLLOUT | POLLERR | POLLHUP),
                    _ => (0, POLLERR | POLLHUP),
                };
                let mut i = 0;
                while let Some(&o) = list::items_of(l).and_then(|s| s.get(i)) {
                    if events(cx, o, mask)? & hit != 0 {
                        list::append(cx, outs[k], o)?;
                        any = true;
                    }
                    i += 1;
                }
            }
            cx.roots_truncate(per);
            Ok(any)
        })?;
        tuple::new(cx, &outs)
    })();
    cx.roots_truncate(mark);
    r
}

/// `<poll>`, as MicroPython prints a poll object.
fn poll_repr(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    crate::obj::str::new_from(cx, "<poll>")
}

native_fn!(POLL_NEW, q::poll, 1, 1, false, poll_new);
native_fn!(POLL_REPR, q::__repr__, 1, 1, false, poll_repr);
native_fn!(POLL_REGISTER, q::register, 2, 3, false, register);
native_fn!(POLL_UNREGISTER, q::unregister, 2, 2, false, unregister);
native_fn!(POLL_MODIFY, q::modify, 3, 3, false, modify);
native_fn!(POLL_POLL, q::poll, 1, 2, false, poll_poll);
native_fn!(POLL_IPOLL, q::ipoll, 1, 3, false, poll_ipoll);
native_fn!(SELECT, q::select, 4, 5, false, select);

static POLL_CLASS: ClassDef = ClassDef {
    name: &q::poll,
    base: &OBJECT_TYPE,
    members: &[
        (&q::register, Member::Method(&POLL_REGISTER)),
        (&q::unregister, Member::Method(&POLL_UNREGISTER)),
        (&q::modify, Member::Method(&POLL_MODIFY)),
        (&q::poll, Member::Method(&POLL_POLL)),
        (&q::ipoll, Member::Method(&POLL_IPOLL)),
        (&q::__repr__, Member::Method(&POLL_REPR)),
    ],
};

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    if cx.hal().monotonic_ns().is_none() {
        return Err(cx.raise_msg(&IMPORT_ERROR_TYPE, "no module named 'select'"));
    }
    native::install_with(
        cx,
        m,
        &[&POLL_CLASS],
        &[(&q::poll, &POLL_NEW), (&q::select, &SELECT)],
        false,
    )
}

/// The module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::select,
    items: &[
        (&q::POLLIN, Item::Int(POLLIN)),
        (&q::POLLOUT, Item::Int(POLLOUT)),
        (&q::POLLERR, Item::Int(POLLERR)),
        (&q::POLLHUP, Item::Int(POLLHUP)),
    ],
    init: Some(init),
};
