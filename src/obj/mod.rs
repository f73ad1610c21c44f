//! Python objects: the common header, the type object, and one file per type.
//!
//! Every object starts with an [`ObjHeader`] naming its type. A type's [`Kind`] says how its
//! instances are laid out (which Rust struct they are), which is what the collector needs to
//! trace them and what native code checks before it looks inside. User classes have the kind
//! of the builtin they derive from: `Instance` for plain classes, `Exception` for exception
//! subclasses (whose layout has room for a `__dict__`).
//!
//! Reading an object borrows the interpreter (`&'a Cx` gives `&'a T`), so a reference cannot be
//! held across anything that may allocate, collect or run Python; values are copied out first.

pub mod bytes;

pub mod code;
pub mod dict;
pub mod exception;
pub mod float;
pub mod func;
pub mod gen;
pub mod instance;
pub mod int;
pub mod iter;
pub mod list;
pub mod methods;
pub mod module;
pub mod native;
pub mod range;
pub mod set;
pub mod slice;
pub mod str;
pub mod str_intern;
pub mod table;
pub mod tuple;
pub mod types;

use crate::value::Value;
use crate::vm::Cx;

/// The first word of every object: a pointer to its type.
#[repr(C)]
pub struct ObjHeader {
    /// The object's type (a static type object or a heap one).
    pub ty: *const TypeObj,
}

// SAFETY: static objects are immutable after construction; heap objects are only reached
// through an interpreter, which is never shared between threads.
unsafe impl Sync for ObjHeader {}
// SAFETY: as above; an interpreter moves between threads as a whole.
unsafe impl Send for ObjHeader {}

impl ObjHeader {
    /// A header for an object of type `ty`.
    pub const fn new(ty: &'static TypeObj) -> ObjHeader {
        ObjHeader { ty }
    }
}

/// The layout of a type's instances.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum Kind {
    /// No instances of its own (None, bool, NotImplemented: immediates).
    Immediate,
    Type,
    Object,
    Str,
    Bytes,
    ByteArray,
    Int,
    Float,
    Complex,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    NativeFn,
    BoundMethod,
    Cell,
    Module,
    Instance,
    Exception,
    Generator,
    Property,
    ClassMethod,
    StaticMethod,
    Super,
    /// A native iterator (`obj::iter::IterObj`): list/tuple/str/range/dict/enumerate/zip/...
    Iter,
    Code,
    ModuleCtx,
    MemoryView,
    /// A native object registered by an embedder.
    Native,
    /// An `io` stream (`modules::io::IoObj`): StringIO, BytesIO, a file.
    Stream,
}

/// Type flags.
pub mod tflags {
    /// Created by a class statement or `type()` (lives in the heap).
    pub const HEAP: u16 = 1;
    /// Can be subclassed.
    pub const BASETYPE: u16 = 2;
    /// Instances are exceptions.
    pub const EXCEPTION: u16 = 4;
    /// The class (or a base) defines `__getattr__`.
    pub const HAS_GETATTR: u16 = 8;
    /// The class (or a base) defines `__setattr__` or `__delattr__`.
    pub const HAS_SETATTR: u16 = 16;
    /// The class (or a base) defines `__getattribute__`... not supported, kept for layout.
    pub const HAS_DESCRIPTORS: u16 = 32;
    /// The class (or a base) defines `__getattribute__` in Python.
    pub const HAS_GETATTRIBUTE: u16 = 64;
    /// The top byte of a class's flags: how many attributes its instances' dicts have grown
    /// to (at most 255), the room a new instance dict is made with.
    pub const DICT_HINT_SHIFT: u16 = 8;
}

/// An attribute of a builtin type, in its static table.
pub struct Attr {
    /// The attribute's name.
    pub name: &'static str::StrObj,
    /// What it is.
    pub value: AttrValue,
}

