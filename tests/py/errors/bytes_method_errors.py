# TypeError/ValueError/IndexError messages from bytes, bytearray and memoryview methods and operations.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: b'abc'.find('a'))
check(lambda: b'abc'.split('a'))
check(lambda: b'abc'.replace('a', 'b'))
check(lambda: b'abc'.strip('a'))
check(lambda: b'abc'.count('a'))
check(lambda: b'-'.join(['a']))
check(lambda: b'-'.join([1]))
check(lambda: b'abc'.index(b'z'))
check(lambda: b'abc'.rindex(b'z'))
check(lambda: bytes.fromhex('0g'))
check(lambda: memoryview(b'a')[5])
check(lambda: bytearray(b'a')[5])
check(lambda: b'a'[5])
k = 'x'
check(lambda: b'a'[k])
check(lambda: memoryview(b'a')['x'])
check(lambda: b'abc'.split(b''))
check(lambda: b'\xff'.decode())
check(lambda: b'a'.decode('bad-codec'))
