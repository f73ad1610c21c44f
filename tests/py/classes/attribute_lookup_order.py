# Attribute lookup order: data descriptors on the class beat the instance dict, which beats non-data
# descriptors and plain class attributes; __getattr__ is the last resort.
class DataDesc:
    def __get__(self, obj, typ=None):
        return 'data descriptor'
    def __set__(self, obj, value):
        obj.__dict__['d'] = value
class NonDataDesc:
    def __get__(self, obj, typ=None):
        return 'non-data descriptor'
class A:
    d = DataDesc()
    n = NonDataDesc()
    plain = 'class attribute'
    def __getattr__(self, name):
        return 'getattr(' + name + ')'
a = A()
a.__dict__['d'] = 'instance d'
a.__dict__['n'] = 'instance n'
a.__dict__['plain'] = 'instance plain'
print(a.d, a.n, a.plain, a.missing)
del a.__dict__['n']
del a.__dict__['plain']
print(a.n, a.plain)
class B(A):
    plain = 'subclass attribute'
print(B().plain, B().d, B().other)
