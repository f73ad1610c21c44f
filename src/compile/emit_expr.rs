//! Compiling expressions (the expression half of MicroPython's `py/compile.c`).

use super::ast::*;
use super::emit::{Compiler, Pass};
use super::lexer::Op;
use super::scope::*;
use super::{CResult, VecExt};
use crate::bytecode::opcode as bc;
use allocator_api2::alloc::Allocator;

fn binop_number(op: Op) -> u8 {
    match op {
        Op::Pipe => 22,
        Op::Caret => 23,
        Op::Amp => 24,
        Op::Shl => 25,
        Op::Shr => 26,
        Op::Plus => 27,
        Op::Minus => 28,
        Op::Star => 29,
        Op::At => 30,
        Op::DblSlash => 31,
        Op::Slash => 32,
        Op::Percent => 33,
        _ => 34,
    }
}

impl<A: Allocator + Clone> Compiler<'_, '_, A> {
    /// Compile an expression, leaving its value on the stack (`compile_node`).
    pub(crate) fn expr(&mut self, n: NodeId) -> CResult<()> {
        self.enter(n)?;
        let r = self.expr_inner(n);
        self.leave();
        self.error_line(n, r)
    }

    fn expr_inner(&mut self, n: NodeId) -> CResult<()> {
        let node = self.ast.node(n);
        if !node.kind.is_leaf() {
            self.set_line(node.line)?;
        }
        match node.kind {
            Kind::Name(s) => self.load_id(s),
            Kind::Int(v) => self.load_small_int(v),
            Kind::StrQ(s) => self.load_const_str(s),
            Kind::BytesQ(a, l) => self.load_const_obj(ConstVal::Bytes(a, l)),
            Kind::None => self.op(1, bc::LOAD_CONST_NONE),
            Kind::True => self.op(1, bc::LOAD_CONST_TRUE),
            Kind::False => self.op(1, bc::LOAD_CONST_FALSE),
            Kind::Ellipsis => self.load_const_obj(ConstVal::Ellipsis),
            Kind::Const(c) => {
                let v = self.ast.konst(c);
                match v {
                    ConstVal::Small(i) => self.load_small_int(i),
                    _ => self.load_const_obj(v),
                }
            }
            Kind::Tuple { items, .. } if self.has_unpacking(items) => {
                self.display_unpacking(Display::Tuple, items)
            }
            Kind::ListLit(items) if self.has_unpacking(items) => {
                self.display_unpacking(Display::List, items)
            }
            Kind::SetLit(items) if self.has_unpacking(items) => {
                self.display_unpacking(Display::Set, items)
            }
            Kind::DictLit(items) if self.has_unpacking(items) => {
                self.display_unpacking(Display::Dict, items)
            }
            Kind::Tuple { items, .. } => {
                let it = self.ast.list(items);
                for &i in it {
                    self.expr(i)?;
                }
                self.op_u(1 - it.len() as i64, bc::BUILD_TUPLE, it.len() as u32)
            }
            Kind::ListLit(items) => {
                let it = self.ast.list(items);
                for &i in it {
                    self.expr(i)?;
                }
                self.op_u(1 - it.len() as i64, bc::BUILD_LIST, it.len() as u32)
            }
            Kind::SetLit(items) => {
                let it = self.ast.list(items);
                for &i in it {
                    if matches!(self.ast.kind(i), Kind::DictItem { .. }) {
                        return Err(self.err(n, "expecting just a value for set"));
                    }
                    self.expr(i)?;
                }
                self.op_u(1 - it.len() as i64, bc::BUILD_SET, it.len() as u32)
            }
            Kind::DictLit(items) => {
                let it = self.ast.list(items);
                self.op_u(1, bc::BUILD_MAP, it.len() as u32)?;
                for &i in it {
                    if !matches!(self.ast.kind(i), Kind::DictItem { .. }) {
                        return Err(self.err(n, "expecting key:value for dict"));
                    }
                    self.expr(i)?;
                    self.op(-2, bc::STORE_MAP)?;
                }
                Ok(())
            }
            Kind::DictItem { key, value } => {
                self.expr(value)?;
                self.expr(key)
            }
            Kind::Star(_) => Err(self.err(n, "*x must be assignment target")),
            Kind::DblStar(_)
            | Kind::Keyword { .. }
            | Kind::CmpOp(_)
            | Kind::CompFor { .. }
            | Kind::CompIf { .. } => Err(self.err(n, "invalid syntax")),
            Kind::BinOp { op, left, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.binary_op(binop_number(op))
            }
            Kind::Unary { op, operand } => {
                self.expr(operand)?;
                let u = match op {
                    Op::Plus => 0,
                    Op::Minus => 1,
                    _ => 2,
                };
                self.op(0, bc::UNARY_OP_MULTI + u)
            }
            Kind::Not(e) => {
                self.expr(e)?;
                self.op(0, bc::UNARY_OP_MULTI + 3)
            }
            Kind::BoolOp { is_or, items } => {
                let l_end = self.new_label()?;
                let it = self.ast.list(items);
                for (i, &e) in it.iter().enumerate() {
                    self.expr(e)?;
                    if i + 1 < it.len() {
                        self.jump_if_or_pop(is_or, l_end)?;
                    }
                }
                self.label_assign(l_end);
                Ok(())
            }
            Kind::Compare(items) => self.comparison(items),
            Kind::IfExp { body, test, orelse } => {
                let l_fail = self.new_label()?;
                let l_end = self.new_label()?;
                self.if_cond(test, false, l_fail)?;
                self.expr(body)?;
                self.jump(l_end)?;
                self.label_assign(l_fail);
                self.adjust_stack(-1);
                self.expr(orelse)?;
                self.label_assign(l_end);
                Ok(())
            }
            Kind::NamedExpr { target, value } => self.namedexpr(target, value),
            Kind::Lambda { params, .. } => {
                let name = self.interner.intern(b"<lambda>")?;
                let child = self.child_scope(n, ScopeKind::Lambda, name, node.line)?;
                self.defaults_and_make(child, params)
            }
            Kind::AtomExpr { atom, trailers } => self.atom_expr(atom, trailers),
            Kind::TrCall(_) | Kind::TrAttr(_) | Kind::TrIndex(_) => self.trailer(n),
            Kind::Slice {
                lower,
                upper,
                step,
                has_step,
            } => {
                if lower == NONE {
                    self.op(1, bc::LOAD_CONST_NONE)?;
                } else {
                    self.expr(lower)?;
                }
                if upper == NONE {
                    self.op(1, bc::LOAD_CONST_NONE)?;
                } else {
                    self.expr(upper)?;
                }
                if has_step && step != NONE {
                    self.expr(step)?;
                    self.op_u(-2, bc::BUILD_SLICE, 3)
                } else {
                    self.op_u(-1, bc::BUILD_SLICE, 2)
                }
            }
            Kind::Await(e) => {
                if !matches!(self.scope().kind, ScopeKind::Function | ScopeKind::Lambda) {
                    return Err(self.err(n, "'await' outside function"));
                }
                self.expr(e)?;
                self.yield_from()
            }
            Kind::Yield(v) => {
                if !matches!(self.scope().kind, ScopeKind::Function | ScopeKind::Lambda) {
                    return Err(self.err(n, "'yield' outside function"));
                }
                if v == NONE {
                    self.op(1, bc::LOAD_CONST_NONE)?;
                } else {
                    self.expr(v)?;
                }
                self.scope_mut().flags |= SCOPE_GENERATOR;
                self.op(0, bc::YIELD_VALUE)
            }
            Kind::YieldFrom(e) => {
                if !matches!(self.scope().kind, ScopeKind::Function | ScopeKind::Lambda) {
                    return Err(self.err(n, "'yield' outside function"));
                }
                self.expr(e)?;
                self.yield_from()
            }
            Kind::Comp { kind, first, .. } => self.comprehension(n, kind, first),
            _ => Err(self.err(n, "invalid syntax")),
        }
    }

