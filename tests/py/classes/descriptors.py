# Descriptor protocol: __get__/__set__/__delete__, data vs non-data precedence, class access.
class Verbose:
    def __init__(self, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return 'class access ' + objtype.__name__
        return obj.__dict__.get(self.name, 'unset')
    def __set__(self, obj, value):
        print('set', self.name, value)
        obj.__dict__[self.name] = value * 2
    def __delete__(self, obj):
        print('delete', self.name)
        del obj.__dict__[self.name]
class NonData:
    def __get__(self, obj, objtype=None):
        return 'nondata'
class A:
    v = Verbose('v')
    n = NonData()
a = A()
print(a.v, A.v)
a.v = 21
print(a.v)
del a.v
print(a.v)
print(a.n)
a.n = 'instance wins'
print(a.n)
class Typed:
    def __init__(self, t):
        self.t = t
        self.data = {}
    def __get__(self, obj, objtype=None):
        return self.data.get(id(obj))
    def __set__(self, obj, value):
        if not isinstance(value, self.t):
            raise TypeError('bad type')
        self.data[id(obj)] = value
class Rec:
    age = Typed(int)
r = Rec()
r.age = 5
print(r.age)
try:
    r.age = 'old'
except TypeError as e:
    print('TypeError', e)
