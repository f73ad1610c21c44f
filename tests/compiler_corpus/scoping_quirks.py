def f():
    x = 1
    class C:
        x = 2
        def m(self):
            return x
    return C
def g():
    print(v)
    v = 1
def h(a):
    a = a + 1
    return a
x: int
y: int = 5
def k():
    z: int
    z = 1
    return z
