//! The bytecode verifier: what makes running an untrusted `.mpy` safe (MPY_FORMAT.md
//! section 11, ARCHITECTURE.md principle 6).
//!
//! The dispatch loop trusts the bytecode it runs: it checks the value-stack pointer against
//! `n_state` with `debug_assert!` only, reads operands below the stack top without checking
//! that they exist, and jumps wherever a jump says. This module proves, once per raw code at
//! load time, that none of that can go wrong:
//!
//! * **Pass 1** decodes every instruction: valid opcodes, operands inside the code, qstr,
//!   constant and child indexes in range, local indexes below `n_state`, jump targets on
//!   instruction boundaries, `yield` only in generators. It also finds the number of locals
//!   the code names, which fixes where the value stack must stop: `n_locals + max_depth <=
//!   n_state`.
//! * **Pass 2** simulates the stack on every path, MicroPython's VM semantics as
//!   `vm/dispatch.rs` implements them, including the paths the VM takes by itself: an
//!   exception entering a handler (the stack cut to the record's saved level, then the
//!   exception pushed), `return` and `break`/`continue` running pending finally handlers
//!   (`(value, -1)` or `(dest, count)` pushed at the record's level), `END_FINALLY` resuming
//!   them, `WITH_CLEANUP`'s three cases, `FOR_ITER`'s four iterator slots and `UNWIND_JUMP`
//!   popping them. It rejects code that could push above the stack region, pop below the
//!   bottom, nest handlers deeper than `n_exc_stack`, or reach the end of the code.
//!
//! ## What the simulation tracks
//!
//! A state is the stack depth, the handler records (handler address, saved level, kind) and a
//! type per stack slot. The VM decides some control flow by the *values* on the stack:
//! `END_FINALLY` and `WITH_CLEANUP` treat a small int on top as a return (-1) or unwind
//! (count) marker, and an unwind continues to the address stored in the slot beneath. Code
//! could forge those with `LOAD_CONST_SMALL_INT` and jump anywhere, so the slot types say what
//! a slot is known to hold:
//!
//! * `ANY`: any value, maybe a small int;
//! * `NOINT`: certainly not a small int (the `None` of a normal exit, an exception);
//! * `RET`, `COUNT(u)`, `DEST(t)`: the VM's own markers, with their exact values.
//!
//! `END_FINALLY` and `WITH_CLEANUP` are only accepted with `NOINT` or a marker on top, so every
//! unwind destination is one the verifier computed. States at a merge point are kept apart
//! when their depth, records or markers differ (a finally body is checked once per way it is
//! entered) and joined otherwise (`NOINT` ⊔ `ANY` = `ANY`), which bounds the work.
//!
//! Whether a record is "active" (its handler already entered, so it does not catch) is
//! `handler <= ip` in the VM, a static property of the instruction, so the simulation knows
//! exactly which handler an exception at each instruction enters. Two rules keep the stack
//! below a catching record intact, so the state at its handler is exactly known: the stack
//! never drops below the saved level of the record that would catch at that instruction, and
//! no instruction touches a slot below it. mpy-cross and pyrite's compiler satisfy both.
//!
//! Working memory comes from the caller's allocator (the interpreter's temporary blocks):
//! a bit per code byte, and the states at jump targets only (straight-line code is
//! simulated in place).

use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec as AVec;

use super::opcode::{self, Format};

/// Why a raw code was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reject {
    /// Malformed or unsafe: what is wrong, and the offset (from the start of the raw code) of
    /// the instruction where it was found.
    Invalid(&'static str, usize),
    /// The verifier's working memory could not be allocated.
    NoMemory,
}

/// What the verifier needs to know about one raw code.
pub struct Input<'a> {
    /// The raw code's bytes: prelude, then the opcodes from `ip0` to the end.
    pub code: &'a [u8],
    /// Offset of the first opcode.
    pub ip0: usize,
    /// Entries in the module's qstr table.
    pub n_qstr: usize,
    /// Entries in the module's constant table.
    pub n_consts: usize,
    /// Children of this raw code.
    pub n_children: usize,
    /// Value slots (locals and stack).
    pub n_state: usize,
    /// Handler records.
    pub n_exc: usize,
    /// Locals known from the prelude (parameters, `*args`/`**kw`, cells).
    pub n_locals: usize,
    /// The GENERATOR scope flag: whether `yield` may appear.
    pub generator: bool,
    /// Whether qstr-table entry `q` is `BaseException` (see `LOAD_GLOBAL` in the VM).
    pub base_exception: &'a dyn Fn(usize) -> bool,
}

/// Most distinct states kept at one jump target before the code is refused as too complex.
/// Legitimate code has one per way into a finally handler (normal, exception, each pending
/// `return`/`break`/`continue`), multiplied over nested finally handlers.
const MAX_STATES_PER_TARGET: usize = 128;
/// Longest raw code accepted (jump targets are kept in 24 bits).
const MAX_CODE: usize = 1 << 24;

