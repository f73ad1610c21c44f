# Multiple inheritance: C3 MRO for diamonds and complex hierarchies, cooperative super().
class A:
    def who(self):
        return ['A']
class B(A):
    def who(self):
        return ['B'] + super().who()
class C(A):
    def who(self):
        return ['C'] + super().who()
class D(B, C):
    def who(self):
        return ['D'] + super().who()
print(D().who())
class O:
    def chain(self):
        return ['O']
def link(name):
    def chain(self):
        return [name] + super(globals()[name], self).chain()
    return chain
class F(O): chain = link('F')
class E(O): chain = link('E')
class Dd(O): chain = link('Dd')
class Cc(Dd, F): chain = link('Cc')
class Bb(Dd, E): chain = link('Bb')
class Aa(Bb, Cc, E): chain = link('Aa')
print(Aa().chain(), Cc().chain(), Bb().chain())
class Base:
    def __init__(self):
        self.log = ['Base']
class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append('Left')
class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append('Right')
class Child(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append('Child')
print(Child().log)
class X:
    attr = 'X'
    def m(self):
        return 'X.m'
class Y:
    attr = 'Y'
    def m(self):
        return 'Y.m'
    def only_y(self):
        return 'only Y'
class Z(X, Y):
    pass
z = Z()
print(z.attr, z.m(), z.only_y(), isinstance(z, Y), issubclass(Z, X))
class Mixin:
    def describe(self):
        return type(self).__name__ + ':' + self.name()
class Named:
    def name(self):
        return 'named'
class Thing(Mixin, Named):
    pass
print(Thing().describe())
