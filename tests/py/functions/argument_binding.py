# How arguments bind: positional then keyword, defaults fill gaps, **kwargs collects unknown names.
def f(a, b=2, *args, c, d=4, **kw):
    return dict(a=a, b=b, args=args, c=c, d=d, kw=kw)
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5))
print(f(c=1, a=2))
print(f(1, 2, c=3, d=5, e=6, f=7))
def g(x, y):
    return x - y
print(g(5, 3), g(y=5, x=3), g(5, y=3))
def h(*, a, b):
    return a, b
print(h(b=1, a=2))
errors = [lambda: g(1), lambda: g(1, 2, 3), lambda: g(1, x=2), lambda: g(z=1), lambda: h(1, 2), lambda: h(a=1)]
for e in errors:
    try:
        e()
    except TypeError:
        print('TypeError')
