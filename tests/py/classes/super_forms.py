# super() with and without arguments, in classmethods, in nested calls, and super(Class, obj).
class A:
    def f(self):
        return 'A.f'
    @classmethod
    def c(cls):
        return 'A.c(' + cls.__name__ + ')'
class B(A):
    def f(self):
        return 'B.f>' + super().f()
    @classmethod
    def c(cls):
        return 'B.c>' + super().c()
class C(B):
    def f(self):
        return 'C.f>' + super(C, self).f() + '|' + super(B, self).f()
    def g(self):
        return [super().f() for _ in range(1)][0] if False else super().f()
print(B().f(), C().f(), C().g(), B.c(), C.c())
print(super(C, C()).f(), super(B, C).c())
class Init(A):
    def __init__(self, v):
        super().__init__()
        self.v = v
print(Init(3).v)
class Str(str):
    def upper(self):
        return 'custom ' + super().upper()
print(Str('abc').upper())
