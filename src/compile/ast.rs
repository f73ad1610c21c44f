//! The syntax tree, stored in an arena.
//!
//! Nodes refer to each other by index ([`NodeId`]) and lists of children live in one shared
//! array ([`List`]), so building and dropping a tree of any depth never recurses. The shape
//! follows MicroPython's parse tree where the emitted code depends on it:
//! * leaves (names, small ints, interned strings, `None`/`True`/`False`/`...`) record no
//!   source line when compiled, every other node does;
//! * attribute/call/subscript chains are one [`Kind::AtomExpr`] with a list of trailers,
//!   because MicroPython fuses `a.f(...)` into a method call only inside such a chain;
//! * constant values folded by the parser are [`Kind::Const`] nodes pointing into the
//!   constant pool ([`ConstVal`]).

use super::intern::Sym;
use super::lexer::Op;

/// Index of a node in [`Ast::nodes`].
pub type NodeId = u32;
/// "No node".
pub const NONE: NodeId = u32::MAX;

/// A range of [`Ast::lists`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct List {
    /// First element.
    pub start: u32,
    /// Number of elements.
    pub len: u32,
}

/// Index of a constant in [`Ast::consts`].
pub type ConstId = u32;

/// A constant object (what MicroPython keeps as an `mp_obj_t` in the parse tree).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ConstVal {
    /// An int; `Small` when it fits 63 bits (MicroPython's host small int).
    Small(i64),
    /// A big int that fits 128 bits.
    Big(i128),
    /// A big int beyond `i128`: sign and limbs `start..start + len` of [`Ast::limbs`]
    /// (little-endian `u32`, no zero top limb).
    Limbs {
        /// Negative.
        neg: bool,
        /// First limb in [`Ast::limbs`].
        start: u32,
        /// Number of limbs.
        len: u32,
    },
    /// A float.
    Float(f64),
    /// An imaginary literal (the imaginary part).
    Complex(f64),
    /// A str (interned).
    Str(Sym),
    /// A bytes object (span in [`Ast::bytes`]).
    Bytes(u32, u32),
    /// A tuple of other constants (range of [`Ast::const_lists`]).
    Tuple(u32, u32),
    /// `None`
    None,
    /// `True`
    True,
    /// `False`
    False,
    /// `...`
    Ellipsis,
}

/// Parameter kinds of `def`/`lambda`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// A plain (possibly defaulted) parameter.
    Plain,
    /// `*name`
    Star,
    /// Bare `*`
    BareStar,
    /// `**name`
    DblStar,
}

/// Comprehension kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    /// `[...]`
    List,
    /// `{k: v ...}`
    Dict,
    /// `{...}`
    Set,
    /// `(...)`
    Gen,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `>`
    Gt,
    /// `==`
    Eq,
    /// `<=`
    Le,
    /// `>=`
    Ge,
    /// `!=`
    Ne,
    /// `in`
    In,
    /// `not in`
    NotIn,
    /// `is`
    Is,
    /// `is not`
    IsNot,
}

