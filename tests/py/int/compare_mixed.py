# Comparisons between ints, bools, floats and big ints, including exactness beyond 2**53.
print(1 == 1.0, 1 < 1.5, 2 > 1.5, -1 == -1.0, 0 == -0.0)
big = 2 ** 53 + 1
print(big == float(big), big > float(2 ** 53), float(big) == 2 ** 53)
print(10 ** 20 == 1e20, 10 ** 20 + 1 > 1e20, 10 ** 400 > 1e308, -(10 ** 400) < -1e308)
print(10 ** 400 < float('inf'), -(10 ** 400) > float('-inf'))
nan = float('nan')
print(1 == nan, 1 < nan, 1 > nan, 1 != nan, 2 ** 100 == nan)
print(True == 1.0, False < 0.5, True > 0.5)
print(sorted([3, 1.5, True, -2, 2 ** 70, 0.0, -1e30]))
print(max(1, 1.0), max(1.0, 1), min(0, False), min(False, 0))
print(1 == 1 + 0j, 1.5 != 1.5 + 0j)
