# ValueError/TypeError messages from format specs, str.format fields and format_map.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: '{:d}'.format('a'))
check(lambda: '{:s}'.format(1.5))
check(lambda: '{:q}'.format(1))
check(lambda: '{:z}'.format(1))
check(lambda: '{:=s}'.format('a'))
check(lambda: '{:x}'.format(1.5))
check(lambda: '{:c}'.format('a'))
check(lambda: '{0}{}'.format(1, 2))
check(lambda: '{}{0}'.format(1, 2))
check(lambda: '{'.format(1))
check(lambda: '}'.format(1))
check(lambda: 'x{0'.format(1))
check(lambda: '{!x}'.format(1))
check(lambda: '{2}'.format(1))
check(lambda: '{a}'.format(b=1))
check(lambda: '{:{w}}'.format(1))
