# Errors constructing and updating dicts from bad sequences.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: dict([(1, 2, 3)]))
check(lambda: dict([1]))
check(lambda: dict(1))
check(lambda: {}.update(1))
