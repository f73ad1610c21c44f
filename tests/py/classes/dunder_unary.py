# Unary special methods and conversions: __neg__ __pos__ __abs__ __invert__ __int__ __float__ __complex__ __index__ __round__.
class N:
    def __init__(self, v):
        self.v = v
    def __neg__(self): return 'neg'
    def __pos__(self): return 'pos'
    def __abs__(self): return 'abs'
    def __invert__(self): return 'invert'
    def __int__(self): return 42
    def __float__(self): return 4.5
    def __complex__(self): return 1 + 2j
    def __index__(self): return 3
    def __round__(self, n=None): return ('round', n)
n = N(0)
print(-n, +n, abs(n), ~n, int(n), float(n), complex(n), round(n), round(n, 2))
print([10, 20, 30, 40][n], 'abcdef'[n:], bin(n), hex(n), oct(n), range(n)[-1], [1] * n)
class OnlyIndex:
    def __index__(self):
        return 5
print(int(OnlyIndex()), list(range(OnlyIndex())), (2).__pow__(OnlyIndex()))
