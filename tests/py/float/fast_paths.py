# The dispatch loop's float fast path and the half-integer power path give the general path's
# results: mixed with small ints, in place, comparisons (exact against big ints), subclasses.
print(1.5 + 2, 2 + 1.5, 3 - 0.25, 0.25 - 3, 4 * 0.5, 0.5 * 4)
x = 1.0
x += 2
x *= 3
x -= 0.5
print(x)
print(0.1 + 0.2, 1e308 * 10, -1e308 * 10, 1e-320 * 0.5)
inf = float("inf")
print(inf - inf, inf * 0, (inf - inf) == (inf - inf), inf > 1e308)
print(2.5 < 3.0, 2.5 > 3.0, 2.5 <= 2.5, 2.5 >= 2.6)
# Comparisons with ints are exact, not through a rounded float.
big = 2 ** 53 + 1
print(float(2 ** 53) < big, float(2 ** 53) == big, 9007199254740992.0 >= big)
print(True + 0.5, 0.5 * False)


class F(float):
    def __add__(self, o):
        return "F.add"

    def __lt__(self, o):
        return "F.lt"


f = F(1.5)
print(f + 1.0, 1.0 + f, f < 2.0, f * 2)
# Half-integer powers.
for b in [2.0, 0.5, 3.7, 1e-5, 12345.678, 1.0, 4.0]:
    print(b ** 0.5, b ** 1.5, b ** -1.5, b ** 2.5, b ** -0.5, b ** 7.5)
print(0.0 ** 1.5, 0.0 ** 0.5)
try:
    0.0 ** -1.5
except ZeroDivisionError as e:
    print("ZeroDivisionError")
print(type((-8.0) ** 1.5), inf ** 1.5, inf ** -1.5, 1e-300 ** 1.5, 1e100 ** 2.5)
