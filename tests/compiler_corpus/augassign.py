a = 0
a += 1
a -= 2
a *= 3
a /= 4
a //= 5
a %= 6
a **= 7
a <<= 1
a >>= 1
a &= 1
a |= 2
a ^= 3
a @= b
x.y += 1
x[0] += 2
x[i:j] += 3
x.y.z -= 4
def f():
    n = 0
    n += 1
    return n
