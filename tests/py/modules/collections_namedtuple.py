# collections.namedtuple: fields, tuple behaviour, _fields, _asdict, _replace, _make, defaults
from collections import namedtuple

P = namedtuple('P', 'x y')
p = P(1, y=2)
print(p, p.x, p.y, p[0], p[1], len(p), list(p), tuple(p), p._fields, P._fields)
print(p == (1, 2), p == P(1, 2), hash(p) == hash((1, 2)), p < P(1, 3), isinstance(p, tuple))
x, y = p
print(x, y, p._asdict(), p._replace(x=5), P._make([3, 4]), p.count(1), p.index(2))
print(type(p).__name__, P.__name__, p[::-1], p + (3,))
Q = namedtuple('Q', ['a', 'b', 'c'])
print(Q(1, 2, 3), Q(c=3, b=2, a=1))
R = namedtuple('R', 'a, b  c')
print(R(1, 2, 3), R._fields)
D = namedtuple('D', 'a b c', defaults=[8, 9])
print(D(1), D(1, 2), D(1, 2, 3))
E = namedtuple('E', '')
print(E(), len(E()))

class Point(namedtuple('Point', 'x y')):
    def norm(self):
        return self.x * self.x + self.y * self.y
pt = Point(3, 4)
print(pt, pt.norm(), pt.x)

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)
check(lambda: P(1))
check(lambda: P(1, 2, 3))
check(lambda: P(1, z=2))
check(lambda: P(1, 2, x=3))
check(lambda: namedtuple('R', 'a a'))
check(lambda: namedtuple('R', 'a 1b'))
check(lambda: namedtuple('R', 'a _b'))
check(lambda: namedtuple('R', 'a def'))
check(lambda: p._replace(z=1))
def setx():
    p.x = 5
check(setx)
check(lambda: p.z)
