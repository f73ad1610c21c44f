//! `platform` (micropython flavour, as MicroPython's unix port has it): `platform()`,
//! `python_compiler()`, `libc_ver()`. The system name comes from the port
//! ([`Hal::system_name`](crate::hal::Hal::system_name)).

use super::{Item, ModuleDef};
use crate::native_fn;
use crate::obj::str::StrBuilder;
use crate::obj::tuple;
use crate::qstrs::q;
use crate::value::Value;
use crate::vm::{Cx, PyResult};

/// The machine architecture, as MicroPython names it.
const ARCH: &str = if cfg!(target_arch = "x86_64") {
    "x86_64"
} else if cfg!(target_arch = "x86") {
    "x86"
} else if cfg!(target_arch = "aarch64") {
    "aarch64"
} else if cfg!(target_arch = "arm") {
    "arm"
} else if cfg!(target_arch = "riscv32") {
    "riscv32"
} else if cfg!(target_arch = "riscv64") {
    "riscv64"
} else if cfg!(target_arch = "xtensa") {
    "xtensa"
} else {
    "unknown"
};

/// `platform.platform()`: `MicroPython-1.27.0-x86_64-linux`.
fn platform(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let sys = cx.hal().system_name();
    let (ma, mi, pa) = crate::flavour::VERSION;
    let mut b = StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(
        &mut b,
        format_args!("{}-{ma}.{mi}.{pa}-{ARCH}-{sys}", crate::flavour::PRODUCT),
    );
    b.finish(cx)
}

fn python_compiler(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let mut b = StrBuilder::new(cx);
    let _ = core::fmt::Write::write_fmt(
        &mut b,
        format_args!("pyrite {} (Rust)", env!("CARGO_PKG_VERSION")),
    );
    b.finish(cx)
}

/// `platform.libc_ver()`: no C library is involved.
fn libc_ver(cx: &mut Cx, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let e = q::EMPTY.value();
    tuple::new(cx, &[e, e])
}

native_fn!(PLATFORM_PLATFORM, q::platform, 0, 0, false, platform);
native_fn!(
    PLATFORM_PYTHON_COMPILER,
    q::python_compiler,
    0,
    0,
    false,
    python_compiler
);
native_fn!(PLATFORM_LIBC_VER, q::libc_ver, 0, 0, false, libc_ver);

/// The `platform` module.
pub static DEF: ModuleDef = ModuleDef {
    name: &q::platform,
    items: &[
        (&q::platform, Item::Obj(&PLATFORM_PLATFORM.header)),
        (
            &q::python_compiler,
            Item::Obj(&PLATFORM_PYTHON_COMPILER.header),
        ),
        (&q::libc_ver, Item::Obj(&PLATFORM_LIBC_VER.header)),
    ],
    init: None,
};
