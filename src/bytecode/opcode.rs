//! MicroPython's bytecode opcodes (mpy v6), with their operand formats.
//!
//! The numbers are MicroPython's and must not change: they are the `.mpy` interchange format.
//! `../shared/MPY_FORMAT.md` section 5 is the specification; each constant's doc gives the
//! operand and the stack effect (`TOS` on the right).

/// `-> s` (qstr): push the interned string.
pub const LOAD_CONST_STRING: u8 = 0x10;
/// `-> v` (qstr): locals dict, then globals, then builtins; `NameError`.
pub const LOAD_NAME: u8 = 0x11;
/// `-> v` (qstr): globals, then builtins; `NameError`.
pub const LOAD_GLOBAL: u8 = 0x12;
/// `o -> o.attr` (qstr).
pub const LOAD_ATTR: u8 = 0x13;
/// `o -> m, self` (qstr): a method bound to `o` gives (function, o); anything else (value, NULL).
pub const LOAD_METHOD: u8 = 0x14;
/// `super, cls, self -> m, self` (qstr): `super(cls, self).name` as LOAD_METHOD does.
pub const LOAD_SUPER_METHOD: u8 = 0x15;
/// `v ->` (qstr): store into the locals dict.
pub const STORE_NAME: u8 = 0x16;
/// `v ->` (qstr): store into globals.
pub const STORE_GLOBAL: u8 = 0x17;
/// `v, o ->` (qstr): `o.attr = v`; a NULL `v` deletes the attribute.
pub const STORE_ATTR: u8 = 0x18;
/// `->` (qstr): delete from the locals dict; `NameError`.
pub const DELETE_NAME: u8 = 0x19;
/// `->` (qstr): delete from globals; `NameError`.
pub const DELETE_GLOBAL: u8 = 0x1a;
/// `level, fromlist -> module` (qstr).
pub const IMPORT_NAME: u8 = 0x1b;
/// `module -> module, v` (qstr).
pub const IMPORT_FROM: u8 = 0x1c;

/// `c1..cn -> f` (child, +byte n): function from a child raw code closing over n cells.
pub const MAKE_CLOSURE: u8 = 0x20;
/// `def_tuple, def_dict, c1..cn -> f` (child, +byte n).
pub const MAKE_CLOSURE_DEFARGS: u8 = 0x21;
/// `-> int` (signed vuint).
pub const LOAD_CONST_SMALL_INT: u8 = 0x22;
/// `-> o` (obj index).
pub const LOAD_CONST_OBJ: u8 = 0x23;
/// `-> v` (uint local); NULL raises `NameError`.
pub const LOAD_FAST_N: u8 = 0x24;
/// `-> v` (uint local): contents of the cell in the local.
pub const LOAD_DEREF: u8 = 0x25;
/// `v ->` (uint local).
pub const STORE_FAST_N: u8 = 0x26;
/// `v ->` (uint local): store into the cell in the local.
pub const STORE_DEREF: u8 = 0x27;
/// `->` (uint local).
pub const DELETE_FAST: u8 = 0x28;
/// `->` (uint local).
pub const DELETE_DEREF: u8 = 0x29;
/// `x1..xn -> tuple` (uint n).
pub const BUILD_TUPLE: u8 = 0x2a;
/// `x1..xn -> list` (uint n).
pub const BUILD_LIST: u8 = 0x2b;
/// `-> dict` (uint size hint).
pub const BUILD_MAP: u8 = 0x2c;
/// `x1..xn -> set` (uint n).
pub const BUILD_SET: u8 = 0x2d;
/// `start, stop[, step] -> slice` (uint 2 or 3).
pub const BUILD_SLICE: u8 = 0x2e;
/// comprehension append (uint `k << 2 | kind`), see MPY_FORMAT.md.
pub const STORE_COMP: u8 = 0x2f;
/// `seq -> xn..x1` (uint n).
pub const UNPACK_SEQUENCE: u8 = 0x30;
/// `seq -> ...` (uint `right << 8 | left`).
pub const UNPACK_EX: u8 = 0x31;
/// `-> f` (child).
pub const MAKE_FUNCTION: u8 = 0x32;
/// `def_tuple, def_dict -> f` (child).
pub const MAKE_FUNCTION_DEFARGS: u8 = 0x33;
/// `f, args.., kw pairs.. -> r` (uint `n_kw << 8 | n_pos`).
pub const CALL_FUNCTION: u8 = 0x34;
/// `f, args.., kw pairs.., bitmap -> r` (uint `n_kw << 8 | n_pos`).
pub const CALL_FUNCTION_VAR_KW: u8 = 0x35;
/// `m, self, args.., kw pairs.. -> r` (uint `n_kw << 8 | n_pos`).
pub const CALL_METHOD: u8 = 0x36;
/// `m, self, args.., kw pairs.., bitmap -> r` (uint `n_kw << 8 | n_pos`).
pub const CALL_METHOD_VAR_KW: u8 = 0x37;

