//! Recursive-descent parser producing the arena AST, with MicroPython's parse-time
//! optimisations (`py/parse.c`):
//! * integer and float constant folding per grammar rule, all operands or nothing
//!   (`1 + 2 + x` is not folded, `(1 + 2) + x` is);
//! * `and`/`or`/`not` on constant operands;
//! * tuples of constants become one constant tuple (with or without parentheses);
//! * `X = const(v)` records `X` and replaces later uses of the bare name `X`; for names
//!   starting with `_` the assignment itself disappears;
//! * a statement that is only a constant (a docstring) becomes `pass`.
//!
//! Errors report the token where parsing stopped, with MicroPython's message for that token
//! (`unexpected indent`, `unindent doesn't match any outer indent level`, `invalid syntax`).
//! Recursion is bounded by `max_depth`.

use super::ast::*;
use super::intern::{Interner, Sym};
use super::lexer::{Kw, Op, Tok, Token, Tokens};
use super::num::{self, IntLit, Num};
use super::{textend, CResult, CompileError, CompileOptions, ErrorKind, InlineStr, Mode, VecExt};
use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec;

/// Host small ints (MicroPython's 64-bit `mp_int_t` small ints: 63 bits).
const HOST_SMALL_MIN: i128 = -(1i128 << 62);
const HOST_SMALL_MAX: i128 = (1i128 << 62) - 1;

struct Parser<'t, 'i, A: Allocator + Clone> {
    toks: &'t Tokens<A>,
    pos: usize,
    ast: Ast<A>,
    interner: &'i mut Interner<A>,
    scratch: Vec<NodeId, A>,
    consts: Vec<(Sym, NodeId), A>,
    depth: u32,
    max_depth: u32,
    mode: Mode,
    alloc: A,
}

/// Parse a token stream.
pub fn parse<A: Allocator + Clone>(
    toks: &Tokens<A>,
    interner: &mut Interner<A>,
    mode: Mode,
    opts: &CompileOptions,
    alloc: A,
) -> CResult<Ast<A>> {
    let ast = Ast {
        nodes: Vec::new_in(alloc.clone()),
        lists: Vec::new_in(alloc.clone()),
        consts: Vec::new_in(alloc.clone()),
        const_lists: Vec::new_in(alloc.clone()),
        bytes: Vec::new_in(alloc.clone()),
        root: NONE,
    };
    let mut p = Parser {
        toks,
        pos: 0,
        ast,
        interner,
        scratch: Vec::new_in(alloc.clone()),
        consts: Vec::new_in(alloc.clone()),
        depth: 0,
        max_depth: opts.max_depth,
        mode,
        alloc,
    };
    // `format` is used by f-strings; MicroPython has it interned from the start.
    let root = match mode {
        Mode::Eval => {
            let line = p.line();
            let e = p.testlist()?;
            while p.peek() == Tok::Newline {
                p.pos += 1;
            }
            if p.peek() != Tok::End {
                return Err(p.error());
            }
            p.node(Kind::EvalInput(e), line)?
        }
        Mode::File | Mode::Single => {
            let mark = p.scratch.len();
            loop {
                match p.peek() {
                    Tok::Newline => p.pos += 1,
                    Tok::End => break,
                    _ => {
                        p.stmt()?;
                        if mode == Mode::Single {
                            while p.peek() == Tok::Newline {
                                p.pos += 1;
                            }
                            if p.peek() != Tok::End {
                                return Err(p.error());
                            }
                        }
                    }
                }
            }
            let l = p.finish_list(mark)?;
            p.node(Kind::Module(l), 1)?
        }
    };
    p.ast.root = root;
    Ok(p.ast)
}

fn binop_prec_group(op: Op) -> u8 {
    match op {
        Op::Pipe => 1,
        Op::Caret => 2,
        Op::Amp => 3,
        Op::Shl | Op::Shr => 4,
        Op::Plus | Op::Minus => 5,
        Op::Star | Op::Slash | Op::Percent | Op::DblSlash | Op::At => 6,
        _ => 0,
    }
}

impl<A: Allocator + Clone> Parser<'_, '_, A> {
    // ----- token helpers

    fn tok(&self) -> Token {
        self.toks.toks.get(self.pos).copied().unwrap_or(Token {
            kind: Tok::End,
            line: 0,
        })
    }

    fn peek(&self) -> Tok {
        self.tok().kind
    }

    fn peek_at(&self, k: usize) -> Tok {
        self.toks
            .toks
            .get(self.pos + k)
            .map(|t| t.kind)
            .unwrap_or(Tok::End)
    }

    fn line(&self) -> u32 {
        self.tok().line
    }

