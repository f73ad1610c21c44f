# Subclasses of str: methods, operators, hashing, formatting, __new__, and overridden __str__/__repr__.
class S(str):
    def shout(self):
        return self.upper() + '!'
s = S('héllo')
print(s, len(s), s[1], s[1:3], s.shout(), type(s).__name__, type(s[1:]).__name__, type(s.upper()).__name__)
print(s == 'héllo', 'héllo' == s, s != 'x', hash(s) == hash('héllo'), s < 'z', 'a' < s)
print(s + '!', '!' + s, s * 2, 2 * s, 'l' in s, s in 'xhéllox', s.split('l'), str(s), repr(s))
print('%s|%r' % (s, s), f'{s}|{s!r}|{s:>8}', '{}'.format(s), format(s, '^9'), type(str(s)).__name__)
print({s: 1}['héllo'], {'héllo': 2}[s], sorted([S('b'), 'a', S('c')]))
print(''.join([s, S('x')]), s.join(['a', 'b']), 'x'.join(s), list(s), [c for c in s])
print(s.find(S('l')), s.replace(S('l'), S('L')), s.startswith(S('hé')), s.strip(S('ho')))
print(int(S('42')), float(S('1.5')), isinstance(s, str), issubclass(S, str), str.upper(s), str.__len__(s))
class R(str):
    def __repr__(self):
        return 'R!'
    def __str__(self):
        return 'Rs'
r = R('val')
print(r, repr(r), str(r), '%s %r' % (r, r), f'{r} {r!r}', [r], r.upper(), r + '1', len(r))
class E(str):
    def __eq__(self, o):
        return True
    __hash__ = str.__hash__
print(E('a') == 'b', 'b' == E('a'), E('a') != 'a', hash(E('a')) == hash('a'))
class T(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
t = T('abc')
print(t, type(t).__name__, t.lower(), t == 'ABC')
class B(bytes):
    pass
b = B(b'xy')
print(b, len(b), b[0], b + b'z', b.upper(), b == b'xy', bytes(b), b.hex(), type(b).__name__)
print(str.__len__('abc'), str.upper('x'), str.count('aaa', 'a'), 'abc'.__contains__('b'), 'ab'.__getitem__(-1))
print('ab'.__add__('c'), 'ab'.__mul__(2), 'ab'.__rmul__(2), 'a%sb'.__mod__(1), 'abc'.__eq__(1), 'abc'.__lt__(1))
print('abc'.__lt__('abd'), 'abc'.__ne__('abc'), 'abc'.__format__('>5'), 'abc'.__str__(), 'abc'.__repr__())
print('abc'.__hash__() == hash('abc'), list('ab'.__iter__()), b'ab'.__len__(), b'ab'.__add__(b'c'))
for f in [lambda: 'abc'.__add__(1), lambda: 'abc'.__mul__('x'), lambda: str.__new__(int, 'x')]:
    try:
        f()
    except TypeError:
        print('TypeError')
