//! Compiling scopes and statements (the statement half of MicroPython's `py/compile.c`).

use super::ast::*;
use super::emit::{Compiler, Pass, BREAK_FROM_FOR, NO_LABEL};
use super::intern::Sym;
use super::lexer::Op;
use super::scope::*;
use super::{CResult, Mode, VecExt};
use crate::bytecode::opcode as bc;
use allocator_api2::alloc::Allocator;

/// What `c_assign` should do.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Assign {
    Store,
    AugLoad,
    AugStore,
}

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

    fn is_const_false(&self, n: NodeId) -> bool {
        self.ast.truth(n, self.interner) == Some(false)
    }

    fn is_const_true(&self, n: NodeId) -> bool {
        self.ast.truth(n, self.interner) == Some(true)
    }

    /// `c_if_cond`: jump to `label` if the condition's truth equals `jump_if`.
    pub(crate) fn if_cond(&mut self, n: NodeId, jump_if: bool, label: u32) -> CResult<()> {
        if self.is_const_false(n) {
            if !jump_if {
                self.jump(label)?;
            }
            return Ok(());
        }
        if self.is_const_true(n) {
            if jump_if {
                self.jump(label)?;
            }
            return Ok(());
        }
        self.enter(n)?;
        let r = self.if_cond_inner(n, jump_if, label);
        self.leave();
        r
    }

    fn if_cond_inner(&mut self, n: NodeId, jump_if: bool, label: u32) -> CResult<()> {
        match self.ast.kind(n) {
            Kind::BoolOp { is_or, items } => {
                let items = self.ast.list(items);
                if is_or != jump_if {
                    // or/false, and/true: short-circuit to a local label
                    let label2 = self.new_label()?;
                    for &it in &items[..items.len() - 1] {
                        self.if_cond(it, !jump_if, label2)?;
                    }
                    self.if_cond(items[items.len() - 1], jump_if, label)?;
                    self.label_assign(label2);
                } else {
                    for &it in items {
                        self.if_cond(it, jump_if, label)?;
                    }
                }
                Ok(())
            }
            Kind::Not(e) => self.if_cond(e, !jump_if, label),
            _ => {
                self.expr(n)?;
                self.pop_jump_if(jump_if, label)
            }
        }
    }

    fn if_stmt(&mut self, test: NodeId, body: NodeId, elifs: List, orelse: NodeId) -> CResult<()> {
        let l_end = self.new_label()?;
        let mut done = false;
        if !self.is_const_false(test) {
            let l_fail = self.new_label()?;
            self.if_cond(test, false, l_fail)?;
            self.stmt(body)?;
            if self.is_const_true(test) {
                done = true;
            } else {
                if !(elifs.len == 0 && orelse == NONE) {
                    self.jump(l_end)?;
                }
                self.label_assign(l_fail);
            }
        }
        if !done {
            for &e in self.ast.list(elifs) {
                let Kind::Elif { test, body } = self.ast.kind(e) else {
                    continue;
                };
                if self.is_const_false(test) {
                    continue;
                }
                let l_fail = self.new_label()?;
                self.if_cond(test, false, l_fail)?;
                self.stmt(body)?;
                if self.is_const_true(test) {
                    done = true;
                    break;
                }
                self.jump(l_end)?;
                self.label_assign(l_fail);
            }
        }
        if !done && orelse != NONE {
            self.stmt(orelse)?;
        }
        self.label_assign(l_end);
        Ok(())
    }

    fn start_loop(&mut self) -> CResult<(u32, u32, u32, u32, u32)> {
        let saved = (
            self.break_label,
            self.continue_label,
            self.break_continue_except_level,
        );
        let b = self.new_label()?;
        let c = self.new_label()?;
        self.break_label = b;
        self.continue_label = c;
        self.break_continue_except_level = self.cur_except_level;
        Ok((saved.0, saved.1, saved.2, b, c))
    }

    fn end_loop(&mut self, saved: (u32, u32, u32)) {
        self.break_label = saved.0;
        self.continue_label = saved.1;
        self.break_continue_except_level = saved.2;
    }

    fn while_stmt(&mut self, test: NodeId, body: NodeId, orelse: NodeId) -> CResult<()> {
        let (sb, sc, sl, break_label, continue_label) = self.start_loop()?;
        if !self.is_const_false(test) {
            let top = self.new_label()?;
            if !self.is_const_true(test) {
                self.jump(continue_label)?;
            }
            self.label_assign(top);
            self.stmt(body)?;
            self.label_assign(continue_label);
            self.if_cond(test, true, top)?;
        }
        self.end_loop((sb, sc, sl));
        if orelse != NONE {
            self.stmt(orelse)?;
        }
        self.label_assign(break_label);
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: NodeId,
        iter: NodeId,
        body: NodeId,
        orelse: NodeId,
    ) -> CResult<()> {
        if let Some(r) = self.range_args(target, iter) {
            return self.for_range(target, r, body, orelse);
        }
        let (sb, sc, sl, break_label, continue_label) = self.start_loop()?;
        self.break_label |= BREAK_FROM_FOR;
        let pop_label = self.new_label()?;
        self.expr(iter)?;
        self.op(3, bc::GET_ITER_STACK)?;
        self.label_assign(continue_label);
        self.for_iter(pop_label)?;
        self.c_assign(target, Assign::Store)?;
        self.stmt(body)?;
        if !self.last_was_return {
            self.jump(continue_label)?;
        }
        self.label_assign(pop_label);
        self.adjust_stack(-4);
        self.end_loop((sb, sc, sl));
        if orelse != NONE {
            self.stmt(orelse)?;
        }
        self.label_assign(break_label);
        Ok(())
    }

    /// `for x in range(...)` with a plain name and a non-zero constant step.
    fn range_args(&self, target: NodeId, iter: NodeId) -> Option<[NodeId; 3]> {
        if !matches!(self.ast.kind(target), Kind::Name(_)) {
            return None;
        }
        let Kind::AtomExpr { atom, trailers } = self.ast.kind(iter) else {
            return None;
        };
        let Kind::Name(s) = self.ast.kind(atom) else {
            return None;
        };
        if self.interner.get(s) != b"range" || trailers.len != 1 {
            return None;
        }
        let Kind::TrCall(args) = self.ast.kind(self.ast.list(trailers)[0]) else {
            return None;
        };
        let a = self.ast.list(args);
        let plain = |n: NodeId| {
            !matches!(
                self.ast.kind(n),
                Kind::Star(_)
                    | Kind::DblStar(_)
                    | Kind::Keyword { .. }
                    | Kind::Comp { .. }
                    | Kind::NamedExpr { .. }
            )
        };
        let r = match a.len() {
            1 => [NONE, a[0], NONE],
            2 => [a[0], a[1], NONE],
            3 => {
                if !matches!(self.ast.kind(a[2]), Kind::Int(i) if i != 0) {
                    return None;
                }
                [a[0], a[1], a[2]]
            }
            _ => return None,
        };
        if (r[0] != NONE && !plain(r[0])) || !plain(r[1]) {
            return None;
        }
        Some(r)
    }

    fn for_range(
        &mut self,
        target: NodeId,
        r: [NodeId; 3],
        body: NodeId,
        orelse: NodeId,
    ) -> CResult<()> {
        let (sb, sc, sl, break_label, continue_label) = self.start_loop()?;
        let top = self.new_label()?;
        let entry = self.new_label()?;
        let [start, end, step] = r;
        let end_on_stack = !matches!(self.ast.kind(end), Kind::Int(_));
        if end_on_stack {
            self.expr(end)?;
        }
        if start == NONE {
            self.load_small_int(0)?;
        } else {
            self.expr(start)?;
        }
        self.jump(entry)?;
        self.label_assign(top);
        self.op(1, bc::DUP_TOP)?;
        self.c_assign(target, Assign::Store)?;
        self.stmt(body)?;
        self.label_assign(continue_label);
        let step_v = match self.ast.kind(step) {
            Kind::Int(i) => i,
            _ => 1,
        };
        if step == NONE {
            self.load_small_int(1)?;
        } else {
            self.expr(step)?;
        }
        self.binary_op(14)?; // INPLACE_ADD
        self.label_assign(entry);
        if end_on_stack {
            self.op(2, bc::DUP_TOP_TWO)?;
            self.op(0, bc::ROT_TWO)?;
        } else {
            self.op(1, bc::DUP_TOP)?;
            self.expr(end)?;
        }
        self.binary_op(if step_v >= 0 { 0 } else { 1 })?;
        self.pop_jump_if(true, top)?;
        self.end_loop((sb, sc, sl));
        let mut end_label = NO_LABEL;
        if orelse != NONE {
            self.op(-1, bc::POP_TOP)?;
            if end_on_stack {
                self.op(-1, bc::POP_TOP)?;
            }
            self.stmt(orelse)?;
            end_label = self.new_label()?;
            self.jump(end_label)?;
            self.adjust_stack(1 + end_on_stack as i64);
        }
        self.label_assign(break_label);
        self.op(-1, bc::POP_TOP)?;
        if end_on_stack {
            self.op(-1, bc::POP_TOP)?;
        }
        if end_label != NO_LABEL {
            self.label_assign(end_label);
        }
        Ok(())
    }

    pub(crate) fn increase_except_level(&mut self, op: u8, label: u32) -> CResult<()> {
        self.setup_block(op, label)?;
        self.cur_except_level += 1;
        if self.cur_except_level > self.scope().exc_stack_size {
            let v = self.cur_except_level;
            self.scope_mut().exc_stack_size = v;
        }
        Ok(())
    }

    pub(crate) fn decrease_except_level(&mut self) {
        self.cur_except_level = self.cur_except_level.saturating_sub(1);
    }

    fn try_except(&mut self, body: NodeId, handlers: List, orelse: NodeId) -> CResult<()> {
        let l1 = self.new_label()?;
        let success = self.new_label()?;
        self.increase_except_level(bc::SETUP_EXCEPT, l1)?;
        self.stmt(body)?;
        self.pop_except_jump(success)?;
        self.label_assign(l1);
        self.adjust_stack(4); // the exception, plus a possible 3-slot unwind state
        let l2 = self.new_label()?;
        let hs = self.ast.list(handlers);
        for (i, &h) in hs.iter().enumerate() {
            let Kind::Handler {
                typ,
                name,
                body: hbody,
            } = self.ast.kind(h)
            else {
                continue;
            };
            let end_finally_label = self.new_label()?;
            if typ == NONE {
                if i + 1 != hs.len() {
                    return Err(self.err(h, "default 'except' must be last"));
                }
            } else {
                self.op(1, bc::DUP_TOP)?;
                self.expr(typ)?;
                self.binary_op(8)?; // EXCEPTION_MATCH
                self.pop_jump_if(false, end_finally_label)?;
            }
            match name {
                None => self.op(-1, bc::POP_TOP)?,
                Some(s) => self.store_id(s)?,
            }
            let mut l3 = 0;
            if name.is_some() {
                l3 = self.new_label()?;
                self.increase_except_level(bc::SETUP_FINALLY, l3)?;
            }
            self.stmt(hbody)?;
            if let Some(s) = name {
                self.op(1, bc::LOAD_CONST_NONE)?;
                self.label_assign(l3);
                self.adjust_stack(1);
                self.op(1, bc::LOAD_CONST_NONE)?;
                self.store_id(s)?;
                self.delete_id(s)?;
                self.adjust_stack(-1);
                self.decrease_except_level();
                self.op(-1, bc::END_FINALLY)?;
            }
            self.pop_except_jump(l2)?;
            self.label_assign(end_finally_label);
            self.adjust_stack(1);
        }
        self.decrease_except_level();
        self.op(-1, bc::END_FINALLY)?;
        self.adjust_stack(-3);
        self.label_assign(success);
        if orelse != NONE {
            self.stmt(orelse)?;
        }
        self.label_assign(l2);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: NodeId,
        handlers: List,
        orelse: NodeId,
        finally: NodeId,
    ) -> CResult<()> {
        let l_finally = self.new_label()?;
        self.increase_except_level(bc::SETUP_FINALLY, l_finally)?;
        if handlers.len == 0 {
            self.adjust_stack(3);
            self.stmt(body)?;
            self.adjust_stack(-3);
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.op(1, bc::LOAD_CONST_NONE)?;
        self.label_assign(l_finally);
        self.stmt(finally)?;
        self.decrease_except_level();
        self.op(-1, bc::END_FINALLY)
    }

    fn with_stmt(&mut self, items: &[NodeId], body: NodeId) -> CResult<()> {
        let Some((&first, rest)) = items.split_first() else {
            return self.stmt(body);
        };
        let l_end = self.new_label()?;
        let Kind::WithItem { expr, target } = self.ast.kind(first) else {
            return Ok(());
        };
        self.expr(expr)?;
        self.increase_except_level(bc::SETUP_WITH, l_end)?;
        if target != NONE {
            self.c_assign(target, Assign::Store)?;
        } else {
            self.op(-1, bc::POP_TOP)?;
        }
        self.enter(first)?;
        let r = self.with_stmt(rest, body);
        self.leave();
        r?;
        // with_cleanup
        self.op(1, bc::LOAD_CONST_NONE)?;
        self.label_assign(l_end);
        self.op(2, bc::WITH_CLEANUP)?;
        self.adjust_stack(-4);
        self.decrease_except_level();
        self.op(-1, bc::END_FINALLY)
    }

    /// `await obj.method()` (`compile_await_object_method`).
    fn await_method(&mut self, name: &[u8]) -> CResult<()> {
        let m = self.interner.intern(name)?;
        self.op_qstr(1, bc::LOAD_METHOD, m)?;
        self.call(true, 0, 0, false)?;
        self.yield_from_top()
    }

    fn yield_from_top(&mut self) -> CResult<()> {
        self.op(0, bc::GET_ITER)?;
        self.op(1, bc::LOAD_CONST_NONE)?;
        self.scope_mut().flags |= SCOPE_GENERATOR;
        self.op(-1, bc::YIELD_FROM)
    }

    /// `async with`, expanded as MicroPython's `compile_async_with_stmt_helper` does.
    fn async_with(&mut self, items: &[NodeId], body: NodeId) -> CResult<()> {
        let Some((&first, rest)) = items.split_first() else {
            return self.stmt(body);
        };
        let Kind::WithItem { expr, target } = self.ast.kind(first) else {
            return Ok(());
        };
        let l_finally = self.new_label()?;
        let l_aexit_no_exc = self.new_label()?;
        let l_ret_unwind_jump = self.new_label()?;
        let l_end = self.new_label()?;
        self.expr(expr)?;
        self.op(1, bc::DUP_TOP)?;
        self.await_method(b"__aenter__")?;
        if target != NONE {
            self.c_assign(target, Assign::Store)?;
        } else {
            self.op(-1, bc::POP_TOP)?;
        }
        self.increase_except_level(bc::SETUP_FINALLY, l_finally)?;
        self.adjust_stack(3);
        self.enter(first)?;
        let r = self.async_with(rest, body);
        self.leave();
        r?;
        self.adjust_stack(-3);
        // async_with_setup_finally
        self.op(1, bc::LOAD_CONST_NONE)?;
        self.op(0, bc::ROT_TWO)?;
        self.jump(l_aexit_no_exc)?;
        self.label_assign(l_finally);
        self.op(1, bc::DUP_TOP)?;
        let base = self.interner.intern(b"BaseException")?;
        self.op_qstr(1, bc::LOAD_GLOBAL, base)?;
        self.binary_op(8)?;
        self.pop_jump_if(false, l_ret_unwind_jump)?;
        // an exception: __aexit__(type(exc), exc, None)
        self.op(1, bc::DUP_TOP)?;
        self.op(0, bc::ROT_THREE)?;
        self.op(0, bc::ROT_TWO)?;
        let aexit = self.interner.intern(b"__aexit__")?;
        self.op_qstr(1, bc::LOAD_METHOD, aexit)?;
        self.op(0, bc::ROT_THREE)?;
        self.op(0, bc::ROT_THREE)?;
        self.op(1, bc::DUP_TOP)?;
        let cls = self.sym_class;
        self.op_qstr(0, bc::LOAD_ATTR, cls)?;
        self.op(0, bc::ROT_TWO)?;
        self.op(1, bc::LOAD_CONST_NONE)?;
        self.call(true, 3, 0, false)?;
        self.yield_from_top()?;
        self.pop_jump_if(false, l_end)?;
        self.op(-1, bc::POP_TOP)?;
        self.op(1, bc::LOAD_CONST_NONE)?;
        self.jump(l_end)?;
        self.adjust_stack(2);
        // a return or unwind jump
        self.label_assign(l_ret_unwind_jump);
        self.op(0, bc::ROT_THREE)?;
        self.op(0, bc::ROT_THREE)?;
        self.label_assign(l_aexit_no_exc);
        self.op_qstr(1, bc::LOAD_METHOD, aexit)?;
        self.op(1, bc::LOAD_CONST_NONE)?;
        self.op(1, bc::DUP_TOP)?;
        self.op(1, bc::DUP_TOP)?;
        self.call(true, 3, 0, false)?;
        self.yield_from_top()?;
        self.op(-1, bc::POP_TOP)?;
        self.adjust_stack(-1);
        self.label_assign(l_end);
        self.decrease_except_level();
        self.op(-1, bc::END_FINALLY)
    }

    /// `async for`, expanded as MicroPython's `compile_async_for_stmt` does.
    fn async_for_stmt(
        &mut self,
        target: NodeId,
        iter: NodeId,
        body: NodeId,
        orelse: NodeId,
    ) -> CResult<()> {
        let while_else = self.new_label()?;
        let try_exception = self.new_label()?;
        let try_else = self.new_label()?;
        let try_finally = self.new_label()?;
        self.expr(iter)?;
        let aiter = self.interner.intern(b"__aiter__")?;
        self.op_qstr(1, bc::LOAD_METHOD, aiter)?;
        self.call(true, 0, 0, false)?;
        let (sb, sc, sl, break_label, continue_label) = self.start_loop()?;
        self.label_assign(continue_label);
        self.increase_except_level(bc::SETUP_EXCEPT, try_exception)?;
        self.op(1, bc::DUP_TOP)?;
        self.await_method(b"__anext__")?;
        self.c_assign(target, Assign::Store)?;
        self.pop_except_jump(try_else)?;
        self.label_assign(try_exception);
        self.adjust_stack(4);
        self.op(1, bc::DUP_TOP)?;
        let stop = self.interner.intern(b"StopAsyncIteration")?;
        self.op_qstr(1, bc::LOAD_GLOBAL, stop)?;
        self.binary_op(8)?;
        self.pop_jump_if(false, try_finally)?;
        self.op(-1, bc::POP_TOP)?;
        self.pop_except_jump(while_else)?;
        self.label_assign(try_finally);
        self.adjust_stack(1);
        self.decrease_except_level();
        self.op(-1, bc::END_FINALLY)?;
        self.adjust_stack(-3);
        self.label_assign(try_else);
        self.stmt(body)?;
        self.jump(continue_label)?;
        self.end_loop((sb, sc, sl));
        self.label_assign(while_else);
        if orelse != NONE {
            self.stmt(orelse)?;
        }
        self.label_assign(break_label);
        self.op(-1, bc::POP_TOP)
    }

    fn funcdef(&mut self, n: NodeId) -> CResult<u32> {
        let node = self.ast.node(n);
        let Kind::FuncDef {
            name,
            params,
            is_async,
            ..
        } = node.kind
        else {
            return Ok(0);
        };
        let child = self.child_scope(n, ScopeKind::Function, name, node.line)?;
        if is_async {
            self.scopes.list[child as usize].flags |= SCOPE_GENERATOR;
        }
        self.defaults_and_make(child, params)?;
        Ok(child)
    }

    /// `compile_funcdef_lambdef`: defaults, then MAKE_FUNCTION/CLOSURE.
    pub(crate) fn defaults_and_make(&mut self, child: u32, params: List) -> CResult<()> {
        let mut have_star = false;
        let mut num_default = 0u32;
        let mut num_dict = 0u32;
        for &p in self.ast.list(params) {
            let Kind::Param {
                name,
                default,
                kind,
            } = self.ast.kind(p)
            else {
                continue;
            };
            match kind {
                ParamKind::Star | ParamKind::BareStar => have_star = true,
                ParamKind::DblStar => {}
                ParamKind::Plain => {
                    if default == NONE {
                        if !have_star && num_default != 0 {
                            return Err(
                                self.err(p, "non-default argument follows default argument")
                            );
                        }
                    } else if have_star {
                        num_dict += 1;
                        if num_dict == 1 {
                            if num_default > 0 {
                                self.op_u(1 - num_default as i64, bc::BUILD_TUPLE, num_default)?;
                            } else {
                                self.op(1, bc::LOAD_NULL)?;
                            }
                            self.op_u(1, bc::BUILD_MAP, 0)?;
                        }
                        self.expr(default)?;
                        if let Some(s) = name {
                            self.load_const_str(s)?;
                        }
                        self.op(-2, bc::STORE_MAP)?;
                    } else {
                        num_default += 1;
                        self.expr(default)?;
                    }
                }
            }
        }
        if num_default > 0 && num_dict == 0 {
            self.op_u(1 - num_default as i64, bc::BUILD_TUPLE, num_default)?;
            self.op(1, bc::LOAD_NULL)?;
        }
        if self.pass == Pass::Scope {
            let c = &mut self.scopes.list[child as usize];
            c.num_def_pos_args = num_default;
            if num_dict > 0 {
                c.flags |= SCOPE_DEFKWARGS;
            }
        }
        self.close_over_and_make(child, num_default > 0 || num_dict > 0)
    }

    fn classdef(&mut self, n: NodeId) -> CResult<()> {
        let node = self.ast.node(n);
        let Kind::ClassDef { name, args, .. } = node.kind else {
            return Ok(());
        };
        let child = self.child_scope(n, ScopeKind::Class, name, node.line)?;
        self.op(1, bc::LOAD_BUILD_CLASS)?;
        self.close_over_and_make(child, false)?;
        self.load_const_str(name)?;
        let arglist = match self.ast.kind(args) {
            Kind::TrCall(l) => l,
            _ => List::default(),
        };
        self.call_args(arglist, false, 2)
    }

    fn decorated(&mut self, decorators: List, def: NodeId) -> CResult<()> {
        let ds = self.ast.list(decorators);
        let mut n_builtin = 0;
        let s_mp = self.interner.intern(b"micropython")?;
        for &d in ds {
            let Kind::Decorator { parts, call } = self.ast.kind(d) else {
                continue;
            };
            let names = self.ast.list(parts);
            let Some(&first) = names.first() else {
                continue;
            };
            if matches!(self.ast.kind(first), Kind::Name(s) if s == s_mp) {
                n_builtin += 1;
                let ok = names.len() == 2
                    && matches!(self.ast.kind(names[1]), Kind::Name(s) if self.interner.get(s) == b"bytecode");
                if !ok {
                    return Err(self.err(d, "invalid micropython decorator"));
                }
                continue;
            }
            self.expr(first)?;
            for &p in &names[1..] {
                if let Kind::Name(s) = self.ast.kind(p) {
                    self.op_qstr(0, bc::LOAD_ATTR, s)?;
                }
            }
            if call != NONE {
                if let Kind::TrCall(args) = self.ast.kind(call) {
                    self.set_line(self.ast.node(call).line)?;
                    self.call_args(args, false, 0)?;
                }
            }
        }
        let name = match self.ast.kind(def) {
            Kind::FuncDef { name, .. } => {
                self.funcdef(def)?;
                name
            }
            Kind::ClassDef { name, .. } => {
                self.classdef(def)?;
                name
            }
            _ => return Ok(()),
        };
        for _ in 0..(ds.len() - n_builtin) {
            self.call(false, 1, 0, false)?;
        }
        self.store_id(name)
    }

    // ------------------------------------------------------------------ assignment targets

    /// `c_assign`
    pub(crate) fn c_assign(&mut self, n: NodeId, kind: Assign) -> CResult<()> {
        self.enter(n)?;
        let r = self.c_assign_inner(n, kind);
        self.leave();
        r
    }

    fn c_assign_inner(&mut self, n: NodeId, kind: Assign) -> CResult<()> {
        match self.ast.kind(n) {
            Kind::Name(s) => match kind {
                Assign::Store | Assign::AugStore => self.store_id(s),
                Assign::AugLoad => self.load_id(s),
            },
            Kind::AtomExpr { atom, trailers } => self.c_assign_atom_expr(n, atom, trailers, kind),
            Kind::Tuple { items, .. } => {
                if kind != Assign::Store {
                    return Err(self.err(n, "can't assign to expression"));
                }
                if items.len == 0 {
                    return Err(self.err(n, "can't assign to expression"));
                }
                self.c_assign_tuple(self.ast.list(items))
            }
            Kind::ListLit(items) => {
                if kind != Assign::Store {
                    return Err(self.err(n, "can't assign to expression"));
                }
                self.c_assign_tuple(self.ast.list(items))
            }
            _ => Err(self.err(n, "can't assign to expression")),
        }
    }

    fn c_assign_tuple(&mut self, items: &[NodeId]) -> CResult<()> {
        let mut star: Option<usize> = None;
        for (i, &it) in items.iter().enumerate() {
            if matches!(self.ast.kind(it), Kind::Star(_)) {
                if star.is_none() {
                    let arg = (((items.len() - i - 1) as u32) << 8) | i as u32;
                    self.op_u(items.len() as i64 - 1, bc::UNPACK_EX, arg)?;
                    star = Some(i);
                } else {
                    return Err(self.err(it, "multiple *x in assignment"));
                }
            }
        }
        if star.is_none() {
            self.op_u(
                items.len() as i64 - 1,
                bc::UNPACK_SEQUENCE,
                items.len() as u32,
            )?;
        }
        for (i, &it) in items.iter().enumerate() {
            if Some(i) == star {
                if let Kind::Star(inner) = self.ast.kind(it) {
                    self.c_assign(inner, Assign::Store)?;
                }
            } else {
                self.c_assign(it, Assign::Store)?;
            }
        }
        Ok(())
    }

    fn c_assign_atom_expr(
        &mut self,
        n: NodeId,
        atom: NodeId,
        trailers: List,
        kind: Assign,
    ) -> CResult<()> {
        let ts = self.ast.list(trailers);
        let Some((&last, init)) = ts.split_last() else {
            return Err(self.err(n, "can't assign to expression"));
        };
        let last_kind = self.ast.kind(last);
        if !matches!(last_kind, Kind::TrIndex(_) | Kind::TrAttr(_)) {
            return Err(self.err(n, "can't assign to expression"));
        }
        if kind != Assign::AugStore {
            self.expr(atom)?;
            for &t in init {
                self.trailer(t)?;
            }
        }
        match last_kind {
            Kind::TrIndex(idx) => {
                if kind == Assign::AugStore {
                    self.op(0, bc::ROT_THREE)?;
                    self.op(-3, bc::STORE_SUBSCR)
                } else {
                    self.expr(idx)?;
                    if kind == Assign::AugLoad {
                        self.op(2, bc::DUP_TOP_TWO)?;
                        self.op(-1, bc::LOAD_SUBSCR)
                    } else {
                        self.op(-3, bc::STORE_SUBSCR)
                    }
                }
            }
            Kind::TrAttr(s) => {
                if kind == Assign::AugLoad {
                    self.op(1, bc::DUP_TOP)?;
                    self.op_qstr(0, bc::LOAD_ATTR, s)
                } else {
                    if kind == Assign::AugStore {
                        self.op(0, bc::ROT_TWO)?;
                    }
                    self.op_qstr(-2, bc::STORE_ATTR, s)
                }
            }
            _ => Err(self.err(n, "can't assign to expression")),
        }
    }

    fn del_target(&mut self, n: NodeId) -> CResult<()> {
        self.enter(n)?;
        let r = self.del_target_inner(n);
        self.leave();
        r
    }

    fn del_target_inner(&mut self, n: NodeId) -> CResult<()> {
        match self.ast.kind(n) {
            Kind::Name(s) => self.delete_id(s),
            Kind::AtomExpr { atom, trailers } => {
                let ts = self.ast.list(trailers);
                let (&last, init) = ts
                    .split_last()
                    .ok_or_else(|| self.err(n, "can't delete expression"))?;
                self.expr(atom)?;
                for &t in init {
                    self.trailer(t)?;
                }
                match self.ast.kind(last) {
                    Kind::TrIndex(idx) => {
                        self.expr(idx)?;
                        self.op(1, bc::LOAD_NULL)?;
                        self.op(0, bc::ROT_THREE)?;
                        self.op(-3, bc::STORE_SUBSCR)
                    }
                    Kind::TrAttr(s) => {
                        self.op(1, bc::LOAD_NULL)?;
                        self.op(0, bc::ROT_TWO)?;
                        self.op_qstr(-2, bc::STORE_ATTR, s)
                    }
                    _ => Err(self.err(n, "can't delete expression")),
                }
            }
            Kind::Tuple { items, .. } if items.len > 0 => {
                for &it in self.ast.list(items) {
                    self.del_target(it)?;
                }
                Ok(())
            }
            _ => Err(self.err(n, "can't delete expression")),
        }
    }
}
