//! The compiler driver and the bytecode emitter (MicroPython's `py/compile.c` driver and
//! `py/emitbc.c`).
//!
//! The AST is walked once per pass, by the same code, as MicroPython does:
//! 1. the scope pass (for every scope, parents first) collects identifiers and creates the
//!    child scopes; compile errors are found here, in source order within a scope;
//! 2. local numbering ([`Scopes::compute`]);
//! 3. per scope, a first code pass with every jump in its 2-byte form (it also measures the
//!    stack depth), then passes that pick the 1-byte form where the offset fits, until the
//!    code size stops changing.
//!
//! Code after an unconditional jump, return or raise is not emitted until the next label
//! ("suppressed"), but its stack effects and line numbers are still recorded, as in
//! `emitbc.c`. Qstr and constant-table indexes are assigned at first use and never change,
//! so the byte size of an operand is known in every pass.

use super::ast::*;
use super::intern::{Interner, Sym};
use super::scope::*;
use super::{CResult, CompileError, CompileOptions, Mode, VecExt};
use crate::bytecode::opcode as bc;
use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec;

/// One compiled function body: the whole `.mpy` raw-code `code` field and its children.
pub struct RawCode<A: Allocator + Clone> {
    /// Prelude followed by bytecode.
    pub code: Vec<u8, A>,
    /// Scope indexes of the children, in MAKE_* order.
    pub children: Vec<u32, A>,
}

