# tuples: literals, singleton, packing/unpacking, indexing, slicing, concat, repetition, comparison.
t = (1, 'a', 2.5, None)
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], t[::2])
print((), (1,), tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)), tuple({'k': 1}))
print((1, 2) + (3,), (1,) * 3, 2 * (0,), (1, 2) * 0)
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), () < (0,))
print(1 in t, 'b' in t, t.count(1), (1, 1, 2).count(1), (1, 2, 3).index(3), (1, 2, 1).index(1, 1))
a, b, c = 1, 2, 3
p = a, b
print(p, type(p).__name__)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): 'pair'}[(1, 2)])
mut = ([1], [2])
mut[0].append(9)
print(mut)
print(tuple(x * x for x in range(4)), repr((1,)), str(('a',)))
print(max((3, 1, 2)), min(('b', 'a')), sorted((3, 1, 2)), sum((1, 2, 3)))
try:
    t[0] = 5
except TypeError:
    print('TypeError')
try:
    t[10]
except IndexError:
    print('IndexError')
try:
    (1, 2).index(5)
except ValueError:
    print('ValueError')
