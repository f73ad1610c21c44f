vals = [0.0, -0.0, 1.5, -2.25, 1e308, 5e-324, float("inf"), float("-inf"), float("nan"), 3, -7, 0, True, 2**60]
for a in vals:
    row = []
    for b in vals:
        try:
            r = a / b
        except ZeroDivisionError:
            r = "ZDE"
        row.append((r, a == b, a != b))
    print(row)
x = 7.0
x /= 2
print(x, 1 / 3, 2.0 / 3, 10 / 4.0, -1.0 / 3)
