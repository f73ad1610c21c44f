//! The dispatch loop: executes MicroPython bytecode, one frame after another.
//!
//! Calls to Python functions made by opcodes push a frame and continue in the same loop (no
//! Rust recursion); returns pop it and hand the value to the caller according to the frame's
//! continuation. A run ends when a frame whose continuation is `Native` returns or yields:
//! that frame was started by Rust code (`Cx::call`, a generator resumption, the embedder).
//!
//! The running frame's `ip`/`sp` are written back at the start of every instruction, so the
//! collector (which may run inside any allocation) sees the operands of the instruction being
//! executed: opcodes allocate before they pop.

use super::call::read_vuint;
use super::frame::{Cont, ExcRecord, Frame};
use super::gen::{Enter, ThrowForward};
use super::stackless::truth;
use super::{ops, Cx, PyResult};
use crate::bytecode::opcode::*;
use crate::obj::code::{scope, CodeObj, ModuleCtxObj};
use crate::obj::func::{BoundMethodObj, FunctionObj};
use crate::obj::gen::GenObj;
use crate::obj::methods::exception as exception_methods;
use crate::obj::types::*;
use crate::obj::{self, dict, exception, list, set, str as pystr, tuple, Kind};
use crate::value::Value;

/// How a run of the dispatch loop ended.
pub(crate) enum Exit {
    /// The base frame returned this value.
    Return(Value),
    /// The base frame (a generator's) yielded this value.
    Yield(Value),
    /// The fuel budget ran out at the level where the embedder allows a pause: the frames
    /// stay linked and a later `run` continues (see `embed::poll`).
    Paused,
}

/// What a call made by an opcode turned into.
pub(crate) enum Called {
    /// A value, computed at once (native function, builtin type...).
    Value(Value),
    /// A new frame was pushed and linked; the loop continues in it.
    Frame,
}

#[inline]
fn read_jump(bc: &[u8], ip: &mut usize, signed: bool) -> usize {
    let b0 = bc.get(*ip).copied().unwrap_or(0) as usize;
    let (raw, bias) = if b0 & 0x80 == 0 {
        *ip += 1;
        (b0, 0x40)
    } else {
        let b1 = bc.get(*ip + 1).copied().unwrap_or(0) as usize;
        *ip += 2;
        ((b0 & 0x7f) | (b1 << 7), 0x4000)
    };
    if signed {
        (*ip as isize + raw as isize - bias as isize) as usize
    } else {
        *ip + raw
    }
}

#[inline]
fn read_signed_vuint(bc: &[u8], ip: &mut usize) -> isize {
    let first = bc.get(*ip).copied().unwrap_or(0);
    let mut v: isize = if first & 0x40 != 0 { -1 } else { 0 };
    while let Some(&c) = bc.get(*ip) {
        *ip += 1;
        v = (v.wrapping_shl(7)) | (c & 0x7f) as isize;
        if c & 0x80 == 0 {
            break;
        }
    }
    v
}

impl Cx {
    /// Run from the current frame until the base frame returns or yields.
    pub(crate) fn run(&mut self) -> PyResult<Exit> {
        self.run_inner(false)
    }

    /// Like `run`, but first raise the pending exception in the current frame (generator
    /// `throw`).
    pub(crate) fn run_throw(&mut self) -> PyResult<Exit> {
        self.run_inner(true)
    }

