# Mixed float/int arithmetic including big ints converted to float, and comparisons that stay exact.
print(2 ** 60 + 0.5, 2 ** 53 + 1.0, 10 ** 20 * 1.5, 3 * 0.1, 7 // 2.0, -7 % 2.0, 2 ** 0.5 * 2 ** 0.5)
print(float(2 ** 200) / 2 ** 100, 2 ** 100 / 2.0 ** 100, (10 ** 30) * 1e-30)
print(1e300 * 10 ** 5, 2 ** 1023 * 1.0)
print(0.1 + 0.2 - 0.3, 1 - 0.9, 100 * 1.1, round(100 * 1.1, 2))
print(sum([1, 0.5, 2 ** 64]), max(1, 2.5, 2 ** 3), min(-1e300, -(10 ** 300)))
