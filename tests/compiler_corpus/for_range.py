for i in range(10):
    print(i)
for i in range(2, 10):
    print(i)
for i in range(10, 0, -1):
    print(i)
for i in range(0, n, 2):
    print(i)
for i in range(n):
    if i:
        break
else:
    print('done')
for i in range(a, b):
    continue
for i in range(1, 2, 0):
    pass
for i in range(1, 2, x):
    pass
for i, j in range(3):
    pass
for i in range(*x):
    pass
for i in range(3).foo:
    pass
for i in range(n, step=1):
    pass
