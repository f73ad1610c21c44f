//! Native objects: Rust values living in the heap region, with kind `Native`.
//!
//! Two uses share one layout, a small header followed by a Rust value stored inline:
//!
//! * **native functions**: a Rust closure, callable from Python (type `function`). It may
//!   capture host state (`Rc<Cell<_>>`, `&'h RefCell<_>`, ...); it is dropped when the
//!   function object is collected or the interpreter is dropped.
//! * **native payloads**: the Rust state of an instance of a class registered from Rust
//!   ([`ClassBuilder`](super::ClassBuilder)), kept in the instance's `base` slot.
//!
//! No global allocator is involved: the closure or payload is moved into a heap block with a
//! finaliser, and the vtable (static, one per Rust type) knows how to call and drop it.
//! Payloads and closures must not hold [`Value`]s (the collector does not look inside them);
//! keep Python values in the instance's attributes, or in [`Handle`](super::Handle)s in host
//! state.
//!
//! A third use serves foreign code (the C ABI), whose state no Rust type describes: **raw
//! state** ([`Cx::set_native_raw`]) is `n_slots` Python values, traced by the collector,
//! followed by `data_len` zeroed bytes the foreign code owns, identified by a `tag` (the C
//! type definition's address) and freed through a finaliser.

use core::any::TypeId;
use core::ptr::NonNull;

use crate::gc::heap::AllocKind;
use crate::obj::types::*;
use crate::obj::{self, instance, str as pystr, Kind, ObjHeader, TypeObj};
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// Calls the closure stored at the pointer.
type CallFn = unsafe fn(*const u8, &mut Cx, &[Value], &[Value]) -> PyResult<Value>;

/// Marks the values inside the native value at the pointer.
type TraceFn = unsafe fn(&mut dyn crate::gc::Tracer, *const u8);

/// Runs when raw native state is freed (see [`Cx::set_native_raw`]): called with the state's
/// tag, its data and the data's length. It runs inside the collector: it must not touch the
/// interpreter.
pub type RawFinalise = unsafe fn(tag: usize, data: *mut u8, len: usize);

/// How to call and drop the Rust value of a native object.
pub(crate) struct VTable {
    /// Call a function (NULL-equivalent `None` for payloads).
    call: Option<CallFn>,
    /// Drop the value in place.
    drop: unsafe fn(*mut u8),
    /// The Rust type of a payload (for checked downcasts).
    type_id: Option<fn() -> TypeId>,
    /// Mark the values the native value holds (raw state only; Rust values hold none).
    trace: Option<TraceFn>,
}

/// The header of a native object; the Rust value follows at `PAYLOAD`.
///
/// It starts as every `Kind::Native` object does (`obj::native::NativeObj`: the header, then
/// the collector hooks), so the collector traces and finalises it through `EMBED_CLASS`; the
/// rest (`vt`, `name`, the value) is that class's payload.
#[repr(C)]
struct NativeObj {
    header: ObjHeader,
    class: &'static crate::obj::native::NativeClass,
    vt: &'static VTable,
    /// A function's name (a str), or NULL.
    name: Value,
}

/// The collector hooks of every embedder object: trace the name, drop the Rust value.
static EMBED_CLASS: crate::obj::native::NativeClass = crate::obj::native::NativeClass {
    trace: Some(trace_payload),
    finalise: Some(finalise_payload),
};

/// Offset of the `obj::native` payload (what follows the header and the class).
const CLASS_PAYLOAD: usize = core::mem::size_of::<crate::obj::native::NativeObj>();

/// Trace an embedder object given its `obj::native` payload.
fn trace_payload(m: &mut dyn crate::gc::Tracer, payload: *mut u8) {
    // SAFETY: the payload belongs to a live embedder object laid out as NativeObj.
    let p = unsafe { payload.sub(CLASS_PAYLOAD) };
    // SAFETY: as above; the vtable matches the value at PAYLOAD.
    unsafe {
        let o = &*(p as *const NativeObj);
        m.value(o.name);
        if let Some(t) = o.vt.trace {
            t(m, p.add(PAYLOAD));
        }
    }
}

/// Drop an embedder object's Rust value given its `obj::native` payload.
fn finalise_payload(payload: *mut u8) {
    // SAFETY: the payload belongs to an embedder object being freed (finalisers run once).
    finalise(unsafe { payload.sub(CLASS_PAYLOAD) });
}

