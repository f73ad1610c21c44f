//! `import`: builtin modules, `.py`/`.mpy` files and packages found on `sys.path` through the
//! port's filesystem, relative imports, and running a module's code.

use super::{Cx, PyResult};
use crate::hal::PathKind;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{self, dict, list, module, str as pystr, tuple, Kind};
use crate::qstrs::q;
use crate::value::Value;

/// IMPORT_NAME: import `name` (relative to the importing module for `level > 0`) and return
/// the top package, or the module itself when `fromlist` is given.
pub fn import_name(
    cx: &mut Cx,
    name: Value,
    fromlist: Value,
    level: Value,
    globals: Value,
) -> PyResult<Value> {
    let level = level.as_small_int().unwrap_or(0).max(0) as usize;
    let mark = cx.roots_mark();
    let full = if level > 0 {
        resolve_relative(cx, name, level, globals)?
    } else {
        name
    };
    cx.root(full)?;
    let r = import_dotted(cx, full);
    let r = match r {
        Ok((top, leaf)) => {
            let want_leaf = !fromlist.is_none()
                && !fromlist.is_null()
                && tuple::items_of(fromlist).is_none_or(|t| !t.is_empty());
            Ok(
                if want_leaf || level > 0 && pystr::bytes_of(name) == Some(b"") {
                    leaf
                } else {
                    top
                },
            )
        }
        Err(e) => Err(e),
    };
    cx.roots_truncate(mark);
    r
}

fn resolve_relative(cx: &mut Cx, name: Value, level: usize, globals: Value) -> PyResult<Value> {
    let modname = dict::get_str(globals, q::__name__.value())
        .and_then(pystr::str_of)
        .unwrap_or("");
    let is_pkg = dict::get_str(globals, q::__path__.value()).is_some();
    let mut b = StrBuilder::new(cx);
    b.push_str(modname);
    let mut pkg_len = b.as_bytes().len();
    let mut strip = if is_pkg { level - 1 } else { level };
    while strip > 0 {
        match b.as_bytes()[..pkg_len].iter().rposition(|&c| c == b'.') {
            Some(p) => pkg_len = p,
            None => {
                if pkg_len == 0 || strip > 1 || (modname == "__main__") {
                    return Err(cx.raise_msg(&IMPORT_ERROR_TYPE, "can't perform relative import"));
                }
                pkg_len = 0;
            }
        }
        strip -= 1;
    }
    b.buf.truncate(pkg_len);
    if pkg_len == 0 {
        return Err(cx.raise_msg(&IMPORT_ERROR_TYPE, "can't perform relative import"));
    }
    let nb = pystr::bytes_of(name).unwrap_or(&[]);
    if !nb.is_empty() {
        b.push_byte(b'.');
        b.push(nb);
    }
    if b.failed {
        return Err(cx.raise_memory_error(0));
    }
    pystr::intern(cx, &b.buf)
}

/// Import every component of a dotted name; returns (top, leaf).
fn import_dotted(cx: &mut Cx, full: Value) -> PyResult<(Value, Value)> {
    let fb = pystr::bytes_of(full).unwrap_or(&[]);
    let n = fb.len();
    let mut top = Value::NULL;
    let mut parent = Value::NULL;
    let mut start = 0;
    let mark = cx.roots_mark();
    loop {
        let fb = pystr::bytes_of(full).unwrap_or(&[]);
        let end = fb[start..]
            .iter()
            .position(|&c| c == b'.')
            .map_or(n, |p| start + p);
        let prefix = pystr::intern(cx, &pystr::bytes_of(full).unwrap_or(&[])[..end])?;
        cx.root(prefix)?;
        let m = import_one(cx, prefix, parent, start)?;
        cx.root(m)?;
        if top.is_null() {
            top = m;
        }
        if !parent.is_null() {
            // Bind the submodule as an attribute of its package.
            let short = pystr::intern(cx, &pystr::bytes_of(full).unwrap_or(&[])[start..end])?;
            if let Some(d) = module::dict_of(parent) {
                dict::set(cx, d, short, m)?;
            }
        }
        parent = m;
        if end >= n {
            break;
        }
        start = end + 1;
    }
    cx.roots_truncate(mark);
    Ok((top, parent))
}

