class A:
    f = lambda self: super()
    def g(self):
        return lambda: super().g()
