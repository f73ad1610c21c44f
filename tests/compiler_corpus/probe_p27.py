def f():
    for i in range(10):
        for j in range(i):
            if j:
                return j
