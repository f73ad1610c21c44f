# str() on objects, bytes decoding, __str__/__repr__ fallback, repr vs str of containers.
print(str(), str(12), str(-1.5), str(True), str(None), str([1, 'a']), str((1, 'b')), str({'a': 'b'}))
print(str(b'abc', 'utf-8'), str(b'\xc3\xa9', 'utf8'), str(bytearray(b'xy'), 'ascii'), str(b'abc'))
class A:
    def __str__(self):
        return 'A-str'
    def __repr__(self):
        return 'A-repr'
class B:
    def __repr__(self):
        return 'B-repr'
print(str(A()), repr(A()), str(B()), [A(), B()], (A(),), {'k': A()})
print('%s %r' % (A(), A()), f'{A()} {A()!r} {B()}')
class S(str):
    pass
s = S('sub')
print(s, type(s).__name__, s + 'x', type(s + 'x').__name__, s.upper(), isinstance(s, str))
print(repr('quote\'s'), repr("dq\""), repr('both\'"'), repr('\\'))
