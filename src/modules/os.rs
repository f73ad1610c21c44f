//! `os` through the port's filesystem, entropy source and environment (`Hal::list_dir`,
//! `metadata`, `remove`, `rename`, `mkdir`, `rmdir`, `getcwd`, `chdir`, `getenv`,
//! `random_bytes`). A port without a filesystem still has the module: its file functions
//! raise `OSError(ENODEV)`.
//!
//! Per flavour (FLAVOURS.md row 59): `ilistdir` only in micropython; both have `listdir`,
//! `stat`, `remove`/`unlink`, `rename`, `mkdir`, `rmdir`, `getcwd`, `chdir`, `getenv`,
//! `urandom`, `uname`, `sep`. `getenv` reads the port's environment in both (CircuitPython
//! boards read `/settings.toml`; a board port answers `getenv` from it).

use super::{Item, ModuleDef};
use crate::hal::{Errno, PathKind};
use crate::native_fn;
use crate::obj::str::StrBuilder;
use crate::obj::types::*;
use crate::obj::{list, str as pystr, tuple};
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult, Raised};

/// Raise `OSError(errno)` as MicroPython does.
pub(crate) fn raise_errno(cx: &mut Cx, e: Errno) -> Raised {
    cx.raise_with_arg(&OS_ERROR_TYPE, Value::small_int_unchecked(e as isize))
}

/// A path argument, copied out of the heap (the port gets a `&str` that no allocation can
/// move). The empty path names nothing (`OSError(ENOENT)`).
pub(crate) fn path_arg(cx: &mut Cx, v: Value) -> PyResult<StrBuilder> {
    let b = str_arg(cx, v)?;
    if b.buf.is_empty() {
        return Err(raise_errno(cx, crate::hal::errno::ENOENT));
    }
    Ok(b)
}

/// A str argument, copied out of the heap.
fn str_arg(cx: &mut Cx, v: Value) -> PyResult<StrBuilder> {
    let Some(s) = pystr::str_of(v) else {
        let tn = crate::vm::ops::alloc_free_name(cx.type_name(v));
        return Err(cx.raise_fmt(
            &TYPE_ERROR_TYPE,
            format_args!("can't convert '{tn}' object to str implicitly"),
        ));
    };
    let mut b = StrBuilder::new(cx);
    b.push_str(s);
    if b.failed {
        return Err(cx.raise_memory_error(s.len()));
    }
    Ok(b)
}

fn as_str(b: &StrBuilder) -> &str {
    core::str::from_utf8(&b.buf).unwrap_or("")
}

/// The path argument at `i`, or `"."` (the current directory) when absent.
fn opt_path(cx: &mut Cx, a: &[Value], i: usize) -> PyResult<StrBuilder> {
    match a.get(i) {
        Some(&v) => path_arg(cx, v),
        None => {
            let mut b = StrBuilder::new(cx);
            b.push_byte(b'.');
            Ok(b)
        }
    }
}

/// Every entry of a directory: (name, kind, inode) in a temporary list of the heap region.
fn entries(cx: &mut Cx, path: &str) -> PyResult<Value> {
    // Collect names into one buffer first: the port calls back while the heap is busy.
    let mut names = StrBuilder::new(cx);
    let mut meta: allocator_api2::vec::Vec<(usize, u8, u64), crate::gc::heap::TempAlloc> =
        allocator_api2::vec::Vec::new_in(cx.temp_alloc());
    let mut failed = false;
    let r = cx.hal().list_dir(path, &mut |name, kind, ino| {
        if meta.try_reserve(1).is_err() {
            failed = true;
            return;
        }
        names.push(name.as_bytes());
        let k = match kind {
            PathKind::Dir => 1,
            PathKind::File => 2,
            PathKind::Missing => 0,
        };
        meta.push((names.buf.len(), k, ino));
    });
    if let Err(e) = r {
        return Err(raise_errno(cx, e));
    }
    if failed || names.failed {
        return Err(cx.raise_memory_error(names.buf.len()));
    }
    let out = list::with_capacity(cx, meta.len())?;
    let mark = cx.roots_mark();
    cx.root(out)?;
    let mut start = 0;
    for &(end, k, ino) in meta.iter() {
        let n = pystr::new_str(cx, &names.buf[start..end])?;
        cx.root(n)?;
        let ty = match k {
            1 => 0x4000,
            2 => 0x8000,
            _ => 0,
        };
        let ino = crate::obj::int::from_i64(cx, ino as i64)?;
        cx.root(ino)?;
        let t = tuple::new(cx, &[n, Value::small_int_unchecked(ty), ino])?;
        cx.root(t)?;
        list::append(cx, out, t)?;
        start = end;
    }
    cx.roots_truncate(mark);
    Ok(out)
}

