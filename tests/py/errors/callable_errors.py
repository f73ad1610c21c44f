# TypeError messages for calling non-callable objects of several kinds.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
class C:
    pass
values = [1, 1.5, 'abc', b'b', [1], (1,), {'a': 1}, {1}, None, True, C(), range(3)]
for v in values:
    check(lambda: v())