/// Offset of the Rust value: the header rounded up to the block alignment.
const PAYLOAD: usize = core::mem::size_of::<NativeObj>().div_ceil(16) * 16;

static FUNCTION_NAME: pystr::StrObj =
    pystr::StrObj::new_static(b"function", pystr::hash_bytes(b"function"), 8);
static PAYLOAD_NAME: pystr::StrObj =
    pystr::StrObj::new_static(b"native", pystr::hash_bytes(b"native"), 6);

/// The type of native functions (named `function`, as builtins are in MicroPython).
pub static NATIVE_FUNCTION_TYPE: TypeObj = TypeObj {
    header: ObjHeader::new(&TYPE_TYPE),
    kind: Kind::Native,
    flags: 0,
    name: &FUNCTION_NAME,
    base: &OBJECT_TYPE,
    attrs: &[],
    dict: Value::NULL,
    bases: Value::NULL,
    mro: Value::NULL,
    native_base: &NATIVE_FUNCTION_TYPE,
};

/// The type of native payloads (internal: Python sees the instance that holds one).
pub static NATIVE_PAYLOAD_TYPE: TypeObj = TypeObj {
    header: ObjHeader::new(&TYPE_TYPE),
    kind: Kind::Native,
    flags: 0,
    name: &PAYLOAD_NAME,
    base: &OBJECT_TYPE,
    attrs: &[],
    dict: Value::NULL,
    bases: Value::NULL,
    mro: Value::NULL,
    native_base: &NATIVE_PAYLOAD_TYPE,
};

struct VTables<T>(core::marker::PhantomData<T>);

impl<T> VTables<T> {
    /// Drop a `T` in place.
    ///
    /// # Safety
    /// `p` points at a live `T` that is never used again.
    unsafe fn drop_value(p: *mut u8) {
        // SAFETY: the caller's promise.
        unsafe { core::ptr::drop_in_place(p as *mut T) }
    }
}

impl<T: 'static> VTables<T> {
    const PAYLOAD: VTable = VTable {
        call: None,
        drop: Self::drop_value,
        type_id: Some(TypeId::of::<T>),
        trace: None,
    };
}

impl<F> VTables<F>
where
    F: Fn(&mut Cx, &[Value], &[Value]) -> PyResult<Value>,
{
    /// Call the closure at `p`.
    ///
    /// # Safety
    /// `p` points at a live `F` that stays alive during the call.
    unsafe fn call_value(p: *const u8, cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
        // SAFETY: the caller's promise; closures are only ever borrowed shared.
        let f = unsafe { &*(p as *const F) };
        f(cx, a, k)
    }

    const FUNCTION: VTable = VTable {
        call: Some(Self::call_value),
        drop: Self::drop_value,
        type_id: None,
        trace: None,
    };
}

/// Move `value` into a new native object of type `ty`.
fn alloc_native<T>(
    cx: &mut Cx,
    ty: &'static TypeObj,
    vt: &'static VTable,
    name: Value,
    value: T,
) -> PyResult<Value> {
    const {
        assert!(
            core::mem::align_of::<T>() <= 16,
            "native values are 16-byte aligned at most"
        )
    };
    let mark = cx.roots_mark();
    cx.root(name)?;
    let p = cx.alloc_raw(
        PAYLOAD + core::mem::size_of::<T>(),
        AllocKind::ObjectWithFinaliser,
    );
    cx.roots_truncate(mark);
    let p = p?.as_ptr();
    // SAFETY: a fresh zeroed block of PAYLOAD + size_of::<T>() bytes, 16-aligned: room for
    // the header and the value at a suitably aligned offset.
    unsafe {
        let o = p as *mut NativeObj;
        core::ptr::addr_of_mut!((*o).header).write(ObjHeader { ty });
        core::ptr::addr_of_mut!((*o).class).write(&EMBED_CLASS);
        core::ptr::addr_of_mut!((*o).vt).write(vt);
        core::ptr::addr_of_mut!((*o).name).write(name);
        core::ptr::write(p.add(PAYLOAD) as *mut T, value);
    }
    Ok(Value::from_ptr(p))
}