    fn yield_from(&mut self) -> CResult<()> {
        self.op(0, bc::GET_ITER)?;
        self.op(1, bc::LOAD_CONST_NONE)?;
        self.scope_mut().flags |= SCOPE_GENERATOR;
        self.op(-1, bc::YIELD_FROM)
    }

    fn comparison(&mut self, items: List) -> CResult<()> {
        let it = self.ast.list(items);
        let Some((&first, rest)) = it.split_first() else {
            return Ok(());
        };
        self.expr(first)?;
        let multi = rest.len() > 2;
        let l_fail = if multi { self.new_label()? } else { 0 };
        let mut i = 0;
        while i + 1 < rest.len() {
            let (opn, e) = (rest[i], rest[i + 1]);
            self.expr(e)?;
            let last = i + 2 >= rest.len();
            if !last {
                self.op(1, bc::DUP_TOP)?;
                self.op(0, bc::ROT_THREE)?;
            }
            let (b, invert) = match self.ast.kind(opn) {
                Kind::CmpOp(c) => match c {
                    CmpOp::Lt => (0, false),
                    CmpOp::Gt => (1, false),
                    CmpOp::Eq => (2, false),
                    CmpOp::Le => (3, false),
                    CmpOp::Ge => (4, false),
                    CmpOp::Ne => (5, false),
                    CmpOp::In => (6, false),
                    CmpOp::NotIn => (6, true),
                    CmpOp::Is => (7, false),
                    CmpOp::IsNot => (7, true),
                },
                _ => (2, false),
            };
            self.binary_op(b)?;
            if invert {
                self.op(0, bc::UNARY_OP_MULTI + 3)?;
            }
            if !last {
                self.jump_if_or_pop(false, l_fail)?;
            }
            i += 2;
        }
        if multi {
            let l_end = self.new_label()?;
            self.jump(l_end)?;
            self.label_assign(l_fail);
            self.adjust_stack(1);
            self.op(0, bc::ROT_TWO)?;
            self.op(-1, bc::POP_TOP)?;
            self.label_assign(l_end);
        }
        Ok(())
    }

