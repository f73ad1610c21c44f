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
// The one-block fast path of `alloc` zeroes a block as two words.
const _: () = assert!(BLOCK == 2 * core::mem::size_of::<u64>());

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
    /// Grey: marked but its contents not yet traced (with MARK). Objects are born grey while
    /// the incremental collector marks; the bit also lets the mark stack overflow without
    /// losing work (a scan of the metadata finds the grey objects it could not hold).
    pub const GREY: u8 = 1 << 6;
}

/// Where the collector is in a cycle, as far as the allocator must know: it decides the colour
/// of new allocations (see [`Heap::alloc`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Phase {
    /// No cycle in progress: every head is unmarked.
    Idle,
    /// Marking: new objects are born grey (and queued), new buffers marked.
    Mark,
    /// Sweeping: blocks below the sweep cursor are swept (new allocations there are born
    /// unmarked); blocks at or above it are born marked, so the sweep keeps them.
    Sweep,
}

/// Allocation size classes (in blocks) and their minimum sizes: 1, 2, 3, 4, then ranges
/// growing by halves of powers of two up to 129 and more. (Coarser classes made allocations
/// larger than their class minimum search again and again past holes of the class that were
/// too small for them: big ints of growing size spent most of their time there.)
const N_CLASSES: usize = 15;
const CLASS_MIN: [usize; N_CLASSES] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129];

/// Bit 0 of every byte of a word (metadata scanned eight blocks at a time).
const LOW_BITS: u64 = 0x0101_0101_0101_0101;

/// The most blocks a refill of the bump run looks at (see [`Heap::alloc`]).
const BUMP_MAX: usize = 1024;

#[inline]
fn class_of(n: usize) -> usize {
    match n {
        0..=4 => n.saturating_sub(1),
        5..=6 => 4,
        7..=8 => 5,
        9..=12 => 6,
        13..=16 => 7,
        17..=24 => 8,
        25..=32 => 9,
        33..=48 => 10,
        49..=64 => 11,
        65..=96 => 12,
        97..=128 => 13,
        _ => 14,
    }
}

