# TypeError messages for unsupported unary operators and abs().
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)
class A:
    pass
check(lambda: -'a')
check(lambda: +'a')
check(lambda: ~1.0)
check(lambda: ~'a')
check(lambda: -[])
check(lambda: abs('a'))
check(lambda: -None)
check(lambda: -A())
check(lambda: ~A())
check(lambda: abs(A()))
