//! The Python-visible methods and attributes of the builtin types, one file per type family.
//! Each file exports its static attribute table, which `obj/types.rs` puts in the type object.

pub mod bytes;
pub mod codec;
pub mod dict;
pub mod exception;
pub mod format;
pub mod generator;
pub mod list;
pub mod misc;
pub mod numbers;
pub mod object;
pub mod percent;
pub mod repr;
pub mod set;
pub mod slots;
pub mod str;
pub mod str_case;
pub mod str_split;
pub mod type_;
pub mod unbound;

use super::Attr;

/// `object`.
pub const OBJECT_ATTRS: &[Attr] = object::ATTRS;
/// `type`.
pub const TYPE_ATTRS: &[Attr] = type_::ATTRS;
/// `int`.
pub const INT_ATTRS: &[Attr] = numbers::INT_ATTRS;
/// `float`.
pub const FLOAT_ATTRS: &[Attr] = numbers::FLOAT_ATTRS;
/// `complex`.
pub const COMPLEX_ATTRS: &[Attr] = numbers::COMPLEX_ATTRS;
/// `str`.
pub const STR_ATTRS: &[Attr] = str::STR_ATTRS;
/// `bytes`.
pub const BYTES_ATTRS: &[Attr] = str::BYTES_ATTRS;
/// `bytearray`.
pub const BYTEARRAY_ATTRS: &[Attr] = bytes::BYTEARRAY_ATTRS;
/// `memoryview`.
pub const MEMORYVIEW_ATTRS: &[Attr] = bytes::MEMORYVIEW_ATTRS;
/// `tuple`.
pub const TUPLE_ATTRS: &[Attr] = list::TUPLE_ATTRS;
/// `list`.
pub const LIST_ATTRS: &[Attr] = list::LIST_ATTRS;
/// `dict`.
pub const DICT_ATTRS: &[Attr] = dict::DICT_ATTRS;
/// dict views.
pub const DICT_VIEW_ATTRS: &[Attr] = dict::DICT_VIEW_ATTRS;
/// `set`.
pub const SET_ATTRS: &[Attr] = set::SET_ATTRS;
/// `frozenset`.
pub const FROZENSET_ATTRS: &[Attr] = set::FROZENSET_ATTRS;
/// `range`.
pub const RANGE_ATTRS: &[Attr] = misc::RANGE_ATTRS;
/// `slice`.
pub const SLICE_ATTRS: &[Attr] = misc::SLICE_ATTRS;
/// Python functions.
pub const FUNCTION_ATTRS: &[Attr] = misc::FUNCTION_ATTRS;
/// `property`.
pub const PROPERTY_ATTRS: &[Attr] = misc::PROPERTY_ATTRS;
/// generators.
pub const GENERATOR_ATTRS: &[Attr] = generator::ATTRS;
/// `BaseException`.
pub const EXCEPTION_ATTRS: &[Attr] = exception::ATTRS;

/// Shorthand for a method entry.
#[macro_export]
macro_rules! method {
    ($name:expr, $f:expr) => {
        $crate::obj::Attr {
            name: &$name,
            value: $crate::obj::AttrValue::Method(&$f),
        }
    };
}

/// Shorthand for a classmethod entry.
#[macro_export]
macro_rules! classmethod {
    ($name:expr, $f:expr) => {
        $crate::obj::Attr {
            name: &$name,
            value: $crate::obj::AttrValue::ClassMethod(&$f),
        }
    };
}

/// Shorthand for a staticmethod entry.
#[macro_export]
macro_rules! staticmethod {
    ($name:expr, $f:expr) => {
        $crate::obj::Attr {
            name: &$name,
            value: $crate::obj::AttrValue::Static(&$f),
        }
    };
}

/// Shorthand for a getter entry.
#[macro_export]
macro_rules! getter {
    ($name:expr, $f:expr) => {
        $crate::obj::Attr {
            name: &$name,
            value: $crate::obj::AttrValue::Getter($f),
        }
    };
}
