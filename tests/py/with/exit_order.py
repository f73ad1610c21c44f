# Order of __enter__/__exit__ with multiple managers, exceptions raised in __enter__/__exit__, break/continue.
class CM:
    def __init__(self, n, fail_enter=False, fail_exit=False):
        self.n, self.fe, self.fx = n, fail_enter, fail_exit
    def __enter__(self):
        print('enter', self.n)
        if self.fe:
            raise RuntimeError('enter failed ' + self.n)
        return self.n
    def __exit__(self, *exc):
        print('exit', self.n, exc[0].__name__ if exc[0] else None)
        if self.fx:
            raise KeyError('exit failed ' + self.n)
with CM('a') as a, CM('b') as b, CM('c') as c:
    print('body', a, b, c)
try:
    with CM('x'), CM('y', fail_enter=True), CM('z'):
        print('not reached')
except RuntimeError as e:
    print('caught', e.args)
try:
    with CM('p', fail_exit=True):
        raise ValueError
except KeyError as e:
    print('exit exception replaced', e.args)
for i in range(3):
    with CM(str(i)):
        if i == 0:
            continue
        break
print('loop done')
