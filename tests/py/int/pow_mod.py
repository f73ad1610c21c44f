# pow with two and three arguments, negative exponents, modular inverse, big exponents.
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(0, 0), pow(7, 2, 5))
print(pow(3, 200, 1000000007), pow(2, 10 ** 18, 10 ** 9 + 7))
print(pow(-3, 3, 7), pow(3, 3, -7), pow(-3, 3, -7))
print(pow(5, 0, 1), pow(5, 0, 7), pow(0, 5, 7))
print(pow(2, -1, 5), pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11))
print(pow(12345678901234567890, 98765, 2 ** 61 - 1))
print(pow(2 ** 100, 2 ** 50, 3 ** 40))
print(2 ** 100 % 97 == pow(2, 100, 97))
print(pow(2.0, 3), pow(4, 0.5), pow(2, 0.5) == 2 ** 0.5)
print((-8) ** (1 / 3) == pow(-8, 1 / 3))
print(10 ** 20, 10 ** -2, 0 ** 5, 1 ** 10 ** 6)
try:
    pow(2, -1, 4)
except ValueError:
    print('ValueError not invertible')
try:
    pow(2, 3, 0)
except ValueError:
    print('ValueError zero modulus')
try:
    pow(2.0, 3, 5)
except TypeError:
    print('TypeError float with modulus')
