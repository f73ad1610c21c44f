# Classes: __init__, instance and class attributes, methods, self, attribute lookup order.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims, p.moved(1).x, p.moved(1, 2).y)
q = Point(0, 0)
q.dims = 3
print(q.dims, p.dims, Point.dims)
Point.dims = 5
print(p.dims, q.dims)
print(Point.norm2(p), type(p).__name__, Point.__name__, isinstance(p, Point), isinstance(1, Point))
p.extra = 'dynamic'
print(p.extra, hasattr(p, 'extra'), hasattr(q, 'extra'))
print(sorted(k for k in vars(p)), vars(p)['x'])
class Empty:
    pass
e = Empty()
print(type(e).__name__, isinstance(e, object), Empty.__name__)
class WithClassCounter:
    count = 0
    def __init__(self):
        WithClassCounter.count += 1
        self.id = WithClassCounter.count
a, b, c = WithClassCounter(), WithClassCounter(), WithClassCounter()
print(a.id, b.id, c.id, WithClassCounter.count)
