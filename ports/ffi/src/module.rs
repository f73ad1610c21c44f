//! Registering C modules: functions, constants and types become Python objects whose calls
//! run the C code in a handle scope.

use core::ffi::{c_char, c_void, CStr};

use pyrite::embed::native;
use pyrite::obj::types::*;
use pyrite::obj::{dict, func, int, str as pystr, tuple};
use pyrite::vm::{attr, class};
use pyrite::{Cx, PyResult, Raised, Value};

use crate::abi::*;
use crate::handles::{scoped, Ctx};

/// Keys of the registry entries this crate keeps.
const TYPES_KEY: &str = "ffi.types";

/// The C string at `p` as UTF-8, or `None`.
///
/// # Safety
/// `p` is NULL or a NUL-terminated string living for `'a`.
unsafe fn c_str<'a>(p: *const c_char) -> Option<&'a str> {
    if p.is_null() {
        return None;
    }
    // SAFETY: the caller's promise.
    unsafe { CStr::from_ptr(p) }.to_str().ok()
}

fn import_error(cx: &mut Cx, args: core::fmt::Arguments) -> Raised {
    cx.raise_fmt(&IMPORT_ERROR_TYPE, args)
}

/// Check the argument count of a call to `fun` (MicroPython's messages).
fn check_arity(cx: &mut Cx, fun: &Fun, n: usize, has_kw: bool) -> PyResult<()> {
    let (min, max, kw_ok) = match fun.kind {
        FUN_0..=FUN_3 => {
            let k = (fun.kind - FUN_0) as usize;
            (k, k, false)
        }
        FUN_VAR => (fun.n_min as usize, fun.n_max as usize, false),
        FUN_KW => (fun.n_min as usize, fun.n_max as usize, true),
        _ => return Err(cx.type_error("bad C function definition")),
    };
    if has_kw && !kw_ok {
        return Err(cx.type_error("function doesn't take keyword arguments"));
    }
    if min == max && n != min {
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("function takes {min} positional arguments but {n} were given"),
        ));
    }
    if n < min {
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("function missing {} required positional arguments", min - n),
        ));
    }
    if n > max {
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("function expected at most {max} arguments, got {n}"),
        ));
    }
    Ok(())
}

