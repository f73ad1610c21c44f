//! Attributes of type objects: `__name__`, `__bases__`, `__mro__`, `__dict__`, `mro()`.

use crate::native_fn;
use crate::obj::{self, str as pystr, tuple, Attr, TypeObj};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The MRO of a type as a tuple.
pub fn mro_tuple(cx: &mut Cx, cls: Value) -> PyResult<Value> {
    // SAFETY: callers pass type objects.
    let t = unsafe { &*(cls.raw() as *const TypeObj) };
    if t.is_heap() {
        return Ok(t.mro);
    }
    let mut buf = [Value::NULL; 16];
    let mut n = 0;
    let mut c: *const TypeObj = t;
    while !c.is_null() && n < 16 {
        buf[n] = Value::from_ptr(c);
        n += 1;
        // SAFETY: base links of builtin types.
        c = unsafe { (*c).base };
    }
    tuple::new(cx, &buf[..n])
}

/// Computed attributes of a class, or `None`.
pub fn type_attr(cx: &mut Cx, cls: Value, name: Value) -> PyResult<Option<Value>> {
    // SAFETY: callers pass type objects.
    let t = unsafe { &*(cls.raw() as *const TypeObj) };
    let nb = pystr::bytes_of(name).unwrap_or(&[]);
    Ok(Some(match nb {
        b"__name__" | b"__qualname__" => {
            if t.is_heap() {
                Value::from_ptr(t.name)
            } else {
                // SAFETY: static types have static names.
                Value::from_static(unsafe { &*t.name })
            }
        }
        b"__bases__" => {
            if t.is_heap() {
                t.bases
            } else if t.base.is_null() {
                tuple::empty()
            } else {
                tuple::new(cx, &[Value::from_ptr(t.base)])?
            }
        }
        b"__base__" => {
            if t.base.is_null() {
                Value::NONE
            } else {
                Value::from_ptr(t.base)
            }
        }
        b"__mro__" => mro_tuple(cx, cls)?,
        b"__dict__" => {
            if t.is_heap() {
                t.dict
            } else {
                let d = obj::dict::new(cx)?;
                let mark = cx.roots_mark();
                cx.root(d)?;
                for a in t.attrs {
                    let v = crate::vm::ops::getattr(cx, cls, a.name.value())?;
                    obj::dict::set(cx, d, a.name.value(), v)?;
                }
                cx.roots_truncate(mark);
                d
            }
        }
        b"__module__" if !t.is_heap() => q::builtins.value(),
        b"__doc__" => Value::NONE,
        _ => return Ok(None),
    }))
}

fn mro(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = mro_tuple(cx, args[0])?;
    crate::obj::list::new(cx, tuple::items_of(t).unwrap_or(&[]))
}

native_fn!(TYPE_MRO, q::mro, 1, 1, false, mro);

/// `type`'s attributes.
pub const ATTRS: &[Attr] = &[crate::method!(q::mro, TYPE_MRO)];
