# The __mro__ attribute of classes: single, diamond and the classic C3 example.
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.__mro__], [k.__name__ for k in B.__mro__])
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print([k.__name__ for k in Aa.__mro__])
print([k.__name__ for k in bool.__mro__], [k.__name__ for k in KeyError.__mro__])
