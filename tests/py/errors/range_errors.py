# TypeError/ValueError messages from range() arguments and range methods.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: range(1.5))
check(lambda: range('a'))
check(lambda: range(1, 'b'))
check(lambda: range(0, 10, 1.0))
check(lambda: range(3)[1.5])
