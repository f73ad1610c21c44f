//! The object functions of `include/pyrite.h` (`pyr_*`): every one an `extern "C"` entry that
//! catches panics, works on the current interpreter (see `handles`) and reports failure by
//! its return value with the exception set.

use core::ffi::{c_char, c_int};
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyrite::embed::FromPython;
use pyrite::obj::bytes::ByteArrayObj;
use pyrite::obj::str::{BytesObj, StrObj};
use pyrite::obj::types::*;
use pyrite::obj::{self as pobj, dict, float, int, list, str as pystr, tuple, Kind};
use pyrite::vm::{attr, ops, seq};
use pyrite::{Handle, PyResult, Value};

use crate::abi::{Obj, TypeDef, ABI_VERSION};
use crate::handles::{with_current, Ctx};
use crate::module;

/// Run an object function: `err` outside a scope, on failure (exception set) and on a panic
/// (RuntimeError set, when possible).
pub(crate) fn api<R: Copy>(err: R, f: impl FnOnce(&mut Ctx<'_>) -> PyResult<R>) -> R {
    let r = catch_unwind(AssertUnwindSafe(|| with_current(f)));
    match r {
        Ok(Some(Ok(v))) => v,
        Ok(Some(Err(_))) | Ok(None) => err,
        Err(_) => {
            let _ = catch_unwind(AssertUnwindSafe(|| {
                with_current(|c| c.cx.runtime_error("internal error in the pyrite C ABI"))
            }));
            err
        }
    }
}

/// `api` for functions returning a handle.
fn api_obj(f: impl FnOnce(&mut Ctx<'_>) -> PyResult<Value>) -> Obj {
    api(Obj::NULL, |c| {
        let v = f(c)?;
        c.obj(v)
    })
}

/// `api` for functions returning 0 or -1.
fn api_status(f: impl FnOnce(&mut Ctx<'_>) -> PyResult<()>) -> c_int {
    api(-1, |c| f(c).map(|_| 0))
}

/// Store through an out-pointer (TypeError when it is NULL).
///
/// # Safety
/// `out` is NULL or valid for a write of `T`.
unsafe fn put<T>(c: &mut Ctx<'_>, out: *mut T, v: T) -> PyResult<()> {
    if out.is_null() {
        return Err(c.type_error("NULL output pointer"));
    }
    // SAFETY: the caller's promise.
    unsafe { out.write(v) };
    Ok(())
}

/// The `str` behind `v` (an instance of a str subclass wraps one).
fn str_obj(v: Value) -> Option<Value> {
    let v = ops::instance_base(v).unwrap_or(v);
    pobj::is::<StrObj>(v).then_some(v)
}

// ---------------------------------------------------------------------------------------
// Values

/// `pyr_int`.
#[no_mangle]
pub extern "C" fn pyr_int(v: i64) -> Obj {
    api_obj(|c| int::from_i64(c.cx, v))
}

/// `pyr_int_u64`.
#[no_mangle]
pub extern "C" fn pyr_int_u64(v: u64) -> Obj {
    api_obj(|c| int::from_i128(c.cx, v as i128))
}

/// `pyr_int_value`.
///
/// # Safety
/// `out` is NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn pyr_int_value(o: Obj, out: *mut i64) -> c_int {
    api_status(|c| {
        let v = c.get(o)?;
        let i = i64::from_python(c.cx, v)?;
        // SAFETY: the caller's promise.
        unsafe { put(c, out, i) }
    })
}

/// `pyr_int_value_u64`.
///
/// # Safety
/// `out` is NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn pyr_int_value_u64(o: Obj, out: *mut u64) -> c_int {
    api_status(|c| {
        let v = c.get(o)?;
        let i = u64::from_python(c.cx, v)?;
        // SAFETY: the caller's promise.
        unsafe { put(c, out, i) }
    })
}

/// `pyr_float`.
#[no_mangle]
pub extern "C" fn pyr_float(v: f64) -> Obj {
    api_obj(|c| float::new(c.cx, v))
}

/// `pyr_float_value`.
///
/// # Safety
/// `out` is NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn pyr_float_value(o: Obj, out: *mut f64) -> c_int {
    api_status(|c| {
        let v = c.get(o)?;
        let f = f64::from_python(c.cx, v)?;
        // SAFETY: the caller's promise.
        unsafe { put(c, out, f) }
    })
}

