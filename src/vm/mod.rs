//! The virtual machine: the interpreter context, frames, dispatch, calls and exceptions.
//!
//! [`Cx`] is the one handle passed everywhere. Anything that may allocate, collect or run
//! Python takes `&mut Cx`. Errors are `Result<T, Raised>`: the exception object itself waits,
//! rooted, in `Cx::exc`.

pub mod attr;
pub(crate) mod cache;
pub mod call;
pub mod class;
pub mod dispatch;
pub mod dunder;
pub mod frame;
pub mod gen;
pub mod import;
pub mod num;
pub mod ops;
pub mod raise;
pub mod seq;
pub mod stackless;

use core::ptr::NonNull;

use crate::gc::heap::{AllocKind, Heap, TempAlloc};
use crate::hal::Hal;
use crate::obj::{ObjHeader, TypeObj};
use crate::value::Value;
pub use frame::Frame;

/// A Python exception is propagating; the exception is in [`Cx::exc`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raised;

/// The result of anything that can raise.
pub type PyResult<T> = Result<T, Raised>;

/// Settings fixed when an interpreter is created.
#[derive(Clone, Debug)]
pub struct Config {
    /// Most Python frames alive at once before `RuntimeError: maximum recursion depth exceeded`.
    pub max_depth: u32,
    /// Most nested re-entries of the VM from native code (`sorted(key=...)` calling Python
    /// calling `sorted` ...). Each costs Rust stack.
    pub max_reentry: u32,
    /// Bytes of the frame stack (part of the heap region).
    pub frame_stack_bytes: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_depth: 1000,
            max_reentry: 40,
            frame_stack_bytes: 128 * 1024,
        }
    }
}

/// The interpreter context: the heap, the frames, the modules, the pending exception.
pub struct Cx {
    /// The heap region.
    pub(crate) heap: Heap,
    /// Temporary roots: values native code keeps across calls that may collect. The VM
    /// truncates it when a native call returns.
    pub(crate) roots: RootStack,
    /// The exception being raised (valid while a `Raised` propagates), else NULL.
    pub(crate) exc: Value,
    /// `sys.modules`.
    pub(crate) modules: Value,
    /// The `__main__` module's dict.
    pub(crate) main_dict: Value,
    /// The interned-string table.
    pub(crate) interned: crate::obj::str_intern::InternTable,
    /// The frame stack and the current frame.
    pub(crate) frames: frame::FrameStack,
    /// Frames alive (for the recursion limit).
    pub(crate) depth: u32,
    /// Nested VM re-entries from native code.
    pub(crate) reentry: u32,
    /// A MemoryError instance made at start-up, raised when there is no memory for another.
    pub(crate) memory_error: Value,
    /// Objects the interpreter keeps alive for its own use (sys.argv, sys.path, ...).
    pub(crate) sys_dict: Value,
    /// The port.
    pub(crate) hal: NonNull<dyn Hal>,
    /// Settings.
    pub(crate) config: Config,
    /// Automatic collection enabled (`gc.enable()`).
    pub(crate) gc_enabled: bool,
    /// Collect (or start an incremental cycle) when this many blocks were allocated since the
    /// last collection (`usize::MAX`: never on that account; `gc.threshold()`).
    pub(crate) gc_threshold: usize,
    /// Collections run so far.
    pub(crate) gc_count: usize,
    /// A collection is in progress (reentrancy guard).
    pub(crate) in_gc: bool,
    /// Embedder-held roots (handles), a list.
    pub(crate) handles: Value,
    /// Where tracebacks and the REPL print: stdout, or stderr for stdin / -m programs.
    pub(crate) trace_to_stderr: bool,
    /// The builtins namespace (a dict).
    pub(crate) builtins_dict: Value,
    /// Containers being printed (to print `[...]` for self-references).
    pub(crate) repr_stack: [Value; 32],
    /// Entries in use in `repr_stack`.
    pub(crate) repr_depth: u32,
    /// What the embedding adds: fuel, signals, scheduled callbacks, handles, frozen modules.
    pub(crate) host: crate::embed::host::Host,
    /// The type-lookup cache (the `vm-fast` profile; empty otherwise).
    pub(crate) lookup_cache: cache::LookupCache,
}

/// The temporary-root stack (a heap buffer of values).
pub(crate) struct RootStack {
    pub(crate) buf: *mut Value,
    pub(crate) len: usize,
    pub(crate) cap: usize,
}

impl Cx {
    /// The port.
    #[inline]
    pub(crate) fn hal(&mut self) -> &mut dyn Hal {
        // SAFETY: the Interpreter that owns this Cx borrows the Hal for its whole life, so the
        // pointer is valid; &mut self makes this the only access.
        unsafe { self.hal.as_mut() }
    }

    /// An allocator for temporary Rust data in the heap region.
    pub(crate) fn temp_alloc(&self) -> TempAlloc {
        // SAFETY: temporary allocations are made and freed within operations on this Cx, which
        // owns the heap; they never outlive it.
        unsafe { TempAlloc::new(&self.heap) }
    }

