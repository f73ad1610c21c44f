//! Compiling conditions and loops: `if`/`elif`/`else`, `while`, `for` (with MicroPython's
//! `for x in range(...)` specialisation) and the conditional jumps of `c_if_cond`.

use super::ast::*;
use super::emit::{Compiler, BREAK_FROM_FOR, NO_LABEL};
use super::emit_assign::Assign;
use super::CResult;
use crate::bytecode::opcode as bc;
use allocator_api2::alloc::Allocator;

impl<A: Allocator + Clone> Compiler<'_, '_, A> {
    pub(super) fn is_const_false(&self, n: NodeId) -> bool {
        self.ast.truth(n, self.interner) == Some(false)
    }

    pub(super) fn is_const_true(&self, n: NodeId) -> bool {
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

    pub(super) fn if_stmt(
        &mut self,
        test: NodeId,
        body: NodeId,
        elifs: List,
        orelse: NodeId,
    ) -> CResult<()> {
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

    pub(super) fn start_loop(&mut self) -> CResult<(u32, u32, u32, u32, u32)> {
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

    pub(super) fn end_loop(&mut self, saved: (u32, u32, u32)) {
        self.break_label = saved.0;
        self.continue_label = saved.1;
        self.break_continue_except_level = saved.2;
    }

    pub(super) fn while_stmt(&mut self, test: NodeId, body: NodeId, orelse: NodeId) -> CResult<()> {
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

    pub(super) fn for_stmt(
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
}
