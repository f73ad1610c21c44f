//! `time` through the port's clock ([`Hal::monotonic_ns`](crate::hal::Hal::monotonic_ns),
//! `wall_time_ns`, `utc_offset`, `sleep_ns`). A port without a monotonic clock has no `time`
//! module (`ImportError`).
//!
//! Per flavour (FLAVOURS.md rows 56-57): micropython has `sleep`, `sleep_ms`, `sleep_us`,
//! `ticks_ms/us/cpu`, `ticks_add`, `ticks_diff` (ticks wrap at the small-int period, as
//! MicroPython's do), `time` (a float on unix), `time_ns`, `gmtime`/`localtime` returning
//! 8-tuples, `mktime`; circuitpython has `monotonic`, `monotonic_ns`, `sleep`, `time` (an
//! int), `localtime` returning a `struct_time`, `mktime` and `struct_time`. `monotonic` and
//! `monotonic_ns` exist in both. The epoch is 1970 in both.

use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::types::*;
use crate::obj::{dict, module, tuple};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The ticks period: MicroPython's `MP_SMALL_INT_POSITIVE_MASK + 1`.
const TICKS_PERIOD: u64 = 1 << (crate::value::SMALL_INT_BITS - 1);

fn now_ns(cx: &mut Cx) -> u64 {
    cx.hal().monotonic_ns().unwrap_or(0)
}

fn ticks(v: u64) -> Value {
    Value::small_int_unchecked((v & (TICKS_PERIOD - 1)) as isize)
}

fn ticks_ms(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(ticks(now_ns(cx) / 1_000_000))
}

fn ticks_us(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(ticks(now_ns(cx) / 1_000))
}

fn ticks_cpu(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(ticks(now_ns(cx)))
}

/// A ticks value or delta as a machine word (ints of any size are masked as MicroPython's
/// small ints are; other types raise TypeError).
fn tick_arg(cx: &mut Cx, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as i64);
    }
    if let Some(i) = crate::obj::int::to_i128(v) {
        return Ok(i as i64);
    }
    crate::vm::seq::int_arg(cx, v).map(|i| i as i64)
}

fn ticks_add(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let t = tick_arg(cx, a[0])? as u64;
    let d = tick_arg(cx, a[1])?;
    let half = (TICKS_PERIOD / 2) as i64;
    if !(-half < d && d < half) {
        return Err(cx.overflow_error("ticks interval overflow"));
    }
    Ok(ticks(t.wrapping_add(d as u64)))
}

fn ticks_diff(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let end = tick_arg(cx, a[0])? as u64;
    let start = tick_arg(cx, a[1])? as u64;
    let half = TICKS_PERIOD / 2;
    let d = (end.wrapping_sub(start).wrapping_add(half) & (TICKS_PERIOD - 1)) as i64 - half as i64;
    Ok(Value::small_int_unchecked(d as isize))
}

/// Sleep `ns` nanoseconds in slices, letting Ctrl-C and scheduled callbacks in between.
pub(crate) fn sleep_for(cx: &mut Cx, ns: u64) -> PyResult<()> {
    const SLICE: u64 = 10_000_000;
    let start = now_ns(cx);
    loop {
        let done = now_ns(cx).wrapping_sub(start);
        if done >= ns {
            return Ok(());
        }
        let step = (ns - done).min(SLICE);
        cx.hal().sleep_ns(step);
        if cx.host.signal.is_some_and(|s| s.is_pending()) || cx.host.active {
            crate::embed::poll::poll_call(cx)?;
        }
    }
}

fn float_arg(cx: &mut Cx, v: Value) -> PyResult<f64> {
    match crate::vm::num::to_f64(cx, v)? {
        Some(f) => Ok(f),
        None => {
            let tn = crate::vm::ops::alloc_free_name(cx.type_name(v));
            Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("can't convert {tn} to float"),
            ))
        }
    }
}

