# Left/right shifts on small, big and negative ints; shifting by large counts.
for x in [0, 1, 5, -1, -5, 2 ** 40, -(2 ** 40), 2 ** 100 + 7, -(2 ** 100) - 7]:
    print(x, x << 1, x << 33, x >> 1, x >> 3, x >> 64, x >> 200)
print(1 << 0, 1 << 62, 1 << 63, 1 << 64, 1 << 100)
print(-1 >> 1, -1 >> 100, -2 >> 1, -3 >> 1, -(2 ** 100) >> 99)
print(255 >> 4, 256 >> 8, 257 >> 8)
x = 1
x <<= 70
print(x)
x >>= 69
print(x)
print(True << 3, 5 << False)
try:
    1 << -1
except ValueError:
    print('ValueError')
try:
    1 >> -5
except ValueError:
    print('ValueError')
