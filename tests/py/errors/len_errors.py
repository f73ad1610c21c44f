# TypeError messages for len() of objects without a length.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
class C:
    pass
values = [1, 1.5, None, True, C()]
for v in values:
    check(lambda: len(v))
