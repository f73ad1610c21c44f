# with statement: __enter__ value bound with `as`, __exit__ always called, exception details passed.
class Resource:
    def __init__(self, name):
        self.name = name
        self.log = []
    def __enter__(self):
        print('open', self.name)
        return self
    def __exit__(self, typ, val, tb):
        print('close', self.name, typ.__name__ if typ else None)
        return False
with Resource('r1') as r:
    print('using', r.name)
try:
    with Resource('r2'):
        raise ValueError('x')
except ValueError:
    print('ValueError propagated')
with Resource('outer') as o, Resource('inner') as i:
    print('both', o.name, i.name)
with Resource('noas'):
    print('no as')
def f():
    with Resource('in function'):
        return 'ret'
print(f())
with Resource('tuple target') as (t):
    print(t.name)
