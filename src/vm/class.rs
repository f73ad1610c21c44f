//! Classes: calling types (instantiation), `__build_class__`, and making new types with a C3
//! method resolution order.

use super::dispatch::Called;
use super::frame::Cont;
use super::{Cx, PyResult};
use crate::obj::code::{scope, CodeObj};
use crate::obj::func::FunctionObj;
use crate::obj::types::*;
use crate::obj::{
    self, dict, exception, instance, list, str as pystr, tflags, tuple, Kind, ObjHeader, TypeObj,
};
use crate::qstrs::q;
use crate::value::Value;

/// Whether `v` is a Python function (not a generator function).
fn is_plain_function(v: Value) -> bool {
    if obj::kind_of(v) != Kind::Function || !v.is_ptr() {
        return false;
    }
    // SAFETY: kind-checked function with a live code object.
    unsafe {
        let fo = &*(v.raw() as *const FunctionObj);
        (*(fo.code.raw() as *const CodeObj)).scope_flags & scope::GENERATOR == 0
    }
}

/// Make the object for `cls(...)` before `__init__`: runs a Python `__new__` if the class has
/// one, else builds the instance layout its builtin base needs. Also says whether `__init__`
/// runs (only when the object is an instance of `cls`).
fn new_instance(cx: &mut Cx, cls: Value, args: &[Value], kw: &[Value]) -> PyResult<(Value, bool)> {
    let t = cls.raw() as *const TypeObj;
    // A Python __new__.
    if let Some(super::attr::Found::Value(nf)) = cx.type_lookup(t, q::__new__.value()) {
        let nf = if obj::kind_of(nf) == Kind::StaticMethod {
            obj::func::descr_of(nf).map_or(nf, |d| d.a)
        } else {
            nf
        };
        let o = cx.call_with_self(nf, cls, args, kw)?;
        let run_init = obj::is_subtype(obj::type_of(o), t);
        return Ok((o, run_init));
    }
    Ok((new_builtin_instance(cx, cls, args, kw)?, true))
}

/// `object.__new__(cls)` / `T.__new__(cls, *args)` for the builtin `T` that `cls` derives from:
/// the instance layout `cls` needs. Mutable builtin bases (list, dict, set, bytearray) start
/// empty: their `__init__` fills them.
pub(crate) fn new_builtin_instance(
    cx: &mut Cx,
    cls: Value,
    args: &[Value],
    kw: &[Value],
) -> PyResult<Value> {
    let t = cls.raw() as *const TypeObj;
    // SAFETY: callers pass type objects.
    let tr = unsafe { &*t };
    if !tr.is_heap() {
        return crate::builtins::ctors::construct(cx, tr, args, kw);
    }
    // SAFETY: native_base of a live type is a live (static) type.
    let nb = unsafe { &*tr.native_base };
    match tr.kind {
        Kind::Exception => {
            let a = tuple::new(cx, args)?;
            exception::new(cx, t, a)
        }
        Kind::Type => {
            // A metaclass: `M(name, bases, ns)` makes a class whose type is M.
            let [name, bases, ns] = match args {
                [a, b, c] => [*a, *b, *c],
                _ => return Err(cx.type_error("type takes 1 or 3 arguments")),
            };
            let c = make_type(cx, name, bases, ns)?;
            // SAFETY: c is a fresh heap type; cls is a live type (kept by the caller).
            unsafe { (*(c.raw() as *mut TypeObj)).header.ty = t };
            Ok(c)
        }
        _ => {
            let inst = instance::new(cx, t)?;
            if !core::ptr::eq(nb, &OBJECT_TYPE) && nb.kind != Kind::Instance {
                // Wrap a builtin object: immutable bases take the arguments now; mutable ones
                // start empty and are filled by __init__.
                let mark = cx.roots_mark();
                cx.root(inst)?;
                let mutable = matches!(
                    nb.kind,
                    Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray
                );
                let (base_args, base_kw): (&[Value], &[Value]) =
                    if mutable { (&[], &[]) } else { (args, kw) };
                let base = crate::builtins::ctors::construct(cx, nb, base_args, base_kw);
                cx.roots_truncate(mark);
                let base = base?;
                crate::gc::write_barrier(cx, base);
                if let Some(i) = instance::inst_of(inst) {
                    i.base = base;
                }
            }
            Ok(inst)
        }
    }
}

