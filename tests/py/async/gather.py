# A hand-written gather(): run several coroutines concurrently and collect results in order.
class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for _ in range(self.n):
            yield
    __iter__ = __await__  # MicroPython awaits via the iterator protocol
def gather(*coros):
    results = [None] * len(coros)
    pending = list(enumerate(coros))
    order = []
    while pending:
        idx, c = pending.pop(0)
        try:
            c.send(None)
            pending.append((idx, c))
        except StopIteration as e:
            results[idx] = e.value
            order.append(idx)
    return results, order
async def job(name, ticks):
    await Sleep(ticks)
    return name + ':' + str(ticks)
print(gather(job('a', 3), job('b', 1), job('c', 2), job('d', 0)))
async def fan_out(n):
    total = 0
    for i in range(n):
        total += len(await job('x', i))
    return total
print(gather(fan_out(3)))
