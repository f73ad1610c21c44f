# type(): one-argument form and three-argument class creation with bases and methods.
print(type(1).__name__, type('').__name__, type([]).__name__, type(type).__name__, type(None).__name__)
def hello(self):
    return 'hello from ' + self.name
Dyn = type('Dyn', (), {'name': 'dyn', 'hello': hello, 'x': 5})
d = Dyn()
print(Dyn.__name__, d.hello(), d.x, isinstance(d, Dyn), type(d) is Dyn)
class Base:
    def base(self):
        return 'base'
Sub = type('Sub', (Base,), {'name': 'sub', 'hello': hello})
s = Sub()
print(s.base(), s.hello(), issubclass(Sub, Base), Sub.__bases__ == (Base,))
E = type('E', (Exception,), {})
try:
    raise E('custom')
except E as e:
    print(type(e).__name__, e.args)
print(type(Dyn) is type, type(Base) is type, isinstance(Dyn, type))
Counter = type('Counter', (), {'n': 0, 'inc': lambda self: setattr(self, 'n', self.n + 1)})
c = Counter()
c.inc(); c.inc()
print(c.n, Counter.n)
