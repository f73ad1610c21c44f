# Descriptors: data vs non-data precedence over the instance dict, __delete__, a caching descriptor, function.__get__, staticmethod/classmethod objects.
class NonData:
    def __get__(self, obj, typ=None):
        return 'nondata'
class Data:
    def __get__(self, obj, typ=None):
        return 'data'
    def __set__(self, obj, v):
        print('set', v)
    def __delete__(self, obj):
        print('delete')
class A:
    nd = NonData()
    d = Data()
a = A()
print(a.nd, a.d, A.nd, A.d)
a.__dict__['nd'] = 'inst'
a.__dict__['d'] = 'inst'
print(a.nd, a.d)
a.d = 5
del a.d
class Cached:
    def __init__(self, f): self.f = f
    def __get__(self, obj, typ=None):
        if obj is None: return self
        v = self.f(obj)
        obj.__dict__[self.f.__name__] = v
        return v
class B:
    calls = 0
    @Cached
    def val(self):
        B.calls += 1
        return 42
b = B()
print(b.val, b.val, B.calls)
class M:
    def f(self): return 'f'
m = M()
bm = M.__dict__['f'].__get__(m, M) if hasattr(M.__dict__['f'], '__get__') else None
print(bm() if bm else 'no __get__')
print(type(M.__dict__['f']).__name__)
class SM:
    @staticmethod
    def s(): return 's'
    @classmethod
    def c(cls): return cls.__name__
print(SM.__dict__['s'].__func__() if hasattr(SM.__dict__['s'], '__func__') else '', SM.c(), SM().c())
