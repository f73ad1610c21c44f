# __call__: callable instances, with args/kwargs, stateful callables, callable() builtin, as decorators.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *more, scale=1):
        return (x + self.n + sum(more)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), callable(Adder))
print(list(map(add5, [0, 10])), sorted([3, 1, 2], key=Adder(-10)))
class Counter:
    def __init__(self):
        self.calls = 0
    def __call__(self):
        self.calls += 1
        return self.calls
c = Counter()
c(); c()
print(c(), c.calls)
class NotCallable:
    pass
print(callable(NotCallable()))
try:
    NotCallable()()
except TypeError:
    print('TypeError')
