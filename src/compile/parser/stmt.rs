//! Statements: simple statements (assignment with `const()`, `import`, `del`, ...), blocks and
//! compound statements (`if`, `while`, `for`, `try`, `with`, `def`, `class`, decorators).

use super::*;

impl<A: Allocator + Clone> Parser<'_, '_, A> {
    pub(super) fn stmt(&mut self) -> CResult<()> {
        self.enter()?;
        let r = self.stmt_inner();
        self.leave();
        r
    }

    fn stmt_inner(&mut self) -> CResult<()> {
        let line = self.line();
        let n = match self.peek() {
            Tok::Kw(Kw::If) => self.if_stmt()?,
            Tok::Kw(Kw::While) => self.while_stmt()?,
            Tok::Kw(Kw::For) => self.for_stmt(false, line)?,
            Tok::Kw(Kw::Try) => self.try_stmt()?,
            Tok::Kw(Kw::With) => self.with_stmt(false, line)?,
            Tok::Kw(Kw::Def) => self.funcdef(false, line)?,
            Tok::Kw(Kw::Class) => self.classdef()?,
            Tok::Op(Op::At) => self.decorated()?,
            Tok::Kw(Kw::Async) => {
                self.pos += 1;
                match self.peek() {
                    Tok::Kw(Kw::Def) => self.funcdef(true, line)?,
                    Tok::Kw(Kw::For) => self.for_stmt(true, line)?,
                    Tok::Kw(Kw::With) => self.with_stmt(true, line)?,
                    _ => return Err(self.error()),
                }
            }
            _ => return self.simple_stmt(),
        };
        self.scratch.tpush(n)
    }

    fn simple_stmt(&mut self) -> CResult<()> {
        loop {
            let s = self.small_stmt()?;
            self.scratch.tpush(s)?;
            if self.eat_op(Op::Semicolon) {
                if self.peek() == Tok::Newline {
                    break;
                }
                continue;
            }
            break;
        }
        self.expect(Tok::Newline)
    }

    fn suite(&mut self) -> CResult<NodeId> {
        self.expect_op(Op::Colon)?;
        let line = self.line();
        let mark = self.scratch.len();
        if self.peek() == Tok::Newline {
            self.pos += 1;
            self.expect(Tok::Indent)?;
            loop {
                self.stmt()?;
                if self.peek() == Tok::Dedent {
                    self.pos += 1;
                    break;
                }
            }
        } else {
            self.simple_stmt()?;
        }
        let l = self.finish_list(mark)?;
        self.node(Kind::Suite(l), line)
    }

