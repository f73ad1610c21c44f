//! The `.mpy` v6 reader: turns an image into code objects, checking everything on the way
//! (MPY_FORMAT.md sections 2, 3 and 11). Bad input gives `ValueError`, never a panic.

use allocator_api2::vec::Vec as AVec;

use super::verify;
use crate::gc::heap::TempAlloc;
use crate::obj::code::{scope, CodeObj, ModuleCtxObj};
use crate::obj::types::*;
use crate::obj::{self, float, str as pystr, tuple};
use crate::value::Value;
use crate::vm::{Cx, PyResult, Raised};

/// Deepest nesting of raw codes or constant tuples accepted. Both are read without Rust
/// recursion, so this only bounds the loader's working memory; it is far above what the
/// compiler's own nesting limit lets source produce.
const MAX_NESTING: usize = 1024;

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let c = *self.b.get(self.i)?;
        self.i += 1;
        Some(c)
    }

    fn vuint(&mut self) -> Option<usize> {
        let mut v: usize = 0;
        loop {
            let c = self.byte()?;
            if v > (usize::MAX >> 7) {
                return None;
            }
            v = (v << 7) | (c & 0x7f) as usize;
            if c & 0x80 == 0 {
                return Some(v);
            }
        }
    }

    fn bytes(&mut self, n: usize) -> Option<&[u8]> {
        let end = self.i.checked_add(n)?;
        let s = self.b.get(self.i..end)?;
        self.i = end;
        Some(s)
    }
}

fn bad(cx: &mut Cx) -> Raised {
    cx.value_error("incompatible .mpy file")
}

/// Load a `.mpy` image. `trusted_magic` accepts either flavour's header byte (for images our
/// own compiler just wrote). Returns the module's code object. The image is copied into the
/// heap: code objects point into the copy.
pub fn load_mpy(cx: &mut Cx, image: &[u8], trusted_magic: bool) -> PyResult<Value> {
    check_header(cx, image, trusted_magic)?;
    // Keep the image in the heap: code objects point into it.
    let (ip, len) = (image.as_ptr(), image.len());
    let buf = cx.alloc_bytes(len)?;
    // SAFETY: fresh buffer of len bytes; the source is the caller's slice (not in a block the
    // allocation could have freed: callers keep heap sources rooted).
    unsafe { core::ptr::copy_nonoverlapping(ip, buf, len) };
    load_in_place(cx, buf, len)
}

/// Load a `.mpy` image that lives for ever (frozen into flash): the code objects point into
/// `image` itself, which is never copied (the collector ignores pointers outside the heap).
pub fn load_mpy_static(cx: &mut Cx, image: &'static [u8]) -> PyResult<Value> {
    check_header(cx, image, false)?;
    load_in_place(cx, image.as_ptr() as *mut u8, image.len())
}

fn check_header(cx: &mut Cx, image: &[u8], trusted_magic: bool) -> PyResult<()> {
    let magic_ok = match image.first() {
        Some(b'M') => trusted_magic || !crate::flavour::CIRCUITPYTHON,
        Some(b'C') => trusted_magic || crate::flavour::CIRCUITPYTHON,
        _ => false,
    };
    if !magic_ok {
        if crate::flavour::CIRCUITPYTHON && image.first() == Some(&b'M') {
            return Err(cx.value_error("MicroPython .mpy file; use CircuitPython mpy-cross"));
        }
        return Err(bad(cx));
    }
    if image.len() < 4 || image[1] != 6 {
        return Err(bad(cx));
    }
    let feat = image[2];
    if feat & 0x40 != 0 || image[3] as u32 > crate::value::SMALL_INT_BITS {
        return Err(bad(cx));
    }
    if (feat >> 2) & 0x0f != 0 {
        return Err(cx.value_error("native code in .mpy unsupported"));
    }
    Ok(())
}

/// Load the image at `img_val` (`len` bytes): a fresh heap buffer nothing else references
/// yet, or static bytes.
fn load_in_place(cx: &mut Cx, img_val: *mut u8, len: usize) -> PyResult<Value> {
    let in_heap = cx.heap.block_of(img_val).is_some();
    // Root the buffer through a module context made right away.
    let ctx: *mut ModuleCtxObj = {
        // The buffer is unreachable until the ctx holds it: allocate the ctx with the heap
        // directly, no collection in between.
        match cx.heap.alloc(
            core::mem::size_of::<ModuleCtxObj>(),
            crate::gc::heap::AllocKind::Object,
        ) {
            Some(p) => p.as_ptr() as *mut ModuleCtxObj,
            None => {
                if in_heap {
                    cx.heap.free(img_val);
                }
                return Err(cx.raise_memory_error(core::mem::size_of::<ModuleCtxObj>()));
            }
        }
    };
    // SAFETY: fresh zeroed allocation of a ModuleCtxObj.
    unsafe {
        (*ctx).header.ty = &MODULE_CTX_TYPE;
        (*ctx).qstrs = tuple::empty();
        (*ctx).consts = tuple::empty();
        (*ctx).image = img_val;
        (*ctx).image_len = len;
    }
    let ctxv = Value::from_ptr(ctx);
    let mark = cx.roots_mark();
    cx.root(ctxv)?;
    let r = load_tables(cx, ctxv);
    cx.roots_truncate(mark);
    r
}

