# TypeError messages for unsupported binary and augmented operators (MicroPython: dunder names).
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)
class A:
    pass
def aug(x, y, op):
    if op == '+':
        x += y
    elif op == '-':
        x -= y
    elif op == '*':
        x *= y
    return x
check(lambda: 1 + 'a')
check(lambda: 'a' + 1)
check(lambda: 1 - 'a')
check(lambda: [] - [])
check(lambda: {} + {})
check(lambda: None * 1)
check(lambda: 1 / 'a')
check(lambda: 1 // 'a')
check(lambda: 1 % [])
check(lambda: 1 ** 'a')
check(lambda: 1 << 1.0)
check(lambda: 1 >> 'a')
check(lambda: 1 & 1.0)
check(lambda: 1 | 'a')
check(lambda: 1 ^ None)
check(lambda: 1 @ 2)
check(lambda: [1] + (1,))
check(lambda: (1,) + [1])
check(lambda: 'a' + b'a')
check(lambda: {1} + {2})
check(lambda: 1.5 & 1)
check(lambda: divmod(1, 'a'))
check(lambda: A() + 1)
check(lambda: aug(1, 'a', '+'))
check(lambda: aug([], 1, '-'))
check(lambda: aug('a', 'b', '*'))
check(lambda: aug((1,), [1], '+'))
check(lambda: aug([], 1, '+'))
check(lambda: [1] * 'a')
check(lambda: 'a' * 'b')
check(lambda: [1] * 1.5)
check(lambda: (1,) * None)
check(lambda: sum(['a', 'b']))
check(lambda: sum([1], 'a'))
