//! Generator methods: `send`, `throw`, `close`, `__next__`.

use crate::native_fn;
use crate::obj::gen::{gen_of, GenState};
use crate::obj::types::*;
use crate::obj::{self, Attr, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

fn finished(cx: &mut Cx, v: Value) -> crate::vm::Raised {
    if v.is_none() {
        cx.raise_empty(&STOP_ITERATION_TYPE)
    } else {
        cx.raise_with_arg(&STOP_ITERATION_TYPE, v)
    }
}

fn send(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (v, done) = cx.resume_generator(a[0], a[1], None)?;
    if done {
        return Err(finished(cx, v));
    }
    Ok(v)
}

fn next(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    gen_next(cx, a[0], None)
}

/// `next(gen[, default])`: the next value; when the generator returns, `default` if given,
/// else `StopIteration` carrying the return value.
pub fn gen_next(cx: &mut Cx, g: Value, default: Option<Value>) -> PyResult<Value> {
    let (v, done) = cx.resume_generator(g, Value::NONE, None)?;
    if done {
        return match default {
            Some(d) => Ok(d),
            None => Err(finished(cx, v)),
        };
    }
    Ok(v)
}

fn throw(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut e = a[1];
    if let Some(&val) = a.get(2) {
        if obj::kind_of(e) == Kind::Type && !val.is_none() {
            e = if obj::isinstance(val, &BASE_EXCEPTION_TYPE) {
                val
            } else {
                cx.call(e, &[val], &[])?
            };
        }
    }
    let exc = ops::make_raise_obj(cx, e)?;
    let (v, done) = cx.resume_generator(a[0], Value::NONE, Some(exc))?;
    if done {
        return Err(finished(cx, v));
    }
    Ok(v)
}

/// `gen.close()`.
pub fn close_gen(cx: &mut Cx, g: Value) -> PyResult<Value> {
    match gen_of(g).map(|x| x.state) {
        Some(GenState::Created) | Some(GenState::Finished) | None => {
            if let Some(x) = gen_of(g) {
                x.state = GenState::Finished;
            }
            return Ok(Value::NONE);
        }
        _ => {}
    }
    let exc = crate::vm::ops::make_raise_obj(cx, Value::from_static(&GENERATOR_EXIT_TYPE))?;
    match cx.resume_generator(g, Value::NONE, Some(exc)) {
        Ok((_, true)) => Ok(Value::NONE),
        Ok((_, false)) => Err(cx.runtime_error("generator ignored GeneratorExit")),
        Err(e) => {
            let p = cx.pending();
            if obj::isinstance(p, &GENERATOR_EXIT_TYPE) || obj::isinstance(p, &STOP_ITERATION_TYPE)
            {
                cx.take_pending();
                Ok(Value::NONE)
            } else {
                Err(e)
            }
        }
    }
}

fn close(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    close_gen(cx, a[0])
}

fn iter_self(_cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(a[0])
}

native_fn!(G_SEND, q::send, 2, 2, false, send);
native_fn!(G_NEXT, q::__next__, 1, 1, false, next);
native_fn!(G_THROW, q::throw, 2, 4, false, throw);
native_fn!(G_CLOSE, q::close, 1, 1, false, close);
native_fn!(G_ITER, q::__iter__, 1, 1, false, iter_self);

/// Generator attributes.
pub const ATTRS: &[Attr] = &[
    crate::method!(q::send, G_SEND),
    crate::method!(q::__next__, G_NEXT),
    crate::method!(q::throw, G_THROW),
    crate::method!(q::close, G_CLOSE),
    crate::method!(q::__iter__, G_ITER),
];
