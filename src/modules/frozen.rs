//! Python modules frozen into the core: `asyncio` (MicroPython's API, written in Python as
//! MicroPython's is; sources in `asyncio/`, compiled images per flavour in `asyncio/mpy/`,
//! kept in step with the sources by `tests/frozen_core.rs`). They are found after the
//! embedder's frozen modules, wherever those are (`embed::frozen`), so `import asyncio`
//! needs no filesystem; a file `asyncio.py` earlier on `sys.path` shadows them.

use crate::embed::frozen::FrozenModule;

/// The core's frozen modules for this flavour.
pub(crate) static FROZEN: &[FrozenModule] = if crate::flavour::CIRCUITPYTHON {
    crate::frozen_modules! {
        "asyncio" => package "asyncio/mpy/cp/__init__.mpy",
        "asyncio.core" => "asyncio/mpy/cp/core.mpy",
        "asyncio.funcs" => "asyncio/mpy/cp/funcs.mpy",
        "asyncio.event" => "asyncio/mpy/cp/event.mpy",
        "asyncio.lock" => "asyncio/mpy/cp/lock.mpy",
    }
} else {
    crate::frozen_modules! {
        "asyncio" => package "asyncio/mpy/mp/__init__.mpy",
        "asyncio.core" => "asyncio/mpy/mp/core.mpy",
        "asyncio.funcs" => "asyncio/mpy/mp/funcs.mpy",
        "asyncio.event" => "asyncio/mpy/mp/event.mpy",
        "asyncio.lock" => "asyncio/mpy/mp/lock.mpy",
    }
};
