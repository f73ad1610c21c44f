# type() of builtin values, callable() of various objects, repr() of builtin values.
for v in [1, 1.5, 1j, 'a', b'a', bytearray(b'a'), [], (), {}, set(), frozenset(), None, True, range(1), slice(1), ...]:
    print(type(v).__name__, callable(v), repr(v))
print(callable(len), callable(print), callable(type), callable(lambda: 0), callable(str.upper), callable([].append))
print(repr('s'), repr(1.0), repr([1, 'a', None]), repr((1,)), repr({1: 'x'}), repr(b'\x00a'))
