//! The regular-expression engine behind `re`: a parser into a small AST, a compiler into a
//! flat program of `u32` triples, and a backtracking matcher with an explicit stack.
//!
//! Nothing here recurses without bound: the parser limits group nesting, the compiler limits
//! the program size (counted repetitions are expanded), and the matcher runs on a heap stack
//! with a step budget, so hostile patterns (`(a*)*b`) raise an error instead of hanging or
//! overflowing the Rust stack. A loop iteration that matched nothing ends the loop (a progress
//! check), so `(a*)*` terminates.
//!
//! Syntax: literals, `.`, `[...]` and `[^...]` with ranges and `\d\D\w\W\s\S`, `^ $ \A \Z \b
//! \B`, groups `(...)`, `(?:...)`, `(?P<name>...)`, alternation, the quantifiers `* + ? {m}
//! {m,} {m,n} {,n}` and their lazy forms, back-references `\1`, escapes `\n \t \r \f \v \0
//! \xhh \uhhhh`. Flags: IGNORECASE, MULTILINE, DOTALL.

use crate::gc::heap::TempAlloc;
use allocator_api2::vec::Vec;

/// `re.IGNORECASE`.
pub const IGNORECASE: u32 = 2;
/// `re.MULTILINE`.
pub const MULTILINE: u32 = 8;
/// `re.DOTALL`.
pub const DOTALL: u32 = 16;

/// Deepest group nesting accepted.
const MAX_NESTING: u32 = 64;
/// Largest program (in instructions).
const MAX_PROGRAM: usize = 20_000;
/// Steps one search may take.
pub const STEP_BUDGET: usize = 5_000_000;

/// Why a pattern was rejected or a match given up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// Bad syntax.
    Syntax,
    /// Too large or nested too deeply.
    TooComplex,
    /// Out of temporary memory.
    Memory,
    /// The matcher's step budget ran out.
    Budget,
}

type TVec<T> = Vec<T, TempAlloc>;

#[derive(Clone, Copy)]
enum Node {
    Empty,
    Char(u32),
    Any,
    /// Index of the class in `classes`.
    Class(u32),
    Bol,
    Eol,
    StrStart,
    StrEnd,
    WordB(bool),
    Backref(u32),
    /// Capture group `n` (None: non-capturing) around node `child`.
    Group(Option<u32>, u32),
    /// `children[start..start + len]`.
    Concat(u32, u32),
    Alt(u32, u32),
    Repeat {
        child: u32,
        min: u32,
        max: u32,
        greedy: bool,
    },
}

/// Class item kinds in the class table.
const CL_RANGE: u32 = 0;
const CL_DIGIT: u32 = 1;
const CL_WORD: u32 = 2;
const CL_SPACE: u32 = 3;
const CL_NOT: u32 = 4; // added to the three above

struct Parser<'p> {
    pat: &'p [u32],
    pos: usize,
    flags: u32,
    nodes: TVec<Node>,
    children: TVec<u32>,
    /// Classes: `[negate, n_items, (kind, lo, hi) * n]` flattened.
    classes: TVec<u32>,
    ngroups: u32,
    names: TVec<(u32, u32, u32)>, // (start, len) in pat, group number
    depth: u32,
}

fn push<T>(v: &mut TVec<T>, x: T) -> Result<(), Error> {
    v.try_reserve(1).map_err(|_| Error::Memory)?;
    v.push(x);
    Ok(())
}

