# list/tuple/set/dict/frozenset/str.join built from user-defined iterables and generators.
class Squares:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield i * i
s = Squares(5)
print(list(s), tuple(s), sorted(set(s)), sorted(frozenset(s)), dict(zip(s, 'abcde')), sum(s), max(s))
print(dict((i, i * i) for i in range(3)), ' '.join(str(v) for v in s), bytes(Squares(4)), bytearray(Squares(3)))
print(list(enumerate(s)), list(map(str, s)), [v for v in s if v % 2])
a, b, *c = Squares(4)
print(a, b, c)
