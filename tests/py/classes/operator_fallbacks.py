# Comparisons when only some methods exist: reflected __lt__/__gt__, __eq__ identity default, != from ==.
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
a, b = OnlyLt(1), OnlyLt(2)
print(a < b, b > a, sorted([b, a])[0].v, min(b, a).v, max(a, b).v)
class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == getattr(o, 'v', None)
print(Eq(1) != Eq(1), Eq(1) != Eq(2), Eq(1) == Eq(1))
x = object()
print(x == x, x != x, x == object())
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError:
    print('TypeError no __le__')
