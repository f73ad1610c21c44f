//! The one-word value representation. All bit-twiddling of values lives here.
//!
//! Encoding (the same on 32- and 64-bit targets):
//!
//! | bits        | meaning                                                  |
//! |-------------|----------------------------------------------------------|
//! | `0`         | NULL: "no object", never visible to Python code          |
//! | `...xxx1`   | small int, the word shifted right by one (signed)        |
//! | `...xx10`   | an immediate: None, False, True, Ellipsis, NotImplemented |
//! | `...xx00`   | a pointer to an object whose first word names its type   |
//!
//! Objects are at least 4-byte aligned, so a pointer never has its low two bits set. Pointers
//! may point into the interpreter's heap region or at `static` objects (builtin types and
//! functions, constant strings).

use crate::obj::ObjHeader;

/// A Python value: a small int, an immediate, or a pointer to an object.
///
/// `Value` is a plain word with no lifetime: holding one does not keep its object alive.
/// See `gc/mod.rs` for the rooting rule.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(usize);

const TAG_IMM: usize = 0b10;

/// Number of bits in a small int (31 on 32-bit targets, 63 on 64-bit ones).
pub const SMALL_INT_BITS: u32 = usize::BITS - 1;
/// The smallest small int.
pub const SMALL_INT_MIN: isize = isize::MIN >> 1;
/// The largest small int.
pub const SMALL_INT_MAX: isize = isize::MAX >> 1;

impl Value {
    /// "No object": unset locals, missing defaults, deletion markers.
    pub const NULL: Value = Value(0);
    /// `None`.
    pub const NONE: Value = Value(TAG_IMM);
    /// `False`.
    pub const FALSE: Value = Value((1 << 2) | TAG_IMM);
    /// `True`.
    pub const TRUE: Value = Value((2 << 2) | TAG_IMM);
    /// `...`.
    pub const ELLIPSIS: Value = Value((3 << 2) | TAG_IMM);
    /// `NotImplemented`.
    pub const NOT_IMPLEMENTED: Value = Value((4 << 2) | TAG_IMM);

    /// A small int, if `i` fits.
    #[inline]
    pub fn small_int(i: isize) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value(((i << 1) | 1) as usize))
        } else {
            None
        }
    }

    /// A small int from a value known to fit (callers check the range).
    #[inline]
    pub const fn small_int_unchecked(i: isize) -> Value {
        Value(((i << 1) | 1) as usize)
    }

    /// A bool.
    #[inline]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    /// A pointer to an object (heap or static).
    #[inline]
    pub fn from_ptr<T>(p: *const T) -> Value {
        debug_assert!(!p.is_null() && (p as usize) & 3 == 0);
        Value(p as usize)
    }

    /// A pointer to a static object.
    #[inline]
    pub fn from_static<T>(r: &'static T) -> Value {
        Value::from_ptr(r as *const T)
    }

    /// The raw word (for hashing identities and `id()`).
    #[inline]
    pub fn raw(self) -> usize {
        self.0
    }

    /// Rebuild from a raw word produced by [`Value::raw`].
    #[inline]
    pub fn from_raw(w: usize) -> Value {
        Value(w)
    }

    /// Whether this is NULL.
    #[inline]
    pub fn is_null(self) -> bool {
        self.0 == 0
    }

    /// Whether this is `None`.
    #[inline]
    pub fn is_none(self) -> bool {
        self.0 == Value::NONE.0
    }

    /// The small int, if this is one.
    #[inline]
    pub fn as_small_int(self) -> Option<isize> {
        if self.0 & 1 == 1 {
            Some((self.0 as isize) >> 1)
        } else {
            None
        }
    }

    /// Whether this is a small int.
    #[inline]
    pub fn is_small_int(self) -> bool {
        self.0 & 1 == 1
    }

    /// Whether this is an immediate (None/False/True/Ellipsis/NotImplemented).
    #[inline]
    pub fn is_immediate(self) -> bool {
        self.0 & 3 == TAG_IMM
    }

    /// The object pointer, if this is a pointer.
    #[inline]
    pub fn as_ptr(self) -> Option<*const ObjHeader> {
        if self.0 & 3 == 0 && self.0 != 0 {
            Some(self.0 as *const ObjHeader)
        } else {
            None
        }
    }

    /// Whether this is an object pointer.
    #[inline]
    pub fn is_ptr(self) -> bool {
        self.0 & 3 == 0 && self.0 != 0
    }

    /// The bool, if this is `True` or `False`.
    #[inline]
    pub fn as_bool(self) -> Option<bool> {
        if self == Value::TRUE {
            Some(true)
        } else if self == Value::FALSE {
            Some(false)
        } else {
            None
        }
    }
}

impl core::fmt::Debug for Value {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "Int({i})")
        } else if self.is_null() {
            f.write_str("NULL")
        } else if *self == Value::NONE {
            f.write_str("None")
        } else if *self == Value::TRUE {
            f.write_str("True")
        } else if *self == Value::FALSE {
            f.write_str("False")
        } else if self.is_immediate() {
            write!(f, "Imm({:#x})", self.0)
        } else {
            write!(f, "Obj({:#x})", self.0)
        }
    }
}
