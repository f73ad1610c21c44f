# del of names, list items/slices, dict keys, attributes, and tuple targets.
x = 1
del x
try:
    x
except NameError:
    print('x gone')
l = list(range(10))
del l[0]
print(l)
del l[-1]
print(l)
del l[2:4]
print(l)
del l[::2]
print(l)
del l[:]
print(l)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
class A:
    pass
o = A()
o.p = 1
o.q = 2
del o.p
print(hasattr(o, 'p'), hasattr(o, 'q'))
a, b, c = 1, 2, 3
del a, b
print(c, 'a' in globals(), 'b' in globals())
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)
def f():
    y = 5
    del y
    y = 6
    return y
print(f())
for i in range(3):
    pass
del i
print('i' in globals())
try:
    del d['zz']
except KeyError:
    print('KeyError')
try:
    del l[5]
except IndexError:
    print('IndexError')
