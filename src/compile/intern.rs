//! String interning for the compiler: identifiers and string literals become [`Sym`]s.
//!
//! A `Sym` is the compiler's stand-in for a MicroPython qstr. The `.mpy` writer later maps the
//! syms that the bytecode uses to qstr-table indexes. The table also remembers which strings
//! MicroPython's parser would have interned as qstrs (identifiers and short string literals),
//! because a long string literal equal to an already-interned qstr is emitted as a qstr too.

use super::{textend, CResult, CompileError, VecExt};
use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec;

/// An interned string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sym(pub u32);

/// Interned strings with an open-addressing hash index.
pub struct Interner<A: Allocator + Clone> {
    bytes: Vec<u8, A>,
    spans: Vec<(u32, u32), A>,
    is_qstr: Vec<bool, A>,
    /// Hash slots: 0 = empty, else sym index + 1.
    slots: Vec<u32, A>,
}

fn hash(b: &[u8]) -> u32 {
    // FNV-1a: small and good enough for identifiers.
    let mut h: u32 = 0x811c_9dc5;
    for &c in b {
        h ^= c as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

impl<A: Allocator + Clone> Interner<A> {
    /// An empty table.
    pub fn new(alloc: A) -> Self {
        Interner {
            bytes: Vec::new_in(alloc.clone()),
            spans: Vec::new_in(alloc.clone()),
            is_qstr: Vec::new_in(alloc.clone()),
            slots: Vec::new_in(alloc),
        }
    }

    /// The bytes of a sym.
    pub fn get(&self, s: Sym) -> &[u8] {
        match self.spans.get(s.0 as usize) {
            Some(&(a, n)) => self
                .bytes
                .get(a as usize..(a as usize + n as usize))
                .unwrap_or(&[]),
            None => &[],
        }
    }

    /// Number of syms.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Look a string up without adding it.
    pub fn find(&self, b: &[u8]) -> Option<Sym> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = hash(b) as usize & mask;
        loop {
            let v = self.slots[i];
            if v == 0 {
                return None;
            }
            let s = Sym(v - 1);
            if self.get(s) == b {
                return Some(s);
            }
            i = (i + 1) & mask;
        }
    }

    /// Whether MicroPython would have this string interned as a qstr already.
    pub fn is_qstr(&self, s: Sym) -> bool {
        self.is_qstr.get(s.0 as usize).copied().unwrap_or(false)
    }

    /// Mark a sym as a qstr (identifiers and short literals, as MicroPython's parser does).
    pub fn mark_qstr(&mut self, s: Sym) {
        if let Some(f) = self.is_qstr.get_mut(s.0 as usize) {
            *f = true;
        }
    }

    /// Intern a string.
    pub fn intern(&mut self, b: &[u8]) -> CResult<Sym> {
        if let Some(s) = self.find(b) {
            return Ok(s);
        }
        if b.len() > u32::MAX as usize / 2 || self.bytes.len() > u32::MAX as usize / 2 {
            return Err(CompileError::memory());
        }
        let s = Sym(self.spans.len() as u32);
        let start = self.bytes.len() as u32;
        textend(&mut self.bytes, b)?;
        self.spans.tpush((start, b.len() as u32))?;
        self.is_qstr.tpush(false)?;
        if (self.spans.len()) * 2 > self.slots.len() {
            self.rehash()?;
        } else {
            self.insert_slot(s);
        }
        Ok(s)
    }

    fn insert_slot(&mut self, s: Sym) {
        let mask = self.slots.len() - 1;
        let mut i = hash(self.get(s)) as usize & mask;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = s.0 + 1;
    }

    fn rehash(&mut self) -> CResult<()> {
        let n = (self.slots.len() * 2).max(64);
        self.slots.clear();
        self.slots
            .try_reserve(n)
            .map_err(|_| CompileError::memory())?;
        self.slots.resize(n, 0);
        for i in 0..self.spans.len() {
            self.insert_slot(Sym(i as u32));
        }
        Ok(())
    }
}
