//! `errno`: the error numbers of MicroPython's unix port (Linux values) and `errorcode`.

use super::{Item, ModuleDef};
use crate::obj::{dict, module, str_intern};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The constants, as MicroPython's unix port lists them.
pub const CODES: &[(&str, isize)] = &[
    ("EPERM", 1),
    ("ENOENT", 2),
    ("EIO", 5),
    ("EBADF", 9),
    ("EAGAIN", 11),
    ("ENOMEM", 12),
    ("EACCES", 13),
    ("EEXIST", 17),
    ("ENODEV", 19),
    ("EISDIR", 21),
    ("EINVAL", 22),
    ("EOPNOTSUPP", 95),
    ("EADDRINUSE", 98),
    ("ECONNABORTED", 103),
    ("ECONNRESET", 104),
    ("ENOBUFS", 105),
    ("ENOTCONN", 107),
    ("ETIMEDOUT", 110),
    ("ECONNREFUSED", 111),
    ("EHOSTUNREACH", 113),
    ("EALREADY", 114),
    ("EINPROGRESS", 115),
];

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    let d = module::dict_of(m).unwrap_or(Value::NULL);
    let mark = cx.roots_mark();
    let r = (|| {
        let codes = dict::with_capacity(cx, CODES.len())?;
        cx.root(codes)?;
        for &(name, n) in CODES {
            let k = str_intern::intern(cx, name.as_bytes())?;
            cx.root(k)?;
            let v = Value::small_int_unchecked(n);
            dict::set(cx, d, k, v)?;
            dict::set(cx, codes, v, k)?;
        }
        dict::set_static(cx, d, &q::errorcode, codes)
    })();
    cx.roots_truncate(mark);
    r
}

/// The `errno` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::errno,
    items: &[] as &[(&crate::obj::str::StrObj, Item)],
    init: Some(init),
};