/// break/continue through handlers (signed offset, +byte unwind count | 0x80 pop-iterator).
pub const UNWIND_JUMP: u8 = 0x40;
/// unconditional (signed offset).
pub const JUMP: u8 = 0x42;
/// `v ->` (signed offset).
pub const POP_JUMP_IF_TRUE: u8 = 0x43;
/// `v ->` (signed offset).
pub const POP_JUMP_IF_FALSE: u8 = 0x44;
/// `v -> (v)` (unsigned offset): jump keeping v if true, else pop.
pub const JUMP_IF_TRUE_OR_POP: u8 = 0x45;
/// `v -> (v)` (unsigned offset): jump keeping v if false, else pop.
pub const JUMP_IF_FALSE_OR_POP: u8 = 0x46;
/// `mgr -> exit, mgr, r` (unsigned offset to the cleanup handler).
pub const SETUP_WITH: u8 = 0x47;
/// `->` (unsigned offset to the handler).
pub const SETUP_EXCEPT: u8 = 0x48;
/// `->` (unsigned offset to the handler).
pub const SETUP_FINALLY: u8 = 0x49;
/// `->` (unsigned offset): pop the top handler record and jump.
pub const POP_EXCEPT_JUMP: u8 = 0x4a;
/// `iter[4] -> iter[4], v` or `iter[4] ->` and jump (unsigned offset) when exhausted.
pub const FOR_ITER: u8 = 0x4b;

/// `-> False`
pub const LOAD_CONST_FALSE: u8 = 0x50;
/// `-> None`
pub const LOAD_CONST_NONE: u8 = 0x51;
/// `-> True`
pub const LOAD_CONST_TRUE: u8 = 0x52;
/// `-> NULL`
pub const LOAD_NULL: u8 = 0x53;
/// `-> __build_class__`
pub const LOAD_BUILD_CLASS: u8 = 0x54;
/// `o, i -> o[i]`
pub const LOAD_SUBSCR: u8 = 0x55;
/// `v, o, i ->`: `o[i] = v`, or `del o[i]` when v is NULL.
pub const STORE_SUBSCR: u8 = 0x56;
/// `a -> a, a`
pub const DUP_TOP: u8 = 0x57;
/// `a, b -> a, b, a, b`
pub const DUP_TOP_TWO: u8 = 0x58;
/// `a ->`
pub const POP_TOP: u8 = 0x59;
/// `a, b -> b, a`
pub const ROT_TWO: u8 = 0x5a;
/// `a, b, c -> c, a, b`
pub const ROT_THREE: u8 = 0x5b;
/// call `__exit__` at the end of a `with` block (MPY_FORMAT.md 7.3).
pub const WITH_CLEANUP: u8 = 0x5c;
/// `x ->`: end of a finally/with/except handler (MPY_FORMAT.md 7.2).
pub const END_FINALLY: u8 = 0x5d;
/// `o -> iter(o)`
pub const GET_ITER: u8 = 0x5e;
/// `o -> iter[4]`
pub const GET_ITER_STACK: u8 = 0x5f;
/// `d, v, k -> d`
pub const STORE_MAP: u8 = 0x62;
/// `v ->`: return, running pending finally handlers.
pub const RETURN_VALUE: u8 = 0x63;
/// bare `raise`.
pub const RAISE_LAST: u8 = 0x64;
/// `e ->`: `raise e`.
pub const RAISE_OBJ: u8 = 0x65;
/// `e, cause ->`: `raise e from cause`.
pub const RAISE_FROM: u8 = 0x66;
/// `v -> sent`
pub const YIELD_VALUE: u8 = 0x67;
/// `iter, send -> r`
pub const YIELD_FROM: u8 = 0x68;
/// `module ->`
pub const IMPORT_STAR: u8 = 0x69;

/// 0x70..=0xaf: push small int `op - 0x80` (-16..=47).
pub const LOAD_CONST_SMALL_INT_MULTI: u8 = 0x70;
/// 0xb0..=0xbf: push local `op - 0xb0`.
pub const LOAD_FAST_MULTI: u8 = 0xb0;
/// 0xc0..=0xcf: store local `op - 0xc0`.
pub const STORE_FAST_MULTI: u8 = 0xc0;
/// 0xd0..=0xd3: unary op `op - 0xd0` (see [`UnaryOp`]).
pub const UNARY_OP_MULTI: u8 = 0xd0;
/// 0xd7..=0xf9: binary op `op - 0xd7` (see [`BinaryOp`]).
pub const BINARY_OP_MULTI: u8 = 0xd7;

