def f(a, *, b, c=1):
    return a + b + c
def g(*, a=1, b):
    return a
def h(a=1, *, b=2, **kw):
    return kw
f(1, b=2)
g(b=1)
