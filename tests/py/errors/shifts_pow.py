# ValueError/TypeError messages for negative shifts and three-argument pow.
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)
check(lambda: 1 << -1)
check(lambda: 1 >> -1)
check(lambda: (2 ** 100) << -1)
check(lambda: pow(2.0, 3, 5))
check(lambda: 2 ** -1)
