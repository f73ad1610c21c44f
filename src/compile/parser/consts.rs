//! Constants in the parser: MicroPython's parse-time folding of numeric expressions (through
//! `compile::num`), `math.pi` and friends, constant truth values and constant tuples.

use super::*;

/// The line of a folded constant: none (MicroPython makes the node with line 0, so compiling
/// it records no line-number entry, unlike a literal).
pub(super) const FOLDED_LINE: u32 = 0;

/// A folding operand: `inline` holds the value of a `Num::Int`.
fn operand<'a, A: Allocator + Clone>(
    ast: &'a Ast<A>,
    n: Num,
    inline: &'a InlineBig,
) -> num::Operand<'a> {
    match n {
        Num::Int(_) => num::Operand::Int(inline.as_ref()),
        Num::Big { neg, start, len } => num::Operand::Int(ast.big(neg, start, len)),
        Num::Float(f) => num::Operand::Float(f),
    }
}

impl<A: Allocator + Clone> Parser<'_, '_, A> {
    pub(super) fn number_of(&self, id: NodeId) -> Option<Num> {
        match self.ast.kind(id) {
            Kind::Int(i) => Some(Num::Int(i as i128)),
            Kind::Const(c) => match self.ast.konst(c) {
                ConstVal::Small(i) => Some(Num::Int(i as i128)),
                ConstVal::Big(i) => Some(Num::Int(i)),
                ConstVal::Limbs { neg, start, len } => Some(Num::Big { neg, start, len }),
                ConstVal::Float(f) => Some(Num::Float(f)),
                _ => None,
            },
            _ => None,
        }
    }

    /// Fold `a op b` (a unary operator when `b` is `None`): the result, or `None` to leave
    /// the operation to run time.
    pub(super) fn fold(&mut self, op: Op, a: Num, b: Option<Num>) -> CResult<Option<Num>> {
        let inline = |n: Num| match n {
            Num::Int(i) => InlineBig::from_i128(i),
            _ => InlineBig::from_i64(0),
        };
        let (ia, ib) = (inline(a), inline(b.unwrap_or(Num::Int(0))));
        let alloc = self.alloc.clone();
        let r = match b {
            Some(b) => num::binary(
                op,
                operand(&self.ast, a, &ia),
                operand(&self.ast, b, &ib),
                alloc,
            )?,
            None => num::unary(op, operand(&self.ast, a, &ia), alloc)?,
        };
        match r {
            None => Ok(None),
            Some(Folded::Float(f)) => Ok(Some(Num::Float(f))),
            Some(Folded::Int(v)) => self.store_int(v.as_ref()).map(Some),
        }
    }

    /// An int as a `Num`: inline if it fits `i128`, else in the limb arena.
    pub(super) fn store_int(&mut self, v: BigRef<'_>) -> CResult<Num> {
        if let Some(i) = v.to_i128() {
            return Ok(Num::Int(i));
        }
        let start = self.ast.limbs.len() as u32;
        textend(&mut self.ast.limbs, v.magnitude())?;
        Ok(Num::Big {
            neg: v.is_negative(),
            start,
            len: v.magnitude().len() as u32,
        })
    }

    pub(super) fn num_node(&mut self, n: Num, line: u32) -> CResult<NodeId> {
        match n {
            Num::Int(i) if (HOST_SMALL_MIN..=HOST_SMALL_MAX).contains(&i) => {
                self.node(Kind::Int(i as i64), line)
            }
            Num::Int(i) => {
                let c = self.add_const(ConstVal::Big(i))?;
                self.node(Kind::Const(c), line)
            }
            Num::Big { neg, start, len } => {
                let c = self.add_const(ConstVal::Limbs { neg, start, len })?;
                self.node(Kind::Const(c), line)
            }
            Num::Float(f) => {
                let c = self.add_const(ConstVal::Float(f))?;
                self.node(Kind::Const(c), line)
            }
        }
    }

    pub(super) fn is_const_true(&self, id: NodeId) -> bool {
        self.ast.truth(id, self.interner) == Some(true)
    }

    pub(super) fn is_const_false(&self, id: NodeId) -> bool {
        self.ast.truth(id, self.interner) == Some(false)
    }

    /// MicroPython's `mp_parse_node_is_const`.
    pub(super) fn is_const(&self, id: NodeId) -> bool {
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
    pub(super) fn make_tuple(
        &mut self,
        items: &[NodeId],
        paren: bool,
        line: u32,
    ) -> CResult<NodeId> {
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

    /// `math.pi` and the other float constants of `math` (by name: MicroPython's
    /// `MICROPY_COMP_MODULE_CONST` table, which mpy-cross has for `math`) fold to their value.
    pub(super) fn module_const(&self, atom: NodeId, trailer: NodeId) -> Option<f64> {
        let (Kind::Name(m), Kind::TrAttr(a)) = (self.ast.kind(atom), self.ast.kind(trailer)) else {
            return None;
        };
        if self.interner.get(m) != b"math" {
            return None;
        }
        Some(match self.interner.get(a) {
            b"pi" => core::f64::consts::PI,
            b"e" => core::f64::consts::E,
            b"tau" => core::f64::consts::TAU,
            b"inf" => f64::INFINITY,
            b"nan" => f64::NAN,
            _ => return None,
        })
    }
}
