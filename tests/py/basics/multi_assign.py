# Chained and tuple assignment, swapping, evaluation order of targets, nested targets.
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x
print(x, y)
p, (q, r), s = 1, (2, 3), 4
print(p, q, r, s)
[m, n] = 'xy'
print(m, n)
(i, j), k = [5, 6], 7
print(i, j, k)
l = [0, 0, 0]
idx = 0
idx, l[idx] = 2, 9
print(idx, l)
d = {}
d['a'] = d['b'] = 1
print(d)
first, second, third = range(3)
print(first, second, third)
u, v = v_list = [1, 2]
print(u, v, v_list)
t = 1,
print(t)
e, = [99]
print(e)
obj = type('O', (), {})()
obj.a, obj.b = 'A', 'B'
print(obj.a, obj.b)
for (aa, bb), cc in [((1, 2), 3), ((4, 5), 6)]:
    print(aa + bb + cc)
