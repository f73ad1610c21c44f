# Classes nested in classes and functions: attribute access, closures over function locals, factories.
class Outer:
    class Inner:
        value = 'inner value'
        def get(self):
            return self.value
    def make(self):
        return self.Inner()
print(Outer.Inner.value, Outer().make().get(), Outer.Inner().get(), Outer.Inner.__name__)
def factory(base_value):
    class Made:
        def __init__(self):
            self.v = base_value
        def twice(self):
            return self.v * 2
    return Made
A = factory(3)
B = factory('ab')
print(A().twice(), B().twice(), A is not B, A.__name__)
class Registry:
    items = []
    class Entry:
        def __init__(self, name):
            Registry.items.append(name)
Registry.Entry('x')
Registry.Entry('y')
print(Registry.items)
