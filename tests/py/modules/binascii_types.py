# binascii: wrong argument types (only the exception class is printed)
import binascii

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)

check(lambda: binascii.hexlify('abc'))
check(lambda: binascii.hexlify(5))
check(lambda: binascii.crc32('abc'))
check(lambda: binascii.b2a_base64('abc'))
check(lambda: binascii.unhexlify('é0'))
