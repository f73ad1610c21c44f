//! `re`: `compile`, `match`, `search`, `fullmatch`, `sub`, `subn`, `split`, `findall` and the
//! flags `I`/`IGNORECASE`, `M`/`MULTILINE`, `S`/`DOTALL`; compiled patterns with the same
//! methods; match objects with `group`, `groups`, `groupdict`, `start`, `end`, `span`.
//!
//! The engine is `re_engine.rs`. Errors are MicroPython's: `ValueError: error in regex` for
//! bad syntax, `ValueError: regex too complex` for unbalanced or over-large patterns, and
//! `RuntimeError` when a match exceeds the step budget. A match object prints as
//! MicroPython's `<match num=N>`.
//!
//! A pattern object's record is `(pattern, flags, program bytes, groupindex, Match class)`,
//! a match object's `(string, spans, pattern)` where `spans` holds `2 * (groups + 1)` ints
//! (`-1` for a group that did not take part).

use super::native::{self, ClassDef, Member};
use super::re_engine::{self as eng, Matcher, Program};
use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, dict, int, list, str as pystr, tuple, Kind};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{ops, Cx, PyResult, Raised};
use allocator_api2::vec::Vec;

type TVec<T> = Vec<T, crate::gc::heap::TempAlloc>;

fn engine_error(cx: &mut Cx, e: eng::Error) -> Raised {
    match e {
        eng::Error::Syntax => cx.value_error("error in regex"),
        eng::Error::TooComplex => cx.value_error("regex too complex"),
        eng::Error::Memory => cx.raise_memory_error(0),
        eng::Error::Budget => cx.runtime_error("maximum recursion depth exceeded"),
    }
}

/// The code points of a str (or the bytes of a bytes-like object).
fn chars_of(cx: &mut Cx, v: Value) -> PyResult<(TVec<u32>, bool)> {
    let mut out: TVec<u32> = Vec::new_in(cx.temp_alloc());
    if obj::kind_of(v) == Kind::Str && v.is_ptr() {
        let s = pystr::str_of(v).unwrap_or("");
        if out.try_reserve(s.len()).is_err() {
            return Err(cx.raise_memory_error(s.len() * 4));
        }
        out.extend(s.chars().map(|c| c as u32));
        return Ok((out, true));
    }
    let b = match ops::instance_base(v).unwrap_or(v) {
        b if obj::kind_of(b) == Kind::Str => {
            let s = pystr::str_of(b).unwrap_or("");
            if out.try_reserve(s.len()).is_err() {
                return Err(cx.raise_memory_error(s.len() * 4));
            }
            out.extend(s.chars().map(|c| c as u32));
            return Ok((out, true));
        }
        _ => native::readable(cx, v)?,
    };
    if out.try_reserve(b.len()).is_err() {
        return Err(cx.raise_memory_error(b.len() * 4));
    }
    out.extend(b.iter().map(|&c| c as u32));
    Ok((out, false))
}

const REC_PATTERN: usize = 0;
const REC_FLAGS: usize = 1;
const REC_PROG: usize = 2;
const REC_GROUPINDEX: usize = 3;
const REC_MATCH_CLASS: usize = 4;

/// Compile `pat` into a pattern object of class `cls` whose matches are of class `mcls`.
fn compile_obj(cx: &mut Cx, cls: Value, mcls: Value, pat: Value, flags: Value) -> PyResult<Value> {
    let fl = if flags.is_null() {
        0
    } else {
        crate::vm::seq::int_arg(cx, flags)? as u32
    };
    let (chars, _) = chars_of(cx, pat)?;
    let c = eng::compile(&chars, fl, cx.temp_alloc()).map_err(|e| engine_error(cx, e))?;
    let mut raw = StrBuilder::new(cx);
    for w in c.words.iter() {
        raw.push(&w.to_le_bytes());
    }
    let prog = raw.finish_bytes(cx)?;
    let mark = cx.roots_mark();
    cx.root(prog)?;
    let r = (|| {
        let gi = dict::new(cx)?;
        cx.root(gi)?;
        for &(s, n, g) in c.names.iter() {
            let mut name = StrBuilder::new(cx);
            for &ch in chars.get(s as usize..(s + n) as usize).unwrap_or(&[]) {
                name.push_char(char::from_u32(ch).unwrap_or('?'));
            }
            let k = name.finish(cx)?;
            let m2 = cx.roots_mark();
            cx.root(k)?;
            dict::set(cx, gi, k, Value::small_int_unchecked(g as isize))?;
            cx.roots_truncate(m2);
        }
        let rec = native::new_record(
            cx,
            &[pat, Value::small_int_unchecked(fl as isize), prog, gi, mcls],
        )?;
        cx.root(rec)?;
        native::new_instance(cx, cls, rec)
    })();
    cx.roots_truncate(mark);
    r
}

