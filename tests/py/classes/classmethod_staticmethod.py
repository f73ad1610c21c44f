# classmethod and staticmethod: call via class and instance, inheritance, alternative constructors.
class Temp:
    scale = 'C'
    def __init__(self, deg):
        self.deg = deg
    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9))
    @classmethod
    def describe(cls):
        return cls.__name__ + ' in ' + cls.scale
    @staticmethod
    def valid(deg):
        return deg > -273
class Kelvin(Temp):
    scale = 'K'
t = Temp.from_f(212)
print(t.deg, type(t).__name__, Temp.describe(), t.describe(), Temp.valid(-300), t.valid(0))
k = Kelvin.from_f(32)
print(type(k).__name__, k.deg, Kelvin.describe(), k.describe(), Kelvin.valid(5))
class Counter:
    n = 0
    @classmethod
    def inc(cls):
        cls.n += 1
        return cls.n
class Sub(Counter):
    pass
print(Counter.inc(), Counter.inc(), Sub.inc(), Counter.n, Sub.n)
sm = staticmethod(lambda x: x * 2)
class Holder:
    double = sm
    triple = staticmethod(lambda x: x * 3)
print(Holder.double(4), Holder().triple(2))
