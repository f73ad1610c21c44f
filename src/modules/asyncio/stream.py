# asyncio streams, as MicroPython's extmod/asyncio/stream.py: a Stream wraps an object with
# read/readline/readinto/write (and ioctl, for select.poll), e.g. sys.stdin or an io.IOBase
# subclass. StreamReader and StreamWriter are the same class. There are no sockets, so
# open_connection and start_server raise ImportError as they do on a port without socket.

from . import core


class Stream:
    def __init__(self, s, e={}):
        self.s = s
        self.e = e
        self.out_buf = b""

    def get_extra_info(self, v):
        return self.e[v]

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    def close(self):
        pass

    async def wait_closed(self):
        self.s.close()

    # async
    def read(self, n=-1):
        r = b""
        while True:
            yield core._io_queue.queue_read(self.s)
            r2 = self.s.read(n)
            if r2 is not None:
                if n >= 0:
                    return r2
                if not len(r2):
                    return r
                r += r2

    # async
    def readinto(self, buf):
        yield core._io_queue.queue_read(self.s)
        return self.s.readinto(buf)

    # async
    def readexactly(self, n):
        r = b""
        while n:
            yield core._io_queue.queue_read(self.s)
            r2 = self.s.read(n)
            if r2 is not None:
                if not len(r2):
                    raise EOFError
                r += r2
                n -= len(r2)
        return r

    # async
    def readline(self):
        # str from a text stream (sys.stdin), bytes from a binary one.
        l = None
        while True:
            yield core._io_queue.queue_read(self.s)
            l2 = self.s.readline()
            if l2 is None:
                continue
            l = l2 if l is None else l + l2
            if not l2 or l[-1:] in (b"\n", "\n"):
                return l

    def write(self, buf):
        if not self.out_buf:
            # Try to write at once.
            ret = self.s.write(buf)
            if ret == len(buf):
                return
            if ret is not None:
                buf = buf[ret:]
        self.out_buf += buf

    # async
    def drain(self):
        if not self.out_buf:
            # Always yield, so that a loop of write and drain lets other tasks run.
            return (yield from core.sleep_ms(0))
        mv = memoryview(self.out_buf)
        off = 0
        while off < len(mv):
            yield core._io_queue.queue_write(self.s)
            ret = self.s.write(mv[off:])
            if ret is not None:
                off += ret
        self.out_buf = b""


StreamReader = Stream
StreamWriter = Stream


async def open_connection(host, port):
    import socket

    raise NotImplementedError


async def start_server(cb, host, port, backlog=5):
    import socket

    raise NotImplementedError