/// Run C code in a new scope: `body` makes handles and calls C, returning its result handle.
/// The pending exception (stale: nothing propagates while a function is being called) is set
/// aside and put back on success. NULL with an exception set fails with it; NULL without one,
/// or a result with an exception set, raises RuntimeError.
pub(crate) fn run_c(
    cx: &mut Cx,
    what: &str,
    body: impl FnOnce(&mut Ctx<'_>) -> PyResult<Obj>,
) -> PyResult<Value> {
    let mark = cx.roots_mark();
    let saved = cx.take_pending();
    let r = cx.root(saved).and_then(|_| {
        scoped(cx, |c| {
            let h = body(c)?;
            if h.is_null() {
                return Ok(Value::NULL);
            }
            let v = c.get(h)?;
            // Keep the result alive until the scope's roots are dropped below.
            c.cx.root(v)?;
            Ok(v)
        })
    });
    let pending = cx.pending();
    let r = match r {
        Ok(v) if v.is_null() => {
            if pending.is_null() {
                Err(cx.raise_fmt(
                    &RUNTIME_ERROR_TYPE,
                    format_args!("{what} returned NULL without setting an exception"),
                ))
            } else {
                Err(Raised)
            }
        }
        Ok(v) => {
            if pending.is_null() {
                Ok(v)
            } else {
                Err(cx.raise_fmt(
                    &RUNTIME_ERROR_TYPE,
                    format_args!("{what} returned a result with an exception set"),
                ))
            }
        }
        Err(e) => {
            if pending.is_null() {
                Err(cx.runtime_error("C code failed without setting an exception"))
            } else {
                Err(e)
            }
        }
    };
    if r.is_ok() && !saved.is_null() {
        cx.raise(saved);
    }
    cx.roots_truncate(mark);
    r
}

/// Call the C function of `fun` with Python's arguments.
pub(crate) fn call_fun(
    cx: &mut Cx,
    fun: &'static Fun,
    args: &[Value],
    kw: &[Value],
) -> PyResult<Value> {
    check_arity(cx, fun, args.len(), !kw.is_empty())?;
    run_c(cx, "C function", |c| {
        let mut hs = Vec::with_capacity(args.len());
        for &a in args {
            hs.push(c.obj(a)?);
        }
        let kwargs = if kw.is_empty() {
            Obj::NULL
        } else {
            let d = dict::new(c.cx)?;
            let h = c.obj(d)?;
            for pair in kw.chunks_exact(2) {
                dict::set(c.cx, d, pair[0], pair[1])?;
            }
            h
        };
        let a = |i: usize| hs.get(i).copied().unwrap_or(Obj::NULL);
        // SAFETY: the kind selects the union field C initialised (PYR_FUNn macros); the C
        // function gets handles valid for this scope and a pointer to `hs.len()` of them.
        let r = unsafe {
            match fun.kind {
                FUN_0 => fun.fun.f0.map(|f| f()),
                FUN_1 => fun.fun.f1.map(|f| f(a(0))),
                FUN_2 => fun.fun.f2.map(|f| f(a(0), a(1))),
                FUN_3 => fun.fun.f3.map(|f| f(a(0), a(1), a(2))),
                FUN_VAR => fun.fun.var.map(|f| f(hs.len(), hs.as_ptr())),
                _ => fun.fun.kw.map(|f| f(hs.len(), hs.as_ptr(), kwargs)),
            }
        };
        r.ok_or_else(|| c.type_error("NULL C function in definition"))
    })
}

/// A Python function object calling `fun`.
fn function_value(cx: &mut Cx, name: &str, fun: &'static Fun) -> PyResult<Value> {
    if !matches!(fun.kind, FUN_0..=FUN_KW) {
        return Err(import_error(
            cx,
            format_args!("bad function definition for '{name}' (kind {})", fun.kind),
        ));
    }
    native::new_function(cx, name, move |cx: &mut Cx, a: &[Value], k: &[Value]| {
        call_fun(cx, fun, a, k)
    })
}

/// `setattr(o, name, v)` keeping `v` alive meanwhile.
fn set_attr(cx: &mut Cx, o: Value, name: &str, v: Value) -> PyResult<()> {
    let mark = cx.roots_mark();
    cx.root(v)?;
    let r = pystr::intern(cx, name.as_bytes()).and_then(|n| attr::setattr(cx, o, n, v));
    cx.roots_truncate(mark);
    r
}

/// The members of a table.
///
/// # Safety
/// `p` is NULL or points at `n` members that live for ever.
unsafe fn members<'a>(
    cx: &mut Cx,
    p: *const Member,
    n: usize,
    owner: &str,
) -> PyResult<&'a [Member]> {
    if n == 0 {
        return Ok(&[]);
    }
    if p.is_null() {
        return Err(import_error(cx, format_args!("'{owner}' has NULL members")));
    }
    if n > 1 << 16 {
        return Err(import_error(
            cx,
            format_args!("'{owner}' has too many members"),
        ));
    }
    // SAFETY: the caller's promise.
    Ok(unsafe { core::slice::from_raw_parts(p, n) })
}

/// A member's name.
fn member_name<'a>(cx: &mut Cx, m: &'a Member, owner: &str) -> PyResult<&'a str> {
    if m.key.kind == ROM_STR {
        // SAFETY: a PYR_ROM_STR holds a static NUL-terminated string (or NULL).
        if let Some(s) = unsafe { c_str(m.key.u.s) } {
            return Ok(s);
        }
    }
    Err(import_error(
        cx,
        format_args!("a member of '{owner}' has no valid name"),
    ))
}

/// The Python value of a constant member (`None` for functions, types and attributes).
fn constant_value(cx: &mut Cx, rom: &Rom, name: &str) -> PyResult<Option<Value>> {
    // SAFETY: the kind selects the union field C initialised.
    unsafe {
        Ok(Some(match rom.kind {
            ROM_NONE => Value::NONE,
            ROM_FALSE => Value::FALSE,
            ROM_TRUE => Value::TRUE,
            ROM_INT => int::from_i64(cx, rom.u.i)?,
            ROM_FLOAT => pyrite::obj::float::new(cx, rom.u.f)?,
            ROM_STR => match c_str(rom.u.s) {
                Some(s) => pystr::new_str(cx, s.as_bytes())?,
                None => {
                    return Err(import_error(
                        cx,
                        format_args!("member '{name}' is not a valid string"),
                    ))
                }
            },
            ROM_FUN | ROM_TYPE | ROM_ATTR => return Ok(None),
            k => {
                return Err(import_error(
                    cx,
                    format_args!("member '{name}' has an unknown kind ({k})"),
                ))
            }
        }))
    }
}

