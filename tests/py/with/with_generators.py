# Context managers written as classes wrapping generators (a hand-made contextmanager decorator).
class GenCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, typ, val, tb):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
        try:
            self.gen.throw(val)
        except StopIteration:
            return True
        except BaseException as e:
            if e is val:
                return False
            raise
def contextmanager(f):
    return lambda *a: GenCM(f(*a))
@contextmanager
def tag(name):
    print('<' + name + '>')
    try:
        yield name.upper()
    finally:
        print('</' + name + '>')
with tag('b') as t:
    print('content', t)
@contextmanager
def swallow():
    try:
        yield
    except ValueError:
        print('swallowed ValueError')
with swallow():
    raise ValueError
print('after')
try:
    with tag('i'):
        raise KeyError('k')
except KeyError:
    print('KeyError passed through')