/// The compiled module: raw codes per scope and the shared tables.
pub struct CompiledModule<A: Allocator + Clone> {
    /// Raw code of each scope (index = scope index; 0 is the module).
    pub raws: Vec<RawCode<A>, A>,
    /// Qstr table in index order; entry 0 is the file name (filled by the writer).
    pub qstrs: Vec<Sym, A>,
    /// Constant table in index order.
    pub objs: Vec<ConstVal, A>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Pass {
    Scope,
    /// First code pass: 2-byte jumps, stack size.
    Pessimistic,
    /// Later code passes.
    Code,
}

/// Sentinel for "no label" (break/continue outside a loop).
pub(crate) const NO_LABEL: u32 = u32::MAX;
/// Flag on a break label: the loop is a `for` with a 4-slot iterator to pop.
pub(crate) const BREAK_FROM_FOR: u32 = 0x8000_0000;

pub(crate) struct Compiler<'a, 'i, A: Allocator + Clone> {
    pub ast: &'a Ast<A>,
    pub interner: &'i mut Interner<A>,
    pub opts: &'a CompileOptions,
    pub mode: Mode,
    pub alloc: A,
    pub scopes: Scopes<A>,
    /// Scope index of each scope-defining node (node id -> scope + 1).
    pub node_scope: Vec<u32, A>,
    pub cur: usize,
    pub pass: Pass,
    // emitter state for the current scope and pass
    pub code: Vec<u8, A>,
    pub line_info: Vec<u8, A>,
    pub last_line: u32,
    pub last_line_offset: usize,
    pub stack: i64,
    pub suppress: bool,
    pub last_was_return: bool,
    pub labels: Vec<u32, A>,
    pub prev_labels: Vec<u32, A>,
    pub next_label: u32,
    pub children: Vec<u32, A>,
    // compiler state
    pub break_label: u32,
    pub continue_label: u32,
    pub break_continue_except_level: u32,
    pub cur_except_level: u32,
    pub depth: u32,
    // tables
    pub qstr_index: Vec<u32, A>,
    pub qstrs: Vec<Sym, A>,
    pub objs: Vec<ConstVal, A>,
    // well-known names
    pub sym_class: Sym,
    pub sym_star: Sym,
    pub sym_empty: Sym,
}

fn scope_error(line: u32, msg: &'static str) -> CompileError {
    CompileError::syntax(line, msg)
}

/// Compile the parsed module into raw codes and tables.
pub fn compile_module<A: Allocator + Clone>(
    ast: &Ast<A>,
    interner: &mut Interner<A>,
    mode: Mode,
    opts: &CompileOptions,
    alloc: A,
) -> CResult<CompiledModule<A>> {
    let sym_class = interner.intern(b"__class__")?;
    let sym_star = interner.intern(b"*")?;
    let sym_empty = interner.intern(b"")?;
    let sym_module = interner.intern(b"<module>")?;
    let mut node_scope = Vec::new_in(alloc.clone());
    node_scope
        .try_reserve(ast.nodes.len())
        .map_err(|_| CompileError::memory())?;
    node_scope.resize(ast.nodes.len(), 0);
    let mut c = Compiler {
        ast,
        interner,
        opts,
        mode,
        alloc: alloc.clone(),
        scopes: Scopes {
            list: Vec::new_in(alloc.clone()),
        },
        node_scope,
        cur: 0,
        pass: Pass::Scope,
        code: Vec::new_in(alloc.clone()),
        line_info: Vec::new_in(alloc.clone()),
        last_line: 1,
        last_line_offset: 0,
        stack: 0,
        suppress: false,
        last_was_return: false,
        labels: Vec::new_in(alloc.clone()),
        prev_labels: Vec::new_in(alloc.clone()),
        next_label: 0,
        children: Vec::new_in(alloc.clone()),
        break_label: NO_LABEL,
        continue_label: NO_LABEL,
        break_continue_except_level: 0,
        cur_except_level: 0,
        depth: 0,
        qstr_index: Vec::new_in(alloc.clone()),
        qstrs: Vec::new_in(alloc.clone()),
        objs: Vec::new_in(alloc.clone()),
        sym_class,
        sym_star,
        sym_empty,
    };
    // qstr 0 is reserved for the file name (the writer fills it in).
    c.qstrs.tpush(sym_empty)?;
    c.scopes.list.tpush(Scope::new(
        ScopeKind::Module,
        ast.root,
        None,
        sym_module,
        1,
        alloc.clone(),
    ))?;

    // Pass 1: scopes, parents before children (new scopes are appended while we iterate).
    let mut s = 0;
    while s < c.scopes.list.len() {
        c.run_scope(s, Pass::Scope)
            .map_err(|e| c.attach_scope(e, s))?;
        s += 1;
    }
    for s in 0..c.scopes.list.len() {
        c.scopes.compute(s, sym_class);
    }
    // Code passes.
    let mut raws: Vec<RawCode<A>, A> = Vec::new_in(alloc.clone());
    for s in 0..c.scopes.list.len() {
        c.run_scope(s, Pass::Pessimistic)
            .map_err(|e| c.attach_scope(e, s))?;
        let mut size = c.code.len() + c.line_info.len();
        let mut iterations = 0;
        loop {
            core::mem::swap(&mut c.labels, &mut c.prev_labels);
            c.run_scope(s, Pass::Code)
                .map_err(|e| c.attach_scope(e, s))?;
            let new_size = c.code.len() + c.line_info.len();
            if new_size == size {
                break;
            }
            size = new_size;
            iterations += 1;
            if iterations > 64 {
                return Err(CompileError::new(
                    super::ErrorKind::RuntimeError,
                    0,
                    "bytecode overflow",
                ));
            }
        }
        let code = c.assemble(s)?;
        let mut children = Vec::new_in(alloc.clone());
        super::textend(&mut children, &c.children)?;
        raws.tpush(RawCode { code, children })?;
    }
    Ok(CompiledModule {
        raws,
        qstrs: c.qstrs,
        objs: c.objs,
    })
}

impl<A: Allocator + Clone> Compiler<'_, '_, A> {
    fn attach_scope(&self, mut e: CompileError, s: usize) -> CompileError {
        if e.kind == super::ErrorKind::MemoryError {
            return e;
        }
        if let Some(sc) = self.scopes.list.get(s) {
            if e.line == 0 {
                e.line = sc.line;
            }
            e.scope = Some(super::ScopeName::from_bytes(self.interner.get(sc.name)));
        }
        e
    }

    /// A syntax error on a node. Leaves have no line, so the error is raised without one
    /// (line 0) and takes the line of the innermost statement or expression node being
    /// compiled around it ([`Self::error_line`], called by `stmt`/`expr`), or failing that the
    /// scope's line: MicroPython's `compile_error_set_line` in `compile_node` and
    /// `mp_compile_to_raw_code`. So `1 = x` reports the line of the assignment.
    pub(crate) fn err(&self, node: NodeId, msg: &'static str) -> CompileError {
        let n = self.ast.node(node);
        let line = if n.kind.is_leaf() { 0 } else { n.line };
        scope_error(line, msg)
    }

    /// Give a line-less syntax error raised while compiling `node` the line of `node`.
    pub(crate) fn error_line<T>(&self, node: NodeId, r: CResult<T>) -> CResult<T> {
        r.map_err(|mut e| {
            let n = self.ast.node(node);
            if e.line == 0 && e.kind == super::ErrorKind::SyntaxError && !n.kind.is_leaf() {
                e.line = n.line;
            }
            e
        })
    }

