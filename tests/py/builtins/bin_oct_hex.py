# bin/oct/hex of ints, negatives, big ints, bools and objects with __index__; round trips through int().
for v in [0, 1, 7, 8, 255, 256, -1, -255, 2 ** 32, 2 ** 64 + 1, -(2 ** 70), True]:
    print(v, bin(v), oct(v), hex(v), int(bin(v), 0) == v, int(hex(v), 16) == v)
class I:
    def __index__(self):
        return 10
print(bin(I()), oct(I()), hex(I()))
for bad in [1.5, '1', None]:
    try:
        hex(bad)
    except TypeError:
        print('TypeError', type(bad).__name__)
