//! Calls: binding arguments into frames, calling native functions, and calling Python from
//! Rust (`Cx::call`), which re-enters the dispatch loop to a bounded depth.

use super::frame::{fflags, Cont, Frame};
use super::{Cx, PyResult};
use crate::obj::code::{scope, CodeObj};
use crate::obj::func::{BoundMethodObj, FunctionObj, NativeFnObj, VARARGS};
use crate::obj::gen::{GenObj, GenState};
use crate::obj::types::*;
use crate::obj::{self, dict, str as pystr, tuple, Kind};
use crate::value::Value;

/// Decode a vuint at `*i` in `b`.
#[inline(always)]
pub(crate) fn read_vuint(b: &[u8], i: &mut usize) -> usize {
    // Most arguments (local, name and constant indexes) fit one byte.
    if let Some(&c) = b.get(*i) {
        if c & 0x80 == 0 {
            *i += 1;
            return c as usize;
        }
    }
    read_vuint_long(b, i)
}

#[inline(never)]
fn read_vuint_long(b: &[u8], i: &mut usize) -> usize {
    let mut v = 0usize;
    while let Some(&c) = b.get(*i) {
        *i += 1;
        v = (v << 7) | (c & 0x7f) as usize;
        if c & 0x80 == 0 {
            break;
        }
    }
    v
}

impl Cx {
    /// Allocate a frame for `code` on the frame stack (or in a heap buffer for a generator).
    pub(crate) fn alloc_frame(&mut self, code: &CodeObj, in_heap: bool) -> PyResult<*mut Frame> {
        let n_state = code.n_state as usize;
        let n_exc = code.n_exc_stack as usize;
        let size = Frame::bytes_for(n_state, n_exc);
        if self.depth >= self.config.max_depth {
            return Err(self.recursion_error());
        }
        let p = if in_heap {
            self.alloc_raw(size, crate::gc::heap::AllocKind::Buffer)?
                .as_ptr()
        } else {
            let fs = &mut self.frames;
            if fs.top + size > fs.cap {
                return Err(self.recursion_error());
            }
            // SAFETY: top + size <= cap, inside the frame-stack region.
            let p = unsafe { fs.base.add(fs.top) };
            fs.top += size;
            // SAFETY: p..p+size is inside the region and not used by any live frame.
            unsafe { core::ptr::write_bytes(p, 0, size) };
            p
        };
        let f = p as *mut Frame;
        // SAFETY: f points at size zeroed bytes, enough for the header, state and records.
        unsafe {
            (*f).n_state = code.n_state;
            (*f).n_locals = code.n_locals;
            (*f).n_exc = code.n_exc_stack;
            (*f).size = size as u32;
            (*f).ip = code.ip0;
            (*f).op_ip = code.ip0;
            (*f).flags = if in_heap { fflags::GENERATOR } else { 0 };
        }
        Ok(f)
    }

    /// Pop the frame `f` (the top of the frame stack unless it is a generator's).
    pub(crate) fn free_frame(&mut self, f: *mut Frame) {
        // SAFETY: f is a live frame.
        let (flags, size) = unsafe { ((*f).flags, (*f).size as usize) };
        if flags & fflags::GENERATOR == 0 {
            let fs = &mut self.frames;
            let top = fs.top.saturating_sub(size);
            debug_assert!(fs.base.wrapping_add(top) == f as *mut u8);
            fs.top = top;
        }
    }