    fn namedexpr(&mut self, target: NodeId, value: NodeId) -> CResult<()> {
        let Kind::Name(s) = self.ast.kind(target) else {
            return Err(self.err(target, "can't assign to expression"));
        };
        self.expr(value)?;
        self.op(1, bc::DUP_TOP)?;
        if self.pass == Pass::Scope && self.scope().kind.is_comp_like() {
            let parent = self.scope().parent.unwrap_or(0) as usize;
            let pi = self.declare_modified(parent, s)?;
            if self.scopes.list[parent].ids[pi].kind == IdKind::GlobalExplicit {
                self.scope_mut().find_or_add(s, IdKind::GlobalExplicit)?;
            } else {
                let (i, _) = self.scope_mut().find_or_add(s, IdKind::Undecided)?;
                let is_global = self.scopes.list[parent].parent.is_none();
                if !is_global && self.scope().ids[i].kind == IdKind::GlobalImplicit {
                    self.scope_mut().ids[i].kind = IdKind::Undecided;
                }
                if is_global {
                    self.declare_global(target, i)?;
                } else {
                    self.declare_nonlocal(target, i)?;
                }
            }
        }
        self.store_id(s)
    }

    /// One trailer on its own (`compile_node` on a trailer node).
    pub(crate) fn trailer(&mut self, t: NodeId) -> CResult<()> {
        let node = self.ast.node(t);
        self.set_line(node.line)?;
        match node.kind {
            Kind::TrCall(args) => self.call_args(args, false, 0),
            Kind::TrAttr(s) => self.op_qstr(0, bc::LOAD_ATTR, s),
            Kind::TrIndex(i) => {
                self.expr(i)?;
                self.op(-1, bc::LOAD_SUBSCR)
            }
            _ => Ok(()),
        }
    }