/// The Python `__call__` of a class's metaclass, if the metaclass defines one.
fn metaclass_call(cx: &mut Cx, cls: Value) -> Option<Value> {
    let meta = obj::type_of(cls);
    // SAFETY: live type.
    if !unsafe { (*meta).is_heap() } {
        return None;
    }
    match cx.type_lookup(meta, q::__call__.value()) {
        Some(super::attr::Found::Value(f)) if !f.is_none() => Some(f),
        _ => None,
    }
}

/// `cls(*args, **kw)` from Rust: the metaclass's `__call__` if it has one, else create, then
/// run `__init__` to completion.
pub fn call_type(cx: &mut Cx, cls: Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if let Some(m) = metaclass_call(cx, cls) {
        return cx.call_with_self(m, cls, args, kw);
    }
    call_type_plain(cx, cls, args, kw)
}

/// `type.__call__(cls, *args, **kw)`: `__new__`, then `__init__` when it applies.
pub(crate) fn call_type_plain(
    cx: &mut Cx,
    cls: Value,
    args: &[Value],
    kw: &[Value],
) -> PyResult<Value> {
    // SAFETY: callers pass type objects.
    let t = unsafe { &*(cls.raw() as *const TypeObj) };
    if !t.is_heap() {
        return crate::builtins::ctors::construct(cx, t, args, kw);
    }
    let (o, run_init) = new_instance(cx, cls, args, kw)?;
    if !run_init {
        return Ok(o);
    }
    let mark = cx.roots_mark();
    cx.root(o)?;
    let r = run_init_method(cx, cls, o, args, kw);
    cx.roots_truncate(mark);
    r?;
    Ok(o)
}

