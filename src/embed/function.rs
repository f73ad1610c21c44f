//! Rust functions callable from Python: the shapes a closure may have.
//!
//! * **typed**: `|pin: u8, on: bool| -> R` with up to six arguments, each [`FromPython`]
//!   (a trailing `Option<T>` argument may be left out); `R` is any [`IntoPython`] value,
//!   `Result<T, PyErr>` (raise a Python exception made without the interpreter) or
//!   `PyResult<T>`.
//! * **typed with the context**: `|cx: &mut Cx, pin: u8| -> R`, for functions that call
//!   back into Python or make handles.
//! * **raw**: `|cx: &mut Cx, args: &[Value], kw: &[Value]| -> PyResult<Value>`, the shape of
//!   the builtins themselves: positional arguments, then keyword `(name, value)` pairs; the
//!   arguments are rooted (they are on the caller's stack), anything the function makes is
//!   not (see the rooting rule in HACKING.md).
//!
//! Methods of native classes ([`NativeMethod`]) take the instance's Rust value first:
//! `|led: &mut Led, level: u8| ...` or `|led: &Led| ...`.
//!
//! Wrong argument counts and types raise `TypeError` with MicroPython's messages.

use super::convert::{FromPython, IntoPython};
use super::error::PyErr;
use super::native;
use crate::obj::types::*;
use crate::value::Value;
use crate::vm::{Cx, PyResult, Raised};

/// A Rust closure that can be registered as a Python function. `M` is a marker naming the
/// closure's shape (inferred; see the module documentation).
pub trait NativeFunction<M> {
    /// Call with positional arguments and keyword `(name, value)` pairs.
    fn call(&self, cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value>;
}

/// A method of a native class whose Rust state is a `T`. `M` is a marker (inferred).
pub trait NativeMethod<T, M> {
    /// Call with `args[0]` the instance.
    fn call(&self, cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value>;
}

/// A constructor of a native class whose Rust state is a `T`: a closure returning `T`,
/// `Result<T, PyErr>` or `PyResult<T>` from typed arguments. `M` is a marker (inferred).
pub trait NativeInit<T, M> {
    /// Build the state from the arguments of `Class(...)` (without the instance).
    fn build(&self, cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<T>;
}

/// What a typed native function may return.
pub trait IntoPyResult {
    /// Make the Python result, or raise.
    fn into_py_result(self, cx: &mut Cx) -> PyResult<Value>;
}

impl<T: IntoPython> IntoPyResult for T {
    fn into_py_result(self, cx: &mut Cx) -> PyResult<Value> {
        self.into_python(cx)
    }
}

impl<T: IntoPython> IntoPyResult for Result<T, PyErr> {
    fn into_py_result(self, cx: &mut Cx) -> PyResult<Value> {
        match self {
            Ok(v) => v.into_python(cx),
            Err(e) => Err(e.raise(cx)),
        }
    }
}

impl<T: IntoPython> IntoPyResult for Result<T, Raised> {
    fn into_py_result(self, cx: &mut Cx) -> PyResult<Value> {
        self?.into_python(cx)
    }
}

/// What a native constructor may return.
pub trait IntoNative<T> {
    /// The state, or raise.
    fn into_native(self, cx: &mut Cx) -> PyResult<T>;
}

impl<T> IntoNative<T> for T {
    fn into_native(self, _cx: &mut Cx) -> PyResult<T> {
        Ok(self)
    }
}

impl<T> IntoNative<T> for Result<T, PyErr> {
    fn into_native(self, cx: &mut Cx) -> PyResult<T> {
        self.map_err(|e| e.raise(cx))
    }
}

impl<T> IntoNative<T> for Result<T, Raised> {
    fn into_native(self, _cx: &mut Cx) -> PyResult<T> {
        self
    }
}

/// Marker of raw functions.
pub enum Raw {}

impl<F> NativeFunction<Raw> for F
where
    F: Fn(&mut Cx, &[Value], &[Value]) -> PyResult<Value>,
{
    fn call(&self, cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value> {
        self(cx, args, kw)
    }
}

/// Check the argument count of a typed function: `n` given, `max` parameters of which the
/// trailing ones with `optional` set may be missing.
fn check_args(cx: &mut Cx, n: usize, kw: &[Value], optional: &[bool]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(cx.type_error("function doesn't take keyword arguments"));
    }
    let max = optional.len();
    let min = max - optional.iter().rev().take_while(|&&o| o).count();
    if n >= min && n <= max {
        return Ok(());
    }
    if min == max {
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("function takes {min} positional arguments but {n} were given"),
        ));
    }
    if n < min {
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("function missing {} required positional arguments", min - n),
        ));
    }
    Err(cx.raise_fmt(
        &TYPE_ERROR_TYPE,
        format_args!("function expected at most {max} arguments, got {n}"),
    ))
}

/// Argument `i` converted, or the value of a missing optional argument.
fn arg<A: FromPython>(cx: &mut Cx, args: &[Value], i: usize) -> PyResult<A> {
    match args.get(i) {
        Some(&v) => A::from_python(cx, v),
        None => match A::missing() {
            Some(a) => Ok(a),
            None => Err(cx.type_error("function missing required positional arguments")),
        },
    }
}