/// Import one module by its full dotted name; `parent` is its package (or NULL).
fn import_one(cx: &mut Cx, full: Value, parent: Value, short_at: usize) -> PyResult<Value> {
    if let Some(m) = dict::get_str(cx.modules, full) {
        return Ok(m);
    }
    let fb = pystr::bytes_of(full).unwrap_or(&[]);
    // Builtin modules (a `u` prefix falls back to the builtin in the micropython flavour).
    if parent.is_null() {
        if let Some(m) = crate::modules::import_builtin(cx, full)? {
            return Ok(m);
        }
    }
    // Search the directories: sys.path for top-level modules, the package's __path__ else.
    let dirs = if parent.is_null() {
        dict::get_str(cx.sys_dict, q::path.value()).unwrap_or(Value::NULL)
    } else {
        module::dict_of(parent)
            .and_then(|d| dict::get_str(d, q::__path__.value()))
            .unwrap_or(Value::NULL)
    };
    let short_len = fb.len() - short_at;
    let ndirs = if let Some(l) = list::items_of(dirs) {
        l.len()
    } else if pystr::str_of(dirs).is_some() {
        1
    } else {
        0
    };
    for di in 0..ndirs {
        let dir = if let Some(l) = list::items_of(dirs) {
            l.get(di).copied().unwrap_or(Value::NONE)
        } else {
            dirs
        };
        let Some(d) = pystr::str_of(dir) else {
            continue;
        };
        if d == crate::embed::frozen::PATH_ENTRY {
            if let Some(m) = crate::embed::frozen::import(cx, full)? {
                return Ok(m);
            }
            continue;
        }
        let fb = pystr::bytes_of(full).unwrap_or(&[]);
        let short = &fb[fb.len() - short_len..];
        // Candidate: a package directory, else name.py, else name.mpy.
        let mut b = StrBuilder::new(cx);
        if !d.is_empty() {
            b.push_str(d);
            if !d.ends_with('/') {
                b.push_byte(b'/');
            }
        }
        b.push(short);
        if b.failed {
            return Err(cx.raise_memory_error(0));
        }
        let base_len = b.buf.len();
        // SAFETY: built from UTF-8 pieces.
        let path = unsafe { core::str::from_utf8_unchecked(&b.buf) };
        if cx.hal().stat(path) == PathKind::Dir {
            b.push_str("/__init__.py");
            // SAFETY: as above.
            let mut has_init = cx
                .hal()
                .stat(unsafe { core::str::from_utf8_unchecked(&b.buf) })
                == PathKind::File;
            if !has_init {
                // A precompiled package: __init__.mpy.
                b.buf.truncate(base_len);
                b.push_str("/__init__.mpy");
                // SAFETY: as above.
                has_init = cx
                    .hal()
                    .stat(unsafe { core::str::from_utf8_unchecked(&b.buf) })
                    == PathKind::File;
            }
            // SAFETY: as above.
            let init = unsafe { core::str::from_utf8_unchecked(&b.buf) };
            let pkg_dir = pystr::new_str(cx, &b.buf[..base_len])?;
            let mark = cx.roots_mark();
            cx.root(pkg_dir)?;
            let m = if has_init {
                let init_path = pystr::new_str(cx, init.as_bytes())?;
                cx.root(init_path)?;
                load_file(cx, full, init_path, pkg_dir)?
            } else {
                // A namespace package: a module with only a __path__.
                let m = module::new(cx, full)?;
                cx.root(m)?;
                let md = module::dict_of(m).unwrap_or(Value::NULL);
                dict::set_static(cx, md, &q::__path__, pkg_dir)?;
                dict::set(cx, cx.modules, full, m)?;
                m
            };
            cx.roots_truncate(mark);
            return Ok(m);
        }
        for ext in [".py", ".mpy"] {
            b.buf.truncate(base_len);
            b.push_str(ext);
            // SAFETY: as above.
            let p = unsafe { core::str::from_utf8_unchecked(&b.buf) };
            if cx.hal().stat(p) == PathKind::File {
                let pv = pystr::new_str(cx, p.as_bytes())?;
                let mark = cx.roots_mark();
                cx.root(pv)?;
                let m = load_file(cx, full, pv, Value::NULL);
                cx.roots_truncate(mark);
                return m;
            }
        }
        // A native module library the port can load (a `.so` on unix).
        let fb = pystr::bytes_of(full).unwrap_or(&[]);
        let short = core::str::from_utf8(&fb[fb.len() - short_len..]).unwrap_or("");
        match cx.hal().load_native(d, short) {
            None => {}
            Some(Ok(native)) => return (native.init)(cx, full, native.data),
            Some(Err(e)) => return Err(e.raise(cx)),
        }
    }
    // Frozen modules are found even when sys.path has no `.frozen` entry.
    if let Some(m) = crate::embed::frozen::import(cx, full)? {
        return Ok(m);
    }
    let n = super::ops::alloc_free_name(pystr::str_of(full).unwrap_or("?"));
    Err(cx.raise_fmt(&IMPORT_ERROR_TYPE, format_args!("no module named '{n}'")))
}

