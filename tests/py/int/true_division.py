# True division of ints is correctly rounded even for big operands; results are floats.
print(1 / 3, 2 / 3, 10 / 4, -7 / 2, 7 / -2, 0 / 5, type(6 / 3).__name__, 6 / 3)
print(10 ** 30 / 3, (2 ** 100 + 1) / 2 ** 50, 2 ** 1000 / 2 ** 990, -(10 ** 25) / 7)
print((10 ** 20 + 1) / 10 ** 20, 10 ** 16 / 3, 123456789123456789 / 1000)
print(1 / 2 ** 60, 2 ** 53 / 1, (2 ** 53 + 1) / 1, 3 ** 40 / 3 ** 38)
