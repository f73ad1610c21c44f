# Closures: capturing variables, late binding, counters with nonlocal, independent instances.
def make_adder(n):
    def add(x):
        return x + n
    return add
a5, a10 = make_adder(5), make_adder(10)
print(a5(1), a10(1), a5(a10(0)))
def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
def late():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]
print(late())
def shared():
    x = 'first'
    def get():
        return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = shared()
print(g())
s('second')
print(g())
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                return a + b + c
            return l3
        return l2
    return l1
print(deep()()()())
