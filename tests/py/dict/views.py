# dict views: keys/values/items are live, set operations on keys/items, iteration, len, membership.
d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d['d'] = 4
print(len(k), list(k), list(v), list(i))
print('a' in k, 1 in v, ('a', 1) in i, ('a', 2) in i, 'zz' in k)
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}))
print(sorted(i & {('a', 1), ('b', 9)}), k == {'a', 'b', 'c', 'd'}, k.isdisjoint({'x'}))
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
for key, val in d.items():
    print(key, val, end='; ')
print()
del d['a']
print(list(k), list(v))
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(sorted(d.values()), max(d), min(d.items()))
try:
    for key in d:
        d['new' + key] = 0
except RuntimeError:
    print('RuntimeError changed size')
