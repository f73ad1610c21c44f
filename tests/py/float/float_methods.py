# float dunder methods called directly and float() of subclass instances.
print((2.5).__add__(1), (2.5).__mul__(2), (2.5).__sub__(0.5), (2.5).__truediv__(2))
print((2.5).__neg__(), (2.5).__abs__(), (-2.5).__abs__(), (7.5).__floordiv__(2), (7.5).__mod__(2))
print((2.5).__eq__(2.5), (2.5).__lt__(3), (2.5).__int__(), (2.5).__float__(), (2.5).__bool__())
print((2.0).__pow__(3), (1.5).__radd__(1), (1.5).__rsub__(1))
class MyFloat(float):
    def half(self):
        return self / 2
m = MyFloat(3.0)
print(m, m.half(), m + 1, type(m + 1).__name__, type(m).__name__, isinstance(m, float))
print(float(m), type(float(m)).__name__)