/// The function of a PYR_ROM_FUN member.
fn fun_of(cx: &mut Cx, rom: &Rom, name: &str) -> PyResult<&'static Fun> {
    // SAFETY: a PYR_ROM_FUN holds a pointer to a static pyr_fun (or NULL).
    let p = unsafe { rom.u.ptr } as *const Fun;
    if p.is_null() {
        return Err(import_error(cx, format_args!("function '{name}' is NULL")));
    }
    // SAFETY: a static definition (see `abi`).
    Ok(unsafe { &*p })
}

/// Register `def` under `name_override` (a str: an import's full name) or its own name.
///
/// # Safety
/// `def` is NULL or points at a module definition laid out as the header says, at least as
/// far as its version field; when the version matches, all of it, with valid pointers, for
/// ever.
pub(crate) unsafe fn register(
    cx: &mut Cx,
    def: *const ModuleDef,
    name_override: Option<Value>,
) -> PyResult<Value> {
    let override_name = name_override.and_then(pystr::str_of).map(String::from);
    let shown = override_name
        .as_deref()
        .map_or(String::new(), |n| format!(" '{n}'"));
    if def.is_null() {
        return Err(import_error(
            cx,
            format_args!("C module{shown}: NULL definition"),
        ));
    }
    // SAFETY: the caller's promise (the version is the first field of every layout).
    let version = unsafe { (*def).abi_version };
    if version != ABI_VERSION {
        return Err(import_error(
            cx,
            format_args!(
                "C module{shown} built for pyrite C ABI version {version}, interpreter has \
                 version {ABI_VERSION}"
            ),
        ));
    }
    // SAFETY: the version matches: the whole definition is valid and static.
    let def: &'static ModuleDef = unsafe { &*def };
    // SAFETY: a static NUL-terminated string or NULL.
    let own = unsafe { c_str(def.name) };
    let name = match (override_name.as_deref(), own) {
        (Some(n), _) => String::from(n),
        (None, Some(n)) if !n.is_empty() => String::from(n),
        _ => return Err(import_error(cx, format_args!("C module has no valid name"))),
    };
    let (mp, mn) = if def.members.is_null() && !def.mp_module.is_null() {
        // SAFETY: a pyrite_micropython.h module: mp_module points at a static
        // mp_obj_module_t whose globals (or NULL) points at a static table.
        unsafe {
            let m = &*(def.mp_module as *const MpModule);
            if m.globals.is_null() {
                (core::ptr::null(), 0)
            } else {
                ((*m.globals).members, (*m.globals).n_members)
            }
        }
    } else {
        (def.members, def.n_members)
    };
    // SAFETY: the definition's members are static.
    let table = unsafe { members(cx, mp, mn, &name) }?;
    let module = cx.define_module(&name, |m| {
        let module = m.module();
        let cx = m.cx();
        for mem in table {
            let mname = member_name(cx, mem, &name)?;
            let v = match constant_value(cx, &mem.value, mname)? {
                Some(v) => v,
                None if mem.value.kind == ROM_FUN => {
                    let f = fun_of(cx, &mem.value, mname)?;
                    function_value(cx, mname, f)?
                }
                None if mem.value.kind == ROM_TYPE => {
                    // SAFETY: a PYR_ROM_TYPE holds a pointer to a static pyr_type (or NULL).
                    let t = unsafe { mem.value.u.ptr } as *const TypeDef;
                    if t.is_null() {
                        return Err(import_error(cx, format_args!("type '{mname}' is NULL")));
                    }
                    // SAFETY: a static definition.
                    make_class(cx, module, mname, unsafe { &*t })?
                }
                None => {
                    return Err(import_error(
                        cx,
                        format_args!("attribute member '{mname}' is only allowed in types"),
                    ))
                }
            };
            set_attr(cx, module, mname, v)?;
        }
        Ok(())
    })?;
    if let Some(init) = def.init {
        let mark = cx.roots_mark();
        cx.root(module)?;
        let r = run_c(cx, "C module init", |c| {
            let h = c.obj(module)?;
            // SAFETY: a C init function given a handle valid for this scope.
            let rc = unsafe { init(h) };
            Ok(if rc == 0 {
                Obj::from_word(2)
            } else {
                Obj::NULL
            })
        });
        cx.roots_truncate(mark);
        if let Err(e) = r {
            forget_module(cx, &name);
            return Err(e);
        }
    }
    Ok(module)
}

