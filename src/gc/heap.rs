//! The heap region: 16-byte blocks with one metadata byte each.
//!
//! An interpreter owns one contiguous region. Its start holds the metadata table (one byte per
//! block, like MicroPython's allocation table but with room for the mark and kind bits), the
//! rest is the pool of blocks. Every allocation is a run of blocks: a HEAD followed by TAILs.
//! A pointer is a heap pointer exactly when it lies in the pool, so "is this ours" is a range
//! check, and static objects (types, builtin functions, constant strings) are never touched.
//!
//! All mutation goes through raw pointers and `Cell`s so that the heap can be used through a
//! shared reference: the temporary allocator (`TempAlloc`) and the collector both hold `&Heap`
//! while the interpreter is borrowed elsewhere. The heap is single-threaded (`!Sync`).

use core::cell::Cell;
use core::ptr::NonNull;

/// Bytes per block. MicroPython uses 16 on 32-bit targets; we use 16 everywhere.
pub const BLOCK: usize = 16;

/// Metadata bits.
pub(crate) mod meta {
    /// Mask of the allocation state.
    pub const STATE: u8 = 0b11;
    /// A free block.
    pub const FREE: u8 = 0;
    /// The first block of an allocation.
    pub const HEAD: u8 = 1;
    /// A following block of an allocation.
    pub const TAIL: u8 = 2;
    /// Reached in the current collection.
    pub const MARK: u8 = 1 << 2;
    /// The allocation is an object (its first word is an `ObjHeader`), not a raw buffer.
    pub const OBJ: u8 = 1 << 3;
    /// The object has a finaliser to run before it is freed.
    pub const FIN: u8 = 1 << 4;
    /// Manually managed (temporary allocator): never swept, never traced.
    pub const PINNED: u8 = 1 << 5;
    /// Allocated during an incremental cycle after its marking started (treated as live).
    pub const NEW: u8 = 1 << 6;
}

/// What kind of allocation to make.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AllocKind {
    /// An object: its first word is an `ObjHeader`; traced by its type.
    Object,
    /// An object with a finaliser.
    ObjectWithFinaliser,
    /// A raw buffer owned by one object, traced by its owner.
    Buffer,
    /// Manually freed temporary memory; never collected.
    Pinned,
}

/// The heap: a metadata table and a pool of blocks inside one region.
pub struct Heap {
    meta: *mut u8,
    pool: *mut u8,
    n_blocks: usize,
    /// Where the next search for free blocks starts.
    last_free: Cell<usize>,
    used_blocks: Cell<usize>,
    /// The most blocks ever in use at once.
    high_water: Cell<usize>,
    /// `micropython.heap_lock()` depth: allocation fails while it is non-zero.
    lock_depth: Cell<u32>,
    /// Blocks allocated since the last collection (drives the collection threshold).
    allocated_since_gc: Cell<usize>,
    /// New allocations are born marked (set by the incremental collector during a cycle).
    pub(crate) alloc_black: Cell<bool>,
    /// Fault injection ([`Heap::inject_failures`]): allocations to let through, then how
    /// many to refuse.
    fail_after: Cell<usize>,
    fail_count: Cell<usize>,
}

impl Heap {
    /// Lay a heap out over `region`. Returns `None` if the region is too small to hold anything.
    ///
    /// # Safety
    /// `region` must be valid for reads and writes for `len` bytes for as long as the heap and
    /// every pointer it hands out are used, and nothing else may access it meanwhile.
    pub unsafe fn new(region: *mut u8, len: usize) -> Option<Heap> {
        let align = (region as usize).wrapping_neg() % BLOCK;
        let usable = len.checked_sub(align)?;
        // n metadata bytes + n * BLOCK pool bytes, the pool aligned to BLOCK.
        let mut n_blocks = usable / (BLOCK + 1);
        loop {
            if n_blocks == 0 {
                return None;
            }
            let meta_len = n_blocks.div_ceil(BLOCK) * BLOCK;
            if meta_len + n_blocks * BLOCK <= usable {
                break;
            }
            n_blocks -= 1;
        }
        let meta_len = n_blocks.div_ceil(BLOCK) * BLOCK;
        // SAFETY: align + meta_len + n_blocks * BLOCK <= len, checked above.
        let meta = unsafe { region.add(align) };
        // SAFETY: as above.
        let pool = unsafe { meta.add(meta_len) };
        // SAFETY: the metadata table lies inside the region.
        unsafe { core::ptr::write_bytes(meta, 0, n_blocks) };
        Some(Heap {
            meta,
            pool,
            n_blocks,
            last_free: Cell::new(0),
            used_blocks: Cell::new(0),
            high_water: Cell::new(0),
            lock_depth: Cell::new(0),
            allocated_since_gc: Cell::new(0),
            alloc_black: Cell::new(false),
            fail_after: Cell::new(0),
            fail_count: Cell::new(0),
        })
    }

