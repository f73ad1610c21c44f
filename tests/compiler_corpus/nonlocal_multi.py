def f():
    a = 1
    b = 2
    def g():
        nonlocal a, b
        a, b = b, a
    g()
    return a, b
def h():
    x = 0
    def i():
        def j():
            nonlocal x
            x += 1
        j()
    i()
    return x
