# asyncio: MicroPython's API (extmod/asyncio) for both flavours, frozen into the core.
# Coroutines are generators; `await x` iterates x. See README.md in this directory.

from .core import *
from .funcs import wait_for, wait_for_ms, gather
from .event import Event, ThreadSafeFlag
from .lock import Lock

__version__ = (3, 0, 0)
