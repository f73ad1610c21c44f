def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, d=6, e=7))
print(f(c=1, a=2))
print(f(**{"a": 1, "c": 2, "z": 3}))
print(f(1, **{"b": 5}, c=0))
try:
    f(1, a=2, c=3)
except TypeError as e:
    print("TypeError")
def g(x, y):
    return x - y
print(g(y=1, x=10), g(*[5], **{"y": 2}))
k = "".join(["x"])
print(g(**{k: 7, "y": 1}))
class C:
    def m(self, p, q=1):
        return p * q
c = C()
print(c.m(2, q=3), c.m(q=4, p=5), C.m(c, p=1))