/// A new native function object calling `f`. `f` must not hold `Value`s.
///
/// # Safety
/// The closure may borrow data for a lifetime `'h`: the caller guarantees that the
/// interpreter (and so every call and the final drop of the closure) ends within `'h`.
pub(crate) unsafe fn new_function_unchecked<F>(cx: &mut Cx, name: Value, f: F) -> PyResult<Value>
where
    F: Fn(&mut Cx, &[Value], &[Value]) -> PyResult<Value> + Send,
{
    let vt: &'static VTable = &VTables::<F>::FUNCTION;
    alloc_native(cx, &NATIVE_FUNCTION_TYPE, vt, name, f)
}

/// A new native function object (named `name`) calling the closure `f`.
pub fn new_function<F>(cx: &mut Cx, name: &str, f: F) -> PyResult<Value>
where
    F: Fn(&mut Cx, &[Value], &[Value]) -> PyResult<Value> + Send + 'static,
{
    let n = pystr::intern(cx, name.as_bytes())?;
    // SAFETY: F is 'static.
    unsafe { new_function_unchecked(cx, n, f) }
}

/// A new payload object holding `value`.
pub(crate) fn new_payload<T: Send + 'static>(cx: &mut Cx, value: T) -> PyResult<Value> {
    let vt: &'static VTable = &VTables::<T>::PAYLOAD;
    alloc_native(cx, &NATIVE_PAYLOAD_TYPE, vt, Value::NULL, value)
}

fn native_of(v: Value) -> Option<*mut NativeObj> {
    if obj::kind_of(v) == Kind::Native && v.is_ptr() {
        Some(v.raw() as *mut NativeObj)
    } else {
        None
    }
}

/// Whether `v` is a native function (callable, binds as a method).
pub(crate) fn is_function(v: Value) -> bool {
    // SAFETY: a Native-kind value is a live native object with a vtable.
    native_of(v).is_some_and(|o| unsafe { (*o).vt.call.is_some() })
}

/// A native function's name.
pub(crate) fn name_of(v: Value) -> Value {
    // SAFETY: as above.
    native_of(v).map_or(Value::NULL, |o| unsafe { (*o).name })
}

/// Call a native object (from `Cx::call`).
pub(crate) fn call_object(cx: &mut Cx, f: Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(o) = native_of(f) else {
        return Err(cx.type_error_obj(f, "isn't callable"));
    };
    // SAFETY: a live native object.
    let Some(call) = (unsafe { (*o).vt.call }) else {
        return Err(cx.type_error_obj(f, "isn't callable"));
    };
    let mark = cx.roots_mark();
    // Keep the closure alive whatever the callee does to the references to it.
    cx.root(f)?;
    // SAFETY: the closure lives at PAYLOAD inside the rooted object, which does not move.
    let r = unsafe { call((o as *const u8).add(PAYLOAD), cx, args, kw) };
    cx.roots_truncate(mark);
    r
}

/// The payload of type `T` inside a native payload object.
fn payload_ptr<T: 'static>(p: Value) -> Option<*mut T> {
    let o = native_of(p)?;
    // SAFETY: a live native object.
    let tid = unsafe { (*o).vt.type_id }?;
    if tid() != TypeId::of::<T>() {
        return None;
    }
    // SAFETY: the type id matches: a T lives at PAYLOAD.
    Some(unsafe { (o as *mut u8).add(PAYLOAD) } as *mut T)
}

/// The payload object of an instance of a native class (NULL-free), if it holds a `T`.
pub(crate) fn payload_object_of<T: 'static>(inst: Value) -> Option<Value> {
    let base = instance::inst_of(inst)?.base;
    payload_ptr::<T>(base).map(|_| base)
}

/// The Rust value of type `T` in the payload object `p` (see `payload_object_of`).
///
/// # Safety
/// `p` must be a live payload object holding a `T`, and no other reference to that `T` may
/// exist while the result is used.
pub(crate) unsafe fn payload_mut<'a, T: 'static>(p: Value) -> Option<&'a mut T> {
    // SAFETY: the caller's promise.
    payload_ptr::<T>(p).map(|q| unsafe { &mut *q })
}

