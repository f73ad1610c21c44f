# ImportError messages (MicroPython never raises ModuleNotFoundError) for missing modules, names, relative imports.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
def i1():
    import nonexistent_mod
def i2():
    import nonexistent_pkg.sub
def i3():
    from sys import nothing_here
def i4():
    from nonexistent_mod import x
def i5():
    exec('from . import x', {'__name__': 'probe'})
def i6():
    __import__('')
for f in [i1, i2, i3, i4, i5, i6]:
    check(f)
