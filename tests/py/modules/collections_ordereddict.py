# collections.OrderedDict: insertion order, dict methods, move_to_end, popitem(last=)
from collections import OrderedDict

o = OrderedDict([('b', 1), ('a', 2)])
o['z'] = 3
print(list(o), list(o.items()), o['a'], len(o), 'z' in o, isinstance(o, dict))
o.move_to_end('b')
print(list(o))
o.move_to_end('b', last=False)
print(list(o))
print(o.popitem(), o.popitem(last=False), list(o))
o.update({'q': 9})
del o['a']
print(dict(o), o.get('q'), o.pop('q'), len(o))
print(OrderedDict(a=1) == {'a': 1})
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)
check(lambda: OrderedDict().popitem())
check(lambda: OrderedDict().move_to_end('x'))
