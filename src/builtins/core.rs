//! Core builtin functions: printing, introspection, attribute access, iteration helpers,
//! `exec`/`eval`/`compile`.

use crate::native_fn;
use crate::obj::func::VARARGS;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, dict, list, str as pystr, tuple, Kind, TypeObj};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// Write `text` to `file` (a stream object with `write`) or the console when `file` is NULL
/// or None.
pub fn write_to(cx: &mut Cx, file: Value, text: &[u8]) -> PyResult<()> {
    if file.is_null() || file.is_none() {
        cx.hal().write_out(text);
        return Ok(());
    }
    if let Some(w) = crate::modules::sys::console_stream(cx, file) {
        if w == 2 {
            cx.hal().write_err(text);
        } else {
            cx.hal().write_out(text);
        }
        return Ok(());
    }
    let s = pystr::new_str(cx, text)?;
    let mark = cx.roots_mark();
    cx.root(s)?;
    let (m, self_) = ops::load_method(cx, file, q::write.value())?;
    let r = if self_.is_null() {
        cx.call(m, &[s], &[])
    } else {
        cx.call(m, &[self_, s], &[])
    };
    cx.roots_truncate(mark);
    r.map(|_| ())
}

fn print(cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (mut sep, mut end, mut file) = (Value::NULL, Value::NULL, Value::NULL);
    let mut i = 0;
    while i + 1 < kw.len() {
        match pystr::bytes_of(kw[i]) {
            Some(b"sep") => sep = kw[i + 1],
            Some(b"end") => end = kw[i + 1],
            Some(b"file") => file = kw[i + 1],
            Some(b"flush") => {}
            _ => return Err(cx.type_error("extra keyword arguments given")),
        }
        i += 2;
    }
    for (what, v) in [("sep", sep), ("end", end)] {
        if !v.is_null() && !v.is_none() && !obj::is::<pystr::StrObj>(v) {
            let tn = ops::alloc_free_name(cx.type_name(v));
            return Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("{what} must be None or a string, not {tn}"),
            ));
        }
    }
    // The text is built in temporary memory, which never collects: if it runs out (a program
    // that just caught a MemoryError and dropped what filled the heap), collect once and
    // build it again.
    let mut retried = false;
    loop {
        let mut b = StrBuilder::new(cx);
        for (k, &a) in args.iter().enumerate() {
            if k > 0 {
                match pystr::bytes_of(sep) {
                    Some(s) if !sep.is_none() => b.push(s),
                    _ => b.push_byte(b' '),
                }
            }
            crate::obj::methods::repr::write_str(cx, &mut b, a)?;
        }
        match pystr::bytes_of(end) {
            Some(s) if !end.is_none() => b.push(s),
            _ => b.push_byte(b'\n'),
        }
        if b.failed {
            let n = b.buf.len();
            drop(b);
            if !retried && !cx.heap().is_locked() {
                retried = true;
                cx.collect();
                continue;
            }
            return Err(cx.raise_memory_error(n));
        }
        write_to(cx, file, &b.buf)?;
        return Ok(Value::NONE);
    }
}

fn repl_print(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = args[0];
    if v.is_none() {
        return Ok(Value::NONE);
    }
    let mut b = StrBuilder::new(cx);
    crate::obj::methods::repr::write_repr(cx, &mut b, v, 0)?;
    b.push_byte(b'\n');
    if b.failed {
        return Err(cx.raise_memory_error(b.buf.len()));
    }
    cx.hal().write_out(&b.buf);
    let bd = cx.builtins_dict;
    dict::set_static(cx, bd, &q::UNDERSCORE, v)?;
    Ok(Value::NONE)
}

fn len(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = ops::len(cx, args[0])?;
    crate::obj::int::from_i64(cx, n as i64)
}

fn repr(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::obj::methods::repr::repr(cx, args[0])
}

/// Whether type `t` is a subclass of `c` (a class or a tuple of them, checked lazily as
/// CPython and MicroPython do).
fn subclass_of(cx: &mut Cx, t: *const TypeObj, c: Value) -> PyResult<bool> {
    if let Some(items) = tuple::items_of(c) {
        let mut i = 0;
        while let Some(&x) = tuple::items_of(c).and_then(|it| it.get(i)) {
            if subclass_of(cx, t, x)? {
                return Ok(true);
            }
            i += 1;
        }
        let _ = items;
        return Ok(false);
    }
    if obj::kind_of(c) != Kind::Type || !c.is_ptr() {
        return Err(cx.type_error("issubclass() arg 2 must be a class or a tuple of classes"));
    }
    Ok(obj::is_subtype(t, c.raw() as *const TypeObj))
}

