//! Operators: arithmetic, comparison, truth, equality and hashing, dispatched on the kinds of
//! the operands, with the special methods of Python classes as the fallback.
//!
//! Attribute access lives in `attr.rs`, containers and iteration in `seq.rs`, class calls in
//! `class.rs`; they are re-exported here so the dispatch loop has one place to call.

pub use super::attr::*;
pub use super::class::*;
pub use super::seq::*;

use super::{Cx, PyResult};
use crate::bytecode::opcode::{BinaryOp, UnaryOp};
use crate::obj::types::*;
use crate::obj::{self, float, int, str as pystr, tuple, Kind};
use crate::qstrs::q;
use crate::value::Value;

/// The dunder names of the binary operators, by `BinaryOp` number (plain and in-place share
/// the plain name for messages).
pub(crate) fn op_dunder(op: BinaryOp) -> &'static pystr::StrObj {
    use BinaryOp::*;
    match op {
        Less => &q::__lt__,
        More => &q::__gt__,
        Equal => &q::__eq__,
        LessEqual => &q::__le__,
        MoreEqual => &q::__ge__,
        NotEqual => &q::__ne__,
        In => &q::__contains__,
        Is | ExceptionMatch => &q::EMPTY,
        Or => &q::__or__,
        Xor => &q::__xor__,
        And => &q::__and__,
        Lshift => &q::__lshift__,
        Rshift => &q::__rshift__,
        Add => &q::__add__,
        Subtract => &q::__sub__,
        Multiply => &q::__mul__,
        MatMultiply => &q::__matmul__,
        FloorDivide => &q::__floordiv__,
        TrueDivide => &q::__truediv__,
        Modulo => &q::__mod__,
        Power => &q::__pow__,
        InplaceOr => &q::__ior__,
        InplaceXor => &q::__ixor__,
        InplaceAnd => &q::__iand__,
        InplaceLshift => &q::__ilshift__,
        InplaceRshift => &q::__irshift__,
        InplaceAdd => &q::__iadd__,
        InplaceSubtract => &q::__isub__,
        InplaceMultiply => &q::__imul__,
        InplaceMatMultiply => &q::__imatmul__,
        InplaceFloorDivide => &q::__ifloordiv__,
        InplaceTrueDivide => &q::__itruediv__,
        InplaceModulo => &q::__imod__,
        InplacePower => &q::__ipow__,
    }
}

pub(crate) fn reflected_dunder(op: BinaryOp) -> Option<&'static pystr::StrObj> {
    use BinaryOp::*;
    Some(match op {
        Or => &q::__ror__,
        Xor => &q::__rxor__,
        And => &q::__rand__,
        Lshift => &q::__rlshift__,
        Rshift => &q::__rrshift__,
        Add => &q::__radd__,
        Subtract => &q::__rsub__,
        Multiply => &q::__rmul__,
        MatMultiply => &q::__rmatmul__,
        FloorDivide => &q::__rfloordiv__,
        TrueDivide => &q::__rtruediv__,
        Modulo => &q::__rmod__,
        Power => &q::__rpow__,
        Less => &q::__gt__,
        More => &q::__lt__,
        LessEqual => &q::__ge__,
        MoreEqual => &q::__le__,
        Equal => &q::__eq__,
        NotEqual => &q::__ne__,
        _ => return None,
    })
}

/// The fast path for two small ints; `None` when the result needs the general path
/// (overflow, division, float results).
#[inline(always)]
pub(crate) fn small_int_binop(op: BinaryOp, a: isize, b: isize) -> Option<Value> {
    use BinaryOp::*;
    match op {
        Add | InplaceAdd => a.checked_add(b).and_then(Value::small_int),
        Subtract | InplaceSubtract => a.checked_sub(b).and_then(Value::small_int),
        Multiply | InplaceMultiply => a.checked_mul(b).and_then(Value::small_int),
        Less => Some(Value::bool(a < b)),
        More => Some(Value::bool(a > b)),
        Equal | Is => Some(Value::bool(a == b)),
        LessEqual => Some(Value::bool(a <= b)),
        MoreEqual => Some(Value::bool(a >= b)),
        NotEqual => Some(Value::bool(a != b)),
        And | InplaceAnd => Some(Value::small_int_unchecked(a & b)),
        Or | InplaceOr => Some(Value::small_int_unchecked(a | b)),
        Xor | InplaceXor => Some(Value::small_int_unchecked(a ^ b)),
        FloorDivide | InplaceFloorDivide if b != 0 => Value::small_int(
            a.div_euclid(b)
                - if (a.rem_euclid(b) != 0) && b < 0 {
                    1
                } else {
                    0
                },
        ),
        Modulo | InplaceModulo if b != 0 => {
            let r = a % b;
            Some(Value::small_int_unchecked(
                if r != 0 && ((r < 0) != (b < 0)) {
                    r + b
                } else {
                    r
                },
            ))
        }
        _ => None,
    }
}

