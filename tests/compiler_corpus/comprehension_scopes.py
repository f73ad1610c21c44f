def f(a):
    return [a + x for x in range(3)]
def g(a, b):
    return {k: a for k in b}
def h():
    y = 1
    return [(x, y) for x in range(3)]
class C:
    v = [1, 2]
    w = [x for x in v]
x = [i for i in range(5) if i % 2]
