# Exception objects: args tuple, str() of zero/one/many args, user attributes on subclasses, StopIteration.value.
for e in [Exception(), Exception('a'), Exception('a', 'b'), Exception(1), ValueError('x'), Exception(None), Exception('')]:
    print(type(e).__name__, e.args, '[' + str(e) + ']')
print(StopIteration(5).value, StopIteration().value, StopIteration(1, 2).value)
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyErr(404, 'not found')
except MyErr as e:
    print(e.code, e.args, str(e), isinstance(e, Exception))
class NoSuper(Exception):
    def __init__(self, v):
        self.v = v
try:
    raise NoSuper(3)
except NoSuper as e:
    print(e.v)
class WithStr(Exception):
    def __str__(self):
        return 'custom str'
print(str(WithStr('ignored')), WithStr('a').args)
print(KeyError('k').args, OSError(2, 'msg').args, OSError(2, 'msg').errno)
