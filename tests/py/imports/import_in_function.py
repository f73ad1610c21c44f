# import inside a function binds a local name; the module object is shared with later global imports.
def f():
    import mods.helper
    from mods.helper import func
    return func(10), mods.helper.CONST
print(f())
print('mods' in globals())
import mods.helper
print(mods.helper.func(2))
def g():
    from mods import helper as hh
    return hh is mods.helper
print(g())
