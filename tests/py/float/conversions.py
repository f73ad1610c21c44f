# float <-> int conversions: truncation, huge values, is_integer, as_integer_ratio, hex-free.
print(int(3.999), int(-3.999), int(1e16), int(1e23), int(-0.0), int(2.0 ** 100))
print(float(2 ** 53 + 1), float(2 ** 63), float(-(2 ** 63)), float(10 ** 22))
print((3.0).is_integer(), (3.5).is_integer(), (-0.0).is_integer(), (1e300).is_integer())
print((0.5).as_integer_ratio(), (1.25).as_integer_ratio(), (-0.75).as_integer_ratio())
print((0.1).as_integer_ratio(), (3.0).as_integer_ratio())
print((2.5).real, (2.5).imag, (2.5).conjugate())
print(float.__name__, type(1.0) is float, isinstance(1.0, float), isinstance(1, float))
class F:
    def __float__(self):
        return 2.5
print(float(F()), float(F()) * 2)
class Idx:
    def __index__(self):
        return 3
print(float(Idx()))
import math
print(math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.floor(-2.1), math.ceil(-2.9))
print(type(math.floor(2.7)).__name__, math.floor(1e20) == 10 ** 20)
try:
    int(float('inf'))
except OverflowError:
    print('OverflowError inf')
try:
    int(float('nan'))
except ValueError:
    print('ValueError nan')
