# asyncio: run's result and exceptions, current_task, the event loop object, sleep_ms
import asyncio

async def answer():
    await asyncio.sleep(0)
    return 42

async def boom():
    await asyncio.sleep(0)
    raise ValueError('boom')

print(asyncio.run(answer()))
try:
    asyncio.run(boom())
except ValueError as e:
    print('ValueError', e)

async def who():
    t = asyncio.current_task()
    return t is asyncio.current_task()

print(asyncio.run(who()))

loop = asyncio.new_event_loop()
print(loop.run_until_complete(answer()))

sleep_ms = getattr(asyncio, 'sleep_ms', None)
if sleep_ms is None:
    def sleep_ms(ms):
        return asyncio.sleep(ms / 1000)

async def ticker(n, log):
    for i in range(n):
        log.append(i)
        await sleep_ms(5)

async def main():
    log = []
    await asyncio.gather(ticker(3, log), ticker(2, log))
    return log

print(asyncio.run(main()))

try:
    asyncio.run(5)
except (TypeError, ValueError):
    print('not a coroutine')
