# Class variables vs instance variables: shadowing, mutable class attributes shared by instances.
class Shared:
    items = []
    count = 0
    def add(self, x):
        self.items.append(x)
        self.count += 1
a, b = Shared(), Shared()
a.add(1)
b.add(2)
print(Shared.items, a.items is b.items, a.count, b.count, Shared.count)
class Own:
    def __init__(self):
        self.items = []
o1, o2 = Own(), Own()
o1.items.append(1)
print(o1.items, o2.items)
class C:
    x = 1
    y = x + 1
    z = [i * 2 for i in range(x + 2)]
    def get(self):
        return self.x, C.y
print(C.y, C.z, C().get())
c = C()
c.x = 'inst'
print(c.x, C.x, c.get())
del c.x
print(c.x)
C.new = 'added later'
print(c.new, hasattr(C, 'new'))
class D(C):
    x = 'D.x'
print(D().get(), D.y)