/// Entries in the grey stack. When it is full, objects stay grey in the metadata and a scan
/// finds them later (see [`Heap::grey_refill`]).
pub(crate) const GREY_CAP: usize = 128;

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
    /// Where searches for free runs start, per size class (see `find_free`).
    hints: [Cell<usize>; N_CLASSES],
    /// Where searches for pinned memory start (see `find_free_top`).
    top_hint: Cell<usize>,
    /// The bump run `bump..bump_end` (empty when equal): blocks known to be free with no free
    /// block below `bump`, so that an allocation of at most its length is first fit at `bump`
    /// without a search (see [`Heap::alloc`]). It is kept empty while the heap is locked or
    /// failures are injected (those allocations take the slow path), and `top_hint` is at or
    /// above its end.
    bump: Cell<usize>,
    bump_end: Cell<usize>,
    used_blocks: Cell<usize>,
    /// The most blocks ever in use at once.
    high_water: Cell<usize>,
    /// `micropython.heap_lock()` depth: allocation fails while it is non-zero.
    lock_depth: Cell<u32>,
    /// Blocks allocated since the last collection (drives the collection threshold).
    allocated_since_gc: Cell<usize>,
    /// Fault injection ([`Heap::inject_failures`]): allocations to let through, then how
    /// many to refuse.
    fail_after: Cell<usize>,
    fail_count: Cell<usize>,
    /// The collector's phase (how new allocations are coloured).
    phase: Cell<Phase>,
    /// During [`Phase::Sweep`], the first block not yet swept.
    sweep_cursor: Cell<usize>,
    /// The grey stack: `block index | resume offset << 32` of objects to trace.
    grey: [Cell<u64>; GREY_CAP],
    grey_len: Cell<usize>,
    /// Every grey object that is not on the stack has a block index at or above this
    /// (`usize::MAX`: there are none).
    grey_rescan: Cell<usize>,
    /// State of the active collector (pacing, statistics).
    pub(crate) gc: crate::gc::GcState,
    /// The emergency reserve (`micropython.alloc_emergency_exception_buf`): a pinned run
    /// released to build an exception when the heap is locked or full, or NULL.
    pub(crate) emergency: Cell<*mut u8>,
    /// Bytes to keep in the emergency reserve (0: none).
    pub(crate) emergency_size: Cell<usize>,
    /// Blocks ever allocated (`micropython.mem_info`'s `total`).
    total_allocated: Cell<usize>,
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
        let heap = Heap {
            meta,
            pool,
            n_blocks,
            hints: [const { Cell::new(0) }; N_CLASSES],
            top_hint: Cell::new(n_blocks),
            bump: Cell::new(0),
            bump_end: Cell::new(0),
            used_blocks: Cell::new(0),
            high_water: Cell::new(0),
            lock_depth: Cell::new(0),
            allocated_since_gc: Cell::new(0),
            fail_after: Cell::new(0),
            fail_count: Cell::new(0),
            phase: Cell::new(Phase::Idle),
            sweep_cursor: Cell::new(0),
            grey: [const { Cell::new(0) }; GREY_CAP],
            grey_len: Cell::new(0),
            grey_rescan: Cell::new(usize::MAX),
            gc: crate::gc::GcState::new(),
            emergency: Cell::new(core::ptr::null_mut()),
            emergency_size: Cell::new(0),
            total_allocated: Cell::new(0),
        };
        <crate::gc::Active as crate::gc::Collector>::init(&heap);
        Some(heap)
    }

    /// The address of the pool (for `mem_info(1)`).
    pub fn pool_addr(&self) -> usize {
        self.pool as usize
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

    /// Blocks free.
    pub fn free_blocks(&self) -> usize {
        self.n_blocks - self.used_blocks.get()
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

    /// Bytes ever allocated (wrapping).
    pub fn total_allocated_bytes(&self) -> usize {
        self.total_allocated.get().wrapping_mul(BLOCK)
    }

    /// The lock depth (`micropython.heap_locked()`).
    pub fn lock_depth(&self) -> u32 {
        self.lock_depth.get()
    }

    pub(crate) fn set_lock_depth(&self, d: u32) {
        self.lock_depth.set(d);
        if d > 0 {
            self.bump_empty();
        }
    }

    /// Empty the bump run (every allocation takes the slow path until a refill).
    fn bump_empty(&self) {
        self.bump_end.set(self.bump.get());
    }

    /// Statistics of the allocation table (`micropython.mem_info`).
    pub fn block_info(&self) -> BlockInfo {
        let mut info = BlockInfo::default();
        let mut i = 0;
        let mut free_run = 0;
        while i < self.n_blocks {
            let m = self.meta(i);
            match m & meta::STATE {
                meta::FREE => {
                    free_run += 1;
                    info.max_free = info.max_free.max(free_run);
                    i += 1;
                }
                meta::HEAD => {
                    free_run = 0;
                    let n = self.alloc_blocks(i);
                    match n {
                        1 => info.one_blocks += 1,
                        2 => info.two_blocks += 1,
                        _ => {}
                    }
                    info.max_block = info.max_block.max(n);
                    i += n;
                }
                _ => {
                    free_run = 0;
                    i += 1;
                }
            }
        }
        info
    }

    /// Visit every allocation: `f(kind, bytes)` where `kind` is the object's kind, or `None`
    /// for a raw buffer (`Some` only for objects); pinned blocks are reported as
    /// `AllocClass::Pinned`. For heap censuses in tests and tools.
    pub fn for_each_allocation(&self, f: &mut dyn FnMut(AllocClass, usize)) {
        let mut i = 0;
        while i < self.n_blocks {
            let m = self.meta(i);
            if m & meta::STATE != meta::HEAD {
                i += 1;
                continue;
            }
            let n = self.alloc_blocks(i);
            let class = if m & meta::PINNED != 0 {
                AllocClass::Pinned
            } else if m & meta::OBJ != 0 {
                // SAFETY: i heads a live object; its header is a type pointer or NULL while
                // it is being built.
                let ty = unsafe { (*(self.block_ptr(i) as *const crate::obj::ObjHeader)).ty };
                if ty.is_null() {
                    AllocClass::Buffer
                } else {
                    // SAFETY: a live object's type is a live type.
                    AllocClass::Object(unsafe { (*ty).kind })
                }
            } else {
                AllocClass::Buffer
            };
            f(class, n * BLOCK);
            i += n;
        }
    }

    /// The character `micropython.mem_info(1)` shows for block `i`: `.` free, `=` tail, `h`
    /// a head, or a letter for the kind of object it starts (as MicroPython does).
    pub(crate) fn block_char(&self, i: usize) -> u8 {
        let m = self.meta(i);
        match m & meta::STATE {
            meta::FREE => b'.',
            meta::TAIL => b'=',
            _ if m & meta::OBJ == 0 => b'h',
            _ => {
                // SAFETY: i is the head of a live object whose header is set (or NULL while
                // being built: checked).
                let ty = unsafe { (*(self.block_ptr(i) as *const crate::obj::ObjHeader)).ty };
                if ty.is_null() {
                    return b'h';
                }
                use crate::obj::Kind;
                // SAFETY: a live object's type is a live type.
                match unsafe { (*ty).kind } {
                    Kind::Tuple => b'T',
                    Kind::List => b'L',
                    Kind::Dict => b'D',
                    Kind::Str | Kind::Bytes => b'S',
                    Kind::ByteArray => b'A',
                    Kind::Float => b'F',
                    Kind::Function => b'B',
                    Kind::Module => b'M',
                    _ => b'h',
                }
            }
        }
    }

    /// Lock or unlock allocation (`micropython.heap_lock`). Returns the new depth.
    pub fn lock(&self, lock: bool) -> u32 {
        let d = self.lock_depth.get();
        let d = if lock {
            d.saturating_add(1)
        } else {
            d.saturating_sub(1)
        };
        self.set_lock_depth(d);
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
        self.bump_empty();
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
        // Most allocations are one block.
        if i + 1 >= self.n_blocks || self.meta(i + 1) & meta::STATE != meta::TAIL {
            return 1;
        }
        let mut j = i + 2;
        // Eight metadata bytes at a time: a byte is a tail when its state bits are 10.
        while j + 8 <= self.n_blocks {
            let t = (self.meta_word(j) & (meta::STATE as u64 * LOW_BITS))
                ^ (meta::TAIL as u64 * LOW_BITS);
            let not_tail = (t | t >> 1) & LOW_BITS;
            if not_tail != 0 {
                return j - i + not_tail.trailing_zeros() as usize / 8;
            }
            j += 8;
        }
        while j < self.n_blocks && self.meta(j) & meta::STATE == meta::TAIL {
            j += 1;
        }
        j - i
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
    ///
    /// Placement is first fit (pinned memory: last fit, see `find_free_top`). Most
    /// allocations are small and come one after another into the free space a sweep left,
    /// so the heap keeps a bump run: free blocks `bump..bump_end` with no free block below
    /// them. An allocation that fits there is the first fit at `bump`, found without a
    /// search; the run is refilled by the one-block allocations that miss it (the lowest free
    /// block is then known) and emptied by any free below it.
    #[inline]
    pub fn alloc(&self, size: usize, kind: AllocKind) -> Option<NonNull<u8>> {
        let n = size.max(1).div_ceil(BLOCK);
        if kind != AllocKind::Pinned {
            if let Some(p) = self.bump_take(n, kind) {
                return Some(p);
            }
        }
        self.alloc_slow(n, kind)
    }

    /// `n` blocks (not pinned) from the bump run, if they fit and allocation is allowed.
    #[inline(always)]
    fn bump_take(&self, n: usize, kind: AllocKind) -> Option<NonNull<u8>> {
        let s = self.bump.get();
        if self.bump_end.get() - s < n {
            return None;
        }
        self.bump.set(s + n);
        Some(self.take(s, n, kind, true))
    }

    /// The allocation fast path alone, inlined into the hottest allocation sites (floats): an
    /// object or buffer of `n` blocks from the bump run, when no collector work is due (the
    /// poll `Cx::alloc_raw` makes first would do nothing). `None` otherwise: the caller then
    /// allocates the ordinary way.
    #[inline(always)]
    pub(crate) fn alloc_bump(&self, n: usize, kind: AllocKind) -> Option<NonNull<u8>> {
        // gc-stress collects at every allocation: always the ordinary way.
        if cfg!(feature = "gc-stress")
            || kind == AllocKind::Pinned
            || self.allocated_since_gc.get() >= self.gc.poll_at.get()
        {
            return None;
        }
        self.bump_take(n, kind)
    }

    /// `alloc` without a fitting bump run: search the metadata.
    #[inline(never)]
    fn alloc_slow(&self, n: usize, kind: AllocKind) -> Option<NonNull<u8>> {
        self.alloc_search(n, kind, true)
    }

    /// Temporary memory (`TempAlloc`) of `size` bytes, pinned and not zeroed beyond its first
    /// four blocks: its users (vectors of limbs or bytes) write before they read, and zeroing
    /// big-int scratch space was a fifth of a big-int benchmark's time.
    pub(crate) fn alloc_scratch(&self, size: usize) -> Option<NonNull<u8>> {
        self.alloc_search(size.max(1).div_ceil(BLOCK), AllocKind::Pinned, false)
    }

    #[inline(always)]
    fn alloc_search(&self, n: usize, kind: AllocKind, zero: bool) -> Option<NonNull<u8>> {
        // A locked heap refuses objects and buffers; temporary scratch memory (the text `print`
        // builds, freed before it returns) is still allowed, as MicroPython prints while
        // locked without allocating.
        if (self.is_locked() && kind != AllocKind::Pinned) || self.injected_failure() {
            return None;
        }
        let start = if kind == AllocKind::Pinned {
            let (start, clean) = self.find_free_top(n)?;
            self.after_alloc_top(start, clean);
            self.bump_taken(start, start + n);
            start
        } else {
            // No block below the bump run is free: no search needs to start lower.
            let c = class_of(n);
            if self.hints[c].get() < self.bump.get() {
                self.hints[c].set(self.bump.get());
            }
            let (start, first_long) = self.find_free(n)?;
            self.after_alloc(start, n, first_long);
            if n == 1 && self.fail_count.get() == 0 {
                // `start` was the lowest free block: the run above it is the new bump run.
                // The top hint moves past it (any free block at or above the run's end is in
                // the run that holds it, which starts there), so that allocations from the
                // run need not move it.
                let b = start + 1;
                let e = b + self.free_len(b, BUMP_MAX);
                self.bump.set(b);
                self.bump_end.set(e);
                if self.top_hint.get() < e {
                    self.top_hint.set(e);
                }
            } else {
                self.bump_taken(start, start + n);
            }
            start
        };
        Some(self.take(start, n, kind, zero))
    }

    /// Blocks `a..b` were just allocated outside the bump run's bookkeeping: keep the run's
    /// blocks free (and none free below it).
    #[inline]
    fn bump_taken(&self, a: usize, b: usize) {
        let (s, e) = (self.bump.get(), self.bump_end.get());
        if a >= e || b <= s {
            return;
        }
        if a <= s {
            // The blocks s..b are taken, below them nothing was free.
            self.bump.set(b.min(e));
        } else {
            self.bump_end.set(a);
        }
    }

    /// Make blocks `start..start + n` (free, found by a search or the bump run) an allocation
    /// of `kind`: metadata, colour, counters, zeroed contents.
    #[inline(always)]
    fn take(&self, start: usize, n: usize, kind: AllocKind, zero: bool) -> NonNull<u8> {
        let flags = match kind {
            AllocKind::Object => meta::OBJ,
            AllocKind::ObjectWithFinaliser => meta::OBJ | meta::FIN,
            AllocKind::Buffer => 0,
            AllocKind::Pinned => meta::PINNED,
        };
        let used = self.used_blocks.get() + n;
        self.used_blocks.set(used);
        if used > self.high_water.get() {
            self.high_water.set(used);
        }
        self.allocated_since_gc
            .set(self.allocated_since_gc.get() + n);
        self.total_allocated
            .set(self.total_allocated.get().wrapping_add(n));
        let colour = self.birth_colour(start, flags);
        self.set_meta(start, meta::HEAD | flags | colour);
        if colour & meta::GREY != 0 {
            self.grey_push(start, 0);
        }
        let p = self.block_ptr(start);
        // Small allocations (floats, small tuples, bound methods, iterators: one to four
        // blocks) are zeroed with a few stores, not a call to memset (written out case by
        // case: a loop would become one).
        match n {
            1 => {
                // SAFETY: block `start` is inside the pool, 16-byte aligned, and now belongs
                // to this allocation.
                unsafe { (p as *mut [u64; 2]).write([0; 2]) };
            }
            2 => {
                self.set_meta(start + 1, meta::TAIL);
                // SAFETY: blocks start..start+2 are inside the pool, 16-byte aligned, and now
                // belong to this allocation.
                unsafe { (p as *mut [u64; 4]).write([0; 4]) };
            }
            3 => {
                self.set_meta(start + 1, meta::TAIL);
                self.set_meta(start + 2, meta::TAIL);
                // SAFETY: as above, three blocks.
                unsafe { (p as *mut [u64; 6]).write([0; 6]) };
            }
            4 => {
                self.set_meta(start + 1, meta::TAIL);
                self.set_meta(start + 2, meta::TAIL);
                self.set_meta(start + 3, meta::TAIL);
                // SAFETY: as above, four blocks.
                unsafe { (p as *mut [u64; 8]).write([0; 8]) };
            }
            _ => {
                // SAFETY: the metadata of blocks start+1..start+n lies inside the table.
                unsafe { core::ptr::write_bytes(self.meta.add(start + 1), meta::TAIL, n - 1) };
                if zero {
                    // SAFETY: blocks start..start+n are inside the pool and now belong to this
                    // allocation.
                    unsafe { core::ptr::write_bytes(p, 0, n * BLOCK) };
                }
            }
        }
        // SAFETY: the pool pointer is non-null, so is every block in it.
        unsafe { NonNull::new_unchecked(p) }
    }

    /// The colour a new allocation at block `start` is born with.
    ///
    /// While marking, objects are born grey: they are queued and traced once, so whatever
    /// their constructor stores in them before the next slice is seen without a barrier, and
    /// nothing allocated during a cycle is freed by it. Buffers are born marked (their owner
    /// traces their contents). While sweeping, a block the sweep has passed is born unmarked
    /// (the next cycle decides), one it has yet to reach is born marked (the sweep keeps it
    /// and clears the mark). Pinned blocks are never marked or swept.
    #[inline]
    fn birth_colour(&self, start: usize, flags: u8) -> u8 {
        if flags & meta::PINNED != 0 {
            return 0;
        }
        match self.phase.get() {
            Phase::Idle => 0,
            Phase::Mark if flags & meta::OBJ != 0 => meta::MARK | meta::GREY,
            Phase::Mark => meta::MARK,
            Phase::Sweep if start >= self.sweep_cursor.get() => meta::MARK,
            Phase::Sweep => 0,
        }
    }

    /// The collector's phase.
    #[inline]
    pub fn phase(&self) -> Phase {
        self.phase.get()
    }

    #[cfg_attr(not(feature = "gc-incremental"), allow(dead_code))]
    pub(crate) fn set_phase(&self, p: Phase) {
        self.phase.set(p);
    }

    #[cfg_attr(not(feature = "gc-incremental"), allow(dead_code))]
    pub(crate) fn sweep_cursor(&self) -> usize {
        self.sweep_cursor.get()
    }

    #[cfg_attr(not(feature = "gc-incremental"), allow(dead_code))]
    pub(crate) fn set_sweep_cursor(&self, i: usize) {
        self.sweep_cursor.set(i);
    }

    /// Queue grey object `i` for tracing from value offset `off`. `reserve_one` keeps the
    /// last slot free (children leave room for the continuation of the object being traced).
    /// When the stack is full the object stays grey in the metadata and a later scan finds it.
    #[inline]
    pub(crate) fn grey_push_limited(&self, i: usize, off: u32, reserve_one: bool) {
        let len = self.grey_len.get();
        let cap = if reserve_one { GREY_CAP - 1 } else { GREY_CAP };
        if len < cap {
            self.grey[len].set(i as u64 | (off as u64) << 32);
            self.grey_len.set(len + 1);
        } else if off == 0 {
            if i < self.grey_rescan.get() {
                self.grey_rescan.set(i);
            }
        } else {
            // Unreachable by construction (a continuation reuses the slot its entry was popped
            // from), but never lose work: trace the object again from its start.
            self.set_meta(i, self.meta(i) | meta::GREY);
            if i < self.grey_rescan.get() {
                self.grey_rescan.set(i);
            }
        }
    }

    #[inline]
    pub(crate) fn grey_push(&self, i: usize, off: u32) {
        self.grey_push_limited(i, off, false)
    }

    /// Take the next entry to trace: `(block index, value offset)`.
    #[inline]
    pub(crate) fn grey_pop(&self) -> Option<(usize, u32)> {
        let len = self.grey_len.get();
        if len == 0 {
            return None;
        }
        self.grey_len.set(len - 1);
        let e = self.grey[len - 1].get();
        Some(((e & 0xffff_ffff) as usize, (e >> 32) as u32))
    }

    /// Whether no grey object is left (on the stack or in the metadata).
    #[inline]
    pub(crate) fn grey_is_empty(&self) -> bool {
        self.grey_len.get() == 0 && self.grey_rescan.get() == usize::MAX
    }

    /// Scan the metadata for grey objects the stack could not hold, pushing them until the
    /// stack is full or `max_blocks` blocks were looked at. Returns the blocks looked at.
    pub(crate) fn grey_refill(&self, max_blocks: usize) -> usize {
        let mut i = self.grey_rescan.get();
        let end = self.n_blocks.min(i.saturating_add(max_blocks));
        let start = i;
        while i < end {
            if self.grey_len.get() == GREY_CAP {
                break;
            }
            let m = self.meta(i);
            if m & (meta::STATE | meta::GREY) == (meta::HEAD | meta::GREY) {
                self.grey_push(i, 0);
            }
            i += 1;
        }
        self.grey_rescan
            .set(if i >= self.n_blocks { usize::MAX } else { i });
        i - start
    }

    /// Forget every grey entry (an abandoned cycle; the caller clears the marks).
    #[cfg_attr(not(feature = "gc-incremental"), allow(dead_code))]
    pub(crate) fn grey_clear(&self) {
        self.grey_len.set(0);
        self.grey_rescan.set(usize::MAX);
    }

    /// The first free block at or after `i` (`n_blocks` if none), eight metadata bytes at a
    /// time.
    #[inline]
    fn next_free(&self, mut i: usize) -> usize {
        while i + 8 <= self.n_blocks {
            let used = self.used_bits(i);
            if used != LOW_BITS {
                return i + (used ^ LOW_BITS).trailing_zeros() as usize / 8;
            }
            i += 8;
        }
        while i < self.n_blocks && self.meta(i) & meta::STATE != meta::FREE {
            i += 1;
        }
        i
    }

    /// The length of the run of free blocks starting at `i`, counted up to `max`.
    #[inline]
    fn free_len(&self, i: usize, max: usize) -> usize {
        // The first block alone first: often it is allocated.
        if i >= self.n_blocks || max == 0 || self.meta(i) & meta::STATE != meta::FREE {
            return 0;
        }
        let end = self.n_blocks.min(i.saturating_add(max));
        let mut j = i;
        while j + 8 <= end {
            let used = self.used_bits(j);
            if used != 0 {
                return (j - i + used.trailing_zeros() as usize / 8).min(max);
            }
            j += 8;
        }
        while j < end && self.meta(j) & meta::STATE == meta::FREE {
            j += 1;
        }
        j - i
    }

    /// The metadata of blocks `i..i + 8`, block `i + k` in byte `k` (`i + 8 <= n_blocks`).
    #[inline]
    pub(crate) fn meta_word(&self, i: usize) -> u64 {
        debug_assert!(i + 8 <= self.n_blocks);
        // SAFETY: i + 8 <= n_blocks and the table has n_blocks bytes; any alignment is fine for
        // an unaligned read.
        u64::from_le(unsafe { core::ptr::read_unaligned(self.meta.add(i) as *const u64) })
    }

    /// The length of the run of free blocks ending just below block `i`, counted up to `max`
    /// (eight metadata bytes at a time).
    #[inline]
    fn free_len_before(&self, i: usize, max: usize) -> usize {
        // The neighbour alone first: usually it is allocated (and was just written to, which
        // a wide load would have to wait for).
        if i == 0 || max == 0 || self.meta(i - 1) & meta::STATE != meta::FREE {
            return 0;
        }
        let stop = i.saturating_sub(max);
        let mut j = i;
        while j >= stop + 8 {
            let used = self.used_bits(j - 8);
            if used != 0 {
                // Byte 7 is block j - 1: the free blocks just below j are the high bytes.
                return (i - j + used.leading_zeros() as usize / 8).min(max);
            }
            j -= 8;
        }
        while j > stop && self.meta(j - 1) & meta::STATE == meta::FREE {
            j -= 1;
        }
        i - j
    }

    /// The number of allocated (head or tail) blocks just below block `i`, eight metadata
    /// bytes at a time.
    #[inline]
    fn used_len_before(&self, i: usize) -> usize {
        let mut j = i;
        while j >= 8 {
            let free = self.used_bits(j - 8) ^ LOW_BITS;
            if free != 0 {
                return i - j + free.leading_zeros() as usize / 8;
            }
            j -= 8;
        }
        while j > 0 && self.meta(j - 1) & meta::STATE != meta::FREE {
            j -= 1;
        }
        i - j
    }

    /// Bit 0 of byte `k` is set when block `i + k` is allocated (`i + 8 <= n_blocks`).
    #[inline]
    fn used_bits(&self, i: usize) -> u64 {
        debug_assert!(i + 8 <= self.n_blocks);
        // SAFETY: i + 8 <= n_blocks and the table has n_blocks bytes; any alignment is fine for
        // an unaligned read.
        let x = u64::from_le(unsafe { core::ptr::read_unaligned(self.meta.add(i) as *const u64) });
        // The state is the low two bits of each byte: FREE is 0.
        (x | (x >> 1)) & LOW_BITS
    }

    /// First fit: the lowest run of `n` free blocks, and where the first free run the search
    /// went past that is at least as long as the size class's minimum starts (see
    /// `after_alloc`), if any.
    ///
    /// Scanning from block 0 every time makes allocation in a nearly full heap quadratic, so
    /// each size class `c` (minimum size `m`) keeps a hint with this invariant: for every
    /// position `p < hint` where `m` blocks are free, the blocks from `p` up to the hint are all
    /// free. A search steps back from the hint over free blocks, then goes forward; it finds the
    /// lowest fit, as a scan from 0 would.
    fn find_free(&self, n: usize) -> Option<(usize, Option<usize>)> {
        let c = class_of(n);
        let h = self.hints[c].get().min(self.n_blocks);
        let mut i = h;
        while i > 0 && self.meta(i - 1) & meta::STATE == meta::FREE {
            i -= 1;
        }
        let mut first_long = None;
        loop {
            i = self.next_free(i);
            if i.saturating_add(n) > self.n_blocks {
                return None;
            }
            let j = self.free_len(i, n);
            if j == n {
                return Some((i, first_long));
            }
            // Block i + j is allocated; the free run started at i.
            if j >= CLASS_MIN[c] && first_long.is_none() {
                first_long = Some(i);
            }
            i += j + 1;
        }
    }

    /// `n` blocks were allocated at `start`, found by `find_free(n)`: no run of `n` free blocks
    /// starts below it, hence none of any larger size, and the blocks up to `start + n` are
    /// now taken. The hint of `n`'s own class moves there when `n` is the class minimum, else
    /// to the first free run the search passed that is as long as the
    /// class minimum (`first_long`), or past the allocation if there was none: the search
    /// started at a run start with no such window below it, and passed only shorter runs before
    /// that one. (Without this, allocations larger than their class minimum would search from
    /// the same hint every time, over everything allocated since: big-int arithmetic in a large
    /// heap spent most of its time there.)
    fn after_alloc(&self, start: usize, n: usize, first_long: Option<usize>) {
        let c = class_of(n);
        let end = start + n;
        // Only this class's hint moves: raising the others' would be valid too (none of them
        // has a window below `start + n`), but costs a store per class on every allocation; a
        // hint left behind costs its class one scan over what was allocated since, eight blocks
        // a step.
        let to = if CLASS_MIN[c] >= n {
            end
        } else {
            first_long.unwrap_or(end)
        };
        if self.hints[c].get() < to {
            self.hints[c].set(to);
        }
        // Free blocks at or above the top hint must stay in one run with it.
        if self.top_hint.get() < end {
            self.top_hint.set(end);
        }
    }

    /// Last fit, for pinned (temporary) memory: the highest run of `n` free blocks, and whether
    /// the search went past no free block.
    ///
    /// Temporary buffers (string builders, big-int scratch, the compiler's tables) come and go
    /// in stack order; kept at the top of the pool they never leave holes between objects that
    /// first fit would then have to search past. `top_hint`'s invariant mirrors the class
    /// hints': every free block at or above it is in one run of free blocks starting at it.
    /// A search steps up from the hint over free blocks, then goes down.
    fn find_free_top(&self, n: usize) -> Option<(usize, bool)> {
        let mut hi = self.top_hint.get().min(self.n_blocks);
        hi += self.free_len(hi, usize::MAX);
        let mut clean = true;
        loop {
            // `hi` is one past the highest block that may start the search down.
            hi -= self.used_len_before(hi);
            if hi < n {
                return None;
            }
            let j = self.free_len_before(hi, n);
            if j == n {
                return Some((hi - n, clean));
            }
            // Block hi - 1 - j is allocated (j < n <= hi).
            clean = false;
            hi -= j + 1;
        }
    }

    /// `n` pinned blocks were allocated at `start` by `find_free_top`. With `clean`, no block
    /// at or above `start` is free now. The class hints above `start` move down to it: the
    /// blocks taken may sit inside a run their invariant relies on (lowering a hint is always
    /// safe).
    fn after_alloc_top(&self, start: usize, clean: bool) {
        if clean {
            self.top_hint.set(start);
        }
        for h in &self.hints {
            if h.get() > start {
                h.set(start);
            }
        }
    }

    /// Free the allocation at `p`. Pointers that are not the head of a live allocation are
    /// ignored (double frees cannot corrupt the heap).
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    pub fn free(&self, p: *mut u8) {
        let Some(i) = self.head_of(p) else { return };
        // A freed object's address may be reused by a new object: cached lookups keyed by
        // it must go (buffers are never keys).
        #[cfg(feature = "vm-fast")]
        if self.meta(i) & meta::OBJ != 0 {
            crate::vm::cache::invalidate();
        }
        let n = self.alloc_blocks(i);
        self.free_run(i, n);
    }

    pub(crate) fn free_run(&self, i: usize, n: usize) {
        self.clear_run(i, n);
        self.note_freed(i, i + n, n);
    }

    /// Mark blocks `i..i + n` free (and poison them under gc-stress), without the
    /// bookkeeping: `note_freed` must follow, once for a run of such calls.
    #[inline]
    pub(crate) fn clear_run(&self, i: usize, n: usize) {
        debug_assert!(i + n <= self.n_blocks);
        // Small runs with byte stores: not a call to memset, nor a wider store that a load of
        // the neighbouring metadata (the sweep's next step) would have to wait for.
        if n <= 4 {
            self.set_meta(i, meta::FREE);
            if n > 1 {
                self.set_meta(i + 1, meta::FREE);
            }
            if n > 2 {
                self.set_meta(i + 2, meta::FREE);
            }
            if n > 3 {
                self.set_meta(i + 3, meta::FREE);
            }
        } else {
            // SAFETY: blocks i..i+n are inside the table.
            unsafe { core::ptr::write_bytes(self.meta.add(i), meta::FREE, n) };
        }
        #[cfg(feature = "gc-stress")]
        // SAFETY: blocks i..i+n are inside the pool and no longer allocated.
        unsafe {
            core::ptr::write_bytes(self.block_ptr(i), 0xa5, n * BLOCK)
        };
    }

    /// Blocks `i..end` are all free now, `freed` of them cleared by `clear_run` since the
    /// last call (the sweep frees a run of neighbouring garbage at once): the block count,
    /// the size-class hints and the top hint are brought up to date.
    pub(crate) fn note_freed(&self, i: usize, end: usize, freed: usize) {
        let n = end - i;
        self.used_blocks
            .set(self.used_blocks.get().saturating_sub(freed));
        // A free block below the bump run: allocations there would no longer be first fit.
        if i < self.bump.get() {
            self.bump.set(0);
            self.bump_end.set(0);
        }
        // The only positions that gain `m` free blocks are inside the free run that now holds
        // blocks `i..i + n` (with its free neighbours). A window of free blocks that starts
        // below `i` in it runs through `i`: moving a hint down to `i` keeps its invariant, and
        // is needed only for the classes whose minimum fits in that run. (Lowering every hint
        // made a temporary buffer freed below a dense run of larger objects send each later
        // search of their class over the whole run: quadratic.) The neighbours are looked at
        // only as far as the largest class minimum.
        // The neighbours are looked at only when a hint above `i` needs them (temporary
        // buffers freed at the top of the pool usually have every hint below them).
        let max_min = CLASS_MIN[N_CLASSES - 1];
        let mut run = n;
        let mut scanned = false;
        for (h, &min) in self.hints.iter().zip(CLASS_MIN.iter()) {
            if i >= h.get() {
                continue;
            }
            if min > run && !scanned {
                scanned = true;
                if run < max_min {
                    run += self.free_len_before(i, max_min - run);
                }
                if run < max_min {
                    run += self.free_len(i + n, max_min - run);
                }
            }
            if min > run {
                break;
            }
            h.set(i);
        }
        // Free blocks at or above the top hint must be in one run with it: the hint moves up
        // past the freed ones.
        if self.top_hint.get() < i + n {
            self.top_hint.set(i + n);
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
        if (self.is_locked() && self.meta(i) & meta::PINNED == 0) || self.injected_failure() {
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
            // The blocks taken may start the run at the top hint, or lie in the bump run.
            if self.top_hint.get() < i + want {
                self.top_hint.set(i + want);
            }
            self.bump_taken(i + have, i + want);
            let used = self.used_blocks.get() + extra;
            self.used_blocks.set(used);
            self.high_water.set(self.high_water.get().max(used));
            self.allocated_since_gc
                .set(self.allocated_since_gc.get() + extra);
            self.total_allocated
                .set(self.total_allocated.get().wrapping_add(extra));
            // SAFETY: the new tail blocks are inside the pool and belong to this allocation.
            unsafe { core::ptr::write_bytes(self.block_ptr(i + have), 0, extra * BLOCK) };
            return NonNull::new(p);
        }
        let head_flags = self.meta(i);
        let kind = if head_flags & meta::PINNED != 0 {
            AllocKind::Pinned
        } else if head_flags & meta::OBJ != 0 {
            if head_flags & meta::FIN != 0 {
                AllocKind::ObjectWithFinaliser
            } else {
                AllocKind::Object
            }
        } else {
            AllocKind::Buffer
        };
        // The new run is coloured as any new allocation (`birth_colour`): during marking it is
        // marked (a buffer whose owner was already traced stays live), during sweeping it is
        // marked exactly when the sweep has yet to reach it.
        let q = self.alloc(size, kind)?;
        // SAFETY: both allocations are live, distinct, and at least have*BLOCK bytes long.
        unsafe { core::ptr::copy_nonoverlapping(p, q.as_ptr(), have * BLOCK) };
        #[cfg(feature = "vm-fast")]
        if head_flags & meta::OBJ != 0 {
            crate::vm::cache::invalidate();
        }
        self.free_run(i, have);
        Some(q)
    }
}

/// What an allocation is (see [`Heap::for_each_allocation`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocClass {
    /// An object of this kind.
    Object(crate::obj::Kind),
    /// A buffer owned by an object (items, entries, frames, images...).
    Buffer,
    /// Pinned memory (the frame stack, the emergency reserve, temporary data).
    Pinned,
}

/// Counts from the allocation table (`micropython.mem_info`); sizes in blocks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BlockInfo {
    /// Allocations of one block.
    pub one_blocks: usize,
    /// Allocations of two blocks.
    pub two_blocks: usize,
    /// The largest allocation.
    pub max_block: usize,
    /// The longest run of free blocks.
    pub max_free: usize,
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
            .alloc_scratch(layout.size())
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

#[cfg(test)]
mod tests {
    #[test]
    fn classes_match_their_minimums() {
        for n in 1..400 {
            let c = class_of(n);
            assert!(CLASS_MIN[c] <= n);
            assert!(c + 1 == N_CLASSES || CLASS_MIN[c + 1] > n);
        }
    }

    extern crate std;
    use super::*;
    use std::vec::Vec;

    /// The lowest run of `n` free blocks, by a plain scan from block 0.
    fn naive_fit(h: &Heap, n: usize) -> Option<usize> {
        (0..h.n_blocks()).find(|&i| {
            i + n <= h.n_blocks() && (i..i + n).all(|j| h.meta(j) & meta::STATE == meta::FREE)
        })
    }

    /// The word-at-a-time run lengths agree with a byte-by-byte count.
    #[test]
    fn free_run_lengths() {
        let mut region = std::vec![0u8; 8 * 1024];
        // SAFETY: the region outlives the heap and is used by nothing else.
        let h = unsafe { Heap::new(region.as_mut_ptr(), region.len()) }.unwrap();
        let n = h.n_blocks();
        let mut seed = 7u32;
        for i in 0..n {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            // Mostly free in the first half, mostly allocated in the second.
            let r = (seed >> 16) % 9;
            let used = if i < n / 2 { r < 2 } else { r < 7 };
            let m = match (used, r % 2) {
                (false, _) => meta::FREE,
                (true, 0) => meta::HEAD,
                (true, _) => meta::TAIL | meta::MARK,
            };
            h.set_meta(i, m);
        }
        let free = |j: usize| h.meta(j) & meta::STATE == meta::FREE;
        for i in 0..=n {
            for max in [0, 1, 3, 8, 13, 129, 1000] {
                let before = (0..i).rev().take(max).take_while(|&j| free(j)).count();
                assert_eq!(h.free_len_before(i, max), before, "before {i} max {max}");
                let after = (i..n).take(max).take_while(|&j| free(j)).count();
                assert_eq!(h.free_len(i, max), after, "after {i} max {max}");
                let used = (0..i).rev().take_while(|&j| !free(j)).count();
                assert_eq!(h.used_len_before(i), used, "used before {i}");
            }
            if i < n {
                let tails = (i + 1..n)
                    .take_while(|&j| h.meta(j) & meta::STATE == meta::TAIL)
                    .count();
                assert_eq!(h.alloc_blocks(i), 1 + tails, "blocks at {i}");
            }
        }
        for len in [1, 7, 8, 9, 16, 37, 300] {
            h.set_meta(100, meta::HEAD);
            for j in 101..100 + len {
                h.set_meta(j, meta::TAIL);
            }
            h.set_meta(100 + len, meta::HEAD | meta::OBJ);
            assert_eq!(h.alloc_blocks(100), len);
        }
        for j in n - 20..n {
            h.set_meta(j, meta::TAIL);
        }
        h.set_meta(n - 20, meta::HEAD);
        assert_eq!(h.alloc_blocks(n - 20), 20);
    }

    /// The bump run gives way to the heap lock and to injected failures.
    #[test]
    fn bump_run_respects_lock_and_injected_failures() {
        let mut region = std::vec![0u8; 16 * 1024];
        // SAFETY: the region outlives the heap and is used by nothing else.
        let h = unsafe { Heap::new(region.as_mut_ptr(), region.len()) }.unwrap();
        for _ in 0..4 {
            assert!(h.alloc(16, AllocKind::Object).is_some());
        }
        assert!(
            h.bump_end.get() > h.bump.get(),
            "a one-block allocation fills the run"
        );
        h.lock(true);
        assert!(h.alloc(16, AllocKind::Object).is_none());
        assert!(h.alloc_bump(1, AllocKind::Object).is_none());
        assert!(h.alloc(16, AllocKind::Pinned).is_some());
        h.lock(false);
        assert!(h.alloc(16, AllocKind::Object).is_some());
        assert!(h.alloc(16, AllocKind::Object).is_some());
        h.inject_failures(2, 1);
        assert!(h.alloc(16, AllocKind::Object).is_some());
        assert!(h.alloc(16, AllocKind::Buffer).is_some());
        assert!(h.alloc(16, AllocKind::Object).is_none());
        assert_eq!(h.injected_failures_left(), 0);
        assert!(h.alloc(16, AllocKind::Object).is_some());
        assert!(h.alloc(16, AllocKind::Object).is_some());
        assert_eq!(
            h.used_blocks.get(),
            (0..h.n_blocks())
                .filter(|&i| h.meta(i) & meta::STATE != meta::FREE)
                .count()
        );
    }

    /// The highest run of `n` free blocks, by a plain scan.
    fn naive_top_fit(h: &Heap, n: usize) -> Option<usize> {
        (0..h.n_blocks()).rev().find(|&i| {
            i + n <= h.n_blocks() && (i..i + n).all(|j| h.meta(j) & meta::STATE == meta::FREE)
        })
    }

    /// Random allocations, frees and reallocations: every allocation lands where a first-fit
    /// scan from block 0 would put it (the size-class hints never skip a fit), and every pinned
    /// one where a last-fit scan from the top would.
    #[test]
    fn hints_keep_first_fit() {
        let mut region = std::vec![0u8; 64 * 1024];
        // SAFETY: the region outlives the heap and is used by nothing else.
        let h = unsafe { Heap::new(region.as_mut_ptr(), region.len()) }.unwrap();
        let mut live: Vec<*mut u8> = Vec::new();
        let mut seed = 12345u32;
        let mut rnd = |m: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 16) % m
        };
        for step in 0..20_000 {
            let op = rnd(10);
            if op < 5 || live.is_empty() {
                let n = match rnd(4) {
                    0 => 1 + rnd(2) as usize,
                    1 => 1 + rnd(8) as usize,
                    2 => 1 + rnd(40) as usize,
                    _ => 1 + rnd(200) as usize,
                };
                let pinned = rnd(3) == 0;
                let (want, kind) = if pinned {
                    (naive_top_fit(&h, n), AllocKind::Pinned)
                } else {
                    (naive_fit(&h, n), AllocKind::Buffer)
                };
                let got = h.alloc(n * BLOCK, kind);
                assert_eq!(
                    got.map(|p| h.block_of(p.as_ptr()).unwrap()),
                    want,
                    "step {step}: alloc of {n} blocks (pinned: {pinned})"
                );
                if let Some(p) = got {
                    live.push(p.as_ptr());
                }
            } else if op < 9 {
                let k = rnd(live.len() as u32) as usize;
                h.free(live.swap_remove(k));
            } else {
                let k = rnd(live.len() as u32) as usize;
                let n = 1 + rnd(60) as usize;
                if let Some(q) = h.realloc(live[k], n * BLOCK) {
                    live[k] = q.as_ptr();
                }
            }
        }
    }
}
