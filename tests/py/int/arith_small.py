# Small-int arithmetic: + - * / // % ** unary, mixed signs, results types.
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3)]:
    print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, 2 ** -2, (-2) ** -1)
print(-(-5), +5, -0, abs(-12), abs(12))
print(type(4 / 2).__name__, 4 / 2, type(4 // 2).__name__, type(2 ** -1).__name__)
print(10 // 3 * 3 + 10 % 3 == 10, -10 // 3 * 3 + -10 % 3 == -10)
print(1073741823 + 1, 1073741824 * 2, -1073741824 - 1, 2147483647 + 1, 4611686018427387903 + 1)
print(7 * 0, 0 * -7, 0 // 5, 0 % 5, -0 // 1)
x = 17
x //= -5
print(x)
print(int.__name__, (5).__class__.__name__)
print(round(7 / 2), 7 // 2, -7 // 2, int(-7 / 2))
