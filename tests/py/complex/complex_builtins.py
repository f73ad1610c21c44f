# complex with builtins: abs, pow, complex() parsing, equality with real numbers, attributes are floats.
z = complex(3, -4)
print(abs(z), z.real, z.imag, type(z.real).__name__, z == complex('3-4j'), z * z.conjugate())
print(complex('1e3+2.5j'), complex('-j'), complex('+1.5'), complex(' 2j '), complex(True, False))
print(pow(z, 2), z ** 0, (1j) ** 3, sum([1j, 2, 3.5]), [1j * i for i in range(3)])
print(complex(1, 2) + complex(0.5, -2), (2 + 3j) - 3j, (1 + 1j) * (1 - 1j) == 2)
print(repr(complex(0, 1)), repr(complex(-1.5, 0)), repr(complex(0, -0.5)), str(1e20j))
