//! Stackless special-method calls (ARCHITECTURE.md principle 4).
//!
//! When an opcode needs a special method that is a Python function, [`Cx::dunder_call`] pushes
//! its frame with a continuation ([`Cont`]) saying what to do with the result, and the dispatch
//! loop carries on in the new frame. No Rust recursion, so `__add__`, `__getitem__`,
//! `__iter__`/`__next__` in `for`, properties, `__getattr__`, `__setattr__`,
//! `__enter__`/`__exit__`, `__bool__` and `__eq__` recurse as deeply as plain calls. When the
//! method is not a Python function it is called at once and the same continuation is applied
//! to its result ([`Cx::apply_cont`]).
//!
//! The `op_*` functions are the opcodes' halves for Python objects. Each is called after the
//! opcode synced its frame (operands still on its stack) and either completes the opcode on the
//! frame or pushes the method's frame; the loop then reloads the current frame. They return
//! false when nothing Python-level applies and the opcode goes on as for builtin values.

use super::dunder::{bin_result, binop_next, bool_result, is_plain_function, iter_result};
use super::dunder::{len_result, BinStep};
use super::frame::{Cont, Frame};
use super::ops::{self, is_user_object, lookup_special};
use super::{Cx, PyResult};
use crate::bytecode::opcode::{BinaryOp, UnaryOp};
use crate::obj::types::*;
use crate::obj::{self, str as pystr};
use crate::qstrs::q;
use crate::value::Value;

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
        let consume = usize::from(mode & truth::JUMP_OR_POP == 0);
        let code = truth_code(mode, target, is_len);
        self.dunder_call(m, &[v], consume, Cont::Truth, code)?;
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

/// Encode a truth-test continuation.
fn truth_code(mode: isize, target: usize, is_len: bool) -> Value {
    Value::small_int_unchecked(
        ((target as isize) << truth::TARGET_SHIFT) | mode | if is_len { truth::LEN } else { 0 },
    )
}

impl Cx {
    /// LOAD_ATTR on an instance of a Python class (`o` on top of the stack).
    pub(crate) fn op_load_attr(&mut self, o: Value, name: Value) -> PyResult<()> {
        match ops::getattr_plan(self, o, name)? {
            ops::AttrPlan::Value(v) => {
                self.replace_operands(1, v);
                Ok(())
            }
            ops::AttrPlan::Call(m, true) => {
                self.dunder_call(m, &[o, name], 1, Cont::Push, Value::NULL)
            }
            ops::AttrPlan::Call(m, false) => self.dunder_call(m, &[o], 1, Cont::Push, Value::NULL),
        }
    }

    /// LOAD_METHOD on an instance of a Python class (`o` on top of the stack).
    pub(crate) fn op_load_method(&mut self, o: Value, name: Value) -> PyResult<()> {
        match ops::load_method_plan(self, o, name)? {
            ops::MethodPlan::Method(m, s) => {
                self.replace_operands(1, m);
                self.push_operand(s);
                Ok(())
            }
            ops::MethodPlan::Call(m, true) => {
                self.dunder_call(m, &[o, name], 1, Cont::PushMethod, Value::NULL)
            }
            ops::MethodPlan::Call(m, false) => {
                self.dunder_call(m, &[o], 1, Cont::PushMethod, Value::NULL)
            }
        }
    }

    /// STORE_ATTR `o.name = v` (stack: v, o): a property setter or `__setattr__` in a frame.
    pub(crate) fn op_store_attr(&mut self, o: Value, name: Value, v: Value) -> PyResult<bool> {
        let Some((m, with_name)) = ops::setattr_plan(self, o, name) else {
            return Ok(false);
        };
        if with_name {
            self.dunder_call(m, &[o, name, v], 2, Cont::Discard, Value::NULL)?;
        } else {
            self.dunder_call(m, &[o, v], 2, Cont::Discard, Value::NULL)?;
        }
        Ok(true)
    }

    /// LOAD_SUBSCR `o[i]` (stack: o, i).
    pub(crate) fn op_load_subscr(&mut self, o: Value, i: Value) -> PyResult<bool> {
        let Some(m) = self.special_of(o, &q::__getitem__) else {
            return Ok(false);
        };
        self.dunder_call(m, &[o, i], 2, Cont::Push, Value::NULL)?;
        Ok(true)
    }

    /// STORE_SUBSCR `o[i] = v` or, with `v` NULL, `del o[i]` (stack: v, o, i).
    pub(crate) fn op_store_subscr(&mut self, o: Value, i: Value, v: Value) -> PyResult<bool> {
        if v.is_null() {
            let Some(m) = self.special_of(o, &q::__delitem__) else {
                return Ok(false);
            };
            self.dunder_call(m, &[o, i], 3, Cont::Discard, Value::NULL)?;
        } else {
            let Some(m) = self.special_of(o, &q::__setitem__) else {
                return Ok(false);
            };
            self.dunder_call(m, &[o, i, v], 3, Cont::Discard, Value::NULL)?;
        }
        Ok(true)
    }

