# round(): banker's rounding to int, ndigits positive/negative/zero, result types, exact cases.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.4, 2.6, -2.6]:
    print(v, round(v), type(round(v)).__name__)
for v, n in [(2.675, 2), (1.005, 2), (0.125, 2), (0.375, 2), (1234.5678, 1), (1234.5678, -2),
             (1234.5678, 0), (-1234.5678, -1), (5.5, 0), (6.5, 0), (1e20, -5), (0.3, 20),
             (1.23456789, 5), (-0.0, 1), (15.0, -1), (25.0, -1), (35.0, -1)]:
    r = round(v, n)
    print(v, n, repr(r), type(r).__name__)
print(round(2.5, None), round(7.0), round(-7.0))
print(round(1e300), round(-1e17))
print(round(0.1 + 0.2, 10), round(1 / 3, 4))
