# ValueError messages for a zero step in range() and in slices (flavours word them differently).
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
def setslice(l):
    l[::0] = []
check(lambda: range(0, 1, 0))
check(lambda: range(1, 2, 0))
check(lambda: [1][::0])
check(lambda: (1, 2)[::0])
check(lambda: setslice([1, 2]))
