# math module basics: constants, sqrt, exp/log, trig, floor/ceil, fabs, fmod, pow, hypot, degrees.
import math
print(math.pi, math.e, math.tau)
print(math.sqrt(16), math.sqrt(2), math.exp(1), math.exp(0), math.log(math.e), math.log(8, 2))
print(math.log10(1000), math.log2(1024), math.log(1), math.pow(2, 10), math.pow(2.0, -1))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), round(math.tan(math.pi / 4), 12))
print(math.atan(1) * 4 == math.pi, math.atan2(1, 1), math.asin(1), math.acos(1))
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.floor(-0.5), math.ceil(-0.5))
print(math.degrees(math.pi), math.radians(180), math.sinh(0), math.cosh(0), math.tanh(0))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
print(math.modf(3.5), math.modf(-3.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.trunc(3.9), math.trunc(-3.9), math.factorial(10), math.factorial(20))
print(math.copysign(3, -1), math.isfinite(1e308), math.expm1(0), math.log(100, 10))
print(math.inf, -math.inf, math.nan)
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.acos(2)]:
    try:
        bad()
    except ValueError:
        print('ValueError')
