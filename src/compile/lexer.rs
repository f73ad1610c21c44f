//! The tokenizer, following MicroPython's `py/lexer.c`.
//!
//! Behaviour that affects the compiled code and the reported errors is copied from
//! MicroPython on purpose:
//! * adjacent string literals are concatenated here (bytes and str do not mix);
//! * f-strings are rewritten to `'...'.format(args)`: the expression text inside each `{}` is
//!   moved into an argument list that is lexed and injected after the string token;
//! * f-strings' `{expr=}` is rewritten to `'expr={!r}'.format(expr)`.
//!
//! Deliberately unlike MicroPython, which rejects them, pyrite accepts CPython's string
//! prefixes in any case (`R''`, `Rb''`, `F''`), raw f-strings (`rf''`) and whitespace around
//! the `=` of a self-documenting f-string field (`f'{x = }'`), and `f'{x=}'` formats with
//! `repr` as CPython does (MicroPython uses `str`).
//! * underscores in numbers are dropped by the lexer (so `1__0` is 10);
//! * a NEWLINE token carries the line of the statement it ends, INDENT/DEDENT the line of the
//!   next token, and an unclosed bracket at EOF is reported on the line after the last one.
//!
//! Errors that MicroPython's lexer raises eagerly (`\N{...}` escapes) are stored as a final
//! `Fatal` token so that the parser raises them in source order.

use super::intern::{Interner, Sym};
use super::{textend, CResult, CompileError, CompileOptions, ErrorKind, VecExt};
use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec;

/// Keywords.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kw {
    False,
    None,
    True,
    Debug,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

const KEYWORDS: &[(&[u8], Kw)] = &[
    (b"False", Kw::False),
    (b"None", Kw::None),
    (b"True", Kw::True),
    (b"__debug__", Kw::Debug),
    (b"and", Kw::And),
    (b"as", Kw::As),
    (b"assert", Kw::Assert),
    (b"async", Kw::Async),
    (b"await", Kw::Await),
    (b"break", Kw::Break),
    (b"class", Kw::Class),
    (b"continue", Kw::Continue),
    (b"def", Kw::Def),
    (b"del", Kw::Del),
    (b"elif", Kw::Elif),
    (b"else", Kw::Else),
    (b"except", Kw::Except),
    (b"finally", Kw::Finally),
    (b"for", Kw::For),
    (b"from", Kw::From),
    (b"global", Kw::Global),
    (b"if", Kw::If),
    (b"import", Kw::Import),
    (b"in", Kw::In),
    (b"is", Kw::Is),
    (b"lambda", Kw::Lambda),
    (b"nonlocal", Kw::Nonlocal),
    (b"not", Kw::Not),
    (b"or", Kw::Or),
    (b"pass", Kw::Pass),
    (b"raise", Kw::Raise),
    (b"return", Kw::Return),
    (b"try", Kw::Try),
    (b"while", Kw::While),
    (b"with", Kw::With),
    (b"yield", Kw::Yield),
];

/// Operators and delimiters.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Colon,
    Semicolon,
    Dot,
    Ellipsis,
    Arrow,
    Walrus,
    Assign,
    Tilde,
    // Binary operators, in MicroPython's token order (the emitter maps them to BinaryOp).
    Pipe,
    Caret,
    Amp,
    Shl,
    Shr,
    Plus,
    Minus,
    Star,
    At,
    DblSlash,
    Slash,
    Percent,
    DblStar,
    // Augmented assignments, in the same order as the binary operators above.
    PipeEq,
    CaretEq,
    AmpEq,
    ShlEq,
    ShrEq,
    PlusEq,
    MinusEq,
    StarEq,
    AtEq,
    DblSlashEq,
    SlashEq,
    PercentEq,
    DblStarEq,
    // Comparisons.
    Less,
    More,
    EqEq,
    LessEq,
    MoreEq,
    NotEq,
}