/// `pyr_bool`.
#[no_mangle]
pub extern "C" fn pyr_bool(v: c_int) -> Obj {
    // PYR_TRUE / PYR_FALSE: constants, valid anywhere.
    Obj::from_word(if v != 0 { 3 << 1 } else { 2 << 1 })
}

/// `pyr_truth`.
#[no_mangle]
pub extern "C" fn pyr_truth(o: Obj) -> c_int {
    api(-1, |c| {
        let v = c.get(o)?;
        ops::truthy(c.cx, v).map(c_int::from)
    })
}

/// `pyr_is_none`.
#[no_mangle]
pub extern "C" fn pyr_is_none(o: Obj) -> c_int {
    if o.word() == 1 << 1 {
        return 1;
    }
    api(-1, |c| Ok(c_int::from(c.get(o)?.is_none())))
}

/// `pyr_str`.
///
/// # Safety
/// `s` is NULL or points at `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn pyr_str(s: *const c_char, len: usize) -> Obj {
    api_obj(|c| {
        if s.is_null() && len != 0 {
            return Err(c.type_error("NULL pointer for str data"));
        }
        let b = if len == 0 {
            &[][..]
        } else {
            // SAFETY: the caller's promise.
            unsafe { core::slice::from_raw_parts(s as *const u8, len) }
        };
        if core::str::from_utf8(b).is_err() {
            return Err(c.cx.value_error("string is not UTF-8"));
        }
        pystr::new_str(c.cx, b)
    })
}

/// `pyr_str_cstr`.
///
/// # Safety
/// `s` is NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn pyr_str_cstr(s: *const c_char) -> Obj {
    api_obj(|c| {
        // SAFETY: the caller's promise.
        let s = unsafe { c.cstr(s, "str") }?;
        pystr::new_str(c.cx, s.as_bytes())
    })
}

/// `pyr_str_data`.
///
/// # Safety
/// `len` is NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn pyr_str_data(o: Obj, len: *mut usize) -> *const c_char {
    api(core::ptr::null(), |c| {
        let v = c.get(o)?;
        let Some(b) = str_obj(v).and_then(pystr::bytes_of) else {
            return Err(c.cx.type_error_obj(v, "isn't a str"));
        };
        if !len.is_null() {
            // SAFETY: the caller's promise.
            unsafe { len.write(b.len()) };
        }
        // The object is alive while the handle is (it holds the str, or the str itself).
        Ok(b.as_ptr() as *const c_char)
    })
}

/// `pyr_cstr`.
#[no_mangle]
pub extern "C" fn pyr_cstr(o: Obj) -> *const c_char {
    api(core::ptr::null(), |c| {
        let v = c.get(o)?;
        let Some(b) = str_obj(v).and_then(pystr::bytes_of) else {
            return Err(c.cx.type_error_obj(v, "isn't a str"));
        };
        let mut z = Vec::with_capacity(b.len() + 1);
        z.extend_from_slice(b);
        z.push(0);
        let copy = pystr::new_bytes(c.cx, &z)?;
        c.obj(copy)?;
        Ok(pystr::bytes_of(copy).map_or(core::ptr::null(), |b| b.as_ptr() as *const c_char))
    })
}

/// `pyr_bytes`.
///
/// # Safety
/// `data` is NULL or points at `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn pyr_bytes(data: *const core::ffi::c_void, len: usize) -> Obj {
    api_obj(|c| {
        if data.is_null() && len != 0 {
            return Err(c.type_error("NULL pointer for bytes data"));
        }
        let b = if len == 0 {
            &[][..]
        } else {
            // SAFETY: the caller's promise.
            unsafe { core::slice::from_raw_parts(data as *const u8, len) }
        };
        pystr::new_bytes(c.cx, b)
    })
}

/// `pyr_bytes_data`.
///
/// # Safety
/// `len` is NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn pyr_bytes_data(o: Obj, len: *mut usize) -> *const u8 {
    api(core::ptr::null(), |c| {
        let v = c.get(o)?;
        let v = ops::instance_base(v).unwrap_or(v);
        let (p, n) = if let Some(b) = pobj::get::<BytesObj>(c.cx, v) {
            let s = b.0.as_bytes();
            (s.as_ptr(), s.len())
        } else if let Some(b) = pobj::get::<ByteArrayObj>(c.cx, v) {
            let s = b.as_bytes();
            (s.as_ptr(), s.len())
        } else {
            return Err(c.cx.type_error_obj(v, "isn't bytes"));
        };
        if !len.is_null() {
            // SAFETY: the caller's promise.
            unsafe { len.write(n) };
        }
        Ok(p)
    })
}

