# exp, log, log2, log10 and ** round like CPython's C library (correctly rounded in practice), also where libm's fdlibm code is one unit off.
import math
for x in [-5.649, -5.23, -14.918, -0.879, -17.098, 8.886, 12.757, -3.812, 1.0, 0.5, 100.0, -700.5]:
    print(math.exp(x))
for x in [39.904, 24.071, 2.259, 0.341, 94.877, 5.194, 44.702, 5.436, 1e-300, 2.5e300]:
    print(math.log(x), math.log2(x), math.log10(x))
for x in [90.032, 44.74, 1.723, 44.025, 7.321, 3.968, 18.954, 75.269, 43.0, 1e22, 1e-5]:
    print(math.log2(x), math.log10(x))
for x, y in [(5.2, 2.35), (2.28, -5.46), (4.39, 7.43), (3.6, -0.84), (4.99, -2.35), (6.46, -8.45), (5.72, -9.75), (8.22, 9.36)]:
    print(x ** y, math.pow(x, y), pow(x, y))
print(10.0 ** -5, 10.0 ** 15, 10.0 ** 22, 2.0 ** -1074, 2.0 ** -1075, 0.5 ** 1074, 1.5 ** 0.5)
print(math.log(2 ** 1000), math.log2(2 ** 2000), math.log10(10 ** 400), math.log(10 ** 30, 10))
print(math.exp(709.78), math.exp(-745.13), math.exp(-746))
big = 400.0
for bad in [lambda: math.exp(710), lambda: math.pow(10, 400), lambda: 10.0 ** big, lambda: math.log(-1)]:
    try:
        bad()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ in ('OverflowError', 'ValueError'))
