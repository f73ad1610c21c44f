# Function and method calls: positional, keyword, default arguments, bound methods.
class Counter:
    def __init__(self):
        self.n = 0

    def add(self, k, scale=1):
        self.n += k * scale
        return self.n


def f(a, b, c=3):
    return a + b + c


def g(*args, **kw):
    return len(args) + len(kw)


def run(n):
    c = Counter()
    add = c.add
    s = 0
    for i in range(n):
        s += f(i, 1)
        s += f(i, b=2, c=4)
        c.add(i)
        add(1, scale=2)
        s += g(1, 2, x=3)
    return s, c.n


print("calls", run(450000))
