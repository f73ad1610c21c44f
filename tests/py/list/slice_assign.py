# List slice assignment and deletion: grow, shrink, insert, extended slices, self-assignment.
l = list(range(10))
l[2:5] = ['a', 'b']; print(l)
l[2:2] = [100, 200, 300]; print(l)
l[:0] = ['start']; print(l)
l[len(l):] = ['end']; print(l)
l[1:4] = []; print(l)
l[::2] = [0] * len(l[::2]); print(l)
l[1::3] = 'wxyz'[:len(l[1::3])]; print(l)
l[:] = [1, 2, 3]; print(l)
l[-1:] = (7, 8, 9); print(l)
l[10:20] = [42]; print(l)
l[1:2] = range(3); print(l)
l[::-1] = list(range(len(l))); print(l)
l[:] = l; print(l)
a = [1, 2, 3]
a[1:1] = a
print(a)
b = list(range(8))
del b[::3]; print(b)
del b[-2:]; print(b)
del b[5:1]; print(b)
c = list(range(6))
c[4:1:-1] = ['p', 'q', 'r']; print(c)
try:
    c[::2] = [1]
except ValueError:
    print('ValueError size mismatch')
try:
    c[0:1] = 5
except TypeError:
    print('TypeError not iterable')
