# async with: __aenter__/__aexit__ awaited, exceptions passed to __aexit__, suppression.
class Nop:
    def __await__(self):
        yield
    __iter__ = __await__  # MicroPython awaits via the iterator protocol
class ACM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        await Nop()
        print('aenter', self.name)
        return self.name
    async def __aexit__(self, typ, val, tb):
        await Nop()
        print('aexit', self.name, typ.__name__ if typ else None)
        return self.suppress
async def main():
    async with ACM('a') as a:
        print('inside', a)
    async with ACM('b', suppress=True):
        raise ValueError('suppressed')
    try:
        async with ACM('c'):
            raise KeyError('k')
    except KeyError:
        print('KeyError propagated')
    async with ACM('x') as x, ACM('y') as y:
        print(x, y)
    return 'done'
def run(c):
    n = 0
    try:
        while True:
            c.send(None)
            n += 1
    except StopIteration as e:
        return e.value, n
print(run(main()))
