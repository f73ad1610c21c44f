def g():
    x = yield from h()
    y = yield
    return x, y
