# memoryview formats: cast to B/b/c/H/I/Q/d, tolist, itemsize/nbytes/format/ndim/shape, writes through, release.
import sys
ba = bytearray(b'\x01\x02\x03\x04\x05\x06\x07\x08')
m = memoryview(ba)
little = sys.byteorder == 'little'
print(m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.readonly, m.obj is ba, len(m))
h = m.cast('H')
print(h.format, h.itemsize, h.nbytes, len(h), h.shape, h.tolist() == ([0x201, 0x403, 0x605, 0x807] if little else [0x102, 0x304, 0x506, 0x708]))
i = m.cast('I')
print(len(i), i.itemsize, i[0] == (0x04030201 if little else 0x01020304))
q = m.cast('Q')
print(len(q), q.itemsize, q.tolist() == [int.from_bytes(ba, sys.byteorder)])
print(m.cast('b').tolist(), m.cast('c').tolist()[:3], m.cast('B')[7], m.cast('c')[0])
h[0] = 0xffff
print(ba[:2], m[0], m[1])
sb = m.cast('b')
sb[2] = -2
print(ba[2], sb[2], m[2])
m.cast('c')[3] = b'Z'
print(ba[:4])
d = memoryview(bytearray(16)).cast('d')
d[1] = 2.5
print(d.tolist(), len(d), d.itemsize)
f = memoryview(bytearray(8)).cast('f')
f[0] = 0.5
print(f.tolist())
print(m[2:6].cast('H').tolist() == m.cast('B')[2:6].cast('H').tolist(), m[1:5].tobytes(), m[-3:].hex())
print(list(m.cast('H')[1:3]) == h.tolist()[1:3], bytes(m.cast('H')) == bytes(ba))
r = memoryview(b'abcd')
print(r.readonly, r.cast('H').readonly, r.cast('c')[1], r.tolist(), r.hex(':'))
with memoryview(b'xy') as w:
    print(w[0], w.tobytes())
w.release()
mm = memoryview(memoryview(bytearray(b'abc'))[1:])
mm[0] = 66
print(mm.tobytes(), mm.obj, bytes(memoryview(mm)))
for f in [lambda: m.cast('x'), lambda: h.cast('I'), lambda: memoryview(b'abc').cast('H'), lambda: h.__setitem__(0, 0x10000),
          lambda: h.__setitem__(0, -1), lambda: sb.__setitem__(0, 200), lambda: r.__setitem__(0, 1),
          lambda: w[0], lambda: w.tobytes(), lambda: memoryview(5), lambda: memoryview('abc'), lambda: m[8],
          lambda: m.cast('c').__setitem__(0, b'ab'), lambda: d.__setitem__(0, 'x')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)