/// Unary operators, numbered as in the `UNARY_OP_MULTI` range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum UnaryOp {
    /// `+a`
    Positive = 0,
    /// `-a`
    Negative = 1,
    /// `~a`
    Invert = 2,
    /// `not a`
    Not = 3,
}

/// Binary operators, numbered as in the `BINARY_OP_MULTI` range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum BinaryOp {
    Less = 0,
    More = 1,
    Equal = 2,
    LessEqual = 3,
    MoreEqual = 4,
    NotEqual = 5,
    In = 6,
    Is = 7,
    ExceptionMatch = 8,
    InplaceOr = 9,
    InplaceXor = 10,
    InplaceAnd = 11,
    InplaceLshift = 12,
    InplaceRshift = 13,
    InplaceAdd = 14,
    InplaceSubtract = 15,
    InplaceMultiply = 16,
    InplaceMatMultiply = 17,
    InplaceFloorDivide = 18,
    InplaceTrueDivide = 19,
    InplaceModulo = 20,
    InplacePower = 21,
    Or = 22,
    Xor = 23,
    And = 24,
    Lshift = 25,
    Rshift = 26,
    Add = 27,
    Subtract = 28,
    Multiply = 29,
    MatMultiply = 30,
    FloorDivide = 31,
    TrueDivide = 32,
    Modulo = 33,
    Power = 34,
}

impl BinaryOp {
    /// Number of binary operators.
    pub const COUNT: u8 = 35;

    /// The operator for a number in `0..COUNT`.
    pub fn from_u8(n: u8) -> Option<BinaryOp> {
        if n < Self::COUNT {
            // SAFETY: BinaryOp is repr(u8) with contiguous discriminants 0..COUNT.
            Some(unsafe { core::mem::transmute::<u8, BinaryOp>(n) })
        } else {
            None
        }
    }

    /// For an in-place operator, the plain one (`+=` gives `+`); others unchanged.
    pub fn non_inplace(self) -> BinaryOp {
        let n = self as u8;
        if (BinaryOp::InplaceOr as u8..=BinaryOp::InplacePower as u8).contains(&n) {
            BinaryOp::from_u8(n - BinaryOp::InplaceOr as u8 + BinaryOp::Or as u8).unwrap_or(self)
        } else {
            self
        }
    }
}

/// How an opcode's operand is encoded (MPY_FORMAT.md 5.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// No operand.
    Byte,
    /// A vuint qstr-table index.
    Qstr,
    /// A vuint (signed for `LOAD_CONST_SMALL_INT`).
    VarUint,
    /// A 1- or 2-byte jump offset.
    Offset,
}

/// The operand format of an opcode, or `None` for an invalid opcode byte.
pub fn format(op: u8) -> Option<Format> {
    if !is_valid(op) {
        return None;
    }
    Some(match op >> 4 {
        1 => Format::Qstr,
        2 | 3 => Format::VarUint,
        4 => Format::Offset,
        _ => Format::Byte,
    })
}

/// Whether the opcode carries one extra raw byte after its operand
/// (`MAKE_CLOSURE`, `MAKE_CLOSURE_DEFARGS`, `UNWIND_JUMP`).
pub fn has_extra_byte(op: u8) -> bool {
    matches!(op, MAKE_CLOSURE | MAKE_CLOSURE_DEFARGS | UNWIND_JUMP)
}

/// Whether the byte is a defined opcode.
pub fn is_valid(op: u8) -> bool {
    !matches!(op,
        0x00..=0x0f | 0x1d..=0x1f | 0x38..=0x3f | 0x41 | 0x4c..=0x4f | 0x60 | 0x61
        | 0x6a..=0x6f | 0xd4..=0xd6 | 0xfa..=0xff)
}

/// Whether the jump operand of an `Offset`-format opcode is signed.
pub fn is_signed_jump(op: u8) -> bool {
    matches!(
        op,
        UNWIND_JUMP | JUMP | POP_JUMP_IF_TRUE | POP_JUMP_IF_FALSE
    )
}

