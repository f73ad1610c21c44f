# Generators: yield, lazy execution, exhaustion, return ends iteration, multiple independent instances.
def count(n):
    print('start')
    i = 0
    while i < n:
        yield i
        i += 1
    print('end')
g = count(3)
print('created', type(g).__name__)
print(next(g))
print(list(g))
print(list(g), next(g, 'exhausted'))
a, b = count(2), count(2)
print(next(a), next(a), next(b))
def early(n):
    for i in range(n):
        if i == 2:
            return
        yield i
print(list(early(10)))
def empty():
    return
    yield
print(list(empty()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
print(iter(g) is g, hasattr(g, '__next__'))
def gen_with_yield_expr():
    x = yield
    print('received', x)
    yield x * 2
ge = gen_with_yield_expr()
print(next(ge), ge.send(21))