/// A token kind; text payloads are spans into [`Tokens::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    /// End of input.
    End,
    /// Logical end of line.
    Newline,
    /// Indentation increased.
    Indent,
    /// Indentation decreased.
    Dedent,
    /// Dedent to a level that was never pushed.
    DedentMismatch,
    /// An unrecognised character or malformed literal.
    Invalid,
    /// A string literal without its closing quote.
    LonelyStringOpen,
    /// An f-string with an empty `{}`.
    MalformedFstring,
    /// A lexer error raised when the parser reaches it ([`Tokens::fatal`]).
    Fatal,
    /// An identifier.
    Name(Sym),
    /// Integer literal text (underscores removed).
    Int(u32, u32),
    /// Float or imaginary literal text.
    Float(u32, u32),
    /// String literal contents (escapes processed).
    Str(u32, u32),
    /// Bytes literal contents.
    Bytes(u32, u32),
    /// A keyword.
    Kw(Kw),
    /// An operator or delimiter.
    Op(Op),
}

/// A token and the line it starts on.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    /// What it is.
    pub kind: Tok,
    /// 1-based line.
    pub line: u32,
}

/// The token stream.
pub struct Tokens<A: Allocator + Clone> {
    /// The tokens, ending with `End` or `Fatal`.
    pub toks: Vec<Token, A>,
    /// Payload bytes of literal tokens.
    pub text: Vec<u8, A>,
    /// The error behind a `Fatal` token.
    pub fatal: Option<CompileError>,
}

impl<A: Allocator + Clone> Tokens<A> {
    /// The bytes of a span.
    pub fn span(&self, start: u32, len: u32) -> &[u8] {
        self.text
            .get(start as usize..start as usize + len as usize)
            .unwrap_or(&[])
    }
}

const EOF: u32 = u32::MAX;
const TAB_SIZE: u32 = 8;

struct Lexer<'s, 'i, A: Allocator + Clone> {
    src: &'s [u8],
    pos: usize,
    line: u32,
    column: u32,
    level: u32,
    indents: Vec<u32, A>,
    emit_dent: i64,
    interner: &'i mut Interner<A>,
    out: &'i mut Tokens<A>,
    depth: u32,
    max_depth: u32,
    alloc: A,
    /// `.format(...)` text of the f-string just lexed, injected after its token.
    pending_fstring: Option<Vec<u8, A>>,
}

/// Tokenize a whole source file.
pub fn tokenize<A: Allocator + Clone>(
    src: &[u8],
    interner: &mut Interner<A>,
    opts: &CompileOptions,
    alloc: A,
) -> CResult<Tokens<A>> {
    // Normalise line endings and make sure the text ends with a newline, as MicroPython's
    // character reader does.
    let mut norm: Vec<u8, A> = Vec::new_in(alloc.clone());
    norm.try_reserve(src.len() + 1)
        .map_err(|_| CompileError::memory())?;
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        if c == b'\r' {
            norm.push(b'\n');
            if src.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            norm.push(c);
        }
        i += 1;
    }
    if let Some(&last) = norm.last() {
        if last != b'\n' {
            norm.tpush(b'\n')?;
        }
    }
    let mut out = Tokens {
        toks: Vec::new_in(alloc.clone()),
        text: Vec::new_in(alloc.clone()),
        fatal: None,
    };
    let mut lx = Lexer {
        src: &norm,
        pos: 0,
        line: 1,
        column: 1,
        level: 0,
        indents: Vec::new_in(alloc.clone()),
        emit_dent: 0,
        interner,
        out: &mut out,
        depth: 0,
        max_depth: opts.max_depth,
        alloc: alloc.clone(),
        pending_fstring: None,
    };
    lx.indents.tpush(0)?;
    lx.run(true)?;
    drop(lx);
    if opts.opt_level >= 1 {
        for t in out.toks.iter_mut() {
            if matches!(t.kind, Tok::Kw(Kw::Debug)) {
                t.kind = Tok::Kw(Kw::False);
            }
        }
    }
    Ok(out)
}

fn is_ident_head(c: u32) -> bool {
    c != EOF && (c == b'_' as u32 || (c as u8).is_ascii_alphabetic() || c >= 0x80)
}

fn is_ident_tail(c: u32) -> bool {
    is_ident_head(c) || (c != EOF && (c as u8).is_ascii_digit())
}

fn is_digit(c: u32) -> bool {
    c != EOF && c < 0x80 && (c as u8).is_ascii_digit()
}

fn is_letter(c: u32) -> bool {
    c != EOF && c < 0x80 && (c as u8).is_ascii_alphabetic()
}