    /// Number of blocks in the pool.
    pub fn n_blocks(&self) -> usize {
        self.n_blocks
    }

    /// Bytes in use (what `gc.mem_alloc()` reports).
    pub fn bytes_used(&self) -> usize {
        self.used_blocks.get() * BLOCK
    }

    /// Bytes free (what `gc.mem_free()` reports).
    pub fn bytes_free(&self) -> usize {
        (self.n_blocks - self.used_blocks.get()) * BLOCK
    }

    /// The most bytes ever in use at once.
    pub fn high_water_bytes(&self) -> usize {
        self.high_water.get() * BLOCK
    }

    /// Blocks allocated since the last collection.
    pub fn allocated_since_gc(&self) -> usize {
        self.allocated_since_gc.get()
    }

    pub(crate) fn reset_allocated_since_gc(&self) {
        self.allocated_since_gc.set(0);
    }

    /// The size of the largest run of free blocks, in bytes.
    pub fn largest_free_bytes(&self) -> usize {
        let (mut best, mut run) = (0, 0);
        for i in 0..self.n_blocks {
            if self.meta(i) & meta::STATE == meta::FREE {
                run += 1;
                best = best.max(run);
            } else {
                run = 0;
            }
        }
        best * BLOCK
    }

    /// Lock or unlock allocation (`micropython.heap_lock`). Returns the new depth.
    pub fn lock(&self, lock: bool) -> u32 {
        let d = self.lock_depth.get();
        let d = if lock {
            d.saturating_add(1)
        } else {
            d.saturating_sub(1)
        };
        self.lock_depth.set(d);
        d
    }

    /// Whether allocation is locked.
    pub fn is_locked(&self) -> bool {
        self.lock_depth.get() > 0
    }

    /// Fault injection for tests: let `after` more allocations through, then refuse the next
    /// `count` (the interpreter collects and retries once before raising MemoryError, so 2
    /// fails one allocation site; `usize::MAX` fails everything from then on).
    pub fn inject_failures(&self, after: usize, count: usize) {
        self.fail_after.set(after);
        self.fail_count.set(count);
    }

    /// Injected failures not yet used up (0 when none were injected or all happened).
    pub fn injected_failures_left(&self) -> usize {
        self.fail_count.get()
    }

    /// Whether an injected failure refuses this allocation.
    #[inline]
    fn injected_failure(&self) -> bool {
        if self.fail_count.get() == 0 {
            return false;
        }
        match self.fail_after.get() {
            0 => {
                self.fail_count.set(self.fail_count.get() - 1);
                true
            }
            n => {
                self.fail_after.set(n - 1);
                false
            }
        }
    }

    #[inline]
    pub(crate) fn meta(&self, i: usize) -> u8 {
        debug_assert!(i < self.n_blocks);
        // SAFETY: i < n_blocks and the table has n_blocks bytes.
        unsafe { *self.meta.add(i) }
    }

    #[inline]
    pub(crate) fn set_meta(&self, i: usize, m: u8) {
        debug_assert!(i < self.n_blocks);
        // SAFETY: i < n_blocks and the table has n_blocks bytes.
        unsafe { *self.meta.add(i) = m }
    }

    /// The block index of a pointer into the pool, if it is one.
    #[inline]
    pub fn block_of(&self, p: *const u8) -> Option<usize> {
        let off = (p as usize).wrapping_sub(self.pool as usize);
        if off < self.n_blocks * BLOCK {
            Some(off / BLOCK)
        } else {
            None
        }
    }

    /// The block index of the start of an allocation, if `p` is exactly one.
    #[inline]
    pub fn head_of(&self, p: *const u8) -> Option<usize> {
        let off = (p as usize).wrapping_sub(self.pool as usize);
        if off < self.n_blocks * BLOCK && off.is_multiple_of(BLOCK) {
            let i = off / BLOCK;
            if self.meta(i) & meta::STATE == meta::HEAD {
                return Some(i);
            }
        }
        None
    }

    /// The address of block `i`.
    #[inline]
    pub(crate) fn block_ptr(&self, i: usize) -> *mut u8 {
        // SAFETY: callers pass i <= n_blocks, which stays inside (or one past) the pool.
        unsafe { self.pool.add(i * BLOCK) }
    }

