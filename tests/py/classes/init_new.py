# __new__ and __init__ interplay: singletons, returning other types, immutable subclass construction.
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            print('creating')
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self):
        print('init')
a, b = Single(), Single()
print(a is b)
class Other:
    def __new__(cls, v):
        return v * 2
    def __init__(self, v):
        print('never')
print(Other(21))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper('abc')
print(u, type(u).__name__, len(u))
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), Pos(-5) + 1)
class Tracked:
    made = []
    def __new__(cls, *args, **kw):
        obj = super().__new__(cls)
        cls.made.append((args, kw))
        return obj
    def __init__(self, x, y=0):
        self.x, self.y = x, y
t = Tracked(1, y=2)
print(t.x, t.y, Tracked.made)
