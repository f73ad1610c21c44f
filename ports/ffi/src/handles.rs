//! Object handles and the current interpreter.
//!
//! While C code runs on behalf of an interpreter, a **scope** is open: a record on the Rust
//! stack naming the interpreter context and where the scope's part of the root stack starts,
//! linked into a thread-local chain (scopes nest: C calls Python which calls C). The object
//! functions find the context there; outside any scope they fail.
//!
//! A handle (`pyr_obj`) is one word:
//!
//! | word | meaning |
//! |---|---|
//! | `0` | NULL |
//! | `...1` | a small int, the word shifted right by one (the same encoding as [`Value`]) |
//! | `2k`, `0 < k < 256` | a constant: None, the booleans, builtin types and exceptions |
//! | `(i + 1) << 9 \| e << 1` | the value at position `i` of the root stack, made in a scope with epoch `e` (mod 256) |
//!
//! So a handle is a root: the object stays alive until its scope ends (the root stack is
//! truncated then). Decoding checks the position against the root stack and the epoch
//! against the scope that owns the position, so a forged or stale handle gives an error
//! (TypeError), never a wild read: every position below the stack's top holds a live value.

use core::cell::Cell;
use core::ffi::{c_char, CStr};

use pyrite::exceptions::TYPE_ERROR;
use pyrite::obj::types::*;
use pyrite::obj::TypeObj;
use pyrite::{Cx, PyResult, Value};

use crate::abi::Obj;

/// An open scope (lives on the stack of the code that opened it).
pub(crate) struct Scope {
    pub(crate) cx: *mut Cx,
    /// The root stack's depth when the scope opened.
    pub(crate) base: usize,
    /// Tags the scope's handles (detects most stale handles).
    pub(crate) epoch: u8,
    pub(crate) prev: *const Scope,
}

std::thread_local! {
    static CURRENT: Cell<*const Scope> = const { Cell::new(core::ptr::null()) };
    static EPOCH: Cell<u8> = const { Cell::new(0) };
    static IN_FINALISER: Cell<bool> = const { Cell::new(false) };
}

/// Restores the previous scope (also when unwinding).
struct Restore(*const Scope);

impl Drop for Restore {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.0));
    }
}

/// Run `body` in a new scope over `cx`. `body` must reach the context only through the
/// [`Ctx`] it is given (the caller does not touch `cx` meanwhile). Handles made in the scope
/// are released when it ends: the caller truncates the root stack to `cx.roots_mark()` as it
/// was before.
pub(crate) fn scoped<R>(cx: &mut Cx, body: impl FnOnce(&mut Ctx<'_>) -> R) -> R {
    let epoch = EPOCH.with(|e| {
        let n = e.get().wrapping_add(1);
        e.set(n);
        n
    });
    let scope = Scope {
        base: cx.roots_mark(),
        cx: cx as *mut Cx,
        epoch,
        prev: CURRENT.with(Cell::get),
    };
    CURRENT.with(|c| c.set(&scope));
    let _restore = Restore(scope.prev);
    // SAFETY: scope.cx comes from the exclusive borrow `cx`, which the caller does not use
    // until this returns; nested scopes reborrow from this one in turn.
    let cx = unsafe { &mut *scope.cx };
    let mut ctx = Ctx { cx, scope: &scope };
    body(&mut ctx)
}

/// Run `f` with the current interpreter, or return `None` outside any scope (and inside a
/// finaliser, where the interpreter is collecting).
pub(crate) fn with_current<R>(f: impl FnOnce(&mut Ctx<'_>) -> R) -> Option<R> {
    if IN_FINALISER.with(Cell::get) {
        return None;
    }
    let p = CURRENT.with(Cell::get);
    if p.is_null() {
        return None;
    }
    // SAFETY: a non-NULL current scope lives on the stack of a caller further up, whose
    // context borrow is not in use while the C code it called runs (see `scoped`).
    let mut ctx = unsafe {
        Ctx {
            cx: &mut *(*p).cx,
            scope: &*p,
        }
    };
    Some(f(&mut ctx))
}

/// Run a C finaliser: the object functions fail meanwhile.
pub(crate) fn in_finaliser(f: impl FnOnce()) {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            IN_FINALISER.with(|c| c.set(self.0));
        }
    }
    let _reset = Reset(IN_FINALISER.with(|c| c.replace(true)));
    f();
}

/// The constant handles, by number (`PYR_CONST_(k)` in the header).
fn constant(k: usize) -> Option<Value> {
    let t: &'static TypeObj = match k {
        1 => return Some(Value::NONE),
        2 => return Some(Value::FALSE),
        3 => return Some(Value::TRUE),
        4 => return Some(Value::ELLIPSIS),
        5 => return Some(Value::NOT_IMPLEMENTED),
        16 => &OBJECT_TYPE,
        17 => &TYPE_TYPE,
        18 => &INT_TYPE,
        19 => &FLOAT_TYPE,
        20 => &BOOL_TYPE,
        21 => &STR_TYPE,
        22 => &BYTES_TYPE,
        23 => &BYTEARRAY_TYPE,
        24 => &TUPLE_TYPE,
        25 => &LIST_TYPE,
        26 => &DICT_TYPE,
        27 => &SET_TYPE,
        48 => &BASE_EXCEPTION_TYPE,
        49 => &EXCEPTION_TYPE,
        50 => &ARITHMETIC_ERROR_TYPE,
        51 => &ASSERTION_ERROR_TYPE,
        52 => &ATTRIBUTE_ERROR_TYPE,
        53 => &EOF_ERROR_TYPE,
        54 => &IMPORT_ERROR_TYPE,
        55 => &INDEX_ERROR_TYPE,
        56 => &KEYBOARD_INTERRUPT_TYPE,
        57 => &KEY_ERROR_TYPE,
        58 => &LOOKUP_ERROR_TYPE,
        59 => &MEMORY_ERROR_TYPE,
        60 => &NAME_ERROR_TYPE,
        61 => &NOT_IMPLEMENTED_ERROR_TYPE,
        62 => &OS_ERROR_TYPE,
        63 => &OVERFLOW_ERROR_TYPE,
        64 => &RUNTIME_ERROR_TYPE,
        65 => &STOP_ITERATION_TYPE,
        66 => &SYNTAX_ERROR_TYPE,
        67 => &SYSTEM_EXIT_TYPE,
        68 => &TYPE_ERROR_TYPE,
        69 => &VALUE_ERROR_TYPE,
        70 => &ZERO_DIVISION_ERROR_TYPE,
        71 => &UNICODE_ERROR_TYPE,
        _ => return None,
    };
    Some(Value::from_static(t))
}