fn pattern_rec(cx: &mut Cx, v: Value) -> PyResult<Value> {
    native::record_of(cx, v, 5, "re")
}

/// The program words of a pattern record (copied into temporary memory).
fn program_words(cx: &mut Cx, rec: Value) -> PyResult<TVec<u32>> {
    let b = pystr::bytes_of(native::field(rec, REC_PROG)).unwrap_or(&[]);
    let mut w: TVec<u32> = Vec::new_in(cx.temp_alloc());
    if w.try_reserve(b.len() / 4).is_err() {
        return Err(cx.raise_memory_error(b.len()));
    }
    w.extend(
        b.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
    );
    Ok(w)
}

/// A pattern ready to run over a string.
struct Run {
    words: TVec<u32>,
    text: TVec<u32>,
    is_str: bool,
    m: Option<Matcher>,
}

impl Run {
    fn new(cx: &mut Cx, pat_obj: Value, string: Value) -> PyResult<Run> {
        let rec = pattern_rec(cx, pat_obj)?;
        let pat_is_str = obj::kind_of(native::field(rec, REC_PATTERN)) == Kind::Str;
        let words = program_words(cx, rec)?;
        let (text, is_str) = chars_of(cx, string)?;
        if is_str != pat_is_str {
            return Err(cx.type_error(if pat_is_str {
                "cannot use a string pattern on a bytes-like object"
            } else {
                "cannot use a bytes pattern on a string-like object"
            }));
        }
        let mut r = Run {
            words,
            text,
            is_str,
            m: None,
        };
        let Some(p) = Program::new(&r.words) else {
            return Err(cx.type_error("'re' object required"));
        };
        r.m = Some(Matcher::new(&p, cx.temp_alloc()).map_err(|e| engine_error(cx, e))?);
        Ok(r)
    }

    fn search(
        &mut self,
        cx: &mut Cx,
        from: usize,
        end: usize,
        anchored: bool,
        must_advance: bool,
        full: bool,
    ) -> PyResult<bool> {
        let (Some(p), Some(m)) = (Program::new(&self.words), self.m.as_mut()) else {
            return Ok(false);
        };
        m.search(&p, &self.text, from, end, anchored, must_advance, full)
            .map_err(|e| engine_error(cx, e))
    }

    fn caps(&self) -> &[usize] {
        self.m.as_ref().map_or(&[], |m| &m.caps[..])
    }
}

/// A new match object for the run's current captures.
fn new_match(cx: &mut Cx, pat_obj: Value, string: Value, run: &Run) -> PyResult<Value> {
    let rec = pattern_rec(cx, pat_obj)?;
    let mcls = native::field(rec, REC_MATCH_CLASS);
    let caps = run.caps();
    let spans = tuple::new_uninit(cx, caps.len())?;
    let mark = cx.roots_mark();
    cx.root(spans)?;
    let caps = run.caps();
    for (i, &c) in caps.iter().enumerate() {
        let v = if c == usize::MAX {
            Value::small_int_unchecked(-1)
        } else {
            Value::small_int_unchecked(c as isize)
        };
        native::set_field(cx, spans, i, v);
    }
    // A group whose end is unset did not take part.
    for g in 0..caps.len() / 2 {
        if caps[2 * g] == usize::MAX || caps[2 * g + 1] == usize::MAX {
            native::set_field(cx, spans, 2 * g, Value::small_int_unchecked(-1));
            native::set_field(cx, spans, 2 * g + 1, Value::small_int_unchecked(-1));
        }
    }
    let r = native::new_record(cx, &[string, spans, pat_obj]).and_then(|rec| {
        cx.root(rec)?;
        native::new_instance(cx, mcls, rec)
    });
    cx.roots_truncate(mark);
    r
}

/// `pattern.match/search/fullmatch(string, pos=0, endpos=None)`.
fn do_match(cx: &mut Cx, a: &[Value], k: &[Value], anchored: bool, full: bool) -> PyResult<Value> {
    let [s, pos, endpos] =
        crate::builtins::args::parse(cx, &a[1..], k, ["string", "pos", "endpos"], 3)?;
    if s.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let mut run = Run::new(cx, a[0], s)?;
    let n = run.text.len();
    let clamp = |v: isize| -> usize { v.clamp(0, n as isize) as usize };
    let from = if pos.is_null() {
        0
    } else {
        clamp(crate::vm::seq::int_arg(cx, pos)?)
    };
    let end = if endpos.is_null() || endpos.is_none() {
        n
    } else {
        clamp(crate::vm::seq::int_arg(cx, endpos)?)
    };
    if from > end || !run.search(cx, from, end, anchored, false, full)? {
        return Ok(Value::NONE);
    }
    new_match(cx, a[0], s, &run)
}

