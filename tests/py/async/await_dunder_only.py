# await uses __await__ (CPython semantics): an awaitable defining only __await__ works, and its
# generator's return value becomes the value of the await expression.
class Ready:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield 'pause'
        return self.v
async def main():
    a = await Ready(1)
    b = await Ready('two')
    return a, b
c = main()
steps = []
try:
    while True:
        steps.append(c.send(None))
except StopIteration as e:
    print(e.value, steps)
