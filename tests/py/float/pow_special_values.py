vals = [0.0, -0.0, 0.5, 2.0, -2.0, -8.0, 1e300, 1e-300, float("inf"), float("-inf"), float("nan"), 1.5, -1.5, 3.0]
for x in vals:
    row = []
    for y in vals:
        try:
            r = x ** y
        except ZeroDivisionError:
            r = "ZDE"
        except OverflowError:
            r = "OFE"
        row.append(r)
    print(row)
print(2.0 ** -1.5, 9.0 ** 0.5, 10.0 ** 2.0)