fn p_match(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    do_match(cx, a, k, true, false)
}

fn p_search(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    do_match(cx, a, k, false, false)
}

fn p_fullmatch(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    do_match(cx, a, k, true, true)
}

/// The substring of `s` between char positions `i..j`.
fn substring(cx: &mut Cx, s: Value, is_str: bool, i: usize, j: usize) -> PyResult<Value> {
    let base = ops::instance_base(s).unwrap_or(s);
    if is_str {
        let b = pystr::bytes_of(base).unwrap_or(&[]);
        let ascii = b.is_ascii();
        let bi = pystr::char_to_byte(b, ascii, i).min(b.len());
        let bj = pystr::char_to_byte(b, ascii, j).clamp(bi, b.len());
        let (p, n) = (b[bi..bj].as_ptr(), bj - bi);
        // SAFETY: the slice lives in the (rooted, immutable) string.
        pystr::new_str(cx, unsafe { core::slice::from_raw_parts(p, n) })
    } else {
        let b = native::readable(cx, s)?;
        let bj = j.min(b.len());
        let bi = i.min(bj);
        let (p, n) = (b[bi..bj].as_ptr(), bj - bi);
        // SAFETY: as above; a new bytes copies before anything else runs.
        pystr::new_bytes(cx, unsafe { core::slice::from_raw_parts(p, n) })
    }
}

/// Append the replacement template `tmpl` for the current match to `out`.
fn expand_template(
    cx: &mut Cx,
    out: &mut StrBuilder,
    tmpl: &[u8],
    run: &Run,
    s: Value,
    groupindex: Value,
) -> PyResult<()> {
    let caps = run.caps();
    let ngroups = caps.len() / 2;
    let mut i = 0;
    let group_text = |cx: &mut Cx, out: &mut StrBuilder, g: usize| -> PyResult<()> {
        if g >= ngroups {
            // MicroPython's error: IndexError with the group number.
            return Err(
                cx.raise_with_arg(&INDEX_ERROR_TYPE, Value::small_int_unchecked(g as isize))
            );
        }
        let (a, b) = (caps[2 * g], caps[2 * g + 1]);
        if a == usize::MAX || b == usize::MAX {
            return Ok(());
        }
        let v = substring(cx, s, run.is_str, a, b)?;
        out.push(pystr::bytes_of(v).unwrap_or(&[]));
        Ok(())
    };
    while i < tmpl.len() {
        let c = tmpl[i];
        if c != b'\\' || i + 1 >= tmpl.len() {
            out.push_byte(c);
            i += 1;
            continue;
        }
        let e = tmpl[i + 1];
        i += 2;
        match e {
            b'0'..=b'9' => {
                let mut g = (e - b'0') as usize;
                if i < tmpl.len() && tmpl[i].is_ascii_digit() {
                    g = g * 10 + (tmpl[i] - b'0') as usize;
                    i += 1;
                }
                group_text(cx, out, g)?;
            }
            b'g' if tmpl.get(i) == Some(&b'<') => {
                let Some(close) = tmpl[i..].iter().position(|&c| c == b'>') else {
                    return Err(cx.value_error("missing >, unterminated name"));
                };
                let name = &tmpl[i + 1..i + close];
                i += close + 1;
                let g = if !name.is_empty() && name.iter().all(|c| c.is_ascii_digit()) {
                    core::str::from_utf8(name)
                        .ok()
                        .and_then(|s| s.parse::<usize>().ok())
                        .unwrap_or(usize::MAX)
                } else {
                    let key = pystr::new_str(cx, name)?;
                    match dict::get(cx, groupindex, key)? {
                        Some(v) => v.as_small_int().unwrap_or(-1) as usize,
                        None => {
                            return Err(cx.raise_with_arg(&INDEX_ERROR_TYPE, key));
                        }
                    }
                };
                group_text(cx, out, g)?;
            }
            b'n' => out.push_byte(b'\n'),
            b't' => out.push_byte(b'\t'),
            b'r' => out.push_byte(b'\r'),
            b'f' => out.push_byte(0x0c),
            b'v' => out.push_byte(0x0b),
            b'a' => out.push_byte(0x07),
            b'\\' => out.push_byte(b'\\'),
            _ => {
                out.push_byte(b'\\');
                out.push_byte(e);
            }
        }
    }
    Ok(())
}