/// Read, compile (or load) and run a module file; registers it in `sys.modules` first.
fn load_file(cx: &mut Cx, full: Value, path: Value, pkg_dir: Value) -> PyResult<Value> {
    let m = module::new(cx, full)?;
    let mark = cx.roots_mark();
    cx.root(m)?;
    let md = module::dict_of(m).unwrap_or(Value::NULL);
    dict::set_static(cx, md, &q::__file__, path)?;
    if !pkg_dir.is_null() {
        dict::set_static(cx, md, &q::__path__, pkg_dir)?;
    }
    dict::set(cx, cx.modules, full, m)?;
    let p = pystr::str_of(path).unwrap_or("");
    let code = crate::embed::load_path(cx, p);
    let r = code.and_then(|code| {
        cx.root(code)?;
        cx.exec_code(code, md, Value::NULL).map(|_| ())
    });
    if let Err(e) = r {
        let _ = obj::table::remove(cx, cx.modules, full);
        cx.roots_truncate(mark);
        return Err(e);
    }
    cx.roots_truncate(mark);
    Ok(m)
}

/// IMPORT_FROM: `module.name`, or the submodule `module.name`.
pub fn import_from(cx: &mut Cx, m: Value, name: Value) -> PyResult<Value> {
    if let Some(v) = super::ops::getattr_opt(cx, m, name)? {
        return Ok(v);
    }
    // Try a submodule.
    if obj::kind_of(m) == Kind::Module {
        if let Some(mn) = module::dict_of(m).and_then(|d| dict::get_str(d, q::__name__.value())) {
            let mut b = StrBuilder::new(cx);
            b.push(pystr::bytes_of(mn).unwrap_or(&[]));
            b.push_byte(b'.');
            b.push(pystr::bytes_of(name).unwrap_or(&[]));
            if !b.failed {
                let full = pystr::intern(cx, &b.buf)?;
                let mark = cx.roots_mark();
                cx.root(full)?;
                let r = import_dotted(cx, full);
                cx.roots_truncate(mark);
                match r {
                    Ok((_, leaf)) => return Ok(leaf),
                    Err(_) => {
                        if !obj::isinstance(cx.exc, &IMPORT_ERROR_TYPE) {
                            return Err(super::Raised);
                        }
                        cx.exc = Value::NULL;
                    }
                }
            }
        }
    }
    let n = super::ops::alloc_free_name(pystr::str_of(name).unwrap_or("?"));
    Err(cx.raise_fmt(&IMPORT_ERROR_TYPE, format_args!("can't import name {n}")))
}

/// IMPORT_STAR: copy the public names (or `__all__`) of `m` into `dest`.
pub fn import_star(cx: &mut Cx, m: Value, dest: Value) -> PyResult<()> {
    let Some(md) = module::dict_of(m) else {
        return Ok(());
    };
    if let Some(all) = dict::get_str(md, q::__all__.value()) {
        let mark = cx.roots_mark();
        let names = super::seq::seq_or_collect(cx, all)?;
        let n = super::ops::seq_items(names).len();
        for i in 0..n {
            let k = super::ops::seq_items(names)[i];
            let v = super::ops::getattr(cx, m, k)?;
            super::ops::map_set(cx, dest, k, v)?;
        }
        cx.roots_truncate(mark);
        return Ok(());
    }
    let mut i = 0;
    while let Some((next, k, v)) = obj::table::next_entry(md, i) {
        if pystr::bytes_of(k).is_none_or(|b| b.first() != Some(&b'_')) {
            super::ops::map_set(cx, dest, k, v)?;
        }
        i = next;
    }
    Ok(())
}

impl Cx {
    /// Run a module-level code object with `globals` (and `locals`, NULL for the same dict).
    pub(crate) fn exec_code(
        &mut self,
        code: Value,
        globals: Value,
        locals: Value,
    ) -> PyResult<Value> {
        // SAFETY: callers pass code objects.
        let co = unsafe { &*(code.raw() as *const crate::obj::code::CodeObj) };
        let f = self.alloc_frame(co, false)?;
        // SAFETY: fresh frame.
        unsafe {
            (*f).code = code;
            (*f).globals = globals;
            (*f).locals = locals;
        }
        self.link_frame(f);
        self.run_frame(f)
    }
}
