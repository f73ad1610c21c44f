# with statements whose __enter__/__exit__ are Python methods: return, break, continue and finally inside, swallowing, nesting, an __exit__ that raises.
class CM:
    def __init__(self, name, swallow=False): self.name, self.swallow = name, swallow
    def __enter__(self): print('enter', self.name); return self.name
    def __exit__(self, t, e, tb):
        print('exit', self.name, t.__name__ if t else None)
        return self.swallow
def f():
    with CM('a') as a:
        return 'ret ' + a
print(f())
for i in range(3):
    with CM(i):
        if i == 0:
            continue
        if i == 1:
            break
print('loop done')
with CM('s', True):
    raise KeyError('x')
print('swallowed')
try:
    with CM('n'):
        raise KeyError('y')
except KeyError:
    print('propagated')
def g():
    with CM('o'):
        with CM('i'):
            return 'nested'
print(g())
def h():
    for x in [1, 2]:
        with CM(x):
            try:
                return x
            finally:
                print('finally', x)
print(h())
class Bad:
    def __enter__(self): return self
    def __exit__(self, *a): raise ValueError('from exit')
try:
    with Bad():
        pass
except ValueError as e:
    print('exit raised', e)
