# __exit__ returning true suppresses exceptions; selective suppression by type; nested suppression.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, typ, val, tb):
        self.caught = typ
        return typ is not None and issubclass(typ, self.types)
with Suppress(KeyError) as s:
    {}['missing']
print('suppressed', s.caught.__name__)
try:
    with Suppress(KeyError):
        [][0]
except IndexError:
    print('IndexError not suppressed')
with Suppress(Exception):
    with Suppress(KeyError):
        raise ValueError
print('outer suppressed ValueError')
def g():
    for i in range(3):
        with Suppress(ZeroDivisionError):
            print(1 / (i - 1))
g()
