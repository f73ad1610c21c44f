# IndexError messages for list indexing, assignment, deletion and pop (CircuitPython uses a generic wording).
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
def setitem(l, i, v):
    l[i] = v
def delitem(l, i):
    del l[i]
check(lambda: [1][5])
check(lambda: [][0])
check(lambda: [1][-5])
check(lambda: setitem([1], 5, 0))
check(lambda: delitem([1], 5))
check(lambda: [1].pop(5))
check(lambda: [].pop())
