@dec
def f():
    pass
@a.b.c
def g():
    pass
@dec(1, 2)
def h():
    pass
@d1
@d2(x=1)
class C:
    @property
    def p(self):
        return 1
    @p.setter
    def p(self, v):
        pass
@micropython.bytecode
def k():
    pass
