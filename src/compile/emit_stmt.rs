//! Compiling scopes and statements (the statement half of MicroPython's `py/compile.c`):
//! scope bodies and parameters, the statement dispatch, and the simple statements
//! (expression statements, assignment, `return`, `global`/`nonlocal`, `import`). Compound
//! statements are in `emit_flow.rs` (if/while/for), `emit_try.rs` (try/with/async),
//! `emit_def.rs` (def/class) and assignment targets in `emit_assign.rs`.

use super::ast::*;
use super::emit::{Compiler, Pass, NO_LABEL};
use super::emit_assign::Assign;
use super::intern::Sym;
use super::lexer::Op;
use super::scope::*;
use super::{CResult, Mode, VecExt};
use crate::bytecode::opcode as bc;
use allocator_api2::alloc::Allocator;

pub(crate) fn aug_binary_op(op: Op) -> u8 {
    // In-place operators are numbered 9.. in the same order as Op::PipeEq..
    let i = match op {
        Op::PipeEq => 0,
        Op::CaretEq => 1,
        Op::AmpEq => 2,
        Op::ShlEq => 3,
        Op::ShrEq => 4,
        Op::PlusEq => 5,
        Op::MinusEq => 6,
        Op::StarEq => 7,
        Op::AtEq => 8,
        Op::DblSlashEq => 9,
        Op::SlashEq => 10,
        Op::PercentEq => 11,
        _ => 12,
    };
    9 + i
}

impl<A: Allocator + Clone> Compiler<'_, '_, A> {
    pub(crate) fn compile_scope_body(&mut self, s: usize) -> CResult<()> {
        let kind = self.scopes.list[s].kind;
        let node = self.scopes.list[s].node;
        match kind {
            ScopeKind::Module => match self.ast.kind(node) {
                Kind::EvalInput(e) => {
                    self.expr(e)?;
                    self.return_value()
                }
                Kind::Module(stmts) => {
                    for &st in self.ast.list(stmts) {
                        self.stmt(st)?;
                    }
                    self.op(1, bc::LOAD_CONST_NONE)?;
                    self.return_value()
                }
                _ => Ok(()),
            },
            ScopeKind::Function => {
                let Kind::FuncDef { params, body, .. } = self.ast.kind(node) else {
                    return Ok(());
                };
                if self.pass == Pass::Scope {
                    self.scope_params(params)?;
                }
                self.stmt(body)?;
                if !self.last_was_return {
                    self.op(1, bc::LOAD_CONST_NONE)?;
                    self.return_value()?;
                }
                Ok(())
            }
            ScopeKind::Lambda => {
                let Kind::Lambda { params, body } = self.ast.kind(node) else {
                    return Ok(());
                };
                let line = self.ast.node(node).line;
                self.set_line(line)?;
                if self.pass == Pass::Scope {
                    self.scope_params(params)?;
                }
                self.expr(body)?;
                if self.scope().flags & SCOPE_GENERATOR != 0 {
                    self.op(-1, bc::POP_TOP)?;
                    self.op(1, bc::LOAD_CONST_NONE)?;
                }
                self.return_value()
            }
            ScopeKind::Class => {
                let Kind::ClassDef { name, body, .. } = self.ast.kind(node) else {
                    return Ok(());
                };
                if self.pass == Pass::Scope {
                    let cs = self.sym_class;
                    let (i, _) = self.scope_mut().find_or_add(cs, IdKind::Local)?;
                    self.scope_mut().ids[i].kind = IdKind::Local;
                }
                let s_name = self.interner.intern(b"__name__")?;
                let s_module = self.interner.intern(b"__module__")?;
                let s_qual = self.interner.intern(b"__qualname__")?;
                self.load_id(s_name)?;
                self.store_id(s_module)?;
                self.load_const_str(name)?;
                self.store_id(s_qual)?;
                self.stmt(body)?;
                let cs = self.sym_class;
                let id = self.scope().find(cs).map(|i| self.scope().ids[i]);
                match id {
                    Some(id) if id.kind != IdKind::Local => self.load_fast(id.local_num)?,
                    _ => self.op(1, bc::LOAD_CONST_NONE)?,
                }
                self.return_value()
            }
            _ => self.compile_comp_scope(s),
        }
    }

