def g():
    yield
def h():
    yield 1
    yield 2
def i():
    x = yield 1
    return x
def j():
    yield from g()
def k():
    yield 1, 2
def l():
    return (yield)
def m():
    for x in range(3):
        yield x
