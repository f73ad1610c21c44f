class A:
    pass
class B(A):
    x = 1
    def f(self):
        return self.x
class C(A, B):
    def __init__(self, v):
        self.v = v
class D(metaclass=M):
    pass
class E(A, metaclass=M, k=1):
    y = 2
class F():
    pass
class G:
    '''docstring'''
    def m(self):
        return G
class H:
    a = 1
    b = a + 1
    def f(self):
        return a