/// The offset of the `=` that makes an f-string field self-documenting (`{x=}`, `{x = }`),
/// if the field's text ends with one: not part of `==`, `!=`, `<=` or `>=`.
fn debug_equals(field: &[u8]) -> Option<usize> {
    let end = field.len()
        - field
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
    let eq = end.checked_sub(1)?;
    if field.get(eq) != Some(&b'=') {
        return None;
    }
    match eq.checked_sub(1).and_then(|i| field.get(i)) {
        Some(b'=' | b'!' | b'<' | b'>') | None => None,
        Some(_) => Some(eq),
    }
}

fn hex_val(c: u32) -> Option<u32> {
    if c == EOF || c >= 0x80 {
        return None;
    }
    (c as u8 as char).to_digit(16)
}

impl<A: Allocator + Clone> Lexer<'_, '_, A> {
    fn ch(&self, k: usize) -> u32 {
        match self.src.get(self.pos + k) {
            Some(&c) => c as u32,
            None => EOF,
        }
    }

    fn is_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    fn next(&mut self) {
        let c = self.ch(0);
        if c == EOF {
            return;
        }
        if c == b'\n' as u32 {
            self.line = self.line.saturating_add(1);
            self.column = 1;
        } else if c == b'\t' as u32 {
            self.column = ((self.column.saturating_sub(1) / TAB_SIZE).saturating_add(1))
                .saturating_mul(TAB_SIZE)
                .saturating_add(1);
        } else {
            self.column = self.column.saturating_add(1);
        }
        self.pos += 1;
    }

    fn push(&mut self, kind: Tok, line: u32) -> CResult<()> {
        self.out.toks.tpush(Token { kind, line })
    }

    /// Skip spaces, comments and line continuations; report whether a logical newline was
    /// reached (only at bracket level 0).
    fn skip_ws(&mut self, stop_at_newline: bool) -> bool {
        while !self.is_end() {
            let c = self.ch(0);
            if c == b'\n' as u32 {
                if stop_at_newline && self.level == 0 {
                    return true;
                }
                self.next();
            } else if c == b' ' as u32 || c == b'\t' as u32 || c == 0x0b || c == 0x0c {
                self.next();
            } else if c == b'#' as u32 {
                while !self.is_end() && self.ch(0) != b'\n' as u32 {
                    self.next();
                }
            } else if c == b'\\' as u32 && self.ch(1) == b'\n' as u32 {
                self.next();
                self.next();
            } else {
                break;
            }
        }
        false
    }

    fn run(&mut self, first_is_file_start: bool) -> CResult<()> {
        let mut first = first_is_file_start;
        loop {
            let had_nl = self.skip_ws(true);
            let line = self.line;
            let col = self.column;
            let kind;
            if self.emit_dent < 0 {
                self.emit_dent += 1;
                kind = Tok::Dedent;
            } else if self.emit_dent > 0 {
                self.emit_dent -= 1;
                kind = Tok::Indent;
            } else if had_nl {
                self.next();
                self.skip_ws(false);
                let n = self.column - 1;
                let top = self.indents.last().copied().unwrap_or(0);
                let mut k = Tok::Newline;
                if n > top {
                    self.indents.tpush(n)?;
                    self.emit_dent += 1;
                } else if n < top {
                    while n < self.indents.last().copied().unwrap_or(0) {
                        self.indents.pop();
                        self.emit_dent -= 1;
                    }
                    if n != self.indents.last().copied().unwrap_or(0) {
                        k = Tok::DedentMismatch;
                    }
                }
                kind = k;
            } else if self.is_end() {
                self.push(Tok::End, line)?;
                return Ok(());
            } else {
                match self.token(line)? {
                    Some(k) => kind = k,
                    None => {
                        // Fatal error: stop the stream here.
                        self.push(Tok::Fatal, line)?;
                        return Ok(());
                    }
                }
                if kind == Tok::Invalid && self.is_end() {
                    self.push(kind, line)?;
                    continue;
                }
            }
            let kind = if first && col != 1 && kind != Tok::Newline {
                Tok::Indent
            } else {
                kind
            };
            first = false;
            self.push(kind, line)?;
            // An f-string's arguments follow its string token.
            if let Some(args) = self.pending_fstring.take() {
                self.inject(args, line)?;
            }
        }
    }
}

