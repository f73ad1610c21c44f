# select.poll and select.select over streams (micropython flavour; circuitpython has no select)
import io, sys
try:
    import select
except ImportError:
    select = None
    print('no select')

if select is not None and not hasattr(select.poll(), 'ipoll'):
    # CPython: MicroPython's poll of stream objects, emulated with their ioctl method.
    class IOBase:
        pass
    class Poll:
        def __init__(self):
            self.regs = []
        def _find(self, o):
            for i, r in enumerate(self.regs):
                if r[0] is o:
                    return i
        def register(self, o, mask=5):
            if not hasattr(o, 'ioctl') and not hasattr(o, 'fileno'):
                raise OSError('stream operation not supported')
            i = self._find(o)
            if i is None:
                self.regs.append([o, mask])
            else:
                self.regs[i][1] = mask
        def unregister(self, o):
            i = self._find(o)
            if i is not None:
                del self.regs[i]
        def modify(self, o, mask):
            i = self._find(o)
            if i is None:
                raise OSError('[Errno 2] ENOENT')
            self.regs[i][1] = mask
        def _ev(self, o, mask):
            if hasattr(o, 'ioctl'):
                return o.ioctl(3, mask) & (mask | 24)
            if o.closed:
                raise ValueError('I/O operation on closed file')
            return 5 & (mask | 24)
        def poll(self, t=-1, flags=0):
            out = []
            for r in self.regs:
                ev = self._ev(r[0], r[1])
                if ev:
                    out.append((r[0], ev))
                    if flags & 1:
                        r[1] = 0
            return out
        def ipoll(self, t=-1, flags=0):
            return iter(self.poll(t, flags))
    def _select(rl, wl, xl, t=None):
        p = Poll()
        return ([o for o in rl if p._ev(o, 1)], [o for o in wl if p._ev(o, 4) & 4], [])
    class _Select:
        POLLIN, POLLOUT, POLLERR, POLLHUP = 1, 4, 8, 16
        poll = Poll
        select = staticmethod(_select)
    select = _Select
else:
    IOBase = io.IOBase


class Dev(IOBase):
    def __init__(self, name, ready):
        self.name = name
        self.ready = ready
        self.calls = 0
    def ioctl(self, req, arg):
        self.calls += 1
        print('ioctl', self.name, req, arg)
        return arg & self.ready
    def __repr__(self):
        return 'Dev(%s)' % self.name


def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


def main():
    print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)
    p = select.poll()
    a = Dev('a', select.POLLIN)
    b = Dev('b', select.POLLIN | select.POLLOUT)
    p.register(a, select.POLLIN)
    print(p.poll(0))
    p.register(b)
    print(p.poll(0))
    print([t for t in p.ipoll(0)])
    p.modify(a, select.POLLOUT)
    print(p.poll(0))
    p.register(a, select.POLLIN)  # registering again changes the mask
    print(p.poll(0))
    # One-shot ipoll: reported objects are disarmed until modified
    print(list(p.ipoll(0, 1)))
    print(list(p.ipoll(0, 1)))
    p.modify(b, select.POLLOUT)
    print(list(p.ipoll(0, 1)))
    p.unregister(a)
    p.unregister(a)  # not registered: nothing happens
    p.unregister(b)
    print(p.poll(0))
    check(lambda: p.modify(a, select.POLLIN))
    check(lambda: p.register(object()))
    # Files are always ready; a closed file raises
    name = '.tmp_select_poll'
    f = open(name, 'w')
    f.write('x')
    f.close()
    f = open(name)
    q = select.poll()
    q.register(f, select.POLLIN)
    print([ev for o, ev in q.poll(0)])
    q.modify(f, select.POLLIN | select.POLLOUT)
    print([ev for o, ev in q.poll(0)], q.poll(0)[0][0] is f)
    f.close()
    check(lambda: q.poll(0))
    import os
    os.remove(name)
    # select.select
    print(select.select([a, b], [b], [], 0))


if select is not None:
    main()
