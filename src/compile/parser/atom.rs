//! Atoms and trailers: calls, subscripts and attributes (`atom_expr`), argument lists,
//! comprehensions, `yield`, literals and bracketed displays.

use super::consts::FOLDED_LINE;
use super::*;

impl<A: Allocator + Clone> Parser<'_, '_, A> {
    pub(super) fn atom_expr(&mut self) -> CResult<NodeId> {
        let line = self.line();
        let is_await = self.eat_kw(Kw::Await);
        let atom = self.atom()?;
        let mark = self.scratch.len();
        loop {
            let l = self.line();
            let t = match self.peek() {
                Tok::Op(Op::LParen) => {
                    self.pos += 1;
                    let a = self.arglist()?;
                    self.expect_op(Op::RParen)?;
                    self.node(Kind::TrCall(a), l)?
                }
                Tok::Op(Op::LBracket) => {
                    self.pos += 1;
                    let s = self.subscriptlist()?;
                    self.expect_op(Op::RBracket)?;
                    self.node(Kind::TrIndex(s), l)?
                }
                Tok::Op(Op::Dot) => {
                    self.pos += 1;
                    let s = self.name()?;
                    self.node(Kind::TrAttr(s), l)?
                }
                _ => break,
            };
            self.scratch.tpush(t)?;
        }
        if !is_await && self.scratch.len() == mark + 1 {
            if let Some(v) = self.module_const(atom, self.scratch[mark]) {
                self.scratch.truncate(mark);
                return self.num_node(Num::Float(v), FOLDED_LINE);
            }
        }
        let e = if self.scratch.len() == mark {
            atom
        } else {
            let trailers = self.finish_list(mark)?;
            self.node(Kind::AtomExpr { atom, trailers }, line)?
        };
        if is_await {
            return self.node(Kind::Await(e), line);
        }
        Ok(e)
    }

    fn subscriptlist(&mut self) -> CResult<NodeId> {
        let line = self.line();
        let first = self.subscript()?;
        if !self.is_op(Op::Comma) {
            return Ok(first);
        }
        let mark = self.scratch.len();
        self.scratch.tpush(first)?;
        while self.eat_op(Op::Comma) {
            if self.is_op(Op::RBracket) {
                break;
            }
            let s = self.subscript()?;
            self.scratch.tpush(s)?;
        }
        let items = self.take_scratch(mark)?;
        self.make_tuple(&items, false, line)
    }

    fn subscript(&mut self) -> CResult<NodeId> {
        let line = self.line();
        let lower = if self.is_op(Op::Colon) {
            NONE
        } else {
            self.test()?
        };
        if !self.eat_op(Op::Colon) {
            return Ok(lower);
        }
        let ends = |p: &Self| p.is_op(Op::Colon) || p.is_op(Op::Comma) || p.is_op(Op::RBracket);
        let upper = if ends(self) { NONE } else { self.test()? };
        let mut step = NONE;
        let mut has_step = false;
        if self.eat_op(Op::Colon) {
            has_step = true;
            if !(self.is_op(Op::Comma) || self.is_op(Op::RBracket)) {
                step = self.test()?;
            }
        }
        self.node(
            Kind::Slice {
                lower,
                upper,
                step,
                has_step,
            },
            line,
        )
    }