impl<A: Allocator + Clone> Lexer<'_, '_, A> {
    fn inject(&mut self, args: Vec<u8, A>, line: u32) -> CResult<()> {
        if self.depth >= self.max_depth {
            return Err(CompileError::recursion(line));
        }
        let mut sub = Lexer {
            src: &args,
            pos: 0,
            line,
            column: 1,
            level: 1,
            indents: Vec::new_in(self.alloc.clone()),
            emit_dent: 0,
            interner: &mut *self.interner,
            out: &mut *self.out,
            depth: self.depth + 1,
            max_depth: self.max_depth,
            alloc: self.alloc.clone(),
            pending_fstring: None,
        };
        sub.indents.tpush(0)?;
        // Lex until the injected text is exhausted; drop the sub-lexer's own End token.
        sub.run_injected()
    }

    fn run_injected(&mut self) -> CResult<()> {
        loop {
            self.skip_ws(true);
            let line = self.line;
            if self.is_end() {
                return Ok(());
            }
            match self.token(line)? {
                Some(k) => self.push(k, line)?,
                None => {
                    self.push(Tok::Fatal, line)?;
                    return Ok(());
                }
            }
            if let Some(args) = self.pending_fstring.take() {
                self.inject(args, line)?;
            }
        }
    }
}

impl<A: Allocator + Clone> Lexer<'_, '_, A> {
    fn add_text(&mut self, b: &[u8]) -> CResult<()> {
        textend(&mut self.out.text, b)
    }

    fn add_char(&mut self, c: u32) -> CResult<()> {
        // UTF-8 encode like MicroPython's vstr_add_char (surrogates included).
        let mut buf = [0u8; 4];
        let n = if c < 0x80 {
            buf[0] = c as u8;
            1
        } else if c < 0x800 {
            buf[0] = 0xc0 | (c >> 6) as u8;
            buf[1] = 0x80 | (c & 0x3f) as u8;
            2
        } else if c < 0x10000 {
            buf[0] = 0xe0 | (c >> 12) as u8;
            buf[1] = 0x80 | ((c >> 6) & 0x3f) as u8;
            buf[2] = 0x80 | (c & 0x3f) as u8;
            3
        } else {
            buf[0] = 0xf0 | ((c >> 18) & 0x07) as u8;
            buf[1] = 0x80 | ((c >> 12) & 0x3f) as u8;
            buf[2] = 0x80 | ((c >> 6) & 0x3f) as u8;
            buf[3] = 0x80 | (c & 0x3f) as u8;
            4
        };
        self.add_text(&buf[..n])
    }

    /// The current character, lowercased if it is an ASCII letter (string prefixes are
    /// case-insensitive).
    fn lower(&self, k: usize) -> u32 {
        let c = self.ch(k);
        if (b'A' as u32..=b'Z' as u32).contains(&c) {
            c + 32
        } else {
            c
        }
    }

    fn is_string_start(&self) -> bool {
        let q = |c: u32| c == b'\'' as u32 || c == b'"' as u32;
        let c0 = self.lower(0);
        let c1 = self.lower(1);
        let c2 = self.ch(2);
        let is = |c: u32, x: u8| c == x as u32;
        q(c0)
            || ((is(c0, b'r') || is(c0, b'u') || is(c0, b'b') || is(c0, b'f')) && q(self.ch(1)))
            || (((is(c0, b'r') && is(c1, b'f')) || (is(c0, b'f') && is(c1, b'r'))) && q(c2))
            || (((is(c0, b'r') && is(c1, b'b')) || (is(c0, b'b') && is(c1, b'r'))) && q(c2))
    }

