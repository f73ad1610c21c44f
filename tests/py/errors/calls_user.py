# TypeError messages for calling user functions, methods, lambdas and constructors with wrong arguments.
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)
def f2(a, b): pass
def f0(): pass
def f1(a): pass
def fd(a=1): pass
def fad(a, b=1): pass
def fk(*, k): pass
def fak(a, *, k): pass
def fkm(a, *, k, m): pass
def fkw(**kw): pass
def fstar(*a): pass
class A:
    def m(self): pass
    def __call__(self, x): pass
class I:
    def __init__(self, a): pass
check(lambda: f2(1))
check(lambda: f2())
check(lambda: f2(1, 2, 3))
check(lambda: f0(1))
check(lambda: f1())
check(lambda: fd(1, 2))
check(lambda: fad(1, 2, 3))
check(lambda: f1(1, c=2))
check(lambda: f1(1, a=2))
check(lambda: fk())
check(lambda: fk(1))
check(lambda: fak(1, 2))
check(lambda: fkm(1))
check(lambda: fkw(**{1: 2}))
check(lambda: fstar(*1))
check(lambda: fkw(**1))
check(lambda: f1(a=1, **{'a': 2}))
check(lambda: A().m(1))
check(lambda: A.m())
check(lambda: (lambda: 0)(1))
check(lambda: (lambda x: 0)())
check(lambda: I())
check(lambda: A()())
