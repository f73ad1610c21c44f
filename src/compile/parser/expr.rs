//! Expressions down to `**`: comma lists, conditional expressions, `lambda`, `and`/`or`/`not`
//! (folded on constants), comparisons and the binary operator levels (folded on numbers).

use super::consts::FOLDED_LINE;
use super::*;

impl<A: Allocator + Clone> Parser<'_, '_, A> {
    pub(super) fn testlist_star_expr(&mut self) -> CResult<NodeId> {
        self.seq(true, false)
    }

    pub(super) fn testlist(&mut self) -> CResult<NodeId> {
        self.seq(false, false)
    }

    pub(super) fn exprlist(&mut self) -> CResult<NodeId> {
        self.seq(true, true)
    }

    /// A comma-separated sequence: one item alone, else a (possibly folded) tuple.
    fn seq(&mut self, allow_star: bool, expr_only: bool) -> CResult<NodeId> {
        let line = self.line();
        let first = self.seq_item(allow_star, expr_only)?;
        if !self.is_op(Op::Comma) {
            return Ok(first);
        }
        let mark = self.scratch.len();
        self.scratch.tpush(first)?;
        while self.eat_op(Op::Comma) {
            if !self.starts_expr() {
                break;
            }
            let it = self.seq_item(allow_star, expr_only)?;
            self.scratch.tpush(it)?;
        }
        let items = self.take_scratch(mark)?;
        self.make_tuple(&items, false, line)
    }

    pub(super) fn take_scratch(&mut self, mark: usize) -> CResult<Vec<NodeId, A>> {
        let mut v = Vec::new_in(self.alloc.clone());
        textend(&mut v, self.scratch.get(mark..).unwrap_or(&[]))?;
        self.scratch.truncate(mark);
        Ok(v)
    }

    fn seq_item(&mut self, allow_star: bool, expr_only: bool) -> CResult<NodeId> {
        if allow_star && self.is_op(Op::Star) {
            let line = self.line();
            self.pos += 1;
            let e = self.expr()?;
            return self.node(Kind::Star(e), line);
        }
        if expr_only {
            self.expr()
        } else {
            self.test()
        }
    }

    pub(super) fn starts_expr(&self) -> bool {
        match self.peek() {
            Tok::Name(_) | Tok::Int(..) | Tok::Float(..) | Tok::Str(..) | Tok::Bytes(..) => true,
            Tok::Kw(k) => matches!(
                k,
                Kw::None | Kw::True | Kw::False | Kw::Debug | Kw::Not | Kw::Lambda | Kw::Await
            ),
            Tok::Op(o) => matches!(
                o,
                Op::LParen
                    | Op::LBracket
                    | Op::LBrace
                    | Op::Minus
                    | Op::Plus
                    | Op::Tilde
                    | Op::Ellipsis
                    | Op::Star
            ),
            _ => false,
        }
    }

    pub(super) fn namedexpr_test(&mut self) -> CResult<NodeId> {
        let line = self.line();
        let t = self.test()?;
        if self.eat_op(Op::Walrus) {
            let v = self.test()?;
            return self.node(
                Kind::NamedExpr {
                    target: t,
                    value: v,
                },
                line,
            );
        }
        Ok(t)
    }

    pub(super) fn test(&mut self) -> CResult<NodeId> {
        self.enter()?;
        let r = self.test_inner();
        self.leave();
        r
    }

    fn test_inner(&mut self) -> CResult<NodeId> {
        if self.is_kw(Kw::Lambda) {
            return self.lambdef(false);
        }
        let line = self.line();
        let body = self.or_test()?;
        if self.eat_kw(Kw::If) {
            let test = self.or_test()?;
            self.expect_kw(Kw::Else)?;
            let orelse = self.test()?;
            return self.node(Kind::IfExp { body, test, orelse }, line);
        }
        Ok(body)
    }

    fn lambdef(&mut self, nocond: bool) -> CResult<NodeId> {
        let line = self.line();
        self.pos += 1;
        let params = self.params(Op::Colon, false)?;
        self.expect_op(Op::Colon)?;
        let body = if nocond {
            self.test_nocond()?
        } else {
            self.test()?
        };
        self.node(Kind::Lambda { params, body }, line)
    }

    pub(super) fn test_nocond(&mut self) -> CResult<NodeId> {
        if self.is_kw(Kw::Lambda) {
            return self.lambdef(true);
        }
        self.or_test()
    }

    pub(super) fn or_test(&mut self) -> CResult<NodeId> {
        self.bool_op(true)
    }

    fn bool_op(&mut self, is_or: bool) -> CResult<NodeId> {
        let line = self.line();
        let first = if is_or {
            self.bool_op(false)?
        } else {
            self.not_test()?
        };
        let kw = if is_or { Kw::Or } else { Kw::And };
        if !self.is_kw(kw) {
            return Ok(first);
        }
        let mark = self.scratch.len();
        self.scratch.tpush(first)?;
        while self.eat_kw(kw) {
            let n = if is_or {
                self.bool_op(false)?
            } else {
                self.not_test()?
            };
            self.scratch.tpush(n)?;
        }
        // MicroPython's fold_logical_constants.
        let items = self.take_scratch(mark)?;
        let mut kept: Vec<NodeId, A> = Vec::new_in(self.alloc.clone());
        for (i, &it) in items.iter().enumerate() {
            kept.tpush(it)?;
            if i + 1 == items.len() {
                break;
            }
            let (stop, skip) = if is_or {
                (self.is_const_true(it), self.is_const_false(it))
            } else {
                (self.is_const_false(it), self.is_const_true(it))
            };
            if stop {
                break;
            }
            if skip {
                kept.pop();
            }
        }
        if kept.len() == 1 {
            return Ok(kept[0]);
        }
        let l = self.list_of(&kept)?;
        self.node(Kind::BoolOp { is_or, items: l }, line)
    }

