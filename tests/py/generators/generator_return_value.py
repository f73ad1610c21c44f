# Generator return values: StopIteration.value, yield from result, return inside try/finally.
def g(n):
    total = 0
    for i in range(n):
        total += yield i
    return total
gen = g(3)
next(gen)
gen.send(10)
gen.send(20)
try:
    gen.send(30)
except StopIteration as e:
    print('returned', e.value)
def wrapper():
    result = yield from g(2)
    return 'wrapped ' + str(result)
w = wrapper()
next(w)
w.send(1)
try:
    w.send(2)
except StopIteration as e:
    print(e.value)
def with_finally():
    try:
        yield 1
        return 'from try'
    finally:
        print('finally in generator')
wf = with_finally()
next(wf)
try:
    next(wf)
except StopIteration as e:
    print('value', e.value)
def none_return():
    yield 1
nr = none_return()
next(nr)
try:
    next(nr)
except StopIteration as e:
    print(e.value, e.args)