    /// GET_ITER / GET_ITER_STACK (`stacked`) of `o`: its `__iter__` in a frame.
    pub(crate) fn op_get_iter(&mut self, o: Value, stacked: bool) -> PyResult<bool> {
        let Some(m) = self.special_of(o, &q::__iter__) else {
            return Ok(false);
        };
        let cont = if stacked {
            Cont::IterStack
        } else {
            Cont::PushIter
        };
        self.dunder_call(m, &[o], 1, cont, Value::NULL)?;
        Ok(true)
    }

    /// FOR_ITER over `it` (a Python iterator): `__next__` in a frame; StopIteration jumps to
    /// `exit`.
    pub(crate) fn op_for_next(&mut self, it: Value, exit: usize) -> PyResult<bool> {
        match self.special_of(it, &q::__next__) {
            Some(m) if is_plain_function(m) => {
                let x = Value::small_int_unchecked(exit as isize);
                self.dunder_call(m, &[it], 0, Cont::ForNext, x)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// A unary operator on a Python object (`a` on top of the stack).
    pub(crate) fn op_unary(&mut self, op: UnaryOp, a: Value) -> PyResult<bool> {
        let name = match op {
            UnaryOp::Not => return self.truth_call(a, truth::SENSE, 0),
            UnaryOp::Positive => &q::__pos__,
            UnaryOp::Negative => &q::__neg__,
            UnaryOp::Invert => &q::__invert__,
        };
        let Some(m) = self.special_of(a, name) else {
            return Ok(false);
        };
        self.dunder_call(m, &[a], 1, Cont::Push, Value::NULL)?;
        Ok(true)
    }

    /// A binary operator with a Python object as an operand (stack: a, b).
    pub(crate) fn op_binary(&mut self, op: BinaryOp, a: Value, b: Value) -> PyResult<bool> {
        match op {
            BinaryOp::Is | BinaryOp::ExceptionMatch => Ok(false),
            BinaryOp::In => {
                let Some(m) = self.special_of(b, &q::__contains__) else {
                    return Ok(false);
                };
                self.dunder_call(m, &[b, a], 2, Cont::PushBool, Value::NULL)?;
                Ok(true)
            }
            _ => {
                self.binop_start(op, a, b)?;
                Ok(true)
            }
        }
    }

    /// SETUP_WITH's `__enter__` (stack: exit, exit_self): in a frame, then the with-block's
    /// handler at `handler`.
    pub(crate) fn op_enter(&mut self, enter: Value, mgr: Value, handler: usize) -> PyResult<bool> {
        if mgr.is_null() || !is_plain_function(enter) {
            return Ok(false);
        }
        let h = Value::small_int_unchecked(handler as isize);
        self.dunder_call(enter, &[mgr], 0, Cont::WithEnter, h)?;
        Ok(true)
    }

    /// WITH_CLEANUP: `__exit__` in a frame when it is a Python method. The stack is
    /// `(exit, self, None)`, `(exit, self, x, unwind)` or `(exit, self, exc)`.
    pub(crate) fn op_with_cleanup(&mut self) -> PyResult<bool> {
        let f = self.frames.cur;
        let below = |k: usize| -> Value {
            // SAFETY: the current frame is live with WITH_CLEANUP's operands (at least 3) on
            // its stack; k < 4 stays within them.
            unsafe { *(*f).state().add((*f).sp as usize - 1 - k) }
        };
        let top = below(0);
        let marker = top.is_none() || top.is_small_int();
        let kind = if !marker {
            2
        } else {
            usize::from(!top.is_none())
        };
        let depth = if kind == 1 { 1 } else { 0 };
        let exit_self = below(depth + 1);
        let exit = below(depth + 2);
        if exit_self.is_none() || !is_plain_function(exit) {
            return Ok(false);
        }
        let args = if marker {
            [exit_self, Value::NONE, Value::NONE, Value::NONE]
        } else {
            let ty = Value::from_ptr(obj::type_of(top));
            [exit_self, ty, top, Value::NONE]
        };
        let k = Value::small_int_unchecked(kind as isize);
        self.dunder_call(exit, &args, 0, Cont::WithExit, k)?;
        Ok(true)
    }

    /// Push a value on the current frame's stack.
    fn push_operand(&mut self, v: Value) {
        let f = self.frames.cur;
        // SAFETY: the current frame is live and its opcode has room for the value.
        unsafe {
            *(*f).state().add((*f).sp as usize) = v;
            (*f).sp += 1;
        }
    }
}
