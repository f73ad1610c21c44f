# property: getter, setter, deleter, read-only properties, inheritance and override of properties.
class Circle:
    def __init__(self, r):
        self._r = r
    @property
    def radius(self):
        print('get radius')
        return self._r
    @radius.setter
    def radius(self, v):
        print('set radius', v)
        if v < 0:
            raise ValueError('negative')
        self._r = v
    @radius.deleter
    def radius(self):
        print('del radius')
        self._r = None
    @property
    def area(self):
        return 3 * self._r ** 2
c = Circle(2)
print(c.radius, c.area)
c.radius = 5
print(c.area)
try:
    c.radius = -1
except ValueError as e:
    print('ValueError', e)
del c.radius
print(c._r)
try:
    c.area = 5
except AttributeError:
    print('AttributeError read-only')
class P:
    def get(self):
        return 'via property()'
    def set(self, v):
        self.stored = v
    x = property(get, set)
p = P()
p.x = 7
print(p.x, p.stored, type(P.x).__name__)
class Sub(Circle):
    @property
    def area(self):
        return 'sub area'
print(Sub(1).area, Sub(1).radius)