    /// Lex one non-layout token. `Ok(None)` means a fatal error was recorded.
    fn token(&mut self, line: u32) -> CResult<Option<Tok>> {
        if self.is_string_start() {
            return self.string(line);
        }
        let c = self.ch(0);
        if is_ident_head(c) {
            let start = self.pos;
            self.next();
            while is_ident_tail(self.ch(0)) {
                self.next();
            }
            let word = self.src.get(start..self.pos).unwrap_or(&[]);
            for &(k, kw) in KEYWORDS {
                if k == word {
                    return Ok(Some(Tok::Kw(kw)));
                }
            }
            let s = self.interner.intern(word)?;
            return Ok(Some(Tok::Name(s)));
        }
        if is_digit(c) || (c == b'.' as u32 && is_digit(self.ch(1))) {
            return self.number().map(Some);
        }
        let c1 = self.ch(1);
        let c2 = self.ch(2);
        let b = |x: u8| x as u32;
        let (op, n) = match c {
            _ if c == b(b'(') => (Op::LParen, 1),
            _ if c == b(b')') => (Op::RParen, 1),
            _ if c == b(b'[') => (Op::LBracket, 1),
            _ if c == b(b']') => (Op::RBracket, 1),
            _ if c == b(b'{') => (Op::LBrace, 1),
            _ if c == b(b'}') => (Op::RBrace, 1),
            _ if c == b(b',') => (Op::Comma, 1),
            _ if c == b(b';') => (Op::Semicolon, 1),
            _ if c == b(b'~') => (Op::Tilde, 1),
            _ if c == b(b':') => {
                if c1 == b(b'=') {
                    (Op::Walrus, 2)
                } else {
                    (Op::Colon, 1)
                }
            }
            _ if c == b(b'.') => {
                if c1 == b(b'.') && c2 == b(b'.') {
                    (Op::Ellipsis, 3)
                } else {
                    (Op::Dot, 1)
                }
            }
            _ if c == b(b'-') => {
                if c1 == b(b'>') {
                    (Op::Arrow, 2)
                } else if c1 == b(b'=') {
                    (Op::MinusEq, 2)
                } else {
                    (Op::Minus, 1)
                }
            }
            _ if c == b(b'=') => {
                if c1 == b(b'=') {
                    (Op::EqEq, 2)
                } else {
                    (Op::Assign, 1)
                }
            }
            _ if c == b(b'!') => {
                if c1 == b(b'=') {
                    (Op::NotEq, 2)
                } else {
                    self.next();
                    return Ok(Some(Tok::Invalid));
                }
            }
            _ if c == b(b'<') => {
                if c1 == b(b'<') {
                    if c2 == b(b'=') {
                        (Op::ShlEq, 3)
                    } else {
                        (Op::Shl, 2)
                    }
                } else if c1 == b(b'=') {
                    (Op::LessEq, 2)
                } else {
                    (Op::Less, 1)
                }
            }
            _ if c == b(b'>') => {
                if c1 == b(b'>') {
                    if c2 == b(b'=') {
                        (Op::ShrEq, 3)
                    } else {
                        (Op::Shr, 2)
                    }
                } else if c1 == b(b'=') {
                    (Op::MoreEq, 2)
                } else {
                    (Op::More, 1)
                }
            }
            _ if c == b(b'*') => {
                if c1 == b(b'*') {
                    if c2 == b(b'=') {
                        (Op::DblStarEq, 3)
                    } else {
                        (Op::DblStar, 2)
                    }
                } else if c1 == b(b'=') {
                    (Op::StarEq, 2)
                } else {
                    (Op::Star, 1)
                }
            }
            _ if c == b(b'/') => {
                if c1 == b(b'/') {
                    if c2 == b(b'=') {
                        (Op::DblSlashEq, 3)
                    } else {
                        (Op::DblSlash, 2)
                    }
                } else if c1 == b(b'=') {
                    (Op::SlashEq, 2)
                } else {
                    (Op::Slash, 1)
                }
            }
            _ => {
                let simple = [
                    (b'+', Op::Plus, Op::PlusEq),
                    (b'%', Op::Percent, Op::PercentEq),
                    (b'&', Op::Amp, Op::AmpEq),
                    (b'|', Op::Pipe, Op::PipeEq),
                    (b'^', Op::Caret, Op::CaretEq),
                    (b'@', Op::At, Op::AtEq),
                ];
                let mut found = None;
                for (ch, plain, aug) in simple {
                    if c == ch as u32 {
                        found = Some(if c1 == b(b'=') { (aug, 2) } else { (plain, 1) });
                    }
                }
                match found {
                    Some(x) => x,
                    None => {
                        self.next();
                        return Ok(Some(Tok::Invalid));
                    }
                }
            }
        };
        for _ in 0..n {
            self.next();
        }
        match op {
            Op::LParen | Op::LBracket | Op::LBrace => self.level = self.level.saturating_add(1),
            Op::RParen | Op::RBracket | Op::RBrace => self.level = self.level.saturating_sub(1),
            _ => {}
        }
        Ok(Some(Tok::Op(op)))
    }

