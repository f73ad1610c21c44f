# Calling what a property or __getattr__ returns (LOAD_METHOD on a computed attribute).
class A:
    @property
    def f(self):
        return lambda x: x * 2
    def __getattr__(self, n):
        return lambda: 'ga ' + n
a = A()
print(a.f(3), a.zz(), a.__class__.__name__)
