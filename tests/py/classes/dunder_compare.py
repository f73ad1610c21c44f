# Rich comparisons: __eq__/__ne__/__lt__/__le__/__gt__/__ge__, reflection, default __ne__, NotImplemented.
class C:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print('eq', self.v)
        return isinstance(o, C) and self.v == o.v
    def __lt__(self, o):
        print('lt', self.v)
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __hash__(self):
        return hash(self.v)
a, b = C(1), C(2)
print(a == C(1), a != C(1), a != b)
print(a < b, b > a, a <= b, b >= a)
print(sorted([C(3), C(1), C(2)], key=lambda c: c.v)[0].v, max(C(5), C(9)).v)
class OnlyEq:
    def __eq__(self, o):
        return 'custom-eq-value'
print(OnlyEq() == 1, OnlyEq() != 1, 1 == OnlyEq())
class NI:
    def __eq__(self, o):
        return NotImplemented
    def __lt__(self, o):
        return NotImplemented
x = NI()
print(x == x, x == NI(), x != NI())
try:
    x < NI()
except TypeError:
    print('TypeError')
class Rev:
    def __gt__(self, o):
        return 'Rev.__gt__ called'
print(1 < Rev(), Rev() > 1)
print([C(1)] == [C(1)], C(1) in [C(0), C(1)])
