//! Compiling definitions: `def` (defaults, closures), `class` and decorators.

use super::ast::*;
use super::emit::{Compiler, Pass};
use super::scope::*;
use super::CResult;
use crate::bytecode::opcode as bc;
use allocator_api2::alloc::Allocator;

impl<A: Allocator + Clone> Compiler<'_, '_, A> {
    pub(super) fn funcdef(&mut self, n: NodeId) -> CResult<u32> {
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

    pub(super) fn classdef(&mut self, n: NodeId) -> CResult<()> {
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

    pub(super) fn decorated(&mut self, decorators: List, def: NodeId) -> CResult<()> {
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
}
