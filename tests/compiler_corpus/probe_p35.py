x = 0
while x < 3:
    x += 1
    if x == 2:
        continue
    print(x)
