//! Argument parsing for native functions with keyword arguments.

use crate::obj::str as pystr;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// Match positional `args` and keyword pairs `kw` to `names`: the result holds each
/// parameter's value or NULL when not given. At most `max_pos` may be positional. Callers
/// check required parameters themselves. Messages are MicroPython's: `function expected at
/// most N arguments, got M`, `extra keyword arguments given`.
pub fn parse<const N: usize>(
    cx: &mut Cx,
    args: &[Value],
    kw: &[Value],
    names: [&str; N],
    max_pos: usize,
) -> PyResult<[Value; N]> {
    parse_with(
        cx,
        args,
        kw,
        names,
        max_pos,
        "extra keyword arguments given",
    )
}

/// Like [`parse`], for functions whose MicroPython version takes no keyword arguments at all
/// while CPython's does (`str.split(sep=...)`): an unknown keyword gets MicroPython's
/// `function doesn't take keyword arguments`.
pub fn parse_mp_positional<const N: usize>(
    cx: &mut Cx,
    args: &[Value],
    kw: &[Value],
    names: [&str; N],
    max_pos: usize,
) -> PyResult<[Value; N]> {
    parse_with(
        cx,
        args,
        kw,
        names,
        max_pos,
        "function doesn't take keyword arguments",
    )
}

fn parse_with<const N: usize>(
    cx: &mut Cx,
    args: &[Value],
    kw: &[Value],
    names: [&str; N],
    max_pos: usize,
    unknown_kw: &str,
) -> PyResult<[Value; N]> {
    let mut out = [Value::NULL; N];
    let m = max_pos.min(N);
    if args.len() > m {
        let n = args.len();
        return Err(cx.raise_fmt(
            &crate::obj::types::TYPE_ERROR_TYPE,
            format_args!("function expected at most {m} arguments, got {n}"),
        ));
    }
    out[..args.len()].copy_from_slice(args);
    let mut i = 0;
    while i + 1 < kw.len() {
        let name = pystr::bytes_of(kw[i]).unwrap_or(&[]);
        match names.iter().position(|n| n.as_bytes() == name) {
            Some(j) => {
                if !out[j].is_null() {
                    let n = names[j];
                    return Err(cx.raise_fmt(
                        &crate::obj::types::TYPE_ERROR_TYPE,
                        format_args!("function got multiple values for argument '{n}'"),
                    ));
                }
                out[j] = kw[i + 1];
            }
            None => return Err(cx.type_error(unknown_kw)),
        }
        i += 2;
    }
    Ok(out)
}

/// The value or a default when NULL.
#[inline]
pub fn or(v: Value, d: Value) -> Value {
    if v.is_null() {
        d
    } else {
        v
    }
}
