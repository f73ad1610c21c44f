# Messages from raise/assert misuse: raising non-exceptions, bare raise, except with a non-class, assert texts.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
def r1():
    raise 1
def r2():
    raise
def r3():
    try:
        1 / 0
    except 1:
        pass
class E(Exception):
    pass
class E2(Exception):
    def __init__(self):
        pass
def r4():
    raise E
def r5():
    raise E2
def a1():
    assert False
def a2():
    assert 1 == 2, 'msg'
def a3():
    assert False, (1, 2)
check(r1)
check(r2)
check(r3)
check(r4)
check(r5)
check(lambda: (_ for _ in ()).throw(ValueError('a', 'b')))
check(a1)
check(a2)
check(a3)
check(lambda: (_ for _ in ()).throw(NotImplementedError))
