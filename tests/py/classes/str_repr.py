# __str__ and __repr__: print, str(), repr(), containers use repr, fallback of str to repr, format().
class Both:
    def __str__(self):
        return 'str-form'
    def __repr__(self):
        return 'Both()'
class ReprOnly:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return 'ReprOnly(%r)' % (self.v,)
class StrOnly:
    def __str__(self):
        return 'only str'
b, r = Both(), ReprOnly('x')
print(b, str(b), repr(b), [b], (b,), {'k': b}, {b: 1} and 'keys ok')
print(r, str(r), repr(r), [r, ReprOnly(2)])
print(StrOnly(), str(StrOnly()), '%s' % b, '%r' % b, '{} {!r}'.format(b, b), f'{b} {b!r} {r!s}')
class Child(ReprOnly):
    pass
print(Child(5))
print(repr(ReprOnly([1, 'a'])))
