# sets: construction, add/discard/remove/pop, membership, len, duplicates, sorted printing.
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), 2 in s, 5 in s, 5 not in s)
s.add(4); s.add(1)
print(sorted(s))
s.discard(10); s.discard(4)
print(sorted(s))
s.remove(3)
print(sorted(s))
p = s.pop()
print(p in (1, 2), len(s))
print(set(), sorted(set('hello')), sorted(set([1, 2, 2])), sorted(set(range(5))), sorted(set({'a': 1})))
print(set() == set(), {1, 2} == {2, 1}, {1} != {1.0}, {1, 2} == frozenset([1, 2]))
c = {1, 2}.copy()
c.add(3)
print(sorted(c))
c.clear()
print(c, len(c))
try:
    set().remove(1)
except KeyError:
    print('KeyError remove')
try:
    set().pop()
except KeyError:
    print('KeyError pop')
print(sorted({(1, 2), (1, 2), 'a', 'a'}, key=str))
print(sorted({x % 4 for x in range(20)}))
