# complex ** and / as CPython computes them: repeated squaring for small integer powers, Smith's division, signed zeros.
vals = [1 + 2j, -1.5 + 0.5j, 0.5j, 3 - 4j, -2, 1e-3 + 1e3j, complex(-0.0, 2)]
for a in vals:
    print([a ** n for n in (0, 1, 2, 3, -1, -2, 5)])
for a in vals[:4]:
    print(a ** 0.5, a ** (1 + 1j), a ** 101, a ** 2.0)
for a in vals:
    for b in vals:
        if b != 0:
            print(a / b, end=' ')
    print()
print((1e308 + 1e308j) / (1e308 + 1e308j), (1 + 1j) / (1e-320 + 0j), 1j ** 1j, (-8) ** (1 / 3))
for bad in [lambda: 0j ** -1, lambda: 0j ** 1j, lambda: (1 + 1j) / 0, lambda: 1 / 0j, lambda: (1e200 + 1e200j) ** 3]:
    try:
        print(bad())
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__)
print(complex(1, -0.0), complex(-0.0, 0), -(0j), 0j * -1, complex('-0-0j'), repr(-1e-320j))
