# sys.implementation is MicroPython's attrtuple: a tuple whose items are also attributes,
# printed as (name=..., version=..., ...). _machine depends on the build, so it is masked.
import sys
imp = sys.implementation
if not isinstance(imp, tuple):  # CPython's is a SimpleNamespace
    print(imp.name)
    raise SystemExit
print(repr(imp).replace(repr(imp._machine), '<machine>'))
print(str(imp) == repr(imp))
print(type(imp).__name__, isinstance(imp, tuple), len(imp))
print(imp.name, imp.version, imp._mpy, imp._build)
print(imp[0] is imp.name, imp[1] == imp.version, imp[-1] == imp._build)
print(imp == tuple(imp), hash(imp) == hash(tuple(imp)))
name, version, *rest = imp
print(name, version, len(rest))
print(type(imp._machine).__name__, imp._mpy & 0xff)
try:
    imp.name = 'x'
except AttributeError as e:
    print('AttributeError', e)
try:
    imp.nope
except AttributeError as e:
    print('AttributeError', e)