fn sleep(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = float_arg(cx, a[0])?;
    if s.is_nan() {
        return Err(cx.value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(cx.value_error("sleep length must be non-negative"));
    }
    let ns = s * 1e9;
    let ns = if ns >= u64::MAX as f64 {
        u64::MAX
    } else {
        ns as u64
    };
    sleep_for(cx, ns)?;
    Ok(Value::NONE)
}

fn sleep_ms(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ms = crate::vm::seq::int_arg(cx, a[0])?;
    if ms > 0 {
        sleep_for(cx, (ms as u64).saturating_mul(1_000_000))?;
    }
    Ok(Value::NONE)
}

fn sleep_us(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let us = crate::vm::seq::int_arg(cx, a[0])?;
    if us > 0 {
        sleep_for(cx, (us as u64).saturating_mul(1_000))?;
    }
    Ok(Value::NONE)
}

/// Nanoseconds since the epoch: the port's wall clock, else the monotonic clock (a board
/// without an RTC starts at the epoch).
fn wall_ns(cx: &mut Cx) -> i64 {
    match cx.hal().wall_time_ns() {
        Some(t) => t,
        None => now_ns(cx) as i64,
    }
}

fn time(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ns = wall_ns(cx);
    if crate::flavour::CIRCUITPYTHON {
        crate::obj::int::from_i64(cx, ns.div_euclid(1_000_000_000))
    } else {
        crate::obj::float::new(cx, ns as f64 / 1e9)
    }
}

fn time_ns(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ns = wall_ns(cx);
    crate::obj::int::from_i64(cx, ns)
}

fn monotonic(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ns = now_ns(cx);
    crate::obj::float::new(cx, ns as f64 / 1e9)
}

fn monotonic_ns(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let ns = now_ns(cx);
    crate::obj::int::from_i64(cx, ns as i64)
}

// ----- calendar arithmetic (proleptic Gregorian, days since 1970-01-01) -----

/// Days since 1970-01-01 of a date (month 1..=12).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day number: (year, month, day).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The broken-down time of `secs` since the epoch: year, month, mday, hour, minute,
/// second, weekday (Monday 0), yearday (1-based).
fn broken_down(secs: i64) -> [i64; 8] {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    let wday = (days + 3).rem_euclid(7);
    let yday = days - days_from_civil(y, 1, 1) + 1;
    [y, m, d, rem / 3600, rem / 60 % 60, rem % 60, wday, yday]
}

/// The seconds argument of gmtime/localtime: None or absent is now.
fn secs_arg(cx: &mut Cx, a: &[Value]) -> PyResult<i64> {
    match a.first() {
        None => Ok(wall_ns(cx).div_euclid(1_000_000_000)),
        Some(&v) if v.is_none() => Ok(wall_ns(cx).div_euclid(1_000_000_000)),
        Some(&v) => {
            if let Some(f) = crate::obj::float::value_of(v) {
                if !f.is_finite() || f.abs() > 1e17 {
                    return Err(cx.overflow_error("timestamp out of range for platform time_t"));
                }
                return Ok(libm::floor(f) as i64);
            }
            tick_arg(cx, v)
        }
    }
}

/// The tuple (micropython) or struct_time (circuitpython) of a broken-down time.
fn time_tuple(cx: &mut Cx, t: [i64; 8], isdst: i64) -> PyResult<Value> {
    let mut items = [Value::NONE; 9];
    let mark = cx.roots_mark();
    for (i, &x) in t.iter().enumerate() {
        items[i] = crate::obj::int::from_i64(cx, x)?;
        cx.root(items[i])?;
    }
    items[8] = Value::small_int_unchecked(isdst as isize);
    let n = if crate::flavour::CIRCUITPYTHON { 9 } else { 8 };
    let tup = tuple::new(cx, &items[..n]);
    cx.roots_truncate(mark);
    let tup = tup?;
    if !crate::flavour::CIRCUITPYTHON {
        return Ok(tup);
    }
    let st = dict::get_str(cx.modules, q::time.value())
        .and_then(module::dict_of)
        .and_then(|d| dict::get_str(d, q::struct_time.value()));
    match st {
        Some(st) => {
            let mark = cx.roots_mark();
            cx.root(tup)?;
            let r = cx.call(st, &[tup], &[]);
            cx.roots_truncate(mark);
            r
        }
        None => Ok(tup),
    }
}

/// The local zone's offset: the port's (micropython); CircuitPython has no time zones.
fn local_offset(cx: &mut Cx, secs: i64) -> i64 {
    if crate::flavour::CIRCUITPYTHON {
        0
    } else {
        cx.hal().utc_offset(secs)
    }
}

fn gmtime(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = secs_arg(cx, a)?;
    time_tuple(cx, broken_down(s), 0)
}

fn localtime(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = secs_arg(cx, a)?;
    let off = local_offset(cx, s);
    time_tuple(cx, broken_down(s.saturating_add(off)), -1)
}

fn mktime(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let items = crate::vm::seq::seq_or_collect(cx, a[0]);
    let items = match items {
        Ok(v) => v,
        Err(_) => {
            cx.exc = Value::NULL;
            return Err(cx.type_error("mktime needs a tuple of length 8 or 9"));
        }
    };
    let mark = cx.roots_mark();
    cx.root(items)?;
    let n = crate::vm::ops::seq_items(items).len();
    if !(8..=9).contains(&n) {
        cx.roots_truncate(mark);
        return Err(cx.type_error("mktime needs a tuple of length 8 or 9"));
    }
    let mut f = [0i64; 6];
    for (i, slot) in f.iter_mut().enumerate() {
        let v = crate::vm::ops::seq_items(items)[i];
        *slot = tick_arg(cx, v)?;
    }
    cx.roots_truncate(mark);
    let [y, mo, d, h, mi, s] = f;
    // Out-of-range fields carry into the next ones, as C's mktime does.
    let y = y + (mo - 1).div_euclid(12);
    let mo = (mo - 1).rem_euclid(12) + 1;
    let local = days_from_civil(y, mo, 1)
        .saturating_add(d - 1)
        .saturating_mul(86400)
        .saturating_add(h.saturating_mul(3600))
        .saturating_add(mi.saturating_mul(60))
        .saturating_add(s);
    let off = local_offset(cx, local);
    let utc = local - off;
    // Correct for a zone change between the guess and the answer.
    let off2 = local_offset(cx, utc);
    crate::obj::int::from_i64(cx, local - off2)
}

native_fn!(TIME_TICKS_MS, q::ticks_ms, 0, 0, false, ticks_ms);
native_fn!(TIME_TICKS_US, q::ticks_us, 0, 0, false, ticks_us);
native_fn!(TIME_TICKS_CPU, q::ticks_cpu, 0, 0, false, ticks_cpu);
native_fn!(TIME_TICKS_ADD, q::ticks_add, 2, 2, false, ticks_add);
native_fn!(TIME_TICKS_DIFF, q::ticks_diff, 2, 2, false, ticks_diff);
native_fn!(TIME_SLEEP, q::sleep, 1, 1, false, sleep);
native_fn!(TIME_SLEEP_MS, q::sleep_ms, 1, 1, false, sleep_ms);
native_fn!(TIME_SLEEP_US, q::sleep_us, 1, 1, false, sleep_us);
native_fn!(TIME_TIME, q::time, 0, 0, false, time);
native_fn!(TIME_TIME_NS, q::time_ns, 0, 0, false, time_ns);
native_fn!(TIME_MONOTONIC, q::monotonic, 0, 0, false, monotonic);
native_fn!(
    TIME_MONOTONIC_NS,
    q::monotonic_ns,
    0,
    0,
    false,
    monotonic_ns
);
native_fn!(TIME_GMTIME, q::gmtime, 0, 1, false, gmtime);
native_fn!(TIME_LOCALTIME, q::localtime, 0, 1, false, localtime);
native_fn!(TIME_MKTIME, q::mktime, 1, 1, false, mktime);

/// The names of `struct_time`'s fields.
const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

/// Make `struct_time` (circuitpython): a tuple subclass with one property per field.
fn make_struct_time(cx: &mut Cx, md: Value) -> PyResult<()> {
    let cls = super::attr_tuple_class(cx, "struct_time", &FIELDS)?;
    let mark = cx.roots_mark();
    cx.root(cls)?;
    dict::set_static(cx, md, &q::struct_time, cls)?;
    cx.roots_truncate(mark);
    Ok(())
}

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    if cx.hal().monotonic_ns().is_none() {
        return Err(cx.raise_msg(&IMPORT_ERROR_TYPE, "no module named 'time'"));
    }
    if crate::flavour::CIRCUITPYTHON {
        let md = module::dict_of(m).unwrap_or(Value::NULL);
        make_struct_time(cx, md)?;
    }
    Ok(())
}

