# TypeError messages for item assignment/deletion on immutable objects and subscripting non-subscriptables.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
def setitem(o, i, v):
    o[i] = v
def delitem(o, i):
    del o[i]
check(lambda: setitem((1,), 0, 2))
check(lambda: setitem('a', 0, 'b'))
check(lambda: setitem(b'a', 0, 1))
check(lambda: delitem((1,), 0))
check(lambda: setitem(range(3), 0, 1))
check(lambda: delitem('a', 0))
check(lambda: setitem(1, 0, 1))
i, n, st = 1, None, {1}
check(lambda: i[0])
check(lambda: n[0])
check(lambda: st[0])
def slice_assign_int():
    l = [1, 2]
    l[0:1] = 1
check(slice_assign_int)