    pub(crate) fn scope(&self) -> &Scope<A> {
        &self.scopes.list[self.cur]
    }

    pub(crate) fn scope_mut(&mut self) -> &mut Scope<A> {
        &mut self.scopes.list[self.cur]
    }

    pub(crate) fn enter(&mut self, node: NodeId) -> CResult<()> {
        self.depth += 1;
        if self.depth > self.opts.max_depth.saturating_mul(2) {
            return Err(CompileError::recursion(self.ast.node(node).line));
        }
        Ok(())
    }

    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn run_scope(&mut self, s: usize, pass: Pass) -> CResult<()> {
        self.cur = s;
        self.pass = pass;
        self.code.clear();
        self.line_info.clear();
        self.last_line = 1;
        self.last_line_offset = 0;
        self.stack = 0;
        self.suppress = false;
        self.last_was_return = false;
        self.labels.clear();
        self.next_label = 0;
        self.children.clear();
        self.break_label = NO_LABEL;
        self.continue_label = NO_LABEL;
        self.break_continue_except_level = 0;
        self.cur_except_level = 0;
        if pass == Pass::Scope {
            self.scope_mut().stack_size = 0;
            self.scope_mut().exc_stack_size = 0;
        }
        self.compile_scope_body(s)
    }

    // ------------------------------------------------------------------ labels

    pub(crate) fn new_label(&mut self) -> CResult<u32> {
        let l = self.next_label;
        self.next_label += 1;
        while self.labels.len() <= l as usize {
            self.labels.tpush(u32::MAX)?;
        }
        Ok(l)
    }

    pub(crate) fn label_assign(&mut self, l: u32) {
        self.suppress = false;
        self.last_was_return = false;
        let off = self.code.len() as u32;
        if let Some(slot) = self.labels.get_mut(l as usize) {
            *slot = off;
        }
    }

    // ------------------------------------------------------------------ low-level emission

    pub(crate) fn adjust_stack(&mut self, delta: i64) {
        if self.pass == Pass::Scope {
            return;
        }
        self.stack += delta;
        if self.stack > self.scope().stack_size as i64 {
            let v = self.stack.clamp(0, u32::MAX as i64) as u32;
            self.scope_mut().stack_size = v;
        }
        self.last_was_return = false;
    }

    fn write(&mut self, b: &[u8]) -> CResult<()> {
        if self.suppress {
            return Ok(());
        }
        super::textend(&mut self.code, b)
    }

    pub(crate) fn op(&mut self, delta: i64, op: u8) -> CResult<()> {
        self.adjust_stack(delta);
        self.write(&[op])
    }

    fn op_uint(&mut self, delta: i64, op: u8, v: u64) -> CResult<()> {
        self.adjust_stack(delta);
        let mut buf = [0u8; 11];
        let n = encode_vuint(v, &mut buf);
        let mut out = [0u8; 12];
        out[0] = op;
        out[1..=n].copy_from_slice(&buf[..n]);
        self.write(&out[..=n])
    }

    pub(crate) fn op_qstr(&mut self, delta: i64, op: u8, s: Sym) -> CResult<()> {
        let q = self.qstr(s)?;
        self.op_uint(delta, op, q as u64)
    }

    /// The qstr-table index of a sym (assigned at first use).
    pub(crate) fn qstr(&mut self, s: Sym) -> CResult<u32> {
        let i = s.0 as usize;
        while self.qstr_index.len() <= i {
            self.qstr_index.tpush(0)?;
        }
        if self.qstr_index[i] == 0 {
            self.qstrs.tpush(s)?;
            self.qstr_index[i] = self.qstrs.len() as u32 - 1;
        }
        Ok(self.qstr_index[i])
    }

