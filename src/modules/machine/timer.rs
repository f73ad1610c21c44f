//! `machine.Timer`, `machine.WDT` and `machine.RTC`.
//!
//! Timers run on the board (`Board::start_timer`); their callbacks reach Python through the
//! interpreter's signal like pin interrupts, so they run between bytecodes. The RTC keeps its
//! offset from the board's microsecond clock per interpreter.

use crate::builtins::args;
use crate::hal::board::{self, HwError};
use crate::modules::hw::class::{self, ClassSpec, Member};
use crate::modules::hw::{self, key, with_board};
use crate::obj::tuple;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

const ONE_SHOT: isize = 0;
const PERIODIC: isize = 1;

#[derive(Clone, Copy)]
struct TimerState {
    id: u16,
    running: bool,
}

fn next_timer_id(cx: &mut Cx) -> PyResult<u16> {
    let n = match hw::state_get(cx, key::NEXT_TIMER)? {
        Some(v) => v.as_small_int().unwrap_or(0),
        None => 0,
    };
    hw::state_set(cx, key::NEXT_TIMER, Value::small_int_unchecked(n + 1))?;
    Ok((n as u16) & 0x3fff)
}

/// `init(*, mode=PERIODIC, freq=-1, period=-1, callback=None, hard=True)`.
fn init_with(cx: &mut Cx, o: Value, a: &[Value], k: &[Value]) -> PyResult<()> {
    let [mode, freq, period, callback, _hard] =
        args::parse(cx, a, k, ["mode", "freq", "period", "callback", "hard"], 0)?;
    let mut s = class::state::<TimerState>(cx, o)?;
    let mode = hw::int_or(cx, mode, PERIODIC)?;
    let freq = match hw::opt(freq) {
        Some(f) => hw::float_or(cx, f, -1.0)?,
        None => -1.0,
    };
    let period = hw::int_or(cx, period, -1)?;
    let period_us = if freq > 0.0 {
        (1_000_000.0 / freq) as u64
    } else if period >= 0 {
        period as u64 * 1000
    } else {
        return Err(cx.value_error("period or freq must be given"));
    };
    let cb = hw::opt(callback).unwrap_or(Value::NONE);
    if s.running {
        let id = s.id;
        with_board(cx, |b| b.stop_timer(id))?;
    }
    hw::set_token_handler(cx, board::timer_token(s.id), cb, o)?;
    let id = s.id;
    let r = with_board(cx, |b| b.start_timer(id, period_us, mode != ONE_SHOT))?;
    if r.is_err() {
        return Err(cx.value_error("timers not supported on this board"));
    }
    s.running = true;
    class::set_state(cx, o, s);
    Ok(())
}

fn timer_new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    if let Some(&id) = a.get(1) {
        if crate::vm::seq::int_arg(cx, id)? != -1 {
            return Err(cx.value_error("only virtual timers (id=-1) are supported"));
        }
    }
    let id = next_timer_id(cx)?;
    let o = class::new_object(cx, a[0], TimerState { id, running: false })?;
    let mark = cx.roots_mark();
    cx.root(o)?;
    let r = if k.is_empty() {
        Ok(())
    } else {
        init_with(cx, o, &[], k)
    };
    cx.roots_truncate(mark);
    r.map(|_| o)
}

fn timer_init(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    init_with(cx, a[0], &a[1..], k)?;
    Ok(Value::NONE)
}

fn timer_deinit(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut s = class::state::<TimerState>(cx, a[0])?;
    let id = s.id;
    with_board(cx, |b| b.stop_timer(id))?;
    hw::set_token_handler(cx, board::timer_token(id), Value::NONE, Value::NONE)?;
    s.running = false;
    class::set_state(cx, a[0], s);
    Ok(Value::NONE)
}

/// `machine.Timer`.
pub static TIMER: ClassSpec = ClassSpec {
    name: "Timer",
    members: &[
        ("__new__", Member::Method(timer_new)),
        ("init", Member::Method(timer_init)),
        ("deinit", Member::Method(timer_deinit)),
        ("ONE_SHOT", Member::Int(ONE_SHOT)),
        ("PERIODIC", Member::Int(PERIODIC)),
    ],
};

#[derive(Clone, Copy)]
struct WdtState;

