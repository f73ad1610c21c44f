# print() of builtin values uses str(); containers show repr of elements; nested and recursive containers.
print(1, 1.0, -0.5, 1e20, 2 ** 70, True, None, 'str', b'bytes', bytearray(b'ba'))
print([1, 'a', b'b', None, 2.5], ('x',), {'k': [1, (2,)]}, {1: {2: {3: ()}}})
print(range(3), range(1, 5, 2), slice(1, 2), slice(None, 3, -1), Ellipsis)
print({'a'}, frozenset(['b']), set(), frozenset())
l = [1]
l.append(l)
print(l)
d = {'self': None}
d['self'] = d
print(d)
print('multiple', 'args', 42, sep=' :: ')
print(str.__name__, int.__name__, len.__name__)
