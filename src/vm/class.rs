//! Classes: calling types (instantiation), `__build_class__`, and making new types with a C3
//! method resolution order.

use super::dispatch::Called;
use super::frame::Cont;
use super::{Cx, PyResult};
use crate::obj::code::{scope, CodeObj};
use crate::obj::func::FunctionObj;
use crate::obj::types::*;
use crate::obj::{
    self, dict, exception, instance, str as pystr, tflags, tuple, Kind, ObjHeader, TypeObj,
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
/// one, else builds the instance layout its builtin base needs.
fn new_instance(cx: &mut Cx, cls: Value, args: &[Value], kw: &[Value]) -> PyResult<(Value, bool)> {
    let t = cls.raw() as *const TypeObj;
    // A Python __new__.
    if let Some(super::attr::Found::Value(nf)) = super::attr::type_lookup(t, q::__new__.value()) {
        let nf = if obj::kind_of(nf) == Kind::StaticMethod {
            obj::func::descr_of(nf).map_or(nf, |d| d.a)
        } else {
            nf
        };
        let o = cx.call_with_self(nf, cls, args, kw)?;
        let run_init = obj::is_subtype(obj::type_of(o), t);
        return Ok((o, run_init));
    }
    // SAFETY: live type.
    let tr = unsafe { &*t };
    // SAFETY: native_base of a live type is a live (static) type.
    let nb = unsafe { &*tr.native_base };
    match tr.kind {
        Kind::Exception => {
            let a = tuple::new(cx, args)?;
            Ok((exception::new(cx, t, a)?, true))
        }
        _ => {
            let inst = instance::new(cx, t)?;
            if !core::ptr::eq(nb, &OBJECT_TYPE) && nb.kind != Kind::Instance {
                // Wrap a builtin object: immutable bases take the arguments now; mutable ones
                // start empty and are filled by __init__ (or by the default below).
                let mark = cx.roots_mark();
                cx.root(inst)?;
                let mutable = matches!(
                    nb.kind,
                    Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray
                );
                let has_user_init = matches!(
                    super::attr::type_lookup(t, q::__init__.value()),
                    Some(super::attr::Found::Value(_))
                );
                let base_args: &[Value] = if mutable && has_user_init { &[] } else { args };
                let base = crate::builtins::ctors::construct(
                    cx,
                    nb,
                    base_args,
                    if mutable && has_user_init { &[] } else { kw },
                );
                cx.roots_truncate(mark);
                let base = base?;
                crate::gc::write_barrier(cx, base);
                if let Some(i) = instance::inst_of(inst) {
                    i.base = base;
                }
            }
            Ok((inst, true))
        }
    }
}

/// `cls(*args, **kw)` from Rust: create, then run `__init__` to completion.
pub fn call_type(cx: &mut Cx, cls: Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
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
    if let Some(super::attr::Found::Value(init)) =
        super::attr::type_lookup(cls.raw() as *const TypeObj, q::__init__.value())
    {
        let r = cx.call_with_self(init, o, args, kw);
        cx.roots_truncate(mark);
        let r = r?;
        if !r.is_none() {
            return Err(cx.type_error("__init__() should return None"));
        }
    } else {
        cx.roots_truncate(mark);
    }
    Ok(o)
}

/// `cls(*args, **kw)` from an opcode: a Python `__init__` runs in a new frame (no Rust
/// recursion). When `slot_free`, the slot before `args` may be overwritten.
pub(crate) fn call_type_from_vm(
    cx: &mut Cx,
    cls: Value,
    args: &[Value],
    kw: &[Value],
    slot_free: bool,
) -> PyResult<Called> {
    // SAFETY: callers pass type objects.
    let t = unsafe { &*(cls.raw() as *const TypeObj) };
    if !t.is_heap() || !slot_free {
        return Ok(Called::Value(call_type(cx, cls, args, kw)?));
    }
    let init = match super::attr::type_lookup(cls.raw() as *const TypeObj, q::__init__.value()) {
        Some(super::attr::Found::Value(f)) if is_plain_function(f) => f,
        _ => return Ok(Called::Value(call_type(cx, cls, args, kw)?)),
    };
    let (o, run_init) = new_instance(cx, cls, args, kw)?;
    if !run_init {
        return Ok(Called::Value(o));
    }
    // Put the instance in the free slot: [o, args...] are then contiguous (and o is on the
    // caller's stack, so it survives the frame allocation).
    // SAFETY: the caller guarantees the slot before args is scratch within its stack.
    let p = unsafe { (args.as_ptr() as *mut Value).sub(1) };
    // SAFETY: as above.
    unsafe { *p = o };
    // SAFETY: p..p+len+1 lies within the caller's stack.
    let all = unsafe { core::slice::from_raw_parts(p, args.len() + 1) };
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
    cx.roots_truncate(mark);
    r
}

fn make_type_inner(cx: &mut Cx, name: Value, bases: Value, ns: Value) -> PyResult<Value> {
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
            kind = Kind::Exception;
            flags |= tflags::EXCEPTION;
            native = nb;
        } else if !core::ptr::eq(nb, &OBJECT_TYPE) && core::ptr::eq(native, &OBJECT_TYPE) {
            native = nb;
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
        tr.bases = bases;
        tr.mro = mro;
        tr.native_base = native;
    }
    Ok(tv)
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
    let mut i = 0;
    while i + 1 < kw.len() {
        if pystr::bytes_of(kw[i]) == Some(b"metaclass") {
            meta = kw[i + 1];
        }
        i += 2;
    }
    let ns = dict::new(cx)?;
    cx.root(ns)?;
    // Run the body with the namespace as its locals.
    let f = cx.bind_frame(body, &[], &[], false)?;
    // SAFETY: f is the fresh, linked frame.
    unsafe { (*f).locals = ns };
    let cell = cx.run_frame(f)?;
    cx.root(cell)?;
    if meta.is_null() {
        meta = match tuple::items_of(bases).and_then(|b| b.first().copied()) {
            Some(b) => Value::from_ptr(obj::type_of(b)),
            None => Value::from_static(&TYPE_TYPE),
        };
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
    cx.roots_truncate(mark);
    Ok(cls)
}
