# KeyError messages for popping from an empty dict or set (flavours word them differently).
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: {}.popitem())
check(lambda: set().pop())
