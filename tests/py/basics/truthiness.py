# Truth testing in if/while/and/or/not for builtin values and objects with __bool__/__len__.
values = [None, False, True, 0, 1, -1, 0.0, 0.5, 0j, '', 'a', b'', b'a', [], [0], (), (0,),
          {}, {1: 2}, set(), {0}, range(0), range(3), frozenset(), bytearray(1)]
for v in values:
    if v:
        r = 'T'
    else:
        r = 'F'
    print(repr(v), r, not v)

class WithBool:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        print('bool called')
        return self.b

class WithLen:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print('len called')
        return self.n

class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 5

class Neither:
    pass

print(bool(WithBool(True)), bool(WithBool(False)))
print(bool(WithLen(0)), bool(WithLen(3)))
print(bool(Both()), bool(Neither()))
if WithLen(2):
    print('nonempty')
n = 3
while WithLen(n):
    n -= 1
print('n', n)
print(WithBool(False) or 'fallback')
print(not WithBool(True))
print([v for v in values if v][:4])
print(any([0, '', None]), all([1, 'x', [0]]))