    fn op_label(&mut self, delta: i64, op: u8, label: u32, extra: Option<u8>) -> CResult<()> {
        self.adjust_stack(delta);
        if self.suppress {
            return Ok(());
        }
        let signed = bc::is_signed_jump(op);
        let pos = self.code.len() as i64;
        let mut two = true;
        let mut off: i64 = 0;
        if self.pass != Pass::Pessimistic && self.pass != Pass::Scope {
            let cur = self.labels.get(label as usize).copied().unwrap_or(u32::MAX);
            // A label already assigned in this pass is behind us; otherwise use where it was
            // in the previous pass (code only shrinks from pass to pass).
            let target = if cur != u32::MAX && (cur as i64) <= pos {
                cur as i64
            } else {
                self.prev_labels.get(label as usize).copied().unwrap_or(0) as i64
            };
            off = target - pos - 2;
            two = if signed {
                !(-64..=63).contains(&off)
            } else {
                !(0..=127).contains(&off)
            };
        }
        if !two {
            let b = if signed { off + 0x40 } else { off };
            self.code.tpush(op)?;
            self.code.tpush(b as u8)?;
        } else {
            let mut o = off - 1;
            if signed {
                o += 0x4000;
            }
            if self.pass == Pass::Code && !(0..=0x7fff).contains(&o) {
                return Err(CompileError::new(
                    super::ErrorKind::RuntimeError,
                    0,
                    "bytecode overflow",
                ));
            }
            let o = (o & 0x7fff) as u16;
            self.code.tpush(op)?;
            self.code.tpush(0x80 | (o & 0x7f) as u8)?;
            self.code.tpush((o >> 7) as u8)?;
        }
        if let Some(e) = extra {
            self.code.tpush(e)?;
        }
        Ok(())
    }

    pub(crate) fn set_line(&mut self, line: u32) -> CResult<()> {
        if self.pass == Pass::Scope || line <= self.last_line {
            return Ok(());
        }
        let mut b = (self.code.len() - self.last_line_offset) as u64;
        let mut l = (line - self.last_line) as u64;
        while b > 0 || l > 0 {
            if l <= 6 || b > 0xf {
                let bb = b.min(0x1f);
                let ll = if bb < b { 0 } else { l.min(3) };
                self.line_info.tpush((bb | (ll << 5)) as u8)?;
                b -= bb;
                l -= ll;
            } else {
                let bb = b.min(0xf);
                let ll = l.min(0x7ff);
                self.line_info
                    .tpush((0x80 | bb | ((ll >> 4) & 0x70)) as u8)?;
                self.line_info.tpush(ll as u8)?;
                b -= bb;
                l -= ll;
            }
        }
        self.last_line_offset = self.code.len();
        self.last_line = line;
        Ok(())
    }

    // ------------------------------------------------------------------ opcodes

    pub(crate) fn load_small_int(&mut self, v: i64) -> CResult<()> {
        let bits = self.opts.small_int_bits.clamp(2, 63) as u32;
        let min = -(1i64 << (bits - 1));
        let max = (1i64 << (bits - 1)) - 1;
        if v < min || v > max {
            return self.load_const_obj(ConstVal::Small(v));
        }
        if (-16..=47).contains(&v) {
            self.op(1, (bc::LOAD_CONST_SMALL_INT_MULTI as i64 + 16 + v) as u8)
        } else {
            self.adjust_stack(1);
            let mut buf = [0u8; 11];
            let n = encode_svint(v, &mut buf);
            let mut out = [0u8; 12];
            out[0] = bc::LOAD_CONST_SMALL_INT;
            out[1..=n].copy_from_slice(&buf[..n]);
            self.write(&out[..=n])
        }
    }

    pub(crate) fn load_const_obj(&mut self, v: ConstVal) -> CResult<()> {
        let idx = if self.pass == Pass::Scope {
            0
        } else {
            self.obj_index(v)?
        };
        self.op_uint(1, bc::LOAD_CONST_OBJ, idx as u64)
    }

    fn obj_index(&mut self, v: ConstVal) -> CResult<u32> {
        for (i, o) in self.objs.iter().enumerate() {
            if const_eq(self.ast, o, &v) {
                return Ok(i as u32);
            }
        }
        self.objs.tpush(v)?;
        Ok(self.objs.len() as u32 - 1)
    }

    pub(crate) fn load_const_str(&mut self, s: Sym) -> CResult<()> {
        self.op_qstr(1, bc::LOAD_CONST_STRING, s)
    }

    pub(crate) fn load_fast(&mut self, n: u32) -> CResult<()> {
        if n < 16 {
            self.op(1, bc::LOAD_FAST_MULTI + n as u8)
        } else {
            self.op_uint(1, bc::LOAD_FAST_N, n as u64)
        }
    }

    pub(crate) fn store_fast(&mut self, n: u32) -> CResult<()> {
        if n < 16 {
            self.op(-1, bc::STORE_FAST_MULTI + n as u8)
        } else {
            self.op_uint(-1, bc::STORE_FAST_N, n as u64)
        }
    }

