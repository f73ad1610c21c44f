def a():
    def b():
        def c():
            def d():
                return 1
            return d
        return c
    return b
def e(x):
    def f(y):
        def g(z):
            return x + y + z
        return g
    return f
