# Negative zero: repr, equality, sign propagation through arithmetic and functions.
import math
z = -0.0
print(z, repr(z), z == 0.0, z < 0, str(z))
print(-0.0 + 0.0, -0.0 - 0.0, -0.0 * 1, 0.0 * -1, -0.0 * -1)
print(math.copysign(1.0, z), math.copysign(1.0, -z), math.copysign(1.0, abs(z)))
print(1 / float('-inf'), -1e-320 / 1e10, round(-0.4), round(-0.4, 1))
print(int(-0.0), float('-0'), -0.0 // 1, -(0.0))
print(math.sqrt(-0.0), math.copysign(1, math.sqrt(-0.0)))
print([-0.0, 0.0].count(0), hash(-0.0) == hash(0.0))