    pub(crate) fn op_u(&mut self, delta: i64, op: u8, v: u32) -> CResult<()> {
        self.op_uint(delta, op, v as u64)
    }

    pub(crate) fn jump(&mut self, label: u32) -> CResult<()> {
        self.op_label(0, bc::JUMP, label, None)?;
        self.suppress = true;
        Ok(())
    }

    pub(crate) fn pop_jump_if(&mut self, cond: bool, label: u32) -> CResult<()> {
        self.op_label(
            -1,
            if cond {
                bc::POP_JUMP_IF_TRUE
            } else {
                bc::POP_JUMP_IF_FALSE
            },
            label,
            None,
        )
    }

    pub(crate) fn jump_if_or_pop(&mut self, cond: bool, label: u32) -> CResult<()> {
        self.op_label(
            -1,
            if cond {
                bc::JUMP_IF_TRUE_OR_POP
            } else {
                bc::JUMP_IF_FALSE_OR_POP
            },
            label,
            None,
        )
    }

    pub(crate) fn setup_block(&mut self, op: u8, label: u32) -> CResult<()> {
        let delta = if op == bc::SETUP_WITH { 2 } else { 0 };
        self.op_label(delta, op, label, None)
    }

    pub(crate) fn pop_except_jump(&mut self, label: u32) -> CResult<()> {
        self.op_label(0, bc::POP_EXCEPT_JUMP, label, None)?;
        self.suppress = true;
        Ok(())
    }

    pub(crate) fn for_iter(&mut self, label: u32) -> CResult<()> {
        self.op_label(1, bc::FOR_ITER, label, None)
    }

    pub(crate) fn unwind_jump(&mut self, label: u32, depth: u32) -> CResult<()> {
        let from_for = label != NO_LABEL && label & BREAK_FROM_FOR != 0;
        let l = if label == NO_LABEL {
            0
        } else {
            label & !BREAK_FROM_FOR
        };
        if depth == 0 {
            if from_for {
                for _ in 0..4 {
                    self.write(&[bc::POP_TOP])?;
                }
            }
            self.op_label(0, bc::JUMP, l, None)?;
        } else {
            let u = (depth.min(0x7f) as u8) | if from_for { 0x80 } else { 0 };
            self.op_label(0, bc::UNWIND_JUMP, l, Some(u))?;
        }
        self.suppress = true;
        Ok(())
    }

    pub(crate) fn return_value(&mut self) -> CResult<()> {
        self.op(-1, bc::RETURN_VALUE)?;
        self.last_was_return = true;
        self.suppress = true;
        Ok(())
    }

    pub(crate) fn raise(&mut self, n: u8) -> CResult<()> {
        self.op(-(n as i64), bc::RAISE_LAST + n)?;
        self.suppress = true;
        Ok(())
    }

    pub(crate) fn binary_op(&mut self, op: u8) -> CResult<()> {
        self.op(-1, bc::BINARY_OP_MULTI + op)
    }

    pub(crate) fn make_function(
        &mut self,
        child: u32,
        n_closed: u32,
        has_defaults: bool,
    ) -> CResult<()> {
        let idx = self.children.len() as u64;
        self.children.tpush(child)?;
        if n_closed == 0 {
            if has_defaults {
                self.op_uint(-1, bc::MAKE_FUNCTION_DEFARGS, idx)
            } else {
                self.op_uint(1, bc::MAKE_FUNCTION, idx)
            }
        } else {
            let n = n_closed as i64;
            if has_defaults {
                self.op_uint(-2 - n + 1, bc::MAKE_CLOSURE_DEFARGS, idx)?;
            } else {
                self.op_uint(1 - n, bc::MAKE_CLOSURE, idx)?;
            }
            self.write(&[n_closed.min(255) as u8])
        }
    }

    pub(crate) fn call(&mut self, method: bool, n_pos: u32, n_kw: u32, star: bool) -> CResult<()> {
        let base: i64 = if method { -1 } else { 0 };
        let arg = ((n_kw as u64) << 8) | n_pos as u64;
        if star {
            let op = if method {
                bc::CALL_METHOD_VAR_KW
            } else {
                bc::CALL_FUNCTION_VAR_KW
            };
            self.op_uint(base - n_pos as i64 - 2 * n_kw as i64 - 1, op, arg)
        } else {
            let op = if method {
                bc::CALL_METHOD
            } else {
                bc::CALL_FUNCTION
            };
            self.op_uint(base - n_pos as i64 - 2 * n_kw as i64, op, arg)
        }
    }