fn wdt_new(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [id, timeout] = args::parse(cx, &a[1..], k, ["id", "timeout"], 2)?;
    if hw::int_or(cx, id, 0)? != 0 {
        return Err(cx.value_error("WDT(id) must be 0"));
    }
    let t = hw::int_or(cx, timeout, 5000)?;
    if t <= 0 {
        return Err(cx.value_error("timeout must be positive"));
    }
    let r = with_board(cx, |b| match b.watchdog() {
        Some(w) => w.start(t as u32),
        None => Err(HwError::Unsupported),
    })?;
    if r.is_err() {
        return Err(cx.value_error("no watchdog on this board"));
    }
    class::new_object(cx, a[0], WdtState)
}

fn wdt_feed(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    class::state::<WdtState>(cx, a[0])?;
    with_board(cx, |b| {
        if let Some(w) = b.watchdog() {
            w.feed()
        }
    })?;
    Ok(Value::NONE)
}

/// `machine.WDT`.
pub static WDT: ClassSpec = ClassSpec {
    name: "WDT",
    members: &[
        ("__new__", Member::Method(wdt_new)),
        ("feed", Member::Method(wdt_feed)),
    ],
};

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(y, m, d)` of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// RTC microseconds since 1970 now.
fn rtc_now_us(cx: &mut Cx) -> PyResult<i64> {
    let now = hw::ticks_us(cx)? as i64;
    let off = match hw::state_get(cx, key::RTC_OFFSET)? {
        Some(v) => crate::obj::int::to_i64(v).or(v.as_small_int().map(|i| i as i64)),
        None => None,
    };
    let off = match off {
        Some(o) => o,
        None => {
            let secs = with_board(cx, |b| b.rtc_seconds())?;
            let o = secs.saturating_mul(1_000_000) - now;
            let v = hw::int_value(cx, o)?;
            hw::state_set(cx, key::RTC_OFFSET, v)?;
            o
        }
    };
    Ok(now + off)
}

#[derive(Clone, Copy)]
struct RtcState;

fn rtc_new(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    class::new_object(cx, a[0], RtcState)
}

/// `datetime([(year, month, day, weekday, hours, minutes, seconds, subseconds)])`.
fn rtc_datetime(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    class::state::<RtcState>(cx, a[0])?;
    match a.get(1) {
        None => {
            let us = rtc_now_us(cx)?;
            let secs = us.div_euclid(1_000_000);
            let days = secs.div_euclid(86_400);
            let rem = secs.rem_euclid(86_400);
            let (y, m, d) = civil_from_days(days);
            let wd = (days + 3).rem_euclid(7);
            let items = [y, m, d, wd, rem / 3600, rem % 3600 / 60, rem % 60, 0];
            let mut vals = [Value::NONE; 8];
            for (v, i) in vals.iter_mut().zip(items) {
                *v = Value::small_int_unchecked(i as isize);
            }
            tuple::new(cx, &vals)
        }
        Some(&t) => {
            let l = crate::vm::seq::list_from_iter(cx, t)?;
            let items = crate::obj::list::items_of(l).unwrap_or(&[]);
            if items.len() < 7 {
                return Err(cx.value_error("requested length 8 but object has length 7"));
            }
            let mut f = [0i64; 8];
            for (i, slot) in f.iter_mut().enumerate() {
                let v = crate::obj::list::items_of(l)
                    .and_then(|it| it.get(i).copied())
                    .unwrap_or(Value::small_int_unchecked(0));
                *slot = crate::vm::seq::int_arg(cx, v)? as i64;
            }
            let secs = days_from_civil(f[0], f[1], f[2]) * 86_400 + f[4] * 3600 + f[5] * 60 + f[6];
            let now = hw::ticks_us(cx)? as i64;
            let v = hw::int_value(cx, secs * 1_000_000 - now)?;
            hw::state_set(cx, key::RTC_OFFSET, v)?;
            Ok(Value::NONE)
        }
    }
}

/// `machine.RTC`.
pub static RTC: ClassSpec = ClassSpec {
    name: "RTC",
    members: &[
        ("__new__", Member::Method(rtc_new)),
        ("datetime", Member::Method(rtc_datetime)),
        ("init", Member::Method(rtc_datetime)),
    ],
};
