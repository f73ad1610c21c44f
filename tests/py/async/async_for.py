# async for over an asynchronous iterator (__aiter__/__anext__, StopAsyncIteration) and async generators-free style.
class Ticker:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Nop()
        return self.i
class Nop:
    def __await__(self):
        yield
    __iter__ = __await__  # MicroPython awaits via the iterator protocol
async def main():
    out = []
    async for v in Ticker(4):
        out.append(v)
    async for v in Ticker(0):
        out.append('never')
    else:
        out.append('else')
    async for v in Ticker(5):
        if v == 2:
            continue
        if v == 4:
            break
        out.append(v * 10)
    return out
def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
print(run(main()))