// Slot types (see the module documentation). The low byte is the tag.
const ANY: u32 = 0;
/// `None` or an exception: not a small int.
const NOINT: u32 = 1;
const RET: u32 = 2;
const TAG_COUNT: u32 = 3;
const TAG_DEST: u32 = 4;
/// `None`.
const NONE_TY: u32 = 5;
/// An exception instance (what a handler is entered with).
const EXC: u32 = 6;
/// The builtin `BaseException` (see `LOAD_GLOBAL` in `step`).
const BASEEXC: u32 = 7;
const TRUE_TY: u32 = 8;
const FALSE_TY: u32 = 9;

fn count_ty(u: usize) -> u32 {
    TAG_COUNT | ((u as u32 & 0xff) << 8)
}

fn dest_ty(t: usize) -> u32 {
    TAG_DEST | ((t as u32) << 8)
}

/// The VM's markers are small ints at run time.
fn is_marker(t: u32) -> bool {
    matches!(t & 0xff, RET | TAG_COUNT | TAG_DEST)
}

/// Certainly not a small int: END_FINALLY and WITH_CLEANUP treat it as None or an exception.
fn is_noint(t: u32) -> bool {
    matches!(t, NOINT | NONE_TY | EXC)
}

/// The join of two non-marker types.
fn join(a: u32, b: u32) -> u32 {
    if a == b {
        a
    } else if is_noint(a) && is_noint(b) {
        NOINT
    } else {
        ANY
    }
}

/// Bit of a record's saved level that says it is finally-type.
const FINALLY: u32 = 1 << 31;

fn inv<T>(why: &'static str, at: usize) -> Result<T, Reject> {
    Err(Reject::Invalid(why, at))
}

/// One decoded instruction.
#[derive(Clone, Copy)]
struct Insn {
    op: u8,
    /// The vuint operand (qstr/var-uint formats).
    arg: usize,
    /// The extra byte of MAKE_CLOSURE* and UNWIND_JUMP.
    extra: usize,
    /// The jump target (offset format).
    target: usize,
    /// Offset of the next instruction.
    next: usize,
}

fn vuint(code: &[u8], i: &mut usize) -> Option<usize> {
    let mut v: usize = 0;
    loop {
        let c = *code.get(*i)?;
        *i += 1;
        if v > (usize::MAX >> 7) {
            return None;
        }
        v = (v << 7) | (c & 0x7f) as usize;
        if c & 0x80 == 0 {
            return Some(v);
        }
    }
}

/// Decode the instruction at `at`, exactly as the dispatch loop reads it.
fn decode(code: &[u8], at: usize) -> Option<Insn> {
    let op = *code.get(at)?;
    let fmt = opcode::format(op)?;
    let mut i = at + 1;
    let mut ins = Insn {
        op,
        arg: 0,
        extra: 0,
        target: 0,
        next: 0,
    };
    match fmt {
        Format::Byte => {}
        Format::Qstr => ins.arg = vuint(code, &mut i)?,
        Format::VarUint => {
            if op == opcode::LOAD_CONST_SMALL_INT {
                // Signed: the dispatch loop reads the groups whatever their number.
                loop {
                    let c = *code.get(i)?;
                    i += 1;
                    if c & 0x80 == 0 {
                        break;
                    }
                }
            } else {
                ins.arg = vuint(code, &mut i)?;
            }
        }
        Format::Offset => {
            let b0 = *code.get(i)? as usize;
            i += 1;
            let (raw, bias) = if b0 & 0x80 == 0 {
                (b0, 0x40)
            } else {
                let b1 = *code.get(i)? as usize;
                i += 1;
                ((b0 & 0x7f) | (b1 << 7), 0x4000)
            };
            let t = if opcode::is_signed_jump(op) {
                (i + raw).checked_sub(bias)?
            } else {
                i + raw
            };
            ins.target = t;
        }
    }
    if opcode::has_extra_byte(op) {
        ins.extra = *code.get(i)? as usize;
        i += 1;
    }
    ins.next = i;
    Some(ins)
}

fn try_push<T, A: Allocator>(v: &mut AVec<T, A>, x: T) -> Result<(), Reject> {
    v.try_reserve(1).map_err(|_| Reject::NoMemory)?;
    v.push(x);
    Ok(())
}

fn bit(map: &[u64], i: usize) -> bool {
    map.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
}

fn set_bit(map: &mut [u64], i: usize) {
    if let Some(w) = map.get_mut(i / 64) {
        *w |= 1 << (i % 64);
    }
}

fn bitmap<A: Allocator>(len: usize, al: A) -> Result<AVec<u64, A>, Reject> {
    let mut m = AVec::new_in(al);
    let n = len / 64 + 1;
    m.try_reserve_exact(n).map_err(|_| Reject::NoMemory)?;
    m.resize(n, 0);
    Ok(m)
}

