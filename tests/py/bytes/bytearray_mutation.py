# bytearray mutation: extended-slice assignment and deletion, insert/pop/remove/clear/reverse/copy, += and *=.
ba = bytearray(b'0123456789')
ba[::2] = b'abcde'
print(ba)
ba[1::3] = [65, 66, 67]
print(ba)
ba[8:2:-2] = b'XYZ'
print(ba)
del ba[::3]
print(ba)
del ba[::-2]
print(ba)
for sl in [slice(1, 5, 2), slice(5, 0, -2), slice(10, None), slice(None, None, -1), slice(0, 0)]:
    x = bytearray(b'abcdef')
    del x[sl]
    print(sl, x)
x = bytearray(b'abcdef'); x[2:2] = [1, 2]; print(x)
x = bytearray(b'abcdef'); x[:] = x; print(x)
x = bytearray(b'abcdef'); x[1:3] = memoryview(b'XYZ'); print(x)
x = bytearray(b'abcdef'); x[4:1] = b'--'; print(x)
x = bytearray(b'abcdef'); x[-2:] = b''; print(x)
x = bytearray(b'abc'); x[-1] = 0; print(x)
x = bytearray(b'abc'); x += bytearray(b'de'); x += memoryview(b'f'); print(x)
x = bytearray(b'ab'); y = x; x += b'c'; print(y is x, y)
x = bytearray(b'ab'); y = x; x *= 3; print(y is x, y)
x = bytearray(b'ab'); x *= 0; print(x)
x = bytearray(b'ab'); x *= -1; print(x)
x = bytearray(b'abc'); x.extend(x); print(x)
x = bytearray(b'abc'); x.extend(range(65, 68)); x.extend(c for c in b'yz'); print(x)
x = bytearray(b'abc'); y = x.copy(); y[0] = 0; print(x, y, y is x)
x = bytearray(b'abc'); print(x.pop(), x.pop(0), x)
x = bytearray(b'abcb'); x.remove(98); print(x)
x = bytearray(b'abc'); x.insert(-100, 120); x.insert(100, 121); x.insert(1, 122); print(x)
x = bytearray(b'abc'); x.reverse(); print(x); x.clear(); print(x, len(x))
print(bytearray(b'ab') * 2, 3 * bytearray(b'ab'), b'ab' + bytearray(b'c'), bytearray(b'c') + b'ab')
print(type(b'ab' + bytearray(b'c')).__name__, type(bytearray(b'c') + b'ab').__name__, b'ab' + memoryview(b'c'))
print(bytearray(b'a') < bytearray(b'b'), bytearray(b'a') >= b'a', b'a' <= bytearray(b'a'))
print(bytearray(b'ab') == memoryview(b'ab'), bytearray(b'a') == 'a', 97 in bytearray(b'abc'), b'bc' in bytearray(b'abc'))
print(bytearray(b'abc')[::-1], bytearray(b'abc')[1], list(reversed(bytearray(b'abc'))), sorted(bytearray(b'cba')))
print(bytearray(b'%d-%s') % (5, b'x'), bytearray(b'a\'b"'), str(bytearray(b'x')))
for f in [lambda: bytearray(b'abc').pop(5), lambda: bytearray().pop(), lambda: bytearray(b'abc').remove(120),
          lambda: bytearray(b'abc').insert(1, 256), lambda: bytearray(b'abc').append(256),
          lambda: bytearray(b'abc').append(b'x'), lambda: bytearray(b'abc').extend('x'),
          lambda: bytearray(b'abc').extend(5), lambda: bytearray(b'ab').__setitem__(slice(None, None, 2), b'xy'),
          lambda: bytearray(b'abc').__setitem__(slice(0, 1), 5), lambda: hash(bytearray(b'a')),
          lambda: bytearray(b'a') < 'a', lambda: bytearray(b'ab') + 'c', lambda: 'a' in bytearray(b'abc'),
          lambda: bytearray(b'abc').__setitem__(0, -1), lambda: bytearray(b'abc')[5]]:
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__)
# Bounds computed before Python code shrank the bytearray.
ba = bytearray(b'0123456789')
class I:
    def __index__(self):
        ba.clear()
        return 8
ba[I():9] = b'xyz'
print(ba)
ba = bytearray(b'0123456789')
def gen():
    ba.clear()
    yield 65
ba[8:9] = gen()
print(ba)
ba = bytearray(b'0123456789')
del ba[I()::2]
print(ba)
