# inf and nan: construction, arithmetic, comparisons, sign, propagation, conversions.
inf = float('inf')
nan = float('nan')
print(inf, -inf, nan, float('-inf'), float('Infinity'), float('-INFINITY'), float('nan'), float('-NaN'))
print(inf + 1, inf - inf, inf * 0, inf * -1, 1 / inf, -1 / inf, inf / inf)
print(inf == inf, inf > 10 ** 400, -inf < -(10 ** 400), inf == -inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan == 1, nan is nan)
print(nan + 1, nan * 0, -nan, abs(-inf), abs(nan))
print(max(inf, 1e308), min(-inf, -1e308), inf ** 0, nan ** 0, 1 ** nan)
print(inf % 2 != inf % 2, 5 % inf, -5 % inf, 5 // inf, -5 // inf)
print([nan] == [nan], nan in [nan], nan in [float('nan')])
l = [nan]
print(l[0] in l, l == l)
print(1e308 + 1e308, -1e308 - 1e308, 1e308 * 1e308)
print(str(inf), repr(-inf), str(nan))
print(float(' inf '), float('+inf'), float('iNf'))
import math
print(math.isinf(inf), math.isnan(nan), math.isinf(nan), math.isfinite(1.0), math.isfinite(inf))
print(math.copysign(1, -0.0), math.copysign(1, 0.0), math.copysign(2.0, -inf))