/// The payload object of `self_` holding a `T`, or `TypeError`.
fn self_payload<T: 'static>(cx: &mut Cx, args: &[Value]) -> PyResult<Value> {
    match args
        .first()
        .and_then(|&s| native::payload_object_of::<T>(s))
    {
        Some(p) => Ok(p),
        None => Err(cx.type_error("argument has wrong type")),
    }
}

macro_rules! arities {
    ($($a:ident $i:tt),*) => {
        impl<F, R, $($a),*> NativeFunction<fn($($a),*) -> R> for F
        where
            F: Fn($($a),*) -> R,
            R: IntoPyResult,
            $($a: FromPython,)*
        {
            #[allow(unused_variables, non_snake_case)]
            fn call(&self, cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                check_args(cx, args.len(), kw, &[$($a::missing().is_some()),*])?;
                $(let $a: $a = arg(cx, args, $i)?;)*
                self($($a),*).into_py_result(cx)
            }
        }

        impl<F, R, $($a),*> NativeFunction<fn(&mut Cx, $($a),*) -> R> for F
        where
            F: Fn(&mut Cx, $($a),*) -> R,
            R: IntoPyResult,
            $($a: FromPython,)*
        {
            #[allow(unused_variables, non_snake_case)]
            fn call(&self, cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                check_args(cx, args.len(), kw, &[$($a::missing().is_some()),*])?;
                $(let $a: $a = arg(cx, args, $i)?;)*
                self(cx, $($a),*).into_py_result(cx)
            }
        }

        impl<F, R, T: 'static, $($a),*> NativeMethod<T, fn(&mut T, $($a),*) -> R> for F
        where
            F: Fn(&mut T, $($a),*) -> R,
            R: IntoPyResult,
            $($a: FromPython,)*
        {
            #[allow(unused_variables, non_snake_case)]
            fn call(&self, cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let rest = args.get(1..).unwrap_or(&[]);
                check_args(cx, rest.len(), kw, &[$($a::missing().is_some()),*])?;
                let p = self_payload::<T>(cx, args)?;
                let mark = cx.roots_mark();
                cx.root(p)?;
                let r = (|| {
                    $(let $a: $a = arg(cx, rest, $i)?;)*
                    // SAFETY: p is a live (rooted) payload holding a T; the closure gets
                    // no interpreter, so nothing else can reach the T during the call.
                    let this = unsafe { native::payload_mut::<T>(p) };
                    let Some(this) = this else {
                        return Err(cx.type_error("argument has wrong type"));
                    };
                    self(this, $($a),*).into_py_result(cx)
                })();
                cx.roots_truncate(mark);
                r
            }
        }

        impl<F, R, T: 'static, $($a),*> NativeMethod<T, fn(&T, $($a),*) -> R> for F
        where
            F: Fn(&T, $($a),*) -> R,
            R: IntoPyResult,
            $($a: FromPython,)*
        {
            #[allow(unused_variables, non_snake_case)]
            fn call(&self, cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let rest = args.get(1..).unwrap_or(&[]);
                check_args(cx, rest.len(), kw, &[$($a::missing().is_some()),*])?;
                let p = self_payload::<T>(cx, args)?;
                let mark = cx.roots_mark();
                cx.root(p)?;
                let r = (|| {
                    $(let $a: $a = arg(cx, rest, $i)?;)*
                    // SAFETY: as for `&mut T` methods.
                    let this = unsafe { native::payload_mut::<T>(p) };
                    let Some(this) = this else {
                        return Err(cx.type_error("argument has wrong type"));
                    };
                    self(this, $($a),*).into_py_result(cx)
                })();
                cx.roots_truncate(mark);
                r
            }
        }

        impl<F, R, T, $($a),*> NativeInit<T, fn($($a),*) -> R> for F
        where
            F: Fn($($a),*) -> R,
            R: IntoNative<T>,
            $($a: FromPython,)*
        {
            #[allow(unused_variables, non_snake_case)]
            fn build(&self, cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<T> {
                check_args(cx, args.len(), kw, &[$($a::missing().is_some()),*])?;
                $(let $a: $a = arg(cx, args, $i)?;)*
                self($($a),*).into_native(cx)
            }
        }
    };
}

arities!();
arities!(A0 0);
arities!(A0 0, A1 1);
arities!(A0 0, A1 1, A2 2);
arities!(A0 0, A1 1, A2 2, A3 3);
arities!(A0 0, A1 1, A2 2, A3 3, A4 4);
arities!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5);

/// Methods with full control: `|cx: &mut Cx, args: &[Value], kw: &[Value]|` where
/// `args[0]` is the instance (use [`Cx::native_mut`] to reach its Rust state).
impl<F, T> NativeMethod<T, Raw> for F
where
    F: Fn(&mut Cx, &[Value], &[Value]) -> PyResult<Value>,
{
    fn call(&self, cx: &mut Cx, args: &[Value], kw: &[Value]) -> PyResult<Value> {
        self(cx, args, kw)
    }
}
