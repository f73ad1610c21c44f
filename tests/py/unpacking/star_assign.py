# Star unpacking in assignments: leading, middle, trailing stars, nested, from any iterable.
a, *b = [1, 2, 3]
*c, d = 'xyz'
e, *f, g = range(6)
h, *i = (1,)
print(a, b, c, d, e, f, g, h, i)
(j, *k), *l = [1, 2, 3], 4, 5
print(j, k, l)
first, *_, last = 'hello world'
print(first, last)
for x, *rest in [(1, 2, 3), (4,)]:
    print(x, rest)
*m, = {'k': 1, 'j': 2}
print(m, type(b).__name__, type(c).__name__)
n, *o = iter([10, 20, 30])
print(n, o)
p, q, *r, s, t = range(4)
print(p, q, r, s, t)
try:
    u, *v, w = [1]
except ValueError:
    print('ValueError too few')
