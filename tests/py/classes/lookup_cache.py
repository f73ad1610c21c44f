# The type-lookup cache (vm-fast) must never return a stale answer.
import gc


class A:
    x = 1

    def m(self):
        return "A.m"


class B(A):
    pass


b = B()
for i in range(3):
    print(b.x, b.m())
# Class attribute replaced via setattr on the class.
A.x = 2
print(b.x)
# On the subclass (shadows the base).
B.x = 3
print(b.x)
del B.x
print(b.x)
# Method replaced.
A.m = lambda self: "new m"
print(b.m())
# Instance attribute shadows a method.
b.m = lambda: "instance m"
print(b.m())
del b.m
print(b.m())
# Through the class dict (MicroPython returns the dict itself).
try:
    d = A.__dict__
    d["x"] = 5
    print("via __dict__", b.x)
except TypeError:
    print("via __dict__", 5)
# The namespace dict given to type() is the class dict in MicroPython; CPython copies it.
ns = {"y": 1}
C = type("C", (), ns)
c = C()
print(c.y)
ns["y"] = 2
print(c.y in (1, 2))
# A property added after instances were read.
class P:
    pass


p = P()
p.v = 10
for i in range(3):
    print(p.v)
P.v = property(lambda self: "prop")
print(p.v)
# __setattr__ added after stores were cached.
class S:
    pass


s = S()
for i in range(3):
    s.a = i
print(s.a)
def sa(self, k, v):
    object.__setattr__(self, k, v * 100)
S.__setattr__ = sa
s.a = 7
print(s.a)
# __getattr__ added later.
class G:
    pass


g = G()
try:
    g.q
except AttributeError:
    print("no q")
G.__getattr__ = lambda self, n: "got " + n
print(g.q)
# Classes made and dropped in a loop: new classes at reused addresses.
vals = []
for i in range(50):
    class T:
        k = i

        def f(self):
            return self.k * 2
    t = T()
    vals.append(t.k + t.f())
    del T, t
    if i % 10 == 0:
        gc.collect()
print(sum(vals))
# Names made at run time (not interned).
class N:
    pass


n = N()
for i in range(20):
    name = "attr" + str(i % 3)
    setattr(n, name, i)
    print(getattr(n, name), end=" ")
print()
# Deleting an instance attribute then reading the class one.
class D:
    z = "class"


dd = D()
dd.z = "inst"
print(dd.z)
del dd.z
print(dd.z)
# A base-class attribute added after a miss was cached.
class E:
    pass


class F(E):
    pass


f = F()
for i in range(3):
    print(hasattr(f, "w"))
E.w = "late"
print(f.w)
