# tuple methods and operations: count/index with start/stop, comparisons, hashing of nested tuples, conversion.
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(9), t.index(2), t.index(2, 2), t.index(1, 1, 5), t.index(2, -2))
print(len(t), t[1:4], t[::-2], sorted(t), tuple(sorted(set(t))), list(t) == [1, 2, 3, 2, 1, 2])
print((1, (2, 3)) < (1, (2, 4)), (1, 'a') == (1, 'a'), (0,) * 3 + (1,) == (0, 0, 0, 1))
print(hash((1, (2, (3,)))) == hash((1, (2, (3,)))), {(1, 2): 'a', (1, (2,)): 'b'}[(1, (2,))])
print(tuple(reversed(t)), max(t), min(t), sum(t), any(t), all(t), 3 in t, (2, 3) in [(2, 3)])
try:
    t.index(2, 0, 1)
except ValueError:
    print('ValueError')
try:
    hash(([],))
except TypeError:
    print('TypeError unhashable element')
