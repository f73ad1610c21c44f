# Exception objects: __init__ without super keeps the call's args, assigning args, exceptions as dict keys, OSError subclasses' errno, multiple exception bases.
class E(Exception):
    def __init__(self, a, b):
        self.a = a
e = E(1, 2)
print(e.args, e.a, str(e))
e.args = ('x',)
print(e.args, str(e))
d = {ValueError: 1, e: 2}
print(d[e], e == e, hash(e) == hash(e))
class OS(OSError): pass
o = OS(2, 'nofile')
print(o.errno, o.args, isinstance(o, OSError))
try:
    raise OS(5, 'io')
except OSError as x:
    print(type(x).__name__, x.errno)
class Multi(KeyError, IndexError): pass
try:
    raise Multi('m')
except IndexError as x:
    print('caught as IndexError', type(x).__name__)
print(issubclass(Multi, LookupError), Multi.__mro__[1].__name__)