    // ------------------------------------------------------------------ identifiers

    /// Load a name (`compile_load_id`).
    pub(crate) fn load_id(&mut self, s: Sym) -> CResult<()> {
        if self.pass == Pass::Scope {
            let (i, added) = self.scope_mut().find_or_add(s, IdKind::GlobalImplicit)?;
            if added {
                self.scopes.check_to_close_over(self.cur, i)?;
            }
            return Ok(());
        }
        self.id_op(s, 0)
    }

    /// Declare a name as assigned in this scope (`mp_emit_common_get_id_for_modification`).
    pub(crate) fn declare_modified(&mut self, scope: usize, s: Sym) -> CResult<usize> {
        let func = self.scopes.list[scope].kind.is_func_like();
        let sc = &mut self.scopes.list[scope];
        let (i, added) = sc.find_or_add(s, IdKind::GlobalImplicit)?;
        if added {
            sc.ids[i].kind = if func {
                IdKind::Local
            } else {
                IdKind::GlobalImplicit
            };
        } else if func && sc.ids[i].kind == IdKind::GlobalImplicit {
            sc.ids[i].kind = IdKind::Local;
        }
        Ok(i)
    }

    /// Store to a name (`compile_store_id`).
    pub(crate) fn store_id(&mut self, s: Sym) -> CResult<()> {
        if self.pass == Pass::Scope {
            self.declare_modified(self.cur, s)?;
            return Ok(());
        }
        self.id_op(s, 1)
    }

    /// Delete a name.
    pub(crate) fn delete_id(&mut self, s: Sym) -> CResult<()> {
        if self.pass == Pass::Scope {
            self.declare_modified(self.cur, s)?;
            return Ok(());
        }
        self.id_op(s, 2)
    }

    /// Emit a load (0), store (1) or delete (2) of a resolved identifier.
    fn id_op(&mut self, s: Sym, what: u8) -> CResult<()> {
        let id = match self.scope().find(s) {
            Some(i) => self.scope().ids[i],
            None => IdInfo {
                name: s,
                kind: IdKind::GlobalImplicit,
                flags: 0,
                local_num: 0,
            },
        };
        let delta = [1i64, -1, 0][what as usize];
        match id.kind {
            IdKind::GlobalImplicit | IdKind::Undecided => {
                let op = [bc::LOAD_NAME, bc::STORE_NAME, bc::DELETE_NAME][what as usize];
                self.op_qstr(delta, op, s)
            }
            IdKind::GlobalExplicit => {
                let op = [bc::LOAD_GLOBAL, bc::STORE_GLOBAL, bc::DELETE_GLOBAL][what as usize];
                self.op_qstr(delta, op, s)
            }
            IdKind::Local => match what {
                0 => self.load_fast(id.local_num),
                1 => self.store_fast(id.local_num),
                _ => self.op_u(0, bc::DELETE_FAST, id.local_num),
            },
            IdKind::Cell | IdKind::Free => {
                let op = [bc::LOAD_DEREF, bc::STORE_DEREF, bc::DELETE_DEREF][what as usize];
                self.op_u(delta, op, id.local_num)
            }
        }
    }

    /// Create (scope pass) or look up the scope of a defining node.
    pub(crate) fn child_scope(
        &mut self,
        node: NodeId,
        kind: ScopeKind,
        name: Sym,
        line: u32,
    ) -> CResult<u32> {
        let slot = self.node_scope.get(node as usize).copied().unwrap_or(0);
        if slot != 0 {
            return Ok(slot - 1);
        }
        let idx = self.scopes.list.len() as u32;
        let sc = Scope::new(
            kind,
            node,
            Some(self.cur as u32),
            name,
            line,
            self.alloc.clone(),
        );
        self.scopes.list.tpush(sc)?;
        if let Some(s) = self.node_scope.get_mut(node as usize) {
            *s = idx + 1;
        }
        Ok(idx)
    }

