# Special attributes of classes and instances: __name__, __class__, __bases__, __dict__ membership, __module__-free.
class Base:
    pass
class Child(Base):
    attr = 1
    def m(self):
        pass
c = Child()
print(Child.__name__, c.__class__.__name__, [b.__name__ for b in Child.__bases__], Base.__bases__ == (object,))
print('attr' in Child.__dict__, 'm' in Child.__dict__, 'attr' in Base.__dict__, type(c).__name__)
print(c.__class__ is Child, type(c) is Child, isinstance(c, Base), Child.__class__ is type)
c.__dict__['dyn'] = 5
print(c.dyn, 'dyn' in c.__dict__)
print(int.__name__, type(None).__name__, type(len).__name__ in ('builtin_function_or_method', 'function'))
