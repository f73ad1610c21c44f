# Binary arithmetic special methods: __add__ ... __matmul__, returning NotImplemented, chained use.
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return 'V' + repr(self.c)
    def _op(self, o, f):
        if isinstance(o, V):
            return V(*[f(a, b) for a, b in zip(self.c, o.c)])
        if isinstance(o, (int, float)):
            return V(*[f(a, o) for a in self.c])
        return NotImplemented
    def __add__(self, o): return self._op(o, lambda a, b: a + b)
    def __sub__(self, o): return self._op(o, lambda a, b: a - b)
    def __mul__(self, o): return self._op(o, lambda a, b: a * b)
    def __truediv__(self, o): return self._op(o, lambda a, b: a / b)
    def __floordiv__(self, o): return self._op(o, lambda a, b: a // b)
    def __mod__(self, o): return self._op(o, lambda a, b: a % b)
    def __pow__(self, o): return self._op(o, lambda a, b: a ** b)
    def __lshift__(self, o): return self._op(o, lambda a, b: a << b)
    def __rshift__(self, o): return self._op(o, lambda a, b: a >> b)
    def __and__(self, o): return self._op(o, lambda a, b: a & b)
    def __or__(self, o): return self._op(o, lambda a, b: a | b)
    def __xor__(self, o): return self._op(o, lambda a, b: a ^ b)
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __divmod__(self, o): return (self // o, self % o)
a, b = V(6, 7), V(2, 3)
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(a << 1, a >> 1, a & b, a | b, a ^ b, a @ b, divmod(a, b))
print(a + 1, a * 2.5, (a + b) * (a - b))
try:
    a + 'str'
except TypeError:
    print('TypeError')