/// Remove a module whose initialisation failed from `sys.modules` (the exception stays).
fn forget_module(cx: &mut Cx, name: &str) {
    let exc = cx.take_pending();
    let mark = cx.roots_mark();
    let _ = cx.root(exc).and_then(|_| {
        let sys = pystr::intern(cx, b"sys")?;
        let modules = pystr::intern(cx, b"modules")?;
        let m = pyrite::vm::import::import_name(
            cx,
            sys,
            Value::NONE,
            Value::small_int(0).unwrap_or(Value::NULL),
            Value::NULL,
        )?;
        let d = attr::getattr(cx, m, modules)?;
        cx.root(d)?;
        let n = pystr::new_str(cx, name.as_bytes())?;
        pyrite::vm::seq::delitem(cx, d, n)
    });
    cx.take_pending();
    cx.roots_truncate(mark);
    cx.raise(exc);
}

/// The registry dict mapping type definitions (by address) to their classes.
fn types_dict(cx: &mut Cx) -> PyResult<Value> {
    let reg = cx.registry()?;
    let key = pystr::intern(cx, TYPES_KEY.as_bytes())?;
    if let Some(d) = dict::get_str(reg, key) {
        return Ok(d);
    }
    let d = dict::new(cx)?;
    let mark = cx.roots_mark();
    cx.root(d)?;
    let r = dict::set(cx, reg, key, d);
    cx.roots_truncate(mark);
    r.map(|_| d)
}

/// The class registered for `t` in this interpreter, if any.
pub(crate) fn class_of(cx: &mut Cx, t: *const TypeDef) -> PyResult<Option<Value>> {
    let d = types_dict(cx)?;
    let mark = cx.roots_mark();
    cx.root(d)?;
    let k = int::from_i64(cx, t as usize as i64);
    let r = k.and_then(|k| dict::get(cx, d, k));
    cx.roots_truncate(mark);
    r
}

/// Make the class of a C type, and record it in the registry.
fn make_class(cx: &mut Cx, module: Value, name: &str, t: &'static TypeDef) -> PyResult<Value> {
    let mark = cx.roots_mark();
    let r = make_class_rooted(cx, module, name, t);
    cx.roots_truncate(mark);
    r
}

fn make_class_rooted(
    cx: &mut Cx,
    module: Value,
    name: &str,
    t: &'static TypeDef,
) -> PyResult<Value> {
    let n = pystr::intern(cx, name.as_bytes())?;
    cx.root(n)?;
    let ns = dict::new(cx)?;
    cx.root(ns)?;
    let bases = tuple::new(cx, &[Value::from_static(&OBJECT_TYPE)])?;
    cx.root(bases)?;
    let cls = class::make_type(cx, n, bases, ns)?;
    cx.root(cls)?;
    if let Some(d) = pyrite::obj::module::dict_of(module) {
        if let Some(mn) = dict::get_str(d, pyrite::qstrs::q::__name__.value()) {
            set_attr(cx, cls, "__module__", mn)?;
        }
    }
    let init = native::new_function(
        cx,
        "__init__",
        move |cx: &mut Cx, a: &[Value], k: &[Value]| init_instance(cx, t, a, k),
    )?;
    set_attr(cx, cls, "__init__", init)?;
    // SAFETY: the type's members are static.
    let table = unsafe { members(cx, t.members, t.n_members, name) }?;
    for mem in table {
        let mname = member_name(cx, mem, name)?;
        let v = match constant_value(cx, &mem.value, mname)? {
            Some(v) => v,
            None if mem.value.kind == ROM_FUN => {
                let f = fun_of(cx, &mem.value, mname)?;
                function_value(cx, mname, f)?
            }
            None if mem.value.kind == ROM_ATTR => {
                // SAFETY: a PYR_ROM_ATTR holds the getter and setter (or NULLs).
                let fns = unsafe { mem.value.u.attr };
                attribute(cx, mname, fns)?
            }
            None => {
                return Err(import_error(
                    cx,
                    format_args!("type member '{mname}' of '{name}' cannot be a type"),
                ))
            }
        };
        set_attr(cx, cls, mname, v)?;
    }
    let d = types_dict(cx)?;
    cx.root(d)?;
    let k = int::from_i64(cx, t as *const TypeDef as usize as i64)?;
    cx.root(k)?;
    dict::set(cx, d, k, cls)?;
    Ok(cls)
}

