# abs, divmod, pow, round, bin/oct/hex, int/float/complex constructors as builtins.
print(abs(-3), abs(3.5), abs(-0.0), abs(3 + 4j), abs(-(10 ** 30)), abs(False))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, -2), divmod(10 ** 20, 7))
print(pow(2, 8), pow(2, -2), pow(2, 8, 100), pow(2.5, 2), pow(-1, 0.5).imag == 1.0)
print(round(3.14159, 2), round(-2.5), round(1234, -2), round(0.5), round(1.5))
print(bin(10), oct(64), hex(255), bin(-3), hex(-255), oct(0), bin(2 ** 70))
print(int('12'), float('1.5'), complex(1, 1), int(), float(), complex())
