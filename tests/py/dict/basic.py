# dict basics: literals, insertion order, lookup, update, overwrite keeps position, len, in, equality.
d = {'b': 1, 'a': 2, 'c': 3}
print(d, len(d), d['a'], 'a' in d, 'z' in d, 1 in d)
d['d'] = 4
d['b'] = 10
print(d, list(d))
del d['a']
d['a'] = 5
print(d)
print({} == {}, {'x': 1, 'y': 2} == {'y': 2, 'x': 1}, {'x': 1} != {'x': 1.0}, {1: 'a'} == {1.0: 'a'})
print(dict(), dict(a=1, b=2), dict([('x', 1), ('y', 2)]), dict({'k': 'v'}, extra=True), dict(zip('ab', range(2))))
print(dict([('k', 1), ('k', 2)]), {'k': 1, 'k': 2}, dict.fromkeys('abc'), dict.fromkeys([1, 2], 0))
keys = [(1, 2), 3.5, -1, None, True, 'str', b'bytes', frozenset([1])]
h = {}
for i, k in enumerate(keys):
    h[k] = i
print(len(h), h[(1, 2)], h[3.5], h[None], h[1], h[b'bytes'], h[frozenset([1])])
big = {i: i * i for i in range(1000)}
print(len(big), big[999], sum(big.values()), list(big)[:5], list(big)[-3:])
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], 500 in big, 501 in big)
n = {'outer': {'inner': [1, 2]}}
n['outer']['inner'].append(3)
print(n, repr({'q': "it's"}), str({1: None}))
