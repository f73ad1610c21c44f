# global and nonlocal declarations: rebinding, creation from functions, nested closures.
g = 1
def read_g():
    return g
def set_g(v):
    global g
    g = v
print(read_g())
set_g(5)
print(g, read_g())
def create():
    global created
    created = 'yes'
create()
print(created)
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    inner()
    inner()
    return x, inner()
print(outer())
def shadow():
    g = 100
    return g
print(shadow(), g)
def two_levels():
    a = 'a'
    def mid():
        def inner():
            nonlocal a
            a = a + '!'
        inner()
        return a
    r = mid()
    return r, a
print(two_levels())
def gen_global():
    global g
    for i in range(3):
        g += i
        yield g
print(list(gen_global()), g)
def nl_multiple():
    p = q = 0
    def inc():
        nonlocal p, q
        p += 1
        q += 2
    inc(); inc()
    return p, q
print(nl_multiple())
class C:
    global g
    g = 'set in class'
print(g)
