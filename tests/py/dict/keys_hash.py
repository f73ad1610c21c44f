# dict keys: hash/eq protocol, equal numbers collapse (1, 1.0, True), custom key classes, unhashables.
d = {}
d[1] = 'int'
d[1.0] = 'float'
d[True] = 'bool'
print(d, len(d))
d2 = {0: 'zero', False: 'false', 0.0: 'f0', -0.0: 'neg'}
print(d2)
class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __repr__(self):
        return 'Key(%r)' % self.k
m = {Key(1): 'one', Key('x'): 'ex'}
print(m[Key(1)], m[Key('x')], Key(1) in m, Key(2) in m, m)
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 42
    def __eq__(self, other):
        return self.v == other.v
cd = {Collide(i): i for i in range(20)}
print(len(cd), cd[Collide(7)], [cd[Collide(i)] for i in range(0, 20, 5)])
class Plain:
    pass
p1, p2 = Plain(), Plain()
pd = {p1: 1, p2: 2}
print(pd[p1], pd[p2], len(pd))
for bad in ([1], {1: 2}, {1}, bytearray(b'x')):
    try:
        {bad: 1}
    except TypeError:
        print('TypeError', type(bad).__name__)
print({(1, (2, 3)): 'nested tuple'}[(1, (2, 3))])
