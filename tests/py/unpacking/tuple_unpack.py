# Tuple unpacking: swaps, rotation, nested targets in for loops, unpacking strings/dicts/sets/generators.
x, y, z = 1, 2, 3
x, y, z = z, x, y
print(x, y, z)
(a, b), c = 'ab', 'c'
print(a, b, c)
k1, k2 = {'one': 1, 'two': 2}
print(k1, k2)
s1, = {42}
print(s1)
g1, g2 = (i * 3 for i in range(2))
print(g1, g2)
for i, (key, val) in enumerate(sorted({'b': 2, 'a': 1}.items())):
    print(i, key, val)
pairs = list(zip('abc', range(3)))
letters, nums = zip(*pairs)
print(letters, nums)
def mm(v):
    return min(v), max(v)
lo, hi = mm([3, 9, 1])
print(lo, hi)
for errcase in [lambda: [1, 2, 3], lambda: [1]]:
    try:
        p, q = errcase()
    except ValueError:
        print('ValueError')
try:
    p, q = 5
except TypeError:
    print('TypeError')
