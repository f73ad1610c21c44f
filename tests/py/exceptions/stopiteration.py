# StopIteration: raised by next() on exhausted iterators, value from generator return, not leaking from generators.
it = iter([1])
next(it)
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args, e.value)
def g():
    yield 1
    return 'result'
gen = g()
next(gen)
try:
    next(gen)
except StopIteration as e:
    print('value', e.value, e.args)
def leaky():
    raise StopIteration('inside')
    yield
try:
    next(leaky())
except RuntimeError as e:
    print('RuntimeError from generator')
def delegator():
    r = yield from g()
    yield ('delegated result', r)
print(list(delegator()))
print(next(iter([]), 'default'), next(g(), 'unused'))
