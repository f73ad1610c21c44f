x = y = z = 0
x, y = y, x = 1, 2
