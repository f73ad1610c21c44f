# Trigonometric and hyperbolic functions and hypot give CPython's (glibc's) values, also where libm is one unit off.
import math
for x in [2.871174750641533 * 0, 0.5, 1.0, 2.0, -3.5, 10.0, 100.0, 1234.5, -0.001, 7.7, math.pi / 6, math.pi / 3, math.pi, 1e5 + 0.1]:
    print(math.sin(x), math.cos(x), math.tan(x))
for x in [0.0, 0.1, 0.5, -0.75, 1.0, 2.0, 10.0, -30.5, 700.0, 0.25]:
    print(math.atan(x), math.sinh(x), math.cosh(x), math.tanh(x), math.asinh(x))
for x in [0.0, 0.1, -0.5, 0.5, 0.75, -0.99, 0.999999, 1.0, -1.0]:
    print(math.asin(x), math.acos(x), math.atanh(x) if abs(x) < 1 else None)
for x in [1.0, 1.5, 2.0, 10.0, 1e10, 3.3]:
    print(math.acosh(x))
for y, x in [(1, 1), (1, -1), (-1, -1), (-1, 1), (0.5, 2.0), (3, 0), (0, -3), (-0.0, -1), (1e-300, 1e300), (2.5, -0.1)]:
    print(math.atan2(y, x))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(1e200, 1e200), math.hypot(0.1, 0.2, 0.3), math.hypot(), math.hypot(-7))
print(abs(1 + 1j), abs(0.1 + 0.2j), abs(3e200 + 4e200j), abs(complex(1.5, -2.25)))
print(math.degrees(1), math.radians(90), math.sin(math.radians(30)), math.cos(math.radians(60)))
