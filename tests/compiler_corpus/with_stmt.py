with a:
    pass
with a as b:
    f(b)
with a as b, c as d:
    pass
with a, b, c:
    pass
with a as (b, c):
    pass
with a as b.c:
    pass
def f():
    with open('x') as fh:
        return fh.read()
