# object(): plain instances have no __dict__ writes, equality by identity, object as base class.
o = object()
print(type(o).__name__, o == o, o != object(), isinstance(o, object), hash(o) == hash(o))
try:
    o.attr = 1
except AttributeError:
    print('AttributeError')
class A(object):
    pass
print(issubclass(A, object), A.__bases__ == (object,), isinstance(A(), object))
print(object.__name__, type(object).__name__)