fn isinstance(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(subclass_of(
        cx,
        obj::type_of(args[0]),
        args[1],
    )?))
}

fn issubclass(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if obj::kind_of(args[0]) != Kind::Type || !args[0].is_ptr() {
        return Err(cx.type_error("issubclass() arg 1 must be a class"));
    }
    Ok(Value::bool(subclass_of(
        cx,
        args[0].raw() as *const TypeObj,
        args[1],
    )?))
}

fn hash(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let h = ops::hash(cx, args[0])? as isize;
    crate::obj::int::from_i64(cx, h as i64)
}

fn id(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::obj::int::from_i64(cx, args[0].raw() as i64)
}

/// Whether a value can be called.
pub fn is_callable(cx: &mut Cx, v: Value) -> bool {
    match obj::kind_of(v) {
        Kind::Function | Kind::NativeFn | Kind::BoundMethod | Kind::Type => v.is_ptr(),
        Kind::Native => crate::embed::native::is_function(v),
        _ => ops::is_user_object(v) && ops::lookup_special(cx, v, &q::__call__).is_some(),
    }
}

fn callable(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(is_callable(cx, args[0])))
}

fn name_arg(cx: &mut Cx, v: Value) -> PyResult<Value> {
    if !obj::is::<pystr::StrObj>(v) {
        let tn = ops::alloc_free_name(cx.type_name(v));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("attribute name must be string, not '{tn}'"),
        ));
    }
    pystr::intern_value(cx, v)
}

fn getattr(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = name_arg(cx, args[1])?;
    if let Some(&d) = args.get(2) {
        return Ok(ops::getattr_opt(cx, args[0], name)?.unwrap_or(d));
    }
    ops::getattr(cx, args[0], name)
}

fn setattr(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = name_arg(cx, args[1])?;
    ops::setattr(cx, args[0], name, args[2])?;
    Ok(Value::NONE)
}

fn hasattr(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = name_arg(cx, args[1])?;
    Ok(Value::bool(ops::getattr_opt(cx, args[0], name)?.is_some()))
}

fn delattr(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = name_arg(cx, args[1])?;
    ops::delattr(cx, args[0], name)?;
    Ok(Value::NONE)
}

fn globals(cx: &mut Cx, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = cx.frames.cur;
    if f.is_null() {
        return Ok(cx.main_dict);
    }
    // SAFETY: the running frame is live.
    Ok(unsafe { (*f).globals })
}

fn locals(cx: &mut Cx, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = cx.frames.cur;
    if f.is_null() {
        return Ok(cx.main_dict);
    }
    // SAFETY: the running frame is live.
    let (l, g) = unsafe { ((*f).locals, (*f).globals) };
    Ok(if l.is_null() { g } else { l })
}

fn iter(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Some(&sentinel) = args.get(1) {
        if !is_callable(cx, args[0]) {
            return Err(cx.type_error("iter(v, w): v must be callable"));
        }
        return obj::iter::new(
            cx,
            &ITERATOR_TYPE,
            obj::iter::IterKind::Callable,
            args[0],
            sentinel,
        );
    }
    let it = ops::get_iter(cx, args[0])?;
    // CPython checks what a Python `__iter__` returned.
    if ops::is_user_object(args[0]) && !is_iterator(cx, it) {
        let tn = ops::alloc_free_name(cx.type_name(it));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("iter() returned non-iterator of type '{tn}'"),
        ));
    }
    Ok(it)
}

/// Whether `v` is an iterator (has `__next__`).
fn is_iterator(cx: &mut Cx, v: Value) -> bool {
    let native = matches!(obj::kind_of(v), Kind::Iter | Kind::Generator)
        && v.is_ptr()
        && crate::obj::methods::dict::view_of(v).is_none();
    native || (ops::is_user_object(v) && ops::lookup_special(cx, v, &q::__next__).is_some())
}

fn next(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = args[0];
    if !is_iterator(cx, it) {
        return Err(cx.type_error_obj(it, "isn't an iterator"));
    }
    if obj::kind_of(it) == Kind::Generator {
        return crate::obj::methods::generator::gen_next(cx, it, args.get(1).copied());
    }
    match ops::iter_next(cx, it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&d) => Ok(d),
            None => Err(cx.raise_empty(&STOP_ITERATION_TYPE)),
        },
    }
}

