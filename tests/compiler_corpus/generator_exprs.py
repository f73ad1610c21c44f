a = (x for x in y)
b = list(x * 2 for x in y if x)
c = any(x > 0 for x in y)
d = (x for x in y for z in x)
e = ((x, y) for x in a for y in b if x != y)
def f(n):
    return (i * n for i in range(n))