/// Node kinds. `NodeId` fields may be [`NONE`] where the grammar makes them optional.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    // ----- leaves
    Name(Sym),
    Int(i64),
    /// A str literal that is a qstr.
    StrQ(Sym),
    /// A short bytes literal (a leaf in MicroPython, emitted as a bytes constant).
    BytesQ(u32, u32),
    None,
    True,
    False,
    Ellipsis,
    // ----- constants and literals
    Const(ConstId),
    /// A tuple that was not folded; `paren` tells `(a, b)` from `a, b`.
    Tuple {
        items: List,
        paren: bool,
    },
    ListLit(List),
    SetLit(List),
    DictLit(List),
    DictItem {
        key: NodeId,
        value: NodeId,
    },
    Star(NodeId),
    DblStar(NodeId),
    // ----- expressions
    BinOp {
        op: Op,
        left: NodeId,
        right: NodeId,
    },
    Unary {
        op: Op,
        operand: NodeId,
    },
    Not(NodeId),
    BoolOp {
        is_or: bool,
        items: List,
    },
    /// `items` alternate operands and `CmpOp` nodes.
    Compare(List),
    CmpOp(CmpOp),
    IfExp {
        body: NodeId,
        test: NodeId,
        orelse: NodeId,
    },
    NamedExpr {
        target: NodeId,
        value: NodeId,
    },
    Lambda {
        params: List,
        body: NodeId,
    },
    AtomExpr {
        atom: NodeId,
        trailers: List,
    },
    TrCall(List),
    TrAttr(Sym),
    TrIndex(NodeId),
    Slice {
        lower: NodeId,
        upper: NodeId,
        step: NodeId,
        has_step: bool,
    },
    Await(NodeId),
    Yield(NodeId),
    YieldFrom(NodeId),
    Comp {
        kind: CompKind,
        elt: NodeId,
        first: NodeId,
    },
    /// `for target in iter`, then `next` (a CompFor/CompIf or NONE).
    CompFor {
        target: NodeId,
        iter: NodeId,
        next: NodeId,
    },
    CompIf {
        cond: NodeId,
        next: NodeId,
    },
    /// Keyword argument `name=value` (name is an expression: MicroPython checks it later).
    Keyword {
        name: NodeId,
        value: NodeId,
    },
    // ----- statements
    Suite(List),
    ExprStmt(NodeId),
    /// `t0 = t1 = ... = value`
    Assign {
        targets: List,
        value: NodeId,
    },
    AugAssign {
        target: NodeId,
        op: Op,
        value: NodeId,
    },
    /// `target: ann [= value]`
    AnnAssign {
        target: NodeId,
        value: NodeId,
    },
    Del(NodeId),
    Pass,
    Break,
    Continue,
    Return(NodeId),
    Raise {
        exc: NodeId,
        cause: NodeId,
    },
    Global(List),
    Nonlocal(List),
    Assert {
        test: NodeId,
        msg: NodeId,
    },
    /// `import a.b as c, ...`: items are ImportName nodes.
    Import(List),
    /// Dotted name (components as Name nodes) and optional alias.
    ImportName {
        parts: List,
        asname: Option<Sym>,
    },
    /// `from ... import ...`: level, module (ImportName or NONE), names (ImportAlias), star.
    ImportFrom {
        level: u32,
        module: NodeId,
        names: List,
        star: bool,
    },
    ImportAlias {
        name: Sym,
        asname: Option<Sym>,
    },
    If {
        test: NodeId,
        body: NodeId,
        elifs: List,
        orelse: NodeId,
    },
    Elif {
        test: NodeId,
        body: NodeId,
    },
    While {
        test: NodeId,
        body: NodeId,
        orelse: NodeId,
    },
    For {
        target: NodeId,
        iter: NodeId,
        body: NodeId,
        orelse: NodeId,
        is_async: bool,
    },
    Try {
        body: NodeId,
        handlers: List,
        orelse: NodeId,
        finally: NodeId,
    },
    Handler {
        typ: NodeId,
        name: Option<Sym>,
        body: NodeId,
    },
    With {
        items: List,
        body: NodeId,
        is_async: bool,
    },
    WithItem {
        expr: NodeId,
        target: NodeId,
    },
    FuncDef {
        name: Sym,
        params: List,
        body: NodeId,
        is_async: bool,
    },
    ClassDef {
        name: Sym,
        args: NodeId,
        body: NodeId,
    },
    /// `args` of a class: a TrCall node or NONE.
    Param {
        name: Option<Sym>,
        default: NodeId,
        kind: ParamKind,
    },
    /// Decorators (dotted names + optional call trailer) applied to a def/class.
    Decorated {
        decorators: List,
        def: NodeId,
    },
    /// One decorator: dotted name parts and an optional TrCall node.
    Decorator {
        parts: List,
        call: NodeId,
    },
    /// Root of the module.
    Module(List),
    /// Root for `Mode::Eval`.
    EvalInput(NodeId),
}

/// A node: its kind and the line of its first token.
#[derive(Clone, Copy, Debug)]
pub struct Node {
    /// What it is.
    pub kind: Kind,
    /// 1-based line (0 for synthesised nodes, which record no line).
    pub line: u32,
}

impl Kind {
    /// Whether MicroPython represents this as a leaf parse node (compiling it records no
    /// source line; errors on it use the scope's line).
    pub fn is_leaf(&self) -> bool {
        matches!(
            self,
            Kind::Name(_)
                | Kind::Int(_)
                | Kind::StrQ(_)
                | Kind::BytesQ(..)
                | Kind::None
                | Kind::True
                | Kind::False
                | Kind::Ellipsis
        )
    }
}

