//! `help(obj)` and `help('modules')` as MicroPython prints them: the object and its type, then
//! one `  name -- value` line per entry of the module's globals or the type's attributes (the
//! object's own type, or the class itself); `'modules'` lists the builtin and frozen modules
//! in four columns.

use crate::obj::str::StrBuilder;
use crate::obj::{self, module, str as pystr, table, AttrValue, Kind, TypeObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// Print the `  name -- value` lines of `obj` (after the `object ... is of type ...` line).
pub(crate) fn print_members(cx: &mut Cx, o: Value) -> PyResult<()> {
    if obj::kind_of(o) == Kind::Module && o.is_ptr() {
        if let Some(d) = module::dict_of(o) {
            print_dict(cx, d)?;
        }
        return Ok(());
    }
    let t = if obj::kind_of(o) == Kind::Type && o.is_ptr() {
        o.raw() as *const TypeObj
    } else {
        obj::type_of(o)
    };
    // SAFETY: a live type.
    let tr = unsafe { &*t };
    if tr.is_heap() {
        let d = tr.dict;
        if !d.is_null() {
            print_dict(cx, d)?;
        }
        return Ok(());
    }
    for a in tr.attrs {
        // Builtin types list their methods, not the special methods they implement.
        if a.name.as_bytes().starts_with(b"__") {
            continue;
        }
        let v = match a.value {
            AttrValue::Method(f) | AttrValue::ClassMethod(f) | AttrValue::Static(f) => {
                Value::from_static(f)
            }
            AttrValue::Int(i) => Value::small_int_unchecked(i),
            AttrValue::Obj(h) => Value::from_static(h),
            AttrValue::Getter(_) => continue,
        };
        line(cx, a.name.value(), v)?;
    }
    Ok(())
}

fn print_dict(cx: &mut Cx, d: Value) -> PyResult<()> {
    let mut i = 0;
    // Re-read the table at each step: printing a value may run Python code.
    while let Some((next, k, v)) = table::next_entry(d, i) {
        let mark = cx.roots_mark();
        cx.root(k)?;
        cx.root(v)?;
        let r = line(cx, k, v);
        cx.roots_truncate(mark);
        r?;
        i = next;
    }
    Ok(())
}

fn line(cx: &mut Cx, k: Value, v: Value) -> PyResult<()> {
    let mut b = StrBuilder::new(cx);
    b.push_str("  ");
    crate::obj::methods::repr::write_str(cx, &mut b, k)?;
    b.push_str(" -- ");
    crate::obj::methods::repr::write_str(cx, &mut b, v)?;
    b.push_byte(b'\n');
    if b.failed {
        return Err(cx.raise_memory_error(b.buf.len()));
    }
    cx.hal().write_out(&b.buf);
    Ok(())
}

/// `help('modules')`: the names sorted, column by column, four columns of 18 characters.
pub(crate) fn print_modules(cx: &mut Cx) -> PyResult<()> {
    const COLUMNS: usize = 4;
    const WIDTH: usize = 18;
    let mut names = allocator_api2::vec::Vec::new_in(cx.temp_alloc());
    let frozen = crate::modules::FROZEN.iter().map(|f| f.name);
    for n in crate::modules::builtin_names()
        .chain(["__main__", "builtins"])
        .chain(frozen.filter(|n| !n.contains('.')))
    {
        if names.try_reserve(1).is_err() {
            return Err(cx.raise_memory_error(0));
        }
        names.push(n);
    }
    names.sort_unstable();
    names.dedup();
    let rows = names.len().div_ceil(COLUMNS);
    for i in 0..rows {
        let mut j = i;
        while let Some(&n) = names.get(j) {
            cx.hal().write_out(n.as_bytes());
            j += rows;
            if j >= names.len() {
                break;
            }
            let mut gap = WIDTH as isize - n.len() as isize;
            while gap < 1 {
                gap += WIDTH as isize;
            }
            for _ in 0..gap {
                cx.hal().write_out(b" ");
            }
        }
        cx.hal().write_out(b"\n");
    }
    cx.hal().write_out(b"Plus any modules on the filesystem\n");
    Ok(())
}

/// Whether `v` is the string `'modules'`.
pub(crate) fn is_modules(v: Value) -> bool {
    pystr::bytes_of(v) == Some(b"modules") && obj::kind_of(v) == Kind::Str
}
