//! Serialise a compiled module as a `.mpy` v6 image (MPY_FORMAT.md section 2).
//!
//! Header `4d 06 00 <small-int bits>` (`43` = 'C' instead of 'M' for CircuitPython), the qstr table (entry 0 is the file name; strings in
//! MicroPython's static qstr list use the static form, as they must), the constant table, then
//! the module's raw code with its children nested in MAKE_* order.

use super::ast::{Ast, ConstVal};
use super::emit::{encode_vuint, CompiledModule};
use super::intern::Interner;
use super::num;
use super::{textend, CResult, CompileError, CompileOptions, VecExt};
use crate::bytecode::static_qstr::static_qstr_number;
use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec;

fn vuint<A: Allocator>(out: &mut Vec<u8, A>, v: u64) -> CResult<()> {
    let mut b = [0u8; 11];
    let n = encode_vuint(v, &mut b);
    textend(out, &b[..n])
}

fn decimal<A: Allocator>(out: &mut Vec<u8, A>, v: i128) -> CResult<()> {
    let mut buf = [0u8; 48];
    let mut n = 0;
    let neg = v < 0;
    let mut x = v.unsigned_abs();
    loop {
        buf[n] = b'0' + (x % 10) as u8;
        n += 1;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    if neg {
        buf[n] = b'-';
        n += 1;
    }
    buf[..n].reverse();
    vuint(out, n as u64)?;
    textend(out, &buf[..n])
}

fn write_obj<A: Allocator + Clone, B: Allocator>(
    out: &mut Vec<u8, B>,
    v: ConstVal,
    ast: &Ast<A>,
    interner: &Interner<A>,
    depth: u32,
) -> CResult<()> {
    if depth > 64 {
        return Err(CompileError::recursion(0));
    }
    match v {
        ConstVal::None => out.tpush(1),
        ConstVal::False => out.tpush(2),
        ConstVal::True => out.tpush(3),
        ConstVal::Ellipsis => out.tpush(4),
        ConstVal::Str(s) => {
            let b = interner.get(s);
            out.tpush(5)?;
            vuint(out, b.len() as u64)?;
            textend(out, b)?;
            out.tpush(0)
        }
        ConstVal::Bytes(a, l) => {
            let b = ast.span(a, l);
            out.tpush(6)?;
            vuint(out, b.len() as u64)?;
            textend(out, b)?;
            out.tpush(0)
        }
        ConstVal::Small(i) => {
            out.tpush(7)?;
            decimal(out, i as i128)
        }
        ConstVal::Big(i) => {
            out.tpush(7)?;
            decimal(out, i)
        }
        ConstVal::Limbs { neg, start, len } => {
            let mut text: Vec<u8, A> = Vec::new_in(ast.limbs.allocator().clone());
            ast.big(neg, start, len)
                .write_radix(10, &mut text)
                .map_err(|_| CompileError::memory())?;
            out.tpush(7)?;
            vuint(out, text.len() as u64)?;
            textend(out, &text)
        }
        ConstVal::Float(f) => {
            let mut buf = [0u8; 40];
            let n = num::float_repr(f, &mut buf);
            out.tpush(8)?;
            vuint(out, n as u64)?;
            textend(out, &buf[..n])
        }
        ConstVal::Complex(f) => {
            let mut buf = [0u8; 40];
            let mut n = num::float_repr(f, &mut buf);
            // MicroPython prints the imaginary part with %g: no ".0".
            if n >= 2 && &buf[n - 2..n] == b".0" {
                n -= 2;
            }
            out.tpush(9)?;
            vuint(out, n as u64 + 1)?;
            textend(out, &buf[..n])?;
            out.tpush(b'j')
        }
        ConstVal::Tuple(a, l) => {
            out.tpush(10)?;
            vuint(out, l as u64)?;
            for &c in ast.const_list(a, l) {
                write_obj(out, ast.konst(c), ast, interner, depth + 1)?;
            }
            Ok(())
        }
    }
}

/// Write the `.mpy` image.
pub fn write_mpy<A: Allocator + Clone>(
    m: &CompiledModule<A>,
    ast: &Ast<A>,
    interner: &Interner<A>,
    filename: &str,
    opts: &CompileOptions,
    alloc: A,
) -> CResult<Vec<u8, A>> {
    let mut out: Vec<u8, A> = Vec::new_in(alloc);
    let estimate = m.raws.iter().map(|r| r.code.len() + 4).sum::<usize>() + 64;
    out.try_reserve(estimate)
        .map_err(|_| CompileError::memory())?;
    // Byte 0 is the flavour's magic: CircuitPython's mpy-cross writes 'C' (FLAVOURS.md row 18).
    let magic = if opts.circuitpython { b'C' } else { b'M' };
    textend(&mut out, &[magic, 6, 0, opts.small_int_bits])?;
    vuint(&mut out, m.qstrs.len() as u64)?;
    vuint(&mut out, m.objs.len() as u64)?;
    for (i, &q) in m.qstrs.iter().enumerate() {
        let b: &[u8] = if i == 0 {
            filename.as_bytes()
        } else {
            interner.get(q)
        };
        let stat = core::str::from_utf8(b).ok().and_then(static_qstr_number);
        match stat {
            Some(n) => vuint(&mut out, ((n as u64) << 1) | 1)?,
            None => {
                vuint(&mut out, (b.len() as u64) << 1)?;
                textend(&mut out, b)?;
                out.tpush(0)?;
            }
        }
    }
    for &o in m.objs.iter() {
        write_obj(&mut out, o, ast, interner, 0)?;
    }
    write_raw(&mut out, m, 0, 0)?;
    Ok(out)
}

fn write_raw<A: Allocator + Clone>(
    out: &mut Vec<u8, A>,
    m: &CompiledModule<A>,
    s: usize,
    depth: u32,
) -> CResult<()> {
    if depth > 1000 {
        return Err(CompileError::recursion(0));
    }
    let Some(rc) = m.raws.get(s) else {
        return Ok(());
    };
    let has_children = !rc.children.is_empty();
    vuint(
        out,
        ((rc.code.len() as u64) << 3) | ((has_children as u64) << 2),
    )?;
    textend(out, &rc.code)?;
    if has_children {
        vuint(out, rc.children.len() as u64)?;
        for &c in rc.children.iter() {
            write_raw(out, m, c as usize, depth + 1)?;
        }
    }
    Ok(())
}
