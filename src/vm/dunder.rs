//! Special methods of Python classes, called by operators and other opcodes.
//!
//! Two halves:
//!
//! * The protocols: which special method runs first for `a <op> b` (the in-place one, a
//!   subclass's reflected one, the plain one, the reflected one), `NotImplemented`, the
//!   default `__ne__`, and the checks on what `__bool__`, `__len__` and `__index__` return.
//! * Stackless calls (ARCHITECTURE.md principle 4): when an opcode needs a special method that
//!   is a Python function, [`Cx::dunder_call`] pushes its frame with a continuation ([`Cont`])
//!   saying what to do with the result, and the dispatch loop carries on in the new frame. No
//!   Rust recursion, so `__add__`, `__getitem__`, `__iter__`/`__next__` in `for`, properties,
//!   `__getattr__`, `__enter__`/`__exit__`, `__bool__` and `__eq__` can recurse as deeply as
//!   plain calls. When the method is not a Python function it is called at once and the same
//!   continuation is applied to its result ([`Cx::apply_cont`]).

use super::frame::{Cont, Frame};
use super::ops::{is_user_object, lookup_special, op_dunder, reflected_dunder};
use super::{Cx, PyResult};
use crate::bytecode::opcode::BinaryOp;
use crate::obj::code::{scope, CodeObj};
use crate::obj::func::FunctionObj;
use crate::obj::types::*;
use crate::obj::{self, int, str as pystr, Kind};
use crate::qstrs::q;
use crate::value::Value;

/// Whether `v` is a Python function (not a generator function): its call can be a frame.
pub(crate) fn is_plain_function(v: Value) -> bool {
    if obj::kind_of(v) != Kind::Function || !v.is_ptr() {
        return false;
    }
    // SAFETY: kind-checked function with a live code object.
    unsafe {
        let fo = &*(v.raw() as *const FunctionObj);
        (*(fo.code.raw() as *const CodeObj)).scope_flags & scope::GENERATOR == 0
    }
}

/// What `__bool__` returned, as a truth value: it must be a bool (CPython raises otherwise).
pub(crate) fn bool_result(cx: &mut Cx, r: Value) -> PyResult<bool> {
    match r.as_bool() {
        Some(b) => Ok(b),
        None => {
            let tn = super::ops::alloc_free_name(cx.type_name(r));
            Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("__bool__ should return bool, returned {tn}"),
            ))
        }
    }
}

