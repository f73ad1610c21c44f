# Set comprehensions, set() of generators, filtering, nested, and converting back to sorted lists.
print(sorted({x * x for x in range(-5, 6)}))
print(sorted({c.lower() for c in 'Hello World' if c.isalpha()}))
print(sorted({(a, b) for a in range(3) for b in range(a)}))
print(sorted(set(x % 5 for x in range(100))), len({i // 10 for i in range(100)}))
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry']
print(sorted({w[0] for w in words}), sorted({len(w) for w in words}))
