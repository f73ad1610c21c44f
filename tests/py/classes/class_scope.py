# Class body scoping: names defined in the body, methods do not see class-level names unqualified.
x = 'global x'
class C:
    x = 'class x'
    y = x + '!'
    def method(self):
        return x
    def qualified(self):
        return self.x, C.x
print(C.y, C().method(), C().qualified())
def f():
    z = 'function z'
    class D:
        z_copy = z
        def get(self):
            return z
    return D.z_copy, D().get()
print(f())
class E:
    items = [1, 2, 3]
    total = 0
    for i in items:
        total += i
    del i
print(E.total, hasattr(E, 'i'))
