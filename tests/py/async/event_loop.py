# A tiny round-robin event loop: tasks interleave at each await of a sleep-like awaitable.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for _ in range(self.ticks):
            yield
    __iter__ = __await__  # MicroPython awaits via the iterator protocol
class Loop:
    def __init__(self):
        self.tasks = []
        self.results = {}
    def spawn(self, name, coro):
        self.tasks.append((name, coro))
    def run(self):
        while self.tasks:
            name, coro = self.tasks.pop(0)
            try:
                coro.send(None)
            except StopIteration as e:
                self.results[name] = e.value
                print('finished', name)
            else:
                self.tasks.append((name, coro))
async def worker(name, n, delay):
    total = 0
    for i in range(n):
        print(name, 'step', i)
        total += i
        await Sleep(delay)
    return total
loop = Loop()
loop.spawn('A', worker('A', 3, 1))
loop.spawn('B', worker('B', 2, 2))
loop.spawn('C', worker('C', 1, 0))
loop.run()
print(loop.results)
