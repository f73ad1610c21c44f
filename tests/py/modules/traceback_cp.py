# traceback (circuitpython flavour): print_exception and format_exception
try:
    import traceback
except ImportError:
    traceback = None
    print('no traceback')

def f():
    raise ValueError('bad')

if traceback:
    try:
        f()
    except ValueError as e:
        traceback.print_exception(e)
        lines = traceback.format_exception(e)
        print(type(lines).__name__, ''.join(lines).endswith('ValueError: bad\n'))
        try:
            traceback.print_exception(e, e)
        except ValueError as err:
            print('ValueError:', err)
    import sys
    traceback.print_exception(KeyError('k'), file=sys.stdout)
