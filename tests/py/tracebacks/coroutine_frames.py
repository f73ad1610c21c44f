# Uncaught exception inside coroutines driven by a hand-written runner: one frame per coroutine.
class Tick:
    def __await__(self):
        yield
    __iter__ = __await__  # MicroPython awaits via the iterator protocol
async def leaf():
    await Tick()
    raise KeyError('leaf failed')
async def branch():
    await leaf()
def run(coro):
    while True:
        coro.send(None)
print('running')
run(branch())