    /// Parameters of a function or lambda scope (`compile_scope_func_lambda_param`).
    fn scope_params(&mut self, params: List) -> CResult<()> {
        let mut have_star = false;
        for &p in self.ast.list(params) {
            let Kind::Param { name, kind, .. } = self.ast.kind(p) else {
                continue;
            };
            if self.scope().flags & SCOPE_VARKEYWORDS != 0 {
                return Err(self.err(p, "invalid syntax"));
            }
            let mut flag = FLAG_PARAM;
            match kind {
                ParamKind::Plain => {
                    if have_star {
                        self.scope_mut().num_kwonly_args += 1;
                    } else {
                        self.scope_mut().num_pos_args += 1;
                    }
                }
                ParamKind::Star | ParamKind::BareStar => {
                    if have_star {
                        return Err(self.err(p, "invalid syntax"));
                    }
                    have_star = true;
                    flag |= FLAG_STAR;
                    if kind == ParamKind::Star {
                        self.scope_mut().flags |= SCOPE_VARARGS;
                    }
                }
                ParamKind::DblStar => {
                    flag |= FLAG_DBL_STAR;
                    self.scope_mut().flags |= SCOPE_VARKEYWORDS;
                }
            }
            if let Some(n) = name {
                let (i, added) = self.scope_mut().find_or_add(n, IdKind::Local)?;
                if !added {
                    return Err(self.err(p, "argument name reused"));
                }
                let id = &mut self.scope_mut().ids[i];
                id.kind = IdKind::Local;
                id.flags = flag;
            }
        }
        Ok(())
    }

    // ------------------------------------------------------------------ statements

    pub(crate) fn stmt(&mut self, n: NodeId) -> CResult<()> {
        self.enter(n)?;
        let r = self.stmt_inner(n);
        self.leave();
        self.error_line(n, r)
    }