    /// `close_over_variables_etc`: load the cells a child needs, then MAKE_FUNCTION/CLOSURE.
    pub(crate) fn close_over_and_make(&mut self, child: u32, has_defaults: bool) -> CResult<()> {
        let mut nfree = 0;
        if self.scope().kind != ScopeKind::Module {
            let n = self.scope().ids.len();
            for i in 0..n {
                let id = self.scope().ids[i];
                if id.kind == IdKind::Cell || id.kind == IdKind::Free {
                    let cn = self.scopes.list[child as usize].ids.len();
                    for j in 0..cn {
                        let id2 = self.scopes.list[child as usize].ids[j];
                        if id2.kind == IdKind::Free && id2.name == id.name {
                            self.load_fast(id.local_num)?;
                            nfree += 1;
                        }
                    }
                }
            }
        }
        self.make_function(child, nfree, has_defaults)
    }

    // ------------------------------------------------------------------ assembly

    fn assemble(&mut self, s: usize) -> CResult<Vec<u8, A>> {
        let mut out: Vec<u8, A> = Vec::new_in(self.alloc.clone());
        let sc = &self.scopes.list[s];
        let n_state = (sc.num_locals as u64 + sc.stack_size as u64).max(1);
        let mut sig = [0u8; 32];
        let n = encode_signature(
            n_state,
            sc.exc_stack_size as u64,
            sc.flags as u64,
            sc.num_pos_args as u64,
            sc.num_kwonly_args as u64,
            sc.num_def_pos_args as u64,
            &mut sig,
        );
        super::textend(&mut out, &sig[..n])?;
        // source info: name, argument names, line info
        let mut info: Vec<u8, A> = Vec::new_in(self.alloc.clone());
        let name = sc.name;
        let nargs = sc.num_pos_args + sc.num_kwonly_args;
        let mut cells: Vec<u8, A> = Vec::new_in(self.alloc.clone());
        for id in sc.ids.iter() {
            if id.kind == IdKind::Cell {
                cells.tpush(id.local_num.min(255) as u8)?;
            }
        }
        let mut argnames: Vec<Sym, A> = Vec::new_in(self.alloc.clone());
        for i in 0..nargs {
            let mut q = self.sym_star;
            for id in sc.ids.iter() {
                if id.flags & FLAG_PARAM != 0 && id.local_num == i {
                    q = id.name;
                    break;
                }
            }
            argnames.tpush(q)?;
        }
        let mut buf = [0u8; 11];
        let qn = self.qstr(name)?;
        let k = encode_vuint(qn as u64, &mut buf);
        super::textend(&mut info, &buf[..k])?;
        for &a in argnames.iter() {
            let q = self.qstr(a)?;
            let k = encode_vuint(q as u64, &mut buf);
            super::textend(&mut info, &buf[..k])?;
        }
        super::textend(&mut info, &self.line_info)?;
        let n_info = info.len() as u64;
        let n_cell = cells.len() as u64;
        let mut size = [0u8; 24];
        let k = encode_size(n_info, n_cell, &mut size);
        super::textend(&mut out, &size[..k])?;
        super::textend(&mut out, &info)?;
        super::textend(&mut out, &cells)?;
        super::textend(&mut out, &self.code)?;
        Ok(out)
    }
}

/// Strict constant equality, as mpy-cross deduplicates its constant table.
fn const_eq<A: Allocator + Clone>(ast: &Ast<A>, a: &ConstVal, b: &ConstVal) -> bool {
    match (a, b) {
        (ConstVal::Small(x), ConstVal::Small(y)) => x == y,
        (ConstVal::Big(x), ConstVal::Big(y)) => x == y,
        (
            ConstVal::Limbs {
                neg: n1,
                start: s1,
                len: l1,
            },
            ConstVal::Limbs {
                neg: n2,
                start: s2,
                len: l2,
            },
        ) => ast.big(*n1, *s1, *l1) == ast.big(*n2, *s2, *l2),
        (ConstVal::Float(x), ConstVal::Float(y)) => x.to_bits() == y.to_bits(),
        (ConstVal::Complex(x), ConstVal::Complex(y)) => x.to_bits() == y.to_bits(),
        (ConstVal::Str(x), ConstVal::Str(y)) => x == y,
        (ConstVal::Bytes(s1, l1), ConstVal::Bytes(s2, l2)) => {
            ast.span(*s1, *l1) == ast.span(*s2, *l2)
        }
        (ConstVal::Tuple(s1, l1), ConstVal::Tuple(s2, l2)) => {
            l1 == l2 && {
                let x = ast.const_list(*s1, *l1);
                let y = ast.const_list(*s2, *l2);
                x.iter()
                    .zip(y.iter())
                    .all(|(&p, &q)| const_eq(ast, &ast.konst(p), &ast.konst(q)))
            }
        }
        (ConstVal::None, ConstVal::None)
        | (ConstVal::True, ConstVal::True)
        | (ConstVal::False, ConstVal::False)
        | (ConstVal::Ellipsis, ConstVal::Ellipsis) => true,
        _ => false,
    }
}

/// Encode an unsigned vuint (MSB group first); returns the length.
pub fn encode_vuint(mut v: u64, buf: &mut [u8; 11]) -> usize {
    let mut tmp = [0u8; 11];
    let mut n = 0;
    loop {
        tmp[n] = (v & 0x7f) as u8;
        n += 1;
        v >>= 7;
        if v == 0 {
            break;
        }
    }
    for i in 0..n {
        buf[i] = tmp[n - 1 - i] | if i + 1 < n { 0x80 } else { 0 };
    }
    n
}

/// Encode a signed vuint for LOAD_CONST_SMALL_INT.
pub fn encode_svint(v: i64, buf: &mut [u8; 11]) -> usize {
    let mut tmp = [0u8; 11];
    let mut n = 0;
    let mut x = v;
    loop {
        tmp[n] = (x & 0x7f) as u8;
        n += 1;
        x >>= 7;
        if x == 0 || x == -1 {
            break;
        }
    }
    // The top group's bit 6 must equal the sign.
    let top = tmp[n - 1];
    if v >= 0 && top & 0x40 != 0 {
        tmp[n] = 0;
        n += 1;
    } else if v < 0 && top & 0x40 == 0 {
        tmp[n] = 0x7f;
        n += 1;
    }
    for i in 0..n {
        buf[i] = tmp[n - 1 - i] | if i + 1 < n { 0x80 } else { 0 };
    }
    n
}

/// Encode the prelude signature (MPY_FORMAT.md 3.1).
pub fn encode_signature(
    n_state: u64,
    e: u64,
    f: u64,
    a: u64,
    k: u64,
    d: u64,
    out: &mut [u8; 32],
) -> usize {
    let (mut s, mut e, mut f, mut a, mut k, mut d) = (n_state - 1, e, f, a, k, d);
    let mut n = 0;
    let mut z = (((s & 0xf) << 3) | ((e & 1) << 2) | (a & 3)) as u8;
    s >>= 4;
    e >>= 1;
    a >>= 2;
    while (s | e | f | a | k | d) != 0 && n < 31 {
        out[n] = 0x80 | z;
        n += 1;
        z = (((f & 1) << 6)
            | ((s & 3) << 4)
            | ((k & 1) << 3)
            | ((a & 1) << 2)
            | ((e & 1) << 1)
            | (d & 1)) as u8;
        s >>= 2;
        e >>= 1;
        f >>= 1;
        a >>= 1;
        k >>= 1;
        d >>= 1;
    }
    out[n] = z;
    n + 1
}

/// Encode the prelude size field (n_info, n_cell).
pub fn encode_size(mut i: u64, mut c: u64, out: &mut [u8; 24]) -> usize {
    let mut n = 0;
    loop {
        let mut z = (((i & 0x3f) << 1) | (c & 1)) as u8;
        c >>= 1;
        i >>= 6;
        if (c | i) != 0 {
            z |= 0x80;
        }
        if n < out.len() {
            out[n] = z;
            n += 1;
        }
        if (c | i) == 0 || n >= out.len() {
            break;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vuints() {
        let mut b = [0u8; 11];
        let n = encode_vuint(300, &mut b);
        assert_eq!(&b[..n], &[0x82, 0x2c]);
        let n = encode_svint(64, &mut b);
        assert_eq!(&b[..n], &[0x80, 0x40]);
        let n = encode_svint(-65, &mut b);
        assert_eq!(&b[..n], &[0xff, 0x3f]);
        let n = encode_svint(-100000, &mut b);
        assert_eq!(&b[..n], &[0xf9, 0xf2, 0x60]);
        let n = encode_svint(-17, &mut b);
        assert_eq!(&b[..n], &[0x6f]);
    }

    #[test]
    fn signature() {
        let mut o = [0u8; 32];
        let n = encode_signature(9, 0, 0b1110, 2, 2, 1, &mut o);
        assert_eq!(&o[..n], &[0xc2, 0x81, 0xc8, 0xc0, 0x40]);
        let mut s = [0u8; 24];
        let n = encode_size(7, 2, &mut s);
        assert_eq!(&s[..n], &[0x8e, 0x01]);
    }
}