impl Cx {
    /// The Rust value of type `T` inside `v`, an instance of a class registered with
    /// [`ClassBuilder`](super::ClassBuilder) (or of a Python subclass of it). `None` when `v`
    /// holds no `T` (another type, or `__init__` has not run).
    ///
    /// The reference borrows the interpreter, so it cannot be kept across anything that may
    /// run Python or allocate.
    pub fn native_mut<T: 'static>(&mut self, v: Value) -> Option<&mut T> {
        let p = payload_object_of::<T>(v)?;
        // SAFETY: a live payload holding a T; the exclusive borrow of the interpreter means no
        // other reference into the heap is in use while this one lives.
        unsafe { payload_mut::<T>(p) }
    }

    /// Replace the Rust value of an instance of a native class (what its `__init__` does).
    pub fn set_native<T: Send + 'static>(&mut self, inst: Value, value: T) -> PyResult<()> {
        if instance::inst_of(inst).is_none() {
            return Err(self.type_error("not an instance of a native class"));
        }
        let mark = self.roots_mark();
        self.root(inst)?;
        let p = new_payload(self, value);
        self.roots_truncate(mark);
        let p = p?;
        crate::gc::write_barrier(self, p);
        if let Some(i) = instance::inst_of(inst) {
            i.base = p;
        }
        Ok(())
    }
}

/// Drop the Rust value of a native object being freed.
fn finalise(p: *mut u8) {
    // SAFETY: p is a native object about to be freed: its value is live and never used
    // again; the vtable matches it.
    unsafe {
        let o = p as *mut NativeObj;
        ((*o).vt.drop)(p.add(PAYLOAD));
        // Make a second finalisation (never expected) harmless.
        (*o).vt = &NOOP;
    }
}

static NOOP: VTable = VTable {
    call: None,
    drop: noop_drop,
    type_id: None,
    trace: None,
};

/// Nothing to drop.
///
/// # Safety
/// Always safe.
unsafe fn noop_drop(_p: *mut u8) {}

/// The header of raw native state; `n_slots` values follow at `RAW_SLOTS`, then `data_len`
/// bytes at `raw_data_offset(n_slots)`.
#[repr(C)]
struct RawState {
    tag: usize,
    finalise: Option<RawFinalise>,
    n_slots: usize,
    data_len: usize,
}

/// Offset of the slots from the start of the raw state.
const RAW_SLOTS: usize = core::mem::size_of::<RawState>().div_ceil(16) * 16;

/// Offset of the data from the start of the raw state (16-aligned), or `None` on overflow.
fn raw_data_offset(n_slots: usize) -> Option<usize> {
    let slots = n_slots.checked_mul(core::mem::size_of::<Value>())?;
    RAW_SLOTS.checked_add(slots.checked_add(15)? / 16 * 16)
}

static RAW_VTABLE: VTable = VTable {
    call: None,
    drop: raw_drop,
    type_id: None,
    trace: Some(raw_trace),
};

/// The slots of the raw state at `p`.
///
/// # Safety
/// `p` points at live raw state.
unsafe fn raw_slots(p: *const u8) -> *mut Value {
    // SAFETY: the caller's promise: the slots follow the header.
    unsafe { p.add(RAW_SLOTS) as *mut Value }
}

/// Mark the slots of raw state.
///
/// # Safety
/// `p` points at live raw state.
unsafe fn raw_trace(m: &mut dyn crate::gc::Tracer, p: *const u8) {
    // SAFETY: the caller's promise; n_slots values follow the header.
    unsafe {
        let st = &*(p as *const RawState);
        let slots = raw_slots(p);
        for i in 0..st.n_slots {
            m.value(*slots.add(i));
        }
    }
}

/// Run the finaliser of raw state.
///
/// # Safety
/// `p` points at live raw state that is never used again.
unsafe fn raw_drop(p: *mut u8) {
    // SAFETY: the caller's promise; the data lies at its offset (checked at allocation).
    unsafe {
        let st = &*(p as *const RawState);
        if let (Some(f), Some(off)) = (st.finalise, raw_data_offset(st.n_slots)) {
            f(st.tag, p.add(off), st.data_len);
        }
    }
}

/// The raw state tagged `tag` of instance `inst`, if it has one.
fn raw_of(inst: Value, tag: usize) -> Option<*mut u8> {
    let o = native_of(instance::inst_of(inst)?.base)?;
    // SAFETY: a live native object; a RAW_VTABLE one holds raw state at PAYLOAD.
    unsafe {
        if !core::ptr::eq((*o).vt, &RAW_VTABLE) {
            return None;
        }
        let p = (o as *mut u8).add(PAYLOAD);
        ((*(p as *const RawState)).tag == tag).then_some(p)
    }
}

