# Which builtin modules each flavour has: u-prefixed aliases, cmath, traceback, warnings
import sys
for name in ['ujson', 'ustruct', 'urandom', 'ure', 'uheapq', 'ubinascii', 'uhashlib', 'ucollections',
             'uerrno', 'uarray', 'usys', 'cmath', 'traceback', 'warnings', 'json', 'struct', 'array',
             'binascii', 'hashlib', 're', 'collections', 'heapq', 'errno', 'random']:
    try:
        m = __import__(name)
        print(name, 'ok')
    except ImportError:
        print(name, 'ImportError')
print(hasattr(sys, 'print_exception'), hasattr(sys, 'atexit'), hasattr(sys, 'exc_info'))
try:
    import ujson
    print(ujson.dumps([1]), ujson is sys.modules['json'])
except ImportError:
    print('no ujson')
