# asyncio: wait_for (and wait_for_ms where it exists): results, timeouts, exceptions
import asyncio

async def slow(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append('slow cancelled')
        raise
    return 'never'

async def fast(v):
    await asyncio.sleep(0.01)
    return v

async def bad():
    await asyncio.sleep(0)
    raise KeyError('bad')

async def main():
    print(await asyncio.wait_for(fast(1), 1))
    print(await asyncio.wait_for(fast(2), None))
    log = []
    try:
        await asyncio.wait_for(slow(log), 0.02)
    except asyncio.TimeoutError:
        print('timed out', log)
    try:
        await asyncio.wait_for(bad(), 1)
    except KeyError as e:
        print('KeyError', e.args)
    t = asyncio.create_task(fast(3))
    print(await asyncio.wait_for(t, 1), t.done())
    # Timeouts nest.
    async def nested():
        return await asyncio.wait_for(fast(4), 1)
    print(await asyncio.wait_for(nested(), 1))
    log = []
    try:
        await asyncio.wait_for(asyncio.wait_for(slow(log), 1), 0.02)
    except asyncio.TimeoutError:
        print('outer timed out', log)
    wfm = getattr(asyncio, 'wait_for_ms', None)
    if wfm is None:
        def wfm(aw, ms):
            return asyncio.wait_for(aw, ms / 1000)
    print(await wfm(fast(5), 1000))
    try:
        await wfm(slow([]), 20)
    except asyncio.TimeoutError:
        print('wait_for_ms timed out')
    print(issubclass(asyncio.TimeoutError, Exception))

asyncio.run(main())
