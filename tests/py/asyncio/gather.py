# asyncio.gather: results in argument order, exceptions (raised or returned), tasks and
# coroutines mixed, nesting
import asyncio

async def val(v, d):
    await asyncio.sleep(d)
    return v

async def fail(exc, d):
    await asyncio.sleep(d)
    raise exc

async def main():
    print(await asyncio.gather())
    print(await asyncio.gather(val(1, 0.03), val(2, 0.01), val(3, 0.02)))
    t = asyncio.create_task(val('task', 0))
    print(await asyncio.gather(t, val('coro', 0)))
    r = await asyncio.gather(val(1, 0), fail(ValueError('v'), 0.01), fail(TypeError('t'), 0),
                             return_exceptions=True)
    print([type(x).__name__ for x in r], r[0], r[1].args, r[2].args)
    try:
        await asyncio.gather(val(1, 0.02), fail(KeyError('first'), 0.01))
    except KeyError as e:
        print('raised', e.args)
    print(await asyncio.gather(asyncio.gather(val('a', 0), val('b', 0)), val('c', 0)))
    # The other awaitables keep running after one fails.
    done = []
    async def mark(d):
        await asyncio.sleep(d)
        done.append(d)
    try:
        await asyncio.gather(mark(0.03), fail(OSError(5), 0.01))
    except OSError as e:
        print('OSError', e.args)
    await asyncio.sleep(0.05)
    print(done)

asyncio.run(main())
