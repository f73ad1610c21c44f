# ZeroDivisionError messages for int division, modulo and divmod (flavours word it differently).
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)
check(lambda: 1 / 0)
check(lambda: 1 // 0)
check(lambda: 1 % 0)
check(lambda: divmod(1, 0))
check(lambda: 0 ** -1)
check(lambda: (2 ** 100) // 0)
check(lambda: (2 ** 100) % 0)
check(lambda: -7 // 0)