/// `pattern.sub(repl, string, count=0)` and `subn`: returns (result, count).
fn do_sub(
    cx: &mut Cx,
    pat_obj: Value,
    repl: Value,
    s: Value,
    count: Value,
) -> PyResult<(Value, usize)> {
    let limit = if count.is_null() {
        0
    } else {
        crate::vm::seq::int_arg(cx, count)?.max(0) as usize
    };
    let mut run = Run::new(cx, pat_obj, s)?;
    let rec = pattern_rec(cx, pat_obj)?;
    let groupindex = native::field(rec, REC_GROUPINDEX);
    let repl_is_fn = !matches!(obj::kind_of(repl), Kind::Str | Kind::Bytes);
    let n = run.text.len();
    let mut out = StrBuilder::new(cx);
    let (mut pos, mut last, mut done) = (0usize, 0usize, 0usize);
    let mut must_advance = false;
    let mark = cx.roots_mark();
    while (limit == 0 || done < limit) && pos <= n {
        if !run.search(cx, pos, n, false, must_advance, false)? {
            break;
        }
        let (b, e) = (run.caps()[0], run.caps()[1]);
        let piece = substring(cx, s, run.is_str, last, b)?;
        out.push(pystr::bytes_of(piece).unwrap_or(&[]));
        if repl_is_fn {
            let m = new_match(cx, pat_obj, s, &run)?;
            cx.root(m)?;
            let r = cx.call(repl, &[m], &[])?;
            match pystr::bytes_of(r) {
                Some(rb) if matches!(obj::kind_of(r), Kind::Str | Kind::Bytes) => out.push(rb),
                _ => {
                    cx.roots_truncate(mark);
                    return Err(cx.type_error("expected str instance"));
                }
            }
            cx.roots_truncate(mark);
        } else {
            let t = pystr::bytes_of(repl).unwrap_or(&[]);
            let (tp, tn) = (t.as_ptr(), t.len());
            // SAFETY: repl is an argument (rooted, immutable).
            let t = unsafe { core::slice::from_raw_parts(tp, tn) };
            expand_template(cx, &mut out, t, &run, s, groupindex)?;
        }
        done += 1;
        last = e;
        must_advance = e == b;
        pos = e;
    }
    let tail = substring(cx, s, run.is_str, last, n)?;
    out.push(pystr::bytes_of(tail).unwrap_or(&[]));
    let r = if run.is_str {
        out.finish(cx)?
    } else {
        out.finish_bytes(cx)?
    };
    Ok((r, done))
}

fn p_sub(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [repl, s, count] =
        crate::builtins::args::parse(cx, &a[1..], k, ["repl", "string", "count"], 3)?;
    if repl.is_null() || s.is_null() {
        return Err(cx.type_error("function missing 2 required positional arguments"));
    }
    Ok(do_sub(cx, a[0], repl, s, count)?.0)
}

fn p_subn(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [repl, s, count] =
        crate::builtins::args::parse(cx, &a[1..], k, ["repl", "string", "count"], 3)?;
    if repl.is_null() || s.is_null() {
        return Err(cx.type_error("function missing 2 required positional arguments"));
    }
    let (r, n) = do_sub(cx, a[0], repl, s, count)?;
    let mark = cx.roots_mark();
    cx.root(r)?;
    let t = tuple::new(cx, &[r, Value::small_int_unchecked(n as isize)]);
    cx.roots_truncate(mark);
    t
}

/// The value of group `g` (None when it did not take part).
fn group_value(cx: &mut Cx, run: &Run, s: Value, g: usize, default: Value) -> PyResult<Value> {
    let caps = run.caps();
    let (a, b) = (caps[2 * g], caps[2 * g + 1]);
    if a == usize::MAX || b == usize::MAX {
        return Ok(default);
    }
    substring(cx, s, run.is_str, a, b)
}