    fn number(&mut self) -> CResult<Tok> {
        let start = self.out.text.len() as u32;
        let mut is_float = false;
        let mut forced_int = false;
        let c = self.ch(0);
        if c == b'.' as u32 {
            is_float = true;
        } else if c == b'0' as u32 {
            let n = self.ch(1);
            if [b'x', b'X', b'o', b'O', b'b', b'B']
                .iter()
                .any(|&x| x as u32 == n)
            {
                forced_int = true;
            }
        }
        self.add_text(&[c as u8])?;
        self.next();
        while !self.is_end() {
            let c = self.ch(0);
            if !forced_int && (c == b'e' as u32 || c == b'E' as u32) {
                is_float = true;
                self.add_text(b"e")?;
                self.next();
                let s = self.ch(0);
                if s == b'+' as u32 || s == b'-' as u32 {
                    self.add_text(&[s as u8])?;
                    self.next();
                }
            } else if is_letter(c) || is_digit(c) || c == b'.' as u32 {
                if c == b'.' as u32 || c == b'j' as u32 || c == b'J' as u32 {
                    is_float = true;
                }
                self.add_text(&[c as u8])?;
                self.next();
            } else if c == b'_' as u32 {
                self.next();
            } else {
                break;
            }
        }
        let len = self.out.text.len() as u32 - start;
        Ok(if is_float {
            Tok::Float(start, len)
        } else {
            Tok::Int(start, len)
        })
    }

    fn string(&mut self, line: u32) -> CResult<Option<Tok>> {
        let start = self.out.text.len() as u32;
        let mut kind: Option<bool> = None; // Some(is_bytes)
        let mut fargs: Option<Vec<u8, A>> = None;
        let mut invalid = false;
        let mut lonely = false;
        let mut malformed = false;
        loop {
            let c0 = self.lower(0);
            let c1 = self.lower(1);
            let mut is_raw = false;
            let mut is_f = false;
            let mut is_bytes = false;
            let mut nchar = 0;
            if c0 == b'u' as u32 {
                nchar = 1;
            } else if c0 == b'b' as u32 {
                is_bytes = true;
                nchar = 1;
                if c1 == b'r' as u32 {
                    is_raw = true;
                    nchar = 2;
                }
            } else if c0 == b'r' as u32 {
                is_raw = true;
                nchar = 1;
                if c1 == b'b' as u32 {
                    is_bytes = true;
                    nchar = 2;
                }
                if c1 == b'f' as u32 {
                    is_f = true;
                    nchar = 2;
                }
            } else if c0 == b'f' as u32 {
                nchar = 1;
                is_f = true;
                if c1 == b'r' as u32 {
                    is_raw = true;
                    nchar = 2;
                }
            }
            match kind {
                None => kind = Some(is_bytes),
                Some(k) if k != is_bytes => break,
                _ => {}
            }
            for _ in 0..nchar {
                self.next();
            }
            if is_f && fargs.is_none() {
                let mut v = Vec::new_in(self.alloc.clone());
                textend(&mut v, b".format(")?;
                fargs = Some(v);
            }
            let r = self.string_body(is_raw, is_bytes, if is_f { fargs.as_mut() } else { None })?;
            match r {
                Body::Ok => {}
                Body::Invalid => invalid = true,
                Body::Lonely => lonely = true,
                Body::Malformed => malformed = true,
                Body::Fatal => return Ok(None),
            }
            if lonely {
                break;
            }
            self.skip_ws(true);
            if !self.is_string_start() {
                break;
            }
        }
        if lonely {
            return Ok(Some(Tok::LonelyStringOpen));
        }
        if malformed {
            return Ok(Some(Tok::MalformedFstring));
        }
        if invalid {
            return Ok(Some(Tok::Invalid));
        }
        if let Some(mut a) = fargs {
            a.tpush(b')')?;
            self.pending_fstring = Some(a);
        }
        let _ = line;
        let len = self.out.text.len() as u32 - start;
        Ok(Some(if kind == Some(true) {
            Tok::Bytes(start, len)
        } else {
            Tok::Str(start, len)
        }))
    }

