# dict equality ignores order, nested dict repr, self-referencing dict repr, fromkeys sharing.
a = {'x': [1, 2], 'y': {'z': None}}
b = {'y': {'z': None}, 'x': [1, 2]}
print(a == b, a != b, list(a) == list(b))
r = {}
r['self'] = r
print(r)
f = dict.fromkeys(['p', 'q'], [])
f['p'].append(1)
print(f)
print({1: 2} == {1: 2, 3: 4}, {} == [], {'a': 1} == {'a': True})
print(repr({'key': 'value', 2: (3, 4), None: [5]}))