/// Check one raw code. Returns the number of locals (at least `inp.n_locals`): the slots
/// `n_state - n_locals ..` are locals, and the value stack provably stays below them.
pub fn verify<A: Allocator + Clone>(inp: &Input, al: A) -> Result<usize, Reject> {
    let code = inp.code;
    let len = code.len();
    if len > MAX_CODE || inp.ip0 > len {
        return inv("code too long", 0);
    }
    // ---- pass 1: decoding, operands, boundaries ----
    let mut starts = bitmap(len, al.clone())?;
    let mut targets = bitmap(len, al.clone())?;
    let mut n_targets = 1usize;
    set_bit(&mut targets, inp.ip0);
    let mut n_locals = inp.n_locals;
    let mut i = inp.ip0;
    while i < len {
        set_bit(&mut starts, i);
        let Some(ins) = decode(code, i) else {
            return inv("invalid opcode or truncated operand", i);
        };
        let op = ins.op;
        let local = |n: usize| n.saturating_add(1);
        match op {
            0x10..=0x1c if ins.arg >= inp.n_qstr => return inv("qstr index out of range", i),
            opcode::LOAD_CONST_OBJ if ins.arg >= inp.n_consts => {
                return inv("constant index out of range", i)
            }
            opcode::MAKE_FUNCTION
            | opcode::MAKE_FUNCTION_DEFARGS
            | opcode::MAKE_CLOSURE
            | opcode::MAKE_CLOSURE_DEFARGS
                if ins.arg >= inp.n_children =>
            {
                return inv("child index out of range", i)
            }
            opcode::LOAD_FAST_N
            | opcode::STORE_FAST_N
            | opcode::DELETE_FAST
            | opcode::LOAD_DEREF
            | opcode::STORE_DEREF
            | opcode::DELETE_DEREF => {
                if ins.arg >= inp.n_state {
                    return inv("local index out of range", i);
                }
                n_locals = n_locals.max(local(ins.arg));
            }
            0xb0..=0xbf => n_locals = n_locals.max(local((op - 0xb0) as usize)),
            0xc0..=0xcf => n_locals = n_locals.max(local((op - 0xc0) as usize)),
            opcode::YIELD_VALUE | opcode::YIELD_FROM if !inp.generator => {
                return inv("yield outside a generator", i)
            }
            0x40..=0x4f => {
                if ins.target < inp.ip0 || ins.target >= len {
                    return inv("jump target outside the code", i);
                }
                if !bit(&targets, ins.target) {
                    set_bit(&mut targets, ins.target);
                    n_targets += 1;
                }
            }
            _ => {}
        }
        i = ins.next;
    }
    if n_locals > inp.n_state {
        return inv("more locals than n_state", inp.ip0);
    }
    // Every target must start an instruction.
    for (w, (&t, &s)) in targets.iter().zip(starts.iter()).enumerate() {
        if t & !s != 0 {
            let b = (t & !s).trailing_zeros() as usize;
            return inv("jump into the middle of an instruction", w * 64 + b);
        }
    }
    drop(starts);
    if inp.ip0 >= len {
        return inv("no code", inp.ip0);
    }
    // ---- pass 2: the stack on every path ----
    let mut leaders: AVec<u32, A> = AVec::new_in(al.clone());
    leaders
        .try_reserve_exact(n_targets)
        .map_err(|_| Reject::NoMemory)?;
    for (w, &t) in targets.iter().enumerate() {
        let mut t = t;
        while t != 0 {
            let b = t.trailing_zeros() as usize;
            leaders.push((w * 64 + b) as u32);
            t &= t - 1;
        }
    }
    let mut heads: AVec<u32, A> = AVec::new_in(al.clone());
    heads
        .try_reserve_exact(leaders.len())
        .map_err(|_| Reject::NoMemory)?;
    heads.resize(leaders.len(), NONE);
    let mut sim = Sim {
        code,
        base_exception: inp.base_exception,
        limit: inp.n_state - n_locals,
        n_exc: inp.n_exc,
        targets,
        store: Store {
            leaders,
            heads,
            offsets: AVec::new_in(al.clone()),
            arena: AVec::new_in(al.clone()),
            work: AVec::new_in(al.clone()),
        },
        cur: St::new(al.clone()),
        alt: St::new(al.clone()),
        scratch: St::new(al.clone()),
        // Generous for real code (most instructions are simulated once or twice), bounded
        // for hostile code.
        budget: len.saturating_mul(64).saturating_add(100_000),
    };
    sim.run(inp.ip0)?;
    Ok(n_locals)
}

const NONE: u32 = u32::MAX;

/// A working state.
struct St<A: Allocator> {
    /// A type per stack slot (the depth is the length).
    tys: AVec<u32, A>,
    /// Handler records: (handler, saved level | FINALLY).
    recs: AVec<(u32, u32), A>,
}

impl<A: Allocator + Clone> St<A> {
    fn new(al: A) -> Self {
        St {
            tys: AVec::new_in(al.clone()),
            recs: AVec::new_in(al),
        }
    }

    fn depth(&self) -> usize {
        self.tys.len()
    }

    fn copy_from(&mut self, o: &St<A>) -> Result<(), Reject> {
        self.tys.clear();
        self.tys
            .try_reserve(o.tys.len())
            .map_err(|_| Reject::NoMemory)?;
        self.tys.extend_from_slice(&o.tys);
        self.recs.clear();
        self.recs
            .try_reserve(o.recs.len())
            .map_err(|_| Reject::NoMemory)?;
        self.recs.extend_from_slice(&o.recs);
        Ok(())
    }
}

