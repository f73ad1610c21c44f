//! Scopes and identifier resolution (MicroPython's `py/scope.c` and the identifier parts of
//! `py/compile.c`/`py/emitcommon.c`).
//!
//! Identifiers are collected in the order the compiler's scope pass meets them, because that
//! order decides local numbering. A name loaded in a function that is not yet known there is
//! looked up in the enclosing function scopes at that moment and closed over if found; class
//! scopes only hold "implicit global" names, so they end such a search without capturing.

use super::ast::NodeId;
use super::intern::Sym;
use super::{CResult, VecExt};
use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec;

/// Kinds of scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    ListComp,
    DictComp,
    SetComp,
    GenExpr,
}

impl ScopeKind {
    /// Function-like scopes keep their variables in fast locals.
    pub fn is_func_like(self) -> bool {
        !matches!(self, ScopeKind::Module | ScopeKind::Class)
    }

    /// Comprehension scopes.
    pub fn is_comp_like(self) -> bool {
        matches!(
            self,
            ScopeKind::ListComp | ScopeKind::DictComp | ScopeKind::SetComp | ScopeKind::GenExpr
        )
    }
}

/// How an identifier is accessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    /// Declared by `global`/`nonlocal` but not yet resolved.
    Undecided,
    /// A module/class-level name or an unassigned free name: `*_NAME` ops at module level.
    GlobalImplicit,
    /// `global x`: `*_GLOBAL` ops.
    GlobalExplicit,
    /// A fast local.
    Local,
    /// A local captured by an inner scope.
    Cell,
    /// A variable of an enclosing scope.
    Free,
}

/// Parameter flag.
pub const FLAG_PARAM: u8 = 1;
/// `*args` flag.
pub const FLAG_STAR: u8 = 2;
/// `**kw` flag.
pub const FLAG_DBL_STAR: u8 = 4;

/// One identifier of a scope.
#[derive(Clone, Copy, Debug)]
pub struct IdInfo {
    /// Its name.
    pub name: Sym,
    /// How it is accessed.
    pub kind: IdKind,
    /// FLAG_* bits.
    pub flags: u8,
    /// Local number (for Local/Cell/Free).
    pub local_num: u32,
}

/// Scope flag bits stored in the prelude.
pub const SCOPE_GENERATOR: u8 = 0x01;
/// `**kw`
pub const SCOPE_VARKEYWORDS: u8 = 0x02;
/// `*args`
pub const SCOPE_VARARGS: u8 = 0x04;
/// Keyword-only parameters with defaults.
pub const SCOPE_DEFKWARGS: u8 = 0x08;

/// A scope: module, class, function, lambda or comprehension.
pub struct Scope<A: Allocator + Clone> {
    /// Kind.
    pub kind: ScopeKind,
    /// The AST node that defines it.
    pub node: NodeId,
    /// Enclosing scope.
    pub parent: Option<u32>,
    /// Simple name (qstr of the prelude).
    pub name: Sym,
    /// Line used for errors on leaf nodes.
    pub line: u32,
    /// Identifiers in order of first sight.
    pub ids: Vec<IdInfo, A>,
    /// Positional parameters (including closed-over free variables after numbering).
    pub num_pos_args: u32,
    /// Keyword-only parameters.
    pub num_kwonly_args: u32,
    /// Positional parameters with defaults.
    pub num_def_pos_args: u32,
    /// SCOPE_* bits.
    pub flags: u8,
    /// Number of locals.
    pub num_locals: u32,
    /// Maximum value-stack depth.
    pub stack_size: u32,
    /// Maximum handler nesting.
    pub exc_stack_size: u32,
}

impl<A: Allocator + Clone> Scope<A> {
    /// A new empty scope.
    pub fn new(
        kind: ScopeKind,
        node: NodeId,
        parent: Option<u32>,
        name: Sym,
        line: u32,
        alloc: A,
    ) -> Self {
        Scope {
            kind,
            node,
            parent,
            name,
            line,
            ids: Vec::new_in(alloc),
            num_pos_args: 0,
            num_kwonly_args: 0,
            num_def_pos_args: 0,
            flags: 0,
            num_locals: 0,
            stack_size: 0,
            exc_stack_size: 0,
        }
    }

    /// Index of an identifier.
    pub fn find(&self, name: Sym) -> Option<usize> {
        self.ids.iter().position(|i| i.name == name)
    }

