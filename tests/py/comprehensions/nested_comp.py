# Deeply nested comprehensions: matrix operations, flattening, cartesian products, filters at each level.
A = [[1, 2], [3, 4]]
B = [[5, 6], [7, 8]]
print([[sum(a * b for a, b in zip(row, col)) for col in zip(*B)] for row in A])
print([x for row in [[1, [2, 3]], [4]] for x in row if isinstance(x, int)])
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
print({i: [j for j in range(i) if j % 2] for i in range(5)})
print([[c for c in w if c in 'aeiou'] for w in ['hello', 'sky', 'queue']])