    /// Make a frame for calling the bytecode function `func` with `args` (positional) and `kw`
    /// (name, value pairs). Binding follows MPY_FORMAT.md 4.2. The frame is not linked in.
    pub(crate) fn bind_frame(
        &mut self,
        func: Value,
        args: &[Value],
        kw: &[Value],
        in_heap: bool,
    ) -> PyResult<*mut Frame> {
        // Calls are poll points too (interrupts, fuel), so recursion without loops is bounded.
        if self.host.active {
            crate::embed::poll::poll_call(self)?;
        }
        // SAFETY: callers pass function objects.
        let fo = unsafe { &*(func.raw() as *const FunctionObj) };
        // SAFETY: a function's code is a live code object.
        let code = unsafe { &*(fo.code.raw() as *const CodeObj) };
        if !in_heap && kw.is_empty() {
            if let Some(f) = self.bind_simple(func, fo, code, args)? {
                return Ok(f);
            }
        }
        let (args_p, n_args) = (args.as_ptr(), args.len());
        let (kw_p, n_kw) = (kw.as_ptr(), kw.len() / 2);
        // A heap frame's allocation may collect: keep the arguments alive across it.
        let mark = self.roots_mark();
        if in_heap {
            self.root(func)?;
            for &v in args.iter().chain(kw.iter()) {
                self.root(v)?;
            }
        }
        let f = self.alloc_frame(code, in_heap);
        self.roots_truncate(mark);
        let f = f?;
        // Link the frame in at once, so that the collector sees what binding stores in it.
        self.link_frame(f);
        // Re-read after the allocation (which may have collected: func and the arguments are
        // reachable from the caller's stack, so nothing moved or died).
        // SAFETY: as above.
        let fo = unsafe { &*(func.raw() as *const FunctionObj) };
        // SAFETY: as above.
        let code = unsafe { &*(fo.code.raw() as *const CodeObj) };
        // SAFETY: the caller's argument slices stay valid (they live in a frame or rooted
        // buffer that the allocation did not free).
        let args = unsafe { core::slice::from_raw_parts(args_p, n_args) };
        // SAFETY: as above.
        let kw = unsafe { core::slice::from_raw_parts(kw_p, n_kw * 2) };
        // SAFETY: f is a fresh frame with n_state slots.
        let fr = unsafe { &mut *f };
        fr.code = fo.code;
        fr.func = func;
        fr.globals = fo.globals;
        fr.cont = Cont::Push;

        let n_closed = tuple::items_of(fo.closure).map_or(0, |c| c.len());
        let n_pos = code.n_pos_args as usize;
        let n_kwonly = code.n_kwonly_args as usize;
        let n_def = code.n_def_pos_args as usize;
        let flags = code.scope_flags;
        let state = fr.state();
        let n_state = code.n_state as usize;
        let local = |i: usize| -> *mut Value {
            // SAFETY: the loader checked every parameter index < n_state.
            unsafe { state.add(n_state - 1 - i) }
        };
        // Closed-over cells come first.
        if let Some(cells) = tuple::items_of(fo.closure) {
            for (i, &c) in cells.iter().enumerate().take(n_pos) {
                // SAFETY: i < n_pos <= n_state.
                unsafe { *local(i) = c };
            }
        }
        let n_given = n_args + n_closed;
        let n_real_pos = n_pos.saturating_sub(n_closed);
        // Surplus positionals.
        let varargs_slot = n_pos + n_kwonly;
        if n_args > n_real_pos {
            if flags & scope::VARARGS != 0 {
                let extra = &args[n_real_pos..];
                let t = tuple::new(self, extra);
                let t = match t {
                    Ok(t) => t,
                    Err(e) => {
                        self.unlink_free(f);
                        return Err(e);
                    }
                };
                // SAFETY: varargs slot index < n_state (loader-checked).
                unsafe { *local(varargs_slot) = t };
            } else {
                self.unlink_free(f);
                return Err(self.too_many_args(code, n_real_pos, n_args));
            }
        } else if flags & scope::VARARGS != 0 {
            // SAFETY: as above.
            unsafe { *local(varargs_slot) = tuple::empty() };
        }
        for (i, &a) in args.iter().enumerate().take(n_real_pos) {
            // SAFETY: n_closed + i < n_pos.
            unsafe { *local(n_closed + i) = a };
        }
        let kw_dict_slot = varargs_slot + usize::from(flags & scope::VARARGS != 0);
        if flags & scope::VARKEYWORDS != 0 {
            let d = match dict::new(self) {
                Ok(d) => d,
                Err(e) => {
                    self.unlink_free(f);
                    return Err(e);
                }
            };
            // SAFETY: kw dict slot < n_state.
            unsafe { *local(kw_dict_slot) = d };
        }
        let r = self.bind_rest(
            f,
            func,
            args.len(),
            kw,
            n_closed,
            n_given.min(n_pos),
            n_def,
            kw_dict_slot,
        );
        if let Err(e) = r {
            self.unlink_free(f);
            return Err(e);
        }
        // Cells.
        // SAFETY: code is live; its bytes hold the prelude.
        let code = unsafe { &*((*f).code.raw() as *const CodeObj) };
        let cells_at = code.cells as usize;
        for k in 0..code.n_cells as usize {
            let Some(&li) = code.bytes().get(cells_at + k) else {
                break;
            };
            // SAFETY: f is live.
            let slot = unsafe { (*f).local(li as usize) };
            // SAFETY: the loader checked li < n_state.
            let v = unsafe { *slot };
            let c = match obj::func::new_cell(self, v) {
                Ok(c) => c,
                Err(e) => {
                    self.unlink_free(f);
                    return Err(e);
                }
            };
            // SAFETY: as above.
            unsafe { *(*f).local(li as usize) = c };
        }
        Ok(f)
    }

