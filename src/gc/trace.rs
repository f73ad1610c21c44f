//! How to find the values inside each kind of object, and the roots of an interpreter.

use crate::obj::bytes::{ByteArrayObj, MemoryViewObj};
use crate::obj::code::{CodeObj, ModuleCtxObj};
use crate::obj::exception::ExceptionObj;
use crate::obj::func::{BoundMethodObj, CellObj, DescrObj, FunctionObj};
use crate::obj::gen::GenObj;
use crate::obj::instance::InstanceObj;
use crate::obj::iter::IterObj;
use crate::obj::list::ListObj;
use crate::obj::module::ModuleObj;
use crate::obj::slice::SliceObj;
use crate::obj::table::Table;
use crate::obj::tuple::TupleObj;
use crate::obj::{Kind, ObjHeader, TypeObj};
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::Cx;

/// What the collector calls for each value, object and buffer an object holds. The marker of
/// either collector implements it, and so does the gc-stress verifier; a native object's
/// `trace` hook receives one.
pub trait Tracer {
    /// A value held by the object being traced.
    fn value(&mut self, v: Value);
    /// An object pointer held by the object being traced (heap or static).
    fn object(&mut self, p: *const u8);
    /// A raw buffer owned by the object being traced (its contents are the owner's business).
    fn buffer(&mut self, p: *const u8);
}

fn values<T: Tracer>(m: &mut T, p: *const Value, n: usize) {
    for i in 0..n {
        // SAFETY: callers pass buffers holding n values.
        m.value(unsafe { *p.add(i) });
    }
}

/// Trace `len` values at `p` from index `from`, at most `chunk` of them. Returns where to
/// resume, if values are left.
fn values_chunk<T: Tracer>(
    m: &mut T,
    p: *const Value,
    len: usize,
    from: usize,
    chunk: usize,
) -> Option<usize> {
    if from >= len {
        return None;
    }
    let end = len.min(from.saturating_add(chunk));
    for i in from..end {
        // SAFETY: i < len, the number of values the buffer holds.
        m.value(unsafe { *p.add(i) });
    }
    (end < len).then_some(end)
}

/// Trace a table's entries from entry `from`, at most `chunk / 2` of them.
fn table<T: Tracer>(m: &mut T, t: &Table, from: usize, chunk: usize) -> Option<usize> {
    if t.entries.is_null() {
        return None;
    }
    m.buffer(t.entries as *const u8);
    let es = t.entries();
    if from >= es.len() {
        return None;
    }
    let end = es.len().min(from.saturating_add((chunk / 2).max(1)));
    for e in &es[from..end] {
        m.value(e.key);
        m.value(e.value);
    }
    (end < es.len()).then_some(end)
}

/// Trace a frame's values (and its buffer when it lives in the heap).
pub(crate) fn frame<T: Tracer>(m: &mut T, f: *mut Frame) {
    // SAFETY: callers pass live frames.
    let fr = unsafe { &mut *f };
    fr.for_each_value(|v| m.value(v));
}

