# Unpacking in for-loop targets with nesting and stars, unpacking dict items, enumerate + zip combos.
points = [(1, (2, 3)), (4, (5, 6))]
for x, (y, z) in points:
    print(x + y + z)
for i, (a, *rest) in enumerate([[1, 2, 3], [4], [5, 6]]):
    print(i, a, rest)
for (k, v), n in zip({'a': 1, 'b': 2}.items(), range(10, 12)):
    print(k, v, n)
[(p, q)] = [(7, 8)]
print(p, q)
head, *tail = 'abc'
print(head, tail)
matrix = [[1, 2], [3, 4]]
(a, b), (c, d) = matrix
print(a, b, c, d)
for *init, last in [(1, 2, 3), ('x',)]:
    print(init, last)