/// `pyr_tuple`.
///
/// # Safety
/// `items` is NULL or points at `n` handles.
#[no_mangle]
pub unsafe extern "C" fn pyr_tuple(n: usize, items: *const Obj) -> Obj {
    api_obj(|c| {
        // SAFETY: the caller's promise.
        let vs = unsafe { c.get_array(n, items) }?;
        tuple::new(c.cx, &vs)
    })
}

/// `pyr_list`.
///
/// # Safety
/// `items` is NULL or points at `n` handles.
#[no_mangle]
pub unsafe extern "C" fn pyr_list(n: usize, items: *const Obj) -> Obj {
    api_obj(|c| {
        // SAFETY: the caller's promise.
        let vs = unsafe { c.get_array(n, items) }?;
        list::new(c.cx, &vs)
    })
}

/// `pyr_list_append`.
#[no_mangle]
pub extern "C" fn pyr_list_append(l: Obj, item: Obj) -> c_int {
    api_status(|c| {
        let l = c.get(l)?;
        let v = c.get(item)?;
        let l = ops::instance_base(l).unwrap_or(l);
        if pobj::kind_of(l) != Kind::List {
            return Err(c.cx.type_error_obj(l, "isn't a list"));
        }
        list::append(c.cx, l, v)
    })
}

/// `pyr_dict`.
#[no_mangle]
pub extern "C" fn pyr_dict() -> Obj {
    api_obj(|c| dict::new(c.cx))
}

/// `pyr_len`.
#[no_mangle]
pub extern "C" fn pyr_len(o: Obj) -> isize {
    api(-1, |c| {
        let v = c.get(o)?;
        Ok(ops::len(c.cx, v)? as isize)
    })
}

/// `pyr_getitem`.
#[no_mangle]
pub extern "C" fn pyr_getitem(o: Obj, key: Obj) -> Obj {
    api_obj(|c| {
        let o = c.get(o)?;
        let k = c.get(key)?;
        seq::getitem(c.cx, o, k)
    })
}

/// `pyr_setitem`.
#[no_mangle]
pub extern "C" fn pyr_setitem(o: Obj, key: Obj, value: Obj) -> c_int {
    api_status(|c| {
        let o = c.get(o)?;
        let k = c.get(key)?;
        let v = c.get(value)?;
        seq::setitem(c.cx, o, k, v)
    })
}

/// `pyr_delitem`.
#[no_mangle]
pub extern "C" fn pyr_delitem(o: Obj, key: Obj) -> c_int {
    api_status(|c| {
        let o = c.get(o)?;
        let k = c.get(key)?;
        seq::delitem(c.cx, o, k)
    })
}

/// `pyr_iter`.
#[no_mangle]
pub extern "C" fn pyr_iter(o: Obj) -> Obj {
    api_obj(|c| {
        let o = c.get(o)?;
        seq::get_iter(c.cx, o)
    })
}

/// `pyr_next`.
#[no_mangle]
pub extern "C" fn pyr_next(it: Obj) -> Obj {
    api_obj(|c| {
        let it = c.get(it)?;
        Ok(seq::iter_next(c.cx, it)?.unwrap_or(Value::NULL))
    })
}

// ---------------------------------------------------------------------------------------
// Objects

/// `pyr_getattr`.
///
/// # Safety
/// `name` is NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn pyr_getattr(o: Obj, name: *const c_char) -> Obj {
    api_obj(|c| {
        let o = c.get(o)?;
        // SAFETY: the caller's promise.
        let n = unsafe { c.cstr(name, "attribute name") }?;
        let n = pystr::intern(c.cx, n.as_bytes())?;
        attr::getattr(c.cx, o, n)
    })
}

/// `pyr_setattr`.
///
/// # Safety
/// `name` is NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn pyr_setattr(o: Obj, name: *const c_char, value: Obj) -> c_int {
    api_status(|c| {
        let o = c.get(o)?;
        let v = c.get(value)?;
        // SAFETY: the caller's promise.
        let n = unsafe { c.cstr(name, "attribute name") }?;
        let n = pystr::intern(c.cx, n.as_bytes())?;
        c.cx.root(n)?;
        attr::setattr(c.cx, o, n, v)
    })
}

