# Function objects: __name__, being first-class (stored, passed, returned), callable(), identity.
def outer():
    def inner():
        return 'inner'
    return inner
fn = outer()
print(fn.__name__, fn(), callable(fn), callable(outer), callable(1), callable('s'), callable(int))
table = {'up': str.upper, 'low': str.lower, 'len': len}
print([table[k]('MiXed') for k in ('up', 'low', 'len')])
def apply(f, *a):
    return f(*a)
print(apply(max, 3, 7), apply(lambda: 'x'), apply(print, 'printed'))
print(type(fn).__name__, fn is fn, outer() is not outer())
class C:
    def m(self):
        return 'm'
print(C.m.__name__, C().m.__name__, C().m(), C.m(C()))