fn image_of<'a>(ctx: Value) -> &'a [u8] {
    // SAFETY: ctx is a live module context whose image holds image_len bytes.
    unsafe {
        let c = &*(ctx.raw() as *const ModuleCtxObj);
        core::slice::from_raw_parts(c.image, c.image_len)
    }
}

fn load_tables(cx: &mut Cx, ctx: Value) -> PyResult<Value> {
    let mut r = Reader {
        b: image_of(ctx),
        i: 4,
    };
    let (Some(n_qstr), Some(n_obj)) = (r.vuint(), r.vuint()) else {
        return Err(bad(cx));
    };
    if n_qstr == 0 || n_qstr > image_of(ctx).len() || n_obj > image_of(ctx).len() {
        return Err(bad(cx));
    }
    // qstrs
    let qs = tuple::new_uninit(cx, n_qstr)?;
    crate::gc::write_barrier(cx, qs);
    // SAFETY: ctx is live.
    unsafe { (*(ctx.raw() as *mut ModuleCtxObj)).qstrs = qs };
    for k in 0..n_qstr {
        let mut r2 = Reader {
            b: image_of(ctx),
            i: r.i,
        };
        let Some(h) = r2.vuint() else {
            return Err(bad(cx));
        };
        let s = if h & 1 == 1 {
            let n = h >> 1;
            if n == 0 || n >= crate::qstrs::MPY_STATIC.len() {
                return Err(bad(cx));
            }
            r.i = r2.i;
            Value::from_static(crate::qstrs::MPY_STATIC[n])
        } else {
            let n = h >> 1;
            let start = r2.i;
            let Some(bytes) = r2.bytes(n) else {
                return Err(bad(cx));
            };
            if core::str::from_utf8(bytes).is_err() || r2.byte() != Some(0) {
                return Err(bad(cx));
            }
            r.i = r2.i;
            let img = image_of(ctx);
            pystr::intern(cx, &img[start..start + n])?
        };
        crate::gc::write_barrier(cx, s);
        if let Some(t) = obj::get_mut::<tuple::TupleObj>(cx, qs) {
            t.items_mut()[k] = s;
        }
    }
    // constants
    let cs = tuple::new_uninit(cx, n_obj)?;
    crate::gc::write_barrier(cx, cs);
    // SAFETY: ctx is live.
    unsafe { (*(ctx.raw() as *mut ModuleCtxObj)).consts = cs };
    for k in 0..n_obj {
        let v = read_const(cx, ctx, &mut r.i)?;
        crate::gc::write_barrier(cx, v);
        if let Some(t) = obj::get_mut::<tuple::TupleObj>(cx, cs) {
            t.items_mut()[k] = v;
        }
    }
    let mut pos = r.i;
    let code = read_raw_codes(cx, ctx, &mut pos)?;
    if pos != image_of(ctx).len() {
        return Err(bad(cx));
    }
    Ok(code)
}

/// Read one constant-table entry at `*pos`. Tuples nest; they are read with an explicit
/// stack (no Rust recursion), each open tuple rooted until it is complete.
fn read_const(cx: &mut Cx, ctx: Value, pos: &mut usize) -> PyResult<Value> {
    let mark = cx.roots_mark();
    let r = read_const_inner(cx, ctx, pos);
    cx.roots_truncate(mark);
    r
}

