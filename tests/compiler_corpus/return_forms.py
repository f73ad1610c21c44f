def a():
    return
def b():
    return 1
def c():
    return 1, 2
def d(x):
    return x if x else None
def e(x):
    if x:
        return 1
    else:
        return 2
def f(x):
    while x:
        return x
def g():
    return [1, 2]