    fn is_op(&self, op: Op) -> bool {
        self.peek() == Tok::Op(op)
    }

    fn is_kw(&self, kw: Kw) -> bool {
        self.peek() == Tok::Kw(kw)
    }

    fn eat_op(&mut self, op: Op) -> bool {
        if self.is_op(op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, kw: Kw) -> bool {
        if self.is_kw(kw) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect_op(&mut self, op: Op) -> CResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.error())
        }
    }

    fn expect_kw(&mut self, kw: Kw) -> CResult<()> {
        if self.eat_kw(kw) {
            Ok(())
        } else {
            Err(self.error())
        }
    }

    fn expect(&mut self, t: Tok) -> CResult<()> {
        if self.peek() == t {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error())
        }
    }

    fn name(&mut self) -> CResult<Sym> {
        match self.peek() {
            Tok::Name(s) => {
                self.pos += 1;
                self.interner.mark_qstr(s);
                Ok(s)
            }
            _ => Err(self.error()),
        }
    }

    /// The error for the current token, as MicroPython's parser reports it.
    fn error(&self) -> CompileError {
        let t = self.tok();
        match t.kind {
            Tok::Indent => {
                CompileError::new(ErrorKind::IndentationError, t.line, "unexpected indent")
            }
            Tok::DedentMismatch => CompileError::new(
                ErrorKind::IndentationError,
                t.line,
                "unindent doesn't match any outer indent level",
            ),
            Tok::MalformedFstring => CompileError::syntax(t.line, "malformed f-string"),
            Tok::FstringRaw => CompileError::syntax(t.line, "raw f-strings are not supported"),
            Tok::Fatal => self
                .toks
                .fatal
                .unwrap_or_else(|| CompileError::syntax(t.line, "invalid syntax")),
            _ => CompileError::syntax(t.line, "invalid syntax"),
        }
    }

    fn enter(&mut self) -> CResult<()> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(CompileError::recursion(self.line()));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    // ----- arena helpers

    fn node(&mut self, kind: Kind, line: u32) -> CResult<NodeId> {
        let id = self.ast.nodes.len();
        if id >= NONE as usize - 1 {
            return Err(CompileError::memory());
        }
        self.ast.nodes.tpush(Node { kind, line })?;
        Ok(id as NodeId)
    }

    fn finish_list(&mut self, mark: usize) -> CResult<List> {
        let start = self.ast.lists.len();
        let items = self.scratch.get(mark..).unwrap_or(&[]);
        textend(&mut self.ast.lists, items)?;
        let len = self.scratch.len().saturating_sub(mark);
        self.scratch.truncate(mark);
        Ok(List {
            start: start as u32,
            len: len as u32,
        })
    }

    fn list_of(&mut self, items: &[NodeId]) -> CResult<List> {
        let start = self.ast.lists.len();
        textend(&mut self.ast.lists, items)?;
        Ok(List {
            start: start as u32,
            len: items.len() as u32,
        })
    }

    fn add_const(&mut self, c: ConstVal) -> CResult<ConstId> {
        let id = self.ast.consts.len() as ConstId;
        self.ast.consts.tpush(c)?;
        Ok(id)
    }

    // ----- constants

    fn number_of(&self, id: NodeId) -> Option<Num> {
        match self.ast.kind(id) {
            Kind::Int(i) => Some(Num::Int(i as i128)),
            Kind::Const(c) => match self.ast.konst(c) {
                ConstVal::Small(i) => Some(Num::Int(i as i128)),
                ConstVal::Big(i) => Some(Num::Int(i)),
                ConstVal::Float(f) => Some(Num::Float(f)),
                _ => None,
            },
            _ => None,
        }
    }

    fn num_node(&mut self, n: Num, line: u32) -> CResult<NodeId> {
        match n {
            Num::Int(i) if (HOST_SMALL_MIN..=HOST_SMALL_MAX).contains(&i) => {
                self.node(Kind::Int(i as i64), line)
            }
            Num::Int(i) => {
                let c = self.add_const(ConstVal::Big(i))?;
                self.node(Kind::Const(c), line)
            }
            Num::Float(f) => {
                let c = self.add_const(ConstVal::Float(f))?;
                self.node(Kind::Const(c), line)
            }
        }
    }

    fn is_const_true(&self, id: NodeId) -> bool {
        matches!(self.ast.kind(id), Kind::True)
            || matches!(self.ast.kind(id), Kind::Int(i) if i != 0)
    }

    fn is_const_false(&self, id: NodeId) -> bool {
        matches!(self.ast.kind(id), Kind::False | Kind::None | Kind::Int(0))
    }

    /// MicroPython's `mp_parse_node_is_const`.
    fn is_const(&self, id: NodeId) -> bool {
        match self.ast.kind(id) {
            Kind::Int(_)
            | Kind::StrQ(_)
            | Kind::None
            | Kind::True
            | Kind::False
            | Kind::Ellipsis
            | Kind::Const(_) => true,
            Kind::Tuple { items, paren: true } => items.len == 0,
            _ => false,
        }
    }

    fn const_of(&mut self, id: NodeId) -> CResult<ConstId> {
        let v = match self.ast.kind(id) {
            Kind::Int(i) => ConstVal::Small(i),
            Kind::StrQ(s) => ConstVal::Str(s),
            Kind::None => ConstVal::None,
            Kind::True => ConstVal::True,
            Kind::False => ConstVal::False,
            Kind::Ellipsis => ConstVal::Ellipsis,
            Kind::Const(c) => return Ok(c),
            _ => ConstVal::Tuple(0, 0),
        };
        self.add_const(v)
    }

    /// Fold a tuple of constants into one constant, or build a Tuple node.
    fn make_tuple(&mut self, items: &[NodeId], paren: bool, line: u32) -> CResult<NodeId> {
        if !items.is_empty() && items.iter().all(|&i| self.is_const(i)) {
            let mut ids: Vec<ConstId, A> = Vec::new_in(self.alloc.clone());
            for &i in items {
                let c = self.const_of(i)?;
                ids.tpush(c)?;
            }
            let start = self.ast.const_lists.len() as u32;
            textend(&mut self.ast.const_lists, &ids)?;
            let c = self.add_const(ConstVal::Tuple(start, ids.len() as u32))?;
            return self.node(Kind::Const(c), line);
        }
        let l = self.list_of(items)?;
        self.node(Kind::Tuple { items: l, paren }, line)
    }

    // ----- statements

    fn stmt(&mut self) -> CResult<()> {
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
    fn params(&mut self, end: Op, annotations: bool) -> CResult<List> {
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

    // ----- expressions

    fn testlist_star_expr(&mut self) -> CResult<NodeId> {
        self.seq(true, false)
    }

    fn testlist(&mut self) -> CResult<NodeId> {
        self.seq(false, false)
    }

    fn exprlist(&mut self) -> CResult<NodeId> {
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

    fn take_scratch(&mut self, mark: usize) -> CResult<Vec<NodeId, A>> {
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

    fn starts_expr(&self) -> bool {
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

    fn namedexpr_test(&mut self) -> CResult<NodeId> {
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

    fn test(&mut self) -> CResult<NodeId> {
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

    fn test_nocond(&mut self) -> CResult<NodeId> {
        if self.is_kw(Kw::Lambda) {
            return self.lambdef(true);
        }
        self.or_test()
    }

    fn or_test(&mut self) -> CResult<NodeId> {
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

    fn expr(&mut self) -> CResult<NodeId> {
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
                match self.number_of(rhs).and_then(|r| {
                    if op == Op::At {
                        None
                    } else {
                        num::binary(op, acc, r)
                    }
                }) {
                    Some(v) => acc = v,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                return self.num_node(acc, line);
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
            if let Some(n) = self.number_of(e).and_then(|n| num::unary(op, n)) {
                return self.num_node(n, line);
            }
            return self.node(Kind::Unary { op, operand: e }, line);
        }
        self.power()
    }

    fn power(&mut self) -> CResult<NodeId> {
        let line = self.line();
        let base = self.atom_expr()?;
        if self.eat_op(Op::DblStar) {
            let exp = self.factor()?;
            if let (Some(a), Some(b)) = (self.number_of(base), self.number_of(exp)) {
                if let Some(v) = num::binary(Op::DblStar, a, b) {
                    return self.num_node(v, line);
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

    fn atom_expr(&mut self) -> CResult<NodeId> {
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

    fn arglist(&mut self) -> CResult<List> {
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

    fn yield_expr(&mut self) -> CResult<NodeId> {
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
            Ok(IntLit::Val(v)) => self.num_node(Num::Int(v), line),
            Ok(IntLit::Big { base, digits_start }) => {
                let mut limbs: Vec<u32, A> = Vec::new_in(self.alloc.clone());
                let start = self.ast.bytes.len() as u32;
                let digits = text.get(digits_start..).unwrap_or(&[]);
                if !num::to_decimal(digits, base, &mut limbs, &mut self.ast.bytes) {
                    return Err(CompileError::memory());
                }
                let len = self.ast.bytes.len() as u32 - start;
                let c = self.add_const(ConstVal::BigText(start, len))?;
                self.node(Kind::Const(c), line)
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
