//! Compiling exception handling and context managers: `try`/`except`/`else`/`finally`,
//! `with`, and the expansions of `async with` and `async for`.

use super::ast::*;
use super::emit::Compiler;
use super::emit_assign::Assign;
use super::scope::*;
use super::CResult;
use crate::bytecode::opcode as bc;
use allocator_api2::alloc::Allocator;

impl<A: Allocator + Clone> Compiler<'_, '_, A> {
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

    pub(super) fn try_except(
        &mut self,
        body: NodeId,
        handlers: List,
        orelse: NodeId,
    ) -> CResult<()> {
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

    pub(super) fn try_finally(
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
        // The finally body runs above its entry state: None, an exception, or the 2-slot
        // return/unwind state (MPY_FORMAT.md 7.3); mpy-cross budgets 3 slots in all.
        self.adjust_stack(2);
        self.stmt(finally)?;
        self.adjust_stack(-2);
        self.decrease_except_level();
        self.op(-1, bc::END_FINALLY)
    }

    pub(super) fn with_stmt(&mut self, items: &[NodeId], body: NodeId) -> CResult<()> {
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
    pub(super) fn async_with(&mut self, items: &[NodeId], body: NodeId) -> CResult<()> {
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
    pub(super) fn async_for_stmt(
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
}