/// Add the names in a dict's keys to a set.
fn add_keys(cx: &mut Cx, out: Value, d: Value) -> PyResult<()> {
    let mut i = 0;
    while let Some((next, k, _)) = obj::table::next_entry(d, i) {
        crate::obj::set::add(cx, out, k)?;
        i = next;
    }
    Ok(())
}

fn add_type_names(cx: &mut Cx, out: Value, t: *const TypeObj) -> PyResult<()> {
    // SAFETY: live type.
    let tr = unsafe { &*t };
    if tr.is_heap() {
        let n = tuple::items_of(tr.mro).map_or(0, |m| m.len());
        for i in 0..n {
            let m = tuple::items_of(tr.mro).map_or(Value::NONE, |m| m[i]);
            // SAFETY: MRO entries are types.
            let mt = unsafe { &*(m.raw() as *const TypeObj) };
            if mt.is_heap() {
                add_keys(cx, out, mt.dict)?;
            } else {
                add_type_names(cx, out, mt)?;
            }
        }
        return Ok(());
    }
    let mut c: *const TypeObj = t;
    while !c.is_null() {
        // SAFETY: base chain of builtin types.
        let cr = unsafe { &*c };
        for a in cr.attrs {
            crate::obj::set::add(cx, out, a.name.value())?;
        }
        c = cr.base;
    }
    Ok(())
}

fn dir(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = crate::obj::set::new(cx)?;
    let mark = cx.roots_mark();
    cx.root(s)?;
    match args.first() {
        None => {
            let g = locals(cx, &[], &[])?;
            add_keys(cx, s, g)?;
        }
        Some(&o) => {
            if let Some(d) = crate::vm::attr::instance_dict(o) {
                add_keys(cx, s, d)?;
            }
            if obj::kind_of(o) == Kind::Type && o.is_ptr() {
                add_type_names(cx, s, o.raw() as *const TypeObj)?;
            } else if obj::kind_of(o) != Kind::Module {
                add_type_names(cx, s, obj::type_of(o))?;
                crate::obj::set::add(cx, s, q::__class__.value())?;
            }
        }
    }
    let l = crate::vm::seq::list_from_iter(cx, s)?;
    cx.root(l)?;
    crate::obj::methods::list::sort_list(cx, l, Value::NULL, false)?;
    cx.roots_truncate(mark);
    Ok(l)
}

fn vars(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match args.first() {
        None => locals(cx, &[], &[]),
        Some(&o) => {
            if obj::kind_of(o) == Kind::Type && o.is_ptr() {
                // SAFETY: kind-checked type.
                let t = unsafe { &*(o.raw() as *const TypeObj) };
                if t.is_heap() {
                    return Ok(t.dict);
                }
            }
            match obj::kind_of(o) {
                Kind::Instance | Kind::Module | Kind::Exception => {
                    crate::vm::attr::ensure_dict(cx, o)
                }
                _ => Err(cx.type_error("vars() argument must have __dict__ attribute")),
            }
        }
    }
}

fn chr(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = crate::vm::seq::int_arg(cx, args[0])?;
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut tmp = [0u8; 4];
            crate::obj::methods::str::char_str(cx, c.encode_utf8(&mut tmp).as_bytes())
        }
        None => Err(cx.value_error(crate::flavour::msg::CHR_RANGE)),
    }
}

fn ord(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = args[0];
    if let Some(s) = pystr::str_of(v) {
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(Value::small_int_unchecked(c as isize));
        }
        let n = s.chars().count();
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("ord() expected a character, but string of length {n} found"),
        ));
    }
    if matches!(obj::kind_of(v), Kind::Bytes | Kind::ByteArray) {
        let b = crate::obj::methods::bytes::buffer_bytes(cx, v)?;
        if b.len() == 1 {
            return Ok(Value::small_int_unchecked(b[0] as isize));
        }
        let n = b.len();
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("ord() expected a character, but string of length {n} found"),
        ));
    }
    let tn = ops::alloc_free_name(cx.type_name(v));
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("can't convert '{tn}' object to str implicitly"),
    ))
}

fn input(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Some(&p) = args.first() {
        let mut b = StrBuilder::new(cx);
        crate::obj::methods::repr::write_str(cx, &mut b, p)?;
        cx.hal().write_out(&b.buf);
    }
    let mut line = StrBuilder::new(cx);
    let got = cx.hal().read_line(&mut |bytes| line.push(bytes));
    if got.is_none() {
        return Err(cx.raise_empty(&EOF_ERROR_TYPE));
    }
    if core::str::from_utf8(&line.buf).is_err() {
        return Err(cx.raise_empty(&UNICODE_ERROR_TYPE));
    }
    line.finish(cx)
}

