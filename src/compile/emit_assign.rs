//! Compiling assignment and deletion targets (`c_assign`, `c_del_stmt`): names,
//! attributes, subscripts, tuple/list unpacking with a starred item.

use super::ast::*;
use super::emit::Compiler;
use super::CResult;
use crate::bytecode::opcode as bc;
use allocator_api2::alloc::Allocator;

/// What `c_assign` should do.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Assign {
    Store,
    AugLoad,
    AugStore,
}

impl<A: Allocator + Clone> Compiler<'_, '_, A> {
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

    pub(super) fn del_target(&mut self, n: NodeId) -> CResult<()> {
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
