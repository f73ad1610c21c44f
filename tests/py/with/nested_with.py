# Nested with statements and multiple managers: exception handled by the inner manager is invisible to the outer.
class CM:
    def __init__(self, name, swallow=()):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None)
        return t is not None and issubclass(t, self.swallow)
with CM('outer'):
    with CM('inner', swallow=(KeyError,)):
        raise KeyError
    print('after inner')
try:
    with CM('a'), CM('b', swallow=(IndexError,)):
        raise ValueError
except ValueError:
    print('ValueError reached the top')