/// The constant handle of an immediate value, if it has one.
fn constant_of(v: Value) -> Option<usize> {
    let k = if v == Value::NONE {
        1
    } else if v == Value::FALSE {
        2
    } else if v == Value::TRUE {
        3
    } else if v == Value::ELLIPSIS {
        4
    } else if v == Value::NOT_IMPLEMENTED {
        5
    } else {
        return None;
    };
    Some(k << 1)
}

/// The interpreter running C code, with the scope its handles belong to.
pub(crate) struct Ctx<'a> {
    pub(crate) cx: &'a mut Cx,
    scope: &'a Scope,
}

impl Ctx<'_> {
    /// Raise `TypeError(msg)`.
    pub(crate) fn type_error(&mut self, msg: &str) -> pyrite::Raised {
        self.cx.raise_msg(&TYPE_ERROR, msg)
    }

    /// The value a handle names, or TypeError for NULL, forged and stale handles.
    pub(crate) fn get(&mut self, h: Obj) -> PyResult<Value> {
        let w = h.word();
        if w == 0 {
            return Err(self.type_error("NULL object handle"));
        }
        if w & 1 == 1 {
            return Ok(Value::from_raw(w));
        }
        if w < 512 {
            return constant(w >> 1).ok_or_else(|| self.type_error("invalid object handle"));
        }
        let i = (w >> 9) - 1;
        let epoch = ((w >> 1) & 0xff) as u8;
        let Some(v) = self.cx.root_get(i) else {
            return Err(self.type_error("stale or invalid object handle"));
        };
        // The scope that owns position i: the innermost one that started at or below it.
        let mut s: *const Scope = self.scope;
        // SAFETY: the scope chain links live scopes on the stack (see `scoped`).
        while !s.is_null() && unsafe { (*s).base } > i {
            // SAFETY: as above.
            s = unsafe { (*s).prev };
        }
        // A scope of another interpreter (nested C hosts) does not own positions here.
        // SAFETY: as above: s is NULL or a live scope.
        let owner = unsafe { s.as_ref() };
        if !owner.is_some_and(|o| o.cx == self.scope.cx && o.epoch == epoch) || v.is_null() {
            return Err(self.type_error("stale or invalid object handle"));
        }
        Ok(v)
    }

    /// The value of an optional handle (NULL gives `None`).
    pub(crate) fn get_opt(&mut self, h: Obj) -> PyResult<Option<Value>> {
        if h.is_null() {
            Ok(None)
        } else {
            self.get(h).map(Some)
        }
    }

    /// The values of `n` handles at `p` (NULL allowed when `n` is 0).
    ///
    /// # Safety
    /// `p` is NULL or points at `n` readable handles.
    pub(crate) unsafe fn get_array(&mut self, n: usize, p: *const Obj) -> PyResult<Vec<Value>> {
        if n == 0 {
            return Ok(Vec::new());
        }
        if p.is_null() {
            return Err(self.type_error("NULL array of object handles"));
        }
        // SAFETY: the caller's promise.
        let hs = unsafe { core::slice::from_raw_parts(p, n) };
        hs.iter().map(|&h| self.get(h)).collect()
    }

    /// A handle for `v`, rooted until the scope ends.
    pub(crate) fn obj(&mut self, v: Value) -> PyResult<Obj> {
        if v.is_null() {
            return Ok(Obj::NULL);
        }
        if v.raw() & 1 == 1 {
            return Ok(Obj::from_word(v.raw()));
        }
        if let Some(w) = constant_of(v) {
            return Ok(Obj::from_word(w));
        }
        let i = self.cx.roots_mark();
        if i >= (usize::MAX >> 10) {
            return Err(self.cx.raise_memory_error(0));
        }
        self.cx.root(v)?;
        Ok(Obj::from_word(
            ((i + 1) << 9) | ((self.scope.epoch as usize) << 1),
        ))
    }

    /// Where this scope's handles start on the root stack.
    pub(crate) fn base(&self) -> usize {
        self.scope.base
    }

    /// A NUL-terminated UTF-8 C string (TypeError for NULL, ValueError for bad UTF-8).
    ///
    /// # Safety
    /// `p` is NULL or a NUL-terminated string that outlives the result.
    pub(crate) unsafe fn cstr<'s>(&mut self, p: *const c_char, what: &str) -> PyResult<&'s str> {
        if p.is_null() {
            return Err(self
                .cx
                .raise_fmt(&TYPE_ERROR_TYPE, format_args!("NULL pointer for {what}")));
        }
        // SAFETY: the caller's promise.
        let c = unsafe { CStr::from_ptr(p) };
        c.to_str()
            .map_err(|_| self.cx.value_error("string is not UTF-8"))
    }
}