impl Parser<'_> {
    fn peek(&self) -> Option<u32> {
        self.pat.get(self.pos).copied()
    }

    fn node(&mut self, n: Node) -> Result<u32, Error> {
        push(&mut self.nodes, n)?;
        Ok((self.nodes.len() - 1) as u32)
    }

    fn alt(&mut self) -> Result<u32, Error> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(Error::TooComplex);
        }
        let mut list: TVec<u32> = Vec::new_in(*self.nodes.allocator());
        push(&mut list, self.concat()?)?;
        while self.peek() == Some('|' as u32) {
            self.pos += 1;
            push(&mut list, self.concat()?)?;
        }
        self.depth -= 1;
        if list.len() == 1 {
            return Ok(list[0]);
        }
        let start = self.children.len() as u32;
        for &c in list.iter() {
            push(&mut self.children, c)?;
        }
        self.node(Node::Alt(start, list.len() as u32))
    }

    fn concat(&mut self) -> Result<u32, Error> {
        let mut list: TVec<u32> = Vec::new_in(*self.nodes.allocator());
        while let Some(c) = self.peek() {
            if c == '|' as u32 || c == ')' as u32 {
                break;
            }
            let a = self.repeat()?;
            push(&mut list, a)?;
        }
        match list.len() {
            0 => self.node(Node::Empty),
            1 => Ok(list[0]),
            n => {
                let start = self.children.len() as u32;
                for &c in list.iter() {
                    push(&mut self.children, c)?;
                }
                self.node(Node::Concat(start, n as u32))
            }
        }
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        let mut n: u32 = 0;
        while let Some(d) = self.peek().and_then(|c| char::from_u32(c)?.to_digit(10)) {
            n = n.saturating_mul(10).saturating_add(d);
            self.pos += 1;
        }
        (self.pos > start).then_some(n)
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}` at `pos` (just after `{`); None (and pos unchanged)
    /// when it is not a valid quantifier, in which case `{` is a literal.
    fn braces(&mut self) -> Option<(u32, u32)> {
        let save = self.pos;
        let lo = self.number();
        let r = if self.peek() == Some(',' as u32) {
            self.pos += 1;
            let hi = self.number();
            if self.peek() == Some('}' as u32) {
                Some((lo.unwrap_or(0), hi.unwrap_or(u32::MAX)))
            } else {
                None
            }
        } else if self.peek() == Some('}' as u32) && lo.is_some() {
            lo.map(|n| (n, n))
        } else {
            None
        };
        match r {
            Some(q) => {
                self.pos += 1;
                Some(q)
            }
            None => {
                self.pos = save;
                None
            }
        }
    }

    fn repeat(&mut self) -> Result<u32, Error> {
        let atom = self.atom()?;
        let mut node = atom;
        loop {
            let (min, max) = match self.peek() {
                Some(c) if c == '*' as u32 => (0, u32::MAX),
                Some(c) if c == '+' as u32 => (1, u32::MAX),
                Some(c) if c == '?' as u32 => (0, 1),
                Some(c) if c == '{' as u32 => {
                    self.pos += 1;
                    match self.braces() {
                        Some((lo, hi)) => {
                            if hi < lo {
                                return Err(Error::Syntax);
                            }
                            self.pos -= 1; // the shared advance below
                            (lo, hi)
                        }
                        None => {
                            self.pos -= 1;
                            return Ok(node);
                        }
                    }
                }
                _ => return Ok(node),
            };
            self.pos += 1;
            if matches!(self.nodes[node as usize], Node::Repeat { .. }) {
                // `a**` is an error in CPython ("multiple repeat"); `a*?` was handled below.
                return Err(Error::Syntax);
            }
            let greedy = if self.peek() == Some('?' as u32) {
                self.pos += 1;
                false
            } else {
                true
            };
            node = self.node(Node::Repeat {
                child: node,
                min,
                max,
                greedy,
            })?;
        }
    }

    fn escape_char(&mut self, c: u32) -> Result<Option<u32>, Error> {
        let ch = char::from_u32(c).unwrap_or('\0');
        Ok(Some(match ch {
            'n' => '\n' as u32,
            't' => '\t' as u32,
            'r' => '\r' as u32,
            'f' => 0x0c,
            'v' => 0x0b,
            'a' => 0x07,
            '0' => {
                // Up to two more octal digits.
                let mut v = 0;
                for _ in 0..2 {
                    match self.peek().and_then(|c| char::from_u32(c)?.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.pos += 1;
                        }
                        None => break,
                    }
                }
                v
            }
            'x' | 'u' | 'U' => {
                let n = match ch {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v: u32 = 0;
                for _ in 0..n {
                    let d = self
                        .peek()
                        .and_then(|c| char::from_u32(c)?.to_digit(16))
                        .ok_or(Error::Syntax)?;
                    v = v * 16 + d;
                    self.pos += 1;
                }
                if char::from_u32(v).is_none() {
                    return Err(Error::Syntax);
                }
                v
            }
            c if c.is_ascii_alphanumeric() => return Ok(None),
            _ => c,
        }))
    }

    fn class_kind(c: u32) -> Option<u32> {
        match char::from_u32(c)? {
            'd' => Some(CL_DIGIT),
            'w' => Some(CL_WORD),
            's' => Some(CL_SPACE),
            'D' => Some(CL_DIGIT + CL_NOT),
            'W' => Some(CL_WORD + CL_NOT),
            'S' => Some(CL_SPACE + CL_NOT),
            _ => None,
        }
    }

    /// A one-item class node for `\d` and friends.
    fn special_class(&mut self, kind: u32) -> Result<u32, Error> {
        let idx = self.classes.len() as u32;
        for x in [0, 1, kind, 0, 0] {
            push(&mut self.classes, x)?;
        }
        self.node(Node::Class(idx))
    }

    fn class(&mut self) -> Result<u32, Error> {
        // After '['.
        let idx = self.classes.len() as u32;
        push(&mut self.classes, 0)?;
        push(&mut self.classes, 0)?;
        if self.peek() == Some('^' as u32) {
            self.pos += 1;
            self.classes[idx as usize] = 1;
        }
        let mut first = true;
        let mut n = 0u32;
        loop {
            let Some(c) = self.peek() else {
                // MicroPython reports an unterminated set this way.
                return Err(Error::TooComplex);
            };
            self.pos += 1;
            if c == ']' as u32 && !first {
                break;
            }
            first = false;
            let lo = if c == '\\' as u32 {
                let e = self.peek().ok_or(Error::Syntax)?;
                self.pos += 1;
                if let Some(k) = Self::class_kind(e) {
                    for x in [k, 0, 0] {
                        push(&mut self.classes, x)?;
                    }
                    n += 1;
                    continue;
                }
                if e == 'b' as u32 {
                    0x08
                } else {
                    self.escape_char(e)?.ok_or(Error::Syntax)?
                }
            } else {
                c
            };
            // A range?
            let mut hi = lo;
            if self.peek() == Some('-' as u32)
                && self.pat.get(self.pos + 1).is_some_and(|&c| c != ']' as u32)
            {
                self.pos += 1;
                let c2 = self.peek().ok_or(Error::Syntax)?;
                self.pos += 1;
                hi = if c2 == '\\' as u32 {
                    let e = self.peek().ok_or(Error::Syntax)?;
                    self.pos += 1;
                    if Self::class_kind(e).is_some() {
                        return Err(Error::Syntax);
                    }
                    self.escape_char(e)?.ok_or(Error::Syntax)?
                } else {
                    c2
                };
                if hi < lo {
                    return Err(Error::Syntax);
                }
            }
            for x in [CL_RANGE, lo, hi] {
                push(&mut self.classes, x)?;
            }
            n += 1;
        }
        self.classes[idx as usize + 1] = n;
        self.node(Node::Class(idx))
    }

    fn atom(&mut self) -> Result<u32, Error> {
        let Some(c) = self.peek() else {
            return Err(Error::Syntax);
        };
        self.pos += 1;
        let ch = char::from_u32(c).unwrap_or('\0');
        match ch {
            '(' => {
                let mut group = None;
                if self.peek() == Some('?' as u32) {
                    self.pos += 1;
                    match self.peek().and_then(char::from_u32) {
                        Some(':') => self.pos += 1,
                        Some('P') if self.pat.get(self.pos + 1) == Some(&('<' as u32)) => {
                            self.pos += 2;
                            let start = self.pos;
                            while self.peek().is_some_and(|c| c != '>' as u32) {
                                self.pos += 1;
                            }
                            if self.peek().is_none() || self.pos == start {
                                return Err(Error::Syntax);
                            }
                            let len = self.pos - start;
                            self.pos += 1;
                            self.ngroups += 1;
                            group = Some(self.ngroups);
                            push(&mut self.names, (start as u32, len as u32, self.ngroups))?;
                        }
                        _ => return Err(Error::Syntax),
                    }
                } else {
                    self.ngroups += 1;
                    group = Some(self.ngroups);
                }
                let inner = self.alt()?;
                if self.peek() != Some(')' as u32) {
                    return Err(Error::TooComplex);
                }
                self.pos += 1;
                self.node(Node::Group(group, inner))
            }
            ')' => Err(Error::Syntax),
            '*' | '+' | '?' => Err(Error::TooComplex),
            '[' => self.class(),
            '.' => self.node(Node::Any),
            '^' => self.node(Node::Bol),
            '$' => self.node(Node::Eol),
            '\\' => {
                let e = self.peek().ok_or(Error::Syntax)?;
                self.pos += 1;
                if let Some(k) = Self::class_kind(e) {
                    return self.special_class(k);
                }
                match char::from_u32(e).unwrap_or('\0') {
                    'b' => return self.node(Node::WordB(false)),
                    'B' => return self.node(Node::WordB(true)),
                    'A' => return self.node(Node::StrStart),
                    'Z' => return self.node(Node::StrEnd),
                    '1'..='9' => {
                        self.pos -= 1;
                        let n = self.number().unwrap_or(0);
                        if n == 0 || n > self.ngroups {
                            return Err(Error::Syntax);
                        }
                        return self.node(Node::Backref(n));
                    }
                    _ => {}
                }
                match self.escape_char(e)? {
                    Some(v) => self.node(Node::Char(v)),
                    None => Err(Error::Syntax),
                }
            }
            _ => self.node(Node::Char(c)),
        }
    }
}

// Instructions: [op, a, b].
const I_CHAR: u32 = 0;
const I_ANY: u32 = 1;
const I_CLASS: u32 = 2;
const I_SPLIT: u32 = 3;
const I_JMP: u32 = 4;
const I_SAVE: u32 = 5;
const I_BOL: u32 = 6;
const I_EOL: u32 = 7;
const I_WORDB: u32 = 8;
const I_BACKREF: u32 = 9;
const I_MATCH: u32 = 10;
const I_PROG_SET: u32 = 11;
const I_PROG_CHECK: u32 = 12;
const I_STR_START: u32 = 13;
const I_STR_END: u32 = 14;

/// A compiled program: the header `[ngroups, nregs, flags, code_len]`, the code triples,
/// then the class table.
pub struct Program<'a> {
    words: &'a [u32],
}

struct Compiler<'a> {
    p: &'a Parser<'a>,
    code: TVec<[u32; 3]>,
    nregs: u32,
}

impl Compiler<'_> {
    /// The number of instructions node `n` compiles to (saturating), so that oversized
    /// expansions are refused before any memory is spent on them.
    fn size(&self, n: u32, depth: u32) -> usize {
        if depth > 4 * MAX_NESTING {
            return usize::MAX;
        }
        match self.p.nodes[n as usize] {
            Node::Empty => 0,
            Node::Group(g, child) => {
                self.size(child, depth + 1)
                    .saturating_add(if g.is_some() { 2 } else { 0 })
            }
            Node::Concat(s, len) => (s..s + len).fold(0usize, |acc, k| {
                acc.saturating_add(self.size(self.p.children[k as usize], depth + 1))
            }),
            Node::Alt(s, len) => (s..s + len).fold(0usize, |acc, k| {
                acc.saturating_add(self.size(self.p.children[k as usize], depth + 1))
                    .saturating_add(2)
            }),
            Node::Repeat {
                child, min, max, ..
            } => {
                let c = self.size(child, depth + 1);
                let copies = if max == u32::MAX {
                    min as usize + 1
                } else {
                    max as usize
                };
                c.saturating_add(4).saturating_mul(copies.max(1))
            }
            _ => 1,
        }
    }

    fn emit(&mut self, i: [u32; 3]) -> Result<usize, Error> {
        if self.code.len() >= MAX_PROGRAM {
            return Err(Error::TooComplex);
        }
        push(&mut self.code, i)?;
        Ok(self.code.len() - 1)
    }

    fn compile(&mut self, n: u32, depth: u32) -> Result<(), Error> {
        if depth > 4 * MAX_NESTING {
            return Err(Error::TooComplex);
        }
        let flags = self.p.flags;
        match self.p.nodes[n as usize] {
            Node::Empty => {}
            Node::Char(c) => {
                self.emit([I_CHAR, c, flags & IGNORECASE])?;
            }
            Node::Any => {
                self.emit([I_ANY, flags & DOTALL, 0])?;
            }
            Node::Class(i) => {
                self.emit([I_CLASS, i, flags & IGNORECASE])?;
            }
            Node::Bol => {
                self.emit([I_BOL, flags & MULTILINE, 0])?;
            }
            Node::Eol => {
                self.emit([I_EOL, flags & MULTILINE, 0])?;
            }
            Node::StrStart => {
                self.emit([I_STR_START, 0, 0])?;
            }
            Node::StrEnd => {
                self.emit([I_STR_END, 0, 0])?;
            }
            Node::WordB(neg) => {
                self.emit([I_WORDB, neg as u32, 0])?;
            }
            Node::Backref(g) => {
                self.emit([I_BACKREF, g, flags & IGNORECASE])?;
            }
            Node::Group(g, child) => {
                if let Some(g) = g {
                    self.emit([I_SAVE, 2 * g, 0])?;
                    self.compile(child, depth + 1)?;
                    self.emit([I_SAVE, 2 * g + 1, 0])?;
                } else {
                    self.compile(child, depth + 1)?;
                }
            }
            Node::Concat(s, len) => {
                for k in s..s + len {
                    let c = self.p.children[k as usize];
                    self.compile(c, depth + 1)?;
                }
            }
            Node::Alt(s, len) => {
                // SPLIT next, alt2; ...; JMP end
                let mut jumps: TVec<usize> = Vec::new_in(*self.code.allocator());
                for k in s..s + len {
                    let c = self.p.children[k as usize];
                    if k + 1 < s + len {
                        let split = self.emit([I_SPLIT, 0, 0])?;
                        self.code[split][1] = (split + 1) as u32;
                        self.compile(c, depth + 1)?;
                        let j = self.emit([I_JMP, 0, 0])?;
                        push(&mut jumps, j)?;
                        self.code[split][2] = self.code.len() as u32;
                    } else {
                        self.compile(c, depth + 1)?;
                    }
                }
                let end = self.code.len() as u32;
                for &j in jumps.iter() {
                    self.code[j][1] = end;
                }
            }
            Node::Repeat {
                child,
                min,
                max,
                greedy,
            } => {
                for _ in 0..min {
                    self.compile(child, depth + 1)?;
                }
                if max == u32::MAX {
                    // L1: SPLIT L2, L3 ; L2: PROG_SET r ; child ; PROG_CHECK r ; JMP L1 ; L3:
                    let r = self.nregs;
                    self.nregs += 1;
                    let l1 = self.emit([I_SPLIT, 0, 0])?;
                    self.emit([I_PROG_SET, r, 0])?;
                    self.compile(child, depth + 1)?;
                    let check = self.emit([I_PROG_CHECK, r, 0])?;
                    self.emit([I_JMP, l1 as u32, 0])?;
                    let l3 = self.code.len() as u32;
                    // An iteration that matched nothing ends the loop (as in CPython).
                    self.code[check][2] = l3;
                    self.code[l1] = if greedy {
                        [I_SPLIT, l1 as u32 + 1, l3]
                    } else {
                        [I_SPLIT, l3, l1 as u32 + 1]
                    };
                } else {
                    // (child (child (...)?)?)? for the optional copies.
                    let mut splits: TVec<usize> = Vec::new_in(*self.code.allocator());
                    for _ in min..max {
                        let s = self.emit([I_SPLIT, 0, 0])?;
                        push(&mut splits, s)?;
                        self.compile(child, depth + 1)?;
                    }
                    let end = self.code.len() as u32;
                    for &s in splits.iter() {
                        self.code[s] = if greedy {
                            [I_SPLIT, s as u32 + 1, end]
                        } else {
                            [I_SPLIT, end, s as u32 + 1]
                        };
                    }
                }
            }
        }
        Ok(())
    }
}

/// A compiled pattern: the program words and the group names `(name chars, group)`.
pub struct Compiled {
    /// The program (see `Program`).
    pub words: TVec<u32>,
    /// Named groups: `(start, len)` in the pattern's chars and the group number.
    pub names: TVec<(u32, u32, u32)>,
}

/// Compile `pat` (code points) with `flags`.
pub fn compile(pat: &[u32], flags: u32, alloc: TempAlloc) -> Result<Compiled, Error> {
    let mut p = Parser {
        pat,
        pos: 0,
        flags,
        nodes: Vec::new_in(alloc),
        children: Vec::new_in(alloc),
        classes: Vec::new_in(alloc),
        ngroups: 0,
        names: Vec::new_in(alloc),
        depth: 0,
    };
    let root = p.alt()?;
    if p.pos < pat.len() {
        // An unbalanced ')'.
        return Err(Error::Syntax);
    }
    let mut c = Compiler {
        p: &p,
        code: Vec::new_in(alloc),
        nregs: 0,
    };
    if c.size(root, 0) >= MAX_PROGRAM {
        return Err(Error::TooComplex);
    }
    c.compile(root, 0)?;
    c.emit([I_MATCH, 0, 0])?;
    let mut words: TVec<u32> = Vec::new_in(alloc);
    let total = 4 + c.code.len() * 3 + p.classes.len();
    words.try_reserve(total).map_err(|_| Error::Memory)?;
    words.extend_from_slice(&[p.ngroups, c.nregs, flags, c.code.len() as u32]);
    for i in c.code.iter() {
        words.extend_from_slice(i);
    }
    words.extend_from_slice(&p.classes);
    let names = core::mem::replace(&mut p.names, Vec::new_in(alloc));
    Ok(Compiled { words, names })
}

impl<'a> Program<'a> {
    /// A program from its words (as `compile` made them; checked to be well formed enough
    /// that matching never indexes out of range).
    pub fn new(words: &'a [u32]) -> Option<Program<'a>> {
        let code_len = *words.get(3)? as usize;
        if words.len() < 4 + code_len * 3 {
            return None;
        }
        Some(Program { words })
    }

    /// The number of capture groups (not counting group 0).
    pub fn ngroups(&self) -> usize {
        self.words[0] as usize
    }

    fn nregs(&self) -> usize {
        self.words[1] as usize
    }

    fn code_len(&self) -> usize {
        self.words[3] as usize
    }

    fn inst(&self, pc: usize) -> [u32; 3] {
        let i = 4 + pc * 3;
        match self.words.get(i..i + 3) {
            Some(s) => [s[0], s[1], s[2]],
            None => [I_MATCH, 0, 0],
        }
    }

    fn class_word(&self, i: usize) -> u32 {
        self.words
            .get(4 + self.code_len() * 3 + i)
            .copied()
            .unwrap_or(0)
    }
}

fn is_word(c: u32) -> bool {
    char::from_u32(c).is_some_and(|c| c == '_' || c.is_alphanumeric())
}

fn is_digit(c: u32) -> bool {
    char::from_u32(c).is_some_and(crate::unicode::is_decimal)
}

fn is_space(c: u32) -> bool {
    char::from_u32(c).is_some_and(|c| c.is_whitespace() || matches!(c, '\x1c'..='\x1f'))
}

fn fold(c: u32) -> u32 {
    match char::from_u32(c) {
        Some(ch) => {
            let mut l = ch.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => x as u32,
                _ => c,
            }
        }
        None => c,
    }
}

fn class_has(p: &Program, idx: usize, c: u32, icase: bool) -> bool {
    let neg = p.class_word(idx) != 0;
    let n = p.class_word(idx + 1) as usize;
    let test = |c: u32| {
        (0..n).any(|k| {
            let base = idx + 2 + 3 * k;
            let kind = p.class_word(base);
            match kind {
                CL_RANGE => (p.class_word(base + 1)..=p.class_word(base + 2)).contains(&c),
                CL_DIGIT => is_digit(c),
                CL_WORD => is_word(c),
                CL_SPACE => is_space(c),
                k if k == CL_DIGIT + CL_NOT => !is_digit(c),
                k if k == CL_WORD + CL_NOT => !is_word(c),
                k if k == CL_SPACE + CL_NOT => !is_space(c),
                _ => false,
            }
        })
    };
    let mut hit = test(c);
    if !hit && icase {
        let l = fold(c);
        let u = char::from_u32(c)
            .and_then(|ch| {
                let mut up = ch.to_uppercase();
                match (up.next(), up.next()) {
                    (Some(x), None) => Some(x as u32),
                    _ => None,
                }
            })
            .unwrap_or(c);
        hit = test(l) || test(u);
    }
    hit != neg
}

enum Back {
    Alt(usize, usize),
    Cap(usize, usize),
    Reg(usize, usize),
}

/// The matcher's scratch memory, reused across the start positions of a search.
pub struct Matcher {
    stack: TVec<Back>,
    /// Capture positions, `2 * (ngroups + 1)`; `usize::MAX` when unset.
    pub caps: TVec<usize>,
    regs: TVec<usize>,
    /// Steps left in the budget.
    pub budget: usize,
}

impl Matcher {
    /// Scratch for `prog`.
    pub fn new(prog: &Program, alloc: TempAlloc) -> Result<Matcher, Error> {
        let mut caps = Vec::new_in(alloc);
        let nc = 2 * (prog.ngroups() + 1);
        caps.try_reserve(nc).map_err(|_| Error::Memory)?;
        caps.resize(nc, usize::MAX);
        let mut regs = Vec::new_in(alloc);
        regs.try_reserve(prog.nregs()).map_err(|_| Error::Memory)?;
        regs.resize(prog.nregs(), usize::MAX);
        Ok(Matcher {
            stack: Vec::new_in(alloc),
            caps,
            regs,
            budget: STEP_BUDGET,
        })
    }

    /// Try to match at `start` within `text[..end]`. `must_advance` rejects an empty match;
    /// `full` requires the match to reach `end`. On success `caps` holds the groups (group 0
    /// is the whole match).
    pub fn run(
        &mut self,
        p: &Program,
        text: &[u32],
        start: usize,
        end: usize,
        must_advance: bool,
        full: bool,
    ) -> Result<bool, Error> {
        let end = end.min(text.len());
        for c in self.caps.iter_mut() {
            *c = usize::MAX;
        }
        for r in self.regs.iter_mut() {
            *r = usize::MAX;
        }
        self.stack.clear();
        let (mut pc, mut pos) = (0usize, start);
        loop {
            if self.budget == 0 {
                return Err(Error::Budget);
            }
            self.budget -= 1;
            let [op, a, b] = p.inst(pc);
            let ok = match op {
                I_CHAR => {
                    let hit =
                        pos < end && (text[pos] == a || (b != 0 && fold(text[pos]) == fold(a)));
                    if hit {
                        pos += 1;
                    }
                    hit
                }
                I_ANY => {
                    let hit = pos < end && (a != 0 || text[pos] != '\n' as u32);
                    if hit {
                        pos += 1;
                    }
                    hit
                }
                I_CLASS => {
                    let hit = pos < end && class_has(p, a as usize, text[pos], b != 0);
                    if hit {
                        pos += 1;
                    }
                    hit
                }
                I_SPLIT => {
                    self.stack.try_reserve(1).map_err(|_| Error::Memory)?;
                    self.stack.push(Back::Alt(b as usize, pos));
                    pc = a as usize;
                    continue;
                }
                I_JMP => {
                    pc = a as usize;
                    continue;
                }
                I_SAVE => {
                    let slot = a as usize;
                    if let Some(c) = self.caps.get_mut(slot) {
                        self.stack.try_reserve(1).map_err(|_| Error::Memory)?;
                        self.stack.push(Back::Cap(slot, *c));
                        *c = pos;
                    }
                    true
                }
                I_BOL => pos == 0 || (a != 0 && text[pos - 1] == '\n' as u32),
                I_EOL => {
                    pos == end
                        || (a != 0 && text[pos] == '\n' as u32)
                        || (pos + 1 == end && text[pos] == '\n' as u32)
                }
                I_STR_START => pos == 0,
                I_STR_END => pos == end,
                I_WORDB => {
                    let before = pos > 0 && is_word(text[pos - 1]);
                    let after = pos < end && is_word(text[pos]);
                    (before != after) != (a != 0)
                }
                I_BACKREF => {
                    let g = a as usize;
                    let (s, e) = (
                        self.caps.get(2 * g).copied().unwrap_or(usize::MAX),
                        self.caps.get(2 * g + 1).copied().unwrap_or(usize::MAX),
                    );
                    if s == usize::MAX || e == usize::MAX || e < s {
                        false
                    } else {
                        let n = e - s;
                        let hit = pos + n <= end
                            && (0..n).all(|k| {
                                let (x, y) = (text[s + k], text[pos + k]);
                                x == y || (b != 0 && fold(x) == fold(y))
                            });
                        if hit {
                            pos += n;
                        }
                        hit
                    }
                }
                I_PROG_SET => {
                    if let Some(r) = self.regs.get_mut(a as usize) {
                        self.stack.try_reserve(1).map_err(|_| Error::Memory)?;
                        self.stack.push(Back::Reg(a as usize, *r));
                        *r = pos;
                    }
                    true
                }
                I_PROG_CHECK => {
                    if self.regs.get(a as usize).is_some_and(|&r| r == pos) {
                        pc = b as usize;
                        continue;
                    }
                    true
                }
                I_MATCH => {
                    if (must_advance && pos == start) || (full && pos != end) {
                        false
                    } else {
                        self.caps[0] = start;
                        self.caps[1] = pos;
                        return Ok(true);
                    }
                }
                _ => false,
            };
            if ok {
                pc += 1;
                continue;
            }
            // Backtrack.
            loop {
                match self.stack.pop() {
                    None => return Ok(false),
                    Some(Back::Cap(slot, old)) => self.caps[slot] = old,
                    Some(Back::Reg(r, old)) => self.regs[r] = old,
                    Some(Back::Alt(npc, npos)) => {
                        pc = npc;
                        pos = npos;
                        break;
                    }
                }
            }
        }
    }

    /// Search `text[..end]` from `from` (each start position in turn); `anchored` tries only
    /// `from`, `full` requires the match to reach `end`.
    #[allow(clippy::too_many_arguments)]
    pub fn search(
        &mut self,
        p: &Program,
        text: &[u32],
        from: usize,
        end: usize,
        anchored: bool,
        must_advance: bool,
        full: bool,
    ) -> Result<bool, Error> {
        let end = end.min(text.len());
        let mut s = from;
        while s <= end {
            if self.run(p, text, s, end, must_advance && s == from, full)? {
                return Ok(true);
            }
            if anchored {
                break;
            }
            s += 1;
        }
        Ok(false)
    }
}
