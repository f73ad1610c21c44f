# Ranges with bounds or lengths beyond a machine word: indexing, slicing, membership, reversed, equality.
import sys
r = range(10 ** 20, 10 ** 20 + 30, 7)
print(r, len(r), list(r), r[-1], r[1:3], r[::-1], list(reversed(r)))
print(10 ** 20 + 7 in r, 10 ** 20 + 8 in r, r.index(10 ** 20 + 14), r.count(10 ** 20), r.start, r.step)
b = range(-10 ** 30, 10 ** 30, 10 ** 29)
print(len(b), b[5], b[-1], b[3:7], list(b[3:7]), bool(range(10 ** 20, 0)), bool(b))
try:
    len(range(10 ** 20))
except OverflowError:
    print('OverflowError')
print(range(2 ** 63 - 2, 2 ** 63 + 2)[2], list(range(2 ** 63 - 2, 2 ** 63 + 2)))
print(sum(range(10 ** 20, 10 ** 20 + 3)), max(range(10 ** 20, 10 ** 20 + 3)), min(range(-10 ** 20, 0, 10 ** 19)))
print(range(sys.maxsize)[-1] == sys.maxsize - 1, len(range(-sys.maxsize, sys.maxsize, 2)) == sys.maxsize)
print(range(10 ** 20) == range(0, 10 ** 20), range(10 ** 20, 0) == range(0), hash(range(10 ** 20)) == hash(range(0, 10 ** 20, 1)))
print(range(10 ** 30)[10 ** 29:10 ** 29 + 3], range(10 ** 30)[::10 ** 29], range(0, -10 ** 25, -10 ** 24)[2])
print(list(reversed(range(10 ** 20, 10 ** 20 + 3))), 5 * 10 ** 20 in range(0, 10 ** 21, 10 ** 20))
try:
    range(10 ** 20)[10 ** 20]
except IndexError:
    print('IndexError')
print(sys.maxsize, type(sys.maxsize).__name__, sys.maxsize + 1 > 2 ** 63 - 1)