/// The globals/locals pair for exec/eval: given dicts, or the caller's.
fn namespaces(cx: &mut Cx, args: &[Value]) -> PyResult<(Value, Value)> {
    let g = match args.get(1) {
        Some(&g) if !g.is_none() => {
            if obj::kind_of(g) != Kind::Dict {
                return Err(cx.type_error("globals must be a dict"));
            }
            g
        }
        _ => globals(cx, &[], &[])?,
    };
    let l = match args.get(2) {
        Some(&l) if !l.is_none() => l,
        _ => {
            if args.get(1).is_some_and(|g| !g.is_none()) {
                g
            } else {
                locals(cx, &[], &[])?
            }
        }
    };
    // Make sure __builtins__-less globals still work: nothing to add.
    Ok((g, l))
}

fn exec_or_eval(cx: &mut Cx, args: &[Value], mode: crate::embed::Mode) -> PyResult<Value> {
    let (g, l) = namespaces(cx, args)?;
    let mark = cx.roots_mark();
    cx.root(g)?;
    cx.root(l)?;
    let src = args[0];
    let code = if obj::kind_of(src) == Kind::Code && src.is_ptr() {
        src
    } else {
        let text = match obj::kind_of(src) {
            Kind::Str | Kind::Bytes | Kind::ByteArray => {
                crate::obj::methods::bytes::buffer_bytes(cx, src).or_else(|_| {
                    cx.take_pending();
                    Ok::<&[u8], crate::vm::Raised>(pystr::bytes_of(src).unwrap_or(&[]))
                })?
            }
            _ => return Err(cx.type_error("exec/eval expect a str or code object")),
        };
        let code = crate::embed::compile_source(cx, text, "<string>", mode)?;
        cx.root(code)?;
        code
    };
    let locals = if l == g { Value::NULL } else { l };
    let r = cx.exec_code(code, g, locals);
    cx.roots_truncate(mark);
    let r = r?;
    Ok(if mode == crate::embed::Mode::Eval {
        r
    } else {
        Value::NONE
    })
}

fn exec(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    exec_or_eval(cx, args, crate::embed::Mode::File)
}

fn eval(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if obj::kind_of(args[0]) == Kind::Str {
        // Leading whitespace is allowed in eval input.
        let s = pystr::str_of(args[0])
            .unwrap_or("")
            .trim_start_matches([' ', '\t']);
        if s.len() != pystr::str_of(args[0]).map_or(0, |x| x.len()) {
            let sv = pystr::new_from(cx, s)?;
            let mark = cx.roots_mark();
            cx.root(sv)?;
            let mut a2 = [sv, Value::NONE, Value::NONE];
            for (k, &x) in args.iter().enumerate().skip(1).take(2) {
                a2[k] = x;
            }
            let r = exec_or_eval(cx, &a2[..args.len()], crate::embed::Mode::Eval);
            cx.roots_truncate(mark);
            return r;
        }
    }
    exec_or_eval(cx, args, crate::embed::Mode::Eval)
}

fn compile(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let src = pystr::bytes_of(args[0]).unwrap_or(&[]);
    let fname = pystr::str_of(args[1]).unwrap_or("<string>");
    let mode = match pystr::bytes_of(args[2]) {
        Some(b"exec") => crate::embed::Mode::File,
        Some(b"eval") => crate::embed::Mode::Eval,
        Some(b"single") => crate::embed::Mode::Single,
        _ => return Err(cx.value_error("bad compile mode")),
    };
    // Copy the file name: compile_source may allocate.
    let mut fb = [0u8; 128];
    let n = fname.len().min(128);
    fb[..n].copy_from_slice(&fname.as_bytes()[..n]);
    let fname = core::str::from_utf8(&fb[..n]).unwrap_or("<string>");
    crate::embed::compile_source(cx, src, fname, mode)
}