/// What `__len__` returned, as a length: a non-negative int (CPython raises otherwise).
pub(crate) fn len_result(cx: &mut Cx, r: Value) -> PyResult<usize> {
    let r = match to_index(cx, r)? {
        Some(i) => i,
        None => {
            let tn = super::ops::alloc_free_name(cx.type_name(r));
            return Err(cx.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("'{tn}' object can't be interpreted as an integer"),
            ));
        }
    };
    match int::to_i64(r) {
        Some(n) if n >= 0 => Ok(n as usize),
        Some(_) => Err(cx.value_error("__len__() should return >= 0")),
        None => Err(cx.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

/// The int behind `v` for index and int-argument use: ints and bools themselves, the int an
/// int subclass wraps, or what a Python `__index__` returns when that is an int. `None` when
/// `v` has no integer value (callers report their own error naming `v`).
pub(crate) fn to_index(cx: &mut Cx, v: Value) -> PyResult<Option<Value>> {
    if v.is_small_int() || (obj::kind_of(v) == Kind::Int && v.is_ptr()) {
        return Ok(Some(v));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Some(Value::small_int_unchecked(b as isize)));
    }
    if !is_user_object(v) {
        return Ok(None);
    }
    if let Some(m) = lookup_special(cx, v, &q::__index__) {
        let r = cx.call_with_self(m, v, &[], &[])?;
        if r.is_small_int() || (obj::kind_of(r) == Kind::Int && r.is_ptr()) {
            return Ok(Some(r));
        }
        if let Some(b) = r.as_bool() {
            return Ok(Some(Value::small_int_unchecked(b as isize)));
        }
        return Ok(None);
    }
    match super::ops::instance_base(v) {
        Some(b) if obj::kind_of(b) == Kind::Int || b.is_small_int() => Ok(Some(b)),
        _ => Ok(None),
    }
}

/// Check what `__iter__` returned: an iterator, else `TypeError: 'int' object isn't an
/// iterator` (CPython raises at `iter()`; MicroPython at the first `next()`).
pub(crate) fn iter_result(cx: &mut Cx, it: Value) -> PyResult<Value> {
    let ok = match obj::kind_of(it) {
        Kind::Iter | Kind::Generator => true,
        _ => {
            is_user_object(it)
                && (lookup_special(cx, it, &q::__next__).is_some()
                    || super::ops::instance_base(it).is_some_and(|b| obj::kind_of(b) == Kind::Iter))
        }
    };
    if ok {
        Ok(it)
    } else {
        Err(cx.type_error_obj(it, "isn't an iterator"))
    }
}

// ---- The binary operator protocol --------------------------------------------------------

/// The next special method to try for `a <op> b`.
enum BinStep {
    /// Call `func(self_, other)`. If it returns `NotImplemented`, go on from stage `next`;
    /// with `negate`, the call is `__eq__` standing in for a missing `__ne__`.
    Call {
        func: Value,
        self_: Value,
        other: Value,
        next: u8,
        negate: bool,
    },
    /// No special method of a Python class applies.
    Fallback,
}

/// The special method `v.name` (Python-defined), or for a missing `__ne__` its `__eq__`
/// (to negate).
fn find(cx: &mut Cx, v: Value, name: &'static pystr::StrObj) -> Option<(Value, bool)> {
    if let Some(m) = lookup_special(cx, v, name) {
        return Some((m, false));
    }
    if core::ptr::eq(name, &q::__ne__) {
        return lookup_special(cx, v, &q::__eq__).map(|m| (m, true));
    }
    None
}

/// Whether the right operand's method runs first: its class is a proper subclass of the left
/// operand's and (for arithmetic) overrides the reflected method.
fn right_first(cx: &mut Cx, a: Value, b: Value, refl: &'static pystr::StrObj, cmp: bool) -> bool {
    let (ta, tb) = (obj::type_of(a), obj::type_of(b));
    if ta == tb || !obj::is_subtype(tb, ta) {
        return false;
    }
    let mb = lookup_special(cx, b, refl);
    if mb.is_none() {
        return false;
    }
    cmp || mb != lookup_special(cx, a, refl)
}

/// Stages: 0 in-place `a.__iop__(b)`, 1 a subclass's `b.__rop__(a)`, 2 `a.__op__(b)`,
/// 3 `b.__rop__(a)`, 4 fallback.
fn binop_next(cx: &mut Cx, op: BinaryOp, a: Value, b: Value, mut stage: u8) -> BinStep {
    let plain = op.non_inplace();
    let cmp = (plain as u8) <= BinaryOp::NotEqual as u8;
    let (a_user, b_user) = (is_user_object(a), is_user_object(b));
    let refl = reflected_dunder(plain);
    loop {
        let (v, other, name, next) = match stage {
            0 if a_user && plain != op => (a, b, op_dunder(op), 1),
            1 if b_user => match refl {
                Some(rn) if right_first(cx, a, b, rn, cmp) => (b, a, rn, 2),
                _ => {
                    stage = 2;
                    continue;
                }
            },
            2 if a_user => (a, b, op_dunder(plain), 3),
            3 if b_user => match refl {
                Some(rn) if !right_first(cx, a, b, rn, cmp) => (b, a, rn, 4),
                _ => return BinStep::Fallback,
            },
            0..=3 => {
                stage += 1;
                continue;
            }
            _ => return BinStep::Fallback,
        };
        if let Some((func, negate)) = find(cx, v, name) {
            return BinStep::Call {
                func,
                self_: v,
                other,
                next,
                negate,
            };
        }
        stage = next;
    }
}

/// What a special method returned, for the operator: `None` for `NotImplemented`, the
/// negation for a `__ne__` standing in by `__eq__`.
fn bin_result(cx: &mut Cx, r: Value, negate: bool) -> PyResult<Option<Value>> {
    if r == Value::NOT_IMPLEMENTED {
        return Ok(None);
    }
    if negate {
        return Ok(Some(Value::bool(!super::ops::truthy(cx, r)?)));
    }
    Ok(Some(r))
}

/// The special methods of Python classes for `a <op> b` (arithmetic, in-place or comparison),
/// called from Rust. `None` when no method applies (all missing or `NotImplemented`).
pub(crate) fn user_binop(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !is_user_object(a) && !is_user_object(b) {
        return Ok(None);
    }
    let mut stage = 0;
    loop {
        match binop_next(cx, op, a, b, stage) {
            BinStep::Fallback => return Ok(None),
            BinStep::Call {
                func,
                self_,
                other,
                next,
                negate,
            } => {
                let r = cx.call_with_self(func, self_, &[other], &[])?;
                if let Some(r) = bin_result(cx, r, negate)? {
                    return Ok(Some(r));
                }
                stage = next;
            }
        }
    }
}

/// A binary builtin function's special methods (`divmod` → `__divmod__`/`__rdivmod__`,
/// `pow(a, b, m)` → `__pow__`): the left operand's method, then the right's reflected one.
/// `None` when neither applies.
pub(crate) fn user_binary_call(
    cx: &mut Cx,
    a: Value,
    b: Value,
    extra: &[Value],
    fwd: &'static pystr::StrObj,
    refl: &'static pystr::StrObj,
) -> PyResult<Option<Value>> {
    if is_user_object(a) {
        if let Some(m) = lookup_special(cx, a, fwd) {
            let mut args = [b, Value::NONE];
            let n = 1 + extra.len().min(1);
            if let Some(&x) = extra.first() {
                args[1] = x;
            }
            let r = cx.call_with_self(m, a, &args[..n], &[])?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(Some(r));
            }
        }
    }
    if is_user_object(b) && extra.is_empty() {
        if let Some(m) = lookup_special(cx, b, refl) {
            let r = cx.call_with_self(m, b, &[a], &[])?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

/// A unary special method of a Python class for a builtin function (`math.floor` →
/// `__floor__`): `None` when the class does not define it.
pub(crate) fn user_unary_call(
    cx: &mut Cx,
    v: Value,
    name: &'static pystr::StrObj,
) -> PyResult<Option<Value>> {
    if !is_user_object(v) {
        return Ok(None);
    }
    match lookup_special(cx, v, name) {
        Some(m) => cx.call_with_self(m, v, &[], &[]).map(Some),
        None => Ok(None),
    }
}

// ---- Stackless calls from opcodes --------------------------------------------------------

/// `cont_val` of a `Cont::BinOp` frame: the operator, the stage to go on from, `negate`.
fn binop_code(op: BinaryOp, next: u8, negate: bool) -> Value {
    Value::small_int_unchecked(op as isize | (next as isize) << 6 | (negate as isize) << 9)
}

/// How a `Cont::Truth` continuation uses the truth value (bits of `cont_val`).
pub(crate) mod truth {
    /// The method was `__len__` (truth is a non-zero length), not `__bool__`.
    pub const LEN: isize = 1;
    /// The sense: for `PUSH`, push the negation (`not x`); for jumps, jump when the truth
    /// value equals this bit.
    pub const SENSE: isize = 2;
    /// POP_JUMP_IF_*: the operand was consumed; jump to the target on `SENSE`.
    pub const POP_JUMP: isize = 4;
    /// JUMP_IF_*_OR_POP: the operand stays; jump on `SENSE`, else pop it.
    pub const JUMP_OR_POP: isize = 8;
    /// The jump target is stored above these bits.
    pub const TARGET_SHIFT: u32 = 4;
}

impl Cx {
    /// Call special method `func` with `args` (self first) for the opcode running in the
    /// current frame, which has synced its ip and sp with the operands still on its stack.
    /// The caller gives up its top `consume` stack slots, and the result is handled by
    /// `cont`/`cont_val`: a Python function runs in a new frame (the loop continues in it);
    /// anything else is called now and the continuation applied at once. Either way the
    /// dispatch loop reloads the current frame afterwards.
    pub(crate) fn dunder_call(
        &mut self,
        func: Value,
        args: &[Value],
        consume: usize,
        cont: Cont,
        cont_val: Value,
    ) -> PyResult<()> {
        let caller = self.frames.cur;
        if is_plain_function(func) {
            let fr = self.bind_frame(func, args, &[], false)?;
            // SAFETY: fr is the fresh, linked frame; caller is the live frame below it.
            unsafe {
                (*fr).cont = cont;
                (*fr).cont_val = cont_val;
                (*caller).sp -= consume as u32;
            }
            return Ok(());
        }
        let v = self.call(func, args, &[])?;
        // SAFETY: caller is the live running frame.
        unsafe { (*caller).sp -= consume as u32 };
        self.apply_cont(caller, cont, cont_val, v)
    }

    /// A continuation: hand `v`, the result of a special method, to frame `p` (the frame
    /// that needed it, now running again). May push another frame (the next stage of an
    /// operator) or raise.
    pub(crate) fn apply_cont(
        &mut self,
        p: *mut Frame,
        cont: Cont,
        cont_val: Value,
        v: Value,
    ) -> PyResult<()> {
        // The continuations touch only the stack slots the calling opcode left for them
        // (within its verified depth). `p` stays live throughout: it is below the frames that
        // any Python run here pushes and pops. No reference into it is held across such a run.
        let code = cont_val.as_small_int().unwrap_or(0);
        let sp = |p: *mut Frame| -> usize {
            // SAFETY: p is live.
            unsafe { (*p).sp as usize }
        };
        let slot = |p: *mut Frame, i: usize| -> *mut Value {
            // SAFETY: p is live; callers index within its stack.
            unsafe { (*p).state().add(i) }
        };
        let push = |p: *mut Frame, x: Value| {
            // SAFETY: p is live and the opcode left room for what its continuation pushes.
            unsafe {
                *(*p).state().add((*p).sp as usize) = x;
                (*p).sp += 1;
            }
        };
        let set_sp = |p: *mut Frame, n: usize| {
            // SAFETY: p is live.
            unsafe { (*p).sp = n as u32 };
        };
        let set_ip = |p: *mut Frame, ip: usize| {
            // SAFETY: p is live.
            unsafe { (*p).ip = ip as u32 };
        };
        match cont {
            Cont::Push | Cont::ForNext => push(p, v),
            Cont::PushIter => {
                let v = iter_result(self, v)?;
                push(p, v);
            }
            Cont::Discard => {}
            Cont::PushMethod => {
                push(p, v);
                push(p, Value::NULL);
            }
            Cont::IterStack => {
                let v = iter_result(self, v)?;
                push(p, Value::NULL);
                push(p, v);
                push(p, Value::NULL);
                push(p, Value::NULL);
            }
            Cont::Truth => {
                let b = if code & truth::LEN != 0 {
                    len_result(self, v)? != 0
                } else {
                    bool_result(self, v)?
                };
                let sense = code & truth::SENSE != 0;
                let target = (code >> truth::TARGET_SHIFT) as usize;
                if code & truth::POP_JUMP != 0 {
                    if b == sense {
                        set_ip(p, target);
                    }
                } else if code & truth::JUMP_OR_POP != 0 {
                    if b == sense {
                        set_ip(p, target);
                    } else {
                        set_sp(p, sp(p) - 1);
                    }
                } else {
                    push(p, Value::bool(b != sense));
                }
            }
            Cont::PushBool => {
                let b = super::ops::truthy(self, v)?;
                push(p, Value::bool(b));
            }
            Cont::WithEnter => {
                // The record's stack level is the stack as it is now, below the result.
                self.push_record(p, code as usize, sp(p), true);
                push(p, v);
            }
            Cont::WithExit => {
                // Remove (exit, self) from below what WITH_CLEANUP leaves.
                let swallow = code == 2 && super::ops::truthy(self, v)?;
                let n = sp(p);
                // SAFETY: p's stack holds (exit, self, ...) as WITH_CLEANUP left it.
                unsafe {
                    match code {
                        0 => *slot(p, n - 3) = Value::NONE,
                        1 => {
                            *slot(p, n - 4) = *slot(p, n - 2);
                            *slot(p, n - 3) = *slot(p, n - 1);
                        }
                        _ => {
                            let exc = *slot(p, n - 1);
                            *slot(p, n - 3) = if swallow { Value::NONE } else { exc };
                        }
                    }
                }
                set_sp(p, n - 2);
            }
            Cont::BinOp => {
                let op = BinaryOp::from_u8((code & 0x3f) as u8).unwrap_or(BinaryOp::Add);
                let next = ((code >> 6) & 7) as u8;
                let negate = code & (1 << 9) != 0;
                let n = sp(p);
                // SAFETY: the operands (a, b) are still on top of p's stack.
                let (a, b) = unsafe { (*slot(p, n - 2), *slot(p, n - 1)) };
                if let Some(r) = bin_result(self, v, negate)? {
                    let n = sp(p);
                    // SAFETY: replace (a, b) by the result.
                    unsafe { *slot(p, n - 2) = r };
                    set_sp(p, n - 1);
                    return Ok(());
                }
                return self.binop_from(op, a, b, next);
            }
            Cont::Native | Cont::Init | Cont::ForIter | Cont::YieldFrom => push(p, v),
        }
        Ok(())
    }

    /// A binary operator opcode with a Python object as an operand: the builtin operators,
    /// then the special methods (stackless). The current frame has synced with `(a, b)` on
    /// top of its stack; the result replaces them.
    pub(crate) fn binop_start(&mut self, op: BinaryOp, a: Value, b: Value) -> PyResult<()> {
        if !matches!(op, BinaryOp::Equal | BinaryOp::NotEqual) {
            if let Some(r) = super::ops::binary_builtin(self, op, a, b)? {
                self.replace_operands(2, r);
                return Ok(());
            }
        }
        self.binop_from(op, a, b, 0)
    }

    /// Go on with the operator protocol at `stage`.
    fn binop_from(&mut self, op: BinaryOp, a: Value, b: Value, mut stage: u8) -> PyResult<()> {
        loop {
            match binop_next(self, op, a, b, stage) {
                BinStep::Fallback => {
                    let r = super::ops::binary_fallback(self, op, a, b)?;
                    self.replace_operands(2, r);
                    return Ok(());
                }
                BinStep::Call {
                    func,
                    self_,
                    other,
                    next,
                    negate,
                } => {
                    if is_plain_function(func) {
                        let code = binop_code(op, next, negate);
                        return self.dunder_call(func, &[self_, other], 0, Cont::BinOp, code);
                    }
                    let r = self.call_with_self(func, self_, &[other], &[])?;
                    if let Some(r) = bin_result(self, r, negate)? {
                        self.replace_operands(2, r);
                        return Ok(());
                    }
                    stage = next;
                }
            }
        }
    }

    /// Replace the top `n` stack values of the current frame by `v`.
    fn replace_operands(&mut self, n: usize, v: Value) {
        let f = self.frames.cur;
        // SAFETY: the current frame is live and has at least n values on its stack.
        unsafe {
            let fr = &mut *f;
            fr.sp -= n as u32;
            *fr.state().add(fr.sp as usize) = v;
            fr.sp += 1;
        }
    }

    /// The truth value of Python object `v` for an opcode (`POP_JUMP_IF_*`, `not`): `__bool__`
    /// or `__len__` run stacklessly. `mode` is one of the `truth` modes with the sense bit;
    /// `consume` says whether the operand is given up.
    pub(crate) fn truth_call(&mut self, v: Value, mode: isize, target: usize) -> PyResult<bool> {
        let (m, is_len) = match lookup_special(self, v, &q::__bool__) {
            Some(m) => (m, false),
            None => match lookup_special(self, v, &q::__len__) {
                Some(m) => (m, true),
                None => return Ok(false),
            },
        };
        let code =
            ((target as isize) << truth::TARGET_SHIFT) | mode | if is_len { truth::LEN } else { 0 };
        let consume = usize::from(mode & truth::JUMP_OR_POP == 0);
        self.dunder_call(
            m,
            &[v],
            consume,
            Cont::Truth,
            Value::small_int_unchecked(code),
        )?;
        Ok(true)
    }

    /// A special method of `o` for an opcode, if its class defines one in Python.
    pub(crate) fn special_of(&mut self, o: Value, name: &'static pystr::StrObj) -> Option<Value> {
        if !is_user_object(o) {
            return None;
        }
        lookup_special(self, o, name)
    }

    /// An exception leaves frame `f` (being popped): a StopIteration from a `__next__` called
    /// by FOR_ITER ends the loop. Returns true when the exception was handled that way (the
    /// loop continues in the frame below without raising).
    pub(crate) fn for_next_stopped(&mut self, f: *mut Frame) -> bool {
        // SAFETY: f is live.
        let (cont, prev, exit) = unsafe { ((*f).cont, (*f).prev, (*f).cont_val) };
        if cont != Cont::ForNext
            || prev.is_null()
            || !obj::isinstance(self.exc, &STOP_ITERATION_TYPE)
        {
            return false;
        }
        self.exc = Value::NULL;
        // SAFETY: prev is the live frame running FOR_ITER, with the 4 iterator slots on top.
        unsafe {
            (*prev).sp -= 4;
            (*prev).ip = exit.as_small_int().unwrap_or(0) as u32;
        }
        true
    }
}
