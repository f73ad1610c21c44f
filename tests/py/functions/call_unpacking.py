# Argument unpacking at call sites: *iterables of all kinds, **mappings, mixing with keywords.
def f(a, b, c=0, *d, e=5, **g):
    return a, b, c, d, e, g
print(f(*[1, 2]), f(*(1, 2, 3, 4)), f(1, *range(2, 5)), f(*'xy', e=0))
print(f(**{'a': 1, 'b': 2}), f(1, **{'b': 2, 'z': 3}), f(*[1], b=2, **{'c': 3}))
def gen():
    yield 1
    yield 2
print(f(*gen()), f(*{1: 'a', 2: 'b'}), f(*bytearray(b'AB')))
class Mapping:
    def keys(self):
        return ['a', 'b']
    def __getitem__(self, k):
        return k.upper()
print(f(**Mapping()))
print(max(*[3, 9, 2]), min(*'zya'), dict(**{'k': 1}, j=2))
