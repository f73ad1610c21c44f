# ValueError/TypeError messages for tuple unpacking with wrong counts or non-iterables.
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)
def u1():
    a, b = 1, 2, 3
def u2():
    a, b = [1]
def u3():
    a, b = 1
def u4():
    a, b = None
def u5():
    a, *b = []
def u6():
    a, b, *c = [1]
def u7():
    a, b = 'abc'
def u8():
    for a, b in [(1, 2, 3)]:
        pass
def u9():
    a, b = {1: 2}
for f in [u1, u2, u3, u4, u5, u6, u7, u8, u9]:
    check(f)
