# asyncio.ThreadSafeFlag (MicroPython): set wakes the single waiter, a set flag passes once, clear, wait_for timeout
import asyncio

ThreadSafeFlag = getattr(asyncio, 'ThreadSafeFlag', None)
if ThreadSafeFlag is None:
    # CPython: the same behaviour from an Event that clears when a wait returns.
    class ThreadSafeFlag:
        def __init__(self):
            self._ev = asyncio.Event()
        def set(self):
            self._ev.set()
        def clear(self):
            self._ev.clear()
        async def wait(self):
            await self._ev.wait()
            self._ev.clear()

async def waiter(f, log):
    log.append('waiting')
    await f.wait()
    log.append('woke')

async def main():
    log = []
    f = ThreadSafeFlag()
    t = asyncio.create_task(waiter(f, log))
    await asyncio.sleep(0.01)
    log.append('set')
    f.set()
    for _ in range(100):  # (slow builds: the waiter may need more than one turn)
        await asyncio.sleep(0.01)
        if t.done():
            break
    print(log, t.done())
    f.set()
    await f.wait()
    print('a set flag passes once')
    try:
        await asyncio.wait_for(f.wait(), 0.02)
    except asyncio.TimeoutError:
        print('then waits again: timeout')
    f.set()
    f.clear()
    try:
        await asyncio.wait_for(f.wait(), 0.02)
    except asyncio.TimeoutError:
        print('cleared: timeout')
    f.set()
    await asyncio.wait_for(f.wait(), 1)
    print('done')

asyncio.run(main())
