# asyncio: the order tasks run in (create_task, sleep(0) round robin, timed sleeps, await)
import asyncio

log = []

async def spin(name, n):
    for i in range(n):
        log.append((name, i))
        await asyncio.sleep(0)
    return name

async def sleeper(name, delay):
    log.append((name, 'start'))
    await asyncio.sleep(delay)
    log.append((name, 'end'))
    return delay

async def main():
    # Tasks start in creation order, after the creator yields.
    a = asyncio.create_task(spin('a', 3))
    b = asyncio.create_task(spin('b', 2))
    log.append(('main', 'created'))
    print(await a, await b)
    print(log)
    log.clear()
    # Timed sleeps wake in deadline order, whatever the creation order (gaps wide enough that
    # starting the tasks under gc-stress on a loaded machine cannot reorder the deadlines).
    ts = [asyncio.create_task(sleeper(n, d)) for n, d in [('s3', 0.9), ('s1', 0.3), ('s2', 0.6)]]
    for t in ts:
        await t
    print(log)
    log.clear()
    # Awaiting a finished task gives its result at once; a coroutine runs inline.
    print(await ts[0], await sleeper('inline', 0))
    print(log)
    print([t.done() for t in ts])
    # A task that is never awaited still runs.
    asyncio.create_task(spin('bg', 2))
    await asyncio.sleep(0.1)
    print(log[-2:])
    return 'main done'

print(asyncio.run(main()))
print(asyncio.run(spin('again', 1)))
