# TypeError messages from dict methods and constructors given bad arguments.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: {}.get())
check(lambda: {}.pop())
check(lambda: {}.fromkeys(1))
check(lambda: dict(1, 2))
check(lambda: {}.update({}, {}))
