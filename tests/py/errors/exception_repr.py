# repr() and str() of exception objects: MicroPython's trailing comma for one argument, KeyError str without quotes.
class MyErr(Exception):
    pass
class MyErr2(Exception):
    def __init__(self, a, b):
        super().__init__(a)
values = [Exception(), Exception('a'), Exception('a', 'b'), Exception(1), Exception(''), Exception(None),
          ValueError('x'), KeyError(), KeyError('k'), KeyError(1), KeyError('a', 'b'), KeyError(''),
          StopIteration(5), SystemExit(3), OSError('plain'), AssertionError(), UnicodeError(),
          MyErr('m'), MyErr(), MyErr2('a', 'b'), IndexError((1, 2)), RuntimeError([1])]
for e in values:
    print(type(e).__name__ + ':', repr(e), '|', str(e), '|', e.args)
try:
    {}['k']
except KeyError as e:
    print('KeyError:', repr(e), '|', e)
try:
    {}[(1, 2)]
except KeyError as e:
    print('KeyError:', repr(e), '|', e)
try:
    int('x')
except ValueError as e:
    print('ValueError:', repr(e))
print('ValueError:', [ValueError('in list')], (KeyError('t'),))
