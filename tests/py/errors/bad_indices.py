# TypeError messages for indices of the wrong type and bad slice bounds.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
s, l, t, b, r = 'abc', [1], (1,), b'a', range(3)
check(lambda: s['a'])
check(lambda: l['a'])
check(lambda: t[1.0])
check(lambda: l[None])
check(lambda: b['x'])
check(lambda: r['a'])
check(lambda: l[1:'a'])
