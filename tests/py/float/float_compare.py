# Float comparisons, ordering, min/max/sorted with floats, equality with ints, hashing.
print(0.1 < 0.2, 0.3 >= 0.1 + 0.2, 1.0 <= 1, 2.0 > 1, -1.5 < -1)
print(sorted([3.5, -1.0, 2, 0.0, -0.5, 1e10, -1e-10]))
print(max([1.5, 2, 2.0]), min([2.0, 2, 1.5]), max(2, 2.0), max(2.0, 2))
d = {1: 'int', 1.0: 'float', 2.5: 'x'}
print(d, len(d))
s = {1, 1.0, True, 2, 2.0}
print(len(s))
print(hash(2.0) == hash(2), hash(0.5) == hash(0.5))
print(1e308 < float('inf'), 5e-324 > 0, -5e-324 < 0, 5e-324 / 2 == 0)
