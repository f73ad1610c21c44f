# memoryview slices with a step (read, assign) and views of array.array items
m = memoryview(bytearray(b'abcdef'))
print(bytes(m[::2]), bytes(m[::-1]), len(m[1::3]), m[::2][1], list(m[5:0:-2]), bytes(m[::2][::-1]))
m[::2] = b'XYZ'
print(bytes(m))
m[::-3] = b'12'
print(bytes(m))
try:
    m[::2] = b'ab'
except ValueError:
    print('ValueError')
import array
a = array.array('h', [1, 2, 3, 4, 5])
v = memoryview(a)
print(list(v[::2]), list(v[::-1]))
v[1::2] = array.array('h', [20, 40])
print(list(a))
print(bytes(memoryview(b'hello')[::2]))
a2 = array.array('i', [5, 6])
mv = memoryview(a2)
mv[1] = -3
print(list(a2), len(mv), mv[0])
