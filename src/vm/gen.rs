//! Generators in the VM (MPY_FORMAT.md section 8): entering a generator's frame, yielding out
//! of it, finishing it, and throwing into a `yield from` chain.
//!
//! A generator's frame lives in a heap buffer owned by the generator object, and its
//! `cont_val` holds that object. Resuming links the frame above the resumer's. Opcodes resume
//! generators without Rust recursion: FOR_ITER links the frame with `Cont::ForIter` and
//! YIELD_FROM with `Cont::YieldFrom`, so `for` over a generator and chains of `yield from` /
//! `await` run in the one dispatch loop. Rust code (`next()`, `send`, `throw`, `close`) resumes
//! with `Cont::Native` in a nested run of the loop, bounded by `Config::max_reentry`.

use super::dispatch::Exit;
use super::frame::{fflags, Cont, Frame};
use super::{ops, Cx, PyResult};
use crate::bytecode::opcode::YIELD_FROM;
use crate::obj::code::CodeObj;
use crate::obj::gen::{gen_of, GenObj, GenState};
use crate::obj::types::*;
use crate::obj::{self, exception, tuple};
use crate::qstrs::q;
use crate::value::Value;

/// What resuming a generator did.
pub(crate) enum Enter {
    /// Its frame is now the running frame.
    Entered,
    /// It had already finished: resuming it returns this value (None).
    Done(Value),
}

/// How a thrown-in exception meets a generator suspended in `yield from`.
pub(crate) enum ThrowForward {
    /// The generator is not at a YIELD_FROM: raise in it as usual.
    NotYieldFrom,
    /// The inner generator's frame is now running, with the exception still being thrown.
    Entered,
    /// The inner iterator's `throw` yielded this value: the generator yields it too.
    Yield(Value),
    /// The inner iterator finished; the generator continues after its YIELD_FROM.
    Continue,
    /// Raise the pending exception in the generator (without a new traceback entry when
    /// the flag is set).
    Raise(bool),
}

/// The generator object owning frame `f`, if `f` is a generator's frame.
pub(crate) fn frame_gen<'a>(f: *mut Frame) -> Option<&'a mut GenObj> {
    // SAFETY: callers pass live frames.
    let (flags, g) = unsafe { ((*f).flags, (*f).cont_val) };
    if flags & fflags::GENERATOR == 0 {
        return None;
    }
    gen_of(g)
}

/// The value a StopIteration carries (its first argument, or None).
fn stop_value(exc: Value) -> Value {
    exception::exc_of(exc)
        .and_then(|e| tuple::items_of(e.args).and_then(|a| a.first().copied()))
        .unwrap_or(Value::NONE)
}

/// The state slots of a live frame.
fn state_of(f: *mut Frame) -> *mut Value {
    // SAFETY: callers pass live frames.
    unsafe { (*f).state() }
}

impl Cx {
    /// Make generator `g`'s frame the running frame, resumed with `send`, or (when `throw`)
    /// with the pending exception (`self.exc`) to be thrown in. `cont` says where what it
    /// yields or returns goes.
    pub(crate) fn gen_enter(
        &mut self,
        g: Value,
        send: Value,
        throw: bool,
        cont: Cont,
    ) -> PyResult<Enter> {
        let Some(go) = gen_of(g) else {
            return Err(self.type_error("not a generator"));
        };
        match go.state {
            GenState::Running => return Err(self.value_error("generator already executing")),
            GenState::Finished => {
                if throw {
                    // Throwing into a finished generator raises the exception itself.
                    return Err(super::Raised);
                }
                return Ok(Enter::Done(Value::NONE));
            }
            GenState::Created => {
                if !throw && !send.is_none() {
                    return Err(
                        self.type_error("can't send non-None value to a just-started generator")
                    );
                }
            }
            GenState::Suspended => {}
        }
        if self.depth >= self.config.max_depth {
            return Err(self.recursion_error());
        }
        let f = go.frame;
        let was_created = go.state == GenState::Created;
        go.state = GenState::Running;
        self.link_frame(f);
        // SAFETY: the generator's frame is live (owned by g, which the caller holds).
        unsafe {
            (*f).cont = cont;
            (*f).flags &= !fflags::CLOSING;
            if !was_created && !throw {
                // Overwrite the slot left by the yield with the sent value.
                let sp = (*f).sp as usize;
                if sp > 0 {
                    *(*f).state().add(sp - 1) = send;
                }
            }
        }
        Ok(Enter::Entered)
    }

