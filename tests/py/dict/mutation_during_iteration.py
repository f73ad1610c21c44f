# Changing a dict's or set's size while iterating over it raises RuntimeError (CPython); changing values does not.
def attempt(name, f):
    try:
        print(name, f())
    except RuntimeError as e:
        print(name, type(e).__name__)
def grow():
    d = {1: 1}
    for k in d:
        d[k + 1] = 1
def shrink():
    d = {1: 1, 2: 2}
    for k in d:
        del d[k]
def values():
    d = {1: 1, 2: 2}
    for k in d:
        d[k] = k * 10
    return d
def items_pop():
    d = {'a': 1, 'b': 2}
    for k, v in d.items():
        d.pop(k)
def keys_view():
    d = {'a': 1}
    for k in d.keys():
        d['z' + k] = 0
def later_next():
    d = {1: 1}
    it = iter(d)
    d[2] = 2
    return next(it)
def set_grow():
    s = {1}
    for k in s:
        s.add(k + 1)
def set_same_size():
    s = {1, 2}
    for k in s:
        s.discard(k)
        s.add(k + 100)
        break
    return sorted(s)
def reversed_dict():
    d = {1: 1, 2: 2}
    for k in reversed(d):
        d[k + 5] = 0
def copy_ok():
    d = {1: 1}
    for k in list(d):
        d[k + 1] = 1
    return d
for name, f in [('grow', grow), ('shrink', shrink), ('values', values), ('items_pop', items_pop),
                ('keys_view', keys_view), ('later_next', later_next), ('set_grow', set_grow),
                ('set_same_size', set_same_size), ('reversed_dict', reversed_dict), ('copy_ok', copy_ok)]:
    attempt(name, f)
