# __eq__ without __hash__ makes a class unhashable (also a subclass of a hashable class); __hash__ inherited or set to object.__hash__.
class A:
    def __eq__(self, o): return True
    def __hash__(self): return 1
class B(A):
    def __eq__(self, o): return False
class C(A):
    pass
print(hash(A()), hash(C()), A.__dict__.get('__hash__') is not None, B.__dict__['__hash__'])
try:
    hash(B())
except TypeError:
    print('B unhashable')
try:
    {B(): 1}
except TypeError:
    print('B unhashable in dict')
class D:
    def __eq__(self, o): return True
    __hash__ = object.__hash__
print(type(hash(D())).__name__)
