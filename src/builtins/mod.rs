//! The builtin functions and the `builtins` namespace, one file per family.

pub mod args;
pub mod core;
pub mod ctors;
pub mod iterators;
pub mod numeric;

use crate::native_fn;
use crate::obj::types::*;
use crate::obj::{dict, ObjHeader};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

fn build_class(cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::vm::class::build_class(cx, args, kw)
}

native_fn!(pub BUILD_CLASS, q::__build_class__, 2, crate::obj::func::VARARGS, true, build_class);

/// Look a name up in the builtins: first the builtins dict (which holds only what programs
/// assigned there, e.g. the REPL's `_`), then the static table.
///
/// The builtin functions and types are static objects, so their table is static too and costs
/// no heap: an interpreter starts in a few kilobytes. As in MicroPython's ROM maps the table is
/// scanned linearly; names in code are interned, so a builtin name is the very pointer of its
/// static str and most comparisons are one word.
pub fn lookup(cx: &Cx, name: Value) -> Option<Value> {
    if let Some(v) = dict::get_str(cx.builtins_dict, name) {
        return Some(v);
    }
    static_lookup(name)
}

/// Look a name up in the static table only.
pub fn static_lookup(name: Value) -> Option<Value> {
    let h = crate::obj::str::hash_of(name)?;
    let find = |table: &'static [Entry]| {
        table.iter().find(|e| {
            ::core::ptr::eq(name.raw() as *const crate::obj::str::StrObj, e.0)
                || (e.0.hash == h && crate::obj::str::bytes_of(name) == Some(e.0.as_bytes()))
        })
    };
    let e = find(TABLE).or_else(|| {
        if crate::flavour::CIRCUITPYTHON {
            find(CP_TABLE)
        } else {
            None
        }
    })?;
    Some(match e.1 {
        Some(o) => Value::from_static(o),
        None if ::core::ptr::eq(e.0, &q::NotImplemented) => Value::NOT_IMPLEMENTED,
        None => Value::ELLIPSIS,
    })
}

/// Every builtin name with its static object (`None`: an immediate, see `static_lookup`).
pub fn static_names() -> impl Iterator<Item = &'static crate::obj::str::StrObj> {
    let cp: &'static [Entry] = if crate::flavour::CIRCUITPYTHON {
        CP_TABLE
    } else {
        &[]
    };
    TABLE.iter().chain(cp.iter()).map(|e| e.0)
}

type Entry = (&'static crate::obj::str::StrObj, Option<&'static ObjHeader>);

macro_rules! t {
    ($name:expr, $ty:expr) => {
        (&$name, Some(&$ty.header))
    };
}
macro_rules! f {
    ($name:expr, $f:expr) => {
        (&$name, Some(&$f.header))
    };
}

use self::core as c;
use self::numeric as n;