    /// Frame `f` (a generator's) yields `v`: suspend it and hand `v` to its resumer.
    /// `Some(exit)` ends this run of the dispatch loop; `None` continues in the frame now
    /// running.
    pub(crate) fn gen_yield(&mut self, mut f: *mut Frame, v: Value) -> Option<Exit> {
        loop {
            // SAFETY: f is the live running frame.
            let (cont, prev) = unsafe { ((*f).cont, (*f).prev) };
            self.unlink_frame(f);
            if let Some(g) = frame_gen(f) {
                g.state = GenState::Suspended;
            }
            match cont {
                Cont::ForIter | Cont::Push if !prev.is_null() => {
                    // The value is the next item of the resumer's loop.
                    // SAFETY: prev is the live resumer frame; its stack has room for the
                    // value (FOR_ITER pushes one).
                    unsafe {
                        let p = &mut *prev;
                        let sp = p.sp as usize;
                        *p.state().add(sp) = v;
                        p.sp += 1;
                    }
                    return None;
                }
                Cont::YieldFrom if !prev.is_null() => {
                    // The resumer is suspended in `yield from` and yields the value too: its
                    // stack is (..., it, send); the send slot takes the value and YIELD_FROM
                    // runs again on resumption.
                    // SAFETY: prev is the live resumer frame with (it, send) on its stack.
                    unsafe {
                        let p = &mut *prev;
                        let sp = p.sp as usize;
                        *p.state().add(sp - 1) = v;
                        p.ip = p.op_ip;
                    }
                    f = prev;
                }
                _ => return Some(Exit::Yield(v)),
            }
        }
    }

    /// Generator frame `f` returns `v`: it is finished; hand `v` on per its continuation.
    pub(crate) fn gen_finish(&mut self, f: *mut Frame, v: Value) -> PyResult<Option<Exit>> {
        // SAFETY: f is the live running frame.
        let (cont, prev) = unsafe { ((*f).cont, (*f).prev) };
        self.unlink_frame(f);
        if let Some(g) = frame_gen(f) {
            g.state = GenState::Finished;
        }
        if prev.is_null() {
            return Ok(Some(Exit::Return(v)));
        }
        match cont {
            Cont::ForIter => {
                // FOR_ITER runs again, finds the generator finished and leaves the loop.
                // SAFETY: prev is the live resumer frame.
                unsafe { (*prev).ip = (*prev).op_ip };
                Ok(None)
            }
            Cont::YieldFrom => {
                // SAFETY: prev is the live resumer frame.
                let closing = unsafe { (*prev).flags } & fflags::CLOSING != 0;
                if closing {
                    // The inner generator swallowed GeneratorExit: the outer one still exits.
                    // SAFETY: as above.
                    unsafe { (*prev).flags &= !fflags::CLOSING };
                    let e = ops::make_raise_obj(self, Value::from_static(&GENERATOR_EXIT_TYPE))?;
                    return Err(self.raise(e));
                }
                // Replace (it, send) by the result and continue after YIELD_FROM.
                // SAFETY: prev's stack holds (it, send).
                unsafe {
                    let p = &mut *prev;
                    p.sp -= 1;
                    let sp = p.sp as usize;
                    *p.state().add(sp - 1) = v;
                }
                Ok(None)
            }
            // Generators are only resumed by FOR_ITER, YIELD_FROM and Rust.
            _ => Ok(Some(Exit::Return(v))),
        }
    }

    /// An exception leaves frame `f` (being popped): if `f` is a generator's, it is finished,
    /// and a StopIteration becomes `RuntimeError` (PEP 479).
    pub(crate) fn gen_unwound(&mut self, f: *mut Frame) {
        let Some(g) = frame_gen(f) else { return };
        g.state = GenState::Finished;
        // SAFETY: f is live.
        let (cont, prev) = unsafe { ((*f).cont, (*f).prev) };
        if cont == Cont::YieldFrom && !prev.is_null() {
            // SAFETY: prev is the live resumer frame.
            unsafe { (*prev).flags &= !fflags::CLOSING };
        }
        if obj::isinstance(self.exc, &STOP_ITERATION_TYPE) {
            let _ = self.runtime_error("generator raised StopIteration");
        }
    }

