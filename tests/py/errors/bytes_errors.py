# ValueError/TypeError messages from constructing bytes and bytearray from bad values.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: bytes([256]))
check(lambda: bytes([-1]))
check(lambda: bytes('abc'))
check(lambda: bytes(-1))
check(lambda: bytes(['a']))
check(lambda: bytes.fromhex('zz'))
check(lambda: bytes(1.5))
