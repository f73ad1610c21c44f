# AttributeError messages for instances, classes, modules, builtins, read-only properties and deletes.
import sys
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)
class A:
    x = 1
    @property
    def p(self):
        return 1
def set_attr(o, n, v):
    setattr(o, n, v)
def del_attr(o, n):
    delattr(o, n)
check(lambda: A().foo)
check(lambda: A.foo)
check(lambda: sys.foo)
check(lambda: (1).foo)
check(lambda: 'abc'.foo)
check(lambda: [].foo)
check(lambda: int.foo)
check(lambda: None.foo)
check(lambda: getattr(1, 'foo'))
check(lambda: set_attr(1, 'x', 2))
check(lambda: set_attr(object(), 'x', 1))
check(lambda: set_attr(A(), 'p', 2))
check(lambda: del_attr(A(), 'p'))
check(lambda: del_attr(A(), 'foo'))
check(lambda: del_attr(A(), 'x'))
check(lambda: ValueError().foo)
check(lambda: frozenset().add(1))
check(lambda: frozenset().remove(1))