/// The value of a static attribute.
#[derive(Clone, Copy)]
pub enum AttrValue {
    /// A method: binds `self` when looked up on an instance.
    Method(&'static func::NativeFnObj),
    /// A classmethod: binds the type.
    ClassMethod(&'static func::NativeFnObj),
    /// A staticmethod or a plain function attribute.
    Static(&'static func::NativeFnObj),
    /// A read-only property computed by a native getter taking the instance.
    Getter(fn(&mut Cx, Value) -> crate::vm::PyResult<Value>),
    /// A constant int.
    Int(isize),
    /// A constant object (a nested type, a static str, ...).
    Obj(&'static ObjHeader),
}

/// A type object. Builtin types are `static`s; classes are heap objects with the same layout.
#[repr(C)]
pub struct TypeObj {
    /// The type's type (`type`).
    pub header: ObjHeader,
    /// The layout of instances.
    pub kind: Kind,
    /// [`tflags`] bits.
    pub flags: u16,
    /// The name.
    pub name: *const str::StrObj,
    /// The single base of a builtin type (NULL for `object`); for classes, the first base.
    pub base: *const TypeObj,
    /// Static attributes of a builtin type (empty for classes).
    pub attrs: &'static [Attr],
    /// A class's `__dict__` (a dict), NULL for builtin types.
    pub dict: Value,
    /// A class's bases (a tuple), NULL for builtin types.
    pub bases: Value,
    /// A class's method resolution order (a tuple including itself), NULL for builtin types.
    pub mro: Value,
    /// The nearest builtin type in the MRO (the instance layout provider).
    pub native_base: *const TypeObj,
}

// SAFETY: as for ObjHeader: statics are immutable, heap types are owned by one interpreter.
unsafe impl Sync for TypeObj {}

impl TypeObj {
    /// Whether this is a class made in Python.
    #[inline]
    pub fn is_heap(&self) -> bool {
        self.flags & tflags::HEAP != 0
    }

    /// The type's name as bytes.
    pub fn name_bytes(&self) -> &[u8] {
        // SAFETY: every type has a valid name string object that lives as long as the type.
        unsafe { (*self.name).as_bytes() }
    }
}

/// A Rust struct that is the layout of some kind of object.
pub trait PyObj {
    /// The kind whose layout this is.
    const KIND: Kind;
}

/// The type object of a value (also for small ints and immediates).
#[inline]
pub fn type_of(v: Value) -> *const TypeObj {
    if let Some(p) = v.as_ptr() {
        // SAFETY: a pointer value always points at a live object whose first word is its header.
        unsafe { (*p).ty }
    } else if v.is_small_int() {
        &types::INT_TYPE
    } else if v == Value::NONE {
        &types::NONE_TYPE
    } else if v == Value::TRUE || v == Value::FALSE {
        &types::BOOL_TYPE
    } else if v == Value::ELLIPSIS {
        &types::ELLIPSIS_TYPE
    } else if v == Value::NOT_IMPLEMENTED {
        &types::NOT_IMPLEMENTED_TYPE
    } else {
        // NULL never reaches Python code; answer something harmless.
        &types::NONE_TYPE
    }
}

/// The type of a value, borrowed for as long as the interpreter is.
#[inline]
pub fn type_ref(_cx: &Cx, v: Value) -> &TypeObj {
    // SAFETY: the type of a live value is live; the borrow of cx forbids collection meanwhile.
    unsafe { &*type_of(v) }
}

/// The layout kind of a value's type.
#[inline]
pub fn kind_of(v: Value) -> Kind {
    if let Some(p) = v.as_ptr() {
        // SAFETY: pointer values point at live objects with live types.
        unsafe { (*(*p).ty).kind }
    } else if v.is_small_int() {
        Kind::Int
    } else {
        Kind::Immediate
    }
}

/// Whether `v` is an object with the layout `T`.
#[inline]
pub fn is<T: PyObj>(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == T::KIND
}

/// Borrow `v` as a `T`, if it has that layout.
#[inline]
pub fn get<T: PyObj>(_cx: &Cx, v: Value) -> Option<&T> {
    if is::<T>(v) {
        // SAFETY: the kind check says v points at a live T; the shared borrow of cx means nothing
        // can collect or mutate the heap while the reference lives.
        Some(unsafe { &*(v.raw() as *const T) })
    } else {
        None
    }
}

/// Borrow `v` mutably as a `T`, if it has that layout.
#[inline]
pub fn get_mut<T: PyObj>(_cx: &mut Cx, v: Value) -> Option<&mut T> {
    if is::<T>(v) {
        // SAFETY: as `get`; the exclusive borrow of cx means no other reference into the heap
        // exists while this one lives.
        Some(unsafe { &mut *(v.raw() as *mut T) })
    } else {
        None
    }
}

/// Borrow `v` as a `T` without a check.
///
/// # Safety
/// `v` must be a live object with layout `T`.
#[inline]
pub unsafe fn get_unchecked<T: PyObj>(_cx: &Cx, v: Value) -> &T {
    // SAFETY: the caller promises v is a live T.
    unsafe { &*(v.raw() as *const T) }
}

/// Mutably borrow `v` as a `T` without a check.
///
/// # Safety
/// `v` must be a live object with layout `T`.
#[inline]
pub unsafe fn get_unchecked_mut<T: PyObj>(_cx: &mut Cx, v: Value) -> &mut T {
    // SAFETY: the caller promises v is a live T.
    unsafe { &mut *(v.raw() as *mut T) }
}

/// Whether `cls` and `base` are classes (type objects) and `cls` is `base` or a subclass of
/// it (`issubclass` for one class; for native code working on values).
pub fn is_subclass_value(cls: Value, base: Value) -> bool {
    let is_type = |v: Value| kind_of(v) == Kind::Type && v.is_ptr();
    is_type(cls)
        && is_type(base)
        && is_subtype(cls.raw() as *const TypeObj, base.raw() as *const TypeObj)
}

/// Whether `v` is an instance of the class `cls` (`false` when `cls` is not a class).
pub fn is_instance_value(v: Value, cls: Value) -> bool {
    kind_of(cls) == Kind::Type
        && cls.is_ptr()
        && is_subtype(type_of(v), cls.raw() as *const TypeObj)
}

/// Whether type `t` is `base` or a subclass of it.
pub(crate) fn is_subtype(t: *const TypeObj, base: *const TypeObj) -> bool {
    if core::ptr::eq(t, base) {
        return true;
    }
    // SAFETY: t is a live type object; its mro/base links point at live types.
    let tr = unsafe { &*t };
    if tr.is_heap() {
        if let Some(mro) = tuple::items_of(tr.mro) {
            return mro
                .iter()
                .any(|&m| core::ptr::eq(m.raw() as *const TypeObj, base));
        }
    }
    let mut b = tr.base;
    while !b.is_null() {
        if core::ptr::eq(b, base) {
            return true;
        }
        // SAFETY: base links of live types are live types or NULL.
        b = unsafe { (*b).base };
    }
    false
}

/// Whether `v` is an instance of `base` (or a subclass).
#[inline]
pub fn isinstance(v: Value, base: &'static TypeObj) -> bool {
    is_subtype(type_of(v), base)
}
