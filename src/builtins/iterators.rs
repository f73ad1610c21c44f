//! The builtin iterators: enumerate, zip, map, filter, reversed, iter(callable, sentinel).

use crate::obj::iter::{iter_of, IterKind};
use crate::obj::types::*;
use crate::obj::{self, int, tuple, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// `reversed(seq)`.
pub fn reversed(cx: &mut Cx, o: Value) -> PyResult<Value> {
    if ops::is_user_object(o) {
        if let Some(m) = ops::lookup_special(cx, o, &q::__reversed__) {
            return cx.call_with_self(m, o, &[], &[]);
        }
    }
    let n = match obj::kind_of(o) {
        Kind::Range if o.is_ptr() => return crate::obj::range::reversed(cx, o),
        Kind::List | Kind::Tuple | Kind::Str | Kind::Bytes | Kind::ByteArray => ops::len(cx, o)?,
        _ => {
            if ops::is_user_object(o) && ops::lookup_special(cx, o, &q::__getitem__).is_some() {
                ops::len(cx, o)?
            } else if obj::kind_of(o) == Kind::Dict && o.is_ptr() {
                return crate::obj::table::iter_new_reversed(cx, o, 0);
            } else if let Some((d, which)) = iter_of(o)
                .filter(|v| v.kind == IterKind::DictView)
                .map(|v| (v.a, v.i as isize))
            {
                return crate::obj::table::iter_new_reversed(cx, d, which);
            } else if let Some(b) = ops::instance_base(o) {
                return reversed(cx, b);
            } else {
                let tn = ops::alloc_free_name(cx.type_name(o));
                return Err(cx.raise_fmt(
                    &TYPE_ERROR_TYPE,
                    format_args!("object of type '{tn}' has no len()"),
                ));
            }
        }
    };
    let it = obj::iter::new(cx, &REVERSED_TYPE, IterKind::Reversed, o, Value::NULL)?;
    if let Some(io) = iter_of(it) {
        io.i = n;
    }
    Ok(it)
}

/// `zip(..., strict=True)` found iterator `k` of `n` exhausted: all must end together.
fn zip_check_strict(cx: &mut Cx, its: Value, k: usize, n: usize) -> PyResult<()> {
    let plural = |m: usize| if m == 1 { "" } else { "s" };
    let range = |m: usize| -> (usize, usize) { (1, m) };
    if k > 0 {
        let (a, b) = range(k);
        return Err(zip_error(cx, k + 1, "shorter", plural(k), a, b));
    }
    for j in 1..n {
        let sub = tuple::items_of(its).map_or(Value::NONE, |t| t[j]);
        if ops::iter_next(cx, sub)?.is_some() {
            let (a, b) = range(j);
            return Err(zip_error(cx, j + 1, "longer", plural(j), a, b));
        }
    }
    Ok(())
}

fn zip_error(
    cx: &mut Cx,
    arg: usize,
    what: &str,
    plural: &str,
    a: usize,
    b: usize,
) -> crate::vm::Raised {
    if a == b {
        cx.raise_fmt(
            &VALUE_ERROR_TYPE,
            format_args!("zip() argument {arg} is {what} than argument{plural} {a}"),
        )
    } else {
        cx.raise_fmt(
            &VALUE_ERROR_TYPE,
            format_args!("zip() argument {arg} is {what} than argument{plural} {a}-{b}"),
        )
    }
}

/// `next()` for the builtin iterator kinds not handled in `vm/seq.rs`.
pub fn next(cx: &mut Cx, it: Value) -> PyResult<Option<Value>> {
    let io = iter_of(it).expect("iter");
    match io.kind {
        IterKind::Enumerate => {
            let (inner, count) = (io.a, io.b);
            let Some(v) = ops::iter_next(cx, inner)? else {
                return Ok(None);
            };
            let mark = cx.roots_mark();
            cx.root(v)?;
            // The count leaves the iterator below: keep it for the tuple.
            cx.root(count)?;
            let next_count = ops::binary(
                cx,
                crate::bytecode::opcode::BinaryOp::Add,
                count,
                Value::small_int_unchecked(1),
            )?;
            crate::gc::write_barrier(cx, next_count);
            if let Some(io) = iter_of(it) {
                io.b = next_count;
            }
            let t = tuple::new(cx, &[count, v]);
            cx.roots_truncate(mark);
            t.map(Some)
        }
        IterKind::Zip => {
            let (its, strict) = (io.a, io.i == 1);
            let n = tuple::items_of(its).map_or(0, |t| t.len());
            if n == 0 {
                return Ok(None);
            }
            let out = tuple::new_uninit(cx, n)?;
            let mark = cx.roots_mark();
            cx.root(out)?;
            for k in 0..n {
                let sub = tuple::items_of(its).map_or(Value::NONE, |t| t[k]);
                match ops::iter_next(cx, sub)? {
                    Some(v) => {
                        crate::gc::write_barrier(cx, v);
                        if let Some(t) = obj::get_mut::<tuple::TupleObj>(cx, out) {
                            t.items_mut()[k] = v;
                        }
                    }
                    None => {
                        if let Some(io) = iter_of(it) {
                            io.kind = IterKind::Exhausted;
                        }
                        if strict {
                            zip_check_strict(cx, its, k, n)?;
                        }
                        cx.roots_truncate(mark);
                        return Ok(None);
                    }
                }
            }
            cx.roots_truncate(mark);
            Ok(Some(out))
        }
        IterKind::Map => {
            let (f, its) = (io.a, io.b);
            let n = tuple::items_of(its).map_or(0, |t| t.len());
            let args = tuple::new_uninit(cx, n)?;
            let mark = cx.roots_mark();
            cx.root(args)?;
            for k in 0..n {
                let sub = tuple::items_of(its).map_or(Value::NONE, |t| t[k]);
                match ops::iter_next(cx, sub)? {
                    Some(v) => {
                        crate::gc::write_barrier(cx, v);
                        if let Some(t) = obj::get_mut::<tuple::TupleObj>(cx, args) {
                            t.items_mut()[k] = v;
                        }
                    }
                    None => {
                        cx.roots_truncate(mark);
                        return Ok(None);
                    }
                }
            }
            let r = cx.call(f, tuple::items_of(args).unwrap_or(&[]), &[]);
            cx.roots_truncate(mark);
            r.map(Some)
        }
        IterKind::Filter => {
            let (f, inner) = (io.a, io.b);
            loop {
                let Some(v) = ops::iter_next(cx, inner)? else {
                    return Ok(None);
                };
                let mark = cx.roots_mark();
                cx.root(v)?;
                let keep = if f.is_none() {
                    ops::truthy(cx, v)?
                } else {
                    let r = cx.call(f, &[v], &[])?;
                    ops::truthy(cx, r)?
                };
                cx.roots_truncate(mark);
                if keep {
                    return Ok(Some(v));
                }
            }
        }
        IterKind::Reversed => {
            if io.i == 0 {
                return Ok(None);
            }
            io.i -= 1;
            let (s, i) = (io.a, io.i);
            let idx = int::from_i64(cx, i as i64)?;
            ops::getitem(cx, s, idx).map(Some)
        }
        IterKind::Callable => {
            let (f, sentinel) = (io.a, io.b);
            let v = cx.call(f, &[], &[])?;
            cx.root(v)?;
            if ops::eq(cx, v, sentinel)? {
                if let Some(io) = iter_of(it) {
                    io.kind = IterKind::Exhausted;
                }
                return Ok(None);
            }
            Ok(Some(v))
        }
        _ => Ok(None),
    }
}
