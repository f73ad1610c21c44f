# TypeError/ValueError messages from list methods given bad arguments.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: [].extend(1))
check(lambda: [1].index(1, 'a'))
check(lambda: [3, 1].sort(key=1))
check(lambda: [1] * [1])
