x = "\xff\u1234" + b"\xff".decode()
y = 1e308 * 10
z = 0.1 + 0.2
