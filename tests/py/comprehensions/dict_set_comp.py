# Dict and set comprehensions: key collisions, filters, nested, from zip/enumerate, inverted mappings.
print({x: x * x for x in range(5)}, {k: v for k, v in zip('abc', range(3)) if v})
print({i % 3: i for i in range(10)}, {c: i for i, c in enumerate('hello')})
print(sorted({x % 4 for x in range(10)}), sorted({c for c in 'mississippi'}))
print({(a, b): a * b for a in range(2) for b in range(2)})
words = ['apple', 'bob', 'cat', 'dove']
print({w: len(w) for w in words if len(w) > 3}, {len(w): w for w in words})
print({k: {v for v in range(k)} for k in range(3)} == {0: set(), 1: {0}, 2: {0, 1}})