    #[allow(clippy::cognitive_complexity)]
    fn run_inner(&mut self, mut throwing: bool) -> PyResult<Exit> {
        // Whether the exception being handled is a re-raise (no new traceback entry).
        let mut reraise = throwing;
        // Whether it was thrown into a resumed generator (`throw`, `close`).
        let mut thrown_in = throwing;
        // Temporary roots pushed by opcodes are dropped when an exception is handled.
        let root_base = self.roots_mark();
        'frame: loop {
            let f: *mut Frame = self.frames.cur;
            // SAFETY: the running frame is live; its code object is live (held by the frame).
            let code: &CodeObj = unsafe { &*((*f).code.raw() as *const CodeObj) };
            // SAFETY: the code bytes live as long as the code object.
            let bc: &[u8] =
                unsafe { core::slice::from_raw_parts(code.code, code.code_len as usize) };
            // SAFETY: the frame's state slots follow its header.
            let state: *mut Value = unsafe { (*f).state() };
            let n_state = code.n_state as usize;
            // SAFETY: f is live.
            let mut ip = unsafe { (*f).ip } as usize;
            // SAFETY: f is live.
            let mut sp = unsafe { (*f).sp } as usize;

            macro_rules! sync {
                () => {
                    // SAFETY: f is the live running frame.
                    unsafe {
                        (*f).ip = ip as u32;
                        (*f).sp = sp as u32;
                    }
                };
            }
            macro_rules! push {
                ($v:expr) => {{
                    let v: Value = $v;
                    debug_assert!(sp < n_state);
                    // SAFETY: verified bytecode keeps sp below the locals (< n_state).
                    unsafe { *state.add(sp) = v };
                    sp += 1;
                }};
            }
            macro_rules! pop {
                () => {{
                    debug_assert!(sp > 0);
                    sp -= 1;
                    // SAFETY: sp < n_state.
                    unsafe { *state.add(sp) }
                }};
            }
            macro_rules! peek {
                ($n:expr) => {
                    // SAFETY: verified bytecode has at least n+1 values on the stack.
                    unsafe { *state.add(sp - 1 - $n) }
                };
            }
            macro_rules! set_top {
                ($v:expr) => {{
                    let v: Value = $v;
                    // SAFETY: the stack is non-empty.
                    unsafe { *state.add(sp - 1) = v };
                }};
            }
            macro_rules! slot {
                ($i:expr) => {
                    // SAFETY: i < n_state (verified).
                    unsafe { &mut *state.add($i) }
                };
            }
            macro_rules! local {
                ($i:expr) => {
                    // SAFETY: local indexes are < n_state (verified).
                    unsafe { &mut *state.add(n_state - 1 - ($i)) }
                };
            }
            // Evaluate a fallible expression; on error go to the handler search.
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(_) => {
                            sync!();
                            reraise = false;
                            throwing = true;
                            continue 'frame;
                        }
                    }
                };
            }
            macro_rules! raise_now {
                ($r:expr) => {{
                    let _ = $r;
                    sync!();
                    reraise = false;
                    throwing = true;
                    continue 'frame;
                }};
            }
            // A safepoint (back-edges): collect, poll signals and fuel; maybe pause or raise.
            macro_rules! safepoint {
                () => {{
                    sync!();
                    match self.poll_safepoint() {
                        Ok(false) => {}
                        Ok(true) => return Ok(Exit::Paused),
                        Err(_) => raise_now!(()),
                    }
                }};
            }

            if throwing {
                throwing = false;
                self.roots_truncate(root_base);
                if thrown_in {
                    thrown_in = false;
                    match self.gen_throw_forward(f) {
                        ThrowForward::NotYieldFrom => {}
                        ThrowForward::Entered => {
                            throwing = true;
                            thrown_in = true;
                            reraise = true;
                            continue 'frame;
                        }
                        ThrowForward::Yield(v) => match self.gen_yield(f, v) {
                            Some(exit) => return Ok(exit),
                            None => continue 'frame,
                        },
                        ThrowForward::Continue => continue 'frame,
                        ThrowForward::Raise(rr) => reraise = rr,
                    }
                }
                // ---- exception handling for frame f ----
                let exc = self.exc;
                // SAFETY: f is live.
                let op_ip = unsafe { (*f).op_ip } as usize;
                if !reraise {
                    exception_methods::chain_context(self, exc);
                    self.add_frame_traceback(f, code, exc, op_ip);
                }
                reraise = false;
                // SAFETY: f is live; records follow the state.
                let recs: *mut ExcRecord = unsafe { (*f).records() };
                // SAFETY: f is live.
                let mut esp = unsafe { (*f).exc_sp } as usize;
                // Records whose handler we are already in do not catch.
                // SAFETY: esp <= n_exc.
                while esp > 0 && unsafe { (*recs.add(esp - 1)).handler } as usize <= op_ip {
                    esp -= 1;
                }
                if esp > 0 {
                    // SAFETY: esp - 1 < n_exc.
                    let rec = unsafe { &mut *recs.add(esp - 1) };
                    rec.prev_exc = exc;
                    // SAFETY: f is live.
                    unsafe {
                        (*f).exc_sp = esp as u16;
                        (*f).ip = rec.handler;
                        (*f).sp = rec.saved_sp;
                        *state.add(rec.saved_sp as usize) = exc;
                        (*f).sp += 1;
                    }
                    self.exc = Value::NULL;
                    continue 'frame;
                }
                // Not caught here: pop the frame.
                self.gen_unwound(f);
                let loop_ended = self.for_next_stopped(f);
                // SAFETY: f is live.
                let (cont, prev) = unsafe { ((*f).cont, (*f).prev) };
                self.unlink_frame(f);
                self.free_frame(f);
                if loop_ended {
                    continue 'frame;
                }
                if cont == Cont::Native || prev.is_null() {
                    return Err(super::Raised);
                }
                throwing = true;
                continue 'frame;
            }

            loop {
                let op_ip = ip;
                let Some(&op) = bc.get(ip) else {
                    raise_now!(self.runtime_error("bytecode ran off the end"));
                };
                ip += 1;
                // Small constants and loads/stores of bound locals neither allocate nor raise:
                // they skip writing the frame's ip/sp, which the next instruction that can
                // collect or raise writes (below) before it runs.
                if op.wrapping_sub(0x70) < 0x60 {
                    if op < 0xb0 {
                        push!(Value::small_int_unchecked(op as isize - 0x80));
                        continue;
                    }
                    if op >= 0xc0 {
                        let v = pop!();
                        *local!((op - 0xc0) as usize) = v;
                        continue;
                    }
                    let v = *local!((op - 0xb0) as usize);
                    if !v.is_null() {
                        push!(v);
                        continue;
                    }
                }
                // SAFETY: f is live.
                unsafe {
                    (*f).op_ip = op_ip as u32;
                    (*f).ip = ip as u32;
                    (*f).sp = sp as u32;
                }
                match op {
                    LOAD_CONST_STRING => {
                        let q = read_vuint(bc, &mut ip);
                        push!(self.qstr(code, q));
                    }
                    LOAD_NAME => {
                        let name = self.qstr(code, read_vuint(bc, &mut ip));
                        // SAFETY: f is live.
                        let locals = unsafe { (*f).locals };
                        let mut v = if locals.is_null() {
                            None
                        } else {
                            tri!(ops::map_get_str(self, locals, name))
                        };
                        if v.is_none() {
                            // SAFETY: f is live.
                            v = dict::get_str(unsafe { (*f).globals }, name);
                        }
                        let v = match v {
                            Some(v) => v,
                            None => tri!(self.load_builtin(name)),
                        };
                        push!(v);
                    }
                    LOAD_GLOBAL => {
                        let name = self.qstr(code, read_vuint(bc, &mut ip));
                        // `LOAD_GLOBAL BaseException` right before an exception match is the
                        // builtin, whatever the globals hold: `async with` tells exceptions
                        // from return/unwind markers this way, and the verifier relies on it.
                        if bc.get(ip) == Some(&(BINARY_OP_MULTI + 8))
                            && is_base_exception_name(name)
                        {
                            push!(Value::from_static(&BASE_EXCEPTION_TYPE));
                            continue;
                        }
                        // SAFETY: f is live.
                        if let Some(v) = self.load_global_cached(unsafe { (*f).globals }, name) {
                            push!(v);
                            continue;
                        }
                        // SAFETY: f is live.
                        let v = match dict::get_str(unsafe { (*f).globals }, name) {
                            Some(v) => v,
                            None => tri!(self.load_builtin(name)),
                        };
                        push!(v);
                    }
                    LOAD_ATTR => {
                        let name = self.qstr(code, read_vuint(bc, &mut ip));
                        let o = peek!(0);
                        if let Some(v) = self.load_attr_cached(o, name) {
                            set_top!(v);
                            continue;
                        }
                        if ops::is_user_object(o) {
                            // Properties and __getattr__ run in frames (vm/stackless.rs).
                            sync!();
                            tri!(self.op_load_attr(o, name));
                            continue 'frame;
                        }
                        let v = tri!(ops::getattr(self, o, name));
                        set_top!(v);
                    }
                    LOAD_METHOD => {
                        let name = self.qstr(code, read_vuint(bc, &mut ip));
                        let o = peek!(0);
                        if let Some((m, s)) = self.load_method_cached(o, name) {
                            set_top!(m);
                            push!(s);
                            continue;
                        }
                        if ops::is_user_object(o) {
                            sync!();
                            tri!(self.op_load_method(o, name));
                            continue 'frame;
                        }
                        let (m, s) = tri!(ops::load_method(self, o, name));
                        set_top!(m);
                        push!(s);
                    }
                    LOAD_SUPER_METHOD => {
                        let name = self.qstr(code, read_vuint(bc, &mut ip));
                        let self_ = peek!(0);
                        let cls = peek!(1);
                        let (m, s) = tri!(ops::super_method(self, cls, self_, name));
                        sp -= 1;
                        set_top!(s);
                        *slot!(sp - 2) = m;
                    }
                    STORE_NAME => {
                        let name = self.qstr(code, read_vuint(bc, &mut ip));
                        let v = peek!(0);
                        // SAFETY: f is live.
                        let (locals, globals) = unsafe { ((*f).locals, (*f).globals) };
                        let d = if locals.is_null() { globals } else { locals };
                        tri!(ops::map_set(self, d, name, v));
                        sp -= 1;
                    }
                    STORE_GLOBAL => {
                        let name = self.qstr(code, read_vuint(bc, &mut ip));
                        let v = peek!(0);
                        // SAFETY: f is live.
                        if self.store_global_cached(unsafe { (*f).globals }, name, v) {
                            sp -= 1;
                            continue;
                        }
                        // SAFETY: f is live.
                        tri!(dict::set(self, unsafe { (*f).globals }, name, v));
                        sp -= 1;
                    }
                    STORE_ATTR => {
                        let name = self.qstr(code, read_vuint(bc, &mut ip));
                        let o = peek!(0);
                        let v = peek!(1);
                        if !v.is_null() && tri!(self.store_attr_cached(o, name, v)) {
                            sp -= 2;
                            continue;
                        }
                        if !v.is_null() && ops::is_user_object(o) {
                            sync!();
                            if tri!(self.op_store_attr(o, name, v)) {
                                continue 'frame;
                            }
                        }
                        if v.is_null() {
                            tri!(ops::delattr(self, o, name));
                        } else {
                            tri!(ops::setattr(self, o, name, v));
                        }
                        sp -= 2;
                    }
                    DELETE_NAME | DELETE_GLOBAL => {
                        let name = self.qstr(code, read_vuint(bc, &mut ip));
                        // SAFETY: f is live.
                        let (locals, globals) = unsafe { ((*f).locals, (*f).globals) };
                        let d = if op == DELETE_NAME && !locals.is_null() {
                            locals
                        } else {
                            globals
                        };
                        if tri!(ops::map_del(self, d, name)).is_none() {
                            raise_now!(self.name_error(name));
                        }
                    }
                    IMPORT_NAME => {
                        let name = self.qstr(code, read_vuint(bc, &mut ip));
                        let fromlist = peek!(0);
                        let level = peek!(1);
                        // SAFETY: f is live.
                        let globals = unsafe { (*f).globals };
                        let m = tri!(super::import::import_name(
                            self, name, fromlist, level, globals
                        ));
                        sp -= 1;
                        set_top!(m);
                    }
                    IMPORT_FROM => {
                        let name = self.qstr(code, read_vuint(bc, &mut ip));
                        let m = peek!(0);
                        let v = tri!(super::import::import_from(self, m, name));
                        push!(v);
                    }
                    IMPORT_STAR => {
                        let m = peek!(0);
                        // SAFETY: f is live.
                        let (locals, globals) = unsafe { ((*f).locals, (*f).globals) };
                        let d = if locals.is_null() { globals } else { locals };
                        tri!(super::import::import_star(self, m, d));
                        sp -= 1;
                    }
                    LOAD_CONST_SMALL_INT => {
                        let i = read_signed_vuint(bc, &mut ip);
                        push!(tri!(crate::obj::int::from_i128(self, i as i128)));
                    }
                    LOAD_CONST_OBJ => {
                        let i = read_vuint(bc, &mut ip);
                        // SAFETY: the code's ctx is a live module context.
                        let ctx = unsafe { &*(code.ctx.raw() as *const ModuleCtxObj) };
                        let v = tuple::items_of(ctx.consts)
                            .and_then(|t| t.get(i).copied())
                            .unwrap_or(Value::NONE);
                        push!(v);
                    }
                    LOAD_FAST_N => {
                        let i = read_vuint(bc, &mut ip);
                        let v = *local!(i);
                        if v.is_null() {
                            raise_now!(self.unbound_local());
                        }
                        push!(v);
                    }
                    LOAD_DEREF => {
                        let i = read_vuint(bc, &mut ip);
                        let c = *local!(i);
                        let v = cell_get(c);
                        if v.is_null() {
                            raise_now!(self.unbound_local());
                        }
                        push!(v);
                    }
                    STORE_FAST_N => {
                        let i = read_vuint(bc, &mut ip);
                        *local!(i) = pop!();
                    }
                    STORE_DEREF => {
                        let i = read_vuint(bc, &mut ip);
                        let v = pop!();
                        crate::gc::write_barrier(self, v);
                        cell_set(*local!(i), v);
                    }
                    DELETE_FAST => {
                        let i = read_vuint(bc, &mut ip);
                        if local!(i).is_null() {
                            raise_now!(self.unbound_local());
                        }
                        *local!(i) = Value::NULL;
                    }
                    DELETE_DEREF => {
                        let i = read_vuint(bc, &mut ip);
                        let c = *local!(i);
                        if cell_get(c).is_null() {
                            raise_now!(self.unbound_local());
                        }
                        cell_set(c, Value::NULL);
                    }
                    BUILD_TUPLE => {
                        let n = read_vuint(bc, &mut ip);
                        // SAFETY: the n items are the top n stack slots.
                        let items = unsafe { core::slice::from_raw_parts(state.add(sp - n), n) };
                        let t = tri!(tuple::new(self, items));
                        sp -= n;
                        push!(t);
                    }
                    BUILD_LIST => {
                        let n = read_vuint(bc, &mut ip);
                        // SAFETY: as BUILD_TUPLE.
                        let items = unsafe { core::slice::from_raw_parts(state.add(sp - n), n) };
                        let l = tri!(list::new(self, items));
                        sp -= n;
                        push!(l);
                    }
                    BUILD_MAP => {
                        let n = read_vuint(bc, &mut ip);
                        let d = tri!(dict::with_capacity(self, n));
                        push!(d);
                    }
                    BUILD_SET => {
                        let n = read_vuint(bc, &mut ip);
                        let s = tri!(set::new(self));
                        let mark = self.roots_mark();
                        tri!(self.root(s));
                        for k in 0..n {
                            let v = *slot!(sp - n + k);
                            tri!(set::add(self, s, v));
                        }
                        self.roots_truncate(mark);
                        sp -= n;
                        push!(s);
                    }
                    BUILD_SLICE => {
                        let n = read_vuint(bc, &mut ip);
                        let step = if n == 3 { peek!(0) } else { Value::NONE };
                        let stop = peek!(if n == 3 { 1 } else { 0 });
                        let start = peek!(if n == 3 { 2 } else { 1 });
                        // `seq[a:b:c]` of a list or tuple: no slice object (the pair
                        // BUILD_SLICE, LOAD_SUBSCR run as one instruction).
                        if cfg!(feature = "vm-fast") && bc.get(ip) == Some(&LOAD_SUBSCR) {
                            let o = peek!(n);
                            let ty = obj::type_of(o);
                            if core::ptr::eq(ty, &LIST_TYPE) || core::ptr::eq(ty, &TUPLE_TYPE) {
                                let v = tri!(super::seq::slice_seq(self, o, start, stop, step));
                                ip += 1;
                                sp -= n;
                                set_top!(v);
                                continue;
                            }
                        }
                        let s = tri!(obj::slice::new(self, start, stop, step));
                        sp -= n;
                        push!(s);
                    }
                    STORE_COMP => {
                        let x = read_vuint(bc, &mut ip);
                        let k = x >> 2;
                        let coll = *slot!(sp - 1 - k);
                        // The verifier proves the slot exists, not what it holds (a forged
                        // .mpy may name any value): check the layout the store assumes.
                        let want = [Kind::List, Kind::Dict, Kind::Set, Kind::Set][x & 3];
                        if obj::kind_of(coll) != want {
                            raise_now!(self.bad_bytecode());
                        }
                        match x & 3 {
                            0 => {
                                let v = peek!(0);
                                tri!(list::append(self, coll, v));
                                sp -= 1;
                            }
                            1 => {
                                let key = peek!(0);
                                let v = peek!(1);
                                tri!(dict::set(self, coll, key, v));
                                sp -= 2;
                            }
                            _ => {
                                let v = peek!(0);
                                tri!(set::add(self, coll, v));
                                sp -= 1;
                            }
                        }
                    }
                    UNPACK_SEQUENCE => {
                        let n = read_vuint(bc, &mut ip);
                        let seq = peek!(0);
                        // An exact tuple or list of the right length: straight onto the stack.
                        if let Some(items) = exact_seq_items(seq).filter(|v| v.len() == n) {
                            sp -= 1;
                            for &v in items.iter().rev() {
                                push!(v);
                            }
                            continue;
                        }
                        tri!(ops::unpack_sequence(self, seq, n, f, sp - 1));
                        sp += n;
                        sp -= 1;
                    }
                    UNPACK_EX => {
                        let x = read_vuint(bc, &mut ip);
                        let (left, right) = (x & 0xff, (x >> 8) & 0xff);
                        let seq = peek!(0);
                        tri!(ops::unpack_ex(self, seq, left, right, f, sp - 1));
                        sp += left + right + 1;
                        sp -= 1;
                    }
                    MAKE_FUNCTION | MAKE_FUNCTION_DEFARGS | MAKE_CLOSURE | MAKE_CLOSURE_DEFARGS => {
                        let child = read_vuint(bc, &mut ip);
                        let n_cells = if op == MAKE_CLOSURE || op == MAKE_CLOSURE_DEFARGS {
                            let n = bc.get(ip).copied().unwrap_or(0) as usize;
                            ip += 1;
                            n
                        } else {
                            0
                        };
                        let with_defs = op == MAKE_FUNCTION_DEFARGS || op == MAKE_CLOSURE_DEFARGS;
                        let n_pop = n_cells + if with_defs { 2 } else { 0 };
                        let Some(child_code) =
                            tuple::items_of(code.children).and_then(|c| c.get(child).copied())
                        else {
                            raise_now!(self.runtime_error("bad child index"));
                        };
                        // SAFETY: the n_pop operands are the top stack slots.
                        let ops_slice =
                            unsafe { core::slice::from_raw_parts(state.add(sp - n_pop), n_pop) };
                        let (defs, kwdefs) = if with_defs {
                            (ops_slice[0], ops_slice[1])
                        } else {
                            (Value::NULL, Value::NULL)
                        };
                        let cells = &ops_slice[n_pop - n_cells..];
                        // SAFETY: f is live.
                        let globals = unsafe { (*f).globals };
                        let func =
                            tri!(self.make_function(child_code, globals, defs, kwdefs, cells));
                        sp -= n_pop;
                        push!(func);
                    }
                    CALL_FUNCTION | CALL_METHOD | CALL_FUNCTION_VAR_KW | CALL_METHOD_VAR_KW => {
                        let x = read_vuint(bc, &mut ip);
                        let (n_pos, n_kw) = (x & 0xff, (x >> 8) & 0xff);
                        let is_method = op == CALL_METHOD || op == CALL_METHOD_VAR_KW;
                        let var = op == CALL_FUNCTION_VAR_KW || op == CALL_METHOD_VAR_KW;
                        let n_args_slots =
                            n_pos + 2 * n_kw + usize::from(var) + usize::from(is_method);
                        let base = sp - n_args_slots - 1;
                        sync!();
                        self.gc_safepoint();
                        let r = if var {
                            self.call_var_kw(f, base, is_method, n_pos, n_kw)
                        } else {
                            self.call_from_stack(f, base, is_method, n_pos, n_kw)
                        };
                        match tri!(r) {
                            Called::Value(v) => {
                                sp = base;
                                push!(v);
                            }
                            Called::Frame => {
                                // SAFETY: f is live (the caller, below the new frame).
                                unsafe { (*f).sp = base as u32 };
                                continue 'frame;
                            }
                        }
                    }
                    UNWIND_JUMP => {
                        let dest = read_jump(bc, &mut ip, true);
                        let u = bc.get(ip).copied().unwrap_or(0) as usize;
                        ip += 1;
                        push!(Value::small_int_unchecked(dest as isize));
                        // Unwind `u` records (see MPY_FORMAT.md 7.4).
                        match self.unwind_jump(f, &mut sp, u, &mut ip) {
                            Ok(()) => {}
                            Err(_) => raise_now!(()),
                        }
                        safepoint!();
                    }
                    JUMP => {
                        let t = read_jump(bc, &mut ip, true);
                        let back = t < ip;
                        ip = t;
                        if back {
                            safepoint!();
                        }
                    }
                    POP_JUMP_IF_TRUE | POP_JUMP_IF_FALSE => {
                        let t = read_jump(bc, &mut ip, true);
                        let v = peek!(0);
                        let b = match v.as_bool() {
                            Some(b) => b,
                            None => {
                                if ops::is_user_object(v) {
                                    sync!();
                                    let mode = truth::POP_JUMP
                                        | if op == POP_JUMP_IF_TRUE {
                                            truth::SENSE
                                        } else {
                                            0
                                        };
                                    if tri!(self.truth_call(v, mode, t)) {
                                        continue 'frame;
                                    }
                                }
                                tri!(ops::truthy(self, v))
                            }
                        };
                        sp -= 1;
                        if b == (op == POP_JUMP_IF_TRUE) {
                            let back = t < ip;
                            ip = t;
                            if back {
                                safepoint!();
                            }
                        }
                    }
                    JUMP_IF_TRUE_OR_POP | JUMP_IF_FALSE_OR_POP => {
                        let t = read_jump(bc, &mut ip, false);
                        let v = peek!(0);
                        if ops::is_user_object(v) {
                            sync!();
                            let mode = truth::JUMP_OR_POP
                                | if op == JUMP_IF_TRUE_OR_POP {
                                    truth::SENSE
                                } else {
                                    0
                                };
                            if tri!(self.truth_call(v, mode, t)) {
                                continue 'frame;
                            }
                        }
                        let b = tri!(ops::truthy(self, v));
                        if b == (op == JUMP_IF_TRUE_OR_POP) {
                            ip = t;
                        } else {
                            sp -= 1;
                        }
                    }
                    SETUP_WITH => {
                        let handler = read_jump(bc, &mut ip, false);
                        let mgr = peek!(0);
                        let (exit, exit_self) = tri!(ops::load_method(
                            self,
                            mgr,
                            crate::qstrs::q::__exit__.value()
                        ));
                        // Stack: (..., exit, exit_self) then the record, then r. `exit` may
                        // be a fresh bound method: store it before loading `__enter__`
                        // allocates, and keep `mgr` rooted meanwhile.
                        set_top!(exit);
                        push!(if exit_self.is_null() {
                            Value::NONE
                        } else {
                            exit_self
                        });
                        sync!();
                        let mark = self.roots_mark();
                        let loaded = self.root(mgr).and_then(|_| {
                            ops::load_method(self, mgr, crate::qstrs::q::__enter__.value())
                        });
                        self.roots_truncate(mark);
                        let (enter, enter_self) = tri!(loaded);
                        let saved = sp;
                        sync!();
                        if tri!(self.op_enter(enter, enter_self, handler)) {
                            continue 'frame;
                        }
                        let r = if enter_self.is_null() {
                            self.call(enter, &[], &[])
                        } else {
                            self.call(enter, &[enter_self], &[])
                        };
                        let r = tri!(r);
                        self.push_record(f, handler, saved, true);
                        push!(r);
                    }
                    SETUP_EXCEPT | SETUP_FINALLY => {
                        let handler = read_jump(bc, &mut ip, false);
                        self.push_record(f, handler, sp, op == SETUP_FINALLY);
                    }
                    POP_EXCEPT_JUMP => {
                        let t = read_jump(bc, &mut ip, false);
                        // SAFETY: f is live.
                        unsafe {
                            if (*f).exc_sp > 0 {
                                (*f).exc_sp -= 1;
                            }
                        }
                        ip = t;
                    }
                    FOR_ITER => {
                        let exit = read_jump(bc, &mut ip, false);
                        let it = *slot!(sp - 3);
                        if let Some(cur) = it.as_small_int() {
                            // A range in the slots: (current, stop, step).
                            let stop = slot!(sp - 2).as_small_int().unwrap_or(cur);
                            let step = slot!(sp - 1).as_small_int().unwrap_or(1);
                            if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                                // Past the small-int range the next value is past `stop`.
                                let next = cur
                                    .checked_add(step)
                                    .and_then(Value::small_int)
                                    .unwrap_or(Value::small_int_unchecked(stop));
                                *slot!(sp - 3) = next;
                                push!(Value::small_int_unchecked(cur));
                            } else {
                                sp -= 4;
                                ip = exit;
                            }
                            continue;
                        }
                        if let Some(i) = slot!(sp - 2).as_small_int() {
                            // A list or tuple in the slots: (sequence, index, NULL).
                            let items = match obj::kind_of(it) {
                                Kind::List => list::items_of(it),
                                _ => tuple::items_of(it),
                            };
                            match items.and_then(|v| v.get(i as usize)) {
                                Some(&v) => {
                                    *slot!(sp - 2) = Value::small_int_unchecked(i + 1);
                                    push!(v);
                                }
                                None => {
                                    sp -= 4;
                                    ip = exit;
                                }
                            }
                            continue;
                        }
                        if obj::is::<GenObj>(it) {
                            // Resume the generator in this loop (no Rust recursion).
                            sync!();
                            match tri!(self.gen_enter(it, Value::NONE, false, Cont::ForIter)) {
                                Enter::Entered => continue 'frame,
                                Enter::Done(_) => {
                                    sp -= 4;
                                    ip = exit;
                                    continue;
                                }
                            }
                        }
                        if ops::is_user_object(it) {
                            sync!();
                            if tri!(self.op_for_next(it, exit)) {
                                continue 'frame;
                            }
                        }
                        let r = ops::iter_next(self, it);
                        match r {
                            Ok(Some(v)) => push!(v),
                            Ok(None) => {
                                sp -= 4;
                                ip = exit;
                            }
                            Err(e) => {
                                if obj::isinstance(self.exc, &STOP_ITERATION_TYPE) {
                                    self.exc = Value::NULL;
                                    sp -= 4;
                                    ip = exit;
                                } else {
                                    raise_now!(e);
                                }
                            }
                        }
                    }
                    LOAD_CONST_FALSE => push!(Value::FALSE),
                    LOAD_CONST_NONE => push!(Value::NONE),
                    LOAD_CONST_TRUE => push!(Value::TRUE),
                    LOAD_NULL => push!(Value::NULL),
                    LOAD_BUILD_CLASS => push!(Value::from_static(&crate::builtins::BUILD_CLASS)),
                    LOAD_SUBSCR => {
                        let i = peek!(0);
                        let o = peek!(1);
                        // A list or tuple indexed by a small int in range.
                        if let Some(v) = index_fast(o, i) {
                            sp -= 1;
                            set_top!(v);
                            continue;
                        }
                        if ops::is_user_object(o) {
                            sync!();
                            if tri!(self.op_load_subscr(o, i)) {
                                continue 'frame;
                            }
                        }
                        let v = tri!(ops::getitem(self, o, i));
                        sp -= 1;
                        set_top!(v);
                    }
                    STORE_SUBSCR => {
                        let i = peek!(0);
                        let o = peek!(1);
                        let v = peek!(2);
                        // A list item by a small int in range.
                        if !v.is_null() {
                            if let Some(slot) = list_slot_fast(o, i) {
                                crate::gc::write_barrier(self, v);
                                // SAFETY: list_slot_fast gave an item slot of a live list.
                                unsafe { *slot = v };
                                sp -= 3;
                                continue;
                            }
                        }
                        if ops::is_user_object(o) {
                            sync!();
                            if tri!(self.op_store_subscr(o, i, v)) {
                                continue 'frame;
                            }
                        }
                        if v.is_null() {
                            tri!(ops::delitem(self, o, i));
                        } else {
                            tri!(ops::setitem(self, o, i, v));
                        }
                        sp -= 3;
                    }
                    DUP_TOP => {
                        let v = peek!(0);
                        push!(v);
                    }
                    DUP_TOP_TWO => {
                        let (a, b) = (peek!(1), peek!(0));
                        push!(a);
                        push!(b);
                    }
                    POP_TOP => sp -= 1,
                    ROT_TWO => {
                        let (a, b) = (peek!(1), peek!(0));
                        *slot!(sp - 1) = a;
                        *slot!(sp - 2) = b;
                    }
                    ROT_THREE => {
                        let (a, b, c) = (peek!(2), peek!(1), peek!(0));
                        *slot!(sp - 3) = c;
                        *slot!(sp - 2) = a;
                        *slot!(sp - 1) = b;
                    }
                    WITH_CLEANUP => {
                        sync!();
                        if tri!(self.op_with_cleanup()) {
                            continue 'frame;
                        }
                        let top = peek!(0);
                        if top.is_none() || top.is_small_int() {
                            // Normal exit or a return/unwind in progress.
                            let k = if top.is_none() { 0 } else { 1 };
                            let exit_self = *slot!(sp - 2 - k);
                            let exit = *slot!(sp - 3 - k);
                            let r = self.call_exit(
                                exit,
                                exit_self,
                                &[Value::NONE, Value::NONE, Value::NONE],
                            );
                            tri!(r);
                            // Remove exit and its self, keep the marker(s).
                            if k == 0 {
                                *slot!(sp - 3) = Value::NONE;
                                sp -= 2;
                            } else {
                                let (x, u) = (peek!(1), peek!(0));
                                *slot!(sp - 4) = x;
                                *slot!(sp - 3) = u;
                                sp -= 2;
                            }
                        } else {
                            let exc = top;
                            let exit_self = *slot!(sp - 2);
                            let exit = *slot!(sp - 3);
                            let ty = Value::from_ptr(obj::type_of(exc));
                            let r = tri!(self.call_exit(exit, exit_self, &[ty, exc, Value::NONE]));
                            let swallow = tri!(ops::truthy(self, r));
                            *slot!(sp - 3) = if swallow { Value::NONE } else { exc };
                            sp -= 2;
                        }
                    }
                    END_FINALLY => {
                        // SAFETY: f is live.
                        unsafe {
                            if (*f).exc_sp > 0 {
                                (*f).exc_sp -= 1;
                            }
                        }
                        let x = pop!();
                        if x.is_none() || x.is_null() {
                            // Completed normally.
                        } else if let Some(u) = x.as_small_int() {
                            if u < 0 {
                                // A return in progress: the value is beneath.
                                let v = pop!();
                                if let Some(v) = self.do_return(f, &mut sp, &mut ip, v) {
                                    // The frame returns v.
                                    sync!();
                                    match self.finish_frame(f, v) {
                                        Ok(Some(exit)) => return Ok(exit),
                                        Ok(None) => continue 'frame,
                                        Err(_) => {
                                            throwing = true;
                                            reraise = false;
                                            continue 'frame;
                                        }
                                    }
                                }
                            } else {
                                match self.unwind_jump(f, &mut sp, u as usize, &mut ip) {
                                    Ok(()) => {}
                                    Err(_) => raise_now!(()),
                                }
                            }
                        } else {
                            // Re-raise the exception (no new traceback entry).
                            self.exc = x;
                            sync!();
                            reraise = true;
                            throwing = true;
                            continue 'frame;
                        }
                    }
                    GET_ITER => {
                        let o = peek!(0);
                        // `await x` compiles to GET_ITER LOAD_CONST_NONE YIELD_FROM: an object
                        // with only `__await__` is awaited through it (CPython semantics).
                        let awaiting = bc.get(ip..ip + 2) == Some(&[LOAD_CONST_NONE, YIELD_FROM]);
                        if !awaiting && ops::is_user_object(o) {
                            sync!();
                            if tri!(self.op_get_iter(o, false)) {
                                continue 'frame;
                            }
                        }
                        let it = match awaiting {
                            true => match tri!(self.await_iter(o)) {
                                Some(it) => it,
                                None => tri!(ops::get_iter(self, o)),
                            },
                            false => tri!(ops::get_iter(self, o)),
                        };
                        set_top!(it);
                    }
                    GET_ITER_STACK => {
                        let o = peek!(0);
                        if ops::is_user_object(o) {
                            sync!();
                            if tri!(self.op_get_iter(o, true)) {
                                continue 'frame;
                            }
                        }
                        // Ranges, lists and tuples iterate in the four stack slots without an
                        // iterator object (see `stack_iter`).
                        if let Some((a, b, c)) = stack_iter(o) {
                            set_top!(Value::NULL);
                            push!(a);
                            push!(b);
                            push!(c);
                            continue;
                        }
                        let it = tri!(ops::get_iter(self, o));
                        set_top!(Value::NULL);
                        push!(it);
                        push!(Value::NULL);
                        push!(Value::NULL);
                    }
                    STORE_MAP => {
                        let k = peek!(0);
                        let v = peek!(1);
                        let d = peek!(2);
                        if obj::kind_of(d) != Kind::Dict {
                            raise_now!(self.bad_bytecode());
                        }
                        tri!(dict::set(self, d, k, v));
                        sp -= 2;
                    }
                    RETURN_VALUE => {
                        let v = pop!();
                        if let Some(v) = self.do_return(f, &mut sp, &mut ip, v) {
                            sync!();
                            match self.finish_frame(f, v) {
                                Ok(Some(exit)) => return Ok(exit),
                                Ok(None) => continue 'frame,
                                Err(_) => {
                                    throwing = true;
                                    reraise = false;
                                    continue 'frame;
                                }
                            }
                        }
                        // A finally handler runs first; `ip` now points at it.
                    }
                    RAISE_LAST => {
                        // SAFETY: f is live; records follow the state.
                        let recs = unsafe { (*f).records() };
                        // SAFETY: f is live.
                        let esp = unsafe { (*f).exc_sp } as usize;
                        let mut e = Value::NULL;
                        for k in (0..esp).rev() {
                            // SAFETY: k < exc_sp.
                            let pe = unsafe { (*recs.add(k)).prev_exc };
                            if !pe.is_null() {
                                e = pe;
                                break;
                            }
                        }
                        if e.is_null() {
                            raise_now!(self.runtime_error("no active exception to reraise"));
                        }
                        self.exc = e;
                        sync!();
                        reraise = true;
                        throwing = true;
                        continue 'frame;
                    }
                    RAISE_OBJ | RAISE_FROM => {
                        let (e, cause) = if op == RAISE_FROM {
                            (peek!(1), peek!(0))
                        } else {
                            (peek!(0), Value::NULL)
                        };
                        let exc = tri!(ops::make_raise_obj(self, e));
                        if op == RAISE_FROM {
                            tri!(self.set_cause(exc, cause));
                        }
                        self.exc = exc;
                        sync!();
                        reraise = false;
                        throwing = true;
                        continue 'frame;
                    }
                    YIELD_VALUE => {
                        let v = peek!(0);
                        sync!();
                        match self.gen_yield(f, v) {
                            Some(exit) => return Ok(exit),
                            None => continue 'frame,
                        }
                    }
                    YIELD_FROM => {
                        let send = peek!(0);
                        let it = peek!(1);
                        if obj::is::<GenObj>(it) {
                            // Resume the inner generator in this loop; what it yields, this
                            // generator yields (see vm/gen.rs).
                            sync!();
                            match tri!(self.gen_enter(it, send, false, Cont::YieldFrom)) {
                                Enter::Entered => continue 'frame,
                                Enter::Done(r) => {
                                    sp -= 1;
                                    set_top!(r);
                                    continue;
                                }
                            }
                        }
                        match tri!(self.yield_from_step(it, send)) {
                            (v, false) => {
                                // The inner iterator yielded: yield it, and come back here.
                                sp -= 1;
                                set_top!(it);
                                push!(v);
                                ip = op_ip;
                                sync!();
                                match self.gen_yield(f, v) {
                                    Some(exit) => return Ok(exit),
                                    None => continue 'frame,
                                }
                            }
                            (r, true) => {
                                sp -= 1;
                                set_top!(r);
                            }
                        }
                    }
                    0x70..=0xaf => push!(Value::small_int_unchecked(op as isize - 0x80)),
                    0xb0..=0xbf => {
                        let v = *local!((op - 0xb0) as usize);
                        if v.is_null() {
                            raise_now!(self.unbound_local());
                        }
                        push!(v);
                    }
                    0xc0..=0xcf => {
                        let v = pop!();
                        *local!((op - 0xc0) as usize) = v;
                    }
                    0xd0..=0xd3 => {
                        let a = peek!(0);
                        if ops::is_user_object(a) {
                            sync!();
                            if tri!(self.op_unary(UNARY_OPS[(op - 0xd0) as usize], a)) {
                                continue 'frame;
                            }
                        }
                        let r = tri!(ops::unary(self, UNARY_OPS[(op - 0xd0) as usize], a));
                        set_top!(r);
                    }
                    0xd7..=0xf9 => {
                        let b = peek!(0);
                        let a = peek!(1);
                        let bop = BinaryOp::from_u8(op - 0xd7).unwrap_or(BinaryOp::Add);
                        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                            if let Some(v) = ops::small_int_binop(bop, x, y) {
                                sp -= 1;
                                set_top!(v);
                                continue;
                            }
                        }
                        if ops::is_user_object(a) || ops::is_user_object(b) {
                            // Special methods of Python classes run in frames.
                            sync!();
                            if tri!(self.op_binary(bop, a, b)) {
                                continue 'frame;
                            }
                        }
                        let r = match (a.as_small_int(), b.as_small_int()) {
                            (Some(x), Some(y)) => match ops::small_int_binop(bop, x, y) {
                                Some(v) => v,
                                None => tri!(ops::binary(self, bop, a, b)),
                            },
                            _ => match super::num::float_fast(self, bop, a, b) {
                                Some(r) => tri!(r),
                                None => tri!(ops::binary(self, bop, a, b)),
                            },
                        };
                        sp -= 1;
                        set_top!(r);
                    }
                    _ => {
                        raise_now!(self.raise_msg(&NOT_IMPLEMENTED_ERROR_TYPE, "opcode"));
                    }
                }
            }
        }
    }

    pub(crate) fn push_record(
        &mut self,
        f: *mut Frame,
        handler: usize,
        saved_sp: usize,
        is_finally: bool,
    ) {
        // SAFETY: f is live; the verifier bounds exc_sp by n_exc.
        unsafe {
            let fr = &mut *f;
            let i = fr.exc_sp as usize;
            if i < fr.n_exc as usize {
                *fr.records().add(i) = ExcRecord {
                    handler: handler as u32,
                    saved_sp: saved_sp as u32,
                    is_finally: is_finally as u32,
                    prev_exc: Value::NULL,
                };
                fr.exc_sp += 1;
            }
        }
    }

    /// Start returning `v` from frame `f`, running pending finally handlers first
    /// (MPY_FORMAT.md 7.5). Returns `Some(v)` when the frame can return now, or `None` when a
    /// finally handler was entered (ip/sp updated).
    fn do_return(
        &mut self,
        f: *mut Frame,
        sp: &mut usize,
        ip: &mut usize,
        v: Value,
    ) -> Option<Value> {
        // SAFETY: f is live.
        let fr = unsafe { &mut *f };
        let recs = fr.records();
        let state = fr.state();
        while fr.exc_sp > 0 {
            // SAFETY: exc_sp - 1 < n_exc.
            let rec = unsafe { *recs.add(fr.exc_sp as usize - 1) };
            let active = (rec.handler as usize) <= fr.op_ip as usize;
            if rec.is_finally != 0 && !active {
                let base = rec.saved_sp as usize;
                // SAFETY: base + 1 < n_state (the compiler budgets these slots).
                unsafe {
                    *state.add(base) = v;
                    *state.add(base + 1) = Value::small_int_unchecked(-1);
                }
                *sp = base + 2;
                *ip = rec.handler as usize;
                return None;
            }
            fr.exc_sp -= 1;
        }
        Some(v)
    }

    /// Continue a break/continue across handlers (MPY_FORMAT.md 7.4). The stack holds
    /// `(..., dest)`; `u` is the remaining count with the 0x80 pop-iterator flag.
    fn unwind_jump(
        &mut self,
        f: *mut Frame,
        sp: &mut usize,
        mut u: usize,
        ip: &mut usize,
    ) -> PyResult<()> {
        // SAFETY: f is live.
        let fr = unsafe { &mut *f };
        let recs = fr.records();
        let state = fr.state();
        while u & 0x7f > 0 {
            u -= 1;
            if fr.exc_sp == 0 {
                break;
            }
            // SAFETY: exc_sp - 1 < n_exc.
            let rec = unsafe { *recs.add(fr.exc_sp as usize - 1) };
            let active = (rec.handler as usize) <= fr.op_ip as usize;
            if rec.is_finally != 0 && !active {
                // Run the finally with (dest, u) on its stack.
                // SAFETY: sp >= 1 (dest is on the stack); slots within n_state.
                unsafe {
                    let dest = *state.add(*sp - 1);
                    let base = rec.saved_sp as usize;
                    *state.add(base) = dest;
                    *state.add(base + 1) = Value::small_int_unchecked(u as isize);
                    *sp = base + 2;
                }
                *ip = rec.handler as usize;
                return Ok(());
            }
            if rec.is_finally != 0 && active {
                // Cancel the finally we are in: drop the state it was entered with, which
                // sits just below dest.
                // SAFETY: the stack holds dest above the finally's entry state.
                unsafe {
                    let dest = *state.add(*sp - 1);
                    let below = *state.add(*sp - 2);
                    if below.is_small_int() {
                        *sp -= 2;
                    } else {
                        *sp -= 1;
                    }
                    *state.add(*sp - 1) = dest;
                }
            }
            fr.exc_sp -= 1;
        }
        // SAFETY: dest is on top.
        let dest = unsafe { *state.add(*sp - 1) };
        *sp -= 1;
        if u & 0x80 != 0 {
            *sp -= 4;
        }
        *ip = dest.as_small_int().unwrap_or(0) as usize;
        Ok(())
    }

    /// Frame `f` returns `v`: pop it and hand `v` on per its continuation. `Some(exit)` ends
    /// this run; `None` continues with the caller. `Err` raises in the caller.
    fn finish_frame(&mut self, f: *mut Frame, v: Value) -> PyResult<Option<Exit>> {
        if super::gen::frame_gen(f).is_some() {
            return self.gen_finish(f, v);
        }
        // SAFETY: f is live.
        let (cont, prev, cont_val) = unsafe { ((*f).cont, (*f).prev, (*f).cont_val) };
        self.unlink_frame(f);
        self.free_frame(f);
        match cont {
            Cont::Native => Ok(Some(Exit::Return(v))),
            Cont::Push | Cont::Init => {
                let v = if cont == Cont::Init {
                    if !v.is_none() {
                        return Err(super::class::init_returned(self, v));
                    }
                    cont_val
                } else {
                    v
                };
                // SAFETY: prev is the live caller frame; its sp was set to the call's base.
                unsafe {
                    let p = &mut *prev;
                    let sp = p.sp as usize;
                    *p.state().add(sp) = v;
                    p.sp += 1;
                }
                Ok(None)
            }
            _ => {
                self.apply_cont(prev, cont, cont_val, v)?;
                Ok(None)
            }
        }
    }

    fn add_frame_traceback(&mut self, f: *mut Frame, code: &CodeObj, exc: Value, op_ip: usize) {
        // SAFETY: the code's ctx is a live module context.
        let ctx = unsafe { &*(code.ctx.raw() as *const ModuleCtxObj) };
        let file = tuple::items_of(ctx.qstrs)
            .and_then(|t| t.first().copied())
            .unwrap_or(Value::NONE);
        let line = code.line_for(op_ip.saturating_sub(code.ip0 as usize));
        let name = code.name;
        let _ = f;
        exception::add_traceback(self, exc, file, line, name);
    }

    fn unbound_local(&mut self) -> super::Raised {
        self.raise_msg(
            &NAME_ERROR_TYPE,
            "local variable referenced before assignment",
        )
    }

    /// `NameError: name 'x' isn't defined`.
    pub(crate) fn name_error(&mut self, name: Value) -> super::Raised {
        let n = pystr::str_of(name).unwrap_or("?");
        self.raise_fmt(&NAME_ERROR_TYPE, format_args!("name '{n}' isn't defined"))
    }

    /// Look a name up in the builtins.
    pub(crate) fn load_builtin(&mut self, name: Value) -> PyResult<Value> {
        match crate::builtins::lookup(self, name) {
            Some(v) => Ok(v),
            None => Err(self.name_error(name)),
        }
    }

    /// Make a function object for a child code.
    pub(crate) fn make_function(
        &mut self,
        code: Value,
        globals: Value,
        defs: Value,
        kwdefs: Value,
        cells: &[Value],
    ) -> PyResult<Value> {
        let closure = if cells.is_empty() {
            Value::NULL
        } else {
            tuple::new(self, cells)?
        };
        let mark = self.roots_mark();
        self.root(closure)?;
        let p: PyResult<*mut FunctionObj> = self.alloc_obj(&FUNCTION_TYPE, 0);
        self.roots_truncate(mark);
        let p = p?;
        crate::gc::write_barrier_values(self, &[code, globals, defs, kwdefs, closure]);
        // SAFETY: fresh function object; the values are reachable from the caller's stack.
        unsafe {
            (*p).code = code;
            (*p).globals = globals;
            (*p).defaults = defs;
            (*p).kwdefaults = kwdefs;
            (*p).closure = closure;
        }
        Ok(Value::from_ptr(p))
    }

    /// Call the callee at `stack[base]` with the arguments above it (CALL_FUNCTION /
    /// CALL_METHOD).
    fn call_from_stack(
        &mut self,
        f: *mut Frame,
        base: usize,
        is_method: bool,
        n_pos: usize,
        n_kw: usize,
    ) -> PyResult<Called> {
        // SAFETY: f is live; the call's operands are stack slots base..sp.
        let state = unsafe { (*f).state() };
        // SAFETY: as above.
        let callee = unsafe { *state.add(base) };
        let (args_at, n_args) = if is_method {
            // SAFETY: as above.
            let self_ = unsafe { *state.add(base + 1) };
            if self_.is_null() {
                (base + 2, n_pos)
            } else {
                (base + 1, n_pos + 1)
            }
        } else {
            (base + 1, n_pos)
        };
        // SAFETY: the argument slots lie within the live stack.
        let args = unsafe { core::slice::from_raw_parts(state.add(args_at), n_args) };
        // SAFETY: as above.
        let kw = unsafe { core::slice::from_raw_parts(state.add(args_at + n_args), 2 * n_kw) };
        // The slot before the arguments is free for a `self` to prepend. (The pointer to it
        // comes from the frame, not from `args`: a shared slice must never be written through.)
        // SAFETY: args_at >= base + 1, so args_at - 1 is a slot of this call's operands.
        let free = unsafe { state.add(args_at - 1) };
        self.call_callee(callee, args, kw, free)
    }

    /// Call with `*args`/`**kwargs` expansion (CALL_FUNCTION_VAR_KW / CALL_METHOD_VAR_KW).
    fn call_var_kw(
        &mut self,
        f: *mut Frame,
        base: usize,
        is_method: bool,
        n_pos: usize,
        n_kw: usize,
    ) -> PyResult<Called> {
        // SAFETY: f is live.
        let state = unsafe { (*f).state() };
        // SAFETY: stack slots base..sp.
        let callee = unsafe { *state.add(base) };
        let mut at = base + 1;
        let mut self_ = Value::NULL;
        if is_method {
            // SAFETY: as above.
            self_ = unsafe { *state.add(base + 1) };
            at += 1;
        }
        // SAFETY: the bitmap is the last operand.
        let bitmap = unsafe { *state.add(at + n_pos + 2 * n_kw) }
            .as_small_int()
            .unwrap_or(0) as usize;
        let mark = self.roots_mark();
        // Positional: a list we extend, with a slot 0 for self.
        let args = list::with_capacity(self, n_pos + 1)?;
        self.root(args)?;
        list::append(self, args, self_)?;
        for i in 0..n_pos {
            // SAFETY: positional operands.
            let a = unsafe { *state.add(at + i) };
            if bitmap.checked_shr(i as u32).is_some_and(|b| b & 1 != 0) {
                ops::extend_list_from_iter(self, args, a)?;
            } else {
                list::append(self, args, a)?;
            }
        }
        let kws = list::with_capacity(self, 2 * n_kw)?;
        self.root(kws)?;
        for i in 0..n_kw {
            // SAFETY: keyword operands.
            let (k, v) = unsafe {
                (
                    *state.add(at + n_pos + 2 * i),
                    *state.add(at + n_pos + 2 * i + 1),
                )
            };
            if k.is_null() {
                ops::extend_kw_from_mapping(self, kws, v)?;
            } else {
                list::append(self, kws, k)?;
                list::append(self, kws, v)?;
            }
        }
        let (items, n) = obj::get_mut::<list::ListObj>(self, args)
            .map_or((core::ptr::null_mut(), 0), |l| (l.items, l.len));
        let (argv, free): (&[Value], *mut Value) = if items.is_null() || n == 0 {
            (&[], core::ptr::null_mut())
        } else if self_.is_null() {
            // The list's slot 0 is free for a `self` to prepend.
            // SAFETY: the list holds n >= 1 values; the slice after slot 0 is not written.
            (
                unsafe { core::slice::from_raw_parts(items.add(1), n - 1) },
                items,
            )
        } else {
            // SAFETY: the list holds n values.
            (
                unsafe { core::slice::from_raw_parts(items, n) },
                core::ptr::null_mut(),
            )
        };
        let kwv = list::items_of(kws).unwrap_or(&[]);
        let r = self.call_callee(callee, argv, kwv, free);
        self.roots_truncate(mark);
        r
    }

    /// Call `callee`. Python functions get a frame (returned as `Called::Frame`); anything else
    /// is called at once. `free`, when not NULL, is the slot just before `args` (a pointer
    /// with write access, not derived from `args`): scratch where a bound `self` can be put to
    /// avoid copying.
    fn call_callee(
        &mut self,
        callee: Value,
        args: &[Value],
        kw: &[Value],
        free: *mut Value,
    ) -> PyResult<Called> {
        match obj::kind_of(callee) {
            Kind::Function if callee.is_ptr() => {
                // SAFETY: kind-checked function with a live code object.
                let gen = unsafe {
                    let fo = &*(callee.raw() as *const FunctionObj);
                    (*(fo.code.raw() as *const CodeObj)).scope_flags & scope::GENERATOR != 0
                };
                if gen {
                    return Ok(Called::Value(self.make_generator(callee, args, kw)?));
                }
                self.bind_frame(callee, args, kw, false)?;
                Ok(Called::Frame)
            }
            Kind::NativeFn if callee.is_ptr() => {
                Ok(Called::Value(self.call_native(callee, args, kw)?))
            }
            Kind::BoundMethod if callee.is_ptr() => {
                // SAFETY: kind-checked bound method.
                let (func, self_) = unsafe {
                    let b = &*(callee.raw() as *const BoundMethodObj);
                    (b.func, b.self_)
                };
                if !free.is_null() {
                    // SAFETY: the caller guarantees `free` is scratch just before args.
                    unsafe { *free = self_ };
                    // SAFETY: free..free+len+1 is [self, args...], within the caller's stack.
                    let all = unsafe { core::slice::from_raw_parts(free, args.len() + 1) };
                    self.call_callee(func, all, kw, core::ptr::null_mut())
                } else {
                    Ok(Called::Value(self.call_with_self(func, self_, args, kw)?))
                }
            }
            Kind::Type if callee.is_ptr() => ops::call_type_from_vm(self, callee, args, kw, free),
            Kind::Instance if !free.is_null() && callee.is_ptr() => {
                // An instance with a Python `__call__`: call it in a new frame.
                match ops::lookup_special(self, callee, &crate::qstrs::q::__call__) {
                    Some(m) if matches!(obj::kind_of(m), Kind::Function) => {
                        // SAFETY: the caller guarantees `free` is scratch just before args.
                        unsafe { *free = callee };
                        // SAFETY: free..free+len+1 is within the caller's stack.
                        let all = unsafe { core::slice::from_raw_parts(free, args.len() + 1) };
                        self.call_callee(m, all, kw, core::ptr::null_mut())
                    }
                    _ => Ok(Called::Value(self.call(callee, args, kw)?)),
                }
            }
            _ => Ok(Called::Value(self.call(callee, args, kw)?)),
        }
    }

    /// Call a context manager's `__exit__` (with its self, or None for a plain callable).
    fn call_exit(&mut self, exit: Value, exit_self: Value, args: &[Value; 3]) -> PyResult<Value> {
        if exit_self.is_none() {
            self.call(exit, args, &[])
        } else {
            self.call(exit, &[exit_self, args[0], args[1], args[2]], &[])
        }
    }

    /// Record `raise e from cause`.
    fn set_cause(&mut self, exc: Value, cause: Value) -> PyResult<()> {
        if crate::flavour::CIRCUITPYTHON {
            let cause = if cause.is_none() {
                Value::NONE
            } else {
                ops::make_raise_obj(self, cause)?
            };
            crate::gc::write_barrier(self, cause);
            if let Some(e) = exception::exc_of(exc) {
                e.cause = cause;
                e.suppress_context = true;
            }
        } else if !cause.is_none() {
            self.hal()
                .write_err(b"Warning: exception chaining not supported\n");
        }
        Ok(())
    }

    /// Raised by an instruction whose operands a forged `.mpy` got wrong in a way the
    /// verifier cannot see (a value of the wrong type where the compiler always puts a
    /// fresh collection).
    #[cold]
    fn bad_bytecode(&mut self) -> super::Raised {
        self.value_error("invalid .mpy bytecode")
    }

    /// A poll point on back-edges: collection, interrupts, scheduled callbacks, fuel.
    /// Ok(true): pause the run (out of fuel at the embedder's level); Err: raise.
    #[inline]
    pub(crate) fn poll_safepoint(&mut self) -> PyResult<bool> {
        self.gc_safepoint();
        if self.host.active {
            return crate::embed::poll::poll(self);
        }
        Ok(false)
    }
}