/// Run `cls.__init__(o, *args, **kw)` (a Python method, or the builtin base's).
fn run_init_method(
    cx: &mut Cx,
    cls: Value,
    o: Value,
    args: &[Value],
    kw: &[Value],
) -> PyResult<()> {
    match cx.type_lookup(cls.raw() as *const TypeObj, q::__init__.value()) {
        Some(super::attr::Found::Value(init)) => {
            let r = cx.call_with_self(init, o, args, kw)?;
            if !r.is_none() {
                return Err(init_returned(cx, r));
            }
        }
        Some(super::attr::Found::Method(init)) => {
            if init == Value::from_static(&crate::obj::methods::object::OBJECT_INIT) {
                check_no_args(cx, cls, args, kw)?;
            } else {
                cx.call_with_self(init, o, args, kw)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// `A(1)` for a class with neither `__init__` nor `__new__`: CPython's TypeError.
fn check_no_args(cx: &mut Cx, cls: Value, args: &[Value], kw: &[Value]) -> PyResult<()> {
    if args.is_empty() && kw.is_empty() {
        return Ok(());
    }
    let t = cls.raw() as *const TypeObj;
    // SAFETY: live type.
    if unsafe { (*t).kind } != Kind::Instance {
        return Ok(());
    }
    let object_new = Value::from_static(&crate::obj::methods::object::OBJECT_NEW);
    if !matches!(
        cx.type_lookup(t, q::__new__.value()),
        Some(super::attr::Found::Static(f)) if f == object_new
    ) {
        return Ok(());
    }
    // SAFETY: live type.
    let n = super::ops::alloc_free_name(super::raise::as_str(unsafe { (*t).name_bytes() }));
    Err(cx.raise_fmt(&TYPE_ERROR_TYPE, format_args!("{n}() takes no arguments")))
}

/// `__init__() should return None, not 'int'`.
pub(crate) fn init_returned(cx: &mut Cx, r: Value) -> super::Raised {
    let n = super::ops::alloc_free_name(cx.type_name(r));
    cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("__init__() should return None, not '{n}'"),
    )
}

/// `cls(*args, **kw)` from an opcode: a Python `__init__` (or a metaclass's `__call__`) runs in
/// a new frame (no Rust recursion). `free`, when not NULL, is the slot just before `args`,
/// which may be overwritten (a pointer with write access, not derived from `args`).
pub(crate) fn call_type_from_vm(
    cx: &mut Cx,
    cls: Value,
    args: &[Value],
    kw: &[Value],
    free: *mut Value,
) -> PyResult<Called> {
    // `int(x)` of an int or a float: the common conversion, without the constructor's
    // argument handling.
    if cls == Value::from_static(&INT_TYPE) && kw.is_empty() {
        if let [a] = args {
            if a.is_small_int() {
                return Ok(Called::Value(*a));
            }
            if core::ptr::eq(obj::type_of(*a), &FLOAT_TYPE) {
                let f = crate::obj::float::value_of(*a).unwrap_or(0.0);
                return crate::obj::methods::numbers::float_to_int(cx, f).map(Called::Value);
            }
        }
    }
    // SAFETY: callers pass type objects.
    let t = unsafe { &*(cls.raw() as *const TypeObj) };
    if free.is_null() {
        return Ok(Called::Value(call_type(cx, cls, args, kw)?));
    }
    if let Some(m) = metaclass_call(cx, cls) {
        if !is_plain_function(m) {
            return Ok(Called::Value(call_type(cx, cls, args, kw)?));
        }
        // SAFETY: the caller guarantees `free` is scratch just before args.
        unsafe { *free = cls };
        // SAFETY: free..free+len+1 lies within the caller's stack.
        let all = unsafe { core::slice::from_raw_parts(free, args.len() + 1) };
        cx.bind_frame(m, all, kw, false)?;
        return Ok(Called::Frame);
    }
    if !t.is_heap() {
        return Ok(Called::Value(call_type_plain(cx, cls, args, kw)?));
    }
    let init = match cx.type_lookup(cls.raw() as *const TypeObj, q::__init__.value()) {
        Some(super::attr::Found::Value(f)) if is_plain_function(f) => f,
        _ => return Ok(Called::Value(call_type_plain(cx, cls, args, kw)?)),
    };
    let (o, run_init) = new_instance(cx, cls, args, kw)?;
    if !run_init {
        return Ok(Called::Value(o));
    }
    // Put the instance in the free slot: [o, args...] are then contiguous (and o is on the
    // caller's stack, so it survives the frame allocation).
    // SAFETY: the caller guarantees `free` is scratch just before args.
    unsafe { *free = o };
    // SAFETY: free..free+len+1 lies within the caller's stack.
    let all = unsafe { core::slice::from_raw_parts(free, args.len() + 1) };
    let f = cx.bind_frame(init, all, kw, false)?;
    // SAFETY: f is the fresh, linked frame.
    unsafe {
        (*f).cont = Cont::Init;
        (*f).cont_val = o;
    }
    Ok(Called::Frame)
}

/// The MRO of a type as a list of type pointers (for builtin types: the base chain).
fn mro_of(t: *const TypeObj, out: &mut [Value; 32]) -> usize {
    // SAFETY: live type.
    let tr = unsafe { &*t };
    if tr.is_heap() {
        let items = tuple::items_of(tr.mro).unwrap_or(&[]);
        let n = items.len().min(32);
        out[..n].copy_from_slice(&items[..n]);
        return n;
    }
    let mut n = 0;
    let mut c = t;
    while !c.is_null() && n < 32 {
        out[n] = Value::from_ptr(c);
        n += 1;
        // SAFETY: base links of builtin types.
        c = unsafe { (*c).base };
    }
    n
}

/// C3 linearisation of `cls` with `bases`. Writes into `out`, returns the length, or `None`
/// when no consistent order exists.
fn c3(cls: Value, bases: &[Value], out: &mut [Value; 64]) -> Option<usize> {
    let mut seqs: [[Value; 32]; 9] = [[Value::NULL; 32]; 9];
    let mut lens = [0usize; 9];
    let mut starts = [0usize; 9];
    let nb = bases.len().min(8);
    for (i, &b) in bases.iter().take(nb).enumerate() {
        lens[i] = mro_of(b.raw() as *const TypeObj, &mut seqs[i]);
    }
    seqs[nb][..nb].copy_from_slice(&bases[..nb]);
    lens[nb] = nb;
    let ns = nb + 1;
    let mut n = 0;
    out[n] = cls;
    n += 1;
    loop {
        let mut all_empty = true;
        let mut picked = None;
        for s in 0..ns {
            if starts[s] >= lens[s] {
                continue;
            }
            all_empty = false;
            let cand = seqs[s][starts[s]];
            // Not in the tail of any sequence.
            let in_tail = (0..ns).any(|o| (starts[o] + 1..lens[o]).any(|k| seqs[o][k] == cand));
            if !in_tail {
                picked = Some(cand);
                break;
            }
        }
        if all_empty {
            return Some(n);
        }
        let c = picked?;
        if n >= 64 {
            return None;
        }
        out[n] = c;
        n += 1;
        for s in 0..ns {
            if starts[s] < lens[s] && seqs[s][starts[s]] == c {
                starts[s] += 1;
            }
        }
    }
}

/// Make a new class `name(*bases)` with namespace `ns` (a dict).
pub fn make_type(cx: &mut Cx, name: Value, bases: Value, ns: Value) -> PyResult<Value> {
    let mark = cx.roots_mark();
    cx.root(name)?;
    cx.root(bases)?;
    cx.root(ns)?;
    let r = make_type_inner(cx, name, bases, ns);
    let r = match r {
        Ok(cls) => cx
            .root(cls)
            .and_then(|_| set_names(cx, cls, ns))
            .map(|_| cls),
        Err(e) => Err(e),
    };
    cx.roots_truncate(mark);
    r
}

fn make_type_inner(cx: &mut Cx, name: Value, bases: Value, ns: Value) -> PyResult<Value> {
    if tuple::items_of(bases).is_none()
        || obj::kind_of(ns) != Kind::Dict
        || !obj::is::<pystr::StrObj>(name)
    {
        return Err(cx.raise_empty(&TYPE_ERROR_TYPE));
    }
    let bases = if tuple::items_of(bases).is_none_or(|b| b.is_empty()) {
        let t = tuple::new(cx, &[Value::from_static(&OBJECT_TYPE)])?;
        cx.root(t)?;
        t
    } else {
        bases
    };
    let base_items = tuple::items_of(bases).unwrap_or(&[]);
    for &b in base_items {
        if obj::kind_of(b) != Kind::Type || !b.is_ptr() {
            return Err(cx.type_error("bases must be types"));
        }
        // SAFETY: kind-checked type.
        let bt = unsafe { &*(b.raw() as *const TypeObj) };
        if bt.flags & tflags::BASETYPE == 0 {
            let n = super::ops::alloc_free_name(super::raise::as_str(bt.name_bytes()));
            return Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("type '{n}' is not an acceptable base type"),
            ));
        }
    }
    let name = pystr::intern_value(cx, name)?;
    cx.root(name)?;
    // The type object itself.
    let t: *mut TypeObj = cx.alloc_obj(&TYPE_TYPE, 0)?;
    let tv = Value::from_ptr(t);
    cx.root(tv)?;
    // Layout from the bases: the nearest builtin (other than object) decides.
    let base_items = tuple::items_of(bases).unwrap_or(&[]);
    let first = base_items[0].raw() as *const TypeObj;
    let mut native: *const TypeObj = &OBJECT_TYPE;
    let mut kind = Kind::Instance;
    let mut flags = tflags::HEAP | tflags::BASETYPE;
    for &b in base_items {
        // SAFETY: checked types above.
        let bt = unsafe { &*(b.raw() as *const TypeObj) };
        let nb = bt.native_base;
        // SAFETY: native bases are live types.
        let nbr = unsafe { &*nb };
        if bt.kind == Kind::Exception || nbr.kind == Kind::Exception {
            if kind != Kind::Exception && !core::ptr::eq(native, &OBJECT_TYPE) {
                return Err(layout_conflict(cx));
            }
            if kind != Kind::Exception {
                native = nb;
            }
            kind = Kind::Exception;
            flags |= tflags::EXCEPTION;
        } else if !core::ptr::eq(nb, &OBJECT_TYPE) {
            if kind == Kind::Exception {
                return Err(layout_conflict(cx));
            }
            if core::ptr::eq(native, &OBJECT_TYPE) || obj::is_subtype(nb, native) {
                native = nb;
            } else if !obj::is_subtype(native, nb) {
                return Err(layout_conflict(cx));
            }
            if nbr.kind == Kind::Type {
                // A metaclass: its instances are classes.
                kind = Kind::Type;
            }
        }
    }
    // A class that defines __eq__ but not __hash__ is unhashable (CPython sets __hash__ to
    // None in its namespace).
    if dict::get_str(ns, q::__eq__.value()).is_some()
        && dict::get_str(ns, q::__hash__.value()).is_none()
    {
        dict::set(cx, ns, q::__hash__.value(), Value::NONE)?;
    }
    if dict::get_str(ns, q::__getattribute__.value()).is_some() {
        flags |= tflags::HAS_GETATTRIBUTE;
    }
    for &b in base_items {
        // SAFETY: checked types above.
        if unsafe { (*(b.raw() as *const TypeObj)).flags } & tflags::HAS_GETATTRIBUTE != 0 {
            flags |= tflags::HAS_GETATTRIBUTE;
        }
    }
    let mut mro_buf = [Value::NULL; 64];
    let Some(n) = c3(tv, base_items, &mut mro_buf) else {
        return Err(cx.type_error("Cannot create a consistent method resolution order (MRO)"));
    };
    let mro = tuple::new(cx, &mro_buf[..n])?;
    crate::gc::write_barrier_values(
        cx,
        &[
            name,
            ns,
            bases,
            mro,
            Value::from_ptr(first),
            Value::from_ptr(native),
        ],
    );
    // SAFETY: t is a fresh type object (zeroed), rooted above.
    unsafe {
        let tr = &mut *t;
        tr.header = ObjHeader { ty: &TYPE_TYPE };
        tr.kind = kind;
        tr.flags = flags;
        tr.name = name.raw() as *const pystr::StrObj;
        tr.base = first;
        tr.attrs = &[];
        tr.dict = ns;
        crate::obj::table::mark_class_dict(ns);
        tr.bases = bases;
        tr.mro = mro;
        tr.native_base = native;
    }
    Ok(tv)
}

fn layout_conflict(cx: &mut Cx) -> super::Raised {
    cx.type_error("multiple bases have instance lay-out conflict")
}

/// Call `__set_name__(cls, name)` on the class attributes that define it.
fn set_names(cx: &mut Cx, cls: Value, ns: Value) -> PyResult<()> {
    let mut i = 0;
    while let Some((next, k, v)) = obj::table::next_entry(ns, i) {
        i = next;
        if !super::ops::is_user_object(v) {
            continue;
        }
        if let Some(m) = super::ops::lookup_special(cx, v, &q::__set_name__) {
            let mark = cx.roots_mark();
            cx.root(v)?;
            cx.root(k)?;
            let r = cx.call_with_self(m, v, &[cls, k], &[]);
            cx.roots_truncate(mark);
            r?;
        }
    }
    Ok(())
}

/// Whether `f` is a Python function whose call runs its body at once (not a generator's).
fn plain_function(f: Value) -> bool {
    if obj::kind_of(f) != Kind::Function || !f.is_ptr() {
        return false;
    }
    // SAFETY: kind-checked function; its code is a live code object.
    let code = unsafe { &*((*(f.raw() as *const FunctionObj)).code.raw() as *const CodeObj) };
    code.scope_flags & scope::GENERATOR == 0
}

/// `__build_class__(body, name, *bases, metaclass=None)`.
pub(crate) fn build_class(cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(cx.type_error("__build_class__ needs a body and a name"));
    }
    let (body, name) = (args[0], args[1]);
    let bases = tuple::new(cx, &args[2..])?;
    let mark = cx.roots_mark();
    cx.root(bases)?;
    let mut meta = Value::NULL;
    // Keyword arguments other than `metaclass` go to `__init_subclass__`.
    let class_kw = list::with_capacity(cx, kw.len())?;
    cx.root(class_kw)?;
    let mut i = 0;
    while i + 1 < kw.len() {
        if pystr::bytes_of(kw[i]) == Some(b"metaclass") {
            meta = kw[i + 1];
        } else {
            list::append(cx, class_kw, kw[i])?;
            list::append(cx, class_kw, kw[i + 1])?;
        }
        i += 2;
    }
    let ns = dict::new(cx)?;
    cx.root(ns)?;
    // Run the body with the namespace as its locals. Anything but a plain Python function
    // (a generator function, a builtin: only reachable by calling `__build_class__`
    // directly) is just called, as MicroPython does, leaving the namespace empty.
    let cell = if plain_function(body) {
        let f = cx.bind_frame(body, &[], &[], false)?;
        // SAFETY: f is the fresh, linked frame.
        unsafe { (*f).locals = ns };
        cx.run_frame(f)?
    } else {
        cx.call(body, &[], &[])?;
        Value::NONE
    };
    cx.root(cell)?;
    if meta.is_null() {
        // The most derived metaclass of the bases.
        let mut m: *const TypeObj = &TYPE_TYPE;
        for &b in tuple::items_of(bases).unwrap_or(&[]) {
            let bm = obj::type_of(b);
            if obj::is_subtype(bm, m) {
                m = bm;
            }
        }
        meta = Value::from_ptr(m);
    }
    let cls = if meta == Value::from_static(&TYPE_TYPE) {
        make_type(cx, name, bases, ns)?
    } else {
        cx.call(meta, &[name, bases, ns], &[])?
    };
    if obj::kind_of(cell) == Kind::Cell && cell.is_ptr() {
        crate::gc::write_barrier(cx, cls);
        // SAFETY: kind-checked cell.
        unsafe { (*(cell.raw() as *mut obj::func::CellObj)).value = cls };
    }
    cx.root(cls)?;
    init_subclass(cx, cls, class_kw)?;
    cx.roots_truncate(mark);
    Ok(cls)
}

/// Call the nearest base's `__init_subclass__(cls, **kw)` (an implicit classmethod).
fn init_subclass(cx: &mut Cx, cls: Value, kw: Value) -> PyResult<()> {
    if obj::kind_of(cls) != Kind::Type || !cls.is_ptr() {
        return Ok(());
    }
    let found = super::attr::super_lookup(cx, cls, cls, q::__init_subclass__.value())?;
    let f = match found {
        Some(super::attr::Found::Value(f)) => match obj::kind_of(f) {
            Kind::ClassMethod => obj::func::descr_of(f).map_or(f, |d| d.a),
            _ => f,
        },
        _ => {
            if list::items_of(kw).is_some_and(|k| !k.is_empty()) {
                return Err(cx.type_error("__init_subclass__() takes no keyword arguments"));
            }
            return Ok(());
        }
    };
    let kws = list::items_of(kw).unwrap_or(&[]);
    cx.call_with_self(f, cls, &[], kws)?;
    Ok(())
}