/// `pyr_type_of`.
#[no_mangle]
pub extern "C" fn pyr_type_of(o: Obj) -> Obj {
    api_obj(|c| {
        let v = c.get(o)?;
        Ok(Value::from_ptr(pobj::type_of(v)))
    })
}

/// The class a handle names, or TypeError.
fn type_arg(c: &mut Ctx<'_>, t: Obj) -> PyResult<Value> {
    let t = c.get(t)?;
    if pobj::kind_of(t) == Kind::Type && t.is_ptr() {
        Ok(t)
    } else {
        Err(c.cx.type_error_obj(t, "isn't a type"))
    }
}

/// `pyr_isinstance`.
#[no_mangle]
pub extern "C" fn pyr_isinstance(o: Obj, t: Obj) -> c_int {
    api(-1, |c| {
        let v = c.get(o)?;
        let t = type_arg(c, t)?;
        Ok(c_int::from(pobj::is_instance_value(v, t)))
    })
}

/// `pyr_is`.
#[no_mangle]
pub extern "C" fn pyr_is(a: Obj, b: Obj) -> c_int {
    api(-1, |c| Ok(c_int::from(c.get(a)? == c.get(b)?)))
}

/// `pyr_equal`.
#[no_mangle]
pub extern "C" fn pyr_equal(a: Obj, b: Obj) -> c_int {
    api(-1, |c| {
        let a = c.get(a)?;
        let b = c.get(b)?;
        ops::eq(c.cx, a, b).map(c_int::from)
    })
}

/// `pyr_repr`.
#[no_mangle]
pub extern "C" fn pyr_repr(o: Obj) -> Obj {
    api_obj(|c| {
        let v = c.get(o)?;
        pyrite::obj::methods::repr::repr(c.cx, v)
    })
}

/// `pyr_to_str`.
#[no_mangle]
pub extern "C" fn pyr_to_str(o: Obj) -> Obj {
    api_obj(|c| {
        let v = c.get(o)?;
        pyrite::obj::methods::repr::to_str(c.cx, v)
    })
}

/// `pyr_import`.
///
/// # Safety
/// `name` is NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn pyr_import(name: *const c_char) -> Obj {
    api_obj(|c| {
        // SAFETY: the caller's promise.
        let n = unsafe { c.cstr(name, "module name") }?;
        let n = pystr::intern(c.cx, n.as_bytes())?;
        c.cx.root(n)?;
        // A non-empty fromlist asks for the leaf module of a dotted name.
        let from = tuple::new(c.cx, &[n])?;
        c.cx.root(from)?;
        let zero = Value::small_int(0).unwrap_or(Value::NULL);
        pyrite::vm::import::import_name(c.cx, n, from, zero, Value::NULL)
    })
}

// ---------------------------------------------------------------------------------------
// Calls

/// `pyr_call`.
///
/// # Safety
/// `args` is NULL or points at `n` handles.
#[no_mangle]
pub unsafe extern "C" fn pyr_call(f: Obj, n: usize, args: *const Obj) -> Obj {
    // SAFETY: the caller's promise.
    unsafe { pyr_call_kw(f, n, args, Obj::NULL) }
}

/// `pyr_call_kw`.
///
/// # Safety
/// `args` is NULL or points at `n` handles.
#[no_mangle]
pub unsafe extern "C" fn pyr_call_kw(f: Obj, n: usize, args: *const Obj, kwargs: Obj) -> Obj {
    api_obj(|c| {
        let f = c.get(f)?;
        // SAFETY: the caller's promise.
        let a = unsafe { c.get_array(n, args) }?;
        let kw = match c.get_opt(kwargs)? {
            None => Vec::new(),
            Some(d) => kw_pairs(c, d)?,
        };
        c.cx.call(f, &a, &kw)
    })
}

/// The (name, value) pairs of a kwargs dict, rooted (the values are in the rooted dict; the
/// list of items is rooted too).
fn kw_pairs(c: &mut Ctx<'_>, d: Value) -> PyResult<Vec<Value>> {
    if pobj::kind_of(d) != Kind::Dict {
        return Err(c.cx.type_error_obj(d, "isn't a dict"));
    }
    let it = seq::get_iter(c.cx, d)?;
    c.cx.root(it)?;
    let mut kw = Vec::new();
    while let Some(k) = seq::iter_next(c.cx, it)? {
        c.cx.root(k)?;
        if str_obj(k).is_none() {
            return Err(c.type_error("keywords must be strings"));
        }
        let v = dict::get(c.cx, d, k)?.unwrap_or(Value::NONE);
        kw.push(k);
        kw.push(v);
    }
    Ok(kw)
}

