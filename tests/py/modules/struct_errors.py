# struct errors: bad formats, wrong counts, ranges, buffers
import struct

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

check(lambda: struct.pack('z', 1))
check(lambda: struct.calcsize('i2'))
check(lambda: struct.calcsize('<P'))
check(lambda: struct.pack('i'))
check(lambda: struct.pack('i', 1, 2))
check(lambda: struct.pack('i', 'a'))
check(lambda: struct.pack('i', 1.5))
check(lambda: struct.pack('d', 'x'))
check(lambda: struct.pack('b', 300))
check(lambda: struct.pack('B', -1))
check(lambda: struct.pack('<h', 2**40))
check(lambda: struct.pack('<I', 2**32))
check(lambda: struct.pack('<Q', -1))
check(lambda: struct.pack('<q', 2**63))
check(lambda: struct.pack('<f', 1e300))
check(lambda: struct.pack('3s', 'ab'))
check(lambda: struct.pack('s', 1))
check(lambda: struct.unpack('i', b'ab'))
check(lambda: struct.unpack('i', b'abcdef'))
check(lambda: struct.unpack('b', 5))
check(lambda: struct.unpack_from('<h', b'abcd', 3))
check(lambda: struct.unpack_from('<h', b'abcd', -5))
check(lambda: struct.pack_into('<hh', bytearray(8), 6, 1, 2))
check(lambda: struct.pack_into('<h', b'12', 0, 1))
check(lambda: struct.pack(1, 2))
print(issubclass(struct.error, Exception))
