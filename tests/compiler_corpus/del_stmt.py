a = 1
del a
def f():
    b = 1
    del b
def g():
    c = 1
    def h():
        return c
    del c
    return h
del x.y, x[0]
