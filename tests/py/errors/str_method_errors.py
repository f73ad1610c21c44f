# TypeError/ValueError messages from str methods given wrong argument types or values.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: ''.join([1]))
check(lambda: ','.join(['a', 2]))
check(lambda: ''.join(1))
check(lambda: 'abc'.split(''))
check(lambda: 'abc'.startswith(1))
check(lambda: 'a'.replace(1, 2))
check(lambda: 'a'.strip(1))
check(lambda: 'a'.count(1))
check(lambda: 'abc'.find(1))
check(lambda: str(b'a', 'bad-codec'))
check(lambda: 'a'.encode('bad-codec'))
