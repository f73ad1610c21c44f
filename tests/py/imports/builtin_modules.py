# The builtin modules sys, gc and math import and expose their basic members; import gives the same object.
import sys, gc, math
import sys as system
print(system is sys, type(sys.argv).__name__, type(sys.path).__name__, sys.maxsize > 2 ** 30)
print(sys.byteorder in ('little', 'big'), callable(sys.exit), hasattr(sys, 'stdout'), hasattr(sys, 'modules'))
print(gc.collect() is None or isinstance(gc.collect(), int))
print(math.sqrt(4), math.pi > 3)
from math import sqrt, pi as PI
print(sqrt(9), PI == math.pi)
print(sys.implementation.name in ('cpython', 'micropython', 'circuitpython'))
