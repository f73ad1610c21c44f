# __hash__ and __eq__: value objects in sets/dicts, __eq__ without __hash__ is unhashable, __hash__ = None.
class Val:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, Val) and o.v == self.v
    def __hash__(self):
        return hash(self.v)
print(len({Val(1), Val(1), Val(2)}), {Val('k'): 1}[Val('k')], Val(1) in {Val(1): 0})
class EqOnly:
    def __eq__(self, o):
        return True
try:
    hash(EqOnly())
except TypeError:
    print('TypeError unhashable')
class Explicit:
    __hash__ = None
try:
    {Explicit()}
except TypeError:
    print('TypeError hash None')
class Default:
    pass
d1 = Default()
print(hash(d1) == hash(d1), d1 == d1, d1 != Default(), len({d1, d1}))
class Sub(Val):
    pass
print(Sub(1) == Val(1), hash(Sub(1)) == hash(Val(1)))
class HashInt:
    def __hash__(self):
        return 12345
print(hash(HashInt()))
