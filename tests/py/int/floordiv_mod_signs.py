# Floor division and modulo follow floor semantics for all sign combinations, small and big.
vals = [0, 1, 2, 3, 7, 10, 2 ** 65 + 3]
for a in vals:
    for b in [1, 3, 7, 2 ** 64]:
        for sa in (1, -1):
            for sb in (1, -1):
                x, y = sa * a, sb * b
                q, r = x // y, x % y
                assert q * y + r == x, (x, y)
                assert r == 0 or (r > 0) == (y > 0), (x, y)
                assert divmod(x, y) == (q, r)
print('floor invariants ok')
print(-1 // 2, -1 % 2, 1 // -2, 1 % -2, -1 // -2, -1 % -2)
print(-(2 ** 70) // 3, -(2 ** 70) % 3, (2 ** 70) // -3, (2 ** 70) % -3)
print(-7 // 7, -7 % 7, -8 // 7, -8 % 7)
print(5.5 // 2, -5.5 // 2, 5.5 % 2, -5.5 % 2, 5.5 % -2)
