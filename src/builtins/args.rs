//! Argument parsing for native functions with keyword arguments.

use crate::obj::str as pystr;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// Match positional `args` and keyword pairs `kw` to `names`: the result holds each
/// parameter's value or NULL when not given. At most `max_pos` may be positional.
pub fn parse<const N: usize>(
    cx: &mut Cx,
    args: &[Value],
    kw: &[Value],
    names: [&str; N],
    max_pos: usize,
) -> PyResult<[Value; N]> {
    let mut out = [Value::NULL; N];
    if args.len() > max_pos.min(N) {
        let m = max_pos.min(N);
        let n = args.len();
        return Err(cx.raise_fmt(
            &crate::obj::types::TYPE_ERROR_TYPE,
            format_args!("function takes {m} positional arguments but {n} were given"),
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
            None => return Err(cx.type_error("extra keyword arguments given")),
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
