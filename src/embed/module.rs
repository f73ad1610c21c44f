//! Native modules and classes written in Rust.
//!
//! ```
//! # use pyrite::{Config, Interpreter, NullHal, PyErr};
//! # let mut hal = NullHal;
//! # let mut py = Interpreter::with_heap_size(64 * 1024, &mut hal, Config::default()).unwrap();
//! struct Led {
//!     pin: u8,
//!     level: u8,
//! }
//!
//! py.define_module("board", |m| {
//!     m.constant("PINS", 16)?;
//!     m.function("add", |a: i64, b: Option<i64>| a + b.unwrap_or(1))?;
//!     m.class::<Led>("LED", |c| {
//!         c.init(|pin: u8| -> Result<Led, PyErr> {
//!             if pin >= 16 {
//!                 return Err(PyErr::value_error("no such pin"));
//!             }
//!             Ok(Led { pin, level: 0 })
//!         })?;
//!         c.method("on", |led: &mut Led| led.level = 255)?;
//!         c.getter("pin", |led: &Led| led.pin)?;
//!         c.property("level", |led: &Led| led.level, |led: &mut Led, v: u8| led.level = v)?;
//!         Ok(())
//!     })?;
//!     Ok(())
//! })
//! .unwrap();
//! py.exec("import board\nled = board.LED(3)\nled.on()").unwrap();
//! assert_eq!(py.eval::<u8>("led.level + board.add(-5)").unwrap(), 251);
//! ```
//!
//! A module is registered in `sys.modules` as soon as it is defined, so `import board` finds
//! it. A class is an ordinary Python class (it can be subclassed, its instances take
//! attributes) whose instances carry a Rust value of type `T`, made by the `init` closure
//! when Python calls the class, and handed to the methods. Closures may capture host state;
//! they live in the interpreter's heap region and are dropped with their function objects.
//!
//! Closures and the Rust state of instances must be `Send`: an [`Interpreter`] may move to
//! another thread with everything in its heap. Share host state through `&'h` references to
//! `Sync` types (atomics, `critical_section::Mutex`, `std::sync::Mutex`) or `Arc`s.
//!
//! [`Interpreter`]: crate::Interpreter

use core::marker::PhantomData;

use super::convert::IntoPython;
use super::function::{NativeFunction, NativeInit, NativeMethod};
use super::native;
use crate::obj::types::*;
use crate::obj::{dict, module, str as pystr, tuple};
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult};

/// Adds functions, constants and classes to a native module (see the module docs).
pub struct ModuleBuilder<'a, 'h> {
    cx: &'a mut Cx,
    module: Value,
    _h: PhantomData<&'h ()>,
}

/// Adds the constructor, methods and properties of a native class whose instances hold a
/// Rust `T`.
pub struct ClassBuilder<'a, 'h, T> {
    cx: &'a mut Cx,
    class: Value,
    _h: PhantomData<Brand<'h, T>>,
}

/// Ties a builder to the closures' lifetime and the state type.
type Brand<'h, T> = (&'h (), fn(T));

/// Make a native function object from a closure living for `'h`.
///
/// # Safety
/// The interpreter must end within `'h` (see `native::new_function_unchecked`).
unsafe fn function_value<'h, F>(cx: &mut Cx, name: &str, f: F) -> PyResult<Value>
where
    F: Fn(&mut Cx, &[Value], &[Value]) -> PyResult<Value> + Send + 'h,
{
    let n = pystr::intern(cx, name.as_bytes())?;
    // SAFETY: the caller's promise.
    unsafe { native::new_function_unchecked(cx, n, f) }
}

/// `setattr(o, name, v)` with `v` kept alive across the store.
fn set_attr(cx: &mut Cx, o: Value, name: &str, v: Value) -> PyResult<()> {
    let mark = cx.roots_mark();
    cx.root(v)?;
    let r = pystr::intern(cx, name.as_bytes()).and_then(|n| ops::setattr(cx, o, n, v));
    cx.roots_truncate(mark);
    r
}