    fn atom_expr(&mut self, atom: NodeId, trailers: List) -> CResult<()> {
        self.expr(atom)?;
        let ts = self.ast.list(trailers);
        let mut i = 0;
        // super() inside a function: pass __class__ and the first parameter.
        if self.scope().kind == ScopeKind::Function
            && matches!(self.ast.kind(atom), Kind::Name(s) if self.interner.get(s) == b"super")
            && matches!(self.ast.kind(ts[0]), Kind::TrCall(a) if a.len == 0)
        {
            let cs = self.sym_class;
            self.load_id(cs)?;
            let first_param = self
                .scope()
                .ids
                .iter()
                .find(|id| id.flags & FLAG_PARAM != 0)
                .map(|id| id.name);
            match first_param {
                Some(p) => self.load_id(p)?,
                None => return Err(self.err(ts[0], "super() can't find self")),
            }
            if ts.len() >= 3 {
                if let (Kind::TrAttr(m), Kind::TrCall(args)) =
                    (self.ast.kind(ts[1]), self.ast.kind(ts[2]))
                {
                    self.op_qstr(-1, bc::LOAD_SUPER_METHOD, m)?;
                    self.call_args(args, true, 0)?;
                    i = 3;
                }
            }
            if i == 0 {
                self.call(false, 2, 0, false)?;
                i = 1;
            }
        }
        while i < ts.len() {
            if i + 1 < ts.len() {
                if let (Kind::TrAttr(m), Kind::TrCall(args)) =
                    (self.ast.kind(ts[i]), self.ast.kind(ts[i + 1]))
                {
                    self.op_qstr(1, bc::LOAD_METHOD, m)?;
                    self.call_args(args, true, 0)?;
                    i += 2;
                    continue;
                }
            }
            self.trailer(ts[i])?;
            i += 1;
        }
        Ok(())
    }

    /// `compile_trailer_paren_helper`: push the arguments and emit the call.
    pub(crate) fn call_args(&mut self, args: List, method: bool, n_extra: u32) -> CResult<()> {
        let mut n_pos = n_extra;
        let mut n_kw = 0u32;
        let mut star_single = false;
        let mut star_double = false;
        let mut star_args: u64 = 0;
        let bits = self.opts.small_int_bits.clamp(2, 63) as usize;
        for (i, &a) in self.ast.list(args).iter().enumerate() {
            match self.ast.kind(a) {
                Kind::Star(e) => {
                    if star_double {
                        return Err(self.err(a, "* arg after **"));
                    }
                    if n_kw > 0 {
                        return Err(self.err(a, "* arg after kwarg"));
                    }
                    if i >= bits - 1 {
                        return Err(self.err(a, "too many args"));
                    }
                    star_single = true;
                    star_args |= 1u64 << i;
                    self.expr(e)?;
                    n_pos += 1;
                }
                Kind::DblStar(e) => {
                    star_double = true;
                    self.op(1, bc::LOAD_NULL)?;
                    self.expr(e)?;
                    n_kw += 1;
                }
                Kind::NamedExpr { target, value } => {
                    self.set_line(self.ast.node(a).line)?;
                    self.namedexpr(target, value)?;
                    n_pos += 1;
                }
                Kind::Keyword { name, value } => {
                    let Kind::Name(s) = self.ast.kind(name) else {
                        return Err(self.err(a, "LHS of keyword arg must be an id"));
                    };
                    self.load_const_str(s)?;
                    self.expr(value)?;
                    n_kw += 1;
                }
                Kind::Comp {
                    kind: CompKind::Gen,
                    first,
                    ..
                } => {
                    self.comprehension(a, CompKind::Gen, first)?;
                    n_pos += 1;
                }
                _ => {
                    if star_double {
                        return Err(self.err(a, "positional arg after **"));
                    }
                    if n_kw > 0 {
                        return Err(self.err(a, "positional arg after keyword arg"));
                    }
                    self.expr(a)?;
                    n_pos += 1;
                }
            }
        }
        let star = star_single || star_double;
        if star {
            self.load_small_int(star_args as i64)?;
        }
        self.call(method, n_pos, n_kw, star)
    }