/// The builtins (both flavours), the most used first (the lookup scans in order).
static TABLE: &[Entry] = &[
    f!(q::print, c::PRINT),
    f!(q::len, c::LEN),
    t!(q::range, RANGE_TYPE),
    f!(q::isinstance, c::ISINSTANCE),
    t!(q::int, INT_TYPE),
    t!(q::str, STR_TYPE),
    t!(q::list, LIST_TYPE),
    t!(q::dict, DICT_TYPE),
    t!(q::tuple, TUPLE_TYPE),
    t!(q::enumerate, ENUMERATE_TYPE),
    t!(q::zip, ZIP_TYPE),
    f!(q::min, n::MIN),
    f!(q::max, n::MAX),
    f!(q::sum, n::SUM),
    f!(q::abs, n::ABS),
    f!(q::sorted, n::SORTED),
    t!(q::set, SET_TYPE),
    t!(q::float, FLOAT_TYPE),
    t!(q::bool, BOOL_TYPE),
    f!(q::iter, c::ITER),
    f!(q::next, c::NEXT),
    t!(q::map, MAP_TYPE),
    t!(q::reversed, REVERSED_TYPE),
    f!(q::repr, c::REPR),
    f!(q::ascii, crate::obj::methods::repr::ASCII),
    f!(q::hash, c::HASH),
    f!(q::getattr, c::GETATTR),
    f!(q::hasattr, c::HASATTR),
    t!(q::super_, SUPER_TYPE),
    t!(q::object, OBJECT_TYPE),
    t!(q::type_, TYPE_TYPE),
    f!(q::__build_class__, BUILD_CLASS),
    t!(q::ValueError, VALUE_ERROR_TYPE),
    t!(q::TypeError, TYPE_ERROR_TYPE),
    t!(q::KeyError, KEY_ERROR_TYPE),
    t!(q::IndexError, INDEX_ERROR_TYPE),
    t!(q::StopIteration, STOP_ITERATION_TYPE),
    t!(q::Exception, EXCEPTION_TYPE),
    t!(q::complex, COMPLEX_TYPE),
    t!(q::bytes, BYTES_TYPE),
    t!(q::bytearray, BYTEARRAY_TYPE),
    t!(q::memoryview, MEMORYVIEW_TYPE),
    t!(q::frozenset, FROZENSET_TYPE),
    t!(q::slice, SLICE_TYPE),
    t!(q::property, PROPERTY_TYPE),
    t!(q::classmethod, CLASSMETHOD_TYPE),
    t!(q::staticmethod, STATICMETHOD_TYPE),
    t!(q::filter, FILTER_TYPE),
    t!(q::BaseException, BASE_EXCEPTION_TYPE),
    t!(q::SystemExit, SYSTEM_EXIT_TYPE),
    t!(q::KeyboardInterrupt, KEYBOARD_INTERRUPT_TYPE),
    t!(q::GeneratorExit, GENERATOR_EXIT_TYPE),
    t!(q::StopAsyncIteration, STOP_ASYNC_ITERATION_TYPE),
    t!(q::ArithmeticError, ARITHMETIC_ERROR_TYPE),
    t!(q::OverflowError, OVERFLOW_ERROR_TYPE),
    t!(q::ZeroDivisionError, ZERO_DIVISION_ERROR_TYPE),
    t!(q::AssertionError, ASSERTION_ERROR_TYPE),
    t!(q::AttributeError, ATTRIBUTE_ERROR_TYPE),
    t!(q::EOFError, EOF_ERROR_TYPE),
    t!(q::ImportError, IMPORT_ERROR_TYPE),
    t!(q::ModuleNotFoundError, IMPORT_ERROR_TYPE),
    t!(q::LookupError, LOOKUP_ERROR_TYPE),
    t!(q::MemoryError, MEMORY_ERROR_TYPE),
    t!(q::NameError, NAME_ERROR_TYPE),
    t!(q::OSError, OS_ERROR_TYPE),
    t!(q::RuntimeError, RUNTIME_ERROR_TYPE),
    t!(q::RecursionError, RUNTIME_ERROR_TYPE),
    t!(q::NotImplementedError, NOT_IMPLEMENTED_ERROR_TYPE),
    t!(q::SyntaxError, SYNTAX_ERROR_TYPE),
    t!(q::IndentationError, INDENTATION_ERROR_TYPE),
    t!(q::UnicodeError, UNICODE_ERROR_TYPE),
    f!(q::__repl_print__, c::REPL_PRINT),
    f!(q::__import__, c::IMPORT),
    f!(q::issubclass, c::ISSUBCLASS),
    f!(q::id, c::ID),
    f!(q::callable, c::CALLABLE),
    f!(q::setattr, c::SETATTR),
    f!(q::delattr, c::DELATTR),
    f!(q::globals, c::GLOBALS),
    f!(q::locals, c::LOCALS),
    f!(q::dir, c::DIR),
    f!(q::vars, c::VARS),
    f!(q::chr, c::CHR),
    f!(q::ord, c::ORD),
    f!(q::input, c::INPUT),
    f!(q::exec, c::EXEC),
    f!(q::eval, c::EVAL),
    f!(q::compile, c::COMPILE),
    f!(q::help, c::HELP),
    f!(q::open, c::OPEN),
    f!(q::format, c::FORMAT),
    f!(q::bin, n::BIN),
    f!(q::oct, n::OCT),
    f!(q::hex, n::HEX),
    f!(q::divmod, n::DIVMOD),
    f!(q::pow, n::POW),
    f!(q::round, n::ROUND),
    f!(q::all, n::ALL),
    f!(q::any, n::ANY),
    (&q::NotImplemented, None),
    (&q::Ellipsis, None),
];

/// The CircuitPython flavour's extra builtins.
static CP_TABLE: &[Entry] = &[
    t!(q::TimeoutError, TIMEOUT_ERROR_TYPE),
    t!(q::ConnectionError, CONNECTION_ERROR_TYPE),
    t!(q::BrokenPipeError, BROKEN_PIPE_ERROR_TYPE),
    t!(q::Warning, WARNING_TYPE),
    t!(q::FutureWarning, FUTURE_WARNING_TYPE),
    t!(q::ReloadException, RELOAD_EXCEPTION_TYPE),
];
