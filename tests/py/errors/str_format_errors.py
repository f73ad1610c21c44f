# Errors from str.format: missing positional/keyword fields, bad specs, unmatched braces, field numbering.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: '{}'.format())
check(lambda: '{0}{1}'.format(1))
check(lambda: '{a}'.format())
check(lambda: '{:d}'.format('a'))
check(lambda: '{:d}'.format(1.5))
check(lambda: '{:x}'.format(1.5))
check(lambda: '{:s}'.format(1))
check(lambda: '{'.format(1))
check(lambda: '}'.format(1))
check(lambda: '{0}{}'.format(1, 2))
check(lambda: '{}{0}'.format(1, 2))
check(lambda: '{!x}'.format(1))
check(lambda: '{:=s}'.format('a'))
check(lambda: '{:>{w}}'.format(1))