    /// `compile_comprehension`: make the comprehension function and call it on the first
    /// iterable.
    fn comprehension(&mut self, n: NodeId, kind: CompKind, first: NodeId) -> CResult<()> {
        let (sk, name): (ScopeKind, &[u8]) = match kind {
            CompKind::List => (ScopeKind::ListComp, b"<listcomp>"),
            CompKind::Dict => (ScopeKind::DictComp, b"<dictcomp>"),
            CompKind::Set => (ScopeKind::SetComp, b"<setcomp>"),
            CompKind::Gen => (ScopeKind::GenExpr, b"<genexpr>"),
        };
        let name = self.interner.intern(name)?;
        let line = self.ast.node(n).line;
        let child = self.child_scope(n, sk, name, line)?;
        self.close_over_and_make(child, false)?;
        let Kind::CompFor { iter, .. } = self.ast.kind(first) else {
            return Ok(());
        };
        self.expr(iter)?;
        if kind == CompKind::Gen {
            self.op(0, bc::GET_ITER)?;
        }
        self.call(false, 1, 0, false)
    }

    /// The body of a comprehension scope.
    pub(crate) fn compile_comp_scope(&mut self, s: usize) -> CResult<()> {
        let node = self.scopes.list[s].node;
        let kind = self.scopes.list[s].kind;
        let Kind::Comp { elt, first, .. } = self.ast.kind(node) else {
            return Ok(());
        };
        let arg = self.sym_empty;
        if self.pass == Pass::Scope {
            let (i, _) = self.scope_mut().find_or_add(arg, IdKind::Local)?;
            self.scope_mut().ids[i].kind = IdKind::Local;
            self.scope_mut().num_pos_args = 1;
        }
        self.set_line(self.ast.node(node).line)?;
        match kind {
            ScopeKind::ListComp => self.op_u(1, bc::BUILD_LIST, 0)?,
            ScopeKind::DictComp => self.op_u(1, bc::BUILD_MAP, 0)?,
            ScopeKind::SetComp => self.op_u(1, bc::BUILD_SET, 0)?,
            _ => {}
        }
        if kind == ScopeKind::GenExpr {
            self.op(1, bc::LOAD_NULL)?;
            self.load_id(arg)?;
            self.op(1, bc::LOAD_NULL)?;
            self.op(1, bc::LOAD_NULL)?;
        } else {
            self.load_id(arg)?;
            self.op(3, bc::GET_ITER_STACK)?;
        }
        self.comp_iter(first, elt, 0)?;
        if kind == ScopeKind::GenExpr {
            self.op(1, bc::LOAD_CONST_NONE)?;
        }
        self.return_value()
    }

    fn comp_iter(&mut self, for_node: NodeId, elt: NodeId, depth: u32) -> CResult<()> {
        self.enter(for_node)?;
        let r = self.comp_iter_inner(for_node, elt, depth);
        self.leave();
        r
    }

    fn comp_iter_inner(&mut self, for_node: NodeId, elt: NodeId, depth: u32) -> CResult<()> {
        let Kind::CompFor { target, next, .. } = self.ast.kind(for_node) else {
            return Ok(());
        };
        let l_top = self.new_label()?;
        let l_end = self.new_label()?;
        self.label_assign(l_top);
        self.for_iter(l_end)?;
        self.c_assign(target, super::emit_assign::Assign::Store)?;
        let mut it = next;
        loop {
            if it == NONE {
                self.expr(elt)?;
                if self.scope().kind == ScopeKind::GenExpr {
                    self.scope_mut().flags |= SCOPE_GENERATOR;
                    self.op(0, bc::YIELD_VALUE)?;
                    self.op(-1, bc::POP_TOP)?;
                } else {
                    let idx = 4 * depth + 5;
                    let (nn, t) = match self.scope().kind {
                        ScopeKind::ListComp => (0, 0),
                        ScopeKind::DictComp => (1, 1),
                        _ => (0, 2),
                    };
                    self.op_u(-1 - nn as i64, bc::STORE_COMP, ((idx + nn) << 2) | t)?;
                }
                break;
            }
            match self.ast.kind(it) {
                Kind::CompIf { cond, next } => {
                    self.if_cond(cond, false, l_top)?;
                    it = next;
                }
                Kind::CompFor { iter, .. } => {
                    self.expr(iter)?;
                    self.op(3, bc::GET_ITER_STACK)?;
                    self.comp_iter(it, elt, depth + 1)?;
                    break;
                }
                _ => break,
            }
        }
        self.jump(l_top)?;
        self.label_assign(l_end);
        self.adjust_stack(-4);
        Ok(())
    }
}

