# asyncio streams (MicroPython's Stream over a pollable object): readline, read, readexactly,
# write/drain; a reader waits until the object is readable while other tasks run
import asyncio, io

try:
    import select  # (streams wait through select.poll)
    Stream = asyncio.StreamReader(io.BytesIO(b'')) and asyncio.StreamReader
    IOBase = io.IOBase
except Exception:
    # CPython (StreamReader cannot wrap an object) and circuitpython (no select): the same
    # behaviour, polling in a loop.
    class IOBase:
        pass
    class Stream:
        def __init__(self, s):
            self.s = s
            self.out = b''
        async def _wait(self, ev):
            while not self.s.ioctl(3, ev):
                await asyncio.sleep(0.001)
        async def readline(self):
            l = b''
            while True:
                await self._wait(1)
                l2 = self.s.readline()
                l += l2
                if not l2 or l[-1:] == b'\n':
                    return l
        async def read(self, n=-1):
            await self._wait(1)
            return self.s.read(n)
        async def readexactly(self, n):
            r = b''
            while n:
                await self._wait(1)
                r2 = self.s.read(n)
                if not r2:
                    raise EOFError
                r += r2
                n -= len(r2)
            return r
        def write(self, b):
            self.out += b
        async def drain(self):
            while self.out:
                await self._wait(4)
                n = self.s.write(self.out)
                self.out = self.out[n:]


class Pipe(IOBase):
    # Bytes appear when a task feeds them; writes are taken 3 bytes at a time.
    def __init__(self):
        self.buf = b''
        self.written = b''
    def feed(self, b):
        self.buf += b
    def ioctl(self, req, arg):
        if req != 3:
            return -1
        ev = 0
        if arg & 1 and self.buf:
            ev |= 1
        if arg & 4:
            ev |= 4
        return ev
    def read(self, n=-1):
        if n < 0:
            n = len(self.buf)
        r, self.buf = self.buf[:n], self.buf[n:]
        return r
    def readline(self):
        i = self.buf.find(b'\n')
        n = len(self.buf) if i < 0 else i + 1
        return self.read(n)
    def write(self, b):
        b = bytes(b[:3])
        self.written += b
        return len(b)


async def feeder(p, log):
    for chunk in (b'hel', b'lo\nwor', b'ld\n', b'abcdef'):
        await asyncio.sleep(0.01)
        log.append('feed %r' % chunk)
        p.feed(chunk)


async def main():
    p = Pipe()
    s = Stream(p)
    log = []
    t = asyncio.create_task(feeder(p, log))
    l1 = await s.readline()
    log.append('line %r' % l1)
    l2 = await s.readline()
    log.append('line %r' % l2)
    r = await s.readexactly(4)
    log.append('exactly %r' % r)
    r = await s.read(10)
    log.append('read %r' % r)
    await t
    for x in log:
        print(x)
    s.write(b'0123456789')
    await s.drain()
    print(p.written)


asyncio.run(main())