fn read_const_inner(cx: &mut Cx, ctx: Value, pos: &mut usize) -> PyResult<Value> {
    // Open tuples: (tuple, length, items filled).
    let mut open: AVec<(Value, usize, usize), TempAlloc> = AVec::new_in(cx.temp_alloc());
    loop {
        let mut v = match read_scalar(cx, ctx, pos)? {
            Scalar::Value(v) => v,
            Scalar::Tuple(n) => {
                let t = tuple::new_uninit(cx, n)?;
                cx.root(t)?;
                if n > 0 {
                    if open.len() >= MAX_NESTING {
                        return Err(bad(cx));
                    }
                    if open.try_reserve(1).is_err() {
                        return Err(cx.raise_memory_error(32));
                    }
                    open.push((t, n, 0));
                    continue;
                }
                t
            }
        };
        // Store v into the innermost open tuple; a completed tuple is stored in turn.
        loop {
            let Some(top) = open.last_mut() else {
                return Ok(v);
            };
            let (t, n, k) = *top;
            top.2 += 1;
            crate::gc::write_barrier(cx, v);
            if let Some(to) = obj::get_mut::<tuple::TupleObj>(cx, t) {
                to.items_mut()[k] = v;
            }
            if k + 1 < n {
                break;
            }
            open.pop();
            v = t;
        }
    }
}

enum Scalar {
    Value(Value),
    /// A tuple of this many entries follows.
    Tuple(usize),
}

fn read_scalar(cx: &mut Cx, ctx: Value, pos: &mut usize) -> PyResult<Scalar> {
    let mut r = Reader {
        b: image_of(ctx),
        i: *pos,
    };
    let Some(kind) = r.byte() else {
        return Err(bad(cx));
    };
    let v = match kind {
        1 => Value::NONE,
        2 => Value::FALSE,
        3 => Value::TRUE,
        4 => Value::ELLIPSIS,
        5 | 6 => {
            let Some(n) = r.vuint() else {
                return Err(bad(cx));
            };
            let start = r.i;
            if r.bytes(n).is_none() || r.byte() != Some(0) {
                return Err(bad(cx));
            }
            let end = r.i - 1;
            *pos = r.i;
            let img = image_of(ctx);
            let b = &img[start..end];
            return Ok(Scalar::Value(if kind == 5 {
                if core::str::from_utf8(b).is_err() {
                    return Err(bad(cx));
                }
                pystr::new_str(cx, b)?
            } else {
                pystr::new_bytes(cx, b)?
            }));
        }
        7..=9 => {
            let Some(n) = r.vuint() else {
                return Err(bad(cx));
            };
            let start = r.i;
            if r.bytes(n).is_none() {
                return Err(bad(cx));
            }
            *pos = r.i;
            let img = image_of(ctx);
            let Ok(text) = core::str::from_utf8(&img[start..start + n]) else {
                return Err(bad(cx));
            };
            return Ok(Scalar::Value(match kind {
                7 => parse_int_const(cx, text)?,
                8 => match crate::num::parse_float(text) {
                    Ok(f) => float::new(cx, f)?,
                    Err(_) => return Err(bad(cx)),
                },
                _ => {
                    let t = text
                        .strip_suffix('j')
                        .or_else(|| text.strip_suffix('J'))
                        .unwrap_or(text);
                    match crate::num::parse_float(t) {
                        Ok(f) => float::new_complex(cx, 0.0, f)?,
                        Err(_) => return Err(bad(cx)),
                    }
                }
            }));
        }
        10 => {
            let Some(n) = r.vuint() else {
                return Err(bad(cx));
            };
            if n > image_of(ctx).len() {
                return Err(bad(cx));
            }
            *pos = r.i;
            return Ok(Scalar::Tuple(n));
        }
        _ => return Err(bad(cx)),
    };
    *pos = r.i;
    Ok(Scalar::Value(v))
}

fn parse_int_const(cx: &mut Cx, text: &str) -> PyResult<Value> {
    let al = cx.temp_alloc();
    match crate::num::Big::parse(text, 10, al) {
        Ok(b) => {
            let neg = b.is_negative();
            crate::obj::int::from_limbs(cx, neg, b.magnitude())
        }
        Err(_) => Err(bad(cx)),
    }
}

/// Decoded prelude fields.
struct Prelude {
    n_state: usize,
    n_exc: usize,
    flags: u8,
    n_pos: usize,
    n_kwonly: usize,
    n_def: usize,
    n_info: usize,
    n_cell: usize,
    after_size: usize,
}

