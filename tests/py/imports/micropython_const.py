# micropython.const: works as an identity function for ints (falling back to a lambda under CPython).
try:
    from micropython import const
except ImportError:
    const = lambda x: x
X = const(10)
_Y = const(20)
Z = const(1 << 4)
print(X, _Y, Z, X + _Y)
def f():
    return X * 2 + _Y
print(f())
class C:
    LIMIT = const(3)
print(C.LIMIT)
