# dict comprehensions and insertion order under deletes/reinserts, dict(zip()), key overwrite in comps.
d = {c: ord(c) for c in 'hello'}
print(d)
sq = {i: i * i for i in range(6) if i % 2}
print(sq)
inv = {v: k for k, v in {'a': 1, 'b': 2, 'c': 1}.items()}
print(inv)
o = dict.fromkeys('abcde', 0)
del o['b']
o['b'] = 1
del o['d']
o['f'] = 2
o['a'] = 9
print(o, list(o.items())[0])
nested = {i: {j: i * j for j in range(3)} for i in range(3)}
print(nested)
print(dict(zip(range(3), 'xyz')))
