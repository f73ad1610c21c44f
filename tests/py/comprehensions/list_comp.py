# List comprehensions: filters, nested loops, nested comprehensions, conditional expressions, scoping.
print([x * x for x in range(6)], [x for x in range(10) if x % 3 == 0], [c.upper() for c in 'abc'])
print([(x, y) for x in range(3) for y in range(x)], [x for x in range(20) if x % 2 if x % 3])
print([[i * j for j in range(3)] for i in range(3)], [row[1] for row in [[1, 2], [3, 4]]])
print([x if x > 0 else 0 for x in [-1, 2, -3, 4]], [len(w) for w in 'the quick brown fox'.split()])
x = 'outer'
r = [x for x in range(3)]
print(x, r)
print([y for x in [[1, 2], [3]] for y in x], [[y for y in x if y] for x in [[0, 1], [2, 0]]])
print([i for i in range(3) for _ in range(2)], [(a, b) for a, b in zip('ab', 'cd')])
print([f() for f in [lambda: 1, lambda: 2]], [n for n in [3, 1, 2] if n != 1][::-1])
m = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in m] for i in range(3)])
print([s for s in ['a', '', 'b', None, 'c'] if s])
