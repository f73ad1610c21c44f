# __divmod__/__rdivmod__, __floor__/__ceil__/__trunc__, 3-argument pow, __matmul__ and friends; the __len__/__getitem__ sequence protocol in builtins.
import math
class N:
    def __divmod__(self, o): return ('divmod', o)
    def __rdivmod__(self, o): return ('rdivmod', o)
    def __floor__(self): return 'floor'
    def __ceil__(self): return 'ceil'
    def __trunc__(self): return 'trunc'
    def __pow__(self, o, m=None): return ('pow', o, m)
    def __rpow__(self, o): return ('rpow', o)
    def __matmul__(self, o): return 'matmul'
    def __rmatmul__(self, o): return 'rmatmul'
    def __lshift__(self, o): return 'lshift'
    def __imatmul__(self, o): return 'imatmul'
n = N()
print(divmod(n, 2), divmod(2, n), math.floor(n), math.ceil(n), math.trunc(n))
print(pow(n, 2), pow(n, 2, 5), 2 ** n, n @ 1, 1 @ n, n << 1)
m = n; m @= 3; print(m)
class Seq:
    def __len__(self): return 2
    def __getitem__(self, i):
        if i >= 2: raise IndexError(i)
        return 'ab'[i]
print(list(reversed(Seq())), sorted(Seq()), 'a' in Seq(), list(enumerate(Seq())), ''.join(Seq()))
