def f():
    pass
def g(a):
    return a
def h(a, b=1, c=2):
    return a + b + c
def i(*args):
    return args
def j(**kw):
    return kw
def k(a, *args, b, c=3, **kw):
    return a
def l(a, *, b):
    return b
def m(a, b=1, *args, c, d=4, **kw):
    pass
def n(a: int, b: str = 'x') -> None:
    pass
def o(x=[], y={}):
    pass
def p(*, a=1):
    pass
def q(a, *b):
    pass
def r(a, b, *c, d):
    pass