/// Trace the object at `p` (an allocation marked as an object), starting at value offset
/// `from` for the kinds traced in chunks (lists, tuples, dicts and sets) and tracing at most
/// `chunk` values of their arrays. Returns the offset to resume at when values are left.
/// The fixed fields are traced with the first chunk (`from == 0`).
pub(crate) fn trace_object<T: Tracer>(
    m: &mut T,
    p: *mut u8,
    from: usize,
    chunk: usize,
) -> Option<usize> {
    // SAFETY: p is the start of a live object allocation, whose first word is its header with
    // a valid type pointer; the kind names the layout, so each cast below matches the object.
    unsafe {
        let ty = (*(p as *const ObjHeader)).ty;
        if from == 0 {
            m.object(ty as *const u8);
        }
        let kind = (*ty).kind;
        match kind {
            Kind::Tuple => {
                let t = &*(p as *const TupleObj);
                return values_chunk(m, t.items().as_ptr(), t.len, from, chunk);
            }
            Kind::List => {
                let l = &*(p as *const ListObj);
                if l.items.is_null() {
                    return None;
                }
                m.buffer(l.items as *const u8);
                return values_chunk(m, l.items, l.len, from, chunk);
            }
            Kind::Dict | Kind::Set | Kind::FrozenSet => {
                let t = &*(p.add(core::mem::size_of::<ObjHeader>()) as *const Table);
                return table(m, t, from, chunk);
            }
            _ => {}
        }
        if from != 0 {
            return None;
        }
        // The fixed fields of every other kind.
        match kind {
            Kind::Type => {
                let t = &*(p as *const TypeObj);
                m.object(t.name as *const u8);
                m.object(t.base as *const u8);
                m.object(t.native_base as *const u8);
                m.value(t.dict);
                m.value(t.bases);
                m.value(t.mro);
            }
            Kind::ByteArray => {
                let b = &*(p as *const ByteArrayObj);
                m.buffer(b.data);
            }
            Kind::MemoryView => m.value((*(p as *const MemoryViewObj)).obj),
            Kind::Range => m.value((*(p as *const crate::obj::range::RangeObj)).big),
            Kind::Slice => {
                let s = &*(p as *const SliceObj);
                m.value(s.start);
                m.value(s.stop);
                m.value(s.step);
            }
            Kind::Function => {
                let f = &*(p as *const FunctionObj);
                m.value(f.code);
                m.value(f.globals);
                m.value(f.defaults);
                m.value(f.kwdefaults);
                m.value(f.closure);
            }
            Kind::BoundMethod => {
                let b = &*(p as *const BoundMethodObj);
                m.value(b.func);
                m.value(b.self_);
            }
            Kind::Cell => m.value((*(p as *const CellObj)).value),
            Kind::Module => m.value((*(p as *const ModuleObj)).dict),
            Kind::Instance => {
                let i = &*(p as *const InstanceObj);
                m.value(i.dict);
                m.value(i.base);
            }
            Kind::Exception => {
                let e = &*(p as *const ExceptionObj);
                m.value(e.args);
                m.value(e.dict);
                m.value(e.cause);
                m.value(e.context);
                if !e.tb.is_null() {
                    m.buffer(e.tb as *const u8);
                    values(m, e.tb, e.tb_len as usize);
                }
            }
            Kind::Generator => {
                let g = &*(p as *const GenObj);
                m.value(g.name);
                if !g.frame.is_null() {
                    m.buffer(g.frame as *const u8);
                    frame(m, g.frame);
                }
            }
            Kind::Property | Kind::ClassMethod | Kind::StaticMethod | Kind::Super => {
                let d = &*(p as *const DescrObj);
                m.value(d.a);
                m.value(d.b);
                m.value(d.c);
                m.value(d.d);
            }
            Kind::Iter => {
                let it = &*(p as *const IterObj);
                m.value(it.a);
                m.value(it.b);
            }
            Kind::Code => {
                let c = &*(p as *const CodeObj);
                m.value(c.ctx);
                m.value(c.children);
                m.value(c.name);
            }
            Kind::ModuleCtx => {
                let c = &*(p as *const ModuleCtxObj);
                m.value(c.qstrs);
                m.value(c.consts);
                m.buffer(c.image);
            }
            Kind::Native => crate::obj::native::trace(m, p),
            Kind::Stream => m.value((*(p as *const crate::modules::io::IoObj)).buf),
            Kind::Tuple | Kind::List | Kind::Dict | Kind::Set | Kind::FrozenSet => {}
            Kind::Immediate
            | Kind::Object
            | Kind::Str
            | Kind::Bytes
            | Kind::Int
            | Kind::Float
            | Kind::Complex
            | Kind::NativeFn => {}
        }
    }
    None
}

/// Run the finaliser of an object about to be freed.
pub(crate) fn finalise(p: *mut u8) {
    // SAFETY: p is a live object allocation with the FIN flag; its header names its type.
    let kind = unsafe { (*(*(p as *const ObjHeader)).ty).kind };
    if kind == Kind::Native {
        crate::obj::native::finalise(p);
    } else if kind == Kind::Stream {
        crate::modules::io::finalise(p);
    }
}

impl Cx {
    /// Trace every root. `volatile_only` skips the interned-string table, whose stores are
    /// barriered (interning stores a new string or nothing), for the rescan ending a mark.
    pub(crate) fn trace_roots<T: Tracer>(&self, m: &mut T, volatile_only: bool) {
        // Frames: walk the chain from the running frame. Native re-entries and generator
        // resumptions link their frames above the frame that started them, so the chain
        // holds every live frame.
        let mut f = self.frames.cur;
        while !f.is_null() {
            // SAFETY: f is a live frame.
            if unsafe { (*f).flags } & crate::vm::frame::fflags::GENERATOR != 0 {
                m.buffer(f as *const u8);
            }
            frame(m, f);
            // SAFETY: prev links of live frames are live frames or NULL.
            f = unsafe { (*f).prev };
        }
        if !self.roots.buf.is_null() {
            m.buffer(self.roots.buf as *const u8);
            values(m, self.roots.buf, self.roots.len);
        }
        if !self.interned.slots.is_null() {
            m.buffer(self.interned.slots as *const u8);
            if !volatile_only {
                values(m, self.interned.slots, self.interned.cap);
            }
        }
        m.value(self.exc);
        m.value(self.modules);
        m.value(self.main_dict);
        m.value(self.memory_error);
        m.value(self.sys_dict);
        m.value(self.handles);
        m.value(self.builtins_dict);
        self.host.trace(m);
    }
}
