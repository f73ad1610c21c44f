# Native methods taken from their builtin type work on instances and subclass instances
print(str.upper('abc'), str.join('-', ['a', 'b']), str.format('{}+{}', 1, 2))
print(sorted(['b', 'A', 'c'], key=str.lower))
print(list(map(str.strip, [' a ', 'b  '])))
l = []
list.append(l, 1)
list.extend(l, [2, 3])
print(l, list.pop(l), list.__len__(l), tuple.count((1, 1, 2), 1))
d = {}
dict.__setitem__(d, 'k', 1)
print(dict.get(d, 'k'), dict.get(d, 'z', 0), list(dict.keys(d)), dict.__getitem__(d, 'k'))
s = set()
set.add(s, 3)
print(s, frozenset.union(frozenset([1]), [2]) == {1, 2})
print(int.__add__(2, 3), int.bit_length(255), bool.bit_length(True), float.__mul__(1.5, 2.0))
print(int.to_bytes(258, 2, 'big'), bytes.hex(b'\x01\xff'), bytearray.hex(bytearray(b'ab')))
print(str.__len__('abcd'), str.__contains__('abc', 'b'), str.__mod__('%d', 5))

class S(str):
    pass
class L(list):
    def append(self, x):
        list.append(self, x * 10)
class D(dict):
    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v + 1)
class E(Exception):
    def __init__(self, msg):
        Exception.__init__(self, msg, 2)

print(str.upper(S('ab')), S('xy').upper())
x = L()
x.append(4)
list.append(x, 5)
print(x, list.__len__(x))
y = D()
y['a'] = 1
print(y, dict.get(y, 'a'))
print(E('m').args)
f = str.upper
print(f('q'), f.__name__, str.upper.__name__, list.append.__name__)
print(object.__eq__(1, 1), object.__repr__ is object.__repr__)