    /// The number of blocks in the allocation starting at head block `i`.
    pub(crate) fn alloc_blocks(&self, i: usize) -> usize {
        let mut n = 1;
        while i + n < self.n_blocks && self.meta(i + n) & meta::STATE == meta::TAIL {
            n += 1;
        }
        n
    }

    /// The usable size in bytes of the allocation at `p` (a head pointer).
    pub fn alloc_size(&self, p: *const u8) -> usize {
        match self.head_of(p) {
            Some(i) => self.alloc_blocks(i) * BLOCK,
            None => 0,
        }
    }

    /// Allocate `size` bytes, zeroed, aligned to 16. Returns `None` when no run of free blocks
    /// is large enough (the caller may collect and retry) or the heap is locked.
    pub fn alloc(&self, size: usize, kind: AllocKind) -> Option<NonNull<u8>> {
        if self.is_locked() || self.injected_failure() {
            return None;
        }
        let n = size.max(1).div_ceil(BLOCK);
        let start = self
            .find_free(n, self.last_free.get())
            .or_else(|| self.find_free(n, 0))?;
        let flags = match kind {
            AllocKind::Object => meta::OBJ,
            AllocKind::ObjectWithFinaliser => meta::OBJ | meta::FIN,
            AllocKind::Buffer => 0,
            AllocKind::Pinned => meta::PINNED,
        };
        self.set_meta(start, meta::HEAD | flags | self.new_flag());
        for j in 1..n {
            self.set_meta(start + j, meta::TAIL);
        }
        if n == 1 {
            self.last_free.set(start + 1);
        } else if start == self.last_free.get() {
            self.last_free.set(start + n);
        }
        let used = self.used_blocks.get() + n;
        self.used_blocks.set(used);
        if used > self.high_water.get() {
            self.high_water.set(used);
        }
        self.allocated_since_gc
            .set(self.allocated_since_gc.get() + n);
        let p = self.block_ptr(start);
        // SAFETY: blocks start..start+n are inside the pool and now belong to this allocation.
        unsafe { core::ptr::write_bytes(p, 0, n * BLOCK) };
        NonNull::new(p)
    }

    /// The flag newly allocated objects get (set by the incremental collector during a cycle).
    #[inline]
    fn new_flag(&self) -> u8 {
        if self.alloc_black.get() {
            meta::NEW
        } else {
            0
        }
    }

    fn find_free(&self, n: usize, from: usize) -> Option<usize> {
        let mut i = from;
        while i + n <= self.n_blocks {
            // Find a free block.
            if self.meta(i) & meta::STATE != meta::FREE {
                i += 1;
                continue;
            }
            // Check the run.
            let mut j = 1;
            while j < n && self.meta(i + j) & meta::STATE == meta::FREE {
                j += 1;
            }
            if j == n {
                return Some(i);
            }
            i += j + 1;
        }
        None
    }

    /// Free the allocation at `p`. Pointers that are not the head of a live allocation are
    /// ignored (double frees cannot corrupt the heap).
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    pub fn free(&self, p: *mut u8) {
        let Some(i) = self.head_of(p) else { return };
        let n = self.alloc_blocks(i);
        self.free_run(i, n);
    }

    pub(crate) fn free_run(&self, i: usize, n: usize) {
        for j in 0..n {
            self.set_meta(i + j, meta::FREE);
        }
        #[cfg(feature = "gc-stress")]
        // SAFETY: blocks i..i+n are inside the pool and no longer allocated.
        unsafe {
            core::ptr::write_bytes(self.block_ptr(i), 0xa5, n * BLOCK)
        };
        self.used_blocks
            .set(self.used_blocks.get().saturating_sub(n));
        if i < self.last_free.get() {
            self.last_free.set(i);
        }
    }

