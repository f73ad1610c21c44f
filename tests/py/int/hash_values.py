# hash() of ints, floats, complex, tuples and frozensets equals CPython's values on 64-bit builds.
for v in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, -2 ** 61, 2 ** 100, -(2 ** 100) + 7, True, 0.5, -0.5, 1e100, 1e-300,
          float('inf'), -float('inf'), 1.0, 3 + 4j, complex(2, 0), (), (1,), (1, 2), ((1, 2), -1, 2.5),
          (True, False), frozenset(), frozenset({1, 2, 3}), frozenset({(1, 2), -5}), frozenset({frozenset({1})})]:
    print(repr(v), hash(v))
print(hash(1) == hash(1.0) == hash(1 + 0j) == hash(True), hash((1, 2)) == hash((1.0, 2.0)))
print(len({1, 1.0, True, 1 + 0j}), len({(1, 2), (1.0, 2.0)}), len({frozenset({1}), frozenset({1.0})}))
