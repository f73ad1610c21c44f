# complex mixed with int/float/bool: promotion, division, powers, comparisons that fail.
print(1 + 1j + True, 2.5 * 1j, 3 / (1 + 1j), (4 + 2j) / 2, 2j ** 2)
print((1 + 1j) * 0, 0j ** 0, (1 + 1j) ** 0, (1 + 1j) ** 1, (1 + 1j) ** -1)
for a in [1 + 2j, -1 - 1j, 0.5j]:
    for b in [2, -1.5, 1j, 3 - 3j]:
        print(a + b, a - b, a * b, a / b)
try:
    (1 + 1j) < (2 + 2j)
except TypeError:
    print('TypeError ordering')
try:
    (1 + 1j) // 2
except TypeError:
    print('TypeError floordiv')
try:
    int(1 + 1j)
except TypeError:
    print('TypeError int')
try:
    (1 + 1j) / 0
except ZeroDivisionError:
    print('ZeroDivisionError')