/// The states at jump targets. Each stored state is a run in `arena`:
/// `[leader, next, queued, depth, n_recs, (handler, saved) * n_recs, ty * depth]`.
struct Store<A: Allocator> {
    /// Jump targets (and the entry), sorted.
    leaders: AVec<u32, A>,
    /// Per leader, its first state (a linked list through `next`), or NONE.
    heads: AVec<u32, A>,
    /// Per state id, its offset in the arena.
    offsets: AVec<u32, A>,
    arena: AVec<u32, A>,
    /// States to (re)simulate.
    work: AVec<u32, A>,
}

const H_LEADER: usize = 0;
const H_NEXT: usize = 1;
const H_QUEUED: usize = 2;
const H_DEPTH: usize = 3;
const H_NRECS: usize = 4;
const H_LEN: usize = 5;

impl<A: Allocator + Clone> Store<A> {
    /// Merge `st` into the states at `ip` (a leader); queue what changed.
    fn merge(&mut self, ip: usize, st: &St<A>, at: usize) -> Result<(), Reject> {
        let Ok(li) = self.leaders.binary_search(&(ip as u32)) else {
            return inv("jump to an unknown target", at);
        };
        let mut id = self.heads[li];
        let mut n = 0usize;
        while id != NONE {
            let off = self.offsets[id as usize] as usize;
            let depth = self.arena[off + H_DEPTH] as usize;
            let nr = self.arena[off + H_NRECS] as usize;
            let next = self.arena[off + H_NEXT];
            if depth == st.depth() && nr == st.recs.len() && self.same_shape(off, st) {
                let mut changed = false;
                let tys = off + H_LEN + 2 * nr;
                for (k, &t) in st.tys.iter().enumerate() {
                    let e = &mut self.arena[tys + k];
                    let j = join(*e, t);
                    if j != *e {
                        *e = j;
                        changed = true;
                    }
                }
                if changed && self.arena[off + H_QUEUED] == 0 {
                    self.arena[off + H_QUEUED] = 1;
                    try_push(&mut self.work, id)?;
                }
                return Ok(());
            }
            n += 1;
            id = next;
        }
        if n >= MAX_STATES_PER_TARGET {
            return inv("too many distinct stack states at a jump target", at);
        }
        let new_id = self.offsets.len() as u32;
        let off = self.arena.len();
        let need = H_LEN + 2 * st.recs.len() + st.depth();
        self.arena.try_reserve(need).map_err(|_| Reject::NoMemory)?;
        self.arena.extend_from_slice(&[
            li as u32,
            self.heads[li],
            1,
            st.depth() as u32,
            st.recs.len() as u32,
        ]);
        for &(h, s) in st.recs.iter() {
            self.arena.extend_from_slice(&[h, s]);
        }
        self.arena.extend_from_slice(&st.tys);
        try_push(&mut self.offsets, off as u32)?;
        self.heads[li] = new_id;
        try_push(&mut self.work, new_id)
    }

    /// Same records and the same markers in the same slots.
    fn same_shape(&self, off: usize, st: &St<A>) -> bool {
        let nr = st.recs.len();
        let recs = &self.arena[off + H_LEN..off + H_LEN + 2 * nr];
        if recs
            .chunks_exact(2)
            .zip(st.recs.iter())
            .any(|(a, b)| a[0] != b.0 || a[1] != b.1)
        {
            return false;
        }
        let tys = &self.arena[off + H_LEN + 2 * nr..off + H_LEN + 2 * nr + st.depth()];
        tys.iter()
            .zip(st.tys.iter())
            .all(|(&a, &b)| a == b || (!is_marker(a) && !is_marker(b)))
    }

    /// Load stored state `id` into `st`; returns its leader's address.
    fn load(&mut self, id: u32, st: &mut St<A>) -> Result<usize, Reject> {
        let off = self.offsets[id as usize] as usize;
        self.arena[off + H_QUEUED] = 0;
        let li = self.arena[off + H_LEADER] as usize;
        let depth = self.arena[off + H_DEPTH] as usize;
        let nr = self.arena[off + H_NRECS] as usize;
        st.recs.clear();
        st.recs.try_reserve(nr).map_err(|_| Reject::NoMemory)?;
        for k in 0..nr {
            let b = off + H_LEN + 2 * k;
            st.recs.push((self.arena[b], self.arena[b + 1]));
        }
        st.tys.clear();
        st.tys.try_reserve(depth).map_err(|_| Reject::NoMemory)?;
        let tys = off + H_LEN + 2 * nr;
        st.tys.extend_from_slice(&self.arena[tys..tys + depth]);
        Ok(self.leaders[li] as usize)
    }
}

/// What an instruction does to control flow (its successors' states are in `cur`/`alt`).
enum Flow {
    /// Fall through to the next instruction (state in `cur`).
    Next,
    /// Go to this address only (state in `cur`).
    Jump(usize),
    /// Fall through (state in `cur`) or go to this address (state in `alt`).
    Branch(usize),
    /// Raise from the state in `cur` (after the instruction changed it).
    Raise,
    /// The frame returns or raises: no successor in this frame.
    Stop,
}

