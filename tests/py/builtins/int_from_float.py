import math
for f in [0.0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 2.0**52+0.5, 2.0**62, -2.0**62, 2.0**63, -2.0**63, 8.99e18, -8.99e18, 9.1e18, 1e19, -1e19, 1e300, 123456789.987, 2.0**31, -2.0**31-0.5]:
    print(int(f), math.floor(f), math.ceil(f), math.trunc(f), round(f))
for bad in [float('inf'), float('-inf'), float('nan')]:
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__)
class F(float):
    def __int__(self):
        return 42
class I(int):
    pass
print(int(F(1.5)), int(I(7)), type(int(I(7))).__name__, int(True), type(int(True)).__name__, int(-3), int(2**70))
print(int(3.7), int(-3.7), int("12"), int("ff", 16), int(x=5) if False else 0)
