a = x.y
b = x.y.z
c = x[0]
d = x[0][1]
e = x[1:2]
f = x[:]
g = x[::2]
h = x[1:]
i = x[:2]
j = x[1:2:3]
k = x[::]
l = x[a, b]
m = x[1:2, 3]
n = x[1, 2]
o = x.y[0].z
del x.y
del x[0]
del x[1:2]
del a, b
del (c, d)
