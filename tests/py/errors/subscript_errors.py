# TypeError messages for subscripting objects that are not subscriptable.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
class C:
    pass
values = [1, 1.5, None, True, {1}, C()]
for v in values:
    check(lambda: v[0])
