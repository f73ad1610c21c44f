# Higher-order functions: returning functions, composing, partial application by closures, reduce by hand.
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
def partial(f, *a, **k):
    def g(*b, **kk):
        kw = dict(k)
        kw.update(kk)
        return f(*(a + b), **kw)
    return g
def power(base, exp=2):
    return base ** exp
cube = partial(power, exp=3)
two_to = partial(power, 2)
print(cube(3), two_to(10), two_to(exp=5))
def reduce(f, items, init):
    acc = init
    for it in items:
        acc = f(acc, it)
    return acc
print(reduce(lambda a, b: a + b, range(5), 0), reduce(lambda a, b: a * b, range(1, 6), 1), reduce(max, [3, 9, 2], 0))
def apply_n(f, n):
    return lambda x: x if n == 0 else apply_n(f, n - 1)(f(x))
print(apply_n(dbl, 10)(1))
