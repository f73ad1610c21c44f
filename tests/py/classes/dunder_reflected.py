# Reflected operators (__radd__ etc.): used when the left operand returns NotImplemented or lacks the op;
# a subclass's reflected method takes priority over the base's forward method.
class R:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return 'R(%r)' % (self.v,)
    def __radd__(self, o): return R(('radd', o))
    def __rsub__(self, o): return R(('rsub', o))
    def __rmul__(self, o): return R(('rmul', o))
    def __rtruediv__(self, o): return R(('rtruediv', o))
    def __rfloordiv__(self, o): return R(('rfloordiv', o))
    def __rmod__(self, o): return R(('rmod', o))
    def __rpow__(self, o): return R(('rpow', o))
    def __rlshift__(self, o): return R(('rlshift', o))
    def __rrshift__(self, o): return R(('rrshift', o))
    def __rand__(self, o): return R(('rand', o))
    def __ror__(self, o): return R(('ror', o))
    def __rxor__(self, o): return R(('rxor', o))
    def __rmatmul__(self, o): return R(('rmatmul', o))
r = R(0)
print(1 + r, 2 - r, 3 * r, 4 / r, 5 // r, 6 % r, 7 ** r, 8 << r, 9 >> r, 10 & r, 11 | r, 12 ^ r)
print('s' + r, [1] * r, 2.5 - r)
print(sum([R(1), R(2)]) if False else sum([], R(0)).v)
class Base:
    def __add__(self, o):
        return 'Base.__add__'
    def __radd__(self, o):
        return 'Base.__radd__'
class Derived(Base):
    def __radd__(self, o):
        return 'Derived.__radd__'
print(Base() + Derived(), Derived() + Base(), Base() + Base())
class OnlyForward:
    def __add__(self, o):
        return NotImplemented
class OnlyReverse:
    def __radd__(self, o):
        return 'reverse used'
print(OnlyForward() + OnlyReverse())
try:
    OnlyForward() + OnlyForward()
except TypeError:
    print('TypeError')