    pub(super) fn arglist(&mut self) -> CResult<List> {
        let mark = self.scratch.len();
        while !self.is_op(Op::RParen) {
            let line = self.line();
            let a = if self.eat_op(Op::Star) {
                let e = self.test()?;
                self.node(Kind::Star(e), line)?
            } else if self.eat_op(Op::DblStar) {
                let e = self.test()?;
                self.node(Kind::DblStar(e), line)?
            } else {
                let e = self.test()?;
                if self.eat_op(Op::Assign) {
                    let v = self.test()?;
                    self.node(Kind::Keyword { name: e, value: v }, line)?
                } else if self.eat_op(Op::Walrus) {
                    let v = self.test()?;
                    self.node(
                        Kind::NamedExpr {
                            target: e,
                            value: v,
                        },
                        line,
                    )?
                } else if self.is_kw(Kw::For) {
                    let first = self.comp_for()?;
                    self.node(
                        Kind::Comp {
                            kind: CompKind::Gen,
                            elt: e,
                            first,
                        },
                        line,
                    )?
                } else {
                    e
                }
            };
            self.scratch.tpush(a)?;
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.finish_list(mark)
    }

    fn comp_for(&mut self) -> CResult<NodeId> {
        self.enter()?;
        let r = self.comp_for_inner();
        self.leave();
        r
    }

    fn comp_for_inner(&mut self) -> CResult<NodeId> {
        let line = self.line();
        self.expect_kw(Kw::For)?;
        let target = self.exprlist()?;
        self.expect_kw(Kw::In)?;
        let iter = self.or_test()?;
        let next = self.comp_iter()?;
        self.node(Kind::CompFor { target, iter, next }, line)
    }

    fn comp_iter(&mut self) -> CResult<NodeId> {
        if self.is_kw(Kw::For) {
            return self.comp_for();
        }
        if self.is_kw(Kw::If) {
            let line = self.line();
            self.pos += 1;
            let cond = self.test_nocond()?;
            self.enter()?;
            let next = self.comp_iter();
            self.leave();
            let next = next?;
            return self.node(Kind::CompIf { cond, next }, line);
        }
        Ok(NONE)
    }

    pub(super) fn yield_expr(&mut self) -> CResult<NodeId> {
        let line = self.line();
        self.expect_kw(Kw::Yield)?;
        if self.eat_kw(Kw::From) {
            let e = self.test()?;
            return self.node(Kind::YieldFrom(e), line);
        }
        let v = if self.starts_expr() {
            self.testlist_star_expr()?
        } else {
            NONE
        };
        self.node(Kind::Yield(v), line)
    }

    fn atom(&mut self) -> CResult<NodeId> {
        let t = self.tok();
        let line = t.line;
        match t.kind {
            Tok::Name(s) => {
                self.pos += 1;
                self.interner.mark_qstr(s);
                if let Some(&(_, v)) = self.consts.iter().rev().find(|(n, _)| *n == s) {
                    let k = self.ast.kind(v);
                    return self.node(k, line);
                }
                self.node(Kind::Name(s), line)
            }
            Tok::Int(a, n) => {
                self.pos += 1;
                self.int_literal(a, n, line)
            }
            Tok::Float(a, n) => {
                self.pos += 1;
                let text = self.toks.span(a, n);
                match num::parse_float(text) {
                    Some((v, imag)) => {
                        let c = self.add_const(if imag {
                            ConstVal::Complex(v)
                        } else {
                            ConstVal::Float(v)
                        })?;
                        self.node(Kind::Const(c), line)
                    }
                    None => Err(CompileError::syntax(line, "invalid syntax for number")),
                }
            }
            Tok::Str(a, n) => {
                self.pos += 1;
                let text = self.toks.span(a, n);
                let s = self.interner.intern(text)?;
                if n <= 10 || self.interner.is_qstr(s) {
                    self.interner.mark_qstr(s);
                    self.node(Kind::StrQ(s), line)
                } else {
                    let c = self.add_const(ConstVal::Str(s))?;
                    self.node(Kind::Const(c), line)
                }
            }
            Tok::Bytes(a, n) => {
                self.pos += 1;
                let start = self.ast.bytes.len() as u32;
                let text = self.toks.span(a, n);
                textend(&mut self.ast.bytes, text)?;
                let c = self.add_const(ConstVal::Bytes(start, n))?;
                self.node(Kind::Const(c), line)
            }
            Tok::Kw(Kw::None) => {
                self.pos += 1;
                self.node(Kind::None, line)
            }
            Tok::Kw(Kw::True) | Tok::Kw(Kw::Debug) => {
                self.pos += 1;
                self.node(Kind::True, line)
            }
            Tok::Kw(Kw::False) => {
                self.pos += 1;
                self.node(Kind::False, line)
            }
            Tok::Op(Op::Ellipsis) => {
                self.pos += 1;
                self.node(Kind::Ellipsis, line)
            }
            Tok::Op(Op::LParen) => {
                self.pos += 1;
                self.enter()?;
                let r = self.paren_atom(line);
                self.leave();
                r
            }
            Tok::Op(Op::LBracket) => {
                self.pos += 1;
                self.enter()?;
                let r = self.bracket_atom(line);
                self.leave();
                r
            }
            Tok::Op(Op::LBrace) => {
                self.pos += 1;
                self.enter()?;
                let r = self.brace_atom(line);
                self.leave();
                r
            }
            _ => Err(self.error()),
        }
    }

    fn int_literal(&mut self, a: u32, n: u32, line: u32) -> CResult<NodeId> {
        let text = self.toks.span(a, n);
        match num::parse_int(text) {
            Ok(IntLit::Val(v)) => {
                // Like mpy-cross, a literal too wide for the target's small ints is a constant
                // object node, which carries its line into the line table.
                let bits = self.small_int_bits.clamp(2, 63) as u32;
                let (min, max) = (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1);
                match i64::try_from(v) {
                    Ok(i) if !(min..=max).contains(&v) => {
                        let c = self.add_const(ConstVal::Small(i))?;
                        self.node(Kind::Const(c), line)
                    }
                    _ => self.num_node(Num::Int(v), line),
                }
            }
            Ok(IntLit::Big { base, digits_start }) => {
                let digits = text.get(digits_start..).unwrap_or(&[]);
                let digits = core::str::from_utf8(digits).unwrap_or("0");
                let v = match Big::parse(digits, base, self.alloc.clone()) {
                    Ok(v) => v,
                    Err(NumError::NoMemory) => return Err(CompileError::memory()),
                    Err(_) => return Err(CompileError::syntax(line, "invalid syntax for number")),
                };
                let n = self.store_int(v.as_ref())?;
                self.num_node(n, line)
            }
            Err(()) => {
                let mut s = InlineStr::from_bytes(b"invalid syntax for integer with base 0: '");
                s.push_bytes(text);
                s.push_bytes(b"'");
                Err(CompileError::with_text(ErrorKind::SyntaxError, line, s))
            }
        }
    }

    /// Items of `(...)` or `[...]`: returns (items in scratch from mark, had_comma) or a comprehension.
    fn paren_atom(&mut self, line: u32) -> CResult<NodeId> {
        if self.eat_op(Op::RParen) {
            return self.node(
                Kind::Tuple {
                    items: List::default(),
                    paren: true,
                },
                line,
            );
        }
        if self.is_kw(Kw::Yield) {
            let y = self.yield_expr()?;
            self.expect_op(Op::RParen)?;
            return Ok(y);
        }
        let first = self.star_or_namedexpr()?;
        if self.is_kw(Kw::For) {
            let f = self.comp_for()?;
            self.expect_op(Op::RParen)?;
            return self.node(
                Kind::Comp {
                    kind: CompKind::Gen,
                    elt: first,
                    first: f,
                },
                line,
            );
        }
        if self.eat_op(Op::RParen) {
            return Ok(first);
        }
        let mark = self.scratch.len();
        self.scratch.tpush(first)?;
        while self.eat_op(Op::Comma) {
            if self.is_op(Op::RParen) {
                break;
            }
            let e = self.star_or_namedexpr()?;
            self.scratch.tpush(e)?;
        }
        self.expect_op(Op::RParen)?;
        let items = self.take_scratch(mark)?;
        self.make_tuple(&items, true, line)
    }

    fn star_or_namedexpr(&mut self) -> CResult<NodeId> {
        if self.is_op(Op::Star) {
            let line = self.line();
            self.pos += 1;
            let e = self.expr()?;
            return self.node(Kind::Star(e), line);
        }
        self.namedexpr_test()
    }

    fn bracket_atom(&mut self, line: u32) -> CResult<NodeId> {
        if self.eat_op(Op::RBracket) {
            return self.node(Kind::ListLit(List::default()), line);
        }
        let first = self.star_or_namedexpr()?;
        if self.is_kw(Kw::For) {
            let f = self.comp_for()?;
            self.expect_op(Op::RBracket)?;
            return self.node(
                Kind::Comp {
                    kind: CompKind::List,
                    elt: first,
                    first: f,
                },
                line,
            );
        }
        let mark = self.scratch.len();
        self.scratch.tpush(first)?;
        while self.eat_op(Op::Comma) {
            if self.is_op(Op::RBracket) {
                break;
            }
            let e = self.star_or_namedexpr()?;
            self.scratch.tpush(e)?;
        }
        self.expect_op(Op::RBracket)?;
        let l = self.finish_list(mark)?;
        self.node(Kind::ListLit(l), line)
    }

    fn dict_or_set_item(&mut self) -> CResult<NodeId> {
        let line = self.line();
        // `**x` and `*x` in dict and set displays: CPython's grammar (MicroPython's has
        // neither; the emitter builds these displays with method calls).
        if self.eat_op(Op::DblStar) {
            let e = self.expr()?;
            return self.node(Kind::DblStar(e), line);
        }
        if self.is_op(Op::Star) {
            return self.star_or_namedexpr();
        }
        let k = self.test()?;
        if self.eat_op(Op::Colon) {
            let v = self.test()?;
            return self.node(Kind::DictItem { key: k, value: v }, line);
        }
        Ok(k)
    }

    fn brace_atom(&mut self, line: u32) -> CResult<NodeId> {
        if self.eat_op(Op::RBrace) {
            return self.node(Kind::DictLit(List::default()), line);
        }
        let first = self.dict_or_set_item()?;
        if self.is_kw(Kw::For) {
            if matches!(self.ast.kind(first), Kind::Star(_) | Kind::DblStar(_)) {
                return Err(self.error());
            }
            let f = self.comp_for()?;
            self.expect_op(Op::RBrace)?;
            let kind = if matches!(self.ast.kind(first), Kind::DictItem { .. }) {
                CompKind::Dict
            } else {
                CompKind::Set
            };
            return self.node(
                Kind::Comp {
                    kind,
                    elt: first,
                    first: f,
                },
                line,
            );
        }
        let mark = self.scratch.len();
        self.scratch.tpush(first)?;
        while self.eat_op(Op::Comma) {
            if self.is_op(Op::RBrace) {
                break;
            }
            let e = self.dict_or_set_item()?;
            self.scratch.tpush(e)?;
        }
        self.expect_op(Op::RBrace)?;
        let is_dict = matches!(
            self.ast.kind(first),
            Kind::DictItem { .. } | Kind::DblStar(_)
        );
        let l = self.finish_list(mark)?;
        self.node(
            if is_dict {
                Kind::DictLit(l)
            } else {
                Kind::SetLit(l)
            },
            line,
        )
    }
}
