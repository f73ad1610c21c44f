# IndexError message for str indexing.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: 'a'[5])
check(lambda: ''[0])
check(lambda: 'abc'[-4])
