a = 1
a = b = c = 2
a, b = 1, 2
a, b = b, a
a, b, c = c, b, a
a, b, c, d = d, c, b, a
(a, b) = x
[a, b] = x
a, *b = x
*a, b = x
a, *b, c = x
a.b = 1
a.b.c = 2
a[0] = 3
a[1:2] = 4
a.b[0].c = 5
x = y = z.w = 6
[] = []
a, (b, c) = x
for a, b in x: pass