    fn not_test(&mut self) -> CResult<NodeId> {
        if self.is_kw(Kw::Not) {
            let line = self.line();
            self.pos += 1;
            self.enter()?;
            let e = self.not_test();
            self.leave();
            let e = e?;
            if self.is_const_false(e) {
                return self.node(Kind::True, line);
            }
            if self.is_const_true(e) {
                return self.node(Kind::False, line);
            }
            return self.node(Kind::Not(e), line);
        }
        self.comparison()
    }

    fn cmp_op(&mut self) -> Option<CmpOp> {
        let op = match self.peek() {
            Tok::Op(Op::Less) => CmpOp::Lt,
            Tok::Op(Op::More) => CmpOp::Gt,
            Tok::Op(Op::EqEq) => CmpOp::Eq,
            Tok::Op(Op::LessEq) => CmpOp::Le,
            Tok::Op(Op::MoreEq) => CmpOp::Ge,
            Tok::Op(Op::NotEq) => CmpOp::Ne,
            Tok::Kw(Kw::In) => CmpOp::In,
            Tok::Kw(Kw::Not) if self.peek_at(1) == Tok::Kw(Kw::In) => {
                self.pos += 1;
                CmpOp::NotIn
            }
            Tok::Kw(Kw::Is) => {
                if self.peek_at(1) == Tok::Kw(Kw::Not) {
                    self.pos += 1;
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            }
            _ => return None,
        };
        self.pos += 1;
        Some(op)
    }

    fn comparison(&mut self) -> CResult<NodeId> {
        let line = self.line();
        let first = self.expr()?;
        let mark = self.scratch.len();
        self.scratch.tpush(first)?;
        while let Some(op) = {
            let l = self.line();
            self.cmp_op().map(|o| (o, l))
        } {
            let opn = self.node(Kind::CmpOp(op.0), op.1)?;
            self.scratch.tpush(opn)?;
            let e = self.expr()?;
            self.scratch.tpush(e)?;
        }
        if self.scratch.len() == mark + 1 {
            self.scratch.truncate(mark);
            return Ok(first);
        }
        let l = self.finish_list(mark)?;
        self.node(Kind::Compare(l), line)
    }

    pub(super) fn expr(&mut self) -> CResult<NodeId> {
        self.binary(1)
    }

    /// Binary operator levels 1 (`|`) to 6 (`*` etc), folded per level as MicroPython folds
    /// one grammar rule: all operands constant, or nothing.
    fn binary(&mut self, level: u8) -> CResult<NodeId> {
        let line = self.line();
        let first = if level == 6 {
            self.factor()?
        } else {
            self.binary(level + 1)?
        };
        let mut ops: Vec<(Op, NodeId), A> = Vec::new_in(self.alloc.clone());
        while let Tok::Op(op) = self.peek() {
            if binop_prec_group(op) != level {
                break;
            }
            self.pos += 1;
            let rhs = if level == 6 {
                self.factor()?
            } else {
                self.binary(level + 1)?
            };
            ops.tpush((op, rhs))?;
        }
        if ops.is_empty() {
            return Ok(first);
        }
        // Fold if every operand is a number and every step folds.
        if let Some(mut acc) = self.number_of(first) {
            let mut ok = true;
            for &(op, rhs) in ops.iter() {
                let folded = match self.number_of(rhs) {
                    Some(r) => self.fold(op, acc, Some(r))?,
                    None => None,
                };
                match folded {
                    Some(v) => acc = v,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                return self.num_node(acc, FOLDED_LINE);
            }
        }
        let mut left = first;
        for &(op, rhs) in ops.iter() {
            left = self.node(
                Kind::BinOp {
                    op,
                    left,
                    right: rhs,
                },
                line,
            )?;
        }
        Ok(left)
    }

    fn factor(&mut self) -> CResult<NodeId> {
        let line = self.line();
        if let Tok::Op(op @ (Op::Plus | Op::Minus | Op::Tilde)) = self.peek() {
            self.pos += 1;
            self.enter()?;
            let e = self.factor();
            self.leave();
            let e = e?;
            if let Some(n) = self.number_of(e) {
                if let Some(n) = self.fold(op, n, None)? {
                    return self.num_node(n, FOLDED_LINE);
                }
            }
            return self.node(Kind::Unary { op, operand: e }, line);
        }
        self.power()
    }

    fn power(&mut self) -> CResult<NodeId> {
        let line = self.line();
        let base = self.atom_expr()?;
        if self.eat_op(Op::DblStar) {
            // `**` is right-associative: the exponent recursion is bounded like any other.
            self.enter()?;
            let exp = self.factor();
            self.leave();
            let exp = exp?;
            if let (Some(a), Some(b)) = (self.number_of(base), self.number_of(exp)) {
                if let Some(v) = self.fold(Op::DblStar, a, Some(b))? {
                    return self.num_node(v, FOLDED_LINE);
                }
            }
            return self.node(
                Kind::BinOp {
                    op: Op::DblStar,
                    left: base,
                    right: exp,
                },
                line,
            );
        }
        Ok(base)
    }
}
