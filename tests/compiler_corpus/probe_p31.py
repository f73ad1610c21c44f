class C:
    x = [y for y in range(3)]
    z = lambda self: self
