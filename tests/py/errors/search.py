# ValueError messages from index/remove/find-style searches that fail.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: [].remove(1))
check(lambda: [].index(1))
check(lambda: (1,).index(2))
check(lambda: 'abc'.index('z'))
check(lambda: 'abc'.rindex('z'))
check(lambda: b'abc'.index(b'z'))
check(lambda: 'abc'.find('z'))