    fn string_body(
        &mut self,
        is_raw: bool,
        is_bytes: bool,
        mut fargs: Option<&mut Vec<u8, A>>,
    ) -> CResult<Body> {
        let quote = self.ch(0);
        self.next();
        let nquotes = if self.ch(0) == quote && self.ch(1) == quote {
            self.next();
            self.next();
            3
        } else {
            1
        };
        let mut result = Body::Ok;
        let mut nclosing = 0;
        let nl = b'\n' as u32;
        while !self.is_end() && (nquotes > 1 || self.ch(0) != nl) && nclosing < nquotes {
            let c = self.ch(0);
            if c == quote {
                nclosing += 1;
                self.add_text(&[c as u8])?;
            } else {
                nclosing = 0;
                if let (Some(fa), true) = (fargs.as_deref_mut(), c == b'{' as u32) {
                    while self.ch(0) == b'{' as u32 {
                        self.next();
                        if self.ch(0) == b'{' as u32 {
                            self.add_text(b"{")?;
                            self.next();
                        } else {
                            let arg_start = fa.len();
                            let mut nest: i64 = 0;
                            while !self.is_end() {
                                let c = self.ch(0);
                                if nest == 0 {
                                    if c == b':' as u32 || c == b'}' as u32 {
                                        break;
                                    }
                                    if c == b'!' as u32
                                        && (self.ch(1) == b'r' as u32 || self.ch(1) == b's' as u32)
                                        && (self.ch(2) == b':' as u32 || self.ch(2) == b'}' as u32)
                                    {
                                        break;
                                    }
                                }
                                if c == b'[' as u32 || c == b'{' as u32 {
                                    nest += 1;
                                } else if c == b']' as u32 || c == b'}' as u32 {
                                    nest -= 1;
                                }
                                fa.tpush(c as u8)?;
                                self.next();
                            }
                            let mut debug = false;
                            if fa.len() == arg_start {
                                result = Body::Malformed;
                            } else if let Some(eq) = debug_equals(&fa[arg_start..]) {
                                // f'{a = }' becomes 'a = {!r}'.format(a): the field's text
                                // verbatim, then the value (repr unless the field has a
                                // conversion or a format spec, as in CPython).
                                textend(&mut self.out.text, &fa[arg_start..])?;
                                fa.truncate(arg_start + eq);
                                debug = true;
                            }
                            fa.tpush(b',')?;
                            self.add_text(b"{")?;
                            if debug && self.ch(0) == b'}' as u32 {
                                self.add_text(b"!r")?;
                            }
                            continue;
                        }
                        self.add_text(b"{")?;
                    }
                    // Re-check the current character (it may close the string).
                    continue;
                }
                let c = self.ch(0);
                if c == b'\\' as u32 {
                    self.next();
                    let e = self.ch(0);
                    if is_raw {
                        self.add_text(b"\\")?;
                        if e != EOF {
                            self.add_text(&[e as u8])?;
                        }
                    } else {
                        let mut v: Option<u32> = Some(e);
                        match e {
                            _ if e == nl => v = None,
                            _ if e == b'\\' as u32 || e == b'\'' as u32 || e == b'"' as u32 => {}
                            _ if e == b'a' as u32 => v = Some(7),
                            _ if e == b'b' as u32 => v = Some(8),
                            _ if e == b't' as u32 => v = Some(9),
                            _ if e == b'n' as u32 => v = Some(10),
                            _ if e == b'v' as u32 => v = Some(11),
                            _ if e == b'f' as u32 => v = Some(12),
                            _ if e == b'r' as u32 => v = Some(13),
                            _ if (e == b'u' as u32 || e == b'U' as u32) && is_bytes => {
                                self.add_text(b"\\")?;
                            }
                            _ if e == b'x' as u32 || e == b'u' as u32 || e == b'U' as u32 => {
                                let n = if e == b'x' as u32 {
                                    2
                                } else if e == b'u' as u32 {
                                    4
                                } else {
                                    8
                                };
                                let mut num: u32 = 0;
                                for _ in 0..n {
                                    match hex_val(self.ch(1)) {
                                        Some(d) => {
                                            self.next();
                                            num = num.wrapping_mul(16).wrapping_add(d);
                                        }
                                        None => {
                                            result = Body::Invalid;
                                            break;
                                        }
                                    }
                                }
                                v = Some(num);
                            }
                            _ if e == b'N' as u32 => {
                                self.out.fatal = Some(CompileError::new(
                                    ErrorKind::NotImplementedError,
                                    self.line,
                                    "unicode name escapes",
                                ));
                                return Ok(Body::Fatal);
                            }
                            _ if (b'0' as u32..=b'7' as u32).contains(&e) => {
                                let mut num = e - b'0' as u32;
                                let mut digits = 3;
                                while (b'0' as u32..=b'7' as u32).contains(&self.ch(1)) {
                                    digits -= 1;
                                    if digits == 0 {
                                        break;
                                    }
                                    self.next();
                                    num = num * 8 + (self.ch(0) - b'0' as u32);
                                }
                                v = Some(num);
                            }
                            _ => {
                                // Unknown escape: kept verbatim with its backslash.
                                self.add_text(b"\\")?;
                            }
                        }
                        if let Some(v) = v {
                            if e == EOF {
                            } else if !is_bytes && v < 0x110000 {
                                if v == e
                                    && !(e == b'x' as u32 || e == b'u' as u32 || e == b'U' as u32)
                                    && e >= 0x80
                                {
                                    // a raw non-ASCII byte after a backslash stays a byte
                                    self.add_text(&[v as u8])?;
                                } else {
                                    self.add_char(v)?;
                                }
                            } else if is_bytes && v < 0x100 {
                                self.add_text(&[v as u8])?;
                            } else {
                                result = Body::Invalid;
                            }
                        }
                    }
                } else if c != EOF {
                    self.add_text(&[c as u8])?;
                }
            }
            self.next();
        }
        if nclosing < nquotes {
            return Ok(Body::Lonely);
        }
        // Cut the closing quotes from the text.
        let l = self.out.text.len().saturating_sub(nclosing);
        self.out.text.truncate(l);
        Ok(result)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Body {
    Ok,
    Invalid,
    Lonely,
    Malformed,
    Fatal,
}

#[cfg(test)]
mod tests {
    use super::*;
    extern crate std;
    use allocator_api2::alloc::Global;
    use std::string::String;
    use std::vec::Vec as SVec;

    fn lex(src: &str) -> SVec<String> {
        let mut i = Interner::new(Global);
        let t = tokenize(src.as_bytes(), &mut i, &CompileOptions::default(), Global).unwrap();
        t.toks
            .iter()
            .map(|tk| match tk.kind {
                Tok::Name(s) => {
                    std::format!("{}:N({})", tk.line, String::from_utf8_lossy(i.get(s)))
                }
                Tok::Str(a, b) => {
                    std::format!("{}:S({})", tk.line, String::from_utf8_lossy(t.span(a, b)))
                }
                Tok::Bytes(a, b) => {
                    std::format!("{}:B({})", tk.line, String::from_utf8_lossy(t.span(a, b)))
                }
                Tok::Int(a, b) => {
                    std::format!("{}:I({})", tk.line, String::from_utf8_lossy(t.span(a, b)))
                }
                Tok::Float(a, b) => {
                    std::format!("{}:F({})", tk.line, String::from_utf8_lossy(t.span(a, b)))
                }
                k => std::format!("{}:{:?}", tk.line, k),
            })
            .collect()
    }

    #[test]
    fn basic_layout() {
        let t = lex("if x:\n    y = 1_0\nz\n");
        assert_eq!(
            t.join(" "),
            "1:Kw(If) 1:N(x) 1:Op(Colon) 1:Newline 2:Indent 2:N(y) 2:Op(Assign) 2:I(10) 2:Newline 3:Dedent 3:N(z) 3:Newline 4:End"
        );
    }

    #[test]
    fn strings_and_fstrings() {
        let t = lex("x = 'a' \"b\"\nf'{a!r:>{w}} {{'\n");
        assert_eq!(
            t.join(" "),
            "1:N(x) 1:Op(Assign) 1:S(ab) 1:Newline 2:S({!r:>{}} {{) 2:Op(Dot) 2:N(format) 2:Op(LParen) 2:N(a) 2:Op(Comma) 2:N(w) 2:Op(Comma) 2:Op(RParen) 2:Newline 3:End"
        );
        let t = lex("b'\\x41\\u12' '\\x41'");
        assert_eq!(t[0], "1:B(A\\u12)");
        assert_eq!(t[1], "1:S(A)");
    }

    #[test]
    fn errors() {
        assert_eq!(lex("  x")[0], "1:Indent");
        assert_eq!(lex("'abc")[0], "1:LonelyStringOpen");
        assert_eq!(lex("f(")[2], "2:End");
        assert!(lex("if 1:\n    x\n  y\n").contains(&String::from("2:DedentMismatch")));
        assert_eq!(lex("'\\N{x}'")[0], "1:Fatal");
    }
}