const UNARY_OPS: [UnaryOp; 4] = [
    UnaryOp::Positive,
    UnaryOp::Negative,
    UnaryOp::Invert,
    UnaryOp::Not,
];

/// The items of an exact list or tuple (not a subclass, whose methods may differ), for the
/// fast paths; do not hold them across anything that allocates or runs Python.
#[inline]
fn exact_seq_items<'a>(o: Value) -> Option<&'a [Value]> {
    let ty = obj::type_of(o);
    if core::ptr::eq(ty, &LIST_TYPE) {
        list::items_of(o)
    } else if core::ptr::eq(ty, &TUPLE_TYPE) {
        tuple::items_of(o)
    } else {
        None
    }
}

/// `o[i]` for an exact list or tuple and a small int `i` in range (negative counting from the
/// end); None for anything else (the general path raises the errors).
#[inline]
fn index_fast(o: Value, i: Value) -> Option<Value> {
    let i = i.as_small_int()?;
    let items = exact_seq_items(o)?;
    let j = if i < 0 { i + items.len() as isize } else { i };
    items.get(usize::try_from(j).ok()?).copied()
}

/// The item slot `o[i]` of an exact list and a small int `i` in range.
#[inline]
fn list_slot_fast(o: Value, i: Value) -> Option<*mut Value> {
    let i = i.as_small_int()?;
    if !core::ptr::eq(obj::type_of(o), &LIST_TYPE) {
        return None;
    }
    let n = list::items_of(o)?.len();
    let j = usize::try_from(if i < 0 { i + n as isize } else { i }).ok()?;
    if j >= n {
        return None;
    }
    // SAFETY: type-checked live list; j < len.
    Some(unsafe { (*(o.raw() as *mut crate::obj::list::ListObj)).items.add(j) })
}

