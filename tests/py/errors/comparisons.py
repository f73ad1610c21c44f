# TypeError messages for unsupported ordering comparisons, sorting mixed types, and `in` with non-containers.
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)
class A:
    pass
check(lambda: 1 < 'a')
check(lambda: 'a' > 1)
check(lambda: [] < 1)
check(lambda: None < None)
check(lambda: {} < {})
check(lambda: (1,) < [1])
check(lambda: 1 <= None)
check(lambda: 1.0 >= 'x')
check(lambda: {1} < [1])
check(lambda: A() < A())
check(lambda: (1 == 'a', [1] == (1,)))
check(lambda: 1 in 1)
check(lambda: 'a' in 1)
check(lambda: 1 in 'abc')
check(lambda: None in None)
check(lambda: b'a' in 'abc')
check(lambda: max(1, 'a'))
