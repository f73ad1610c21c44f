def f():
    x = 1
    def g():
        nonlocal x
        def h():
            return x
        return h
    return g
