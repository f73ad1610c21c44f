# int.to_bytes / int.from_bytes: byteorder, signed, lengths, big values, round trips.
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (0).to_bytes(3, 'big'))
print((255).to_bytes(1, 'big'), (65535).to_bytes(4, 'little'))
print((-1).to_bytes(2, 'big', signed=True), (-256).to_bytes(2, 'little', signed=True))
print((2 ** 64 - 1).to_bytes(8, 'big'), (2 ** 100).to_bytes(13, 'little'))
print(int.from_bytes(b'\x00\x10', 'big'), int.from_bytes(b'\x00\x10', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\xff\xff', 'big'))
print(int.from_bytes(b'', 'big'), int.from_bytes(b'\x80', 'big', signed=True))
print(int.from_bytes(bytes(range(1, 20)), 'big'))
print(int.from_bytes(bytearray(b'\x01\x02'), 'little'))
for n in [0, 1, 127, 128, 255, 256, 2 ** 31, 2 ** 70 + 3]:
    b = n.to_bytes(12, 'big')
    assert int.from_bytes(b, 'big') == n
    l = n.to_bytes(12, 'little')
    assert int.from_bytes(l, 'little') == n
for n in [-1, -128, -129, -(2 ** 63), -(2 ** 70)]:
    assert int.from_bytes(n.to_bytes(12, 'big', signed=True), 'big', signed=True) == n
print('round trips ok')
try:
    (256).to_bytes(1, 'big')
except OverflowError:
    print('OverflowError')
try:
    (-1).to_bytes(1, 'big')
except OverflowError:
    print('OverflowError negative unsigned')
try:
    (128).to_bytes(1, 'big', signed=True)
except OverflowError:
    print('OverflowError signed')
