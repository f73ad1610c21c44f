# Container protocol: __getitem__/__setitem__/__delitem__/__contains__/__len__/__iter__/__reversed__.
class Grid:
    def __init__(self):
        self.d = {}
    def __getitem__(self, key):
        print('get', key)
        return self.d.get(key, 0)
    def __setitem__(self, key, val):
        print('set', key, val)
        self.d[key] = val
    def __delitem__(self, key):
        print('del', key)
        del self.d[key]
    def __contains__(self, key):
        return key in self.d
    def __len__(self):
        return len(self.d)
    def __iter__(self):
        return iter(sorted(self.d))
    def __reversed__(self):
        return iter(sorted(self.d, reverse=True))
g = Grid()
g[1, 2] = 'a'
g[0, 0] = 'b'
print(g[1, 2], g[5, 5], (1, 2) in g, (9, 9) in g, len(g))
g[0, 0] += '!'
print(list(g), list(reversed(g)))
del g[1, 2]
print(len(g), list(g))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
s = Seq()
print(list(s), 20 in s, 25 in s, [x for x in s], s[1:3] if False else s[2])
a, b, c, d = s
print(a, b, c, d)
class Sliceable:
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ('slice', k.start, k.stop, k.step)
        return ('index', k)
sl = Sliceable()
print(sl[1], sl[1:2], sl[::-1], sl[:5:2], sl[-1])
