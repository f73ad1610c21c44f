# isinstance/issubclass with tuples, nested tuples, builtin types, bool/int, user hierarchies.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C, (int, B))), isinstance(b, C), isinstance(b, ()))
print(issubclass(B, A), issubclass(B, (C, A)), issubclass(A, B), issubclass(A, A), issubclass(B, object))
print(isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)), isinstance('s', str))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), set), isinstance(frozenset(), set))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(A, type), isinstance(b, object))
print(issubclass(bool, int), issubclass(int, bool), issubclass(KeyError, LookupError), issubclass(type, object))
print(isinstance(b'x', bytes), isinstance(bytearray(), bytes), isinstance(range(1), range), isinstance(len, object))
try:
    isinstance(1, 1)
except TypeError:
    print('TypeError')
try:
    issubclass(1, int)
except TypeError:
    print('TypeError')
