# Arbitrary-precision ints: add, sub, mul, floordiv, mod, neg, comparisons across sizes.
a = 2 ** 100
b = 3 ** 70
print(a, b)
print(a + b, a - b, b - a, a * b)
print(a // b, b // a, a % b, b % a, divmod(b, a))
print(-a // b, -a % b, a // -b, a % -b, divmod(-b, a))
print(a == 2 ** 100, a != b, a < b, a > b, a <= a, -a < a)
print(a > 10, 10 < a, a > 1.5, a == float(a), -a < -1e30)
f = 1
for i in range(1, 41):
    f *= i
print(f)
print(f // (2 ** 30), f % 1000000007)
print(10 ** 50 - 1, 10 ** 50 + 1, (10 ** 50) // (10 ** 25))
print(-(10 ** 40), abs(-(10 ** 40)), +(-(10 ** 40)))
c = 123456789012345678901234567890
print(c * c, c * -c, c * 0, c * 1)
print(c // 7, c % 7, (c // 7) * 7 + c % 7 == c)
print(2 ** 64 - 1, 2 ** 63, -(2 ** 63), 2 ** 64 // 2 ** 32)
print((2 ** 200 + 1) // (2 ** 100 + 1), (2 ** 200) / (2 ** 100))
print(sum(range(10 ** 6, 10 ** 6 + 10)) * 10 ** 20)
print(hash(2 ** 100) == hash(2 ** 100), 2 ** 100 in {2 ** 100: 1})
big = 1 << 1000
print(len(str(big)), str(big)[:20], str(big)[-20:])
print(type(a).__name__, a.bit_length(), (a - 1).bit_length())
