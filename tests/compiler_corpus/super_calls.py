class A:
    def f(self):
        return 1
class B(A):
    def f(self):
        return super().f() + 1
    def g(self, x):
        return super().g(x, y=2)
    def h(self):
        s = super()
        return s
    def i(self):
        return __class__
    def j(this):
        return super().j
    @staticmethod
    def k():
        pass
