# binascii errors: odd-length and non-hex input, bad base64 padding, wrong types
import binascii

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

check(lambda: binascii.unhexlify('abc'))
check(lambda: binascii.unhexlify('zz'))
check(lambda: binascii.a2b_base64('YWJ'))
check(lambda: binascii.a2b_base64('YWJjZ'))
print(issubclass(ValueError, Exception))
