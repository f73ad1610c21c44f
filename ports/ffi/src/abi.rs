//! The C layouts of `include/pyrite.h`, field for field.
//!
//! Definitions ([`ModuleDef`], [`TypeDef`], [`Fun`], [`Member`]) are written in C and read
//! here; their fields are private, so the only way to get one in Rust is from C (an `extern`
//! static, which takes `unsafe` to read, or a shared library the port loads): the C side
//! promises that its pointers are valid and its strings NUL-terminated, as the header says.

use core::ffi::{c_char, c_int, c_void};

/// The ABI version of this library (`PYR_ABI_VERSION` in the header).
pub const ABI_VERSION: u32 = 1;

/// An object handle (`pyr_obj`): opaque to C, decoded by `handles`.
#[repr(transparent)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Obj(pub(crate) *mut c_void);

impl Obj {
    /// `PYR_NULL`.
    pub const NULL: Obj = Obj(core::ptr::null_mut());

    pub(crate) fn from_word(w: usize) -> Obj {
        Obj(w as *mut c_void)
    }

    pub(crate) fn word(self) -> usize {
        self.0 as usize
    }

    /// Whether this is `PYR_NULL`.
    pub fn is_null(self) -> bool {
        self.0.is_null()
    }
}

pub(crate) type Fun0 = unsafe extern "C" fn() -> Obj;
pub(crate) type Fun1 = unsafe extern "C" fn(Obj) -> Obj;
pub(crate) type Fun2 = unsafe extern "C" fn(Obj, Obj) -> Obj;
pub(crate) type Fun3 = unsafe extern "C" fn(Obj, Obj, Obj) -> Obj;
pub(crate) type FunVar = unsafe extern "C" fn(usize, *const Obj) -> Obj;
pub(crate) type FunKw = unsafe extern "C" fn(usize, *const Obj, Obj) -> Obj;
pub(crate) type Getter = unsafe extern "C" fn(Obj) -> Obj;
pub(crate) type Setter = unsafe extern "C" fn(Obj, Obj) -> c_int;

pub(crate) const FUN_0: u16 = 1;
pub(crate) const FUN_1: u16 = 2;
pub(crate) const FUN_2: u16 = 3;
pub(crate) const FUN_3: u16 = 4;
pub(crate) const FUN_VAR: u16 = 5;
pub(crate) const FUN_KW: u16 = 6;

/// `pyr_fun`: a C function and its shape.
#[repr(C)]
pub struct Fun {
    pub(crate) kind: u16,
    pub(crate) n_min: u16,
    pub(crate) n_max: u16,
    pub(crate) reserved: u16,
    pub(crate) fun: FunPtr,
}

/// The C function of a [`Fun`], by shape.
#[repr(C)]
#[derive(Clone, Copy)]
pub(crate) union FunPtr {
    pub(crate) f0: Option<Fun0>,
    pub(crate) f1: Option<Fun1>,
    pub(crate) f2: Option<Fun2>,
    pub(crate) f3: Option<Fun3>,
    pub(crate) var: Option<FunVar>,
    pub(crate) kw: Option<FunKw>,
}

pub(crate) const ROM_NONE: u32 = 1;
pub(crate) const ROM_FALSE: u32 = 2;
pub(crate) const ROM_TRUE: u32 = 3;
pub(crate) const ROM_INT: u32 = 4;
pub(crate) const ROM_FLOAT: u32 = 5;
pub(crate) const ROM_STR: u32 = 6;
pub(crate) const ROM_FUN: u32 = 7;
pub(crate) const ROM_TYPE: u32 = 8;
pub(crate) const ROM_ATTR: u32 = 9;

/// `pyr_rom`: a constant in a table.
#[repr(C)]
pub struct Rom {
    pub(crate) kind: u32,
    pub(crate) u: RomValue,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub(crate) union RomValue {
    pub(crate) i: i64,
    pub(crate) f: f64,
    pub(crate) s: *const c_char,
    pub(crate) ptr: *const c_void,
    pub(crate) attr: AttrFns,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub(crate) struct AttrFns {
    pub(crate) get: Option<Getter>,
    pub(crate) set: Option<Setter>,
}

/// `pyr_member`: a name and a value.
#[repr(C)]
pub struct Member {
    pub(crate) key: Rom,
    pub(crate) value: Rom,
}

/// `pyr_type`: a native type.
#[repr(C)]
pub struct TypeDef {
    pub(crate) name: *const c_char,
    pub(crate) data_size: usize,
    pub(crate) n_slots: usize,
    pub(crate) init: *const Fun,
    pub(crate) finalise: Option<unsafe extern "C" fn(*mut c_void)>,
    pub(crate) members: *const Member,
    pub(crate) n_members: usize,
}

/// `pyr_module_def`: a C module.
#[repr(C)]
pub struct ModuleDef {
    pub(crate) abi_version: u32,
    pub(crate) flags: u32,
    pub(crate) name: *const c_char,
    pub(crate) members: *const Member,
    pub(crate) n_members: usize,
    pub(crate) init: Option<unsafe extern "C" fn(Obj) -> c_int>,
    pub(crate) mp_module: *const c_void,
}

/// `mp_obj_module_t` of `pyrite_micropython.h`.
#[repr(C)]
pub(crate) struct MpModule {
    pub(crate) base_type: *const c_void,
    pub(crate) globals: *const MpTable,
}

/// `mp_obj_dict_t` (`pyr_mp_table`) of `pyrite_micropython.h`.
#[repr(C)]
pub(crate) struct MpTable {
    pub(crate) members: *const Member,
    pub(crate) n_members: usize,
}

// SAFETY: definitions are immutable C data (static storage, never written after it is
// compiled); sharing references to them between threads reads only.
unsafe impl Sync for ModuleDef {}
// SAFETY: as above.
unsafe impl Sync for TypeDef {}
// SAFETY: as above.
unsafe impl Sync for Fun {}
// SAFETY: as above.
unsafe impl Sync for Member {}
