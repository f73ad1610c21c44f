def outer(n):
    m = n + 1
    def inner(x):
        return x + n + m
    return inner
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
def deep(a):
    def mid(b):
        def inner(c):
            return a + b + c
        return inner
    return mid
def late():
    def g():
        return v
    v = 1
    return g
def param_cell(a, b):
    def g():
        return b
    return g
def many(a, b, c):
    def g():
        return c, a
    def h():
        return b
    return g, h
