# u-prefixed aliases of the extensible modules (micropython flavour only), none for plain ones
import sys
names = ['utime', 'uio', 'uos', 'uselect', 'uasyncio', 'uplatform', 'umachine', 'usys',
         'umath', 'ucmath', 'ugc', 'umicropython', 'ubuiltins', 'select', 'atexit']
for name in names:
    try:
        m = __import__(name)
        print(name, 'ok', m.__name__)
    except ImportError:
        print(name, 'ImportError')
try:
    import uasyncio, asyncio
    print(uasyncio is asyncio, sys.modules['uasyncio'] is asyncio)
except ImportError:
    print('no uasyncio')
try:
    import utime, time
    print(utime is time)
except ImportError:
    print('no utime')
import builtins
print(builtins.__name__, builtins.len is len)
