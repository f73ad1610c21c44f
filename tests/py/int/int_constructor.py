# int() with objects: __int__, __index__, __trunc__-free cases, int subclasses.
class I:
    def __int__(self):
        return 42
class X:
    def __index__(self):
        return 7
print(int(I()), int(X()))
print([0, 1, 2, 3, 4, 5, 6, 7, 8][X()], bin(X()), hex(X()), oct(X()))
print(range(10)[X()], 'abcdefghij'[X()])
class MyInt(int):
    pass
m = MyInt(5)
print(m, m + 1, type(m + 1).__name__, isinstance(m, int), type(m).__name__)
print(int(m), type(int(m)).__name__)
class Neg(int):
    def __neg__(self):
        return 'negated'
print(-Neg(3), Neg(3) * 2)
print(int(), int(0), int('7'), int(7.9))
