# ValueError messages for min()/max() of empty sequences.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: min([]))
check(lambda: max([]))
check(lambda: max(()))
check(lambda: min(iter([])))
