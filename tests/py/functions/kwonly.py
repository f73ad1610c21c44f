# Keyword-only parameters (after * or *args), with and without defaults, mixed with **kwargs.
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, c=4, b=5), f(a=0, b=0))
def g(*args, key=None, **rest):
    return args, key, rest
print(g(1, 2), g(key='k'), g(1, key=2, other=3))
def p(a, b, c=0, *, d, e=5, **kw):
    return a, b, c, d, e, kw
print(p(1, 2, 3, d=4), p(1, 2, d=3, x=4), p(b=1, a=2, d=3, e=4))
for call in [lambda: f(1, 2), lambda: f(1), lambda: p(1, 2, 3, 4)]:
    try:
        call()
    except TypeError:
        print('TypeError')
