# Errors from using objects that are not context managers in a with statement.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
class OnlyEnter:
    def __enter__(self):
        return self
def w(o):
    with o:
        pass
check(lambda: w(1))
check(lambda: w(None))
check(lambda: w(OnlyEnter()))
