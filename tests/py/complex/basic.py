# complex numbers: construction, repr, real/imag, arithmetic, conjugate, abs, equality.
z = 3 + 4j
print(z, repr(z), z.real, z.imag, z.conjugate(), abs(z), type(z).__name__)
print(complex(1, 2), complex(1), complex(), complex(2.5, -1), complex('1+2j'), complex('-3j'))
print(1j, -1j, 1j * 1j, (1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j), (1 + 2j) - (1 + 2j))
print((1 + 2j) + 1, 2 * (1 + 1j), (1 + 1j) ** 2, (2 + 0j) ** 0.5, 1 / 1j)
print(z == 3 + 4j, z != 3, complex(2, 0) == 2, complex(2.5, 0) == 2.5, 1j == 1)
print(-z, +z, (0j).real, complex(0, -0.0).imag)
print(1e16j, 1.5j, (1.5 + 0.25j), -(1 + 1j))
print([1j, 2 + 0j], {'c': 1 - 1j})
print(hash(complex(3, 0)) == hash(3), bool(0j), bool(1e-300j))
print(complex(1, 2) == complex('1+2j'), complex(' 2.5-1.5j '), complex('inf+nanj').real)
print((3 + 4j).__abs__(), pow(1j, 2), pow(2 + 0j, 3))
