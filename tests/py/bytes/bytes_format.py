# bytes %-formatting and bytes() / int conversions used for binary data.
print(b'%d-%s' % (5, b'x'), b'%05d' % 42, b'%x' % 255, b'%c' % 65, b'%%' % ())
print(b'%s and %s' % (b'a', bytearray(b'b')), b'%-4d|' % 7, b'%r' % b'r' if False else b'skip')
n = 0x12345678
print(n.to_bytes(4, 'big'), n.to_bytes(4, 'little'), bytes([n & 0xff, n >> 8 & 0xff]))
print(int.from_bytes(b'\x12\x34', 'big'), sum(b'\x01\x02\x03'), max(b'\x05\x09\x01'), sorted(b'cab'))
