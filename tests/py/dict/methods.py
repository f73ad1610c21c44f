# dict methods: get, setdefault, pop, popitem (LIFO), update forms, copy, clear, keys/values/items.
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 'default'), d.setdefault('a', 99), d.setdefault('c', 3), d)
print(d.setdefault('e'), d)
print(d.pop('e'), d.pop('zz', 'missing'), d)
d.update({'x': 10}); d.update([('y', 20)]); d.update(z=30); d.update({'a': 0}, b=-1)
print(d)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c['new'] = 1
print(d, c)
print(list(d.keys()), list(d.values()), list(d.items()))
d.clear()
print(d, len(d))
try:
    d.pop('nope')
except KeyError:
    print('KeyError pop')
try:
    {}.popitem()
except KeyError:
    print('KeyError popitem')
try:
    d['missing']
except KeyError as e:
    print('KeyError', e.args)
m = {1: 'a'}
m |= {2: 'b'}
print(m, m | {3: 'c'}, {3: 'c'} | m)
print(dict.fromkeys(range(3), []))
