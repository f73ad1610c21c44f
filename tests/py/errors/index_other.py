# IndexError messages for tuple, bytes, bytearray and range indexing.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
def setitem(l, i, v):
    l[i] = v
check(lambda: (1,)[5])
check(lambda: b'a'[5])
check(lambda: bytearray(b'a')[5])
check(lambda: setitem(bytearray(1), 5, 0))
check(lambda: range(3)[5])
check(lambda: range(3)[-4])
