# Uncaught exception in __init__ reached through a subclass calling super().__init__().
class Base:
    def __init__(self, size):
        if size < 0:
            raise ValueError('size must be >= 0')
        self.size = size
class Derived(Base):
    def __init__(self, size):
        super().__init__(size)
print(Derived(1).size)
Derived(-1)
