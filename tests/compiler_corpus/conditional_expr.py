a = x if y else z
b = (x if y else z) + 1
c = x if y and w else z
d = x if not y else z
def f(x):
    return 1 if x else 2
def g(x):
    return x if x > 0 else -x
