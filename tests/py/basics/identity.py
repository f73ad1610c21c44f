# `is` / `is not` on singletons, shared and copied containers, and the id() relation.
a = [1, 2]
b = a
c = list(a)
print(a is b, a is c, a == c, a is not c)
print(id(a) == id(b), id(a) == id(c))
b.append(3)
print(a, c)
print(None is None, True is True, ... is Ellipsis, NotImplemented is NotImplemented)
t = ()
print(t is (), type(t) is tuple)
def f():
    return None
print(f() is None)
x = object()
y = object()
print(x is x, x is y, x == y, x != y)
print(type(1) is int, type(True) is bool, type(1) is not bool)
class A:
    pass
o = A()
print(type(o) is A, o.__class__ is A, type(A) is type)
l1 = [[]] * 3
l1[0].append(1)
print(l1, l1[0] is l1[2])
l2 = [[] for _ in range(3)]
l2[0].append(1)
print(l2, l2[0] is l2[2])
d = {'k': a}
print(d['k'] is a)
s = 'hello'
print(s is s, id(s) == id(s))