fn p_split(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [s, maxsplit] = crate::builtins::args::parse(cx, &a[1..], k, ["string", "maxsplit"], 2)?;
    if s.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let limit = if maxsplit.is_null() {
        0
    } else {
        crate::vm::seq::int_arg(cx, maxsplit)?.max(0) as usize
    };
    let mut run = Run::new(cx, a[0], s)?;
    let n = run.text.len();
    let l = list::with_capacity(cx, 0)?;
    let mark = cx.roots_mark();
    cx.root(l)?;
    let r = (|| {
        let (mut pos, mut last, mut done) = (0usize, 0usize, 0usize);
        let mut must_advance = false;
        while (limit == 0 || done < limit) && pos <= n {
            if !run.search(cx, pos, n, false, must_advance, false)? {
                break;
            }
            let (b, e) = (run.caps()[0], run.caps()[1]);
            let piece = substring(cx, s, run.is_str, last, b)?;
            list::append(cx, l, piece)?;
            for g in 1..run.caps().len() / 2 {
                let v = group_value(cx, &run, s, g, Value::NONE)?;
                list::append(cx, l, v)?;
            }
            done += 1;
            last = e;
            must_advance = e == b;
            pos = e;
        }
        let tail = substring(cx, s, run.is_str, last, n)?;
        list::append(cx, l, tail)
    })();
    cx.roots_truncate(mark);
    r.map(|_| l)
}

fn p_findall(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [s, _pos, _endpos] =
        crate::builtins::args::parse(cx, &a[1..], k, ["string", "pos", "endpos"], 3)?;
    if s.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    let mut run = Run::new(cx, a[0], s)?;
    let n = run.text.len();
    let l = list::with_capacity(cx, 0)?;
    let mark = cx.roots_mark();
    cx.root(l)?;
    let r = (|| {
        let mut pos = 0usize;
        let mut must_advance = false;
        let empty = substring(cx, s, run.is_str, 0, 0)?;
        cx.root(empty)?;
        while pos <= n {
            if !run.search(cx, pos, n, false, must_advance, false)? {
                break;
            }
            let (b, e) = (run.caps()[0], run.caps()[1]);
            let ng = run.caps().len() / 2 - 1;
            let v = match ng {
                0 => group_value(cx, &run, s, 0, empty)?,
                1 => group_value(cx, &run, s, 1, empty)?,
                _ => {
                    let t = tuple::new_uninit(cx, ng)?;
                    let m2 = cx.roots_mark();
                    cx.root(t)?;
                    for g in 1..=ng {
                        let x = group_value(cx, &run, s, g, empty)?;
                        native::set_field(cx, t, g - 1, x);
                    }
                    cx.roots_truncate(m2);
                    t
                }
            };
            list::append(cx, l, v)?;
            must_advance = e == b;
            pos = e;
        }
        Ok(())
    })();
    cx.roots_truncate(mark);
    r.map(|_| l)
}

fn p_pattern(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let rec = pattern_rec(cx, a[0])?;
    Ok(native::field(rec, REC_PATTERN))
}

fn p_flags(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let rec = pattern_rec(cx, a[0])?;
    Ok(native::field(rec, REC_FLAGS))
}

fn p_groups(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let rec = pattern_rec(cx, a[0])?;
    let w = program_words(cx, rec)?;
    Ok(Value::small_int_unchecked(
        w.first().copied().unwrap_or(0) as isize
    ))
}

fn p_groupindex(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let rec = pattern_rec(cx, a[0])?;
    let gi = native::field(rec, REC_GROUPINDEX);
    let d = dict::new(cx)?;
    let mark = cx.roots_mark();
    cx.root(d)?;
    let r = crate::obj::table::copy_into(cx, d, gi);
    cx.roots_truncate(mark);
    r.map(|_| d)
}

fn p_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let rec = pattern_rec(cx, a[0])?;
    let mut b = StrBuilder::new(cx);
    b.push(b"re.compile(");
    crate::obj::methods::repr::write_repr(cx, &mut b, native::field(rec, REC_PATTERN), 1)?;
    b.push_byte(b')');
    b.finish(cx)
}

native_fn!(P_MATCH, q::match_, 2, 4, true, p_match);
native_fn!(P_SEARCH, q::search, 2, 4, true, p_search);
native_fn!(P_FULLMATCH, q::fullmatch, 2, 4, true, p_fullmatch);
native_fn!(P_SUB, q::sub, 3, 4, true, p_sub);
native_fn!(P_SUBN, q::subn, 3, 4, true, p_subn);
native_fn!(P_SPLIT, q::split, 2, 3, true, p_split);
native_fn!(P_FINDALL, q::findall, 2, 4, true, p_findall);
native_fn!(P_PATTERN, q::pattern, 1, 1, false, p_pattern);
native_fn!(P_FLAGS, q::flags, 1, 1, false, p_flags);
native_fn!(P_GROUPS, q::groups, 1, 1, false, p_groups);
native_fn!(P_GROUPINDEX, q::groupindex, 1, 1, false, p_groupindex);
native_fn!(P_REPR, q::__repr__, 1, 1, false, p_repr);