fn listdir(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let p = opt_path(cx, a, 0)?;
    let all = entries(cx, as_str(&p))?;
    let mark = cx.roots_mark();
    cx.root(all)?;
    let n = list::items_of(all).map_or(0, |l| l.len());
    let out = list::with_capacity(cx, n)?;
    cx.root(out)?;
    for i in 0..n {
        let t = list::items_of(all).and_then(|l| l.get(i).copied());
        let name = t
            .and_then(|t| tuple::items_of(t).and_then(|t| t.first().copied()))
            .unwrap_or(Value::NONE);
        list::append(cx, out, name)?;
    }
    cx.roots_truncate(mark);
    Ok(out)
}

fn ilistdir(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let p = opt_path(cx, a, 0)?;
    let all = entries(cx, as_str(&p))?;
    let mark = cx.roots_mark();
    cx.root(all)?;
    let it = crate::vm::seq::get_iter(cx, all);
    cx.roots_truncate(mark);
    it
}

fn stat(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let p = path_arg(cx, a[0])?;
    let m = match cx.hal().metadata(as_str(&p)) {
        Ok(m) => m,
        Err(e) => return Err(raise_errno(cx, e)),
    };
    let fields = [
        m.mode as i64,
        m.ino as i64,
        m.dev as i64,
        m.nlink as i64,
        m.uid as i64,
        m.gid as i64,
        m.size as i64,
        m.atime,
        m.mtime,
        m.ctime,
    ];
    let mut items = [Value::NONE; 10];
    let mark = cx.roots_mark();
    for (i, &f) in fields.iter().enumerate() {
        items[i] = crate::obj::int::from_i64(cx, f)?;
        cx.root(items[i])?;
    }
    let t = tuple::new(cx, &items);
    cx.roots_truncate(mark);
    t
}

/// Run a one-path port operation, raising its errno.
fn path_op(
    cx: &mut Cx,
    v: Value,
    op: fn(&mut dyn crate::hal::Hal, &str) -> Result<(), Errno>,
) -> PyResult<Value> {
    let p = path_arg(cx, v)?;
    match op(cx.hal(), as_str(&p)) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(raise_errno(cx, e)),
    }
}

fn remove(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    path_op(cx, a[0], |h, p| h.remove(p))
}

fn mkdir(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    path_op(cx, a[0], |h, p| h.mkdir(p))
}

fn rmdir(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    path_op(cx, a[0], |h, p| h.rmdir(p))
}

fn chdir(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    path_op(cx, a[0], |h, p| h.chdir(p))
}

fn rename(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let from = path_arg(cx, a[0])?;
    let to = path_arg(cx, a[1])?;
    match cx.hal().rename(as_str(&from), as_str(&to)) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(raise_errno(cx, e)),
    }
}

fn getcwd(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut b = StrBuilder::new(cx);
    if let Err(e) = cx.hal().getcwd(&mut |s| b.push_str(s)) {
        return Err(raise_errno(cx, e));
    }
    b.finish(cx)
}

fn getenv(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let name = str_arg(cx, a[0])?;
    let mut b = StrBuilder::new(cx);
    if cx.hal().getenv(as_str(&name), &mut |s| b.push_str(s)) {
        b.finish(cx)
    } else {
        Ok(a.get(1).copied().unwrap_or(Value::NONE))
    }
}

/// `os.urandom(n)`, also the random module's default seed source.
fn urandom(cx: &mut Cx, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let n = crate::vm::seq::int_arg(cx, a[0])?;
    if n < 0 {
        return Err(cx.value_error("negative argument not allowed"));
    }
    let mut b = StrBuilder::new(cx);
    b.buf.resize(n as usize, 0);
    if let Err(e) = cx.hal().random_bytes(&mut b.buf) {
        return Err(raise_errno(cx, e));
    }
    pystr::new_bytes(cx, &b.buf)
}

/// Fill `buf` from the port's entropy source (for the `random` module's seed); raises
/// `OSError` when the port has none.
pub fn random_bytes(cx: &mut Cx, buf: &mut [u8]) -> PyResult<()> {
    match cx.hal().random_bytes(buf) {
        Ok(()) => Ok(()),
        Err(e) => Err(raise_errno(cx, e)),
    }
}