    /// The common call: positional arguments only, to a function without closure, cells,
    /// `*args`, `**kwargs` or keyword-only parameters, missing ones covered by defaults. The
    /// frame (on the frame stack: no allocation, no collection) is linked and filled; `None`
    /// when the call is not of that kind.
    #[inline]
    fn bind_simple(
        &mut self,
        func: Value,
        fo: &FunctionObj,
        code: &CodeObj,
        args: &[Value],
    ) -> PyResult<Option<*mut Frame>> {
        if !fo.closure.is_null()
            || code.n_cells != 0
            || code.n_kwonly_args != 0
            || code.scope_flags & (scope::VARARGS | scope::VARKEYWORDS) != 0
        {
            return Ok(None);
        }
        let n_pos = code.n_pos_args as usize;
        let n_args = args.len();
        let defs = tuple::items_of(fo.defaults).unwrap_or(&[]);
        let n_def = (code.n_def_pos_args as usize).min(defs.len()).min(n_pos);
        let first_def = n_pos - n_def;
        if n_args > n_pos || n_args < first_def {
            return Ok(None);
        }
        let f = self.alloc_frame(code, false)?;
        self.link_frame(f);
        // SAFETY: f is a fresh frame with n_state slots.
        let fr = unsafe { &mut *f };
        fr.code = fo.code;
        fr.func = func;
        fr.globals = fo.globals;
        fr.cont = Cont::Push;
        let state = fr.state();
        let n_state = code.n_state as usize;
        for (i, &a) in args.iter().enumerate() {
            // SAFETY: i < n_pos <= n_state (loader-checked parameter slots).
            unsafe { *state.add(n_state - 1 - i) = a };
        }
        for slot in n_args..n_pos {
            // SAFETY: as above; slot - first_def < n_def <= defs.len().
            unsafe { *state.add(n_state - 1 - slot) = defs[slot - first_def] };
        }
        Ok(Some(f))
    }