static PATTERN_CLASS: ClassDef = ClassDef {
    name: &q::re,
    base: &OBJECT_TYPE,
    members: &[
        (&q::match_, Member::Method(&P_MATCH)),
        (&q::search, Member::Method(&P_SEARCH)),
        (&q::fullmatch, Member::Method(&P_FULLMATCH)),
        (&q::sub, Member::Method(&P_SUB)),
        (&q::subn, Member::Method(&P_SUBN)),
        (&q::split, Member::Method(&P_SPLIT)),
        (&q::findall, Member::Method(&P_FINDALL)),
        (&q::pattern, Member::Getter(&P_PATTERN)),
        (&q::flags, Member::Getter(&P_FLAGS)),
        (&q::groups, Member::Getter(&P_GROUPS)),
        (&q::groupindex, Member::Getter(&P_GROUPINDEX)),
        (&q::__repr__, Member::Method(&P_REPR)),
    ],
};

// ---------------------------------------------------------------------------------------
// Match objects.

struct MatchParts {
    string: Value,
    spans: Value,
    pattern: Value,
}

fn match_parts(cx: &mut Cx, v: Value) -> PyResult<MatchParts> {
    let rec = native::record_of(cx, v, 3, "match")?;
    let spans = native::field(rec, 1);
    if obj::kind_of(spans) != Kind::Tuple {
        return Err(cx.type_error("'match' object required"));
    }
    Ok(MatchParts {
        string: native::field(rec, 0),
        spans,
        pattern: native::field(rec, 2),
    })
}

fn span_of(m: &MatchParts, g: usize) -> (isize, isize) {
    let s = tuple::items_of(m.spans).unwrap_or(&[]);
    let get = |i: usize| s.get(i).and_then(|v| v.as_small_int()).unwrap_or(-1);
    (get(2 * g), get(2 * g + 1))
}

fn ngroups(m: &MatchParts) -> usize {
    tuple::items_of(m.spans).map_or(0, |s| s.len() / 2)
}

/// The group number named by `g` (an int or a group name).
fn group_index(cx: &mut Cx, m: &MatchParts, g: Value) -> PyResult<usize> {
    if let Some(i) = int::to_i64(g) {
        if i >= 0 && (i as usize) < ngroups(m) {
            return Ok(i as usize);
        }
        return Err(cx.raise_with_arg(&INDEX_ERROR_TYPE, g));
    }
    if obj::kind_of(g) == Kind::Str {
        if let Ok(rec) = pattern_rec(cx, m.pattern) {
            let gi = native::field(rec, REC_GROUPINDEX);
            if let Some(v) = dict::get(cx, gi, g)? {
                if let Some(i) = v.as_small_int() {
                    if i >= 0 && (i as usize) < ngroups(m) {
                        return Ok(i as usize);
                    }
                }
            }
        }
    }
    Err(cx.raise_with_arg(&INDEX_ERROR_TYPE, g))
}

fn group_of(cx: &mut Cx, m: &MatchParts, g: usize, default: Value) -> PyResult<Value> {
    let (a, b) = span_of(m, g);
    if a < 0 || b < 0 {
        return Ok(default);
    }
    let is_str = obj::kind_of(ops::instance_base(m.string).unwrap_or(m.string)) == Kind::Str;
    substring(cx, m.string, is_str, a as usize, b as usize)
}

fn m_group(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let m = match_parts(cx, a[0])?;
    if a.len() <= 2 {
        let g = match a.get(1) {
            Some(&g) => group_index(cx, &m, g)?,
            None => 0,
        };
        return group_of(cx, &m, g, Value::NONE);
    }
    let t = tuple::new_uninit(cx, a.len() - 1)?;
    let mark = cx.roots_mark();
    cx.root(t)?;
    let r = (|| {
        for (i, &g) in a[1..].iter().enumerate() {
            let gi = group_index(cx, &m, g)?;
            let v = group_of(cx, &m, gi, Value::NONE)?;
            native::set_field(cx, t, i, v);
        }
        Ok(t)
    })();
    cx.roots_truncate(mark);
    r
}

fn m_getitem(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let m = match_parts(cx, a[0])?;
    let g = group_index(cx, &m, a[1])?;
    group_of(cx, &m, g, Value::NONE)
}

fn m_groups(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [default] = crate::builtins::args::parse(cx, &a[1..], k, ["default"], 1)?;
    let default = crate::builtins::args::or(default, Value::NONE);
    let m = match_parts(cx, a[0])?;
    let n = ngroups(&m).saturating_sub(1);
    let t = tuple::new_uninit(cx, n)?;
    let mark = cx.roots_mark();
    cx.root(t)?;
    let r = (|| {
        for g in 1..=n {
            let v = group_of(cx, &m, g, default)?;
            native::set_field(cx, t, g - 1, v);
        }
        Ok(t)
    })();
    cx.roots_truncate(mark);
    r
}