/// The name MicroPython's disassembler uses, for debugging output.
pub fn name(op: u8) -> &'static str {
    match op {
        LOAD_CONST_STRING => "LOAD_CONST_STRING",
        LOAD_NAME => "LOAD_NAME",
        LOAD_GLOBAL => "LOAD_GLOBAL",
        LOAD_ATTR => "LOAD_ATTR",
        LOAD_METHOD => "LOAD_METHOD",
        LOAD_SUPER_METHOD => "LOAD_SUPER_METHOD",
        STORE_NAME => "STORE_NAME",
        STORE_GLOBAL => "STORE_GLOBAL",
        STORE_ATTR => "STORE_ATTR",
        DELETE_NAME => "DELETE_NAME",
        DELETE_GLOBAL => "DELETE_GLOBAL",
        IMPORT_NAME => "IMPORT_NAME",
        IMPORT_FROM => "IMPORT_FROM",
        MAKE_CLOSURE => "MAKE_CLOSURE",
        MAKE_CLOSURE_DEFARGS => "MAKE_CLOSURE_DEFARGS",
        LOAD_CONST_SMALL_INT => "LOAD_CONST_SMALL_INT",
        LOAD_CONST_OBJ => "LOAD_CONST_OBJ",
        LOAD_FAST_N => "LOAD_FAST_N",
        LOAD_DEREF => "LOAD_DEREF",
        STORE_FAST_N => "STORE_FAST_N",
        STORE_DEREF => "STORE_DEREF",
        DELETE_FAST => "DELETE_FAST",
        DELETE_DEREF => "DELETE_DEREF",
        BUILD_TUPLE => "BUILD_TUPLE",
        BUILD_LIST => "BUILD_LIST",
        BUILD_MAP => "BUILD_MAP",
        BUILD_SET => "BUILD_SET",
        BUILD_SLICE => "BUILD_SLICE",
        STORE_COMP => "STORE_COMP",
        UNPACK_SEQUENCE => "UNPACK_SEQUENCE",
        UNPACK_EX => "UNPACK_EX",
        MAKE_FUNCTION => "MAKE_FUNCTION",
        MAKE_FUNCTION_DEFARGS => "MAKE_FUNCTION_DEFARGS",
        CALL_FUNCTION => "CALL_FUNCTION",
        CALL_FUNCTION_VAR_KW => "CALL_FUNCTION_VAR_KW",
        CALL_METHOD => "CALL_METHOD",
        CALL_METHOD_VAR_KW => "CALL_METHOD_VAR_KW",
        UNWIND_JUMP => "UNWIND_JUMP",
        JUMP => "JUMP",
        POP_JUMP_IF_TRUE => "POP_JUMP_IF_TRUE",
        POP_JUMP_IF_FALSE => "POP_JUMP_IF_FALSE",
        JUMP_IF_TRUE_OR_POP => "JUMP_IF_TRUE_OR_POP",
        JUMP_IF_FALSE_OR_POP => "JUMP_IF_FALSE_OR_POP",
        SETUP_WITH => "SETUP_WITH",
        SETUP_EXCEPT => "SETUP_EXCEPT",
        SETUP_FINALLY => "SETUP_FINALLY",
        POP_EXCEPT_JUMP => "POP_EXCEPT_JUMP",
        FOR_ITER => "FOR_ITER",
        LOAD_CONST_FALSE => "LOAD_CONST_FALSE",
        LOAD_CONST_NONE => "LOAD_CONST_NONE",
        LOAD_CONST_TRUE => "LOAD_CONST_TRUE",
        LOAD_NULL => "LOAD_NULL",
        LOAD_BUILD_CLASS => "LOAD_BUILD_CLASS",
        LOAD_SUBSCR => "LOAD_SUBSCR",
        STORE_SUBSCR => "STORE_SUBSCR",
        DUP_TOP => "DUP_TOP",
        DUP_TOP_TWO => "DUP_TOP_TWO",
        POP_TOP => "POP_TOP",
        ROT_TWO => "ROT_TWO",
        ROT_THREE => "ROT_THREE",
        WITH_CLEANUP => "WITH_CLEANUP",
        END_FINALLY => "END_FINALLY",
        GET_ITER => "GET_ITER",
        GET_ITER_STACK => "GET_ITER_STACK",
        STORE_MAP => "STORE_MAP",
        RETURN_VALUE => "RETURN_VALUE",
        RAISE_LAST => "RAISE_LAST",
        RAISE_OBJ => "RAISE_OBJ",
        RAISE_FROM => "RAISE_FROM",
        YIELD_VALUE => "YIELD_VALUE",
        YIELD_FROM => "YIELD_FROM",
        IMPORT_STAR => "IMPORT_STAR",
        0x70..=0xaf => "LOAD_CONST_SMALL_INT_MULTI",
        0xb0..=0xbf => "LOAD_FAST_MULTI",
        0xc0..=0xcf => "STORE_FAST_MULTI",
        0xd0..=0xd3 => "UNARY_OP_MULTI",
        0xd7..=0xf9 => "BINARY_OP_MULTI",
        _ => "INVALID",
    }
}
