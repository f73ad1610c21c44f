# *args and **kwargs: collection, ordering, forwarding, unpacking at call sites, empty cases.
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1), f(1, 2, a=3), f(*[1, 2], *(3,), **{'x': 1}, y=2))
def g(a, b=0, *rest, c, d=4, **kw):
    return a, b, rest, c, d, kw
print(g(1, c=3), g(1, 2, 3, 4, c=5, e=6), g(*range(5), c='C', **{'d': 'D', 'z': 'Z'}))
def forward(*a, **k):
    return f(*a, **k)
print(forward(1, 2, key='v'))
def count(*args):
    return len(args), type(args).__name__
print(count(), count(*'abc'), count(*range(100))[0])
def kwonly(**kw):
    return sorted(kw.items())
print(kwonly(b=2, a=1), kwonly(**{'x': 1}, **{'y': 2}))
print(f(*'ab', *b'c', *{'k': 1}, *{9}))
args = (1, 2)
kwargs = {'sep': '-'}
print(*args, **kwargs)
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))
