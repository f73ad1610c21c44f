//! The static type objects of every builtin type and exception.

use super::{tflags, Attr, Kind, ObjHeader, TypeObj};
use crate::qstrs::q;
use crate::value::Value;

/// Make a static builtin type.
macro_rules! builtin_type {
    ($(#[$m:meta])* $id:ident, $name:ident, $kind:expr, $base:expr, $attrs:expr, $flags:expr) => {
        $(#[$m])*
        pub static $id: TypeObj = TypeObj {
            header: ObjHeader::new(&TYPE_TYPE),
            kind: $kind,
            flags: $flags,
            name: &q::$name,
            base: $base,
            attrs: $attrs,
            dict: Value::NULL,
            bases: Value::NULL,
            mro: Value::NULL,
            native_base: &$id,
        };
    };
}

const NO_ATTRS: &[Attr] = &[];
const B: u16 = tflags::BASETYPE;
const EXC: u16 = tflags::BASETYPE | tflags::EXCEPTION;
const OBJ: *const TypeObj = &OBJECT_TYPE;

builtin_type!(/// `object`
    OBJECT_TYPE, object, Kind::Object, core::ptr::null(), crate::obj::methods::OBJECT_ATTRS, B);
builtin_type!(/// `type`
    TYPE_TYPE, type_, Kind::Type, OBJ, crate::obj::methods::TYPE_ATTRS, B);
builtin_type!(/// `NoneType`
    NONE_TYPE, NoneType, Kind::Immediate, OBJ, NO_ATTRS, 0);
builtin_type!(/// `bool`
    BOOL_TYPE, bool, Kind::Immediate, &INT_TYPE, NO_ATTRS, 0);
builtin_type!(/// `int`
    INT_TYPE, int, Kind::Int, OBJ, crate::obj::methods::INT_ATTRS, B);
builtin_type!(/// `float`
    FLOAT_TYPE, float, Kind::Float, OBJ, crate::obj::methods::FLOAT_ATTRS, B);
builtin_type!(/// `complex`
    COMPLEX_TYPE, complex, Kind::Complex, OBJ, crate::obj::methods::COMPLEX_ATTRS, B);
builtin_type!(/// `str`
    STR_TYPE, str, Kind::Str, OBJ, crate::obj::methods::STR_ATTRS, B);
builtin_type!(/// `bytes`
    BYTES_TYPE, bytes, Kind::Bytes, OBJ, crate::obj::methods::BYTES_ATTRS, B);
builtin_type!(/// `bytearray`
    BYTEARRAY_TYPE, bytearray, Kind::ByteArray, OBJ, crate::obj::methods::BYTEARRAY_ATTRS, B);
builtin_type!(/// `memoryview`
    MEMORYVIEW_TYPE, memoryview, Kind::MemoryView, OBJ, crate::obj::methods::MEMORYVIEW_ATTRS, 0);
builtin_type!(/// `tuple`
    TUPLE_TYPE, tuple, Kind::Tuple, OBJ, crate::obj::methods::TUPLE_ATTRS, B);
builtin_type!(/// `list`
    LIST_TYPE, list, Kind::List, OBJ, crate::obj::methods::LIST_ATTRS, B);
builtin_type!(/// `dict`
    DICT_TYPE, dict, Kind::Dict, OBJ, crate::obj::methods::DICT_ATTRS, B);
builtin_type!(/// `set`
    SET_TYPE, set, Kind::Set, OBJ, crate::obj::methods::SET_ATTRS, B);
builtin_type!(/// `frozenset`
    FROZENSET_TYPE, frozenset, Kind::FrozenSet, OBJ, crate::obj::methods::FROZENSET_ATTRS, B);
builtin_type!(/// `range`
    RANGE_TYPE, range, Kind::Range, OBJ, crate::obj::methods::RANGE_ATTRS, 0);
builtin_type!(/// `slice`
    SLICE_TYPE, slice, Kind::Slice, OBJ, crate::obj::methods::SLICE_ATTRS, 0);
builtin_type!(/// `function`
    FUNCTION_TYPE, function, Kind::Function, OBJ, crate::obj::methods::FUNCTION_ATTRS, 0);
builtin_type!(/// builtin functions (MicroPython also calls them `function`)
    NATIVE_FN_TYPE, function, Kind::NativeFn, OBJ, NO_ATTRS, 0);
builtin_type!(/// `bound_method`
    BOUND_METHOD_TYPE, bound_method, Kind::BoundMethod, OBJ, NO_ATTRS, 0);
builtin_type!(/// `cell`
    CELL_TYPE, cell, Kind::Cell, OBJ, NO_ATTRS, 0);
builtin_type!(/// `module`
    MODULE_TYPE, module, Kind::Module, OBJ, NO_ATTRS, 0);
builtin_type!(/// `generator`
    GENERATOR_TYPE, generator, Kind::Generator, OBJ, crate::obj::methods::GENERATOR_ATTRS, 0);
builtin_type!(/// `property`
    PROPERTY_TYPE, property, Kind::Property, OBJ, crate::obj::methods::PROPERTY_ATTRS, B);
builtin_type!(/// `classmethod`
    CLASSMETHOD_TYPE, classmethod, Kind::ClassMethod, OBJ, NO_ATTRS, B);
builtin_type!(/// `staticmethod`
    STATICMETHOD_TYPE, staticmethod, Kind::StaticMethod, OBJ, NO_ATTRS, B);
builtin_type!(/// `super`
    SUPER_TYPE, super_, Kind::Super, OBJ, NO_ATTRS, 0);
builtin_type!(/// code objects
    CODE_TYPE, code, Kind::Code, OBJ, NO_ATTRS, 0);
builtin_type!(/// module contexts (internal)
    MODULE_CTX_TYPE, module_ctx, Kind::ModuleCtx, OBJ, NO_ATTRS, 0);
builtin_type!(/// `ellipsis`
    ELLIPSIS_TYPE, ellipsis, Kind::Immediate, OBJ, NO_ATTRS, 0);
builtin_type!(/// `NotImplementedType`
    NOT_IMPLEMENTED_TYPE, NotImplementedType, Kind::Immediate, OBJ, NO_ATTRS, 0);
builtin_type!(/// `dict_keys`
    DICT_KEYS_TYPE, dict_keys, Kind::Iter, OBJ, crate::obj::methods::DICT_VIEW_ATTRS, 0);
builtin_type!(/// `dict_values`
    DICT_VALUES_TYPE, dict_values, Kind::Iter, OBJ, crate::obj::methods::DICT_VIEW_ATTRS, 0);
builtin_type!(/// `dict_items`
    DICT_ITEMS_TYPE, dict_items, Kind::Iter, OBJ, crate::obj::methods::DICT_VIEW_ATTRS, 0);
builtin_type!(/// native iterators
    ITERATOR_TYPE, iterator, Kind::Iter, OBJ, NO_ATTRS, 0);
builtin_type!(/// `enumerate`
    ENUMERATE_TYPE, enumerate, Kind::Iter, OBJ, NO_ATTRS, 0);
builtin_type!(/// `zip`
    ZIP_TYPE, zip, Kind::Iter, OBJ, NO_ATTRS, 0);
builtin_type!(/// `map`
    MAP_TYPE, map, Kind::Iter, OBJ, NO_ATTRS, 0);
builtin_type!(/// `filter`
    FILTER_TYPE, filter, Kind::Iter, OBJ, NO_ATTRS, 0);
builtin_type!(/// `reversed`
    REVERSED_TYPE, reversed, Kind::Iter, OBJ, NO_ATTRS, 0);

// Exceptions, with MicroPython's hierarchy.
builtin_type!(/// `BaseException`
    BASE_EXCEPTION_TYPE, BaseException, Kind::Exception, OBJ, crate::obj::methods::EXCEPTION_ATTRS, EXC);

/// Make a static exception type deriving from `$base`.
macro_rules! exc_type {
    ($id:ident, $name:ident, $base:ident) => {
        builtin_type!(
            #[doc = concat!("`", stringify!($name), "`")]
            $id,
            $name,
            Kind::Exception,
            &$base,
            NO_ATTRS,
            EXC
        );
    };
}

exc_type!(SYSTEM_EXIT_TYPE, SystemExit, BASE_EXCEPTION_TYPE);
exc_type!(
    KEYBOARD_INTERRUPT_TYPE,
    KeyboardInterrupt,
    BASE_EXCEPTION_TYPE
);
exc_type!(GENERATOR_EXIT_TYPE, GeneratorExit, BASE_EXCEPTION_TYPE);
exc_type!(EXCEPTION_TYPE, Exception, BASE_EXCEPTION_TYPE);
exc_type!(STOP_ITERATION_TYPE, StopIteration, EXCEPTION_TYPE);
exc_type!(
    STOP_ASYNC_ITERATION_TYPE,
    StopAsyncIteration,
    EXCEPTION_TYPE
);
exc_type!(ARITHMETIC_ERROR_TYPE, ArithmeticError, EXCEPTION_TYPE);
exc_type!(OVERFLOW_ERROR_TYPE, OverflowError, ARITHMETIC_ERROR_TYPE);
exc_type!(
    ZERO_DIVISION_ERROR_TYPE,
    ZeroDivisionError,
    ARITHMETIC_ERROR_TYPE
);
exc_type!(ASSERTION_ERROR_TYPE, AssertionError, EXCEPTION_TYPE);
exc_type!(ATTRIBUTE_ERROR_TYPE, AttributeError, EXCEPTION_TYPE);
exc_type!(EOF_ERROR_TYPE, EOFError, EXCEPTION_TYPE);
exc_type!(IMPORT_ERROR_TYPE, ImportError, EXCEPTION_TYPE);
exc_type!(LOOKUP_ERROR_TYPE, LookupError, EXCEPTION_TYPE);
exc_type!(INDEX_ERROR_TYPE, IndexError, LOOKUP_ERROR_TYPE);
exc_type!(KEY_ERROR_TYPE, KeyError, LOOKUP_ERROR_TYPE);
exc_type!(MEMORY_ERROR_TYPE, MemoryError, EXCEPTION_TYPE);
exc_type!(NAME_ERROR_TYPE, NameError, EXCEPTION_TYPE);
exc_type!(OS_ERROR_TYPE, OSError, EXCEPTION_TYPE);
exc_type!(RUNTIME_ERROR_TYPE, RuntimeError, EXCEPTION_TYPE);
exc_type!(
    NOT_IMPLEMENTED_ERROR_TYPE,
    NotImplementedError,
    RUNTIME_ERROR_TYPE
);
exc_type!(SYNTAX_ERROR_TYPE, SyntaxError, EXCEPTION_TYPE);
exc_type!(INDENTATION_ERROR_TYPE, IndentationError, SYNTAX_ERROR_TYPE);
exc_type!(TYPE_ERROR_TYPE, TypeError, EXCEPTION_TYPE);
exc_type!(VALUE_ERROR_TYPE, ValueError, EXCEPTION_TYPE);
exc_type!(UNICODE_ERROR_TYPE, UnicodeError, VALUE_ERROR_TYPE);
// CircuitPython's extra builtins (FLAVOURS.md row 26).
exc_type!(TIMEOUT_ERROR_TYPE, TimeoutError, OS_ERROR_TYPE);
exc_type!(CONNECTION_ERROR_TYPE, ConnectionError, OS_ERROR_TYPE);
exc_type!(
    BROKEN_PIPE_ERROR_TYPE,
    BrokenPipeError,
    CONNECTION_ERROR_TYPE
);
exc_type!(WARNING_TYPE, Warning, EXCEPTION_TYPE);
exc_type!(FUTURE_WARNING_TYPE, FutureWarning, WARNING_TYPE);
exc_type!(RELOAD_EXCEPTION_TYPE, ReloadException, BASE_EXCEPTION_TYPE);