/// The `time` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::time,
    items: if crate::flavour::CIRCUITPYTHON {
        &[
            (&q::monotonic, Item::Obj(&TIME_MONOTONIC.header)),
            (&q::monotonic_ns, Item::Obj(&TIME_MONOTONIC_NS.header)),
            (&q::sleep, Item::Obj(&TIME_SLEEP.header)),
            (&q::time, Item::Obj(&TIME_TIME.header)),
            (&q::localtime, Item::Obj(&TIME_LOCALTIME.header)),
            (&q::mktime, Item::Obj(&TIME_MKTIME.header)),
        ]
    } else {
        &[
            (&q::sleep, Item::Obj(&TIME_SLEEP.header)),
            (&q::sleep_ms, Item::Obj(&TIME_SLEEP_MS.header)),
            (&q::sleep_us, Item::Obj(&TIME_SLEEP_US.header)),
            (&q::ticks_ms, Item::Obj(&TIME_TICKS_MS.header)),
            (&q::ticks_us, Item::Obj(&TIME_TICKS_US.header)),
            (&q::ticks_cpu, Item::Obj(&TIME_TICKS_CPU.header)),
            (&q::ticks_add, Item::Obj(&TIME_TICKS_ADD.header)),
            (&q::ticks_diff, Item::Obj(&TIME_TICKS_DIFF.header)),
            (&q::time, Item::Obj(&TIME_TIME.header)),
            (&q::time_ns, Item::Obj(&TIME_TIME_NS.header)),
            (&q::monotonic, Item::Obj(&TIME_MONOTONIC.header)),
            (&q::monotonic_ns, Item::Obj(&TIME_MONOTONIC_NS.header)),
            (&q::gmtime, Item::Obj(&TIME_GMTIME.header)),
            (&q::localtime, Item::Obj(&TIME_LOCALTIME.header)),
            (&q::mktime, Item::Obj(&TIME_MKTIME.header)),
        ]
    },
    init: Some(init),
};
