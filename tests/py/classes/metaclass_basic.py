# Metaclasses (__new__/__init__/__call__, methods), type(name, bases, dict), descriptors with __set_name__, __init_subclass__, classmethod super, __setattr__/__delattr__.
class M(type):
    def __new__(mcs, name, bases, ns):
        ns['added'] = 42
        cls = super().__new__(mcs, name, bases, ns)
        print('M.__new__', name)
        return cls
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.inited = True
    def __call__(cls, *args, **kw):
        print('M.__call__', args)
        return super().__call__(*args, **kw)
    def meta_method(cls):
        return 'meta ' + cls.__name__
class A(metaclass=M):
    def __init__(self, x):
        self.x = x
a = A(5)
print(a.x, A.added, A.inited, type(A).__name__, A.meta_method(), isinstance(A, M), isinstance(A, type))
class B(A):
    pass
b = B(7)
print(b.x, type(B).__name__, B.added)
T = type('T', (object,), {'v': 1, 'f': lambda self: self.v + 1})
print(T.__name__, T().f(), T.v)
class Desc:
    def __set_name__(self, owner, name):
        self.name = name
        print('set_name', owner.__name__, name)
    def __get__(self, obj, typ=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 'default-' + self.name)
    def __set__(self, obj, v):
        obj.__dict__[self.name] = v * 2
class C:
    d = Desc()
    e = Desc()
c = C()
print(c.d, C.d.name)
c.d = 5
print(c.d, c.e)
class P:
    def __init_subclass__(cls, tag=None, **kw):
        cls.tag = tag
class Q(P, tag='q'):
    pass
print(Q.tag)
class K:
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def st(x):
        return x * 2
    @property
    def p(self):
        return 'prop'
    @p.setter
    def p(self, v):
        self._p = v
class K2(K):
    @classmethod
    def make(cls):
        r = super().make()
        return ('K2', type(r).__name__)
print(K2.make(), K.st(3), K().st(4), K().p)
k = K(); k.p = 9; print(k._p)
class G:
    def __getattr__(self, n):
        return 'ga-' + n
    def __setattr__(self, n, v):
        object.__setattr__(self, n, v + 1)
    def __delattr__(self, n):
        print('del', n)
        object.__delattr__(self, n)
g = G(); g.x = 1; print(g.x, g.y); del g.x; print(g.x)
print(getattr(g, 'zz'), hasattr(g, 'q'))