/// Truth value (`bool(v)`).
pub fn truthy(cx: &mut Cx, v: Value) -> PyResult<bool> {
    if let Some(b) = v.as_bool() {
        return Ok(b);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    if v.is_none() {
        return Ok(false);
    }
    if v.is_immediate() {
        return Ok(true);
    }
    match obj::kind_of(v) {
        Kind::Str | Kind::Bytes => Ok(pystr::bytes_of(v).is_some_and(|b| !b.is_empty())),
        Kind::Int => Ok(true),
        Kind::Float => Ok(float::value_of(v) != Some(0.0)),
        Kind::Complex => Ok(float::complex_of(v).is_some_and(|(r, i)| r != 0.0 || i != 0.0)),
        Kind::Tuple
        | Kind::List
        | Kind::Dict
        | Kind::Set
        | Kind::FrozenSet
        | Kind::ByteArray
        | Kind::MemoryView => Ok(len_of_builtin(v).unwrap_or(1) != 0),
        Kind::Range => obj::range::truthy(cx, v),
        Kind::Instance | Kind::Exception => {
            if let Some(m) = lookup_special(cx, v, &q::__bool__) {
                let r = cx.call_with_self(m, v, &[], &[])?;
                return super::dunder::bool_result(cx, r);
            }
            if let Some(m) = lookup_special(cx, v, &q::__len__) {
                let r = cx.call_with_self(m, v, &[], &[])?;
                return Ok(super::dunder::len_result(cx, r)? != 0);
            }
            if let Some(b) = instance_base(v) {
                return truthy(cx, b);
            }
            Ok(true)
        }
        _ => Ok(true),
    }
}

/// The length of a builtin container, without running Python.
pub(crate) fn len_of_builtin(v: Value) -> Option<usize> {
    match obj::kind_of(v) {
        Kind::Str => Some(pystr::char_len_of(v)),
        Kind::Bytes => pystr::bytes_of(v).map(|b| b.len()),
        Kind::Tuple => tuple::items_of(v).map(|t| t.len()),
        Kind::List => obj::list::items_of(v).map(|l| l.len()),
        Kind::Dict | Kind::Set | Kind::FrozenSet => Some(obj::table::table_of(v).len),
        Kind::Range => {
            // SAFETY: kind-checked range.
            let r = unsafe { &*(v.raw() as *const obj::range::RangeObj) };
            if r.big.is_null() {
                Some(r.len())
            } else {
                None
            }
        }
        Kind::ByteArray => {
            // SAFETY: kind-checked bytearray.
            Some(unsafe { (*(v.raw() as *const obj::bytes::ByteArrayObj)).len })
        }
        Kind::MemoryView => {
            // SAFETY: kind-checked memoryview.
            Some(unsafe { (*(v.raw() as *const obj::bytes::MemoryViewObj)).len })
        }
        Kind::Iter => {
            let it = obj::iter::iter_of(v)?;
            if it.kind == obj::iter::IterKind::DictView {
                Some(obj::table::table_of(it.a).len)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// `len(v)`.
pub fn len(cx: &mut Cx, v: Value) -> PyResult<usize> {
    if let Some(n) = len_of_builtin(v) {
        return Ok(n);
    }
    if obj::kind_of(v) == Kind::Range && v.is_ptr() {
        return obj::range::len(cx, v);
    }
    if let Some(m) = lookup_special(cx, v, &q::__len__) {
        let r = cx.call_with_self(m, v, &[], &[])?;
        return super::dunder::len_result(cx, r);
    }
    if let Some(b) = instance_base(v) {
        return len(cx, b);
    }
    let n = cx.type_name(v);
    let n = alloc_free_name(n);
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("object of type '{n}' has no len()"),
    ))
}

/// Copy a short name out of the heap so a message can be built while allocating.
pub(crate) fn alloc_free_name(n: &str) -> NameBuf {
    let mut b = NameBuf {
        buf: [0; 64],
        len: 0,
    };
    let mut cut = n.len().min(64);
    while !n.is_char_boundary(cut) {
        cut -= 1;
    }
    b.buf[..cut].copy_from_slice(&n.as_bytes()[..cut]);
    b.len = cut;
    b
}

/// A small inline copy of a name for messages.
pub(crate) struct NameBuf {
    buf: [u8; 64],
    len: usize,
}

impl core::fmt::Display for NameBuf {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(core::str::from_utf8(&self.buf[..self.len]).unwrap_or("?"))
    }
}

/// Unary operators.
pub fn unary(cx: &mut Cx, op: UnaryOp, a: Value) -> PyResult<Value> {
    if op == UnaryOp::Not {
        return Ok(Value::bool(!truthy(cx, a)?));
    }
    let a = if let Some(b) = a.as_bool() {
        Value::small_int_unchecked(b as isize)
    } else {
        a
    };
    if let Some(i) = a.as_small_int() {
        return match op {
            UnaryOp::Positive => Ok(a),
            UnaryOp::Negative => int::from_i128(cx, -(i as i128)),
            UnaryOp::Invert => Ok(Value::small_int_unchecked(!i)),
            UnaryOp::Not => unreachable_not(),
        };
    }
    match obj::kind_of(a) {
        Kind::Int => crate::vm::num::int_unary(cx, op, a),
        Kind::Float => {
            let f = float::value_of(a).unwrap_or(0.0);
            match op {
                UnaryOp::Positive => Ok(a),
                UnaryOp::Negative => float::new(cx, -f),
                _ => Err(cx.unsupported_unop("__invert__", a)),
            }
        }
        Kind::Complex => {
            let (r, i) = float::complex_of(a).unwrap_or((0.0, 0.0));
            match op {
                UnaryOp::Positive => Ok(a),
                UnaryOp::Negative => float::new_complex(cx, -r, -i),
                _ => Err(cx.unsupported_unop("__invert__", a)),
            }
        }
        _ => {
            let name = match op {
                UnaryOp::Positive => &q::__pos__,
                UnaryOp::Negative => &q::__neg__,
                _ => &q::__invert__,
            };
            if let Some(m) = lookup_special(cx, a, name) {
                return cx.call_with_self(m, a, &[], &[]);
            }
            if let Some(b) = instance_base(a) {
                return unary(cx, op, b);
            }
            Err(cx.unsupported_unop(name.as_str(), a))
        }
    }
}

fn unreachable_not() -> PyResult<Value> {
    Ok(Value::NONE)
}

/// Binary operators (arithmetic, comparison, `in`, `is`, exception match).
pub fn binary(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Value> {
    use BinaryOp::*;
    match op {
        Is => return Ok(Value::bool(a == b)),
        In => return Ok(Value::bool(contains(cx, b, a)?)),
        ExceptionMatch => return Ok(Value::bool(exception_match(cx, a, b)?)),
        Equal | NotEqual => {
            // Python classes' __eq__/__ne__ give their own result (not only a bool).
            if let Some(r) = super::dunder::user_binop(cx, op, a, b)? {
                return Ok(r);
            }
            let r = eq_no_user(cx, a, b)?;
            return Ok(Value::bool(r == (op == Equal)));
        }
        _ => {}
    }
    if let Some(r) = binary_builtin(cx, op, a, b)? {
        return Ok(r);
    }
    // Python classes: in-place, then plain, then reflected (a subclass's reflected first).
    if let Some(r) = super::dunder::user_binop(cx, op, a, b)? {
        return Ok(r);
    }
    binary_fallback(cx, op, a, b)
}

/// The operators of numbers, builtin sequences and sets; `None` when they do not apply.
pub(crate) fn binary_builtin(
    cx: &mut Cx,
    op: BinaryOp,
    a: Value,
    b: Value,
) -> PyResult<Option<Value>> {
    // Numbers (bools count as ints).
    if let Some(r) = crate::vm::num::numeric_binop(cx, op, a, b)? {
        return Ok(Some(r));
    }
    // Builtin sequences and sets.
    builtin_binop(cx, op, a, b)
}

/// `a <op> b` when no special method of a Python class applied: `==`/`!=` compare builtin
/// values (or identity), a sequence repeats by an `__index__`, a builtin subclass uses its
/// builtin value; otherwise TypeError.
pub(crate) fn binary_fallback(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Value> {
    use BinaryOp::*;
    if matches!(op, Equal | NotEqual) {
        let r = eq_no_user(cx, a, b)?;
        return Ok(Value::bool(r == (op == Equal)));
    }
    // A sequence repeated by an object with `__index__`.
    if op.non_inplace() == Multiply {
        let is_seq = |v: Value| {
            v.is_ptr()
                && matches!(
                    obj::kind_of(v),
                    Kind::Str | Kind::Bytes | Kind::Tuple | Kind::List
                )
        };
        if is_seq(a) && is_user_object(b) {
            if let Some(n) = super::dunder::to_index(cx, b)? {
                return binary(cx, op, a, n);
            }
        } else if is_seq(b) && is_user_object(a) {
            if let Some(n) = super::dunder::to_index(cx, a)? {
                return binary(cx, op, n, b);
            }
        }
    }
    // Instances wrapping a builtin (class L(list)): use the builtin.
    if let Some(base) = instance_base(a) {
        let r = binary(cx, op, base, b)?;
        // An in-place operation that mutated the wrapped object gives the instance back.
        return Ok(if r == base && op != op.non_inplace() {
            a
        } else {
            r
        });
    }
    if let Some(base) = instance_base(b) {
        return binary(cx, op, a, base);
    }
    let name = op_dunder(op.non_inplace()).as_str();
    Err(cx.unsupported_binop(name, a, b))
}

/// Whether a value is an instance of a Python class (whose dunders must be looked up).
#[inline]
pub(crate) fn is_user_object(v: Value) -> bool {
    v.is_ptr() && {
        // SAFETY: live value's type.
        unsafe { (*obj::type_of(v)).is_heap() }
    }
}

/// The builtin object an instance of a class deriving from a builtin wraps.
#[inline]
pub fn instance_base(v: Value) -> Option<Value> {
    obj::instance::inst_of(v)
        .map(|i| i.base)
        .filter(|b| !b.is_null())
}

/// `a == b` as a truth value (identical objects are equal, as in containers).
pub fn eq(cx: &mut Cx, a: Value, b: Value) -> PyResult<bool> {
    if let Some(r) = eq_fast(a, b) {
        return Ok(r);
    }
    if is_user_object(a) || is_user_object(b) {
        if let Some(r) = super::dunder::user_binop(cx, BinaryOp::Equal, a, b)? {
            return truthy(cx, r);
        }
    }
    eq_no_user(cx, a, b)
}

/// `a == b` without the `__eq__` of Python classes (the builtin comparison).
fn eq_no_user(cx: &mut Cx, a: Value, b: Value) -> PyResult<bool> {
    if let Some(r) = eq_fast(a, b) {
        return Ok(r);
    }
    match (obj::kind_of(a), obj::kind_of(b)) {
        (Kind::Tuple, Kind::Tuple) | (Kind::List, Kind::List) => nested(cx, |cx| seq_eq(cx, a, b)),
        (Kind::Dict, Kind::Dict) => nested(cx, |cx| crate::obj::methods::dict::dict_eq(cx, a, b)),
        (Kind::Set | Kind::FrozenSet, Kind::Set | Kind::FrozenSet) => {
            nested(cx, |cx| crate::obj::methods::set::set_eq(cx, a, b))
        }
        (Kind::Range, Kind::Range) => obj::range::eq(cx, a, b),
        (Kind::Slice, Kind::Slice) => {
            let (x, y) = (slice_tuple(cx, a)?, slice_tuple(cx, b)?);
            seq_eq(cx, x, y)
        }
        (Kind::Iter, _) | (_, Kind::Iter)
            if crate::obj::methods::dict::view_of(a).is_some()
                || crate::obj::methods::dict::view_of(b).is_some() =>
        {
            Ok(crate::obj::methods::dict::view_eq(cx, a, b)?.unwrap_or(a == b))
        }
        (Kind::BoundMethod, Kind::BoundMethod) if a.is_ptr() && b.is_ptr() => {
            // SAFETY: kind-checked bound methods.
            let (fa, sa, fb, sb) = unsafe {
                let x = &*(a.raw() as *const crate::obj::func::BoundMethodObj);
                let y = &*(b.raw() as *const crate::obj::func::BoundMethodObj);
                (x.func, x.self_, y.func, y.self_)
            };
            Ok(sa == sb && eq(cx, fa, fb)?)
        }
        _ => {
            if let Some(r) = crate::obj::methods::bytes::bytes_eq(cx, a, b) {
                return Ok(r);
            }
            if let Some(base) = instance_base(a) {
                return eq(cx, base, b);
            }
            if let Some(base) = instance_base(b) {
                return eq(cx, a, base);
            }
            if let Some(r) = crate::vm::num::numeric_eq(a, b) {
                return Ok(r);
            }
            Ok(false)
        }
    }
}

/// Run `f` one level deeper in a Rust recursion over nested containers (comparison,
/// hashing), bounded by `max_depth` together with the Python frames, as CPython's recursion
/// limit bounds both: a deeply nested list gives RecursionError, not a stack overflow.
pub(crate) fn nested<T>(cx: &mut Cx, f: impl FnOnce(&mut Cx) -> PyResult<T>) -> PyResult<T> {
    if cx.depth >= cx.config.max_depth {
        return Err(cx.recursion_error());
    }
    cx.depth += 1;
    let r = f(cx);
    cx.depth = cx.depth.saturating_sub(1);
    r
}

/// Equality as containers test it (CPython's `PyObject_RichCompareBool`): an object is equal
/// to itself, even a NaN.
#[inline]
pub fn eq_or_same(cx: &mut Cx, a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    eq(cx, a, b)
}

/// A slice's `(start, stop, step)` as a new tuple, rooted (slices compare as these tuples).
fn slice_tuple(cx: &mut Cx, s: Value) -> PyResult<Value> {
    // SAFETY: callers pass slice objects.
    let parts = unsafe {
        let so = &*(s.raw() as *const obj::slice::SliceObj);
        [so.start, so.stop, so.step]
    };
    let t = tuple::new(cx, &parts)?;
    cx.root(t)?;
    Ok(t)
}

/// Equality that never runs Python: `Some` when it can decide.
#[inline]
pub fn eq_fast(a: Value, b: Value) -> Option<bool> {
    if a == b {
        // NaN is not equal to itself.
        if let Some(f) = float::value_of(a) {
            return Some(!f.is_nan());
        }
        return Some(true);
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    let (ka, kb) = (obj::kind_of(a), obj::kind_of(b));
    match (ka, kb) {
        (Kind::Str, Kind::Str) | (Kind::Bytes, Kind::Bytes) => {
            if pystr::hash_of(a) != pystr::hash_of(b) {
                return Some(false);
            }
            Some(pystr::bytes_of(a) == pystr::bytes_of(b))
        }
        (Kind::Str, Kind::Bytes) | (Kind::Bytes, Kind::Str) => Some(false),
        (
            Kind::Int | Kind::Float | Kind::Complex | Kind::Immediate,
            Kind::Int | Kind::Float | Kind::Complex | Kind::Immediate,
        ) => crate::vm::num::numeric_eq(a, b),
        (
            Kind::Str,
            Kind::Int | Kind::Float | Kind::Immediate | Kind::Tuple | Kind::List | Kind::Dict,
        )
        | (
            Kind::Int | Kind::Float | Kind::Immediate | Kind::Tuple | Kind::List | Kind::Dict,
            Kind::Str,
        ) => Some(false),
        _ => None,
    }
}

fn seq_eq(cx: &mut Cx, a: Value, b: Value) -> PyResult<bool> {
    let mut i = 0;
    loop {
        let (x, y) = {
            let ia = seq_items(a);
            let ib = seq_items(b);
            if ia.len() != ib.len() {
                return Ok(false);
            }
            if i >= ia.len() {
                return Ok(true);
            }
            (ia[i], ib[i])
        };
        if !eq_or_same(cx, x, y)? {
            return Ok(false);
        }
        i += 1;
    }
}

/// Items of a tuple or list (crate-internal lifetime rule).
pub(crate) fn seq_items<'a>(v: Value) -> &'a [Value] {
    tuple::items_of(v)
        .or_else(|| obj::list::items_of(v))
        .unwrap_or(&[])
}

/// Ordering comparison of sequences (`<`, `<=`, `>`, `>=`).
pub(crate) fn seq_compare(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Value> {
    let mut i = 0;
    loop {
        let (la, lb) = (seq_items(a).len(), seq_items(b).len());
        if i >= la || i >= lb {
            let r = match op {
                BinaryOp::Less => la < lb,
                BinaryOp::LessEqual => la <= lb,
                BinaryOp::More => la > lb,
                _ => la >= lb,
            };
            return Ok(Value::bool(r));
        }
        let (x, y) = (seq_items(a)[i], seq_items(b)[i]);
        if !nested(cx, |cx| eq_or_same(cx, x, y))? {
            return nested(cx, |cx| binary(cx, op, x, y));
        }
        i += 1;
    }
}

/// `hash(v)`.
pub fn hash(cx: &mut Cx, v: Value) -> PyResult<usize> {
    if let Some(i) = v.as_small_int() {
        return Ok(crate::vm::num::hash_small_int(i));
    }
    if let Some(b) = v.as_bool() {
        return Ok(b as usize);
    }
    if v.is_immediate() {
        return Ok(v.raw() >> 2);
    }
    match obj::kind_of(v) {
        Kind::Str | Kind::Bytes => Ok(pystr::hash_of(v).unwrap_or(0) as usize),
        Kind::Int | Kind::Float | Kind::Complex => Ok(crate::vm::num::hash_number(v)),
        Kind::Tuple => nested(cx, |cx| crate::vm::num::hash_tuple(cx, v)),
        Kind::FrozenSet => nested(cx, |cx| crate::vm::num::hash_frozenset(cx, v)),
        Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray | Kind::Slice => {
            Err(cx.unsupported_unop("__hash__", v))
        }
        Kind::Range => obj::range::hash(cx, v),
        Kind::Instance | Kind::Exception | Kind::Type => {
            if is_user_object(v) {
                // A class that defines __eq__ but not __hash__ is unhashable.
                match lookup_special_raw(cx, v, &q::__hash__) {
                    Some(m) if m.is_none() => return Err(cx.unsupported_unop("__hash__", v)),
                    Some(m) => {
                        let r = cx.call_with_self(m, v, &[], &[])?;
                        if !int::is_int(r) && r.as_bool().is_none() {
                            let tn = alloc_free_name(cx.type_name(r));
                            return Err(cx.raise_fmt(
                                &TYPE_ERROR_TYPE,
                                format_args!("can't convert {tn} to int"),
                            ));
                        }
                        return hash(cx, r);
                    }
                    None => {
                        if lookup_special(cx, v, &q::__eq__).is_some() {
                            return Err(cx.unsupported_unop("__hash__", v));
                        }
                    }
                }
                if let Some(b) = instance_base(v) {
                    return hash(cx, b);
                }
            }
            if let Some(b) = instance_base(v) {
                return hash(cx, b);
            }
            Ok(v.raw() >> 4)
        }
        _ => Ok(v.raw() >> 4),
    }
}

/// `except T` matching: `exc` (an instance or class) against a class or tuple of classes.
pub fn exception_match(cx: &mut Cx, exc: Value, t: Value) -> PyResult<bool> {
    let et = if obj::kind_of(exc) == Kind::Type && exc.is_ptr() {
        exc.raw() as *const obj::TypeObj
    } else {
        obj::type_of(exc)
    };
    if let Some(items) = tuple::items_of(t) {
        for &c in items {
            if exception_match(cx, exc, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if obj::kind_of(t) == Kind::Type && t.is_ptr() {
        return Ok(obj::is_subtype(et, t.raw() as *const obj::TypeObj));
    }
    Err(cx.unsupported_binop("", exc, t))
}

/// `raise e`: instantiate a class, check it is an exception.
pub fn make_raise_obj(cx: &mut Cx, e: Value) -> PyResult<Value> {
    if obj::kind_of(e) == Kind::Type && e.is_ptr() {
        let t = e.raw() as *const obj::TypeObj;
        if obj::is_subtype(t, &BASE_EXCEPTION_TYPE) {
            return cx.call(e, &[], &[]);
        }
    } else if obj::isinstance(e, &BASE_EXCEPTION_TYPE) {
        return Ok(e);
    }
    Err(cx.type_error("exceptions must derive from BaseException"))
}

/// Builtin sequence/set/str operators; `None` when not applicable.
fn builtin_binop(cx: &mut Cx, op: BinaryOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    use BinaryOp::*;
    let plain = op.non_inplace();
    let (ka, kb) = (obj::kind_of(a), obj::kind_of(b));
    // In-place list operations mutate.
    if ka == Kind::List && a.is_ptr() && op == InplaceAdd {
        extend_list_from_iter(cx, a, b)?;
        return Ok(Some(a));
    }
    if ka == Kind::List && a.is_ptr() && op == InplaceMultiply && crate::vm::num::is_intlike(b) {
        let n = repeat_count(cx, b)?;
        crate::obj::methods::list::imul(cx, a, n)?;
        return Ok(Some(a));
    }
    if let Some(r) = crate::obj::methods::bytes::bytes_binop(cx, op, a, b)? {
        return Ok(Some(r));
    }
    match (plain, ka, kb) {
        (Less | LessEqual | More | MoreEqual, Kind::Str, Kind::Str)
        | (Less | LessEqual | More | MoreEqual, Kind::Bytes, Kind::Bytes) => {
            let (x, y) = (
                pystr::bytes_of(a).unwrap_or(&[]),
                pystr::bytes_of(b).unwrap_or(&[]),
            );
            let r = match plain {
                Less => x < y,
                LessEqual => x <= y,
                More => x > y,
                _ => x >= y,
            };
            Ok(Some(Value::bool(r)))
        }
        (Less | LessEqual | More | MoreEqual, Kind::Tuple, Kind::Tuple)
        | (Less | LessEqual | More | MoreEqual, Kind::List, Kind::List) => {
            Ok(Some(seq_compare(cx, plain, a, b)?))
        }
        (Add, Kind::Str, Kind::Str) | (Add, Kind::Bytes, Kind::Bytes) => {
            let r = crate::obj::methods::str::concat(cx, a, b)?;
            Ok(Some(r))
        }
        (Add, Kind::Tuple, Kind::Tuple) | (Add, Kind::List, Kind::List) => {
            Ok(Some(concat_seq(cx, a, b)?))
        }
        (Multiply, Kind::Str | Kind::Bytes | Kind::Tuple | Kind::List, _)
            if int::is_int(b) || b.as_bool().is_some() =>
        {
            let n = repeat_count(cx, b)?;
            Ok(Some(repeat(cx, a, n)?))
        }
        (Multiply, _, Kind::Str | Kind::Bytes | Kind::Tuple | Kind::List)
            if int::is_int(a) || a.as_bool().is_some() =>
        {
            let n = repeat_count(cx, a)?;
            Ok(Some(repeat(cx, b, n)?))
        }
        (Modulo, Kind::Str, _) => {
            // `percent_format` itself takes the items of tuple subclasses and looks keys up
            // in the mapping object (so a dict subclass's `__missing__` applies).
            Ok(Some(crate::obj::methods::format::percent_format(cx, a, b)?))
        }
        (Modulo, Kind::Bytes, _) => {
            Ok(Some(crate::obj::methods::format::percent_format(cx, a, b)?))
        }
        (_, Kind::Set | Kind::FrozenSet, Kind::Set | Kind::FrozenSet) => {
            crate::obj::methods::set::set_binop(cx, op, a, b)
        }
        (Or, Kind::Dict, Kind::Dict) => Ok(Some(crate::obj::methods::dict::dict_or(
            cx,
            a,
            b,
            op == InplaceOr,
        )?)),
        (Or, Kind::Dict, _) if op == InplaceOr && a.is_ptr() => {
            Ok(Some(crate::obj::methods::dict::dict_or(cx, a, b, true)?))
        }
        (_, Kind::Iter, _) | (_, _, Kind::Iter) => {
            crate::obj::methods::dict::view_binop(cx, op, a, b)
        }
        _ => Ok(None),
    }
}

/// `a + b` for two tuples or two lists.
fn concat_seq(cx: &mut Cx, a: Value, b: Value) -> PyResult<Value> {
    let (la, lb) = (seq_items(a).len(), seq_items(b).len());
    let n = la + lb;
    if obj::kind_of(a) == Kind::Tuple {
        let t = tuple::new_uninit(cx, n)?;
        if n > 0 {
            crate::gc::write_barrier_values(cx, seq_items(a));
            crate::gc::write_barrier_values(cx, seq_items(b));
            if let Some(to) = obj::get_mut::<tuple::TupleObj>(cx, t) {
                let it = to.items_mut();
                it[..la].copy_from_slice(seq_items(a));
                it[la..].copy_from_slice(seq_items(b));
            }
        }
        Ok(t)
    } else {
        let l = obj::list::with_capacity(cx, n)?;
        crate::gc::write_barrier_values(cx, seq_items(a));
        crate::gc::write_barrier_values(cx, seq_items(b));
        if let Some(lo) = obj::get_mut::<obj::list::ListObj>(cx, l) {
            // SAFETY: capacity n; the sources are live (held by the caller's stack).
            unsafe {
                core::ptr::copy_nonoverlapping(seq_items(a).as_ptr(), lo.items, la);
                core::ptr::copy_nonoverlapping(seq_items(b).as_ptr(), lo.items.add(la), lb);
            }
            lo.len = n;
        }
        Ok(l)
    }
}

/// The count of a sequence repetition: a machine word (`OverflowError` beyond).
fn repeat_count(cx: &mut Cx, n: Value) -> PyResult<i64> {
    match int::to_i64(n) {
        Some(n) => Ok(n),
        None => Err(cx.overflow_error("overflow converting long int to machine word")),
    }
}

/// `seq * n`.
fn repeat(cx: &mut Cx, a: Value, n: i64) -> PyResult<Value> {
    let n = n.max(0) as usize;
    match obj::kind_of(a) {
        Kind::Str | Kind::Bytes => crate::obj::methods::str::repeat(cx, a, n),
        _ => {
            let items_len = seq_items(a).len();
            let n = if items_len == 0 { 0 } else { n };
            let total = items_len
                .checked_mul(n)
                .ok_or(())
                .map_err(|_| cx.raise_memory_error(usize::MAX))?;
            if obj::kind_of(a) == Kind::Tuple {
                let t = tuple::new_uninit(cx, total)?;
                if total > 0 {
                    crate::gc::write_barrier_values(cx, seq_items(a));
                    if let Some(to) = obj::get_mut::<tuple::TupleObj>(cx, t) {
                        for (k, chunk) in to.items_mut().chunks_mut(items_len).enumerate() {
                            let _ = k;
                            chunk.copy_from_slice(seq_items(a));
                        }
                    }
                }
                Ok(t)
            } else {
                let l = obj::list::with_capacity(cx, total)?;
                // An empty list times a huge count is empty at once.
                let n = if items_len == 0 { 0 } else { n };
                crate::gc::write_barrier_values(cx, seq_items(a));
                if let Some(lo) = obj::get_mut::<obj::list::ListObj>(cx, l) {
                    for k in 0..n {
                        // SAFETY: capacity total = items_len * n.
                        unsafe {
                            core::ptr::copy_nonoverlapping(
                                seq_items(a).as_ptr(),
                                lo.items.add(k * items_len),
                                items_len,
                            )
                        };
                    }
                    lo.len = total;
                }
                Ok(l)
            }
        }
    }
}