/// The whole tree and its side tables.
pub struct Ast<A: allocator_api2::alloc::Allocator + Clone> {
    /// All nodes.
    pub nodes: allocator_api2::vec::Vec<Node, A>,
    /// Child lists.
    pub lists: allocator_api2::vec::Vec<NodeId, A>,
    /// Constant pool.
    pub consts: allocator_api2::vec::Vec<ConstVal, A>,
    /// Tuple constant members.
    pub const_lists: allocator_api2::vec::Vec<ConstId, A>,
    /// Raw bytes (bytes literals).
    pub bytes: allocator_api2::vec::Vec<u8, A>,
    /// Magnitudes of big int constants ([`ConstVal::Limbs`]).
    pub limbs: allocator_api2::vec::Vec<u32, A>,
    /// The root node.
    pub root: NodeId,
}

impl<A: allocator_api2::alloc::Allocator + Clone> Ast<A> {
    /// A node (a dummy `Pass` for out-of-range ids, which a correct parser never produces).
    pub fn node(&self, id: NodeId) -> Node {
        self.nodes.get(id as usize).copied().unwrap_or(Node {
            kind: Kind::Pass,
            line: 0,
        })
    }

    /// The kind of a node.
    pub fn kind(&self, id: NodeId) -> Kind {
        self.node(id).kind
    }

    /// The elements of a list.
    pub fn list(&self, l: List) -> &[NodeId] {
        self.lists
            .get(l.start as usize..l.start as usize + l.len as usize)
            .unwrap_or(&[])
    }

    /// A constant.
    pub fn konst(&self, c: ConstId) -> ConstVal {
        self.consts
            .get(c as usize)
            .copied()
            .unwrap_or(ConstVal::None)
    }

    /// Members of a tuple constant.
    pub fn const_list(&self, start: u32, len: u32) -> &[ConstId] {
        self.const_lists
            .get(start as usize..start as usize + len as usize)
            .unwrap_or(&[])
    }

    /// The truth value of a constant node, `None` if the node is not a constant: what
    /// MicroPython 1.29's `mp_parse_node_is_const_true`/`_false` test (they take any constant's
    /// `bool()`, so `'' and x` folds to `''` and `while 0.0:` disappears).
    pub fn truth<B: allocator_api2::alloc::Allocator + Clone>(
        &self,
        id: NodeId,
        interner: &super::intern::Interner<B>,
    ) -> Option<bool> {
        Some(match self.kind(id) {
            Kind::Int(i) => i != 0,
            Kind::StrQ(s) => !interner.get(s).is_empty(),
            Kind::BytesQ(_, l) => l != 0,
            Kind::None | Kind::False => false,
            Kind::True | Kind::Ellipsis => true,
            Kind::Const(c) => self.const_truth(self.konst(c), interner),
            // `()` (MicroPython's `mp_parse_node_is_const` counts the empty tuple).
            Kind::Tuple { items, paren: true } if items.len == 0 => false,
            _ => return None,
        })
    }

    fn const_truth<B: allocator_api2::alloc::Allocator + Clone>(
        &self,
        v: ConstVal,
        interner: &super::intern::Interner<B>,
    ) -> bool {
        match v {
            ConstVal::Small(i) => i != 0,
            ConstVal::Big(i) => i != 0,
            ConstVal::Limbs { len, .. } => len != 0,
            // NaN is true, as in Python.
            ConstVal::Float(f) | ConstVal::Complex(f) => f != 0.0,
            ConstVal::Str(s) => !interner.get(s).is_empty(),
            ConstVal::Bytes(_, l) | ConstVal::Tuple(_, l) => l != 0,
            ConstVal::None | ConstVal::False => false,
            ConstVal::True | ConstVal::Ellipsis => true,
        }
    }

    /// A big int constant's value.
    pub fn big(&self, neg: bool, start: u32, len: u32) -> crate::num::BigRef<'_> {
        let mag = self
            .limbs
            .get(start as usize..start as usize + len as usize)
            .unwrap_or(&[]);
        crate::num::BigRef::new(neg, mag)
    }

    /// Bytes of a span.
    pub fn span(&self, start: u32, len: u32) -> &[u8] {
        self.bytes
            .get(start as usize..start as usize + len as usize)
            .unwrap_or(&[])
    }
}
