f = lambda: 1
g = lambda x: x + 1
h = lambda x, y=2: x * y
i = lambda *a, **k: (a, k)
j = lambda: (yield)
def outer(n):
    return lambda x: x + n
k = lambda x=lambda: 1: x
l = lambda *, a: a