/// Make (or reuse) module `name` in `sys.modules` and run `build` on it.
///
/// # Safety
/// Closures registered through the builder live for `'h`: the interpreter must end within it.
pub(crate) unsafe fn define<'h>(
    cx: &mut Cx,
    name: &str,
    build: impl FnOnce(&mut ModuleBuilder<'_, 'h>) -> PyResult<()>,
) -> PyResult<Value> {
    let n = pystr::intern(cx, name.as_bytes())?;
    let m = match dict::get_str(cx.modules, n) {
        Some(m) if crate::obj::module::dict_of(m).is_some() => m,
        _ => {
            let mark = cx.roots_mark();
            cx.root(n)?;
            let m = module::new(cx, n);
            let r = m.and_then(|m| {
                cx.root(m)?;
                dict::set(cx, cx.modules, n, m)?;
                Ok(m)
            });
            cx.roots_truncate(mark);
            r?
        }
    };
    let mark = cx.roots_mark();
    cx.root(m)?;
    let mut b = ModuleBuilder {
        cx,
        module: m,
        _h: PhantomData,
    };
    let r = build(&mut b);
    b.cx.roots_truncate(mark);
    r.map(|_| m)
}

impl<'h> ModuleBuilder<'_, 'h> {
    /// The interpreter context (for anything the builder does not cover).
    pub fn cx(&mut self) -> &mut Cx {
        self.cx
    }

    /// The module object.
    pub fn module(&self) -> Value {
        self.module
    }

    /// Add a function (any closure shape of [`NativeFunction`]).
    pub fn function<M, F>(&mut self, name: &str, f: F) -> PyResult<&mut Self>
    where
        F: NativeFunction<M> + Send + 'h,
    {
        // SAFETY: a builder for 'h exists only while an interpreter bounded by 'h does.
        let v = unsafe {
            function_value(
                self.cx,
                name,
                move |cx: &mut Cx, a: &[Value], k: &[Value]| f.call(cx, a, k),
            )
        }?;
        set_attr(self.cx, self.module, name, v)?;
        Ok(self)
    }

    /// Add a constant.
    pub fn constant(&mut self, name: &str, value: impl IntoPython) -> PyResult<&mut Self> {
        let v = value.into_python(self.cx)?;
        set_attr(self.cx, self.module, name, v)?;
        Ok(self)
    }

    /// Add a class whose instances hold a Rust `T`, and run `build` on it.
    pub fn class<T: Send + 'static>(
        &mut self,
        name: &str,
        build: impl FnOnce(&mut ClassBuilder<'_, 'h, T>) -> PyResult<()>,
    ) -> PyResult<&mut Self> {
        let cx = &mut *self.cx;
        let n = pystr::intern(cx, name.as_bytes())?;
        let mark = cx.roots_mark();
        cx.root(n)?;
        let r = (|| {
            let ns = dict::new(cx)?;
            cx.root(ns)?;
            let bases = tuple::new(cx, &[Value::from_static(&OBJECT_TYPE)])?;
            cx.root(bases)?;
            let cls = ops::make_type(cx, n, bases, ns)?;
            cx.root(cls)?;
            let modname = module::dict_of(self.module)
                .and_then(|d| dict::get_str(d, crate::qstrs::q::__name__.value()));
            if let Some(mn) = modname {
                set_attr(cx, cls, "__module__", mn)?;
            }
            set_attr(cx, self.module, name, cls)?;
            let mut c = ClassBuilder::<T> {
                cx,
                class: cls,
                _h: PhantomData,
            };
            build(&mut c)
        })();
        self.cx.roots_truncate(mark);
        r?;
        Ok(self)
    }
}

impl<'h, T: Send + 'static> ClassBuilder<'_, 'h, T> {
    /// The interpreter context.
    pub fn cx(&mut self) -> &mut Cx {
        self.cx
    }

    /// The class object.
    pub fn class(&self) -> Value {
        self.class
    }