    /// Allocate `size` bytes, collecting and retrying once when the heap is full; raise
    /// `MemoryError` when it is still full.
    pub(crate) fn alloc_raw(&mut self, size: usize, kind: AllocKind) -> PyResult<NonNull<u8>> {
        self.gc_before_alloc();
        if let Some(p) = self.heap.alloc(size, kind) {
            return Ok(p);
        }
        if self.gc_after_alloc_failure() {
            if let Some(p) = self.heap.alloc(size, kind) {
                return Ok(p);
            }
        }
        Err(self.raise_memory_error(size))
    }

    /// Allocate an object of type `ty` whose struct `T` is followed by `extra` bytes.
    /// The memory is zeroed and the header set; every other field is zero/NULL.
    pub(crate) fn alloc_obj<T>(&mut self, ty: *const TypeObj, extra: usize) -> PyResult<*mut T> {
        let size = core::mem::size_of::<T>().saturating_add(extra);
        let p = self.alloc_raw(size, AllocKind::Object)?.as_ptr();
        // SAFETY: p is a fresh zeroed allocation of at least size_of::<T>() bytes, 16-aligned;
        // every object struct starts with its ObjHeader.
        unsafe { (*(p as *mut ObjHeader)).ty = ty };
        Ok(p as *mut T)
    }

    /// Allocate a raw buffer of `n` values (zeroed: all NULL), owned and traced by an object.
    pub(crate) fn alloc_values(&mut self, n: usize) -> PyResult<*mut Value> {
        let size = n.saturating_mul(core::mem::size_of::<Value>());
        if size == usize::MAX {
            return Err(self.raise_memory_error(size));
        }
        Ok(self.alloc_raw(size, AllocKind::Buffer)?.as_ptr() as *mut Value)
    }

    /// Allocate a raw byte buffer owned by an object (not traced).
    pub(crate) fn alloc_bytes(&mut self, n: usize) -> PyResult<*mut u8> {
        Ok(self.alloc_raw(n, AllocKind::Buffer)?.as_ptr())
    }

    /// Grow or shrink a buffer, collecting once if needed.
    pub(crate) fn realloc_raw(&mut self, p: *mut u8, size: usize) -> PyResult<*mut u8> {
        if p.is_null() {
            return self.alloc_bytes(size);
        }
        self.gc_before_alloc();
        if let Some(q) = self.heap.realloc(p, size) {
            return Ok(q.as_ptr());
        }
        if self.gc_after_alloc_failure() {
            if let Some(q) = self.heap.realloc(p, size) {
                return Ok(q.as_ptr());
            }
        }
        Err(self.raise_memory_error(size))
    }

    /// Push a temporary root. The VM truncates the root stack when the native call that
    /// pushed it returns; `roots_mark`/`roots_truncate` scope it inside a loop.
    ///
    /// Pushing never collects (growing the stack uses the heap directly), so a run of `root`
    /// calls keeps every value it is given alive. Native code outside the core (raw native
    /// functions, the C ABI) roots its temporaries the same way: see the rooting rule in
    /// HACKING.md.
    pub fn root(&mut self, v: Value) -> PyResult<()> {
        if self.roots.len == self.roots.cap {
            let new_cap = (self.roots.cap * 2).max(32);
            let bytes = new_cap * core::mem::size_of::<Value>();
            let p = if self.roots.buf.is_null() {
                self.heap.alloc(bytes, AllocKind::Buffer)
            } else {
                self.heap.realloc(self.roots.buf as *mut u8, bytes)
            };
            let Some(p) = p else {
                return Err(self.raise_memory_error(bytes));
            };
            self.roots.buf = p.as_ptr() as *mut Value;
            self.roots.cap = new_cap;
        }
        // SAFETY: len < cap after growth; buf holds cap values.
        unsafe { *self.roots.buf.add(self.roots.len) = v };
        self.roots.len += 1;
        Ok(())
    }

    /// The current depth of the root stack.
    #[inline]
    pub fn roots_mark(&self) -> usize {
        self.roots.len
    }

    /// Drop temporary roots above `mark`.
    #[inline]
    pub fn roots_truncate(&mut self, mark: usize) {
        if mark < self.roots.len {
            self.roots.len = mark;
        }
    }

    /// The root at position `i` (`0..roots_mark()`), if there is one. Foreign code names
    /// rooted values by their position (the C ABI's object handles).
    #[inline]
    pub fn root_get(&self, i: usize) -> Option<Value> {
        if i < self.roots.len {
            // SAFETY: i < len <= cap.
            Some(unsafe { *self.roots.buf.add(i) })
        } else {
            None
        }
    }

    /// Replace the root at position `i`.
    #[inline]
    pub(crate) fn root_set(&mut self, i: usize, v: Value) {
        if i < self.roots.len {
            // SAFETY: i < len <= cap.
            unsafe { *self.roots.buf.add(i) = v };
        }
    }

    /// The heap's statistics.
    pub fn heap(&self) -> &Heap {
        &self.heap
    }
}