fn read_prelude(code: &[u8]) -> Option<Prelude> {
    let mut i = 0;
    let mut z = *code.get(i)? as usize;
    i += 1;
    let mut s = (z >> 3) & 0xf;
    let mut e = (z >> 2) & 1;
    let mut a = z & 3;
    let (mut f, mut k, mut d) = (0usize, 0usize, 0usize);
    let mut n = 0;
    while z & 0x80 != 0 {
        z = *code.get(i)? as usize;
        i += 1;
        if n > 12 {
            return None;
        }
        s |= ((z >> 4) & 3) << (4 + 2 * n);
        e |= ((z >> 1) & 1) << (1 + n);
        f |= ((z >> 6) & 1) << n;
        a |= ((z >> 2) & 1) << (2 + n);
        k |= ((z >> 3) & 1) << n;
        d |= (z & 1) << n;
        n += 1;
    }
    let (mut n_info, mut n_cell) = (0usize, 0usize);
    let mut n = 0;
    loop {
        let c = *code.get(i)? as usize;
        i += 1;
        if n > 8 {
            return None;
        }
        n_info |= ((c >> 1) & 0x3f) << (6 * n);
        n_cell |= (c & 1) << n;
        n += 1;
        if c & 0x80 == 0 {
            break;
        }
    }
    Some(Prelude {
        n_state: s + 1,
        n_exc: e,
        flags: f as u8,
        n_pos: a,
        n_kwonly: k,
        n_def: d,
        n_info,
        n_cell,
        after_size: i,
    })
}

/// A raw code being read: its header is decoded, its children are being read.
struct Level {
    /// The children tuple (rooted) or NULL.
    children: Value,
    n_children: usize,
    /// Children read so far.
    done: usize,
    code_start: usize,
    code_len: usize,
}

/// Read the module's raw code at `*pos` and every raw code inside it, with an explicit stack
/// (no Rust recursion, however deep functions nest). The module body must not be a generator.
fn read_raw_codes(cx: &mut Cx, ctx: Value, pos: &mut usize) -> PyResult<Value> {
    let mark = cx.roots_mark();
    let r = read_raw_codes_inner(cx, ctx, pos);
    cx.roots_truncate(mark);
    r
}

fn read_raw_codes_inner(cx: &mut Cx, ctx: Value, pos: &mut usize) -> PyResult<Value> {
    let mut open: AVec<Level, TempAlloc> = AVec::new_in(cx.temp_alloc());
    let mut next = Some(open_raw_code(cx, ctx, pos)?);
    loop {
        if let Some(lvl) = next.take() {
            if open.len() >= MAX_NESTING {
                return Err(bad(cx));
            }
            if open.try_reserve(1).is_err() {
                return Err(cx.raise_memory_error(core::mem::size_of::<Level>()));
            }
            open.push(lvl);
        }
        let Some(top) = open.last() else {
            return Err(bad(cx));
        };
        if top.done < top.n_children {
            next = Some(open_raw_code(cx, ctx, pos)?);
            continue;
        }
        let Some(lvl) = open.pop() else {
            return Err(bad(cx));
        };
        let outer = open.is_empty();
        let co = finish_raw_code(cx, ctx, &lvl, outer)?;
        let Some(parent) = open.last_mut() else {
            return Ok(co);
        };
        let (children, k) = (parent.children, parent.done);
        parent.done += 1;
        crate::gc::write_barrier(cx, co);
        if let Some(t) = obj::get_mut::<tuple::TupleObj>(cx, children) {
            t.items_mut()[k] = co;
        }
    }
}

/// Decode a raw code's header at `*pos` (leaving `*pos` at its first child) and make its
/// children tuple, rooted.
fn open_raw_code(cx: &mut Cx, ctx: Value, pos: &mut usize) -> PyResult<Level> {
    let mut r = Reader {
        b: image_of(ctx),
        i: *pos,
    };
    let Some(kl) = r.vuint() else {
        return Err(bad(cx));
    };
    if kl & 3 != 0 {
        return Err(cx.value_error("native code in .mpy unsupported"));
    }
    let has_children = kl & 4 != 0;
    let code_len = kl >> 3;
    let code_start = r.i;
    if r.bytes(code_len).is_none() {
        return Err(bad(cx));
    }
    let n_children = if has_children {
        match r.vuint() {
            Some(n) if n <= image_of(ctx).len() => n,
            _ => return Err(bad(cx)),
        }
    } else {
        0
    };
    *pos = r.i;
    let children = if n_children > 0 {
        let t = tuple::new_uninit(cx, n_children)?;
        cx.root(t)?;
        t
    } else {
        Value::NULL
    };
    Ok(Level {
        children,
        n_children,
        done: 0,
        code_start,
        code_len,
    })
}

