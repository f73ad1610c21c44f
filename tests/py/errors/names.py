# NameError messages: undefined globals, deleted names, unbound locals and free variables (MicroPython wording).
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)
def undefined():
    return undefined_name
def unbound_local():
    y = x
    x = 1
def unbound_free():
    def g():
        return z
    g()
    z = 1
def deleted_local():
    x = 1
    del x
    return x
def global_missing():
    global q
    return q
def del_unbound():
    del w
check(undefined)
check(unbound_local)
check(unbound_free)
check(deleted_local)
check(global_missing)
check(del_unbound)
gone = 1
del gone
check(lambda: gone)
check(lambda: [undefined_in_comp for _ in range(1)])
