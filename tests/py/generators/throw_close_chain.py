# send/throw/close, throw and close forwarded through yield-from chains, iterators with throw(), PEP 479, deep yield from and for over generators, await chains.
def g():
    try:
        x = yield 1
        print('got', x)
        y = yield 2
        print('got', y)
    except ValueError as e:
        print('caught', e)
        yield 'after-throw'
    finally:
        print('finally')
    return 'done'
it = g()
print(next(it), it.send('a'), it.throw(ValueError('boom')))
try:
    next(it)
except StopIteration as e:
    print('stop', e.value)
it = g(); next(it); it.close(); print('closed')
it = g(); it.close(); print('closed fresh')
def inner():
    try:
        yield 'i1'
        yield 'i2'
    except KeyError:
        yield 'inner caught'
        return 'inner-ret'
    return 'normal'
def middle():
    r = yield from inner()
    yield 'middle got ' + str(r)
def outer():
    r = yield from middle()
    yield 'outer done'
o = outer()
print(next(o), o.throw(KeyError), next(o), next(o))
o = outer(); next(o); o.close(); print('closed chain')
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration('it-ret')
        return self.n
    def throw(self, e):
        print('It.throw')
        return 'thrown-val'
def d():
    r = yield from It()
    print('ret', r)
print(list(d()))
dd = d(); next(dd); print(dd.throw(ValueError))
def pep():
    yield 1
    next(iter([]))
try:
    list(pep())
except RuntimeError as e:
    print('RuntimeError', e)
def gen_in_gen():
    for x in (i * 2 for i in range(3)):
        yield x
print(list(gen_in_gen()))
def recurse(n):
    if n == 0:
        yield 0
        return
    yield from recurse(n - 1)
    yield n
print(sum(recurse(300)))
def count(n):
    for i in range(n):
        yield i
def nest(n):
    if n == 0:
        yield from count(3)
    else:
        for v in nest(n - 1):
            yield v
print(list(nest(400)))
def gg():
    yield 1
x = gg()
print(x.__next__(), next(x, 'dflt'))
def running():
    yield r.gi_running if hasattr(r, 'gi_running') else None
r = running()
import sys
async def co(n):
    if n == 0:
        return 'bottom'
    return await co(n - 1)
c = co(300)
try:
    c.send(None)
except StopIteration as e:
    print('coro', e.value)