    /// An exception is thrown into generator frame `f` (`throw`, `close`): if `f` is suspended
    /// in `yield from`, forward it to the inner iterator (MPY_FORMAT.md 8.2).
    pub(crate) fn gen_throw_forward(&mut self, f: *mut Frame) -> ThrowForward {
        if frame_gen(f).is_none() {
            return ThrowForward::NotYieldFrom;
        }
        // SAFETY: f is live; its code object is live.
        let (code, ip, sp) = unsafe {
            (
                &*((*f).code.raw() as *const CodeObj),
                (*f).ip as usize,
                (*f).sp as usize,
            )
        };
        if code.bytes().get(ip).copied() != Some(YIELD_FROM) || sp < 2 {
            return ThrowForward::NotYieldFrom;
        }
        let st = state_of(f);
        // SAFETY: a generator suspended at YIELD_FROM has (it, value) on its stack.
        let it = unsafe { *st.add(sp - 2) };
        let exc = self.exc;
        let is_exit = obj::isinstance(exc, &GENERATOR_EXIT_TYPE);
        if obj::is::<GenObj>(it) {
            // Continue in the inner generator; when it returns, continue after YIELD_FROM.
            // SAFETY: f is live.
            unsafe {
                (*f).ip = ip as u32 + 1;
                if is_exit {
                    (*f).flags |= fflags::CLOSING;
                }
            }
            return match self.gen_enter(it, Value::NONE, true, Cont::YieldFrom) {
                Ok(Enter::Entered) => ThrowForward::Entered,
                // The inner generator cannot take it: raise in this one.
                Ok(Enter::Done(_)) | Err(_) => {
                    // SAFETY: f is live.
                    unsafe { (*f).flags &= !fflags::CLOSING };
                    ThrowForward::Raise(false)
                }
            };
        }
        // Another iterator: call its close() or throw(e).
        let mark = self.roots_mark();
        if self.root(exc).is_err() {
            return ThrowForward::Raise(false);
        }
        self.exc = Value::NULL;
        let r = if is_exit {
            match ops::getattr_opt(self, it, q::close.value()) {
                Ok(Some(m)) => self.call(m, &[], &[]).map(|_| None),
                Ok(None) => Ok(None),
                Err(e) => Err(e),
            }
        } else {
            match ops::getattr_opt(self, it, q::throw.value()) {
                Ok(Some(m)) => self.call(m, &[exc], &[]).map(Some),
                Ok(None) => Ok(None),
                Err(e) => Err(e),
            }
        };
        self.roots_truncate(mark);
        match r {
            // No throw (or a close): the exception raises here.
            Ok(None) => {
                self.exc = exc;
                ThrowForward::Raise(true)
            }
            Ok(Some(v)) => ThrowForward::Yield(v),
            Err(_) => {
                if obj::isinstance(self.exc, &STOP_ITERATION_TYPE) {
                    let stop = self.take_pending();
                    let r = stop_value(stop);
                    // SAFETY: f's stack holds (it, value): replace them by the result.
                    unsafe {
                        (*f).sp -= 1;
                        *st.add(sp - 2) = r;
                        (*f).ip = ip as u32 + 1;
                    }
                    ThrowForward::Continue
                } else {
                    ThrowForward::Raise(false)
                }
            }
        }
    }

    /// One step of `yield from` over an iterator that is not a generator: `__next__` (or
    /// `send` for a value other than None). Returns (value, finished); a StopIteration's
    /// value is the result.
    pub(crate) fn yield_from_step(&mut self, it: Value, send: Value) -> PyResult<(Value, bool)> {
        let user_next = if send.is_none() && ops::is_user_object(it) {
            ops::lookup_special(self, it, &q::__next__)
        } else {
            None
        };
        let r = if let Some(m) = user_next {
            self.call_with_self(m, it, &[], &[]).map(Some)
        } else if send.is_none() {
            ops::iter_next(self, it)
        } else {
            let (m, s) = ops::load_method(self, it, q::send.value())?;
            let v = if s.is_null() {
                self.call(m, &[send], &[])
            } else {
                self.call(m, &[s, send], &[])
            };
            v.map(Some)
        };
        match r {
            Ok(Some(v)) => Ok((v, false)),
            Ok(None) => Ok((Value::NONE, true)),
            Err(e) => {
                if obj::isinstance(self.exc, &STOP_ITERATION_TYPE) {
                    let exc = self.take_pending();
                    Ok((stop_value(exc), true))
                } else {
                    Err(e)
                }
            }
        }
    }

    /// The iterator `await o` uses when `o` is an instance of a Python class with `__await__`
    /// but no `__iter__`; `None` otherwise (plain iteration applies).
    pub(crate) fn await_iter(&mut self, o: Value) -> PyResult<Option<Value>> {
        if !ops::is_user_object(o) || ops::lookup_special(self, o, &q::__iter__).is_some() {
            return Ok(None);
        }
        match ops::lookup_special(self, o, &q::__await__) {
            Some(m) => {
                let it = self.call_with_self(m, o, &[], &[])?;
                let mark = self.roots_mark();
                self.root(it)?;
                let r = ops::get_iter(self, it);
                self.roots_truncate(mark);
                r.map(Some)
            }
            None => Ok(None),
        }
    }

    /// Resume a generator from Rust with `send` (or `throw`): returns the yielded or returned
    /// value and whether it returned. Runs a nested dispatch loop.
    pub(crate) fn resume_generator(
        &mut self,
        g: Value,
        send: Value,
        throw: Option<Value>,
    ) -> PyResult<(Value, bool)> {
        if self.reentry >= self.config.max_reentry {
            return Err(self.recursion_error());
        }
        if let Some(e) = throw {
            self.exc = e;
        }
        match self.gen_enter(g, send, throw.is_some(), Cont::Native)? {
            Enter::Done(v) => return Ok((v, true)),
            Enter::Entered => {}
        }
        self.reentry += 1;
        let r = if throw.is_some() {
            self.run_throw()
        } else {
            self.run()
        };
        self.reentry -= 1;
        match r {
            Ok(Exit::Yield(v)) => Ok((v, false)),
            Ok(Exit::Return(v)) => Ok((v, true)),
            // A pause (out of fuel) only happens at the embedder's own run level, never
            // inside a generator resumed from native code.
            Ok(Exit::Paused) => Err(self.runtime_error("unexpected pause")),
            Err(e) => Err(e),
        }
    }
}