fn m_groupdict(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [default] = crate::builtins::args::parse(cx, &a[1..], k, ["default"], 1)?;
    let default = crate::builtins::args::or(default, Value::NONE);
    let m = match_parts(cx, a[0])?;
    let rec = pattern_rec(cx, m.pattern)?;
    let gi = native::field(rec, REC_GROUPINDEX);
    let d = dict::new(cx)?;
    let mark = cx.roots_mark();
    cx.root(d)?;
    let r = (|| {
        let mut i = 0;
        while let Some((next, name, g)) = crate::obj::table::next_entry(gi, i) {
            i = next;
            let g = g.as_small_int().unwrap_or(0).max(0) as usize;
            let v = group_of(cx, &m, g.min(ngroups(&m).saturating_sub(1)), default)?;
            dict::set(cx, d, name, v)?;
        }
        Ok(d)
    })();
    cx.roots_truncate(mark);
    r
}

fn group_arg(cx: &mut Cx, m: &MatchParts, a: &[Value]) -> PyResult<usize> {
    match a.get(1) {
        Some(&g) => group_index(cx, m, g),
        None => Ok(0),
    }
}

fn m_start(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let m = match_parts(cx, a[0])?;
    let g = group_arg(cx, &m, a)?;
    Ok(Value::small_int_unchecked(span_of(&m, g).0))
}

fn m_end(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let m = match_parts(cx, a[0])?;
    let g = group_arg(cx, &m, a)?;
    Ok(Value::small_int_unchecked(span_of(&m, g).1))
}

fn m_span(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let m = match_parts(cx, a[0])?;
    let g = group_arg(cx, &m, a)?;
    let (s, e) = span_of(&m, g);
    tuple::new(
        cx,
        &[Value::small_int_unchecked(s), Value::small_int_unchecked(e)],
    )
}

fn m_string(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(match_parts(cx, a[0])?.string)
}

fn m_re(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(match_parts(cx, a[0])?.pattern)
}

fn m_repr(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let m = match_parts(cx, a[0])?;
    let mut b = StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(&mut b, format_args!("<match num={}>", ngroups(&m)));
    b.finish(cx)
}

native_fn!(
    M_GROUP,
    q::group,
    1,
    crate::obj::func::VARARGS,
    false,
    m_group
);
native_fn!(M_GETITEM, q::__getitem__, 2, 2, false, m_getitem);
native_fn!(M_GROUPS, q::groups, 1, 2, true, m_groups);
native_fn!(M_GROUPDICT, q::groupdict, 1, 2, true, m_groupdict);
native_fn!(M_START, q::start, 1, 2, false, m_start);
native_fn!(M_END, q::end, 1, 2, false, m_end);
native_fn!(M_SPAN, q::span, 1, 2, false, m_span);
native_fn!(M_STRING, q::string, 1, 1, false, m_string);
native_fn!(M_RE, q::re, 1, 1, false, m_re);
native_fn!(M_REPR, q::__repr__, 1, 1, false, m_repr);

static MATCH_CLASS: ClassDef = ClassDef {
    name: &q::match_,
    base: &OBJECT_TYPE,
    members: &[
        (&q::group, Member::Method(&M_GROUP)),
        (&q::__getitem__, Member::Method(&M_GETITEM)),
        (&q::groups, Member::Method(&M_GROUPS)),
        (&q::groupdict, Member::Method(&M_GROUPDICT)),
        (&q::start, Member::Method(&M_START)),
        (&q::end, Member::Method(&M_END)),
        (&q::span, Member::Method(&M_SPAN)),
        (&q::string, Member::Getter(&M_STRING)),
        (&q::re, Member::Getter(&M_RE)),
        (&q::__repr__, Member::Method(&M_REPR)),
    ],
};

// ---------------------------------------------------------------------------------------
// Module functions, bound to the state (Pattern class, Match class).

/// The pattern object for a module function's `pattern` argument (compiled unless it is one).
fn pattern_arg(cx: &mut Cx, state: Value, pat: Value, flags: Value) -> PyResult<Value> {
    let pcls = native::state_class(cx, state, 0)?;
    if native::is_instance_of(pat, pcls) {
        return Ok(pat);
    }
    let mcls = native::state_class(cx, state, 1)?;
    compile_obj(cx, pcls, mcls, pat, flags)
}

