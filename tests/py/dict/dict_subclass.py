# Subclassing dict: __missing__, overriding __setitem__/__getitem__, attribute access wrapper.
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in 'mississippi':
    c[ch] = c[ch] + 1
print(sorted(c.items()), c['z'], 'z' in c, c.get('z'))
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper()
u['a'] = 1
u['b'] = 2
print(u, len(u), isinstance(u, dict), type(u).__name__)
class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
ad = AttrDict(x=1, y=2)
print(ad.x, ad.y, ad['x'], hasattr(ad, 'z'))
class Default(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
dd = Default(list)
dd['a'].append(1)
dd['a'].append(2)
dd['b'].append(3)
print(dd, dd.factory is list)
