# asyncio: Task.cancel and CancelledError (sleeping tasks, tasks awaiting tasks, finally
# blocks, catching the cancellation, cancelling finished tasks)
import asyncio

async def sleeper(name, log):
    try:
        log.append(name + ' sleeps')
        await asyncio.sleep(10)
        log.append(name + ' woke')
    except asyncio.CancelledError:
        log.append(name + ' cancelled')
        raise
    finally:
        log.append(name + ' finally')

async def swallower():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return 'swallowed'

async def waits_on(t, log):
    try:
        return await t
    except asyncio.CancelledError:
        log.append('outer saw cancel')
        raise

async def quick():
    return 1

async def main():
    log = []
    t = asyncio.create_task(sleeper('t1', log))
    await asyncio.sleep(0)
    print(t.done(), t.cancel(), t.done())
    try:
        await t
    except asyncio.CancelledError:
        log.append('await raised CancelledError')
    print(log, t.done())
    print(t.cancel())

    # Cancelled before it started: the body never runs.
    log = []
    t = asyncio.create_task(sleeper('t2', log))
    print(t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print('t2 cancelled before start', log)

    # A task may catch its cancellation and return normally.
    t = asyncio.create_task(swallower())
    await asyncio.sleep(0)
    t.cancel()
    print(await t)

    # Cancelling a task that awaits another task cancels the inner one too.
    log = []
    inner = asyncio.create_task(sleeper('inner', log))
    outer = asyncio.create_task(waits_on(inner, log))
    await asyncio.sleep(0.01)
    outer.cancel()
    for x in (outer, inner):
        try:
            await x
        except asyncio.CancelledError:
            log.append('cancelled')
    print(log)

    # Cancelling a finished task does nothing.
    t = asyncio.create_task(quick())
    print(await t, t.cancel(), t.done())
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))

asyncio.run(main())
