# Exception chaining attributes (__cause__, __context__, __suppress_context__) and .value: MicroPython has none of them (FLAVOURS.md rows 22, 25), CircuitPython has them.
def attr(e, name):
    try:
        v = getattr(e, name)
    except AttributeError:
        return 'n/a'
    return type(v).__name__ if isinstance(v, BaseException) else v
try:
    try:
        raise KeyError('k')
    except KeyError as k:
        raise ValueError('v') from k
except ValueError as v:
    print(attr(v, '__cause__'), attr(v, '__context__'), attr(v, '__suppress_context__'))
try:
    try:
        1/0
    except ZeroDivisionError:
        raise TypeError('t')
except TypeError as t:
    print(attr(t, '__context__'), attr(t, '__cause__'), attr(t, '__suppress_context__'))
try:
    raise ValueError('n') from None
except ValueError as n:
    print(attr(n, '__cause__'), attr(n, '__suppress_context__'))
print(attr(ValueError(5), 'value'), attr(StopIteration(6), 'value'), attr(KeyError(), 'value'))
