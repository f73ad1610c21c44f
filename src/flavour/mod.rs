//! What differs between MicroPython and CircuitPython (FLAVOURS.md).
//!
//! The dialect is a build-time choice: `circuitpython` wins when both features are on.

/// Whether this build speaks CircuitPython.
pub const CIRCUITPYTHON: bool = cfg!(feature = "circuitpython");

/// `sys.implementation.name`.
pub const IMPL_NAME: &str = if CIRCUITPYTHON {
    "circuitpython"
} else {
    "micropython"
};

/// The product name in banners and `sys.version`.
pub const PRODUCT: &str = if CIRCUITPYTHON {
    "CircuitPython"
} else {
    "MicroPython"
};

/// The version pyrite reports as its MicroPython/CircuitPython compatibility level.
pub const VERSION: (u32, u32, u32) = if CIRCUITPYTHON {
    (10, 0, 0)
} else {
    (1, 27, 0)
};

/// Messages whose wording differs between the flavours (FLAVOURS.md rows 36-41).
pub mod msg {
    use super::CIRCUITPYTHON;
    /// `1/0`.
    pub const DIVIDE_BY_ZERO: &str = if CIRCUITPYTHON {
        "division by zero"
    } else {
        "divide by zero"
    };
    /// `[][0]`.
    pub const LIST_INDEX: &str = if CIRCUITPYTHON {
        "index out of range"
    } else {
        "list index out of range"
    };
    /// `()[0]`.
    pub const TUPLE_INDEX: &str = if CIRCUITPYTHON {
        "index out of range"
    } else {
        "tuple index out of range"
    };
    /// `range(3)[5]`.
    pub const RANGE_INDEX: &str = if CIRCUITPYTHON {
        "index out of range"
    } else {
        "range index out of range"
    };
    /// `bytearray(1)[5]`.
    pub const BYTEARRAY_INDEX: &str = if CIRCUITPYTHON {
        "index out of range"
    } else {
        "bytearray index out of range"
    };
    /// `b'a'[5]`.
    pub const BYTES_INDEX: &str = if CIRCUITPYTHON {
        "index out of range"
    } else {
        "bytes index out of range"
    };
    /// `{}.popitem()`.
    pub const POPITEM_EMPTY: &str = if CIRCUITPYTHON {
        "pop from empty dict"
    } else {
        "popitem(): dictionary is empty"
    };
    /// `set().pop()`.
    pub const SET_POP_EMPTY: &str = if CIRCUITPYTHON {
        "pop from empty set"
    } else {
        "pop from an empty set"
    };
    /// `range(0, 1, 0)`.
    pub const RANGE_ZERO_STEP: &str = if CIRCUITPYTHON {
        "range step cannot be zero"
    } else {
        "zero step"
    };
    /// `[][::0]`.
    pub const SLICE_ZERO_STEP: &str = if CIRCUITPYTHON {
        "slice step cannot be zero"
    } else {
        "slice step can't be zero"
    };
    /// `int('1', 99)`.
    pub const INT_BASE: &str = if CIRCUITPYTHON {
        "base must be 2-36"
    } else {
        "int() arg 2 must be >= 2 and <= 36"
    };
    /// `chr(0x110000)`.
    pub const CHR_RANGE: &str = if CIRCUITPYTHON {
        "chr() arg not in range(0x110000)"
    } else {
        "char not in range(0x110000)"
    };
}
