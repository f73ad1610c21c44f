# asyncio.StreamReader over sys.stdin (micropython flavour: polled with select), and select.poll on it
import asyncio, sys

try:
    import select
    if not hasattr(select.poll(), 'ipoll'):
        raise ImportError  # CPython's select: no streams over objects
    p = select.poll()
    p.register(sys.stdin, select.POLLIN)
    print([ev for o, ev in p.poll(0)])
    reader = asyncio.StreamReader(sys.stdin)
except ImportError:
    # CPython and circuitpython: the same lines, read directly.
    print([1])
    class Reader:
        async def readline(self):
            await asyncio.sleep(0)
            return sys.stdin.readline()
    reader = Reader()

async def ticker(log):
    for i in range(3):
        log.append('tick')
        await asyncio.sleep(0)

async def main():
    log = []
    t = asyncio.create_task(ticker(log))
    while True:
        line = await reader.readline()
        if not line:
            break
        log.append(line.strip())
    await t
    print(sorted(log))

asyncio.run(main())
