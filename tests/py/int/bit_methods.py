# int methods and attributes: bit_length, conjugate, real/imag, numerator/denominator.
for n in [0, 1, 2, 3, 255, 256, -1, -255, 2 ** 100, -(2 ** 100)]:
    print(n, n.bit_length())
print((5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print((-3).real, True.real, (2 ** 80).imag)
print(int.bit_length(7), (7).__abs__(), (7).__add__(1), (7).__neg__())
print((10).__floordiv__(3), (10).__mod__(3), (3).__mul__(4), (3).__rsub__(10))
print((3).__eq__(3), (3).__lt__(4), (3).__add__(1.5))
print((7).__bool__(), (0).__bool__(), (12).__index__(), (2).__pow__(5))