    /// The constructor: `Class(args...)` calls `f(args...)` and keeps the `T` it returns in
    /// the new instance. Without one, instances have no Rust state and methods raise
    /// `TypeError`.
    pub fn init<M, F>(&mut self, f: F) -> PyResult<&mut Self>
    where
        F: NativeInit<T, M> + Send + 'h,
    {
        let init = move |cx: &mut Cx, a: &[Value], k: &[Value]| -> PyResult<Value> {
            let Some(&inst) = a.first() else {
                return Err(cx.type_error("argument has wrong type"));
            };
            let t = f.build(cx, &a[1..], k)?;
            cx.set_native(inst, t)?;
            Ok(Value::NONE)
        };
        // SAFETY: as for ModuleBuilder::function.
        let v = unsafe { function_value(self.cx, "__init__", init) }?;
        set_attr(self.cx, self.class, "__init__", v)?;
        Ok(self)
    }

    fn method_value<M, F>(&mut self, name: &str, f: F) -> PyResult<Value>
    where
        F: NativeMethod<T, M> + Send + 'h,
    {
        // SAFETY: as for ModuleBuilder::function.
        unsafe {
            function_value(
                self.cx,
                name,
                move |cx: &mut Cx, a: &[Value], k: &[Value]| f.call(cx, a, k),
            )
        }
    }

    /// Add a method: `|this: &mut T, args...| ...` (or `&T`, or the raw shape).
    pub fn method<M, F>(&mut self, name: &str, f: F) -> PyResult<&mut Self>
    where
        F: NativeMethod<T, M> + Send + 'h,
    {
        let v = self.method_value(name, f)?;
        set_attr(self.cx, self.class, name, v)?;
        Ok(self)
    }

    /// Add a read-only attribute computed by `get(&T)`.
    pub fn getter<M, F>(&mut self, name: &str, get: F) -> PyResult<&mut Self>
    where
        F: NativeMethod<T, M> + Send + 'h,
    {
        let g = self.method_value(name, get)?;
        let mark = self.cx.roots_mark();
        self.cx.root(g)?;
        let p = crate::obj::func::new_descr(self.cx, &PROPERTY_TYPE, g, Value::NONE, Value::NONE);
        let r = p.and_then(|p| set_attr(self.cx, self.class, name, p));
        self.cx.roots_truncate(mark);
        r?;
        Ok(self)
    }

    /// Add a read-write attribute: `get(&T) -> V` and `set(&mut T, V)`.
    pub fn property<M1, M2, G, S>(&mut self, name: &str, get: G, set: S) -> PyResult<&mut Self>
    where
        G: NativeMethod<T, M1> + Send + 'h,
        S: NativeMethod<T, M2> + Send + 'h,
    {
        let mark = self.cx.roots_mark();
        let r = (|| {
            let g = self.method_value(name, get)?;
            self.cx.root(g)?;
            let s = self.method_value(name, set)?;
            self.cx.root(s)?;
            let p = crate::obj::func::new_descr(self.cx, &PROPERTY_TYPE, g, s, Value::NONE)?;
            set_attr(self.cx, self.class, name, p)
        })();
        self.cx.roots_truncate(mark);
        r?;
        Ok(self)
    }

    /// Add a class attribute.
    pub fn constant(&mut self, name: &str, value: impl IntoPython) -> PyResult<&mut Self> {
        let v = value.into_python(self.cx)?;
        set_attr(self.cx, self.class, name, v)?;
        Ok(self)
    }
}

impl Cx {
    /// Define (or extend) a native module from native code: closures must be `'static`
    /// here. See [`Interpreter::define_module`](crate::Interpreter::define_module).
    pub fn define_module(
        &mut self,
        name: &str,
        build: impl FnOnce(&mut ModuleBuilder<'_, 'static>) -> PyResult<()>,
    ) -> PyResult<Value> {
        // SAFETY: 'static closures outlive any interpreter.
        unsafe { define(self, name, build) }
    }
}
