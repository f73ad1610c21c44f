for x in y:
    pass
for x in y:
    if x:
        break
    if z:
        continue
else:
    z = 1
for a, b in c:
    print(a, b)
for x in [1, 2, 3]:
    for y in x:
        break
for x.y in z:
    pass
for x[0] in z:
    pass
