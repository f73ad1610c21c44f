a, *b = [1, 2, 3]
*a, b = c
a, *b, c = d
[a, *b] = c
(*a,) = b
f(*x)
f(*x, *y)
print(*args, sep='')
