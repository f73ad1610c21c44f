# micropython.opt_level: from level 1 code compiled afterwards has no asserts and __debug__ is False
try:
    from micropython import opt_level
except ImportError:
    opt_level = None
print(__debug__)
if opt_level:
    print(opt_level())
    opt_level(1)
    exec("assert False, 'x'\nprint('asserts off', __debug__)")
    print(eval('__debug__'), opt_level())
    opt_level(0)
else:
    # CPython and circuitpython: what the micropython flavour prints
    print(0)
    print('asserts off', False)
    print(False, 1)
try:
    exec("assert False, 'y'")
except AssertionError as e:
    print('AssertionError', e)
print(eval('__debug__'))
