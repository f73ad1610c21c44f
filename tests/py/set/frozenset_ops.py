# frozenset: immutability, hashability, use as dict key / set element, mixed operations result type.
f = frozenset([1, 2, 3])
g = frozenset('ab')
print(sorted(f), len(f), 2 in f, hash(f) == hash(frozenset([3, 2, 1])), type(f).__name__)
d = {f: 'f', g: 'g'}
print(d[frozenset({1, 2, 3})], d[frozenset('ba')])
s = {f, frozenset([1, 2, 3]), frozenset()}
print(len(s))
print(type(f | {4}).__name__, type({4} | f).__name__, type(f & f).__name__, type(f - {1}).__name__)
print(sorted(f | {4}), sorted(f.union([9])), f.issubset({1, 2, 3, 4}), frozenset() == set())
print(frozenset(), repr(frozenset()), sorted(frozenset(range(3))))
print(hasattr(f, 'add'), hasattr(f, 'remove'), f.copy() == f)
