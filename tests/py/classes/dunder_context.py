# __enter__/__exit__ defined on classes: returned values, exception info, suppression via True.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None, exc.args if exc else None)
        return self.suppress
with CM('a') as v:
    print('body', v)
with CM('b', True):
    raise ValueError('swallowed')
print('after b')
try:
    with CM('c'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', e.args)
with CM('x') as x, CM('y') as y:
    print(x, y)
def f():
    with CM('ret'):
        return 'returned'
print(f())
for i in range(3):
    with CM('loop' + str(i)):
        if i == 1:
            continue
        if i == 2:
            break
