# asyncio Event and Lock: waking waiters, is_set/clear, acquire/release order, async with
import asyncio

async def main():
    ev = asyncio.Event()
    print(ev.is_set())
    log = []
    async def waiter(i):
        log.append('wait %d' % i)
        r = await ev.wait()
        log.append('woke %d %s' % (i, r))
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.01)
    ev.set()
    print(ev.is_set())
    await asyncio.gather(*ts)
    print(log)
    print(await ev.wait())
    ev.clear()
    print(ev.is_set())

    lock = asyncio.Lock()
    print(lock.locked())
    log = []
    async def user(i, d):
        async with lock:
            log.append('in %d' % i)
            await asyncio.sleep(d)
            log.append('out %d' % i)
    await asyncio.gather(user(1, 0.02), user(2, 0.01), user(3, 0))
    print(log)
    print(await lock.acquire(), lock.locked())
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError:
        print('RuntimeError')
    # A waiter cancelled while waiting for the lock does not take it.
    await lock.acquire()
    t = asyncio.create_task(user(4, 0))
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('waiter cancelled')
    lock.release()
    print(lock.locked())
    await user(5, 0)
    print(log[-2:])

asyncio.run(main())
