def f(*, a, b=2, c):
    return a
f(a=1, c=3)
