# Constant expressions the compiler folds (or must leave to run time) give CPython's values.
import math
print(2 ** 200, -(2 ** 100), ~(2 ** 100), 1 << 200, 2 ** 100 >> 3)
print(10 ** 40 // 7, -10 ** 40 // 7, 10 ** 40 % 7, -10 ** 40 % 7, 2 ** 100 & 2 ** 99 - 1)
print(10 ** 400 // 10 ** 398, (2 ** 64) * (2 ** 64) - 1, 7 ** 77 - 7 ** 77)
print(2 ** 1000 / 2 ** 990, 10 ** 30 / 3, -10 ** 25 / 7, 10 ** 400 / 10 ** 399)
print(123456789123456789 / 1000, (2 ** 53 + 1) / 1, 2 ** 64 * 1.5, (2 ** 100) ** -1)
print(10.0 ** -5, 10.0 ** 22, 2.0 ** -1074, 2.0 ** -1075, 0.1 ** 3, 1.1 ** 2)
print(3 ** -2, 2 ** 0.5, 1e308 * 10, -1e308 * 10, 4 ** -0.5)
for f in (lambda: 10.0 ** 400, lambda: 10 ** 400 * 1.0, lambda: 2.0 ** 5000, lambda: 1 / 0,
          lambda: 1.0 // 0, lambda: 1 << -1, lambda: 0.0 ** -1):
    try:
        print(f())
    except (OverflowError, ZeroDivisionError, ValueError) as e:
        print(type(e).__name__)
print(math.pi, -math.pi, math.pi / 2, math.e, math.tau, math.inf, -math.inf)
print(math.nan != math.nan, math.pi * 0 == 0)
x = 5
print('' and x, 'a' and x, 0.0 or x, () or x, b'' or x, None or 0, 1.5 and x, ... and x)
print(not '', not 'a', not 0.0, not (), not (1,), not 2 ** 100, not 2 ** 100 - 2 ** 100)
if '':
    print('no')
if 0.0:
    print('no')
while ():
    print('no')
if 'a':
    print('yes')
name = 'Ann'
print(f'{name=}', f'{x=!s}', f'{x=:>4}', f'{x*2=}', f'{x==5}', f'{x!=4}')
