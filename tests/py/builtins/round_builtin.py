# round() on ints, floats, negative ndigits, half-to-even, objects with __round__, result types.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.7), round(-3.7))
print(round(123.456, 1), round(123.456, -1), round(123.456, -2), round(123.456, 0), round(-123.456, 2))
print(round(5), round(15, -1), round(25, -1), round(-25, -1), round(12345, -5), round(50000, -5))
print(type(round(1.5)).__name__, type(round(1.5, 0)).__name__, type(round(7, 1)).__name__, type(round(7)).__name__)
class R:
    def __round__(self, n=None):
        return 'rounded' if n is None else 'rounded to %d' % n
print(round(R()), round(R(), 3))
print(round(1e16 + 1.5), round(2 ** 60 + 0.5) == 2 ** 60, round(True))
