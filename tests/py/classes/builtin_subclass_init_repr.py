# __init__ of mutable builtin bases (list refills, dict updates, set starts over) and reprs of set/frozenset/bytearray subclasses, which name the class.
class L(list):
    pass
l = L([1, 2]); list.__init__(l, [3]); print(l)
class BA(bytearray):
    def __init__(self, v):
        super().__init__(v)
print(BA(b'xy'), len(BA(3)))
class S(set):
    def __init__(self, it):
        super().__init__(it)
        self.n = len(self)
s = S([1, 1, 2]); print(sorted(s), s.n)
class D(dict):
    pass
d = D(a=1); dict.__init__(d, b=2); print(d)
class S(set): pass
class F(frozenset): pass
class BA(bytearray): pass
class L(list): pass
class D(dict): pass
class T(tuple): pass
print(repr(S([1])), repr(S()), repr(F([2])), repr(F()), repr(BA(b'xy')), repr(BA()), L([1]), D(a=1), T((1,)), [S([3])])
print(str(S([1])), str(BA(b'q')))
