# Exceptions in coroutines: propagate through await chains, throw() into a suspended coroutine, close().
class Nop:
    def __await__(self):
        yield 'tick'
    __iter__ = __await__  # MicroPython awaits via the iterator protocol
async def failing():
    await Nop()
    raise ValueError('inner failure')
async def middle():
    try:
        await failing()
    except ValueError as e:
        return 'handled: ' + str(e)
async def waiter():
    try:
        await Nop()
    except KeyError:
        return 'got KeyError via throw'
def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
print(run(middle()))
w = waiter()
w.send(None)
try:
    w.throw(KeyError)
except StopIteration as e:
    print(e.value)
async def cleanup():
    try:
        await Nop()
    finally:
        print('coroutine finally on close')
cl = cleanup()
cl.send(None)
cl.close()
async def raises():
    raise IndexError('direct')
try:
    run(raises())
except IndexError as e:
    print('IndexError', e.args)