    fn small_stmt(&mut self) -> CResult<NodeId> {
        let line = self.line();
        match self.peek() {
            Tok::Kw(Kw::Pass) => {
                self.pos += 1;
                self.node(Kind::Pass, line)
            }
            Tok::Kw(Kw::Break) => {
                self.pos += 1;
                self.node(Kind::Break, line)
            }
            Tok::Kw(Kw::Continue) => {
                self.pos += 1;
                self.node(Kind::Continue, line)
            }
            Tok::Kw(Kw::Del) => {
                self.pos += 1;
                let e = self.exprlist()?;
                self.node(Kind::Del(e), line)
            }
            Tok::Kw(Kw::Return) => {
                self.pos += 1;
                let v = if self.at_stmt_end() {
                    NONE
                } else {
                    self.testlist()?
                };
                self.node(Kind::Return(v), line)
            }
            Tok::Kw(Kw::Raise) => {
                self.pos += 1;
                let (mut exc, mut cause) = (NONE, NONE);
                if !self.at_stmt_end() {
                    exc = self.test()?;
                    if self.eat_kw(Kw::From) {
                        cause = self.test()?;
                    }
                }
                self.node(Kind::Raise { exc, cause }, line)
            }
            Tok::Kw(Kw::Global) | Tok::Kw(Kw::Nonlocal) => {
                let global = self.is_kw(Kw::Global);
                self.pos += 1;
                let mark = self.scratch.len();
                loop {
                    let l = self.line();
                    let s = self.name()?;
                    let n = self.node(Kind::Name(s), l)?;
                    self.scratch.tpush(n)?;
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                let l = self.finish_list(mark)?;
                self.node(
                    if global {
                        Kind::Global(l)
                    } else {
                        Kind::Nonlocal(l)
                    },
                    line,
                )
            }
            Tok::Kw(Kw::Assert) => {
                self.pos += 1;
                let test = self.test()?;
                let msg = if self.eat_op(Op::Comma) {
                    self.test()?
                } else {
                    NONE
                };
                self.node(Kind::Assert { test, msg }, line)
            }
            Tok::Kw(Kw::Import) => self.import_name(),
            Tok::Kw(Kw::Yield) => {
                let y = self.yield_expr()?;
                self.node(Kind::ExprStmt(y), line)
            }
            Tok::Kw(Kw::From) => self.import_from(),
            _ => self.expr_stmt(),
        }
    }

    fn at_stmt_end(&self) -> bool {
        matches!(
            self.peek(),
            Tok::Newline | Tok::Op(Op::Semicolon) | Tok::End
        )
    }

    fn expr_stmt(&mut self) -> CResult<NodeId> {
        let line = self.line();
        let first = self.testlist_star_expr()?;
        let aug = match self.peek() {
            Tok::Op(op) => match op {
                Op::PipeEq
                | Op::CaretEq
                | Op::AmpEq
                | Op::ShlEq
                | Op::ShrEq
                | Op::PlusEq
                | Op::MinusEq
                | Op::StarEq
                | Op::AtEq
                | Op::DblSlashEq
                | Op::SlashEq
                | Op::PercentEq
                | Op::DblStarEq => Some(op),
                _ => None,
            },
            _ => None,
        };
        if let Some(op) = aug {
            self.pos += 1;
            let value = if self.is_kw(Kw::Yield) {
                self.yield_expr()?
            } else {
                self.testlist()?
            };
            return self.node(
                Kind::AugAssign {
                    target: first,
                    op,
                    value,
                },
                line,
            );
        }
        if self.eat_op(Op::Colon) {
            // annotation: parsed and ignored
            self.test()?;
            let value = if self.eat_op(Op::Assign) {
                if self.is_kw(Kw::Yield) {
                    self.yield_expr()?
                } else {
                    self.testlist_star_expr()?
                }
            } else {
                NONE
            };
            return self.node(
                Kind::AnnAssign {
                    target: first,
                    value,
                },
                line,
            );
        }
        if !self.is_op(Op::Assign) {
            // A lonely constant (e.g. a docstring) becomes `pass`, except at the REPL.
            let k = self.ast.kind(first);
            if self.mode != Mode::Single
                && ((k.is_leaf() && !matches!(k, Kind::Name(_))) || matches!(k, Kind::Const(_)))
            {
                return self.node(Kind::Pass, line);
            }
            return self.node(Kind::ExprStmt(first), line);
        }
        let mark = self.scratch.len();
        self.scratch.tpush(first)?;
        let mut value = NONE;
        while self.eat_op(Op::Assign) {
            let v = if self.is_kw(Kw::Yield) {
                self.yield_expr()?
            } else {
                self.testlist_star_expr()?
            };
            if value != NONE {
                self.scratch.tpush(value)?;
            }
            value = v;
        }
        let ntargets = self.scratch.len() - mark;
        if ntargets == 1 {
            if let Some(n) = self.try_const_def(first, value, line)? {
                self.scratch.truncate(mark);
                return Ok(n);
            }
        }
        let targets = self.finish_list(mark)?;
        self.node(Kind::Assign { targets, value }, line)
    }

    /// `X = const(v)`: record the constant (MicroPython's `MICROPY_COMP_CONST`).
    fn try_const_def(
        &mut self,
        target: NodeId,
        value: NodeId,
        line: u32,
    ) -> CResult<Option<NodeId>> {
        let Kind::Name(name) = self.ast.kind(target) else {
            return Ok(None);
        };
        let Kind::AtomExpr { atom, trailers } = self.ast.kind(value) else {
            return Ok(None);
        };
        if trailers.len != 1 {
            return Ok(None);
        }
        let Kind::Name(fname) = self.ast.kind(atom) else {
            return Ok(None);
        };
        if self.interner.get(fname) != b"const" {
            return Ok(None);
        }
        let tr = self.ast.list(trailers)[0];
        let Kind::TrCall(args) = self.ast.kind(tr) else {
            return Ok(None);
        };
        let arg = if args.len == 1 {
            self.ast.list(args)[0]
        } else {
            NONE
        };
        if arg == NONE || !self.is_const(arg) || matches!(self.ast.kind(arg), Kind::Tuple { .. }) {
            return Err(CompileError::syntax(
                self.ast.node(value).line,
                "not a constant",
            ));
        }
        self.consts.tpush((name, arg))?;
        if self.interner.get(name).first() == Some(&b'_') {
            return Ok(Some(self.node(Kind::Pass, 0)?));
        }
        let targets = self.list_of(&[target])?;
        Ok(Some(self.node(
            Kind::Assign {
                targets,
                value: arg,
            },
            line,
        )?))
    }

    fn import_name(&mut self) -> CResult<NodeId> {
        let line = self.line();
        self.pos += 1;
        let mark = self.scratch.len();
        loop {
            let n = self.dotted_as_name()?;
            self.scratch.tpush(n)?;
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        let l = self.finish_list(mark)?;
        self.node(Kind::Import(l), line)
    }

    fn dotted_name(&mut self) -> CResult<List> {
        let mark = self.scratch.len();
        loop {
            let l = self.line();
            let s = self.name()?;
            let n = self.node(Kind::Name(s), l)?;
            self.scratch.tpush(n)?;
            if !self.eat_op(Op::Dot) {
                break;
            }
        }
        self.finish_list(mark)
    }

    fn dotted_as_name(&mut self) -> CResult<NodeId> {
        let line = self.line();
        let parts = self.dotted_name()?;
        let asname = if self.eat_kw(Kw::As) {
            Some(self.name()?)
        } else {
            None
        };
        self.node(Kind::ImportName { parts, asname }, line)
    }

    fn import_from(&mut self) -> CResult<NodeId> {
        let line = self.line();
        self.pos += 1;
        let mut level: u32 = 0;
        loop {
            if self.eat_op(Op::Dot) {
                level = level.saturating_add(1);
            } else if self.eat_op(Op::Ellipsis) {
                level = level.saturating_add(3);
            } else {
                break;
            }
        }
        let module = if level > 0 && self.is_kw(Kw::Import) {
            NONE
        } else {
            let l = self.line();
            let parts = self.dotted_name()?;
            self.node(
                Kind::ImportName {
                    parts,
                    asname: None,
                },
                l,
            )?
        };
        self.expect_kw(Kw::Import)?;
        if self.eat_op(Op::Star) {
            return self.node(
                Kind::ImportFrom {
                    level,
                    module,
                    names: List::default(),
                    star: true,
                },
                line,
            );
        }
        let paren = self.eat_op(Op::LParen);
        let mark = self.scratch.len();
        loop {
            let l = self.line();
            let name = self.name()?;
            let asname = if self.eat_kw(Kw::As) {
                Some(self.name()?)
            } else {
                None
            };
            let n = self.node(Kind::ImportAlias { name, asname }, l)?;
            self.scratch.tpush(n)?;
            if !self.eat_op(Op::Comma) {
                break;
            }
            if paren && self.is_op(Op::RParen) {
                break;
            }
            if !paren && self.at_stmt_end() {
                return Err(self.error());
            }
        }
        if paren {
            self.expect_op(Op::RParen)?;
        }
        let names = self.finish_list(mark)?;
        self.node(
            Kind::ImportFrom {
                level,
                module,
                names,
                star: false,
            },
            line,
        )
    }

    fn if_stmt(&mut self) -> CResult<NodeId> {
        let line = self.line();
        self.pos += 1;
        let test = self.namedexpr_test()?;
        let body = self.suite()?;
        let mark = self.scratch.len();
        while self.is_kw(Kw::Elif) {
            let l = self.line();
            self.pos += 1;
            let t = self.namedexpr_test()?;
            let b = self.suite()?;
            let n = self.node(Kind::Elif { test: t, body: b }, l)?;
            self.scratch.tpush(n)?;
        }
        let elifs = self.finish_list(mark)?;
        let orelse = if self.eat_kw(Kw::Else) {
            self.suite()?
        } else {
            NONE
        };
        self.node(
            Kind::If {
                test,
                body,
                elifs,
                orelse,
            },
            line,
        )
    }

    fn while_stmt(&mut self) -> CResult<NodeId> {
        let line = self.line();
        self.pos += 1;
        let test = self.namedexpr_test()?;
        let body = self.suite()?;
        let orelse = if self.eat_kw(Kw::Else) {
            self.suite()?
        } else {
            NONE
        };
        self.node(Kind::While { test, body, orelse }, line)
    }

    fn for_stmt(&mut self, is_async: bool, line: u32) -> CResult<NodeId> {
        self.expect_kw(Kw::For)?;
        let target = self.exprlist()?;
        self.expect_kw(Kw::In)?;
        let iter = self.testlist()?;
        let body = self.suite()?;
        let orelse = if self.eat_kw(Kw::Else) {
            self.suite()?
        } else {
            NONE
        };
        self.node(
            Kind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            },
            line,
        )
    }

    fn try_stmt(&mut self) -> CResult<NodeId> {
        let line = self.line();
        self.pos += 1;
        let body = self.suite()?;
        let mark = self.scratch.len();
        while self.is_kw(Kw::Except) {
            let l = self.line();
            self.pos += 1;
            let (mut typ, mut name) = (NONE, None);
            if !self.is_op(Op::Colon) {
                typ = self.test()?;
                if self.eat_kw(Kw::As) {
                    name = Some(self.name()?);
                }
            }
            let b = self.suite()?;
            let n = self.node(Kind::Handler { typ, name, body: b }, l)?;
            self.scratch.tpush(n)?;
        }
        let handlers = self.finish_list(mark)?;
        let mut orelse = NONE;
        if handlers.len > 0 && self.eat_kw(Kw::Else) {
            orelse = self.suite()?;
        }
        let finally = if self.eat_kw(Kw::Finally) {
            self.suite()?
        } else {
            NONE
        };
        if handlers.len == 0 && finally == NONE {
            return Err(self.error());
        }
        self.node(
            Kind::Try {
                body,
                handlers,
                orelse,
                finally,
            },
            line,
        )
    }

    fn with_stmt(&mut self, is_async: bool, line: u32) -> CResult<NodeId> {
        self.expect_kw(Kw::With)?;
        let mark = self.scratch.len();
        loop {
            let l = self.line();
            let expr = self.test()?;
            let target = if self.eat_kw(Kw::As) {
                self.expr()?
            } else {
                NONE
            };
            let n = self.node(Kind::WithItem { expr, target }, l)?;
            self.scratch.tpush(n)?;
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        let items = self.finish_list(mark)?;
        let body = self.suite()?;
        self.node(
            Kind::With {
                items,
                body,
                is_async,
            },
            line,
        )
    }

    fn funcdef(&mut self, is_async: bool, line: u32) -> CResult<NodeId> {
        self.expect_kw(Kw::Def)?;
        let name = self.name()?;
        self.expect_op(Op::LParen)?;
        let params = self.params(Op::RParen, true)?;
        self.expect_op(Op::RParen)?;
        if self.eat_op(Op::Arrow) {
            self.test()?;
        }
        let body = self.suite()?;
        self.node(
            Kind::FuncDef {
                name,
                params,
                body,
                is_async,
            },
            line,
        )
    }

    /// Parameters of a `def` (with annotations) or a `lambda`, up to `end`.
    pub(super) fn params(&mut self, end: Op, annotations: bool) -> CResult<List> {
        let mark = self.scratch.len();
        while !self.is_op(end) {
            let line = self.line();
            let n = if self.eat_op(Op::Star) {
                if self.is_op(Op::Comma) || self.is_op(end) {
                    self.node(
                        Kind::Param {
                            name: None,
                            default: NONE,
                            kind: ParamKind::BareStar,
                        },
                        line,
                    )?
                } else {
                    let s = self.name()?;
                    if annotations && self.eat_op(Op::Colon) {
                        self.test()?;
                    }
                    self.node(
                        Kind::Param {
                            name: Some(s),
                            default: NONE,
                            kind: ParamKind::Star,
                        },
                        line,
                    )?
                }
            } else if self.eat_op(Op::DblStar) {
                let s = self.name()?;
                if annotations && self.eat_op(Op::Colon) {
                    self.test()?;
                }
                self.node(
                    Kind::Param {
                        name: Some(s),
                        default: NONE,
                        kind: ParamKind::DblStar,
                    },
                    line,
                )?
            } else {
                let s = self.name()?;
                if annotations && self.eat_op(Op::Colon) {
                    self.test()?;
                }
                let default = if self.eat_op(Op::Assign) {
                    self.test()?
                } else {
                    NONE
                };
                self.node(
                    Kind::Param {
                        name: Some(s),
                        default,
                        kind: ParamKind::Plain,
                    },
                    line,
                )?
            };
            self.scratch.tpush(n)?;
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.finish_list(mark)
    }

    fn classdef(&mut self) -> CResult<NodeId> {
        let line = self.line();
        self.pos += 1;
        let name = self.name()?;
        let mut args = NONE;
        if self.is_op(Op::LParen) {
            let l = self.line();
            self.pos += 1;
            let a = self.arglist()?;
            self.expect_op(Op::RParen)?;
            args = self.node(Kind::TrCall(a), l)?;
        }
        let body = self.suite()?;
        self.node(Kind::ClassDef { name, args, body }, line)
    }

    fn decorated(&mut self) -> CResult<NodeId> {
        let line = self.line();
        let mark = self.scratch.len();
        while self.is_op(Op::At) {
            let l = self.line();
            self.pos += 1;
            let parts = self.dotted_name()?;
            let mut call = NONE;
            if self.is_op(Op::LParen) {
                let cl = self.line();
                self.pos += 1;
                let a = self.arglist()?;
                self.expect_op(Op::RParen)?;
                call = self.node(Kind::TrCall(a), cl)?;
            }
            self.expect(Tok::Newline)?;
            let d = self.node(Kind::Decorator { parts, call }, l)?;
            self.scratch.tpush(d)?;
        }
        let decorators = self.finish_list(mark)?;
        let dl = self.line();
        let def = match self.peek() {
            Tok::Kw(Kw::Def) => self.funcdef(false, dl)?,
            Tok::Kw(Kw::Class) => self.classdef()?,
            Tok::Kw(Kw::Async) if self.peek_at(1) == Tok::Kw(Kw::Def) => {
                self.pos += 1;
                self.funcdef(true, dl)?
            }
            _ => return Err(self.error()),
        };
        self.node(Kind::Decorated { decorators, def }, line)
    }
}
