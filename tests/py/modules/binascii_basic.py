# binascii: hexlify/unhexlify, base64 both ways, crc32
import binascii

print(binascii.hexlify(b''), binascii.hexlify(b'\x00\xffab'), binascii.hexlify(bytearray(b'xy')))
print(binascii.hexlify(b'abc', '-'), binascii.hexlify(b'abc', b':'), binascii.b2a_hex(b'\x10'))
print(binascii.unhexlify('00ff6162'), binascii.unhexlify(b'4142'), binascii.unhexlify('AbCd'), binascii.a2b_hex(''))
for data in [b'', b'a', b'ab', b'abc', b'abcd', b'\x00\xff\xfe', bytes(range(40))]:
    enc = binascii.b2a_base64(data)
    print(enc, binascii.b2a_base64(data, newline=False), binascii.a2b_base64(enc) == data)
print(binascii.a2b_base64('YWJj'), binascii.a2b_base64(b'YW Jj\n'), binascii.a2b_base64('YQ=='), binascii.a2b_base64('YQ==YWJj'))
print(binascii.a2b_base64('YW!!Jj'), binascii.a2b_base64(''))
print(binascii.crc32(b''), binascii.crc32(b'abc'), binascii.crc32(b'abc', 5), binascii.crc32(b'The quick brown fox jumps over the lazy dog'))
print(binascii.crc32(b'def', binascii.crc32(b'abc')) == binascii.crc32(b'abcdef'))
print(binascii.crc32(bytearray(b'123456789')), hex(binascii.crc32(b'123456789')))
