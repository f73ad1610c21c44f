# Subclassing tuple with properties (a hand-written named tuple) and tuple methods on it.
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return 'Point(%r, %r)' % self
p = Point(1, 2)
print(p, p.x, p.y, len(p), p + (3,), p == (1, 2), isinstance(p, tuple), type(p).__name__)
x, y = p
print(x, y, p.count(1), p.index(2), sorted(p, reverse=True), hash(p) == hash((1, 2)))
