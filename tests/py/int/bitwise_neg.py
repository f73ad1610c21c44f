# Bitwise & | ^ ~ on negative and big ints (two's-complement semantics of infinite width).
vals = [0, 1, -1, 7, -7, 255, -256, 2 ** 64 - 1, -(2 ** 64), 2 ** 100 + 5, -(2 ** 100) + 5]
for a in vals:
    print(a, ~a, a & 0xff, a | 0xf0, a ^ -1)
for a in vals[:6]:
    for b in vals[5:]:
        print(a & b, a | b, a ^ b)
print(~0, ~-1, ~(2 ** 70), -(2 ** 70) & (2 ** 70 - 1))
print(-1 & 2 ** 100 == 2 ** 100, (-1 ^ 2 ** 100) == ~(2 ** 100))
print(6 & 3, 6 | 3, 6 ^ 3, ~6)