impl Cx {
    /// Give `inst` (an instance of a class made with [`ClassBuilder`](super::ClassBuilder), or
    /// of any class defined in Python) **raw native state**: `n_slots` Python values (all
    /// `None` at first) that the collector traces, and `data_len` zeroed bytes, 16-byte
    /// aligned, that foreign code owns. `tag` names the kind of state (the C ABI uses the
    /// address of the C type definition): the accessors below only find state with the tag
    /// they are given. `finalise` runs when the state is freed (the instance was collected,
    /// its state replaced, or the interpreter dropped); it must not touch the interpreter.
    ///
    /// The data stays at the same address for as long as the state lives (the heap does not
    /// move), so foreign code may keep a pointer to it while it keeps the instance alive.
    pub fn set_native_raw(
        &mut self,
        inst: Value,
        tag: usize,
        finalise: Option<RawFinalise>,
        n_slots: usize,
        data_len: usize,
    ) -> PyResult<()> {
        if instance::inst_of(inst).is_none() {
            return Err(self.type_error("not an instance of a native class"));
        }
        let size = raw_data_offset(n_slots)
            .and_then(|d| d.checked_add(data_len))
            .and_then(|n| n.checked_add(PAYLOAD));
        let Some(size) = size else {
            return Err(self.raise_memory_error(usize::MAX));
        };
        let mark = self.roots_mark();
        self.root(inst)?;
        let p = self.alloc_raw(size, AllocKind::ObjectWithFinaliser);
        self.roots_truncate(mark);
        let p = p?.as_ptr();
        // SAFETY: a fresh zeroed 16-aligned block of `size` bytes: room for the header, the
        // raw state header, the slots and the data (offsets checked above).
        unsafe {
            let o = p as *mut NativeObj;
            core::ptr::addr_of_mut!((*o).header).write(ObjHeader {
                ty: &NATIVE_PAYLOAD_TYPE,
            });
            core::ptr::addr_of_mut!((*o).class).write(&EMBED_CLASS);
            core::ptr::addr_of_mut!((*o).vt).write(&RAW_VTABLE);
            core::ptr::addr_of_mut!((*o).name).write(Value::NULL);
            let st = p.add(PAYLOAD);
            core::ptr::write(
                st as *mut RawState,
                RawState {
                    tag,
                    finalise,
                    n_slots,
                    data_len,
                },
            );
            let slots = raw_slots(st);
            for i in 0..n_slots {
                *slots.add(i) = Value::NONE;
            }
        }
        let p = Value::from_ptr(p);
        crate::gc::write_barrier(self, p);
        if let Some(i) = instance::inst_of(inst) {
            i.base = p;
        }
        Ok(())
    }

    /// The data of the raw state tagged `tag` of `inst`: its address and length (see
    /// [`set_native_raw`](Self::set_native_raw)); `None` when `inst` has no such state.
    pub fn native_raw_data(&self, inst: Value, tag: usize) -> Option<(NonNull<u8>, usize)> {
        let p = raw_of(inst, tag)?;
        // SAFETY: live raw state; its data offset was checked when it was made.
        unsafe {
            let st = &*(p as *const RawState);
            let off = raw_data_offset(st.n_slots)?;
            Some((NonNull::new(p.add(off))?, st.data_len))
        }
    }

    /// Slot `i` of the raw state tagged `tag` of `inst` (`None` without such state or slot).
    pub fn native_raw_slot(&self, inst: Value, tag: usize, i: usize) -> Option<Value> {
        let p = raw_of(inst, tag)?;
        // SAFETY: live raw state with n_slots slots; i is checked against it.
        unsafe {
            let st = &*(p as *const RawState);
            (i < st.n_slots).then(|| *raw_slots(p).add(i))
        }
    }

    /// Store `v` in slot `i` of the raw state tagged `tag` of `inst`; `false` without such
    /// state or slot.
    pub fn set_native_raw_slot(&mut self, inst: Value, tag: usize, i: usize, v: Value) -> bool {
        let Some(p) = raw_of(inst, tag) else {
            return false;
        };
        // SAFETY: live raw state with n_slots slots; i is checked against it.
        unsafe {
            if i >= (*(p as *const RawState)).n_slots {
                return false;
            }
            crate::gc::write_barrier(self, v);
            *raw_slots(p).add(i) = if v.is_null() { Value::NONE } else { v };
        }
        true
    }
}