fn f_compile(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let [pat, flags] = crate::builtins::args::parse(cx, &a[1..], k, ["pattern", "flags"], 2)?;
    if pat.is_null() {
        return Err(cx.type_error("function missing 1 required positional arguments"));
    }
    pattern_arg(cx, a[0], pat, flags)
}

/// `re.f(pattern, string, ..., flags=0)`: compile, then call the pattern method with the
/// remaining arguments.
fn via_pattern(
    cx: &mut Cx,
    a: &[Value],
    k: &[Value],
    flags_at: usize,
    names: [&str; 4],
    method: fn(&mut Cx, &[Value], &[Value]) -> PyResult<Value>,
) -> PyResult<Value> {
    let parsed = crate::builtins::args::parse(cx, &a[1..], k, names, 4)?;
    if parsed[..2].iter().any(|v| v.is_null()) {
        return Err(cx.type_error("function missing required positional arguments"));
    }
    let p = pattern_arg(cx, a[0], parsed[0], parsed[flags_at])?;
    let mark = cx.roots_mark();
    cx.root(p)?;
    let mut args = [Value::NULL; 4];
    args[0] = p;
    let mut n = 1;
    for &v in &parsed[1..flags_at] {
        if v.is_null() {
            break;
        }
        args[n] = v;
        n += 1;
    }
    let r = method(cx, &args[..n], &[]);
    cx.roots_truncate(mark);
    r
}

fn f_match(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    via_pattern(cx, a, k, 2, ["pattern", "string", "flags", ""], p_match)
}

fn f_search(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    via_pattern(cx, a, k, 2, ["pattern", "string", "flags", ""], p_search)
}

fn f_fullmatch(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    via_pattern(cx, a, k, 2, ["pattern", "string", "flags", ""], p_fullmatch)
}

fn f_sub(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    // sub(pattern, repl, string, count=0, flags=0)
    let [pat, repl, s, count, flags] = crate::builtins::args::parse(
        cx,
        &a[1..],
        k,
        ["pattern", "repl", "string", "count", "flags"],
        5,
    )?;
    if pat.is_null() || repl.is_null() || s.is_null() {
        return Err(cx.type_error("function missing required positional arguments"));
    }
    let p = pattern_arg(cx, a[0], pat, flags)?;
    let mark = cx.roots_mark();
    cx.root(p)?;
    let r = do_sub(cx, p, repl, s, count);
    cx.roots_truncate(mark);
    Ok(r?.0)
}

fn f_split(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    via_pattern(
        cx,
        a,
        k,
        3,
        ["pattern", "string", "maxsplit", "flags"],
        p_split,
    )
}

fn f_findall(cx: &mut Cx, a: &[Value], k: &[Value]) -> PyResult<Value> {
    via_pattern(cx, a, k, 2, ["pattern", "string", "flags", ""], p_findall)
}

native_fn!(F_COMPILE, q::compile, 2, 3, true, f_compile);
native_fn!(F_MATCH, q::match_, 3, 4, true, f_match);
native_fn!(F_SEARCH, q::search, 3, 4, true, f_search);
native_fn!(F_FULLMATCH, q::fullmatch, 3, 4, true, f_fullmatch);
native_fn!(F_SUB, q::sub, 4, 6, true, f_sub);
native_fn!(F_SPLIT, q::split, 3, 5, true, f_split);
native_fn!(F_FINDALL, q::findall, 3, 4, true, f_findall);

fn init(cx: &mut Cx, m: Value) -> PyResult<()> {
    native::install_with(
        cx,
        m,
        &[&PATTERN_CLASS, &MATCH_CLASS],
        &[
            (&q::compile, &F_COMPILE),
            (&q::match_, &F_MATCH),
            (&q::search, &F_SEARCH),
            (&q::fullmatch, &F_FULLMATCH),
            (&q::sub, &F_SUB),
            (&q::split, &F_SPLIT),
            (&q::findall, &F_FINDALL),
        ],
        false,
    )
}

/// The `re` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::re,
    items: &[
        (&q::I, Item::Int(eng::IGNORECASE as isize)),
        (&q::IGNORECASE, Item::Int(eng::IGNORECASE as isize)),
        (&q::M, Item::Int(eng::MULTILINE as isize)),
        (&q::MULTILINE, Item::Int(eng::MULTILINE as isize)),
        (&q::S, Item::Int(eng::DOTALL as isize)),
        (&q::DOTALL, Item::Int(eng::DOTALL as isize)),
        (&q::DEBUG, Item::Int(4096)),
    ],
    init: Some(init),
};