/// Decode the prelude of a raw code whose children are loaded, verify its bytecode, and make
/// its code object.
fn finish_raw_code(cx: &mut Cx, ctx: Value, lvl: &Level, outer: bool) -> PyResult<Value> {
    let (code_start, code_len, n_children) = (lvl.code_start, lvl.code_len, lvl.n_children);
    let img = image_of(ctx);
    let code = &img[code_start..code_start + code_len];
    let Some(pre) = read_prelude(code) else {
        return Err(bad(cx));
    };
    let n_names = pre.n_pos + pre.n_kwonly;
    let info_start = pre.after_size;
    let Some(info_end) = info_start.checked_add(pre.n_info) else {
        return Err(bad(cx));
    };
    let Some(ip0) = info_end.checked_add(pre.n_cell) else {
        return Err(bad(cx));
    };
    if ip0 > code.len()
        || pre.n_info < 1
        || pre.n_state > u16::MAX as usize
        || pre.n_exc > u16::MAX as usize
        || pre.n_pos > 255
        || pre.n_kwonly > 255
        || pre.n_def > 255
        || (outer && pre.flags & scope::GENERATOR != 0)
    {
        return Err(bad(cx));
    }
    let n_qstr = tuple::items_of(unsafe_ctx(ctx).qstrs).map_or(0, |t| t.len());
    let mut rr = Reader {
        b: &code[..info_end],
        i: info_start,
    };
    let Some(name_q) = rr.vuint() else {
        return Err(bad(cx));
    };
    if name_q >= n_qstr {
        return Err(bad(cx));
    }
    let arg_names = rr.i;
    for _ in 0..n_names {
        match rr.vuint() {
            Some(q) if q < n_qstr => {}
            _ => return Err(bad(cx)),
        }
    }
    let line_info = rr.i;
    // The locals the prelude names: parameters, *args/**kw, cells; the verifier adds every
    // local the bytecode names.
    let varargs =
        (pre.flags & scope::VARARGS != 0) as usize + (pre.flags & scope::VARKEYWORDS != 0) as usize;
    let mut n_locals = n_names + varargs;
    for &c in &code[info_end..ip0] {
        n_locals = n_locals.max(c as usize + 1);
    }
    let n_consts = tuple::items_of(unsafe_ctx(ctx).consts).map_or(0, |t| t.len());
    let input = verify::Input {
        code,
        ip0,
        n_qstr,
        n_consts,
        n_children,
        n_state: pre.n_state,
        n_exc: pre.n_exc,
        n_locals,
        generator: pre.flags & scope::GENERATOR != 0,
        base_exception: &|q| {
            tuple::items_of(unsafe_ctx(ctx).qstrs)
                .and_then(|t| t.get(q).copied())
                .is_some_and(crate::vm::dispatch::is_base_exception_name)
        },
    };
    let mut res = verify::verify(&input, cx.temp_alloc());
    if res == Err(verify::Reject::NoMemory) {
        cx.collect();
        res = verify::verify(&input, cx.temp_alloc());
    }
    let n_locals = match res {
        Ok(n) => n,
        Err(verify::Reject::NoMemory) => return Err(cx.raise_memory_error(code_len)),
        Err(verify::Reject::Invalid(why, at)) => {
            let name = tuple::items_of(unsafe_ctx(ctx).qstrs)
                .and_then(|t| pystr::str_of(t[name_q]))
                .unwrap_or("?");
            let name = crate::vm::ops::alloc_free_name(name);
            return Err(cx.raise_fmt(
                &VALUE_ERROR_TYPE,
                format_args!("invalid .mpy bytecode: {why} at offset {at} in '{name}'"),
            ));
        }
    };
    let name = tuple::items_of(unsafe_ctx(ctx).qstrs).map_or(Value::NONE, |t| t[name_q]);
    let co: *mut CodeObj = cx.alloc_obj(&CODE_TYPE, 0)?;
    crate::gc::write_barrier_values(cx, &[ctx, lvl.children, name]);
    // SAFETY: fresh code object; the code bytes lie in the ctx image, which the code object
    // keeps alive through `ctx`.
    unsafe {
        let c = &mut *co;
        c.ctx = ctx;
        c.children = lvl.children;
        c.name = name;
        c.code = image_of(ctx).as_ptr().add(code_start);
        c.code_len = code_len as u32;
        c.ip0 = ip0 as u32;
        c.line_info = line_info as u32;
        c.line_info_len = (info_end - line_info) as u32;
        c.arg_names = arg_names as u32;
        c.cells = info_end as u32;
        c.n_cells = pre.n_cell as u16;
        c.n_state = pre.n_state as u16;
        c.n_exc_stack = pre.n_exc as u16;
        c.scope_flags = pre.flags;
        c.n_pos_args = pre.n_pos as u8;
        c.n_kwonly_args = pre.n_kwonly as u8;
        c.n_def_pos_args = pre.n_def as u8;
        c.n_locals = n_locals as u16;
    }
    Ok(Value::from_ptr(co))
}

fn unsafe_ctx<'a>(ctx: Value) -> &'a ModuleCtxObj {
    // SAFETY: ctx is a live module context (rooted by the loader).
    unsafe { &*(ctx.raw() as *const ModuleCtxObj) }
}
