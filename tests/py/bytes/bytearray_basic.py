# bytearray: mutability (item/slice assignment, append/extend/insert/pop/remove), comparison with bytes.
ba = bytearray(b'hello')
ba[0] = 72
ba[-1] = ord('O')
print(ba, len(ba), ba[1], ba[1:3], type(ba[1:3]).__name__)
ba.append(33); ba.extend(b'??'); ba.extend([65, 66]); ba.insert(0, 62)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord('?'))
print(ba)
ba[1:3] = b'EY'
print(ba)
ba[1:3] = b''
print(ba)
ba[0:0] = bytearray(b'<<')
print(ba)
del ba[0]
del ba[-2:]
print(ba)
print(bytearray(), bytearray(3), bytearray([1, 2]), bytearray(b'ab'), bytearray('é', 'utf-8'), bytearray(range(3)))
print(bytearray(b'abc') == b'abc', b'abc' == bytearray(b'abc'), bytearray(b'a') < b'b', bytearray(b'x') + b'y', b'y' + bytearray(b'x'))
print(type(bytearray(b'x') + b'y').__name__, type(b'y' + bytearray(b'x')).__name__)
c = bytearray(b'abc')
c.reverse()
print(c, c.copy(), c.count(b'a'), c.find(b'b'), c.upper(), c.decode())
c.clear()
print(c, len(c))
z = bytearray(b'x')
z *= 3
z += b'yz'
print(z)
try:
    bytearray(b'a')[0] = 256
except ValueError:
    print('ValueError')