/// `os.uname()`: a tuple with the fields `sysname`, `nodename`, `release`, `version`,
/// `machine` (as MicroPython's attrtuple).
fn uname(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let sys = cx.hal().system_name();
    let (ma, mi, pa) = crate::flavour::VERSION;
    let mut rel = StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(&mut rel, format_args!("{ma}.{mi}.{pa}"));
    let mut ver = StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(
        &mut ver,
        format_args!("v{ma}.{mi}.{pa} (pyrite {})", env!("CARGO_PKG_VERSION")),
    );
    let mark = cx.roots_mark();
    let mut items = [Value::NONE; 5];
    items[0] = pystr::new_from(cx, sys)?;
    cx.root(items[0])?;
    items[1] = items[0];
    items[2] = rel.finish(cx)?;
    cx.root(items[2])?;
    items[3] = ver.finish(cx)?;
    cx.root(items[3])?;
    items[4] = pystr::new_from(cx, "pyrite")?;
    cx.root(items[4])?;
    let t = tuple::new(cx, &items)?;
    cx.root(t)?;
    let cls = super::attr_tuple_class(
        cx,
        "uname_result",
        &["sysname", "nodename", "release", "version", "machine"],
    )?;
    cx.root(cls)?;
    let r = cx.call(cls, &[t], &[]);
    cx.roots_truncate(mark);
    r
}

fn sync(_cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

native_fn!(OS_LISTDIR, q::listdir, 0, 1, false, listdir);
native_fn!(OS_ILISTDIR, q::ilistdir, 0, 1, false, ilistdir);
native_fn!(OS_STAT, q::stat, 1, 1, false, stat);
native_fn!(OS_REMOVE, q::remove, 1, 1, false, remove);
native_fn!(OS_UNLINK, q::unlink, 1, 1, false, remove);
native_fn!(OS_RENAME, q::rename, 2, 2, false, rename);
native_fn!(OS_MKDIR, q::mkdir, 1, 1, false, mkdir);
native_fn!(OS_RMDIR, q::rmdir, 1, 1, false, rmdir);
native_fn!(OS_GETCWD, q::getcwd, 0, 0, false, getcwd);
native_fn!(OS_CHDIR, q::chdir, 1, 1, false, chdir);
native_fn!(OS_GETENV, q::getenv, 1, 2, false, getenv);
native_fn!(OS_URANDOM, q::urandom, 1, 1, false, urandom);
native_fn!(OS_UNAME, q::uname, 0, 0, false, uname);
native_fn!(OS_SYNC, q::sync, 0, 0, false, sync);

/// The `os` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::os,
    items: if crate::flavour::CIRCUITPYTHON {
        &[
            (&q::listdir, Item::Obj(&OS_LISTDIR.header)),
            (&q::stat, Item::Obj(&OS_STAT.header)),
            (&q::remove, Item::Obj(&OS_REMOVE.header)),
            (&q::unlink, Item::Obj(&OS_UNLINK.header)),
            (&q::rename, Item::Obj(&OS_RENAME.header)),
            (&q::mkdir, Item::Obj(&OS_MKDIR.header)),
            (&q::rmdir, Item::Obj(&OS_RMDIR.header)),
            (&q::getcwd, Item::Obj(&OS_GETCWD.header)),
            (&q::chdir, Item::Obj(&OS_CHDIR.header)),
            (&q::getenv, Item::Obj(&OS_GETENV.header)),
            (&q::urandom, Item::Obj(&OS_URANDOM.header)),
            (&q::uname, Item::Obj(&OS_UNAME.header)),
            (&q::sync, Item::Obj(&OS_SYNC.header)),
            (&q::sep, Item::Obj(&q::SLASH.header)),
        ]
    } else {
        &[
            (&q::listdir, Item::Obj(&OS_LISTDIR.header)),
            (&q::ilistdir, Item::Obj(&OS_ILISTDIR.header)),
            (&q::stat, Item::Obj(&OS_STAT.header)),
            (&q::remove, Item::Obj(&OS_REMOVE.header)),
            (&q::unlink, Item::Obj(&OS_UNLINK.header)),
            (&q::rename, Item::Obj(&OS_RENAME.header)),
            (&q::mkdir, Item::Obj(&OS_MKDIR.header)),
            (&q::rmdir, Item::Obj(&OS_RMDIR.header)),
            (&q::getcwd, Item::Obj(&OS_GETCWD.header)),
            (&q::chdir, Item::Obj(&OS_CHDIR.header)),
            (&q::getenv, Item::Obj(&OS_GETENV.header)),
            (&q::urandom, Item::Obj(&OS_URANDOM.header)),
            (&q::uname, Item::Obj(&OS_UNAME.header)),
            (&q::sep, Item::Obj(&q::SLASH.header)),
        ]
    },
    init: None,
};