fn help(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        let text = if crate::flavour::CIRCUITPYTHON {
            "Welcome to Adafruit CircuitPython!\n\nVisit circuitpython.org for more information.\n\nTo list built-in modules type `help(\"modules\")`.\n"
        } else {
            "Welcome to MicroPython!\n\nFor online docs please visit http://docs.micropython.org/\n\nControl commands:\n  CTRL-A        -- on a blank line, enter raw REPL mode\n  CTRL-B        -- on a blank line, enter normal REPL mode\n  CTRL-C        -- interrupt a running program\n  CTRL-D        -- on a blank line, exit or do a soft reset\n  CTRL-E        -- on a blank line, enter paste mode\n\nFor further help on a specific object, type help(obj)\nFor a list of available modules, type help('modules')\n"
        };
        cx.hal().write_out(text.as_bytes());
        return Ok(Value::NONE);
    }
    let o = args[0];
    let mut b = StrBuilder::new(cx);
    b.push_str("object ");
    crate::obj::methods::repr::write_repr(cx, &mut b, o, 0)?;
    b.push_str(" is of type ");
    // SAFETY: live type.
    b.push(unsafe { &*obj::type_of(o) }.name_bytes());
    b.push_byte(b'\n');
    cx.hal().write_out(&b.buf);
    Ok(Value::NONE)
}

fn open(cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::modules::io::open(cx, args, kw)
}

fn format(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // The spec is an argument: rooted and immutable, so its text stays valid throughout.
    let spec = match args.get(1) {
        Some(&s) => match pystr::str_of(ops::instance_base(s).unwrap_or(s)) {
            Some(t) => t,
            None => {
                let tn = ops::alloc_free_name(cx.type_name(s));
                return Err(cx.raise_fmt(
                    &TYPE_ERROR_TYPE,
                    format_args!("format() argument 2 must be str, not {tn}"),
                ));
            }
        },
        None => "",
    };
    crate::obj::methods::format::format_to_str(cx, args[0], spec)
}

fn import(cx: &mut Cx, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = args[0];
    match pystr::str_of(name) {
        Some("") => return Err(cx.raise_empty(&VALUE_ERROR_TYPE)),
        Some(_) => {}
        None => {
            let tn = ops::alloc_free_name(cx.type_name(name));
            return Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("can't convert '{tn}' object to str implicitly"),
            ));
        }
    }
    let globals = args
        .get(1)
        .copied()
        .filter(|g| obj::kind_of(*g) == Kind::Dict)
        .unwrap_or(cx.main_dict);
    let fromlist = args.get(3).copied().unwrap_or(Value::NONE);
    let level = args
        .get(4)
        .copied()
        .unwrap_or(Value::small_int_unchecked(0));
    crate::vm::import::import_name(cx, name, fromlist, level, globals)
}

native_fn!(pub PRINT, q::print, 0, VARARGS, true, print);
native_fn!(pub REPL_PRINT, q::__repl_print__, 1, 1, false, repl_print);
native_fn!(pub LEN, q::len, 1, 1, false, len);
native_fn!(pub REPR, q::repr, 1, 1, false, repr);
native_fn!(pub ISINSTANCE, q::isinstance, 2, 2, false, isinstance);
native_fn!(pub ISSUBCLASS, q::issubclass, 2, 2, false, issubclass);
native_fn!(pub HASH, q::hash, 1, 1, false, hash);
native_fn!(pub ID, q::id, 1, 1, false, id);
native_fn!(pub CALLABLE, q::callable, 1, 1, false, callable);
native_fn!(pub GETATTR, q::getattr, 2, 3, false, getattr);
native_fn!(pub SETATTR, q::setattr, 3, 3, false, setattr);
native_fn!(pub HASATTR, q::hasattr, 2, 2, false, hasattr);
native_fn!(pub DELATTR, q::delattr, 2, 2, false, delattr);
native_fn!(pub GLOBALS, q::globals, 0, 0, false, globals);
native_fn!(pub LOCALS, q::locals, 0, 0, false, locals);
native_fn!(pub ITER, q::iter, 1, 2, false, iter);
native_fn!(pub NEXT, q::next, 1, 2, false, next);
native_fn!(pub DIR, q::dir, 0, 1, false, dir);
native_fn!(pub VARS, q::vars, 0, 1, false, vars);
native_fn!(pub CHR, q::chr, 1, 1, false, chr);
native_fn!(pub ORD, q::ord, 1, 1, false, ord);
native_fn!(pub INPUT, q::input, 0, 1, false, input);
native_fn!(pub EXEC, q::exec, 1, 3, false, exec);
native_fn!(pub EVAL, q::eval, 1, 3, false, eval);
native_fn!(pub COMPILE, q::compile, 3, 6, true, compile);
native_fn!(pub HELP, q::help, 0, 1, false, help);
native_fn!(pub OPEN, q::open, 1, 7, true, open);
native_fn!(pub FORMAT, q::format, 1, 2, false, format);
native_fn!(pub IMPORT, q::__import__, 1, 5, false, import);

#[allow(dead_code)]
fn _l(_: &list::ListObj) {}
