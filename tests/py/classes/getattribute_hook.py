# __getattribute__ overriding every lookup, object.__getattribute__, and __getattr__ as its fallback.
class D:
    def __init__(self): self.real = 1
    def __getattribute__(self, n):
        if n.startswith('x'):
            return 'ga:' + n
        return object.__getattribute__(self, n)
    def __getattr__(self, n):
        return 'fallback:' + n
    def meth(self): return 'meth'
d = D()
print(d.xy, d.real, d.meth(), d.other)
