# dict.update / dict() with mappings, iterables of pairs, keyword args, objects with keys(); in-place |=.
d = {'a': 1}
d.update({'b': 2})
d.update([('c', 3), ['d', 4]])
d.update(e=5, a=10)
d.update(zip('fg', (6, 7)))
print(d)
class KeysObj:
    def keys(self):
        return ['x', 'y']
    def __getitem__(self, k):
        return k * 2
d.update(KeysObj())
print(d['x'], d['y'])
print(dict(KeysObj()), dict([('k', 'v')], z=0), dict(d, a='override')['a'])
d |= [('h', 8)]
print(list(d)[-1], len(d))
e = dict.fromkeys('ab', 0)
e.update(a=1)
print(e)
