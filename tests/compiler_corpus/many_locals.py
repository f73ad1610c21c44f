def f(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t):
    u = a + b
    v = u + t
    w = v + s
    x = w + r
    y = x + q
    z = y + p
    return z + u + v + w + x + y