/// A property calling a C getter and setter.
fn attribute(cx: &mut Cx, name: &str, fns: AttrFns) -> PyResult<Value> {
    let Some(get) = fns.get else {
        return Err(import_error(
            cx,
            format_args!("attribute '{name}' has no getter"),
        ));
    };
    let g = native::new_function(cx, name, move |cx: &mut Cx, a: &[Value], _k: &[Value]| {
        let Some(&this) = a.first() else {
            return Err(cx.type_error("argument has wrong type"));
        };
        run_c(cx, "C attribute getter", |c| {
            let h = c.obj(this)?;
            // SAFETY: a C getter given a handle valid for this scope.
            Ok(unsafe { get(h) })
        })
    })?;
    let mark = cx.roots_mark();
    cx.root(g)?;
    let s = match fns.set {
        None => Value::NONE,
        Some(set) => {
            let s =
                native::new_function(cx, name, move |cx: &mut Cx, a: &[Value], _k: &[Value]| {
                    let [this, v] = a else {
                        return Err(cx.type_error("argument has wrong type"));
                    };
                    let (this, v) = (*this, *v);
                    run_c(cx, "C attribute setter", |c| {
                        let h = c.obj(this)?;
                        let hv = c.obj(v)?;
                        // SAFETY: a C setter given handles valid for this scope.
                        let rc = unsafe { set(h, hv) };
                        Ok(if rc == 0 {
                            Obj::from_word(2)
                        } else {
                            Obj::NULL
                        })
                    })
                });
            match s {
                Ok(s) => s,
                Err(e) => {
                    cx.roots_truncate(mark);
                    return Err(e);
                }
            }
        }
    };
    let r = cx
        .root(s)
        .and_then(|_| func::new_descr(cx, &PROPERTY_TYPE, g, s, Value::NONE));
    cx.roots_truncate(mark);
    r
}

/// The finaliser of C instance state: the tag is the type definition's address.
///
/// # Safety
/// `tag` is the address of a static `TypeDef`; `data` its instance's data.
unsafe fn finalise(tag: usize, data: *mut u8, _len: usize) {
    // SAFETY: the caller's promise.
    let t = unsafe { &*(tag as *const TypeDef) };
    if let Some(f) = t.finalise {
        crate::handles::in_finaliser(|| {
            // SAFETY: C's finaliser gets its instance's data, once.
            unsafe { f(data as *mut c_void) }
        });
    }
}

/// `Type.__init__`: give the instance its state (once), then run the C init.
fn init_instance(cx: &mut Cx, t: &'static TypeDef, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let Some(&inst) = a.first() else {
        return Err(cx.type_error("argument has wrong type"));
    };
    let tag = t as *const TypeDef as usize;
    if cx.native_raw_data(inst, tag).is_none() {
        cx.set_native_raw(inst, tag, Some(finalise), t.n_slots, t.data_size)?;
    }
    if t.init.is_null() {
        if a.len() > 1 || !k.is_empty() {
            return Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!(
                    "function takes 0 positional arguments but {} were given",
                    a.len() - 1
                ),
            ));
        }
        return Ok(Value::NONE);
    }
    // SAFETY: a static definition.
    let init = unsafe { &*t.init };
    call_fun(cx, init, a, k)?;
    Ok(Value::NONE)
}
