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

/// Look a name up in the builtins.
pub fn lookup(cx: &Cx, name: Value) -> Option<Value> {
    dict::get_str(cx.builtins_dict, name)
}

macro_rules! t {
    ($name:expr, $ty:expr) => {
        (&$name, &$ty.header as *const ObjHeader)
    };
}
macro_rules! f {
    ($name:expr, $f:expr) => {
        (&$name, &$f.header as *const ObjHeader)
    };
}

/// Fill the builtins dict.
pub(crate) fn init(cx: &mut Cx, d: Value) -> PyResult<()> {
    use self::core as c;
    use self::numeric as n;
    let table: &[(&'static crate::obj::str::StrObj, *const ObjHeader)] = &[
        t!(q::object, OBJECT_TYPE),
        t!(q::type_, TYPE_TYPE),
        t!(q::int, INT_TYPE),
        t!(q::bool, BOOL_TYPE),
        t!(q::float, FLOAT_TYPE),
        t!(q::complex, COMPLEX_TYPE),
        t!(q::str, STR_TYPE),
        t!(q::bytes, BYTES_TYPE),
        t!(q::bytearray, BYTEARRAY_TYPE),
        t!(q::memoryview, MEMORYVIEW_TYPE),
        t!(q::tuple, TUPLE_TYPE),
        t!(q::list, LIST_TYPE),
        t!(q::dict, DICT_TYPE),
        t!(q::set, SET_TYPE),
        t!(q::frozenset, FROZENSET_TYPE),
        t!(q::range, RANGE_TYPE),
        t!(q::slice, SLICE_TYPE),
        t!(q::property, PROPERTY_TYPE),
        t!(q::classmethod, CLASSMETHOD_TYPE),
        t!(q::staticmethod, STATICMETHOD_TYPE),
        t!(q::super_, SUPER_TYPE),
        t!(q::enumerate, ENUMERATE_TYPE),
        t!(q::zip, ZIP_TYPE),
        t!(q::map, MAP_TYPE),
        t!(q::filter, FILTER_TYPE),
        t!(q::reversed, REVERSED_TYPE),
        t!(q::BaseException, BASE_EXCEPTION_TYPE),
        t!(q::SystemExit, SYSTEM_EXIT_TYPE),
        t!(q::KeyboardInterrupt, KEYBOARD_INTERRUPT_TYPE),
        t!(q::GeneratorExit, GENERATOR_EXIT_TYPE),
        t!(q::Exception, EXCEPTION_TYPE),
        t!(q::StopIteration, STOP_ITERATION_TYPE),
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
        t!(q::IndexError, INDEX_ERROR_TYPE),
        t!(q::KeyError, KEY_ERROR_TYPE),
        t!(q::MemoryError, MEMORY_ERROR_TYPE),
        t!(q::NameError, NAME_ERROR_TYPE),
        t!(q::OSError, OS_ERROR_TYPE),
        t!(q::RuntimeError, RUNTIME_ERROR_TYPE),
        t!(q::RecursionError, RUNTIME_ERROR_TYPE),
        t!(q::NotImplementedError, NOT_IMPLEMENTED_ERROR_TYPE),
        t!(q::SyntaxError, SYNTAX_ERROR_TYPE),
        t!(q::IndentationError, INDENTATION_ERROR_TYPE),
        t!(q::TypeError, TYPE_ERROR_TYPE),
        t!(q::ValueError, VALUE_ERROR_TYPE),
        t!(q::UnicodeError, UNICODE_ERROR_TYPE),
        f!(q::__build_class__, BUILD_CLASS),
        f!(q::__repl_print__, c::REPL_PRINT),
        f!(q::__import__, c::IMPORT),
        f!(q::print, c::PRINT),
        f!(q::len, c::LEN),
        f!(q::repr, c::REPR),
        f!(q::ascii, crate::obj::methods::repr::ASCII),
        f!(q::isinstance, c::ISINSTANCE),
        f!(q::issubclass, c::ISSUBCLASS),
        f!(q::hash, c::HASH),
        f!(q::id, c::ID),
        f!(q::callable, c::CALLABLE),
        f!(q::getattr, c::GETATTR),
        f!(q::setattr, c::SETATTR),
        f!(q::hasattr, c::HASATTR),
        f!(q::delattr, c::DELATTR),
        f!(q::globals, c::GLOBALS),
        f!(q::locals, c::LOCALS),
        f!(q::iter, c::ITER),
        f!(q::next, c::NEXT),
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
        f!(q::abs, n::ABS),
        f!(q::bin, n::BIN),
        f!(q::oct, n::OCT),
        f!(q::hex, n::HEX),
        f!(q::divmod, n::DIVMOD),
        f!(q::pow, n::POW),
        f!(q::round, n::ROUND),
        f!(q::min, n::MIN),
        f!(q::max, n::MAX),
        f!(q::sum, n::SUM),
        f!(q::all, n::ALL),
        f!(q::any, n::ANY),
        f!(q::sorted, n::SORTED),
    ];
    for &(name, obj) in table {
        let v = Value::from_ptr(obj);
        dict::set_static(cx, d, name, v)?;
    }
    dict::set_static(cx, d, &q::NotImplemented, Value::NOT_IMPLEMENTED)?;
    dict::set_static(cx, d, &q::Ellipsis, Value::ELLIPSIS)?;
    if crate::flavour::CIRCUITPYTHON {
        let extra: &[(&'static crate::obj::str::StrObj, *const ObjHeader)] = &[
            t!(q::TimeoutError, TIMEOUT_ERROR_TYPE),
            t!(q::ConnectionError, CONNECTION_ERROR_TYPE),
            t!(q::BrokenPipeError, BROKEN_PIPE_ERROR_TYPE),
            t!(q::Warning, WARNING_TYPE),
            t!(q::FutureWarning, FUTURE_WARNING_TYPE),
            t!(q::ReloadException, RELOAD_EXCEPTION_TYPE),
        ];
        for &(name, obj) in extra {
            dict::set_static(cx, d, name, Value::from_ptr(obj))?;
        }
    }
    Ok(())
}