/// `pyr_call_method`.
///
/// # Safety
/// `name` is NULL or NUL-terminated; `args` is NULL or points at `n` handles.
#[no_mangle]
pub unsafe extern "C" fn pyr_call_method(
    o: Obj,
    name: *const c_char,
    n: usize,
    args: *const Obj,
) -> Obj {
    api_obj(|c| {
        let o = c.get(o)?;
        // SAFETY: the caller's promise.
        let a = unsafe { c.get_array(n, args) }?;
        // SAFETY: the caller's promise.
        let n = unsafe { c.cstr(name, "method name") }?;
        let n = pystr::intern(c.cx, n.as_bytes())?;
        let m = attr::getattr(c.cx, o, n)?;
        c.cx.root(m)?;
        c.cx.call(m, &a, &[])
    })
}

/// `pyr_parse_args`.
///
/// # Safety
/// `args` points at `n_args` handles (or is NULL when 0); `names` at `n_params` strings;
/// `out` at room for `n_params` handles.
#[no_mangle]
pub unsafe extern "C" fn pyr_parse_args(
    n_args: usize,
    args: *const Obj,
    kwargs: Obj,
    n_params: usize,
    names: *const *const c_char,
    n_required: usize,
    out: *mut Obj,
) -> c_int {
    api_status(|c| {
        if n_params > 0 && (names.is_null() || out.is_null()) {
            return Err(c.type_error("NULL parameter names or output"));
        }
        let mut got = vec![Obj::NULL; n_params];
        if n_args > n_params {
            return Err(c.cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("function expected at most {n_params} arguments, got {n_args}"),
            ));
        }
        if n_args > 0 {
            if args.is_null() {
                return Err(c.type_error("NULL array of object handles"));
            }
            // SAFETY: the caller's promise.
            got[..n_args].copy_from_slice(unsafe { core::slice::from_raw_parts(args, n_args) });
        }
        let mut pnames = Vec::with_capacity(n_params);
        for i in 0..n_params {
            // SAFETY: the caller's promise.
            let p = unsafe { *names.add(i) };
            // SAFETY: parameter names are NUL-terminated (or NULL: an error).
            pnames.push(unsafe { c.cstr(p, "parameter name") }?);
        }
        if let Some(d) = c.get_opt(kwargs)? {
            let kw = kw_pairs(c, d)?;
            for pair in kw.chunks_exact(2) {
                let k = pystr::str_of(pair[0]).unwrap_or("");
                let Some(i) = pnames.iter().position(|&p| p == k) else {
                    let k = String::from(k);
                    return Err(c.cx.raise_fmt(
                        &TYPE_ERROR_TYPE,
                        format_args!("unexpected keyword argument '{k}'"),
                    ));
                };
                if !got[i].is_null() {
                    let k = String::from(k);
                    return Err(c
                        .cx
                        .raise_fmt(&TYPE_ERROR_TYPE, format_args!("argument '{k}' given twice")));
                }
                got[i] = c.obj(pair[1])?;
            }
        }
        if let Some(i) = got.iter().take(n_required).position(|h| h.is_null()) {
            let k = String::from(pnames[i]);
            return Err(c
                .cx
                .raise_fmt(&TYPE_ERROR_TYPE, format_args!("'{k}' argument required")));
        }
        // SAFETY: the caller's promise: out has room for n_params handles.
        unsafe { core::ptr::copy_nonoverlapping(got.as_ptr(), out, n_params) };
        Ok(())
    })
}

// ---------------------------------------------------------------------------------------
// Exceptions

/// `pyr_raise`.
///
/// # Safety
/// `msg` is NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn pyr_raise(t: Obj, msg: *const c_char) -> Obj {
    api(Obj::NULL, |c| {
        let tv = type_arg(c, t)?;
        if !pobj::is_subclass_value(tv, Value::from_static(&BASE_EXCEPTION_TYPE)) {
            return Err(c.type_error("exceptions must derive from BaseException"));
        }
        let args = if msg.is_null() {
            Vec::new()
        } else {
            // SAFETY: the caller's promise.
            let m = unsafe { c.cstr(msg, "message") }?;
            let m = pystr::new_str(c.cx, m.as_bytes())?;
            c.cx.root(m)?;
            vec![m]
        };
        let e = c.cx.call(tv, &args, &[])?;
        let e = ops::make_raise_obj(c.cx, e)?;
        Err(c.cx.raise(e))
    })
}

