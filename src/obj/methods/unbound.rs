//! Native methods of builtin types taken from the type (`str.upper`, `list.append`): calling
//! one checks that the first argument is an instance of the type the method belongs to, as
//! MicroPython's checked functions do (`TypeError: argument should be a 'str' not a 'int'`).

use crate::obj::types::*;
use crate::obj::{self, TypeObj};
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// The function `f` (a static native method found in the static table of builtin type `owner`),
/// as `owner.<name>` gives it: a native function that checks `self` before calling `f`.
pub(crate) fn checked(cx: &mut Cx, owner: *const TypeObj, f: Value) -> PyResult<Value> {
    // Every object is an `object`: nothing to check.
    if core::ptr::eq(owner, &OBJECT_TYPE) {
        return Ok(f);
    }
    let name = crate::vm::attr::native_name(f);
    // Both are static (builtin types and their method tables): plain addresses, never traced.
    let owner_addr = owner as usize;
    let f_bits = f;
    let call = move |cx: &mut Cx, args: &[Value], kw: &[Value]| -> PyResult<Value> {
        let owner = owner_addr as *const TypeObj;
        if let Some(&s) = args.first() {
            if !obj::is_subtype(obj::type_of(s), owner) {
                return Err(wrong_self(cx, owner, s));
            }
        }
        cx.call(f_bits, args, kw)
    };
    // SAFETY: the closure holds only addresses of static objects, valid for any lifetime.
    unsafe { crate::embed::native::new_function_unchecked(cx, name, call) }
}

/// `TypeError: argument should be a 'list' not a 'tuple'`.
fn wrong_self(cx: &mut Cx, owner: *const TypeObj, got: Value) -> crate::vm::Raised {
    // SAFETY: owner is a static builtin type.
    let want = ops::alloc_free_name(crate::vm::raise::as_str(unsafe { (*owner).name_bytes() }));
    let tn = ops::alloc_free_name(cx.type_name(got));
    cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("argument should be a '{want}' not a '{tn}'"),
    )
}