    #[allow(clippy::too_many_arguments)]
    fn bind_rest(
        &mut self,
        f: *mut Frame,
        func: Value,
        n_args: usize,
        kw: &[Value],
        n_closed: usize,
        n_filled: usize,
        n_def: usize,
        kw_dict_slot: usize,
    ) -> PyResult<()> {
        // SAFETY: func is a live function, f a live frame of its code.
        let fo = unsafe { &*(func.raw() as *const FunctionObj) };
        // SAFETY: as above.
        let code = unsafe { &*(fo.code.raw() as *const CodeObj) };
        let n_pos = code.n_pos_args as usize;
        let n_kwonly = code.n_kwonly_args as usize;
        let flags = code.scope_flags;
        let local = |i: usize| -> *mut Value {
            // SAFETY: parameter indexes are < n_state (loader-checked).
            unsafe { (*f).local(i) }
        };
        let _ = n_filled;
        // Keyword arguments.
        let mut i = 0;
        while i + 1 < kw.len() {
            let (name, val) = (kw[i], kw[i + 1]);
            i += 2;
            let mut matched = false;
            let b = code.bytes();
            // Names are interned: look for the same object first, then compare bytes (a
            // keyword made at run time, `f(**{"x": 1})`).
            let mut found = None;
            for pass in 0..2 {
                let mut ai = code.arg_names as usize;
                for slot in 0..n_pos + n_kwonly {
                    let qi = read_vuint(b, &mut ai);
                    if slot < n_closed {
                        continue;
                    }
                    let pname = self.qstr(code, qi);
                    if pname == name
                        || (pass == 1
                            && pystr::bytes_of(pname).is_some()
                            && pystr::bytes_of(pname) == pystr::bytes_of(name))
                    {
                        found = Some(slot);
                        break;
                    }
                }
                if found.is_some() {
                    break;
                }
            }
            if let Some(slot) = found {
                // SAFETY: slot < n_state.
                if !unsafe { *local(slot) }.is_null() {
                    let n = pystr::str_of(name).unwrap_or("?");
                    return Err(self.raise_fmt(
                        &TYPE_ERROR_TYPE,
                        format_args!("function got multiple values for argument '{n}'"),
                    ));
                }
                // SAFETY: as above.
                unsafe { *local(slot) = val };
                matched = true;
            }
            if !matched {
                if flags & scope::VARKEYWORDS != 0 {
                    // SAFETY: kw dict slot < n_state.
                    let d = unsafe { *local(kw_dict_slot) };
                    dict::set(self, d, name, val)?;
                } else {
                    let n = pystr::str_of(name).unwrap_or("?");
                    return Err(self.raise_fmt(
                        &TYPE_ERROR_TYPE,
                        format_args!("unexpected keyword argument '{n}'"),
                    ));
                }
            }
        }
        // Defaults for missing positionals: they cover the last n_def positional slots.
        // SAFETY: re-read after possible allocation above.
        let fo = unsafe { &*(func.raw() as *const FunctionObj) };
        let defs = tuple::items_of(fo.defaults).unwrap_or(&[]);
        for slot in n_closed..n_pos {
            // SAFETY: slot < n_state.
            if unsafe { *local(slot) }.is_null() {
                let first_def = n_pos - n_def;
                if slot >= first_def && slot - first_def < defs.len() {
                    // SAFETY: as above.
                    unsafe { *local(slot) = defs[slot - first_def] };
                } else {
                    // MicroPython reports the positional count, whatever was missing.
                    let given = n_args;
                    return Err(self.too_many_args(code, n_pos - n_closed, given));
                }
            }
        }
        // Keyword-only parameters.
        let kwdefs = fo.kwdefaults;
        let mut ai = code.arg_names as usize;
        let b = code.bytes();
        for slot in 0..n_pos + n_kwonly {
            let qi = read_vuint(b, &mut ai);
            if slot < n_pos {
                continue;
            }
            // SAFETY: slot < n_state.
            if unsafe { *local(slot) }.is_null() {
                let name = self.qstr(code, qi);
                let d = if kwdefs.is_null() {
                    None
                } else {
                    dict::get_str(kwdefs, name)
                };
                match d {
                    // SAFETY: as above.
                    Some(v) => unsafe { *local(slot) = v },
                    None => {
                        return Err(self
                            .raise_msg(&TYPE_ERROR_TYPE, "function missing keyword-only argument"))
                    }
                }
            }
        }
        Ok(())
    }

