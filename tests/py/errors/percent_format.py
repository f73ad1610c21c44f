# Errors from %-formatting: wrong types, argument counts, bad format characters, mapping keys.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: '%d' % 'a')
check(lambda: '%d %d' % (1,))
check(lambda: '%d' % (1, 2))
check(lambda: '%s' % ())
check(lambda: '%z' % 1)
check(lambda: '%(a)s' % 1)
check(lambda: '%(a)s' % {})
check(lambda: '%c' % 'ab')
check(lambda: '%f' % 'a')
check(lambda: '%x' % 1.5)
check(lambda: 'abc' % 1)
check(lambda: '%' % ())
check(lambda: '%c' % -1)
