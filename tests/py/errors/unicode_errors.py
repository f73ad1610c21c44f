# UnicodeError (MicroPython raises the base class with an empty message) for invalid decoding/encoding.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: b'\xff'.decode())
check(lambda: b'\xff'.decode('ascii'))
check(lambda: b'\xc3'.decode('utf-8'))
check(lambda: '\xe9'.encode('ascii'))
check(lambda: str(b'\xff', 'utf-8'))