/// `pyr_raise_obj`.
#[no_mangle]
pub extern "C" fn pyr_raise_obj(exc: Obj) -> Obj {
    api(Obj::NULL, |c| {
        let e = c.get(exc)?;
        let e = ops::make_raise_obj(c.cx, e)?;
        Err(c.cx.raise(e))
    })
}

/// `pyr_err_occurred`.
#[no_mangle]
pub extern "C" fn pyr_err_occurred() -> Obj {
    api(Obj::NULL, |c| {
        let e = c.cx.pending();
        if e.is_null() {
            return Ok(Obj::NULL);
        }
        // Rooting it must not clobber it: take it out and put it back.
        let e = c.cx.take_pending();
        let h = c.obj(e);
        c.cx.raise(e);
        h
    })
}

/// `pyr_err_matches`.
#[no_mangle]
pub extern "C" fn pyr_err_matches(t: Obj) -> c_int {
    api(-1, |c| {
        let e = c.cx.pending();
        let t = type_arg(c, t)?;
        Ok(c_int::from(!e.is_null() && pobj::is_instance_value(e, t)))
    })
}

/// `pyr_err_fetch`.
#[no_mangle]
pub extern "C" fn pyr_err_fetch() -> Obj {
    api(Obj::NULL, |c| {
        let e = c.cx.take_pending();
        if e.is_null() {
            return Ok(Obj::NULL);
        }
        match c.obj(e) {
            Ok(h) => Ok(h),
            Err(r) => Err(r),
        }
    })
}

/// `pyr_err_clear`.
#[no_mangle]
pub extern "C" fn pyr_err_clear() {
    api((), |c| {
        c.cx.take_pending();
        Ok(())
    })
}

// ---------------------------------------------------------------------------------------
// Scopes and references

/// `pyr_handles_mark`.
#[no_mangle]
pub extern "C" fn pyr_handles_mark() -> usize {
    api(0, |c| Ok(c.cx.roots_mark()))
}

/// `pyr_handles_release`.
#[no_mangle]
pub extern "C" fn pyr_handles_release(mark: usize, keep: Obj) -> Obj {
    api(Obj::NULL, |c| {
        let v = c.get_opt(keep)?;
        if mark < c.base() || mark > c.cx.roots_mark() {
            return Err(c.cx.value_error("bad handle mark"));
        }
        c.cx.roots_truncate(mark);
        match v {
            Some(v) => c.obj(v),
            None => Ok(Obj::NULL),
        }
    })
}

/// `pyr_ref`: a boxed core handle.
pub struct Ref(Handle);

/// `pyr_ref_new`.
#[no_mangle]
pub extern "C" fn pyr_ref_new(o: Obj) -> *mut Ref {
    api(core::ptr::null_mut(), |c| {
        let v = c.get(o)?;
        let h = c.cx.handle(v)?;
        Ok(Box::into_raw(Box::new(Ref(h))))
    })
}

/// `pyr_ref_get`.
///
/// # Safety
/// `r` is NULL or a live reference from `pyr_ref_new`.
#[no_mangle]
pub unsafe extern "C" fn pyr_ref_get(r: *const Ref) -> Obj {
    api_obj(|c| {
        if r.is_null() {
            return Err(c.type_error("NULL reference"));
        }
        // SAFETY: the caller's promise.
        let h = unsafe { &(*r).0 };
        c.cx.handle_value(h)
    })
}

/// `pyr_ref_free`.
///
/// # Safety
/// `r` is NULL or a live reference from `pyr_ref_new`, not used again.
#[no_mangle]
pub unsafe extern "C" fn pyr_ref_free(r: *mut Ref) {
    if r.is_null() {
        return;
    }
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the caller's promise: a Box made by pyr_ref_new. Dropping the handle is
        // an atomic store, valid even without the interpreter.
        drop(unsafe { Box::from_raw(r) });
    }));
}

