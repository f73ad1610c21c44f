# Errors raised by generator misuse: re-entry, StopIteration inside, send to a fresh generator, throw, close.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
def g1():
    next(gen1)
    yield
gen1 = g1()
check(lambda: next(gen1))
def g2():
    raise StopIteration
    yield
check(lambda: next(g2()))
def g3():
    raise StopIteration(5)
    yield
check(lambda: list(g3()))
def g4():
    yield 1
check(lambda: g4().send(1))
def exhaust():
    g = g4()
    next(g)
    next(g)
check(exhaust)
def g5():
    return 5
    yield
check(lambda: next(g5()))
def g6():
    yield from 1
check(lambda: next(g6()))
def throw_cls():
    g = g4()
    g.throw(ValueError)
check(throw_cls)
def throw_inst():
    g = g4()
    g.throw(ValueError('boom'))
check(throw_inst)
def g7():
    try:
        yield 1
    finally:
        yield 2
def ignore_close():
    g = g7()
    next(g)
    g.close()
check(ignore_close)
def throw_int():
    g = g4()
    next(g)
    g.throw(1)
check(throw_int)
check(lambda: len(g4()))
check(lambda: g4()[0])
