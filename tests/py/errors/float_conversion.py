# ValueError/TypeError messages from float() and complex() conversions.
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)
check(lambda: float('x'))
check(lambda: float(''))
check(lambda: float('1.2.3'))
check(lambda: float(None))
check(lambda: float([]))
check(lambda: complex('x'))
check(lambda: float('  1.5  '))
