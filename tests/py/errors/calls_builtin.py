# TypeError messages for builtin functions and methods called with wrong arguments, and non-callables.
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)
class A:
    pass
check(lambda: len())
check(lambda: len(1, 2))
check(lambda: len([], x=1))
check(lambda: abs())
check(lambda: int(1, 2, 3))
check(lambda: [].append())
check(lambda: [].append(1, 2))
check(lambda: 'x'.split(foo=1))
check(lambda: sorted([], foo=1))
check(lambda: print(foo=1))
check(lambda: isinstance(1))
check(lambda: getattr())
check(lambda: range())
check(lambda: range(1, 2, 3, 4))
check(lambda: bool(1, 2))
check(lambda: [].insert(1))
check(lambda: list(1, 2))
check(lambda: {}.setdefault())
check(lambda: max())
check(lambda: object(1))
check(lambda: object(x=1))
check(lambda: 'a'.center())
x = 1
check(lambda: x())
n, s, l = None, 'abc', [1]
check(lambda: n())
check(lambda: s())
check(lambda: l())
check(lambda: A()())
check(lambda: len(5))
check(lambda: len(None))
