# Chained comparisons: semantics, short-circuiting, single evaluation of middle operands.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(1 < 2 > 1, 1 <= 1 < 2 <= 2, 5 > 4 >= 4 > 3)
print(0 < 0.5 < 1, -1 < 0 == 0.0)
x = 5
print(0 <= x < 10, 0 <= x < 5, x == 5 is not None)
print('a' < 'b' < 'c', [1] < [2] < [3], (1, 2) < (1, 3) <= (1, 3))
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3))
print(calls)
calls.clear()
print(v(3) < v(2) < v(1))
print(calls)
calls.clear()
print(v(1) < v(5) > v(2) == v(2))
print(calls)
print(1 in [1, 2] in [[1, 2]], 3 not in [1] not in [[3]])
a = b = 7
print(a is b is a, 1 < a > 6 != b)
r = 1 < 2 and 2 < 3
print(r, (1 < 2) < 3, 1 < (2 < 3))
