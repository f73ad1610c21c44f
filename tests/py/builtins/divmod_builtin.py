# divmod() for ints (all sign combinations, big values), floats, bools and objects with __divmod__.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (2 ** 70, 3), (-(2 ** 70), 7), (True, True)]:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 2.5), divmod(0.0, 1))
class D:
    def __divmod__(self, o):
        return ('divmod', o)
    def __rdivmod__(self, o):
        return ('rdivmod', o)
print(divmod(D(), 3), divmod(3, D()))
try:
    divmod(1, 0)
except ZeroDivisionError:
    print('ZeroDivisionError')
