# Bound and unbound methods: binding to instances, storing and calling later, methods as callbacks.
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, by=1):
        self.n += by
        return self.n
c = Counter()
m = c.inc
print(m(), m(5), c.n)
callbacks = [c.inc, Counter().inc, c.inc]
print([f() for f in callbacks], c.n)
print(Counter.inc(c, 10), c.n)
print(list(map(c.inc, [1, 1, 1])), c.n)
d = Counter()
print(c.inc == c.inc, c.inc == d.inc, c.inc != d.inc)
class WithStatic:
    @staticmethod
    def s(x):
        return x
    @classmethod
    def k(cls):
        return cls.__name__
f1, f2 = WithStatic().s, WithStatic.k
print(f1(3), f2())
class Sub(WithStatic):
    pass
print(Sub().k(), Sub.k(), Sub.s('sub'))