    /// Grow or shrink the allocation at `p` to `size` bytes, in place when the following blocks
    /// are free, else by moving it. New bytes are zeroed. Returns `None` (leaving `p` untouched)
    /// when there is no room.
    // `p` is validated against the heap's own tables (`head_of`) before any access.
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    pub fn realloc(&self, p: *mut u8, size: usize) -> Option<NonNull<u8>> {
        let i = self.head_of(p)?;
        let have = self.alloc_blocks(i);
        let want = size.max(1).div_ceil(BLOCK);
        if want <= have {
            if want < have {
                self.free_run(i + want, have - want);
            }
            return NonNull::new(p);
        }
        if self.is_locked() || self.injected_failure() {
            return None;
        }
        // Try to extend in place.
        let extra = want - have;
        if i + want <= self.n_blocks
            && (i + have..i + want).all(|j| self.meta(j) & meta::STATE == meta::FREE)
        {
            for j in i + have..i + want {
                self.set_meta(j, meta::TAIL);
            }
            let used = self.used_blocks.get() + extra;
            self.used_blocks.set(used);
            self.high_water.set(self.high_water.get().max(used));
            self.allocated_since_gc
                .set(self.allocated_since_gc.get() + extra);
            // SAFETY: the new tail blocks are inside the pool and belong to this allocation.
            unsafe { core::ptr::write_bytes(self.block_ptr(i + have), 0, extra * BLOCK) };
            return NonNull::new(p);
        }
        let head_flags = self.meta(i) & !(meta::STATE | meta::MARK);
        let kind = if head_flags & meta::PINNED != 0 {
            AllocKind::Pinned
        } else if head_flags & meta::OBJ != 0 {
            AllocKind::Object
        } else {
            AllocKind::Buffer
        };
        let q = self.alloc(size, kind)?;
        // Keep the mark state, so that a buffer moved during an incremental cycle stays live.
        let qi = self.head_of(q.as_ptr())?;
        self.set_meta(
            qi,
            self.meta(qi) | (self.meta(i) & (meta::MARK | meta::FIN)),
        );
        // SAFETY: both allocations are live, distinct, and at least have*BLOCK bytes long.
        unsafe { core::ptr::copy_nonoverlapping(p, q.as_ptr(), have * BLOCK) };
        self.free_run(i, have);
        Some(q)
    }
}

/// An `allocator_api2` allocator over the heap's pinned blocks, for temporary Rust data (the
/// compiler's tables, string builders). Memory from it is never collected and never traced.
///
/// It holds a raw pointer to the heap so that it does not borrow the interpreter; it is only
/// created by the interpreter for work that finishes before the interpreter is dropped.
#[derive(Clone, Copy)]
pub struct TempAlloc {
    heap: NonNull<Heap>,
}

impl TempAlloc {
    /// An allocator over `heap`.
    ///
    /// # Safety
    /// The heap must outlive every allocation made through the result and every copy of it.
    pub(crate) unsafe fn new(heap: &Heap) -> TempAlloc {
        TempAlloc {
            heap: NonNull::from(heap),
        }
    }

    fn heap(&self) -> &Heap {
        // SAFETY: `new`'s contract: the heap outlives this allocator.
        unsafe { self.heap.as_ref() }
    }
}

// SAFETY: blocks returned are valid for `layout.size()` bytes, 16-byte aligned (alignments above
// 16 are refused), and stay valid until `deallocate`; `grow`/`shrink` use `realloc`, which keeps
// the contents.
unsafe impl allocator_api2::alloc::Allocator for TempAlloc {
    fn allocate(
        &self,
        layout: core::alloc::Layout,
    ) -> Result<NonNull<[u8]>, allocator_api2::alloc::AllocError> {
        if layout.align() > BLOCK {
            return Err(allocator_api2::alloc::AllocError);
        }
        let p = self
            .heap()
            .alloc(layout.size(), AllocKind::Pinned)
            .ok_or(allocator_api2::alloc::AllocError)?;
        Ok(NonNull::slice_from_raw_parts(p, layout.size()))
    }

    unsafe fn deallocate(&self, ptr: NonNull<u8>, _layout: core::alloc::Layout) {
        self.heap().free(ptr.as_ptr());
    }

    unsafe fn grow(
        &self,
        ptr: NonNull<u8>,
        _old: core::alloc::Layout,
        new: core::alloc::Layout,
    ) -> Result<NonNull<[u8]>, allocator_api2::alloc::AllocError> {
        if new.align() > BLOCK {
            return Err(allocator_api2::alloc::AllocError);
        }
        let p = self
            .heap()
            .realloc(ptr.as_ptr(), new.size())
            .ok_or(allocator_api2::alloc::AllocError)?;
        Ok(NonNull::slice_from_raw_parts(p, new.size()))
    }

    unsafe fn shrink(
        &self,
        ptr: NonNull<u8>,
        _old: core::alloc::Layout,
        new: core::alloc::Layout,
    ) -> Result<NonNull<[u8]>, allocator_api2::alloc::AllocError> {
        let p = self
            .heap()
            .realloc(ptr.as_ptr(), new.size())
            .ok_or(allocator_api2::alloc::AllocError)?;
        Ok(NonNull::slice_from_raw_parts(p, new.size()))
    }
}