struct Sim<'a, A: Allocator> {
    code: &'a [u8],
    base_exception: &'a dyn Fn(usize) -> bool,
    /// Slots the value stack may use.
    limit: usize,
    n_exc: usize,
    /// Jump targets (bitmap).
    targets: AVec<u64, A>,
    store: Store<A>,
    cur: St<A>,
    alt: St<A>,
    scratch: St<A>,
    /// Work left: each simulated instruction costs 1 plus its stack depth / 8 (states are
    /// copied and compared slot by slot), so deep stacks cannot make verification slow.
    budget: usize,
}

impl<A: Allocator + Clone> Sim<'_, A> {
    fn charge(&mut self, depth: usize, at: usize) -> Result<(), Reject> {
        let cost = 1 + depth / 8;
        if cost > self.budget {
            return inv("bytecode too complex to verify", at);
        }
        self.budget -= cost;
        Ok(())
    }

    fn run(&mut self, ip0: usize) -> Result<(), Reject> {
        self.store.merge(ip0, &self.cur, ip0)?;
        while let Some(id) = self.store.work.pop() {
            let mut ip = self.store.load(id, &mut self.cur)?;
            loop {
                self.charge(self.cur.depth() + 2 * self.cur.recs.len(), ip)?;
                let Some(ins) = decode(self.code, ip) else {
                    return inv("invalid instruction", ip);
                };
                // The stack above the catching handler's level; exceptions here enter it.
                let floor = self.check_level(ip, false)?;
                self.exc_edge(ip, false)?;
                match self.step(&ins, ip, floor)? {
                    Flow::Next => {}
                    Flow::Jump(t) => {
                        self.exc_edge(ip, false)?;
                        self.store.merge(t, &self.cur, ip)?;
                        break;
                    }
                    Flow::Branch(t) => {
                        self.exc_edge(ip, true)?;
                        self.store.merge(t, &self.alt, ip)?;
                    }
                    Flow::Raise => {
                        self.exc_edge(ip, false)?;
                        break;
                    }
                    Flow::Stop => break,
                }
                // Falling through.
                self.exc_edge(ip, false)?;
                let next = ins.next;
                if next >= self.code.len() {
                    return inv("execution runs off the end of the code", ip);
                }
                if bit(&self.targets, next) {
                    self.store.merge(next, &self.cur, ip)?;
                    break;
                }
                ip = next;
            }
        }
        Ok(())
    }

    /// The record that catches an exception at `op_ip` in state `cur` (or `alt`): the top
    /// one whose handler has not been entered.
    fn catcher(st: &St<A>, op_ip: usize) -> Option<usize> {
        (0..st.recs.len())
            .rev()
            .find(|&k| st.recs[k].0 as usize > op_ip)
    }

    /// Check that the stack is not below the catching record's level; returns that level.
    fn check_level(&self, op_ip: usize, alt: bool) -> Result<usize, Reject> {
        let st = if alt { &self.alt } else { &self.cur };
        match Self::catcher(st, op_ip) {
            Some(k) => {
                let saved = (st.recs[k].1 & !FINALLY) as usize;
                if st.depth() < saved {
                    return inv("stack below a handler's saved level", op_ip);
                }
                Ok(saved)
            }
            None => Ok(0),
        }
    }

    /// An exception raised by the instruction at `op_ip` in state `cur` (or `alt`): the
    /// catching handler is entered with the stack cut to its level and the exception pushed.
    fn exc_edge(&mut self, op_ip: usize, alt: bool) -> Result<(), Reject> {
        let st = if alt { &self.alt } else { &self.cur };
        let Some(k) = Self::catcher(st, op_ip) else {
            return Ok(());
        };
        let (handler, saved) = st.recs[k];
        let saved = (saved & !FINALLY) as usize;
        if st.depth() < saved {
            return inv("stack below a handler's saved level", op_ip);
        }
        self.charge(saved, op_ip)?;
        let st = if alt { &self.alt } else { &self.cur };
        if saved + 1 > self.limit {
            return inv("stack overflow entering a handler", op_ip);
        }
        let sc = &mut self.scratch;
        sc.tys.clear();
        sc.tys
            .try_reserve(saved + 1)
            .map_err(|_| Reject::NoMemory)?;
        sc.tys.extend_from_slice(&st.tys[..saved]);
        sc.tys.push(EXC);
        sc.recs.clear();
        sc.recs.try_reserve(k + 1).map_err(|_| Reject::NoMemory)?;
        sc.recs.extend_from_slice(&st.recs[..=k]);
        self.store.merge(handler as usize, &self.scratch, op_ip)
    }

    /// Require `n` values on the stack (read, not changed).
    fn need_read(&self, n: usize, at: usize) -> Result<(), Reject> {
        if self.cur.depth() < n {
            return inv("stack underflow", at);
        }
        Ok(())
    }

    /// Require `n` values on the stack that the instruction pops or changes: none of them
    /// below `floor`, the level of the handler an exception here would enter (so the stack
    /// that handler starts with is exactly what was there before the instruction).
    fn need(&self, n: usize, floor: usize, at: usize) -> Result<(), Reject> {
        let d = self.cur.depth();
        if d < n || d - n < floor {
            return inv("stack underflow", at);
        }
        Ok(())
    }

    fn pop(&mut self, n: usize) {
        let d = self.cur.depth();
        self.cur.tys.truncate(d.saturating_sub(n));
    }

    fn push(&mut self, t: u32, at: usize) -> Result<(), Reject> {
        if self.cur.depth() >= self.limit {
            return inv("stack overflow", at);
        }
        try_push(&mut self.cur.tys, t)
    }

    /// Push `n` values (checked at once, so a huge `n` fails fast).
    fn push_n(&mut self, n: usize, at: usize) -> Result<(), Reject> {
        if self.cur.depth().saturating_add(n) > self.limit {
            return inv("stack overflow", at);
        }
        self.cur.tys.try_reserve(n).map_err(|_| Reject::NoMemory)?;
        self.cur.tys.resize(self.cur.depth() + n, ANY);
        Ok(())
    }

    fn top(&self) -> u32 {
        self.cur.tys.last().copied().unwrap_or(ANY)
    }

    fn push_record(
        &mut self,
        handler: usize,
        saved: usize,
        fin: bool,
        at: usize,
    ) -> Result<(), Reject> {
        if self.cur.recs.len() >= self.n_exc {
            return inv("handlers nested deeper than n_exc_stack", at);
        }
        if let Some(&(_, s)) = self.cur.recs.last() {
            if saved < (s & !FINALLY) as usize {
                return inv("handler below an enclosing handler's level", at);
            }
        }
        let s = saved as u32 | if fin { FINALLY } else { 0 };
        try_push(&mut self.cur.recs, (handler as u32, s))
    }

    /// Simulate one instruction on `cur`.
    fn step(&mut self, ins: &Insn, at: usize, floor: usize) -> Result<Flow, Reject> {
        use opcode::*;
        let op = ins.op;
        let arg = ins.arg;
        match op {
            // The VM loads the builtin BaseException for `LOAD_GLOBAL BaseException` right
            // before an exception match, whatever the globals say: the finally handler of
            // `async with` tells an exception from a return/unwind marker that way, and a
            // rebound name must not send an exception down the marker path.
            LOAD_GLOBAL
                if (self.base_exception)(arg)
                    && self.code.get(ins.next) == Some(&(BINARY_OP_MULTI + 8)) =>
            {
                self.push(BASEEXC, at)?
            }
            LOAD_CONST_STRING | LOAD_NAME | LOAD_GLOBAL => self.push(ANY, at)?,
            LOAD_ATTR | GET_ITER | 0xd0..=0xd3 => {
                self.need(1, floor, at)?;
                self.pop(1);
                self.push(ANY, at)?;
            }
            LOAD_METHOD => {
                self.need(1, floor, at)?;
                self.pop(1);
                self.push_n(2, at)?;
            }
            LOAD_SUPER_METHOD => {
                self.need(3, floor, at)?;
                self.pop(3);
                self.push_n(2, at)?;
            }
            STORE_NAME | STORE_GLOBAL | IMPORT_STAR => {
                self.need(1, floor, at)?;
                self.pop(1);
            }
            // These cannot raise: what they pop or move is checked against the catching
            // handler's level after they ran.
            STORE_FAST_N | STORE_DEREF | POP_TOP | 0xc0..=0xcf => {
                self.need_read(1, at)?;
                self.pop(1);
            }
            STORE_ATTR => {
                self.need(2, floor, at)?;
                self.pop(2);
            }
            DELETE_NAME | DELETE_GLOBAL | DELETE_FAST | DELETE_DEREF => {}
            0xdf => {
                // Exception match: exact for an exception, marker or None against the
                // builtin BaseException.
                self.need(2, floor, at)?;
                let d = self.cur.depth();
                let (a, b) = (self.cur.tys[d - 2], self.cur.tys[d - 1]);
                let r = match (a, b) {
                    (EXC, BASEEXC) => TRUE_TY,
                    (NONE_TY, BASEEXC) => FALSE_TY,
                    (a, BASEEXC) if is_marker(a) => FALSE_TY,
                    _ => ANY,
                };
                self.pop(2);
                self.push(r, at)?;
            }
            IMPORT_NAME | LOAD_SUBSCR | 0xd7..=0xf9 => {
                self.need(2, floor, at)?;
                self.pop(2);
                self.push(ANY, at)?;
            }
            IMPORT_FROM => {
                self.need_read(1, at)?;
                self.push(ANY, at)?;
            }
            MAKE_CLOSURE | MAKE_CLOSURE_DEFARGS | MAKE_FUNCTION_DEFARGS => {
                let n = match op {
                    MAKE_CLOSURE => ins.extra,
                    MAKE_CLOSURE_DEFARGS => ins.extra + 2,
                    _ => 2,
                };
                self.need(n, floor, at)?;
                self.pop(n);
                self.push(ANY, at)?;
            }
            LOAD_CONST_SMALL_INT
            | LOAD_CONST_OBJ
            | LOAD_FAST_N
            | LOAD_DEREF
            | BUILD_MAP
            | MAKE_FUNCTION
            | LOAD_CONST_FALSE
            | LOAD_CONST_TRUE
            | LOAD_NULL
            | LOAD_BUILD_CLASS
            | 0x70..=0xbf => self.push(ANY, at)?,
            LOAD_CONST_NONE => self.push(NONE_TY, at)?,
            BUILD_TUPLE | BUILD_LIST | BUILD_SET => {
                self.need(arg, floor, at)?;
                self.pop(arg);
                self.push(ANY, at)?;
            }
            BUILD_SLICE => {
                if arg != 2 && arg != 3 {
                    return inv("BUILD_SLICE of other than 2 or 3", at);
                }
                self.need(arg, floor, at)?;
                self.pop(arg);
                self.push(ANY, at)?;
            }
            STORE_COMP => {
                // The collection is at stack[sp - 1 - (arg >> 2)].
                let n_vals = if arg & 3 == 1 { 2 } else { 1 };
                self.need_read((arg >> 2).saturating_add(1), at)?;
                self.need(n_vals, floor, at)?;
                self.pop(n_vals);
            }
            UNPACK_SEQUENCE => {
                self.need(1, floor, at)?;
                self.pop(1);
                self.push_n(arg, at)?;
            }
            UNPACK_EX => {
                self.need(1, floor, at)?;
                self.pop(1);
                self.push_n((arg & 0xff) + ((arg >> 8) & 0xff) + 1, at)?;
            }
            CALL_FUNCTION | CALL_FUNCTION_VAR_KW | CALL_METHOD | CALL_METHOD_VAR_KW => {
                let n = (arg & 0xff)
                    + 2 * ((arg >> 8) & 0xff)
                    + usize::from(op == CALL_FUNCTION_VAR_KW || op == CALL_METHOD_VAR_KW)
                    + usize::from(op == CALL_METHOD || op == CALL_METHOD_VAR_KW)
                    + 1;
                self.need(n, floor, at)?;
                self.pop(n);
                self.push(ANY, at)?;
            }
            UNWIND_JUMP => {
                self.push(dest_ty(ins.target), at)?;
                return self.unwind(ins.extra, at);
            }
            JUMP => return Ok(Flow::Jump(ins.target)),
            POP_JUMP_IF_TRUE | POP_JUMP_IF_FALSE => {
                self.need(1, floor, at)?;
                let t = self.top();
                self.pop(1);
                let jump_on = if op == POP_JUMP_IF_TRUE {
                    TRUE_TY
                } else {
                    FALSE_TY
                };
                if t == jump_on {
                    return Ok(Flow::Jump(ins.target));
                }
                if t == TRUE_TY || t == FALSE_TY {
                    return Ok(Flow::Next);
                }
                self.alt.copy_from(&self.cur)?;
                return Ok(Flow::Branch(ins.target));
            }
            JUMP_IF_TRUE_OR_POP | JUMP_IF_FALSE_OR_POP => {
                self.need(1, floor, at)?;
                self.alt.copy_from(&self.cur)?;
                self.pop(1);
                return Ok(Flow::Branch(ins.target));
            }
            SETUP_WITH => {
                // mgr -> exit, self; the record's level is here; then __enter__'s result.
                self.need(1, floor, at)?;
                self.pop(1);
                self.push_n(2, at)?;
                let saved = self.cur.depth();
                self.push_record(ins.target, saved, true, at)?;
                self.push(ANY, at)?;
            }
            SETUP_EXCEPT | SETUP_FINALLY => {
                let saved = self.cur.depth();
                self.push_record(ins.target, saved, op == SETUP_FINALLY, at)?;
            }
            POP_EXCEPT_JUMP => {
                if self.cur.recs.pop().is_none() {
                    return inv("POP_EXCEPT_JUMP without a handler", at);
                }
                return Ok(Flow::Jump(ins.target));
            }
            FOR_ITER => {
                self.need(4, floor, at)?;
                self.alt.copy_from(&self.cur)?;
                let d = self.alt.depth();
                self.alt.tys.truncate(d - 4);
                self.push(ANY, at)?;
                return Ok(Flow::Branch(ins.target));
            }
            STORE_SUBSCR => {
                self.need(3, floor, at)?;
                self.pop(3);
            }
            DUP_TOP => {
                self.need_read(1, at)?;
                let t = self.top();
                self.push(t, at)?;
            }
            DUP_TOP_TWO => {
                self.need_read(2, at)?;
                let d = self.cur.depth();
                let (a, b) = (self.cur.tys[d - 2], self.cur.tys[d - 1]);
                self.push(a, at)?;
                self.push(b, at)?;
            }
            ROT_TWO => {
                self.need_read(2, at)?;
                let d = self.cur.depth();
                self.cur.tys.swap(d - 1, d - 2);
            }
            ROT_THREE => {
                // a, b, c -> c, a, b
                self.need_read(3, at)?;
                let d = self.cur.depth();
                self.cur.tys[d - 3..].rotate_right(1);
            }
            WITH_CLEANUP => {
                // (exit, self, None|exc) -> (None|exc); (exit, self, x, marker) -> (x, marker).
                let t = self.top();
                if is_noint(t) {
                    // None stays None; an exception may be swallowed (None).
                    self.need(3, floor, at)?;
                    self.pop(3);
                    self.push(if t == NONE_TY { NONE_TY } else { NOINT }, at)?;
                } else if t == RET || t & 0xff == TAG_COUNT {
                    self.need(4, floor, at)?;
                    let d = self.cur.depth();
                    let x = self.cur.tys[d - 2];
                    self.pop(4);
                    self.push(x, at)?;
                    self.push(t, at)?;
                } else {
                    return inv("WITH_CLEANUP without an exit state on top", at);
                }
            }
            END_FINALLY => {
                if self.cur.recs.pop().is_none() {
                    return inv("END_FINALLY without a handler", at);
                }
                let t = self.top();
                if is_noint(t) {
                    // None: go on; an exception: re-raised from the state after the pop.
                    self.need(1, floor, at)?;
                    self.pop(1);
                    if t == EXC {
                        return Ok(Flow::Raise);
                    }
                } else if t == RET {
                    self.need(2, floor, at)?;
                    self.pop(2);
                    return self.do_return(at);
                } else if t & 0xff == TAG_COUNT {
                    self.need(2, floor, at)?;
                    self.pop(1);
                    return self.unwind((t >> 8) as usize, at);
                } else {
                    return inv("END_FINALLY without an exit state on top", at);
                }
            }
            GET_ITER_STACK => {
                self.need(1, floor, at)?;
                self.pop(1);
                self.push_n(4, at)?;
            }
            STORE_MAP => {
                self.need(3, floor, at)?;
                self.pop(2);
            }
            RETURN_VALUE => {
                self.need(1, floor, at)?;
                self.pop(1);
                return self.do_return(at);
            }
            RAISE_LAST => return Ok(Flow::Stop),
            RAISE_OBJ => {
                self.need_read(1, at)?;
                return Ok(Flow::Stop);
            }
            RAISE_FROM => {
                self.need_read(2, at)?;
                return Ok(Flow::Stop);
            }
            YIELD_VALUE => {
                self.need(1, floor, at)?;
                self.pop(1);
                self.push(ANY, at)?;
            }
            YIELD_FROM => {
                self.need(2, floor, at)?;
                self.pop(2);
                self.push(ANY, at)?;
            }
            _ => return inv("invalid opcode", at),
        }
        Ok(Flow::Next)
    }

    /// A return from the instruction at `at` (the value already popped): run the first
    /// pending finally handler with `(value, -1)` at its level, else leave the frame.
    fn do_return(&mut self, at: usize) -> Result<Flow, Reject> {
        while let Some(&(h, s)) = self.cur.recs.last() {
            let saved = (s & !FINALLY) as usize;
            if s & FINALLY != 0 && h as usize > at {
                if saved > self.cur.depth() {
                    return inv("return below a handler's saved level", at);
                }
                if saved + 2 > self.limit {
                    return inv("stack overflow entering a finally handler", at);
                }
                self.cur.tys.truncate(saved);
                self.cur.tys.extend_from_slice(&[ANY, RET]);
                return Ok(Flow::Jump(h as usize));
            }
            self.cur.recs.pop();
        }
        Ok(Flow::Stop)
    }

    /// Unwind `u & 0x7f` records for a break/continue from the instruction at `at`, with the
    /// destination on top of the stack (MPY_FORMAT.md 7.4, `Cx::unwind_jump`).
    fn unwind(&mut self, mut u: usize, at: usize) -> Result<Flow, Reject> {
        while u & 0x7f > 0 {
            u -= 1;
            let Some(&(h, s)) = self.cur.recs.last() else {
                break;
            };
            let saved = (s & !FINALLY) as usize;
            let d = self.cur.depth();
            if d == 0 {
                return inv("unwind without a destination", at);
            }
            let dest = self.cur.tys[d - 1];
            if s & FINALLY != 0 && h as usize > at {
                // Run the finally with (dest, u) at its level.
                if saved > d {
                    return inv("unwind below a handler's saved level", at);
                }
                if saved + 2 > self.limit {
                    return inv("stack overflow entering a finally handler", at);
                }
                self.cur.tys.truncate(saved);
                self.cur.tys.extend_from_slice(&[dest, count_ty(u)]);
                return Ok(Flow::Jump(h as usize));
            }
            if s & FINALLY != 0 {
                // Cancel the finally being run: drop the state it was entered with (two
                // slots if a marker, else one) from beneath dest.
                if d < 2 {
                    return inv("unwind without a finally state", at);
                }
                let below = self.cur.tys[d - 2];
                let nd = if is_marker(below) {
                    d - 2
                } else if is_noint(below) {
                    d - 1
                } else {
                    return inv("unwind through a finally with an unknown state", at);
                };
                if nd == 0 {
                    return inv("unwind without a finally state", at);
                }
                self.cur.tys.truncate(nd);
                self.cur.tys[nd - 1] = dest;
            }
            self.cur.recs.pop();
        }
        let t = self.top();
        if t & 0xff != TAG_DEST || self.cur.depth() == 0 {
            return inv("unwind to an unknown destination", at);
        }
        self.pop(1);
        if u & 0x80 != 0 {
            if self.cur.depth() < 4 {
                return inv("stack underflow popping a for-loop iterator", at);
            }
            self.pop(4);
        }
        Ok(Flow::Jump((t >> 8) as usize))
    }
}
