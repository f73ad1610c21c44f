# Unbounded recursion raises RuntimeError (RecursionError in CPython is a subclass); state is usable after.
def r(n):
    return r(n + 1)
try:
    r(0)
except RuntimeError as e:
    print('caught', isinstance(e, RuntimeError))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RuntimeError:
    print('caught mutual')
class Deep:
    def __getattr__(self, name):
        return getattr(self, name + 'x')
try:
    Deep().a
except RuntimeError:
    print('caught getattr')
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(50))
