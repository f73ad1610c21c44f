# A complete 2-D vector class: arithmetic, reflected ops, comparisons, hashing, abs, bool, len, iter, repr.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return 'Vec(%r, %r)' % (self.x, self.y)
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self):
        return bool(self.x or self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __iter__(self):
        yield self.x
        yield self.y
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, abs(b), bool(Vec(0, 0)), bool(a))
print(a == Vec(1, 2), a != b, len({a, Vec(1, 2), b}), list(a), len(a), a[1], tuple(b), sum(b))
x, y = b
print(x, y, sorted([b, a], key=abs), max([a, b], key=lambda v: v.y))
total = Vec(0, 0)
for v in [a, b, a]:
    total += v
print(total)