    fn stmt_inner(&mut self, n: NodeId) -> CResult<()> {
        let node = self.ast.node(n);
        if !matches!(node.kind, Kind::Suite(_)) {
            self.set_line(node.line)?;
        }
        match node.kind {
            Kind::Suite(l) => {
                for &s in self.ast.list(l) {
                    self.stmt(s)?;
                }
                Ok(())
            }
            Kind::Pass => Ok(()),
            Kind::ExprStmt(e) => self.expr_stmt(e),
            Kind::Assign { targets, value } => self.assign_stmt(targets, value),
            Kind::AugAssign { target, op, value } => {
                self.c_assign(target, Assign::AugLoad)?;
                self.expr(value)?;
                self.binary_op(aug_binary_op(op))?;
                self.c_assign(target, Assign::AugStore)
            }
            Kind::AnnAssign { target, value } => {
                if value == NONE {
                    if self.scope().kind == ScopeKind::Function {
                        if let Kind::Name(s) = self.ast.kind(target) {
                            if self.pass == Pass::Scope {
                                self.scope_mut().find_or_add(s, IdKind::Local)?;
                            }
                        }
                    }
                    Ok(())
                } else {
                    self.expr(value)?;
                    self.c_assign(target, Assign::Store)
                }
            }
            Kind::Del(e) => self.del_target(e),
            Kind::Break | Kind::Continue => {
                let label = if matches!(node.kind, Kind::Break) {
                    self.break_label
                } else {
                    self.continue_label
                };
                if label == NO_LABEL {
                    return Err(self.err(n, "'break'/'continue' outside loop"));
                }
                let d = self
                    .cur_except_level
                    .saturating_sub(self.break_continue_except_level);
                self.unwind_jump(label, d)
            }
            Kind::Return(v) => self.return_stmt(n, v),
            Kind::Raise { exc, cause } => {
                if exc == NONE {
                    self.raise(0)
                } else if cause == NONE {
                    self.expr(exc)?;
                    self.raise(1)
                } else {
                    self.expr(exc)?;
                    self.expr(cause)?;
                    self.raise(2)
                }
            }
            Kind::Global(l) | Kind::Nonlocal(l) => {
                self.global_nonlocal(n, l, matches!(node.kind, Kind::Global(_)))
            }
            Kind::Assert { .. } if self.opts.opt_level >= 1 => Ok(()),
            Kind::Assert { test, msg } => {
                let l_end = self.new_label()?;
                self.if_cond(test, true, l_end)?;
                let s = self.interner.intern(b"AssertionError")?;
                self.op_qstr(1, bc::LOAD_GLOBAL, s)?;
                if msg != NONE {
                    self.expr(msg)?;
                    self.call(false, 1, 0, false)?;
                }
                self.raise(1)?;
                self.label_assign(l_end);
                Ok(())
            }
            Kind::Import(l) => {
                for &item in self.ast.list(l) {
                    self.load_small_int(0)?;
                    self.op(1, bc::LOAD_CONST_NONE)?;
                    let base = self.import_name(item)?;
                    self.store_id(base)?;
                }
                Ok(())
            }
            Kind::ImportFrom {
                level,
                module,
                names,
                star,
            } => self.import_from(n, level, module, names, star),
            Kind::If {
                test,
                body,
                elifs,
                orelse,
            } => self.if_stmt(test, body, elifs, orelse),
            Kind::While { test, body, orelse } => self.while_stmt(test, body, orelse),
            Kind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if is_async {
                    if self.scope().flags & SCOPE_GENERATOR == 0 {
                        return Err(self.err(n, "async for/with outside async function"));
                    }
                    self.async_for_stmt(target, iter, body, orelse)
                } else {
                    self.for_stmt(target, iter, body, orelse)
                }
            }
            Kind::Try {
                body,
                handlers,
                orelse,
                finally,
            } => {
                if finally != NONE {
                    self.try_finally(body, handlers, orelse, finally)
                } else {
                    self.try_except(body, handlers, orelse)
                }
            }
            Kind::With {
                items,
                body,
                is_async,
            } => {
                if is_async {
                    if self.scope().flags & SCOPE_GENERATOR == 0 {
                        return Err(self.err(n, "async for/with outside async function"));
                    }
                    self.async_with(self.ast.list(items), body)
                } else {
                    self.with_stmt(self.ast.list(items), body)
                }
            }
            Kind::FuncDef { name, .. } => {
                self.funcdef(n)?;
                self.store_id(name)
            }
            Kind::ClassDef { name, .. } => {
                self.classdef(n)?;
                self.store_id(name)
            }
            Kind::Decorated { decorators, def } => self.decorated(decorators, def),
            _ => Ok(()),
        }
    }

    fn expr_stmt(&mut self, e: NodeId) -> CResult<()> {
        if self.mode == Mode::Single && self.scope().kind == ScopeKind::Module {
            let s = self.interner.intern(b"__repl_print__")?;
            self.load_id(s)?;
            self.expr(e)?;
            self.call(false, 1, 0, false)?;
            return self.op(-1, bc::POP_TOP);
        }
        let k = self.ast.kind(e);
        if (k.is_leaf() && !matches!(k, Kind::Name(_))) || matches!(k, Kind::Const(_)) {
            return Ok(());
        }
        self.expr(e)?;
        self.op(-1, bc::POP_TOP)
    }

    fn assign_stmt(&mut self, targets: List, value: NodeId) -> CResult<()> {
        let ts = self.ast.list(targets);
        if ts.len() == 1 {
            // a, b = c, d (and a, b, c = d, e, f) without building a tuple
            if let (
                Kind::Tuple {
                    items: li,
                    paren: false,
                },
                Kind::Tuple {
                    items: ri,
                    paren: false,
                },
            ) = (self.ast.kind(ts[0]), self.ast.kind(value))
            {
                let lhs = self.ast.list(li);
                let rhs = self.ast.list(ri);
                if lhs.len() == rhs.len()
                    && (lhs.len() == 2 || lhs.len() == 3)
                    && !lhs
                        .iter()
                        .any(|&t| matches!(self.ast.kind(t), Kind::Star(_)))
                {
                    self.expr(rhs[0])?;
                    self.expr(rhs[1])?;
                    if lhs.len() == 3 {
                        self.expr(rhs[2])?;
                        self.op(0, bc::ROT_THREE)?;
                    }
                    self.op(0, bc::ROT_TWO)?;
                    for &t in lhs {
                        self.c_assign(t, Assign::Store)?;
                    }
                    return Ok(());
                }
            }
            self.expr(value)?;
            return self.c_assign(ts[0], Assign::Store);
        }
        self.expr(value)?;
        self.op(1, bc::DUP_TOP)?;
        self.c_assign(ts[0], Assign::Store)?;
        let rest = &ts[1..];
        for (i, &t) in rest.iter().enumerate() {
            if i + 1 < rest.len() {
                self.op(1, bc::DUP_TOP)?;
            }
            self.c_assign(t, Assign::Store)?;
        }
        Ok(())
    }

    fn return_stmt(&mut self, n: NodeId, v: NodeId) -> CResult<()> {
        if !matches!(self.scope().kind, ScopeKind::Function | ScopeKind::Lambda) {
            return Err(self.err(n, "'return' outside function"));
        }
        if v == NONE {
            self.op(1, bc::LOAD_CONST_NONE)?;
        } else if let Kind::IfExp { body, test, orelse } = self.ast.kind(v) {
            let l_fail = self.new_label()?;
            self.if_cond(test, false, l_fail)?;
            self.expr(body)?;
            self.return_value()?;
            self.label_assign(l_fail);
            self.expr(orelse)?;
        } else {
            self.expr(v)?;
        }
        self.return_value()
    }

    fn global_nonlocal(&mut self, n: NodeId, names: List, is_global: bool) -> CResult<()> {
        if self.pass != Pass::Scope {
            return Ok(());
        }
        if !is_global && self.scope().kind == ScopeKind::Module {
            return Err(self.err(n, "can't declare nonlocal in outer code"));
        }
        for &nm in self.ast.list(names) {
            let Kind::Name(s) = self.ast.kind(nm) else {
                continue;
            };
            let (i, _) = self.scope_mut().find_or_add(s, IdKind::Undecided)?;
            if is_global {
                self.declare_global(n, i)?;
            } else {
                self.declare_nonlocal(n, i)?;
            }
        }
        Ok(())
    }

    pub(crate) fn declare_global(&mut self, n: NodeId, i: usize) -> CResult<()> {
        let k = self.scope().ids[i].kind;
        if k != IdKind::Undecided && k != IdKind::GlobalExplicit {
            return Err(self.err(n, "identifier redefined as global"));
        }
        self.scope_mut().ids[i].kind = IdKind::GlobalExplicit;
        let name = self.scope().ids[i].name;
        if let Some(j) = self.scopes.list[0].find(name) {
            self.scopes.list[0].ids[j].kind = IdKind::GlobalExplicit;
        }
        Ok(())
    }

    pub(crate) fn declare_nonlocal(&mut self, n: NodeId, i: usize) -> CResult<()> {
        let k = self.scope().ids[i].kind;
        if k == IdKind::Undecided {
            self.scope_mut().ids[i].kind = IdKind::GlobalImplicit;
            self.scopes.check_to_close_over(self.cur, i)?;
            if self.scope().ids[i].kind == IdKind::GlobalImplicit {
                return Err(self.err(n, "no binding for nonlocal found"));
            }
        } else if k != IdKind::Free {
            return Err(self.err(n, "identifier redefined as nonlocal"));
        }
        Ok(())
    }

    /// `do_import_name`: emits IMPORT_NAME (and LOAD_ATTRs for `as`), returns the name to store.
    fn import_name(&mut self, item: NodeId) -> CResult<Sym> {
        let (parts, asname) = match self.ast.kind(item) {
            Kind::ImportName { parts, asname } => (parts, asname),
            _ => {
                let e = self.sym_empty;
                self.op_qstr(-1, bc::IMPORT_NAME, e)?;
                return Ok(e);
            }
        };
        let names = self.ast.list(parts);
        let mut full: allocator_api2::vec::Vec<u8, A> =
            allocator_api2::vec::Vec::new_in(self.alloc.clone());
        let mut first = self.sym_empty;
        for (i, &p) in names.iter().enumerate() {
            if let Kind::Name(s) = self.ast.kind(p) {
                if i == 0 {
                    first = s;
                } else {
                    full.tpush(b'.')?;
                }
                super::textend(&mut full, self.interner.get(s))?;
            }
        }
        let q = self.interner.intern(&full)?;
        self.op_qstr(-1, bc::IMPORT_NAME, q)?;
        match asname {
            Some(a) => {
                for &p in names.iter().skip(1) {
                    if let Kind::Name(s) = self.ast.kind(p) {
                        self.op_qstr(0, bc::LOAD_ATTR, s)?;
                    }
                }
                Ok(a)
            }
            None => Ok(first),
        }
    }

    fn import_from(
        &mut self,
        n: NodeId,
        level: u32,
        module: NodeId,
        names: List,
        star: bool,
    ) -> CResult<()> {
        if star {
            if self.scope().kind != ScopeKind::Module {
                return Err(self.err(n, "import * not at module level"));
            }
            self.load_small_int(level as i64)?;
            let s = self.sym_star;
            self.load_const_str(s)?;
            self.op_u(0, bc::BUILD_TUPLE, 1)?;
            self.import_name(module)?;
            return self.op(-1, bc::IMPORT_STAR);
        }
        self.load_small_int(level as i64)?;
        let items = self.ast.list(names);
        for &it in items {
            if let Kind::ImportAlias { name, .. } = self.ast.kind(it) {
                self.load_const_str(name)?;
            }
        }
        self.op_u(1 - items.len() as i64, bc::BUILD_TUPLE, items.len() as u32)?;
        self.import_name(module)?;
        for &it in items {
            if let Kind::ImportAlias { name, asname } = self.ast.kind(it) {
                self.op_qstr(1, bc::IMPORT_FROM, name)?;
                self.store_id(asname.unwrap_or(name))?;
            }
        }
        self.op(-1, bc::POP_TOP)
    }
}
