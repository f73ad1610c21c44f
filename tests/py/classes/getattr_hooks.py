# __getattr__ (fallback only), __getattribute__-free hooks, __setattr__ and __delattr__ interception.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, 'target', target)
        object.__setattr__(self, 'log', [])
    def __getattr__(self, name):
        self.log.append('get ' + name)
        return getattr(self.target, name)
    def __setattr__(self, name, value):
        self.log.append('set ' + name)
        setattr(self.target, name, value)
    def __delattr__(self, name):
        self.log.append('del ' + name)
        delattr(self.target, name)
class T:
    pass
t = T()
t.a = 1
p = Proxy(t)
print(p.a)
p.b = 2
print(t.b, p.b)
del p.a
print(hasattr(t, 'a'), p.log)
class Dyn:
    real = 'real attr'
    def __getattr__(self, name):
        if name.startswith('x'):
            return name.upper()
        raise AttributeError(name)
d = Dyn()
print(d.real, d.xyz, getattr(d, 'x1'), hasattr(d, 'nope'), getattr(d, 'nope', 'default'))
class Frozen:
    def __init__(self):
        super().__setattr__('value', 1)
    def __setattr__(self, k, v):
        raise AttributeError('frozen')
f = Frozen()
print(f.value)
try:
    f.value = 2
except AttributeError as e:
    print('AttributeError', e)
