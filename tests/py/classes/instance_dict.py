# __dict__ and vars() of instances and classes, __class__, dir() filtered to user-defined names.
class A:
    cattr = 1
    def __init__(self):
        self.a = 1
        self.b = 2
    def meth(self):
        pass
o = A()
print(o.__dict__, vars(o) is o.__dict__ or vars(o) == o.__dict__)
o.__dict__['c'] = 3
print(o.c, sorted(vars(o)))
print(o.__class__.__name__, o.__class__ is A)
print(sorted(n for n in dir(o) if not n.startswith('__')))
print(sorted(n for n in dir(A) if not n.startswith('__')))
print('cattr' in A.__dict__, 'meth' in A.__dict__, 'a' in A.__dict__)
class B(A):
    battr = 2
print(sorted(n for n in dir(B()) if not n.startswith('__')))
