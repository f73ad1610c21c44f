//! Frames: the state of one running function, laid out as MicroPython's code state.
//!
//! A frame is a header followed by `n_state` value slots and `n_exc_stack` handler records.
//! Local `i` is `state[n_state - 1 - i]`; the value stack grows up from `state[0]`. Frames of
//! ordinary calls live on the interpreter's frame stack (a bump region inside the heap region);
//! a generator's frame lives in a heap buffer owned by the generator. Frames link to the frame
//! that resumed or called them through `prev`.

use crate::value::Value;

/// What happens to a frame's return value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Cont {
    /// Push it on the caller's stack (a call made by an opcode).
    Push,
    /// Return it to the Rust code that started this run of the dispatch loop.
    Native,
    /// `__init__` returned: it must be None; push `cont_val` (the new instance) instead.
    Init,
    /// A generator resumed by FOR_ITER: a yielded value is pushed as the next item; when it
    /// returns, FOR_ITER runs again and ends the loop.
    ForIter,
    /// A generator resumed by the YIELD_FROM of the generator below: a yielded value is
    /// yielded by that generator too; the returned value replaces its `(it, send)`.
    YieldFrom,
    /// The remaining ones are special methods called by opcodes (`vm/dunder.rs`).
    /// Drop the result (`__setitem__`, `__exit__` on a normal exit, property setters).
    Discard,
    /// `__iter__` for GET_ITER: check the result is an iterator and push it.
    PushIter,
    /// Push the result and NULL (LOAD_METHOD of a computed attribute).
    PushMethod,
    /// `__iter__` for GET_ITER_STACK: push NULL, the iterator, NULL, NULL.
    IterStack,
    /// `__bool__`/`__len__`: a truth value to push or jump on (`cont_val` holds the mode and
    /// target, see `dunder::truth`).
    Truth,
    /// Push the truth value of the result (`__contains__`).
    PushBool,
    /// `__enter__`: set up the with-block's handler at `cont_val`, then push the result.
    WithEnter,
    /// `__exit__` (WITH_CLEANUP), `cont_val` saying what is above `(exit, self)` on the
    /// stack: 0 the None of a normal exit, 1 an unwind marker pair, 2 an exception (which a
    /// true result swallows).
    WithExit,
    /// A binary operator's special method: `NotImplemented` goes on to the next candidate
    /// (`cont_val` holds the operator and stage); the operands stay on the caller's stack.
    BinOp,
    /// `__next__` for FOR_ITER: push the result; a StopIteration jumps to `cont_val`.
    ForNext,
}

/// Frame flag bits.
pub mod fflags {
    /// The frame belongs to a generator (do not pop it from the frame stack); its `cont_val`
    /// is the generator object.
    pub const GENERATOR: u8 = 1;
    /// A generator frame whose `yield from` is forwarding GeneratorExit (`close()`) to the
    /// inner generator: when that returns, GeneratorExit is raised here.
    pub const CLOSING: u8 = 2;
}

/// A handler record (MPY_FORMAT.md 7.1).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ExcRecord {
    /// Handler address (offset in the code bytes).
    pub handler: u32,
    /// Stack level at setup.
    pub saved_sp: u32,
    /// 1 for finally-type (SETUP_FINALLY, SETUP_WITH), 0 for except-type.
    pub is_finally: u32,
    /// The exception being handled (for a bare `raise`), or NULL.
    pub prev_exc: Value,
}

/// A frame header; the state slots and handler records follow it.
#[repr(C)]
pub struct Frame {
    /// The frame below (caller or resumer), or NULL.
    pub prev: *mut Frame,
    /// The code object.
    pub code: Value,
    /// The function object, or NULL for module and class bodies.
    pub func: Value,
    /// The globals dict.
    pub globals: Value,
    /// The locals dict for NAME opcodes (module and class bodies); NULL uses globals.
    pub locals: Value,
    /// A value the continuation needs (the instance for `Cont::Init`); for a generator's
    /// frame, the generator object.
    pub cont_val: Value,
    /// Offset of the next instruction in the code bytes.
    pub ip: u32,
    /// Offset of the instruction being executed (for tracebacks and handler activity).
    pub op_ip: u32,
    /// Values on the stack.
    pub sp: u32,
    /// Total bytes of this frame (header, state, records).
    pub size: u32,
    /// Value slots.
    pub n_state: u16,
    /// Locals the code can name: state slots `n_state - n_locals ..` are locals.
    pub n_locals: u16,
    /// Handler record capacity.
    pub n_exc: u16,
    /// Handler records in use.
    pub exc_sp: u16,
    /// What to do on return.
    pub cont: Cont,
    /// [`fflags`] bits.
    pub flags: u8,
}

impl Frame {
    /// Bytes needed for a frame with these sizes.
    pub fn bytes_for(n_state: usize, n_exc: usize) -> usize {
        let b = core::mem::size_of::<Frame>()
            + n_state * core::mem::size_of::<Value>()
            + n_exc * core::mem::size_of::<ExcRecord>();
        (b + 15) & !15
    }

    /// The state slots.
    #[inline]
    pub fn state(&mut self) -> *mut Value {
        // SAFETY: the state slots follow the header in the same allocation.
        unsafe { (self as *mut Frame).add(1) as *mut Value }
    }

    /// The handler records.
    #[inline]
    pub fn records(&mut self) -> *mut ExcRecord {
        let n = self.n_state as usize;
        // SAFETY: the records follow the state slots in the same allocation.
        unsafe { self.state().add(n) as *mut ExcRecord }
    }

    /// Pointer to local `i`.
    #[inline]
    pub fn local(&mut self, i: usize) -> *mut Value {
        let n = self.n_state as usize;
        // SAFETY: callers check i < n_state (verified bytecode).
        unsafe { self.state().add(n - 1 - i) }
    }

    /// Every value the frame holds that the collector must see: the live stack, the locals,
    /// the handler records' exceptions and the header's values.
    pub fn for_each_value(&mut self, mut f: impl FnMut(Value)) {
        f(self.code);
        f(self.func);
        f(self.globals);
        f(self.locals);
        f(self.cont_val);
        let st = self.state();
        let n = self.n_state as usize;
        let sp = (self.sp as usize).min(n);
        let lo = n - (self.n_locals as usize).min(n);
        for i in 0..sp {
            // SAFETY: i < n_state.
            f(unsafe { *st.add(i) });
        }
        for i in lo.max(sp)..n {
            // SAFETY: i < n_state.
            f(unsafe { *st.add(i) });
        }
        let rec = self.records();
        for i in 0..self.exc_sp as usize {
            // SAFETY: i < exc_sp <= n_exc.
            f(unsafe { (*rec.add(i)).prev_exc });
        }
    }
}

/// The frame stack: a bump region for the frames of ordinary calls.
pub struct FrameStack {
    /// Start of the region.
    pub base: *mut u8,
    /// Bytes in use.
    pub top: usize,
    /// Bytes in the region.
    pub cap: usize,
    /// The running frame (NULL when idle).
    pub cur: *mut Frame,
}

impl FrameStack {
    /// An empty stack over no memory (set up by the interpreter).
    pub const fn empty() -> FrameStack {
        FrameStack {
            base: core::ptr::null_mut(),
            top: 0,
            cap: 0,
            cur: core::ptr::null_mut(),
        }
    }
}
