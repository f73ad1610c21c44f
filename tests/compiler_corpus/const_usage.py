from micropython import const
X = const(1)
_Y = const(2)
Z = const(X + 100)
BIG = const(1 << 40)
S = const('hello')
a = X + _Y + Z
b = BIG
c = S
def f():
    return X * _Y
class C:
    K = const(5)
    def m(self):
        return K