#[allow(dead_code)]
fn _assert_vecext<T, A: Allocator>(v: &mut allocator_api2::vec::Vec<T, A>, x: T) -> CResult<()> {
    v.tpush(x)
}

/// The kind of a display with `*` or `**` items.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Display {
    Tuple,
    List,
    Set,
    Dict,
}

impl<A: Allocator + Clone> Compiler<'_, '_, A> {
    /// Whether a display has `*x` or `**x` items.
    fn has_unpacking(&self, items: List) -> bool {
        self.ast
            .list(items)
            .iter()
            .any(|&i| matches!(self.ast.kind(i), Kind::Star(_) | Kind::DblStar(_)))
    }

    /// A display with `*x` (or `**x` in a dict) items, which MicroPython's bytecode has no
    /// opcode for (CPython semantics; mpy-cross rejects these). The container is built
    /// empty and grown by calling its own methods, which no program can rebind: `extend` and
    /// `append` for a list, `update` and `add` for a set, `update` and `STORE_MAP` for a dict.
    /// A tuple is `().__class__(list)`.
    fn display_unpacking(&mut self, kind: Display, items: List) -> CResult<()> {
        if kind == Display::Tuple {
            self.op_u(1, bc::BUILD_TUPLE, 0)?;
            let class = self.interner.intern(b"__class__")?;
            self.op_qstr(0, bc::LOAD_ATTR, class)?;
        }
        match kind {
            Display::Tuple | Display::List => self.op_u(1, bc::BUILD_LIST, 0)?,
            Display::Set => self.op_u(1, bc::BUILD_SET, 0)?,
            Display::Dict => self.op_u(1, bc::BUILD_MAP, 0)?,
        }
        let (many, one): (&[u8], &[u8]) = match kind {
            Display::Tuple | Display::List => (b"extend", b"append"),
            Display::Set => (b"update", b"add"),
            Display::Dict => (b"update", b""),
        };
        let many = self.interner.intern(many)?;
        let one = self.interner.intern(one)?;
        let it = self.ast.list(items);
        for &i in it {
            match self.ast.kind(i) {
                Kind::DictItem { .. } if kind == Display::Dict => {
                    self.expr(i)?;
                    self.op(-2, bc::STORE_MAP)?;
                }
                Kind::DblStar(e) if kind == Display::Dict => {
                    self.op(1, bc::DUP_TOP)?;
                    self.op_qstr(1, bc::LOAD_METHOD, many)?;
                    self.expr(e)?;
                    self.call(true, 1, 0, false)?;
                    self.op(-1, bc::POP_TOP)?;
                }
                Kind::Star(e) if kind != Display::Dict => {
                    self.op(1, bc::DUP_TOP)?;
                    self.op_qstr(1, bc::LOAD_METHOD, many)?;
                    self.expr(e)?;
                    self.call(true, 1, 0, false)?;
                    self.op(-1, bc::POP_TOP)?;
                }
                Kind::DictItem { .. } => return Err(self.err(i, "expecting just a value for set")),
                _ if kind == Display::Dict => {
                    return Err(self.err(i, "expecting key:value for dict"))
                }
                _ => {
                    self.op(1, bc::DUP_TOP)?;
                    self.op_qstr(1, bc::LOAD_METHOD, one)?;
                    self.expr(i)?;
                    self.call(true, 1, 0, false)?;
                    self.op(-1, bc::POP_TOP)?;
                }
            }
        }
        if kind == Display::Tuple {
            self.call(false, 1, 0, false)?;
        }
        Ok(())
    }
}
