def f(x):
    class C:
        def m(self):
            return x
        y = x
    return C
class D:
    def a(self):
        def b():
            return self
        return b
    def c(self):
        return [self for _ in range(3)]