    fn too_many_args(&mut self, code: &CodeObj, takes: usize, given: usize) -> crate::vm::Raised {
        let name = pystr::str_of(code.name).unwrap_or("?");
        self.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("{name}() takes {takes} positional arguments but {given} were given"),
        )
    }

    /// The interned string at index `i` of a code object's qstr table.
    #[inline]
    pub(crate) fn qstr(&self, code: &CodeObj, i: usize) -> Value {
        // SAFETY: a code object's ctx is a live module context.
        let ctx = unsafe { &*(code.ctx.raw() as *const crate::obj::code::ModuleCtxObj) };
        tuple::items_of(ctx.qstrs)
            .and_then(|t| t.get(i).copied())
            .unwrap_or(Value::NONE)
    }

    /// Check a native function's arity (MicroPython's wording).
    pub(crate) fn check_native_args(
        &mut self,
        nf: &NativeFnObj,
        n: usize,
        n_kw: usize,
    ) -> PyResult<()> {
        if n_kw > 0 && !nf.takes_kw {
            return Err(self.type_error("function doesn't take keyword arguments"));
        }
        let (min, max) = (nf.min_args as usize, nf.max_args as usize);
        if n < min || (nf.max_args != VARARGS && n > max) {
            if min == max {
                return Err(self.raise_fmt(
                    &TYPE_ERROR_TYPE,
                    format_args!("function takes {min} positional arguments but {n} were given"),
                ));
            }
            if n < min {
                return Err(self.raise_fmt(
                    &TYPE_ERROR_TYPE,
                    format_args!("function missing {} required positional arguments", min - n),
                ));
            }
            return Err(self.raise_fmt(
                &TYPE_ERROR_TYPE,
                format_args!("function expected at most {max} arguments, got {n}"),
            ));
        }
        Ok(())
    }

    /// Call a native function object.
    pub(crate) fn call_native(
        &mut self,
        f: Value,
        args: &[Value],
        kw: &[Value],
    ) -> PyResult<Value> {
        // SAFETY: callers pass NativeFn-kind values; native function objects are static.
        let nf = unsafe { &*(f.raw() as *const NativeFnObj) };
        self.check_native_args(nf, args.len(), kw.len() / 2)?;
        let mark = self.roots_mark();
        let r = (nf.func)(self, args, kw);
        self.roots_truncate(mark);
        r
    }

    /// Make a generator object for a call of a generator function.
    pub(crate) fn make_generator(
        &mut self,
        func: Value,
        args: &[Value],
        kw: &[Value],
    ) -> PyResult<Value> {
        // The frame stays linked (so traced, with its buffer marked) until the generator
        // object that will own it exists.
        let f = self.bind_frame(func, args, kw, true)?;
        let g: PyResult<*mut GenObj> = self.alloc_obj(&GENERATOR_TYPE, 0);
        self.unlink_frame(f);
        let g = g?;
        // SAFETY: f is a live frame (its code object is live).
        crate::gc::write_barrier(self, unsafe { &*((*f).code.raw() as *const CodeObj) }.name);
        // SAFETY: g is a fresh generator; f a live frame buffer.
        unsafe {
            (*g).frame = f;
            (*g).state = GenState::Created;
            (*f).cont = Cont::Native;
            (*f).cont_val = Value::from_ptr(g);
            (*f).prev = core::ptr::null_mut();
            let code = &*((*f).code.raw() as *const CodeObj);
            (*g).name = code.name;
        }
        Ok(Value::from_ptr(g))
    }

    /// Make `f` the running frame, above the current one.
    #[inline]
    pub(crate) fn link_frame(&mut self, f: *mut Frame) {
        // SAFETY: f is a live frame.
        unsafe { (*f).prev = self.frames.cur };
        self.frames.cur = f;
        self.depth += 1;
    }

    /// Take `f` (the running frame) off the chain.
    #[inline]
    pub(crate) fn unlink_frame(&mut self, f: *mut Frame) {
        self.frame_unlinked(f);
        // SAFETY: f is the live running frame.
        self.frames.cur = unsafe { (*f).prev };
        self.depth = self.depth.saturating_sub(1);
    }

    /// Unlink and free a frame whose binding failed.
    pub(crate) fn unlink_free(&mut self, f: *mut Frame) {
        self.unlink_frame(f);
        self.free_frame(f);
    }

    /// Call any callable from Rust and wait for the result. Python functions run in a nested
    /// run of the dispatch loop (bounded by `Config::max_reentry`).
    pub fn call(&mut self, f: Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
        match obj::kind_of(f) {
            Kind::NativeFn if f.is_ptr() => self.call_native(f, args, kw),
            Kind::Function if f.is_ptr() => {
                // SAFETY: kind-checked function.
                let code =
                    unsafe { &*((*(f.raw() as *const FunctionObj)).code.raw() as *const CodeObj) };
                if code.scope_flags & scope::GENERATOR != 0 {
                    return self.make_generator(f, args, kw);
                }
                let fr = self.bind_frame(f, args, kw, false)?;
                self.run_frame(fr)
            }
            Kind::BoundMethod if f.is_ptr() => {
                // SAFETY: kind-checked bound method.
                let (func, self_) = unsafe {
                    let b = &*(f.raw() as *const BoundMethodObj);
                    (b.func, b.self_)
                };
                self.call_with_self(func, self_, args, kw)
            }
            _ => self.call_other(f, args, kw),
        }
    }

    /// Call `func(self_, *args, **kw)`.
    pub fn call_with_self(
        &mut self,
        func: Value,
        self_: Value,
        args: &[Value],
        kw: &[Value],
    ) -> PyResult<Value> {
        // Build [self, args...] in a rooted scratch tuple.
        let mark = self.roots_mark();
        self.root(func)?;
        self.root(self_)?;
        for &v in args.iter().chain(kw.iter()) {
            self.root(v)?;
        }
        let t = tuple::new_uninit(self, args.len() + 1)?;
        self.root(t)?;
        crate::gc::write_barrier(self, self_);
        crate::gc::write_barrier_values(self, args);
        if let Some(items) = obj::get_mut::<tuple::TupleObj>(self, t) {
            let it = items.items_mut();
            it[0] = self_;
            it[1..].copy_from_slice(args);
        }
        let all = tuple::items_of(t).unwrap_or(&[]);
        let r = self.call(func, all, kw);
        self.roots_truncate(mark);
        r
    }

    /// Run a frame (already bound) to completion in a nested dispatch loop.
    /// The frame must be linked (as `bind_frame` leaves it).
    pub(crate) fn run_frame(&mut self, fr: *mut Frame) -> PyResult<Value> {
        if self.reentry >= self.config.max_reentry {
            self.unlink_free(fr);
            return Err(self.recursion_error());
        }
        // SAFETY: fr is a fresh, linked frame.
        unsafe { (*fr).cont = Cont::Native };
        self.reentry += 1;
        let r = self.run();
        self.reentry -= 1;
        match r {
            Ok(super::dispatch::Exit::Return(v)) => Ok(v),
            Ok(_) => Err(self.runtime_error("unexpected yield")),
            Err(e) => Err(e),
        }
    }

    /// Calls of types, instances with `__call__`, and things that are not callable.
    fn call_other(&mut self, f: Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
        if obj::kind_of(f) == Kind::Native && f.is_ptr() {
            return crate::embed::native::call_object(self, f, args, kw);
        }
        if obj::kind_of(f) == Kind::Type && f.is_ptr() {
            return crate::vm::ops::call_type(self, f, args, kw);
        }
        if let Some(m) = crate::vm::ops::lookup_special(self, f, &crate::qstrs::q::__call__) {
            return self.call_with_self(m, f, args, kw);
        }
        Err(self.type_error_obj(f, "isn't callable"))
    }
}
