# sys: platform, version, version_info, implementation, stdin/stdout/stderr objects, modules, path
import sys
print(sys.platform, type(sys.version).__name__, sys.version[:2])
print(type(sys.version_info).__name__ in ('tuple', 'version_info'), sys.version_info[0], len(sys.version_info) >= 3)
print(sys.implementation.name in ('cpython', 'micropython', 'circuitpython'), sys.implementation.version[0] >= 1)
print(sys.byteorder, sys.maxsize in (2 ** 31 - 1, 2 ** 63 - 1))
print(sys.stdout.write('out\n'), sys.stderr.write('err\n'))
print(callable(sys.stdin.readline), callable(sys.stdout.write), callable(sys.stderr.write))
print(sys.modules['sys'] is sys, '__main__' in sys.modules, type(sys.path).__name__, type(sys.argv).__name__)
print(sys.argv[0].startswith('sys_attrs.'))
import gc
print(sys.modules['gc'] is gc)
del sys.modules['gc']
import gc as gc2
print('gc' in sys.modules)
try:
    sys.exit('bye')
except SystemExit as e:
    print('SystemExit', e.args)
