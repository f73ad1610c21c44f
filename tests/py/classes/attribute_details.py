# Attribute details: properties with deleters, class attributes, __class__ cell, bound method attributes, callable(), __getitem__ iteration, __eq__ in list methods.
class A:
    x = 1
    def __init__(self): self.y = 2
    @property
    def z(self): return self.y * 10
    @z.deleter
    def z(self): print('deleting z')
a = A()
print(a.x, a.y, a.z, A.x, type(A.z).__name__, sorted(vars(a).items()))
del a.z
a.x = 5; print(a.x, A.x); del a.x; print(a.x)
try:
    a.z = 3
except AttributeError as e:
    print('AttributeError')
A.w = 'class-added'; print(a.w)
del A.w
print(hasattr(a, 'w'))
class B(A):
    @property
    def z(self): return 'B.z>' + str(super().z)
print(B().z)
def deco(cls):
    cls.decorated = True
    return cls
@deco
class C:
    class Inner:
        v = 'inner'
    def m(self): return __class__.__name__
print(C.decorated, C.Inner.v, C().m(), C.Inner.__name__)
class D:
    def __getattribute__(self, n):
        return 'ga:' + n
try:
    print(D().foo)
except Exception as e:
    print(type(e).__name__)
class Slotted:
    counter = 0
    def __init__(self):
        type(self).counter += 1
Slotted(); Slotted(); print(Slotted.counter)
class F:
    def method(self): return self
f = F()
print(f.method() is f, F.method(f) is f, f.method.__self__ is f, f.method.__func__ is F.method)
print(callable(f), callable(F), callable(f.method))
class Call:
    def __call__(self): return 'called'
print(callable(Call()), Call()())
print(type(f).__name__, f.__class__.__name__, F.__name__, F.__qualname__ if hasattr(F, '__qualname__') else 'F')
print(isinstance(F, type), issubclass(F, object), type(type).__name__, type(object).__name__)
class WithClassAttr:
    items = []
    def add(self, x):
        self.items.append(x)
w1, w2 = WithClassAttr(), WithClassAttr()
w1.add(1); w2.add(2); print(WithClassAttr.items)
class Num:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'Num(%d)' % self.v
print(sorted([Num(3), Num(1), Num(2)]), min(Num(5), Num(2)), max([Num(1), Num(9)]))
class GetItemOnly:
    def __getitem__(self, i):
        if i < 3: return i
        raise IndexError
print(list(GetItemOnly()), 2 in GetItemOnly(), 5 in GetItemOnly())
class Eq:
    def __eq__(self, o): return True
print(Eq() in [1], [1].index(Eq()), [1, 2].count(Eq()))
print(object.__name__, object().__class__.__name__)
o = object()
try:
    o.x = 1
except AttributeError:
    print('no attr on object')