/// GET_ITER_STACK without an iterator object: the three slots above the NULL for a range
/// of small ints `(start, stop, step)` or for a list or tuple `(sequence, 0, NULL)` (exact
/// types only: subclasses may iterate otherwise). FOR_ITER tells them apart from an iterator
/// object by the small int in the first slot, or in the second.
fn stack_iter(o: Value) -> Option<(Value, Value, Value)> {
    let ty = obj::type_of(o);
    if core::ptr::eq(ty, &RANGE_TYPE) {
        // SAFETY: type-checked live range.
        let r = unsafe { &*(o.raw() as *const obj::range::RangeObj) };
        if !r.big.is_null() {
            return None;
        }
        return Some((
            Value::small_int(r.start)?,
            Value::small_int(r.stop)?,
            Value::small_int(r.step)?,
        ));
    }
    if core::ptr::eq(ty, &LIST_TYPE) || core::ptr::eq(ty, &TUPLE_TYPE) {
        return Some((o, Value::small_int_unchecked(0), Value::NULL));
    }
    None
}

/// Whether a qstr is `BaseException` (see LOAD_GLOBAL).
pub(crate) fn is_base_exception_name(name: Value) -> bool {
    name == crate::qstrs::q::BaseException.value()
        || pystr::bytes_of(name) == Some(b"BaseException".as_slice())
}

#[inline]
fn cell_get(c: Value) -> Value {
    if obj::kind_of(c) == Kind::Cell && c.is_ptr() {
        // SAFETY: kind-checked cell.
        unsafe { (*(c.raw() as *const obj::func::CellObj)).value }
    } else {
        Value::NULL
    }
}

#[inline]
fn cell_set(c: Value, v: Value) {
    if obj::kind_of(c) == Kind::Cell && c.is_ptr() {
        // SAFETY: kind-checked cell.
        unsafe { (*(c.raw() as *mut obj::func::CellObj)).value = v };
    }
}
