# Subclasses of int/float/str/dict/list/tuple/bytes/set/Exception: overridden methods, super().__init__/__new__, builtins and operators on them.
class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + int(o) + 100)
    def __repr__(self):
        return 'MyInt(%d)' % int(self)
a = MyInt(5)
print(a + 1, 1 + a, a * 2, a == 5, a < 6, hash(a) == hash(5), int(a), float(a), abs(MyInt(-3)), -a, str(a), '%d' % a, f'{a}')
print(isinstance(a, int), type(a + 1).__name__, type(a * 2).__name__, max(MyInt(3), 7), sorted([MyInt(3), 1, 2]))
class MyFloat(float):
    pass
f = MyFloat(2.5)
print(f * 2, f + 1, round(f), int(f), f > 2, str(f), repr(f))
class S(str):
    def __new__(cls, v):
        return super().__new__(cls, v.strip())
s = S('  hi  ')
print(repr(s), s + '!', s * 2, s.upper(), len(s), s[0], 'h' in s, s == 'hi', s.startswith('h'), '-'.join([s, s]), str(s), {s: 1})
class D(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.extra = 1
    def __getitem__(self, k):
        return super().__getitem__(k) * 10
d = D({'a': 1}, b=2)
print(d['a'], d.get('a'), sorted(d.keys()), d.extra, len(d), dict(d), 'a' in d, list(d))
d.update(c=3); print(sorted(d.items()))
class L(list):
    def __init__(self, it=()):
        super().__init__(x * 2 for x in it)
    def append(self, x):
        super().append(-x)
l = L([1, 2])
l.append(3)
l.extend([4])
print(l, len(l), l[0], l[-1], l + [9], sum(l), sorted(l), l == [2, 4, -3, 4], list(reversed(l)), l.index(4), l * 2)
l2 = L(); l2 += [5]; print(l2, type(l2).__name__)
class T(tuple):
    pass
t = T([1, 2, 3])
print(t, t[1:], len(t), t + (4,), t.count(1), tuple(t), t == (1, 2, 3), hash(t) == hash((1, 2, 3)))
a1, *rest = t
print(a1, rest)
class E(Exception):
    def __init__(self, a, b=2):
        super().__init__(a, b)
        self.b = b
    def __str__(self):
        return 'E<%s>' % (self.args,)
try:
    raise E(1)
except E as e:
    print(e, repr(e), e.args, e.b)
class E2(ValueError):
    pass
try:
    int('x')
except ValueError:
    pass
try:
    raise E2('m')
except ValueError as e:
    print(type(e).__name__, e, isinstance(e, E2))
class B(bytes):
    pass
print(B(b'ab') + b'c', len(B(b'xyz')), B(b'q')[0])
class St(set):
    pass
st = St([1, 2, 2])
print(sorted(st), len(st), 1 in st, sorted(st | {5}))