    /// Find or add an identifier; returns (index, added).
    pub fn find_or_add(&mut self, name: Sym, kind: IdKind) -> CResult<(usize, bool)> {
        if let Some(i) = self.find(name) {
            return Ok((i, false));
        }
        self.ids.tpush(IdInfo {
            name,
            kind,
            flags: 0,
            local_num: 0,
        })?;
        Ok((self.ids.len() - 1, true))
    }
}

/// All scopes of a module; index 0 is the module.
pub struct Scopes<A: Allocator + Clone> {
    /// The scopes in creation order.
    pub list: Vec<Scope<A>, A>,
}

impl<A: Allocator + Clone> Scopes<A> {
    /// `scope_check_to_close_over`: a newly seen name in `s` may refer to an enclosing
    /// function's variable.
    pub fn check_to_close_over(&mut self, s: usize, id: usize) -> CResult<()> {
        let Some(name) = self
            .list
            .get(s)
            .and_then(|sc| sc.ids.get(id))
            .map(|i| i.name)
        else {
            return Ok(());
        };
        let mut cur = self.list[s].parent;
        while let Some(p) = cur {
            let ps = &self.list[p as usize];
            if ps.parent.is_none() {
                break; // the module scope is not searched
            }
            if let Some(j) = ps.find(name) {
                let k = ps.ids[j].kind;
                if matches!(k, IdKind::Local | IdKind::Cell | IdKind::Free) {
                    self.list[s].ids[id].kind = IdKind::Free;
                    self.close_over_in_parents(s, name)?;
                }
                return Ok(());
            }
            cur = ps.parent;
        }
        Ok(())
    }

    fn close_over_in_parents(&mut self, s: usize, name: Sym) -> CResult<()> {
        let mut cur = self.list[s].parent;
        while let Some(p) = cur {
            let p = p as usize;
            if self.list[p].parent.is_none() {
                return Ok(());
            }
            let (j, added) = self.list[p].find_or_add(name, IdKind::Free)?;
            if !added {
                let id = &mut self.list[p].ids[j];
                if id.kind == IdKind::Local {
                    id.kind = IdKind::Cell;
                }
                return Ok(());
            }
            cur = self.list[p].parent;
        }
        Ok(())
    }

    /// `compile_scope_compute_things`: number the locals, cells and free variables.
    pub fn compute(&mut self, s: usize, class_sym: Sym) {
        let (parent, kind) = (self.list[s].parent, self.list[s].kind);
        {
            let sc = &mut self.list[s];
            // MicroPython puts *args after the other parameters by swapping it with the last
            // plain parameter.
            if sc.flags & SCOPE_VARARGS != 0 {
                let mut param: Option<usize> = None;
                for i in (0..sc.ids.len()).rev() {
                    if sc.ids[i].flags & FLAG_STAR != 0 {
                        if let Some(pi) = param {
                            sc.ids.swap(i, pi);
                        }
                        break;
                    } else if param.is_none() && sc.ids[i].flags == FLAG_PARAM {
                        param = Some(i);
                    }
                }
            }
            sc.num_locals = 0;
            for i in 0..sc.ids.len() {
                let id = &mut sc.ids[i];
                if kind == ScopeKind::Class && id.name == class_sym {
                    continue;
                }
                if kind.is_func_like() && id.kind == IdKind::GlobalImplicit {
                    id.kind = IdKind::GlobalExplicit;
                }
                if id.kind == IdKind::Local || id.flags & FLAG_PARAM != 0 {
                    id.local_num = sc.num_locals;
                    sc.num_locals += 1;
                }
            }
            for i in 0..sc.ids.len() {
                let id = &mut sc.ids[i];
                if id.kind == IdKind::Cell && id.flags & FLAG_PARAM == 0 {
                    id.local_num = sc.num_locals;
                    sc.num_locals += 1;
                }
            }
        }
        if let Some(p) = parent {
            let mut num_free = 0;
            let np = self.list[p as usize].ids.len();
            for pi in 0..np {
                let pid = self.list[p as usize].ids[pi];
                if pid.kind == IdKind::Cell || pid.kind == IdKind::Free {
                    let sc = &mut self.list[s];
                    for id2 in sc.ids.iter_mut() {
                        if id2.kind == IdKind::Free && id2.name == pid.name {
                            id2.local_num = num_free;
                            num_free += 1;
                        }
                    }
                }
            }
            if num_free > 0 {
                let sc = &mut self.list[s];
                for id in sc.ids.iter_mut() {
                    if id.kind != IdKind::Free || id.flags & FLAG_PARAM != 0 {
                        id.local_num += num_free;
                    }
                }
                sc.num_pos_args += num_free;
                sc.num_locals += num_free;
            }
        }
    }
}
