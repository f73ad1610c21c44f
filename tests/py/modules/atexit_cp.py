# atexit (circuitpython flavour; micropython has sys.atexit): register with arguments, unregister, last first
try:
    import atexit
except ImportError:
    atexit = None
    print('no atexit')

def bye(name, end='!'):
    print('bye', name + end)

def boom():
    raise ValueError('in handler')

if atexit is not None:
    print(atexit.register(bye, 'first') is bye)
    atexit.register(bye, 'second', end='?')
    atexit.register(bye, 'dropped')
    atexit.register(boom)
    atexit.unregister(boom)
    atexit.register(print, 'plain', 1, sep='-')
    try:
        atexit.register(5)
    except TypeError:
        print('TypeError')
print('end of program')
