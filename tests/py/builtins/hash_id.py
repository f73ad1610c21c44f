# hash() consistency for equal values across types and id() identity relations (never printing ids).
print(hash(1) == hash(1.0) == hash(True), hash('abc') == hash('ab' + 'c'), hash((1, 'a')) == hash((1, 'a')))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(b'x') == hash(b'x'), hash(0) == hash(0.0) == hash(-0.0))
print(type(hash('s')).__name__, hash(10) == 10, hash(-5) == -5)
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), id(None) == id(None), type(id(a)).__name__)
class C:
    pass
c1, c2 = C(), C()
print(id(c1) == id(c1), id(c1) != id(c2), hash(c1) == hash(c1))
for bad in [[], {}, set(), bytearray()]:
    try:
        hash(bad)
    except TypeError:
        print('TypeError', type(bad).__name__)
