# async def / await driven by hand: coroutines run via send(None); awaiting other coroutines returns values.
class Yield:
    def __await__(self):
        yield 'suspend'
    __iter__ = __await__  # MicroPython awaits via the iterator protocol
async def inner(x):
    await Yield()
    return x * 2
async def outer():
    a = await inner(1)
    b = await inner(a)
    return a + b
def run(coro):
    steps = 0
    try:
        while True:
            v = coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps
print(run(outer()))
c = inner(5)
print(run(c))
async def no_await():
    return 'immediate'
print(run(no_await()))