/// `pyr_gc_collect`.
#[no_mangle]
pub extern "C" fn pyr_gc_collect() {
    api((), |c| {
        c.cx.collect();
        Ok(())
    })
}

// ---------------------------------------------------------------------------------------
// Native instances

/// The type definition argument (TypeError for NULL).
fn type_def(c: &mut Ctx<'_>, t: *const TypeDef) -> PyResult<usize> {
    if t.is_null() {
        return Err(c.type_error("NULL type definition"));
    }
    Ok(t as usize)
}

/// TypeError: `self` is not an instance of the C type `t`.
fn not_instance(c: &mut Ctx<'_>, v: Value, t: *const TypeDef) -> pyrite::Raised {
    // SAFETY: a non-NULL type definition (checked by `type_def`) is static C data.
    let name = unsafe { (*t).name };
    let name = if name.is_null() {
        String::from("?")
    } else {
        // SAFETY: as above: a NUL-terminated name.
        unsafe { core::ffi::CStr::from_ptr(name) }
            .to_string_lossy()
            .into_owned()
    };
    let got = String::from(c.cx.type_name(v));
    c.cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("expected a '{name}' instance, got '{got}'"),
    )
}

/// `pyr_data`.
#[no_mangle]
pub extern "C" fn pyr_data(o: Obj, t: *const TypeDef) -> *mut core::ffi::c_void {
    api(core::ptr::null_mut(), |c| {
        let tag = type_def(c, t)?;
        let v = c.get(o)?;
        match c.cx.native_raw_data(v, tag) {
            Some((p, _)) => Ok(p.as_ptr() as *mut core::ffi::c_void),
            None => Err(not_instance(c, v, t)),
        }
    })
}

/// `pyr_slot`.
#[no_mangle]
pub extern "C" fn pyr_slot(o: Obj, t: *const TypeDef, i: usize) -> Obj {
    api_obj(|c| {
        let tag = type_def(c, t)?;
        let v = c.get(o)?;
        if c.cx.native_raw_data(v, tag).is_none() {
            return Err(not_instance(c, v, t));
        }
        c.cx.native_raw_slot(v, tag, i)
            .ok_or_else(|| c.cx.index_error("slot index out of range"))
    })
}

/// `pyr_set_slot`.
#[no_mangle]
pub extern "C" fn pyr_set_slot(o: Obj, t: *const TypeDef, i: usize, value: Obj) -> c_int {
    api_status(|c| {
        let tag = type_def(c, t)?;
        let v = c.get(o)?;
        let x = c.get(value)?;
        if c.cx.native_raw_data(v, tag).is_none() {
            return Err(not_instance(c, v, t));
        }
        if c.cx.set_native_raw_slot(v, tag, i, x) {
            Ok(())
        } else {
            Err(c.cx.index_error("slot index out of range"))
        }
    })
}

/// `pyr_type_object`.
#[no_mangle]
pub extern "C" fn pyr_type_object(t: *const TypeDef) -> Obj {
    api_obj(|c| type_object(c, t))
}

fn type_object(c: &mut Ctx<'_>, t: *const TypeDef) -> PyResult<Value> {
    type_def(c, t)?;
    match module::class_of(c.cx, t)? {
        Some(cls) => Ok(cls),
        None => Err(c.type_error("C type not registered in this interpreter")),
    }
}

/// `pyr_new`.
///
/// # Safety
/// `args` is NULL or points at `n` handles.
#[no_mangle]
pub unsafe extern "C" fn pyr_new(t: *const TypeDef, n: usize, args: *const Obj) -> Obj {
    api_obj(|c| {
        // SAFETY: the caller's promise.
        let a = unsafe { c.get_array(n, args) }?;
        let cls = type_object(c, t)?;
        c.cx.root(cls)?;
        c.cx.call(cls, &a, &[])
    })
}

// ---------------------------------------------------------------------------------------
// Registration

/// `pyr_abi_version`.
#[no_mangle]
pub extern "C" fn pyr_abi_version() -> u32 {
    ABI_VERSION
}

/// `pyr_module_register`.
///
/// # Safety
/// `def` is NULL or a module definition as the header describes.
#[no_mangle]
pub unsafe extern "C" fn pyr_module_register(def: *const crate::abi::ModuleDef) -> Obj {
    api_obj(|c| {
        // SAFETY: the caller's promise.
        unsafe { module::register(c.cx, def, None) }
    })
}
