# globals(): module namespace dict, modifications visible as names; locals() at module level is globals().
gv = 1
g = globals()
print(g['gv'], '__name__' in g, g['__name__'])
g['created_via_globals'] = 'yes'
print(created_via_globals)
print(locals() is globals())
def f():
    globals()['from_func'] = 42
f()
print(from_func)
print(sorted(k for k in globals() if k in ('gv', 'g', 'f', 'from_func')))
