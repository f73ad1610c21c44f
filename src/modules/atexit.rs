//! `atexit` (circuitpython flavour, FLAVOURS.md row 30): `register(func, *args, **kwargs)` and
//! `unregister(func)`. The handlers run when the program ends, last registered first, each
//! exception printed like an uncaught one; the micropython flavour has `sys.atexit` instead.

use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::{dict, list, module, tuple};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// `register(func, *args, **kwargs)` (bound to the list of handlers, each a tuple
/// `(func, args, keyword pairs)`): add a handler; returns `func`.
fn register(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let Some(&f) = a.get(1) else {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    };
    if !crate::builtins::core::is_callable(cx, f) {
        let tn = crate::vm::ops::alloc_free_name(cx.type_name(f));
        return Err(cx.raise_fmt(
            &crate::obj::types::TYPE_ERROR_TYPE,
            format_args!("'{tn}' object isn't callable"),
        ));
    }
    let mark = cx.roots_mark();
    let r = (|| {
        let args = tuple::new(cx, a.get(2..).unwrap_or(&[]))?;
        cx.root(args)?;
        // Keyword arguments as the flat `(name, value, ...)` pairs calls take.
        let kw = tuple::new(cx, k)?;
        cx.root(kw)?;
        let h = tuple::new(cx, &[f, args, kw])?;
        cx.root(h)?;
        list::append(cx, a[0], h)
    })();
    cx.roots_truncate(mark);
    r?;
    Ok(f)
}

/// `unregister(func)`: remove every handler of `func` (compared with `==`).
fn unregister(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let l = a[0];
    let mut i = 0;
    while let Some(&h) = list::items_of(l).and_then(|s| s.get(i)) {
        let f = tuple::items_of(h)
            .and_then(|t| t.first().copied())
            .unwrap_or(Value::NONE);
        if crate::vm::ops::eq_or_same(cx, f, a[1])? {
            crate::vm::seq::delitem(cx, l, Value::small_int_unchecked(i as isize))?;
        } else {
            i += 1;
        }
    }
    Ok(Value::NONE)
}

native_fn!(
    REGISTER,
    q::register,
    2,
    crate::obj::func::VARARGS,
    true,
    register
);
native_fn!(UNREGISTER, q::unregister, 2, 2, false, unregister);

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    let st = list::with_capacity(cx, 0)?;
    let mark = cx.roots_mark();
    cx.root(st)?;
    let r = super::native::bind(
        cx,
        m,
        st,
        &[(&q::register, &REGISTER), (&q::unregister, &UNREGISTER)],
    );
    cx.roots_truncate(mark);
    r
}

/// Run the registered handlers, last first (the ports call this through
/// `sys::run_atexit` when a program ends). Nothing to do if `atexit` was never imported.
pub(crate) fn run(cx: &mut Cx) {
    let Some(m) = dict::get_str(cx.modules, q::atexit.value()) else {
        return;
    };
    let Some(b) = module::dict_of(m).and_then(|d| dict::get_str(d, q::register.value())) else {
        return;
    };
    let Some(bm) = crate::obj::get::<crate::obj::func::BoundMethodObj>(cx, b) else {
        return;
    };
    if bm.func != Value::from_static(&REGISTER) {
        return;
    }
    let l = bm.self_;
    let mark = cx.roots_mark();
    if cx.root(l).is_err() {
        return;
    }
    let per = cx.roots_mark();
    // A handler may register or unregister others: take them from the end one at a time.
    while let Some(&h) = list::items_of(l).and_then(|s| s.last()) {
        let n = list::items_of(l).map_or(0, |s| s.len());
        if cx.root(h).is_err()
            || crate::vm::seq::delitem(cx, l, Value::small_int_unchecked(n as isize - 1)).is_err()
        {
            break;
        }
        let parts = tuple::items_of(h).unwrap_or(&[]);
        let (f, args, kw) = match *parts {
            [f, args, kw] => (f, args, kw),
            _ => {
                cx.roots_truncate(per);
                continue;
            }
        };
        // The tuples are rooted (through `h`) and immutable while the handler runs.
        let args = tuple::items_of(args).unwrap_or(&[]);
        let kw = tuple::items_of(kw).unwrap_or(&[]);
        if cx.call(f, args, kw).is_err() {
            let e = cx.take_pending();
            let m2 = cx.roots_mark();
            if cx.root(e).is_ok() {
                let _ = crate::embed::print_exception_to(cx, e, Value::NULL);
            }
            cx.roots_truncate(m2);
        }
        cx.roots_truncate(per);
    }
    cx.roots_truncate(mark);
}

/// The `atexit` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::atexit,
    items: &[] as &[(&crate::obj::str::StrObj, Item)],
    init: Some(init),
};
