# Operations where CPython raises but MicroPython does not: pyrite follows CPython (class names only printed).
def check(f):
    try:
        r = f()
        print('no exception', r)
    except Exception as e:
        print(type(e).__name__)
class NoInit:
    pass
class LenStr:
    def __len__(self):
        return 'a'
class LenNeg:
    def __len__(self):
        return -1
class StrInt:
    def __str__(self):
        return 1
class ReprInt:
    def __repr__(self):
        return 1
class BoolInt:
    def __bool__(self):
        return 1
class IterInt:
    def __iter__(self):
        return 1
def dict_grow():
    d = {1: 1}
    for k in d:
        d[k + 1] = 1
def set_grow():
    s = {1}
    for k in s:
        s.add(k + 1)
def mro_conflict():
    class A: pass
    class B(A): pass
    class C(A, B): pass
def dup_base():
    class A(object, object): pass
def bool_base():
    class A(bool): pass
check(lambda: NoInit(1))
check(lambda: b'a' + 'a')
check(lambda: bytearray([300]))
check(lambda: pow(2, -1, 4))
check(lambda: 10.0 ** 400)
check(lambda: 10 ** 400 * 1.0)
check(lambda: float(10 ** 400))
check(lambda: [] in {})
check(lambda: 'a' in b'abc')
check(dict_grow)
check(set_grow)
check(lambda: len(LenStr()))
check(lambda: len(LenNeg()))
check(lambda: str(StrInt()))
check(lambda: repr(ReprInt()))
check(lambda: bool(BoolInt()))
check(lambda: iter(IterInt()))
check(mro_conflict)
check(dup_base)
check(bool_base)
check(lambda: '{:,s}'.format('a'))
check(lambda: pow(2, -1, 5))
