//! Code objects (one per function body, from a `.mpy` raw code) and their module context.

use super::{Kind, ObjHeader, PyObj};
use crate::value::Value;

/// The tables shared by every code object of one loaded `.mpy`.
#[repr(C)]
pub struct ModuleCtxObj {
    /// `module_ctx` (internal).
    pub header: ObjHeader,
    /// The qstr table: a tuple of interned strs (entry 0 is the file name).
    pub qstrs: Value,
    /// The constant table: a tuple.
    pub consts: Value,
    /// The image the bytecode lives in: a heap buffer (traced) or static bytes (frozen).
    pub image: *const u8,
    /// Its length.
    pub image_len: usize,
}

impl PyObj for ModuleCtxObj {
    const KIND: Kind = Kind::ModuleCtx;
}

/// A function body: its bytecode with the decoded prelude.
#[repr(C)]
pub struct CodeObj {
    /// `code`.
    pub header: ObjHeader,
    /// The module context (qstr and constant tables).
    pub ctx: Value,
    /// Child code objects (a tuple) or NULL.
    pub children: Value,
    /// The function's name (a str).
    pub name: Value,
    /// Start of this raw code's bytes (the prelude) inside the context's image.
    pub code: *const u8,
    /// Number of bytes from `code` to the end of the bytecode.
    pub code_len: u32,
    /// Offset of the first opcode from `code`.
    pub ip0: u32,
    /// Offset and length of the line-number table.
    pub line_info: u32,
    /// Length of the line-number table.
    pub line_info_len: u32,
    /// Offset of the argument names (vuints) in the prelude.
    pub arg_names: u32,
    /// Offset of the cell list.
    pub cells: u32,
    /// Number of cells.
    pub n_cells: u16,
    /// Value slots: locals + stack.
    pub n_state: u16,
    /// Handler records.
    pub n_exc_stack: u16,
    /// Scope flags (GENERATOR, VARKEYWORDS, VARARGS, DEFKWARGS).
    pub scope_flags: u8,
    /// Positional parameters (including closed-over cells).
    pub n_pos_args: u8,
    /// Keyword-only parameters.
    pub n_kwonly_args: u8,
    /// Positional parameters with defaults.
    pub n_def_pos_args: u8,
    /// Locals the bytecode can name (a lower bound on the top of the value-stack area).
    pub n_locals: u16,
}

impl PyObj for CodeObj {
    const KIND: Kind = Kind::Code;
}

/// Scope flag bits.
pub mod scope {
    /// A generator (or coroutine).
    pub const GENERATOR: u8 = 0x01;
    /// Has `**kwargs`.
    pub const VARKEYWORDS: u8 = 0x02;
    /// Has `*args`.
    pub const VARARGS: u8 = 0x04;
    /// Has keyword-only defaults.
    pub const DEFKWARGS: u8 = 0x08;
}

impl CodeObj {
    /// The raw code bytes (prelude and opcodes).
    #[inline]
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: code points at code_len bytes inside the context's image, which lives as long
        // as the context (traced through `ctx`).
        unsafe { core::slice::from_raw_parts(self.code, self.code_len as usize) }
    }

    /// The line number for the instruction at `offset` (relative to the first opcode).
    pub fn line_for(&self, offset: usize) -> usize {
        let b = self.bytes();
        let start = self.line_info as usize;
        let end = (start + self.line_info_len as usize).min(b.len());
        let info = b.get(start..end).unwrap_or(&[]);
        let mut line = 1usize;
        let mut x = offset;
        let mut i = 0;
        while i < info.len() {
            let c = info[i];
            let (bc, ln, adv) = if c & 0x80 == 0 {
                ((c & 0x1f) as usize, (c >> 5) as usize, 1)
            } else {
                let c2 = *info.get(i + 1).unwrap_or(&0) as usize;
                ((c & 0x0f) as usize, (((c & 0x70) as usize) << 4) | c2, 2)
            };
            if x >= bc {
                x -= bc;
                line += ln;
                i += adv;
            } else {
                break;
            }
        }
        line
    }
}
