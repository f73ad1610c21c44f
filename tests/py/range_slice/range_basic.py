# range: forms, len, indexing, slicing, negative steps, membership, equality, reversed, repr.
for r in [range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(5, 5), range(5, 0), range(-3, 3)]:
    print(r, len(r), list(r), bool(r))
r = range(1, 20, 3)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], list(r[::-2]), r.start, r.stop, r.step)
print(7 in r, 8 in r, -2 in r, 19 in r, 2.0 in range(5), r.index(10), r.count(10), r.count(11))
print(range(0) == range(5, 5), range(0, 3) == range(3), range(1, 10, 2) == range(1, 11, 2), range(3) != range(4))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), sum(range(101)), max(range(7)), min(range(3, 9)))
big = range(10 ** 20)
print(len(range(0, 10 ** 10, 7)), big[-1], 10 ** 19 in big, big[10 ** 19])
print(range(-5, -1)[-1], list(range(0, -10, -3)))
try:
    range(3)[3]
except IndexError:
    print('IndexError')
try:
    range(0, 5, 0)
except ValueError:
    print('ValueError')
try:
    range(1.5)
except TypeError:
    print('TypeError')
try:
    range(5).index(9)
except ValueError:
    print('ValueError index')
