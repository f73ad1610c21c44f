//! Recursive-descent parser producing the arena AST, with MicroPython's parse-time
//! optimisations (`py/parse.c`):
//! * integer and float constant folding per grammar rule, all operands or nothing
//!   (`1 + 2 + x` is not folded, `(1 + 2) + x` is);
//! * `and`/`or`/`not` on constant operands (by the truth value of any constant, as
//!   MicroPython 1.29 does: `'' and x` is `''`);
//! * `math.pi`, `math.e`, `math.tau`, `math.inf`, `math.nan` become their float (mpy-cross's
//!   module constant table; by name, like MicroPython);
//! * tuples of constants become one constant tuple (with or without parentheses);
//! * `X = const(v)` records `X` and replaces later uses of the bare name `X`; for names
//!   starting with `_` the assignment itself disappears;
//! * a statement that is only a constant (a docstring) becomes `pass`.
//!
//! Errors report the token where parsing stopped, with MicroPython's message for that token
//! (`unexpected indent`, `unindent doesn't match any outer indent level`, `invalid syntax`).
//! Recursion is bounded by `max_depth`.
//!
//! This file has the parser's state, the entry point and the token/arena helpers; the
//! grammar is in `parser/stmt.rs` (statements), `parser/expr.rs` (operators down to `**`),
//! `parser/atom.rs` (trailers, literals, displays, comprehensions) and the folding in
//! `parser/consts.rs`.

use super::ast::*;
use super::intern::{Interner, Sym};
use super::lexer::{Kw, Op, Tok, Token, Tokens};
use super::num::{self, Folded, IntLit, Num};
use super::{textend, CResult, CompileError, CompileOptions, ErrorKind, InlineStr, Mode, VecExt};
use crate::num::{Big, BigRef, InlineBig, NumError};
use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec;

mod atom;
mod consts;
mod expr;
mod stmt;

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
    /// The target's small-int width (an int literal wider than it is a constant object).
    pub(super) small_int_bits: u8,
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
        limbs: Vec::new_in(alloc.clone()),
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
        small_int_bits: opts.small_int_bits,
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
}
